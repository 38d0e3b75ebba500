package export_test

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
	"github.com/guidepress/guidepress/export/pdf"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/cpubench"
	"github.com/guidepress/guidepress/internal/growth"
)

// The page list (issue 14): every EPUB marks where each page of the PDF
// built with the same options starts, and lists the pages. These tests
// read both files as a reader would: the words after EPUB marker N must be
// the first words pdftotext finds on PDF page N.

var pagesFixed = export.Options{Modified: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC), PageStarts: pdf.PageStarts}

// pageGuides are the bundled example, five fixtures of different shapes
// (tables and verse, lists, marks and scripts, long parts) and the seed.
func pageGuides(t *testing.T) map[string]*content.Guide {
	t.Helper()
	root := checkers.RepoRoot()
	files := []string{"examples/frankenstein.txt", "testdata/guides/hamlet-v2.json", "testdata/guides/the-raven.md",
		"testdata/guides/tricky-markup.txt", "testdata/guides/pride-and-prejudice.txt", "testdata/guides/the-count-of-monte-cristo.txt"}
	out := map[string]*content.Guide{}
	load := func(name, p string) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		g, err := importer.Load(p, data, importer.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out[name] = g
	}
	for _, f := range files {
		load(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)), filepath.Join(root, f))
	}
	if checkers.SharedDir() == "" && checkers.Required() {
		t.Fatal("../shared is absent, and the seed is required under CI=true")
	}
	if d := checkers.SharedDir(); d != "" {
		if p := filepath.Join(d, "seed", "never-let-me-go.txt"); fileExists(p) {
			load("seed", p)
		} else if checkers.Required() {
			t.Fatalf("%s is absent, and the seed is required under CI=true", p)
		}
	}
	return out
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// pageConfigs are the print options the page list is checked under.
var pageConfigs = []struct {
	name   string
	paper  export.Paper
	duplex bool
	style  string
}{
	{"a4", export.A4, false, ""},
	{"a4-duplex", export.A4, true, ""},
	{"letter-duplex", export.Letter, true, ""},
	{"a4-large-print", export.A4, false, "large-print"},
	{"a4-duplex-compact", export.A4, true, "compact"},
}

// pagedBook is one guide built both ways with one set of options.
type pagedBook struct {
	name     string
	epub     []byte
	pdfPath  string
	epubPath string
	layout   *pdf.Layout
}

func buildPaged(t *testing.T, dir, name string, g *content.Guide, opts export.Options) pagedBook {
	t.Helper()
	out, lay, _, err := pdf.BuildWithLayout(g, opts)
	if err != nil {
		t.Fatalf("%s: pdf: %v", name, err)
	}
	e, _, err := epub.Build(g, opts)
	if err != nil {
		t.Fatalf("%s: epub: %v", name, err)
	}
	again, _, err := epub.Build(g, opts)
	if err != nil || !bytes.Equal(e, again) {
		t.Fatalf("%s: two builds of the EPUB differ (err %v)", name, err)
	}
	bk := pagedBook{name: name, epub: e, layout: lay,
		pdfPath: filepath.Join(dir, name+".pdf"), epubPath: filepath.Join(dir, name+".epub")}
	if err := os.WriteFile(bk.pdfPath, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bk.epubPath, e, 0o644); err != nil {
		t.Fatal(err)
	}
	return bk
}

