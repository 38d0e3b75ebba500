package pdf

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/content/typography"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/internal/checkers"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// fixed is the build time of every test build, so that outputs compare.
var fixed = time.Date(2024, 5, 17, 9, 30, 0, 0, time.UTC)

type fixture struct {
	name string
	g    *content.Guide
	// printable says whether every character of the guide can be printed,
	// so that its text can be looked for verbatim in the PDF.
	printable bool
}

// loadFile imports a plain-text guide with the real importer.
func loadFile(t testing.TB, path string) *content.Guide {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return loadText(t, filepath.Base(path), string(data))
}

// loadText imports a guide written in a test, named name (its extension
// chooses the reader), with the real importer.
func loadText(t testing.TB, name, text string) *content.Guide {
	t.Helper()
	g, err := importer.Load(name, []byte(text), importer.Options{})
	if err != nil {
		t.Fatalf("importing %s: %v", name, err)
	}
	return g
}

// fixtures are the guides every structural test runs over: two built in
// Go (a typical guide and the tricky one), the bundled example, the
// repository's plain-text fixtures and, when present, the seed.
func fixtures(t *testing.T) []fixture {
	t.Helper()
	fs := []fixture{{"sample", sampleGuide(), true}, {"tricky", trickyGuide(), false}, {"stress", stressGuide(), true}}
	root := checkers.RepoRoot()
	if p := filepath.Join(root, "examples", "frankenstein.txt"); fileExists(p) {
		fs = append(fs, fixture{"frankenstein", loadFile(t, p), true})
	}
	txts, _ := filepath.Glob(filepath.Join(root, "testdata", "guides", "*.txt"))
	for _, p := range txts {
		fs = append(fs, fixture{strings.TrimSuffix(filepath.Base(p), ".txt"), loadFile(t, p), false})
	}
	jsons, _ := filepath.Glob(filepath.Join(root, "testdata", "guides", "*.json"))
	for _, p := range jsons {
		fs = append(fs, fixture{strings.TrimSuffix(filepath.Base(p), ".json"), loadJSON(t, p), true})
	}
	mds, _ := filepath.Glob(filepath.Join(root, "testdata", "guides", "*.md"))
	for _, p := range mds {
		fs = append(fs, fixture{filepath.Base(p), loadFile(t, p), false})
	}
	if d := checkers.SharedDir(); d != "" {
		if p := filepath.Join(d, "seed", "never-let-me-go.txt"); fileExists(p) {
			fs = append(fs, fixture{"seed", loadFile(t, p), true})
		}
	}
	return fs
}

// loadJSON reads a guide in the model's JSON form.
func loadJSON(t testing.TB, path string) *content.Guide {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := content.DecodeJSON(data)
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return g
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// build builds g or fails the test.
func build(t testing.TB, g *content.Guide, opts export.Options) ([]byte, *Layout, []content.Diagnostic) {
	t.Helper()
	if opts.Modified.IsZero() {
		opts.Modified = fixed
	}
	out, lay, diags, err := BuildWithLayout(g, opts)
	if err != nil {
		t.Fatalf("build %q: %v", g.Title, err)
	}
	return out, lay, diags
}

// write puts a PDF in the test's temporary folder.
func write(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// run runs an installed tool, skipping locally (failing under CI) when it
// is missing.
func runTool(t testing.TB, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(checkers.Tool(t, tool), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pageText is pdftotext's text of page n.
func pageText(t testing.TB, path string, n int) string {
	t.Helper()
	return runTool(t, "pdftotext", "-enc", "UTF-8", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), path, "-")
}

// pagesText is pdftotext's text of every page, by page number (index 0
// is unused): one run of pdftotext, split at its form feeds.
func pagesText(t testing.TB, path string) []string {
	t.Helper()
	all := runTool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	return append([]string{""}, strings.Split(all, "\f")...)
}

// bodyText is the text of every page's text block, without running
// headers and footers (pdftotext cropped to the block), so that a quote
// split across pages reads as one.
func bodyText(t testing.TB, path string, lay *Layout) string {
	t.Helper()
	pt := func(mm float64) string { return fmt.Sprint(int(mm * 72 / 25.4)) }
	return runTool(t, "pdftotext", "-enc", "UTF-8", "-r", "72",
		"-x", "0", "-y", pt(lay.TextTop-1), "-W", pt(lay.PageWidth), "-H", pt(lay.TextBottom-lay.TextTop+2), path, "-")
}

// squash removes all white space: line breaks may fall anywhere (after a
// hyphen, inside a 200-letter word), so text is compared without it.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// pdfinfo returns pdfinfo's fields.
func pdfinfo(t testing.TB, path string, args ...string) map[string]string {
	t.Helper()
	out := runTool(t, "pdfinfo", append(append([]string{"-enc", "UTF-8"}, args...), path)...)
	m := map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if ok {
			m[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return m
}

func mustTheme(t testing.TB) theme.Theme {
	t.Helper()
	th, err := theme.Default()
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// set is model text as the PDF prints it: cleaned, with its dashes in
// the PDF's one convention (dashes).
func set(s string) string { return layout.Dashes(layout.Clean(s)) }

// setTitle is a displayed title as the PDF prints it: set, with
// typographic quotation marks.
func setTitle(s string) string { return set(typography.Smart(s)) }
