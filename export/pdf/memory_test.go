package pdf

import (
	"runtime"
	"testing"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// liveHeap is the heap still reachable, after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// memoryUse builds the PDF of a guide of n subsections and returns the live heap the build adds
// once the guide is laid out (the layout, which the contents' page
// numbers need whole), and the most it adds at any stage after (probe).
func memoryUse(t *testing.T, n int) (laid, peak uint64, at string) {
	g := loadGrowth(t, growth.Subsections, n)
	base := liveHeap()
	probe = func(stage string) {
		h := liveHeap()
		h -= min(h, base)
		if stage == "laid out" {
			laid = h
		}
		if h > peak {
			peak, at = h, stage
		}
	}
	defer func() { probe = func(string) {} }()
	if _, _, err := Build(g, export.Options{Modified: fixed}); err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(g)
	return laid, peak, at
}

// TestMemoryBound: drawing a long PDF holds little more than its layout.
// fpdf kept every page's content uncompressed, then wrote the whole file
// uncompressed again for optimize, beside the layout: drawing added about
// twice the layout's memory, and a 4 MiB guide of short sections took 2
// GiB. Each page's content is now compressed once drawn and its items let
// go (stream.go). The live heap is measured after a collection at each
// stage, so the figures do not depend on timing or load.
func TestMemoryBound(t *testing.T) {
	if growth.Race {
		t.Skip("a memory test: the race detector's shadow memory distorts it; make test runs it without -race")
	}
	if testing.Short() {
		t.Skip("builds PDFs of thousands of sections")
	}
	if fpdfPagesOffset == 0 {
		t.Fatal("fpdf's page buffers cannot be read (has fpdf changed?): pages are no longer compressed as they are drawn")
	}
	// Before, 15,000 subsections: layout 26.6 MB, 63.2 MB once fpdf had
	// written the file; after, 28.0 MB at most.
	const n = 15000
	laid, peak, at := memoryUse(t, n)
	t.Logf("%d subsections: layout %.1f MB, most while drawing and writing %.1f MB (%s)", n, float64(laid)/1e6, float64(peak)/1e6, at)
	if peak > laid+laid/4 {
		t.Errorf("%d subsections: drawing took the live heap from %.1f MB (the layout) to %.1f MB (%s), want at most 25%% more", n, float64(laid)/1e6, float64(peak)/1e6, at)
	}
}