// TestPageList checks every marker of every book against the PDF's text,
// the page list against the markers and the PDF's page labels, and (not
// with -short) the books with EPUBCheck and Ace.
func TestPageList(t *testing.T) {
	pdftotext := checkers.Tool(t, "pdftotext")
	dir := t.TempDir()
	var books []pagedBook
	for name, g := range pageGuides(t) {
		for _, c := range pageConfigs {
			opts := pagesFixed
			opts.Paper, opts.Duplex, opts.Style = c.paper, c.duplex, c.style
			books = append(books, buildPaged(t, dir, name+"-"+c.name, g, opts))
		}
	}
	slices.SortFunc(books, func(a, b pagedBook) int { return strings.Compare(a.name, b.name) })
	for _, bk := range books {
		t.Run(bk.name, func(t *testing.T) { checkPageList(t, pdftotext, bk) })
	}
	if testing.Short() {
		return
	}
	var paths []string
	for _, bk := range books {
		paths = append(paths, bk.epubPath)
	}
	checkers.Script(t, "check-epub.sh")
	for i, r := range checkers.EPUBCheck(t, true, paths...) {
		if !r.Passed {
			t.Errorf("EPUBCheck failed %s:\n%s", paths[i], r.Output)
		}
	}
	t.Run("ace", func(t *testing.T) {
		for _, bk := range books {
			if !strings.HasSuffix(bk.name, "-a4") && !strings.HasSuffix(bk.name, "-letter-duplex") {
				continue // the same markup as a4's, its markers elsewhere
			}
			t.Run(bk.name, func(t *testing.T) {
				t.Parallel()
				checkers.MustPass(t, "check-a11y.sh", "--fail-on", "minor", bk.epubPath)
			})
		}
	})
}

