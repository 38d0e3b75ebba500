package pdf

import (
	"runtime"
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
