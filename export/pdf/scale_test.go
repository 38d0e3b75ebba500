package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/growth"
)

func loadGrowth(t testing.TB, s growth.Shape, n int) *content.Guide {
	t.Helper()
	return loadGrowthText(t, growth.Guide(s, n))
}

func loadGrowthText(t testing.TB, text []byte) *content.Guide {
	t.Helper()
	return loadGrowthTextExt(t, text, ".txt")
}

// TestTenThousandPages builds a guide of over 10,000 pages, checks that
// its cross-reference finds every object, and has poppler (pdfinfo,
// pdftotext), qpdf and mupdf read it to the last page. All went into one
// object stream, whose indexes past 65,535 the cross-reference's two
// bytes wrapped: poppler found null for a 4,300-page guide's page tree
// ("Top-level pages object is wrong type"). The page tree is balanced
// (TestBalancedPageTree) rather than fpdf's one node of every page.
func TestTenThousandPages(t *testing.T) {
	if growth.Race {
		t.Skip("a cost test: the race detector distorts it; make test runs it without -race")
	}
	if testing.Short() {
		t.Skip("builds a 10,000-page PDF")
	}
	g := loadGrowth(t, growth.Sections, 9800)
	out, lay, _ := build(t, g, export.Options{})
	pages := len(lay.Pages)
	if pages < 10000 {
		t.Fatalf("%d pages, want at least 10,000", pages)
	}
	if n := checkXref(t, out); n < 1<<16 {
		t.Fatalf("only %d objects in object streams: the test does not exercise the index limit", n)
	}
	path := write(t, "ten-thousand", out)
	for _, tool := range []string{"pdfinfo", "pdftotext", "qpdf", "mutool"} {
		checkers.Tool(t, tool) // skip (fail under CI) without the readers
	}

	info, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil || strings.Contains(string(info), "Error") || !strings.Contains(string(info), fmt.Sprintf("Pages:           %d\n", pages)) {
		t.Fatalf("pdfinfo (%v):\n%s", err, info)
	}
	last := g.Sections[len(g.Sections)-1].Blocks[0].Text.Plain()
	if text := squash(pageText(t, path, pages)) + squash(pageText(t, path, pages-1)); !strings.Contains(text, squash(last)) {
		t.Errorf("pdftotext of the last pages %q does not hold the last section's %q", text, last)
	}
	// (qpdf --check reads every page's content: half a minute here; it
	// exits non-zero on a warning, as when it must repair the file.)
	if out := runTool(t, "qpdf", "--show-npages", path); strings.TrimSpace(out) != fmt.Sprint(pages) {
		t.Errorf("qpdf counts %s pages, want %d", out, pages)
	}
	mu, err := exec.Command("mutool", "draw", "-F", "txt", "-o", "-", path, fmt.Sprint(pages)).CombinedOutput()
	if err != nil || strings.Contains(strings.ToLower(string(mu)), "error") {
		t.Errorf("mutool draw page %d (%v):\n%s", pages, err, mu)
	}
}

var (
	objStmRE = regexp.MustCompile(`(?s)(\d+) 0 obj\n<</Type /ObjStm /N (\d+) /First (\d+) /Filter /FlateDecode /Length (\d+)>>\nstream\n`)
	xrefRE   = regexp.MustCompile(`(?s)\d+ 0 obj\n<</Type /XRef /Size (\d+) /W \[1 4 2\] .*?/Length (\d+)>>\nstream\n`)
)

// checkXref reads the cross-reference stream and every object stream of
// a PDF as optimize writes them, and fails unless each compressed
// object's entry names the stream that holds it and its true index
// there. It returns the number of compressed objects.
func checkXref(t testing.TB, pdf []byte) int {
	t.Helper()
	inflate := func(b []byte) []byte {
		zr, err := zlib.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		d, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	atoi := func(b []byte) int { n, _ := strconv.Atoi(string(b)); return n }
	held := map[[2]int]int{} // (stream, index) → object
	for _, m := range objStmRE.FindAllSubmatchIndex(pdf, -1) {
		num, n, first, length := atoi(pdf[m[2]:m[3]]), atoi(pdf[m[4]:m[5]]), atoi(pdf[m[6]:m[7]]), atoi(pdf[m[8]:m[9]])
		head := strings.Fields(string(inflate(pdf[m[1] : m[1]+length])[:first]))
		if len(head) != 2*n {
			t.Fatalf("object stream %d: /N %d, %d numbers in its header", num, n, len(head))
		}
		for i := 0; i < n; i++ {
			held[[2]int{num, i}], _ = strconv.Atoi(head[2*i])
		}
	}
	m := xrefRE.FindSubmatchIndex(pdf)
	if m == nil {
		t.Fatal("no cross-reference stream")
	}
	size, length := atoi(pdf[m[2]:m[3]]), atoi(pdf[m[4]:m[5]])
	rows := inflate(pdf[m[1] : m[1]+length])
	if len(rows) != 7*size {
		t.Fatalf("%d bytes of cross-reference rows for /Size %d", len(rows), size)
	}
	compressed := 0
	for j := 0; j < size; j++ {
		r := rows[7*j:]
		if r[0] != 2 {
			continue
		}
		stm := int(r[1])<<24 | int(r[2])<<16 | int(r[3])<<8 | int(r[4])
		idx := int(r[5])<<8 | int(r[6])
		if got, ok := held[[2]int{stm, idx}]; !ok || got != j {
			t.Fatalf("object %d: the cross-reference says index %d of stream %d, which holds object %d", j, idx, stm, got)
		}
		compressed++
	}
	if compressed != len(held) {
		t.Fatalf("%d objects in object streams, %d compressed entries", len(held), compressed)
	}
	return compressed
}
