package pdf

import (
	"runtime"
	"runtime/metrics"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestFpdfPageCost: what fpdf keeps for a page it is given nothing to
// keep for is small. A guide drawn as laid out can be 195,000 pages, and
// fpdf holds every page's bookkeeping until the file is written: it made
// a map of page boxes (crop, bleed…) for every page, empty unless the
// document sets boxes, ~13 MB of that guide's live heap (third_party/fpdf
// makes one only for a page with boxes now: 219 → 142 bytes a page).
func TestFpdfPageCost(t *testing.T) {
	if growth.Race {
		t.Skip("a memory test: the race detector's shadow memory distorts it")
	}
	const n = 20000
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	before := liveHeap()
	for range n {
		p.AddPage()
	}
	after := liveHeap()
	per := float64(after-min(after, before)) / n
	t.Logf("%d pages: %.0f bytes a page", n, per)
	if per > 180 {
		t.Errorf("fpdf holds %.0f bytes a page, want at most 180", per)
	}
	if err := p.Error(); err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(p)
}

// TestFpdfCloseAllocations: fpdf writes each page's dictionary, its link
// annotations and its object header without a string made for each line
// (fmt.Sprintf, then the line copied into the buffer) and a content
// stream without a string copy of it: a guide drawn as laid out can be
// 195,000 pages, each with a link, and its Close allocated ~0.5 GB.
// Bytes and objects allocated a page while the file is written (not
// time: they do not move with the machine's load): 1,124 bytes and 20.0
// objects before, 614 and 5.6 after.
func TestFpdfCloseAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	const n = 5000
	p := allocsDoc(t)
	for i := range n {
		p.AddPage()
		p.Text(20, 20, "Heading")
		l := p.AddLink()
		p.SetLink(l, 10, 1+(i*7)%n)
		p.Link(20, 15, 40, 6, l)
	}
	perO, perB, size := closeAllocations(t, p, n)
	t.Logf("%d pages of %d bytes: %.0f bytes, %.1f objects allocated a page", n, size/n, perB, perO)
	if perB > 750 || perO > 8 {
		t.Errorf("fpdf's Close allocated %.0f bytes and %.1f objects a page, want at most 750 and 8", perB, perO)
	}
}

// TestFpdfOutlineAllocations: a long guide has a bookmark a heading (up
// to ~200,000 in a 4 MiB guide). Adding them into the room draw.NewPages
// reserves copies nothing, and fpdf writes each outline item without
// formatting its lines one by one (seven fmt calls an item before, ~0.3 s
// of such a guide's CPU, and the outline's growth ~0.4 s).
func TestFpdfOutlineAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	const n = 5000
	p := allocsDoc(t)
	p.ReserveBookmarks(n)
	s := []metrics.Sample{{Name: "/gc/heap/allocs:objects"}, {Name: "/gc/heap/allocs:bytes"}}
	var adding uint64
	for i := range n {
		p.AddPage()
		metrics.Read(s)
		o := s[0].Value.Uint64()
		p.Bookmark("Heading", i%3, 10)
		metrics.Read(s)
		adding += s[0].Value.Uint64() - o
	}
	if adding > 0 {
		t.Errorf("adding %d bookmarks into reserved room allocated %d objects, want none", n, adding)
	}
	per, _, _ := closeAllocations(t, p, n)
	t.Logf("%d pages with a bookmark each: %.1f objects allocated a page by Close", n, per)
	if per > 4.5 {
		t.Errorf("fpdf's Close allocated %.1f objects a page with a bookmark, want at most 4.5", per)
	}
}

// allocsDoc is an fpdf document for an allocation test (each such test
// skips under -race itself, where TestRaceSkippedTestsRunWithoutRace sees it).
func allocsDoc(t *testing.T) *fpdf.Fpdf {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.SetFont("Helvetica", "", 10)
	return p
}

// closeAllocations writes p's n pages in parts, as a long guide is
// written (the parts let go), and gives the objects and bytes allocated a
// page meanwhile (they do not move with the machine's load) and the
// file's size.
func closeAllocations(t *testing.T, p *fpdf.Fpdf, n int) (objects, bytes float64, size int) {
	t.Helper()
	p.SetOutputChunks(64<<10, func(part []byte) { size += len(part) })
	s := []metrics.Sample{{Name: "/gc/heap/allocs:objects"}, {Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	o, by := s[0].Value.Uint64(), s[1].Value.Uint64()
	if _, err := p.OutputChunks(); err != nil {
		t.Fatal(err)
	}
	metrics.Read(s)
	return float64(s[0].Value.Uint64()-o) / float64(n), float64(s[1].Value.Uint64()-by) / float64(n), size
}

// TestFpdfReservedPagesAllocations: a long guide's drawing pass reserves
// room for the plan's pages and links (fpdf's ReservePages), so that
// fpdf's slices of them (pages, their links and attachments, links,
// objects' offsets) are made once, not grown a quarter at a time by
// copying. Bytes allocated a page while adding pages and links, without
// and with the room reserved (not time: they do not move with the load).
func TestFpdfReservedPagesAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	const n = 20000
	var per [2]float64
	for i, reserve := range []bool{false, true} {
		p := allocsDoc(t)
		if reserve {
			p.ReservePages(n, n)
		}
		s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
		metrics.Read(s)
		by := s[0].Value.Uint64()
		for range n {
			p.AddPage()
			p.AddLink()
		}
		metrics.Read(s)
		per[i] = float64(s[0].Value.Uint64()-by) / n
		runtime.KeepAlive(p)
	}
	t.Logf("%d pages and links: %.0f bytes allocated a page grown, %.0f reserved", n, per[0], per[1])
	if per[1] > per[0]-100 {
		t.Errorf("with room reserved, %.0f bytes allocated a page, want at least 100 fewer than the %.0f grown", per[1], per[0])
	}
}
