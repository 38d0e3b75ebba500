package finish

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// pagesFile is a file of n pages as fpdf writes them, each page object
// followed by its content stream, and its objects' table.
func pagesFile(n int) (*fpdfFile, *fpdfDoc) {
	var b []byte
	doc := &fpdfDoc{}
	obj := func(num int, body string) {
		off := len(b)
		b = fmt.Appendf(b, "%d 0 obj\n%s\nendobj\n", num, body)
		doc.objs = append(doc.objs, fpdfObj{num: num, off: off, end: len(b)})
	}
	for i := range n {
		obj(3+2*i, fmt.Sprintf("%s/Parent 1 0 R\n/Contents %d 0 R>>", pageDict, 4+2*i))
		obj(4+2*i, "<</Length 2>>\nstream\nBT\nendstream")
	}
	return newFpdfFile([][]byte{b}), doc
}

// TestIndexPagesAllocations: the finishing pass finds each page and its
// content stream by object number in two slices of 4 bytes an object
// (2b925e8), not in maps grown as the file is read, which took 0.4 s of
// 195,699 pages' build and allocated three times the bytes (maps:
// 128–151 bytes a page here, slices 45–49, most of it the list of page
// objects grown by append). Bytes, not time: they do not move with the
// machine's load.
func TestIndexPagesAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	for _, n := range []int{3000, 20000} {
		in, doc := pagesFile(n)
		var pages int
		// MemStats, not runtime/metrics: it counts small objects at once,
		// where the metrics see them as their spans fill.
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, _, nums, err := indexPages(in, doc)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		pages = len(nums)
		bytes := after.TotalAlloc - before.TotalAlloc
		if pages != n {
			t.Fatalf("%d pages found, want %d", pages, n)
		}
		per := float64(bytes) / float64(n)
		t.Logf("%d pages: the index allocated %.0f bytes a page", n, per)
		if per > 64 {
			t.Errorf("%d pages: finding the pages and their streams allocated %.0f bytes a page, want at most 64", n, per)
		}
	}
}
