package epub

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
)

// book under external check: the guide, its options, the built EPUB and
// which checkers to run on it.
type checked struct {
	name   string
	g      *content.Guide
	opts   export.Options
	path   string
	checks string // subset of "eapc": EPUBCheck, Ace, pandoc, calibre
}

// repoGuides loads the bundled examples and the fixture guides. They are
// part of the repository, so their absence is a failure, not a skip.
func repoGuides(t *testing.T) map[string]*content.Guide {
	t.Helper()
	root := checkers.RepoRoot()
	out := map[string]*content.Guide{}
	for _, pattern := range []string{"examples/*.txt", "testdata/guides/*.txt", "testdata/guides/*.json", "testdata/guides/*.md"} {
		paths, _ := filepath.Glob(filepath.Join(root, pattern))
		if len(paths) == 0 {
			t.Fatalf("no %s in the repository", pattern)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			g, err := importer.Load(p, data, importer.Options{})
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			name := filepath.Base(filepath.Dir(p)) + "/" + strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			if filepath.Ext(p) == ".md" {
				name += ".md" // beside a plain-text guide of the same book
			}
			out[name] = g
		}
	}
	return out
}

func seedGuide(t *testing.T) *content.Guide {
	return mustLoad(t, checkers.Seed(t, "never-let-me-go.txt"))
}

// TestRepoGuides builds every repository guide and checks its structure
// against its model.
func TestRepoGuides(t *testing.T) {
	for name, g := range repoGuides(t) {
		t.Run(name, func(t *testing.T) {
			b, _, err := Build(g, fixed)
			if err != nil {
				t.Fatal(err)
			}
			checkStructure(t, g, b, fixed)
		})
	}
	t.Run("seed", func(t *testing.T) {
		g := seedGuide(t)
		b, _, err := Build(g, fixed)
		if err != nil {
			t.Fatal(err)
		}
		checkStructure(t, g, b, fixed)
	})
}

// TestGoldenExample pins the package structure of the bundled example.
func TestGoldenExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := importer.Load("frankenstein.txt", data, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "frankenstein", unpack(t, build(t, g, fixed)).outline(t))
}

// TestCheckers runs EPUBCheck (0 errors, 0 warnings), Ace by DAISY (0
// violations of any impact), pandoc's and calibre's EPUB readers on the
// example, every fixture, the seed, the tricky guide and the embedded-font
// build. Each book is built once; EPUBCheck checks them all in one JVM,
// the other checkers run in parallel subtests (at most checkers.Jobs()
// at once).
func TestCheckers(t *testing.T) {
	if testing.Short() {
		t.Skip("external checkers are slow; skipped with -short")
	}
	checkers.Script(t, "check-epub.sh") // skip (or fail under CI) before building anything

	dir := t.TempDir()
	var books []checked
	add := func(name string, g *content.Guide, opts export.Options, checks string) {
		b, _, err := Build(g, opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := filepath.Join(dir, strings.ReplaceAll(name, "/", "_")+".epub")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		books = append(books, checked{name, g, opts, p, checks})
	}
	// Every checker on the example, the seed and the tricky guides; the
	// other fixtures skip calibre (the slowest reader, and pandoc reads
	// them too); the Go-built sample is validated, its fonts variant only
	// by EPUBCheck (fonts change packaging, not reading). This keeps the
	// package's tests near a minute and a half on two cores.
	for name, g := range repoGuides(t) {
		checks := "eap"
		if strings.HasSuffix(name, ".md") {
			checks = "ea" // the Markdown reader's fixtures: EPUBCheck and Ace
		}
		if strings.HasPrefix(name, "examples/") || strings.Contains(name, "tricky") || strings.HasSuffix(name, "-v2") {
			checks = "eapc"
		}
		add(name, g, fixed, checks)
	}
	add("go/sample", sampleGuide(), fixed, "ea")
	tricky, _ := sanitize(trickyGuide())
	add("go/tricky", tricky, fixed, "eapc")
	withFonts := fixed
	withFonts.EmbedFonts = true
	add("go/sample-fonts", sampleGuide(), withFonts, "e")
	t.Run("build-seed", func(t *testing.T) { add("seed", seedGuide(t), fixed, "eapc") })

	// EPUBCheck once over every book (one JVM: check-epub.sh per book
	// started eleven, at half a minute each on a loaded machine).
	var toCheck []string
	for _, bk := range books {
		if strings.IndexByte(bk.checks, 'e') >= 0 {
			toCheck = append(toCheck, bk.path)
		}
	}
	epubcheck := map[string]checkers.Result{}
	for i, r := range checkers.EPUBCheck(t, true, toCheck...) {
		epubcheck[toCheck[i]] = r
	}

	for _, bk := range books {
		bk := bk
		headings, toc := 0, 0
		var count func([]content.Section)
		count = func(ss []content.Section) {
			for _, s := range ss {
				headings++
				count(s.Subsections)
			}
		}
		count(bk.g.Sections)
		headings += len(bk.g.FAQ)
		toc = len(expectedTOC(bk.g))
		expect := []string{bk.g.Book.Title}
		if len(bk.g.Sections) > 0 {
			expect = append(expect, bk.g.Sections[len(bk.g.Sections)-1].Title)
		}
		if len(bk.g.FAQ) > 0 {
			expect = append(expect, bk.g.FAQ[len(bk.g.FAQ)-1].Question)
		}
		if len(bk.g.Quotes) > 0 && len(bk.g.Quotes[0].Text) > 0 {
			// With its opening quotation mark: the mark is text, so
			// readers that drop the stylesheet keep it.
			expect = append(expect, marksFor(bk.g.Language).open+firstWords(bk.g.Quotes[0].Text.Plain(), 6))
		}
		var expectArgs []string
		for _, e := range expect {
			expectArgs = append(expectArgs, "--expect-text", e)
		}
		t.Run(bk.name, func(t *testing.T) {
			t.Parallel()
			run := func(name string, c byte, f func(t *testing.T)) {
				if strings.IndexByte(bk.checks, c) >= 0 {
					t.Run(name, f)
				}
			}
			run("epubcheck", 'e', func(t *testing.T) {
				if r := epubcheck[bk.path]; !r.Passed {
					t.Errorf("EPUBCheck failed %s:\n%s", bk.path, r.Output)
				}
			})
			run("ace", 'a', func(t *testing.T) {
				t.Parallel()
				checkers.MustPass(t, "check-a11y.sh", "--fail-on", "minor", "--outdir", filepath.Join(dir, strings.ReplaceAll(bk.name, "/", "_")+"-ace"), bk.path)
			})
			run("pandoc", 'p', func(t *testing.T) {
				t.Parallel()
				checkers.MustPass(t, "check-epub-reader.sh", append([]string{"--min-headings", strconv.Itoa(headings)}, append(expectArgs, bk.path)...)...)
			})
			run("calibre", 'c', func(t *testing.T) {
				t.Parallel()
				checkers.MustPass(t, "check-epub-calibre.sh", append([]string{"--min-toc", strconv.Itoa(toc)}, append(expectArgs, bk.path)...)...)
			})
		})
	}
}

// firstWords is a short, markup-free prefix of a text for --expect-text.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}
