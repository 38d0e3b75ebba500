package finish

import (
	"fmt"
	"runtime"
	"slices"
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

// TestIndexPagesFromMarks: the pages of a long document's packed parts
// are found from where Packed.Add saw them (pageMark), not by inflating
// every part once more before the copy (4 MiB of one-line sections: 124
// MB inflated twice), and they are the pages, content streams and order
// that reading the objects finds: also with a string in another object
// holding a page's header, a page without /Contents, and parts cut
// between objects anywhere.
func TestIndexPagesFromMarks(t *testing.T) {
	in, doc := pagesFile(50)
	b := slices.Clone(in.parts[0])
	add := func(num int, body string) {
		off := len(b)
		b = fmt.Appendf(b, "%d 0 obj\n%s\nendobj\n", num, body)
		doc.objs = append(doc.objs, fpdfObj{num: num, off: off, end: len(b)})
	}
	add(200, "<</Title (a string: 7 0 obj\n<</Type /Page\n/Contents 9 0 R>>)>>")
	add(201, pageDict+"/Parent 1 0 R>>")
	add(202, "<</Type /Pages\n/Kids [3 0 R]>>")
	add(203, pageDict+"/Parent 1 0 R\n/Contents 4 0 R>>")
	wantContents, wantIndex, wantNums, err := indexPages(newFpdfFile([][]byte{b}), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{1, 2, 7} { // parts of about len/cut bytes, cut at objects
		var parts [][]byte
		from := 0
		for k, o := range doc.objs {
			if o.off-from >= len(b)/cut || k == len(doc.objs)-1 {
				parts = append(parts, b[from:o.off])
				from = o.off
			}
		}
		parts = append(parts, b[from:])
		pk := &Packed{}
		for _, p := range parts[:len(parts)-1] {
			pk.Add(p)
		}
		f := packedFpdfFile(pk, parts[len(parts)-1:])
		contents, index, nums, err := indexPages(f, doc)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(nums, wantNums) || !slices.Equal(contents, wantContents) || !slices.Equal(index, wantIndex) {
			t.Errorf("%d parts: pages %v (contents %v), want %v (%v)", len(parts), nums, contents, wantNums, wantContents)
		}
		if f.cur != -1 || f.buf != nil {
			t.Errorf("%d parts: part %d was read back to find the pages", len(parts), f.cur)
		}
		f.close()
	}
}