var (
	markerRE  = regexp.MustCompile(`<span id="page-(\d+)" epub:type="pagebreak" role="doc-pagebreak" aria-label="([^"]*)"></span>`)
	pageRefRE = regexp.MustCompile(`<li><a href="([^"#]+)#page-(\d+)">([^<]*)</a></li>`)
	tagRE     = regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)[^>]*>`)
)

// inlineElems do not end a word in the extracted text.
var inlineElems = map[string]bool{"a": true, "em": true, "strong": true, "cite": true, "span": true, "wbr": true}

// keys are the words of text as both files are compared: letters and
// digits, lower-cased, split at spaces and after hyphens, dashes and
// slashes (where the PDF may break a line), without numbers alone (a
// list's labels are drawn apart from its text in the PDF, by the
// stylesheet in the EPUB).
func keys(text string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		k := cur.String()
		cur.Reset()
		if k == "" || strings.IndexFunc(k, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
			return
		}
		out = append(out, k)
	}
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(unicode.ToLower(r))
		case strings.ContainsRune("-‐‑–—/", r):
			flush()
		}
	}
	flush()
	return out
}

// markupText is the text of XHTML markup, other markers left out.
func markupText(s string) string {
	s = markerRE.ReplaceAllString(s, "")
	s = tagRE.ReplaceAllStringFunc(s, func(tag string) string {
		if inlineElems[strings.ToLower(tagRE.FindStringSubmatch(tag)[2])] {
			return ""
		}
		return " "
	})
	return html.UnescapeString(s)
}

type marker struct {
	file, label string
	after       []string // the first words after it
}

func checkPageList(t *testing.T, pdftotext string, bk pagedBook) {
	zr, err := zip.NewReader(bytes.NewReader(bk.epub), int64(len(bk.epub)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(data)
	}
	markers := map[int]marker{}
	for name, s := range files {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		for _, m := range markerRE.FindAllStringSubmatchIndex(s, -1) {
			n, _ := strconv.Atoi(s[m[2]:m[3]])
			if _, dup := markers[n]; dup {
				t.Errorf("marker %d twice", n)
			}
			rest := s[m[1]:min(len(s), m[1]+4000)]
			ks := keys(markupText(rest))
			markers[n] = marker{file: strings.TrimPrefix(name, "EPUB/"), label: s[m[4]:m[5]], after: ks[:min(3, len(ks))]}
		}
	}
	pages := bk.layout.Pages
	starts := bk.layout.PageStarts()
	if len(markers) != len(pages) {
		t.Fatalf("%d markers for %d pages", len(markers), len(pages))
	}

	// The page list: every page in order, its label the PDF's, its link
	// the marker's.
	nav := files["EPUB/nav.xhtml"]
	_, list, ok := strings.Cut(nav, `<nav epub:type="page-list"`)
	if !ok {
		t.Fatal("no page-list nav")
	}
	refs := pageRefRE.FindAllStringSubmatch(list, -1)
	if len(refs) != len(pages) {
		t.Fatalf("the page list has %d entries for %d pages", len(refs), len(pages))
	}
	for i, r := range refs {
		n, _ := strconv.Atoi(r[2])
		m := markers[n]
		if n != i+1 || r[3] != starts[i].Label || m.label != starts[i].Label || r[1] != m.file {
			t.Errorf("page list entry %d: %q#page-%s %q; want %s#page-%d %q (the marker's label %q)", i+1, r[1], r[2], r[3], m.file, i+1, starts[i].Label, m.label)
		}
	}
	opf := files["EPUB/package.opf"]
	for _, want := range []string{`<meta property="schema:accessibilityFeature">pageNavigation</meta>`,
		`<meta property="schema:accessibilityFeature">printPageNumbers</meta>`, `<meta property="pageBreakSource">PDF edition of urn:uuid:`} {
		if !strings.Contains(opf, want) {
			t.Errorf("package document lacks %s", want)
		}
	}

	// The words after each marker are the first the PDF's page prints.
	out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", bk.pdfPath, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	texts := strings.Split(string(out), "\f")
	firstContents := true
	for i, pg := range pages {
		n := i + 1
		m := markers[n]
		if n > len(texts) {
			t.Fatalf("pdftotext gave %d pages for %d", len(texts), len(pages))
		}
		top := keys(texts[i])
		switch pg.Kind {
		case pdf.CoverPage:
			if m.file != "xhtml/cover.xhtml" {
				t.Errorf("page %d (the cover) is marked in %s", n, m.file)
			}
			continue
		case pdf.BlankPage:
			if len(top) != 0 {
				t.Errorf("page %d is blank in the layout but prints %q", n, top)
			}
			continue
		case pdf.ContentsPage:
			// The navigation document stands for the printed contents:
			// its heading is the first page's first word; the pages
			// after it are marked at its top too (the toc nav's entries
			// can hold nothing else).
			if m.file != "nav.xhtml" {
				t.Errorf("contents page %d is marked in %s", n, m.file)
			}
			if firstContents && (len(m.after) == 0 || len(top) == 0 || m.after[0] != top[0]) {
				t.Errorf("contents page %d: EPUB %q, PDF %q", n, m.after, top[:min(len(top), 6)])
			}
			firstContents = false
			continue
		}
		if len(m.after) < min(3, len(top)) || !startsNear(top, m.after, 3) {
			t.Errorf("page %d (%s): after the EPUB's marker %q; the PDF's page begins %q", n, m.file, m.after, top[:min(len(top), 12)])
		}
	}

	// The PDF's page labels are what the pages print.
	js, err := exec.Command("qpdf", "--json", "--json-key=pagelabels", bk.pdfPath).Output()
	if err == nil { // qpdf is optional here: check-pdf.sh requires it
		want := `"/S": "/D",
        "/St": 1`
		if pages[0].Kind == pdf.CoverPage {
			want = `"/P": "u:Cover"`
			if !strings.Contains(string(js), `"/St": 2`) {
				t.Errorf("page labels: %s", js)
			}
		}
		if !strings.Contains(string(js), want) {
			t.Errorf("page labels: %s", js)
		}
	}
}

// startsNear reports whether words begins top, within its first skip
// words (a word the PDF prints and the EPUB does not: "Appendix:").
func startsNear(top, words []string, skip int) bool {
	for i := 0; i <= skip && i+len(words) <= len(top); i++ {
		if slices.Equal(top[i:i+len(words)], words) {
			return true
		}
	}
	return false
}

// BenchmarkPageList is what the page list costs an EPUB build: the EPUB
// with and without it, and the PDF layout it waits for alone, per guide,
// in CPU time (cpu-ms/op; the layout runs on a goroutine of its own while
// the documents are planned, so a build's wall time grows less).
func BenchmarkPageList(b *testing.B) {
	root := checkers.RepoRoot()
	guides := []struct{ name, path string }{
		{"example", filepath.Join(root, "examples", "frankenstein.txt")},
		{"hamlet-v2", filepath.Join(root, "testdata", "guides", "hamlet-v2.json")},
	}
	if d := checkers.SharedDir(); d != "" {
		guides = append(guides, struct{ name, path string }{"seed", filepath.Join(d, "seed", "never-let-me-go.txt")})
	}
	for _, gd := range guides {
		data, err := os.ReadFile(gd.path)
		if err != nil {
			b.Skip(err)
		}
		g, err := importer.Load(gd.path, data, importer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		without := pagesFixed
		without.PageStarts = nil
		run := func(name string, f func() error) {
			b.Run(gd.name+"/"+name, func(b *testing.B) {
				stop := cpubench.Start(b)
				for b.Loop() {
					if err := f(); err != nil {
						b.Fatal(err)
					}
				}
				stop()
			})
		}
		run("epub", func() error { _, _, err := epub.Build(g, without); return err })
		run("epub+pagelist", func() error { _, _, err := epub.Build(g, pagesFixed); return err })
		run("layout", func() error { _, err := pdf.PageStarts(g, pagesFixed); return err })
		run("pdf", func() error { _, _, err := pdf.Build(g, pagesFixed); return err })
		run("epub+pdf", func() error {
			if _, _, err := epub.Build(g, pagesFixed); err != nil {
				return err
			}
			_, _, err := pdf.Build(g, pagesFixed)
			return err
		})
		run("epub+pdf-shared", func() error {
			share := pdf.NewLayoutShare()
			opts := pagesFixed
			opts.PageStarts = share.PageStarts
			if _, _, err := epub.Build(g, opts); err != nil {
				return err
			}
			_, _, err := share.Build(g, opts)
			return err
		})
	}
}

// TestLayoutShare: a PDF drawn from the layout its EPUB made for the page
// list is the PDF Build makes, byte for byte, and the EPUB is the same.
func TestLayoutShare(t *testing.T) {
	guides := pageGuides(t)
	for _, name := range []string{"frankenstein", "hamlet-v2", "seed"} {
		g := guides[name]
		if g == nil {
			continue
		}
		for _, c := range pageConfigs {
			opts := pagesFixed
			opts.Paper, opts.Duplex, opts.Style = c.paper, c.duplex, c.style
			share := pdf.NewLayoutShare()
			shared := opts
			shared.PageStarts = share.PageStarts
			e1, _, err := epub.Build(g, shared)
			if err != nil {
				t.Fatal(err)
			}
			p1, _, err := share.Build(g, shared)
			if err != nil {
				t.Fatal(err)
			}
			e2, _, err := epub.Build(g, opts)
			if err != nil {
				t.Fatal(err)
			}
			p2, _, err := pdf.Build(g, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(e1, e2) || !bytes.Equal(p1, p2) {
				t.Errorf("%s %s: the shared layout gives another EPUB (%v) or PDF (%v)", name, c.name, !bytes.Equal(e1, e2), !bytes.Equal(p1, p2))
			}
		}
	}
}

// TestPageListLinearCost: an EPUB with its page list costs in
// proportion to the guide. Each page's marker was inserted by copying its
// whole document (n²: of the 14 s a 40,000-subsection guide took, 9 went
// in copies); the bytes allocated show it without timing anything.
func TestPageListLinearCost(t *testing.T) {
	if growth.Race {
		t.Skip("a cost test: the race detector allocates for itself, unevenly (30 → 345 MB here once); `make test` runs this again without -race")
	}
	if testing.Short() {
		t.Skip("builds guides of thousands of sections")
	}
	// Both guides are read before anything is counted: reading the large
	// one inside the count charged the EPUB with the plain-text reader's
	// allocations (under -race, whose sync.Pool drops regexp machines,
	// 30 → 345 MB, "n^1.74").
	guides := map[int]*content.Guide{}
	for _, n := range []int{1000, 4000} {
		g, err := importer.Load("growth.txt", growth.Guide(growth.Subsections, n), importer.Options{MaxBytes: 16 << 20})
		if err != nil {
			t.Fatal(err)
		}
		guides[n] = g
	}
	growth.LinearAlloc(t, "EPUB with its page list", 1000, 4, 1.15, func(n int) {
		if _, _, err := epub.Build(guides[n], pagesFixed); err != nil {
			t.Fatal(err)
		}
	})
}
