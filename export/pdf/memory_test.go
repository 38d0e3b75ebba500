package pdf

import (
	"math"
	"runtime"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/finish"
	"github.com/guidepress/guidepress/internal/growth"
)

// liveHeap is the heap still reachable, after a collection.
//
// Two collections: the first moves what sync.Pools cache (a compressor is
// ~1 MB: finish's zpool) to their victim caches, where it is still live,
// and the second frees it. What a pool holds at a probe, and on which P,
// depends on the scheduling, so on the load.
func liveHeap() uint64 {
	runtime.GC()
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
	st := finish.NewPageStreams()
	if st == nil {
		t.Fatal("fpdf's page buffers cannot be read (has fpdf changed?): pages are no longer compressed as they are drawn")
	}
	st.Done()
	// Before, 15,000 subsections: layout 26.6 MB, 63.2 MB once fpdf had
	// written the file; after, 28.0 MB at most.
	const n = 15000
	laid, peak, at := memoryUse(t, n)
	t.Logf("%d subsections: layout %.1f MB, most while drawing and writing %.1f MB (%s)", n, float64(laid)/1e6, float64(peak)/1e6, at)
	if peak > laid+laid/4 {
		t.Errorf("%d subsections: drawing took the live heap from %.1f MB (the layout) to %.1f MB (%s), want at most 25%% more", n, float64(laid)/1e6, float64(peak)/1e6, at)
	}
}

// peakLive builds the PDF of g and returns the most live heap the build
// adds at any stage (after a collection at each probe), from the flowed
// layout to the written file.
func peakLive(t *testing.T, g *content.Guide) (peak uint64, at string) {
	t.Helper()
	base := liveHeap()
	probe = func(stage string) {
		h := liveHeap()
		if h -= min(h, base); h > peak {
			peak, at = h, stage
		}
	}
	defer func() { probe = func(string) {} }()
	if _, _, err := Build(g, export.Options{Modified: fixed}); err != nil {
		t.Fatal(err)
	}
	return peak, at
}

// TestLinearMemory: a PDF's memory grows in proportion to the guide.
// The bytes allocated (which show work that copies a whole document per
// page or per section) and the most live heap at any stage (what the
// layout keeps until it is drawn: peak resident memory is about twice
// it) are measured for n and 4n sections of the growth shapes, against
// the input's size (a section's text grows with its number's digits);
// neither depends on the machine's load. The live heap must also stay
// under a multiple of the input: before session 5 a guide of one-line
// subsections kept 150 times its size (4 MiB: 541 MB; the layout's
// glyphs at 48 bytes a character, an unbounded shape cache, the contents'
// numbers inserted into their pages one by one), prose 80 times.
func TestLinearMemory(t *testing.T) {
	if growth.Race {
		t.Skip("a memory test: the race detector's shadow memory distorts it; make test runs it without -race")
	}
	if testing.Short() {
		t.Skip("builds PDFs of thousands of sections")
	}
	const k = 4
	for _, c := range []struct {
		shape growth.Shape
		n     int
		times float64 // most live heap, in bytes of input
	}{
		{growth.Subsections, 1000, 150},
		{growth.Sections, 1000, 190},
		{growth.Prose, 1000, 90},
		// One paragraph hard-wrapped over n lines: the shaper kept its
		// scratch glyphs for the whole layout, grown to twice the
		// paragraph (a 4 MiB one: 668 MB live once flowed, 116 MB now).
		// 2,000 lines (138 KB) and more are set a window at a time
		// (layout's windowMin), 1,500 and fewer whole: from 1,000 to
		// 4,000 lines the test compared the two ways (21 MB allocated,
		// then 16 MB: n^-0.21, which no growth could fail), so both
		// sizes are windowed (9.4 and 29.4 MB: n^0.82).
		{growth.Wrapped, 2000, 60},
	} {
		n := c.n
		t.Run(c.shape.String(), func(t *testing.T) {
			guides, size := map[int]*content.Guide{}, map[int]float64{}
			for _, m := range []int{n, k * n} {
				text := growth.Guide(c.shape, m)
				guides[m], size[m] = loadGrowthText(t, text), float64(len(text))
			}
			growth.LinearAlloc(t, "PDF of "+c.shape.String(), n, k, 1.15, func(m int) {
				if _, _, err := Build(guides[m], export.Options{Modified: fixed}); err != nil {
					t.Fatal(err)
				}
			})
			small, _ := peakLive(t, guides[n])
			large, at := peakLive(t, guides[k*n])
			e := math.Log(float64(large)/float64(small)) / math.Log(size[k*n]/size[n])
			times := float64(large) / size[k*n]
			t.Logf("%d sections (%.0f KB): %.1f MB live at most; %d sections (%.0f KB): %.1f MB (%s, %.0f times the input): n^%.2f",
				n, size[n]/1e3, float64(small)/1e6, k*n, size[k*n]/1e3, float64(large)/1e6, at, times, e)
			// The live heap of small guides moves by a few hundred
			// kilobytes between runs (n^0.6–1.15 measured): the limit
			// catches a quadratic term (n^2), the multiple of the input
			// below a fatter layout.
			if e > 1.35 {
				t.Errorf("the most live heap grows as n^%.2f of the input from %d to %d sections (%.1f → %.1f MB), want at most n^1.35", e, n, k*n, float64(small)/1e6, float64(large)/1e6)
			}
			if times > c.times {
				t.Errorf("%d sections keep %.1f MB live at %s, %.0f times the input's %.0f KB, want at most %.0f times", k*n, float64(large)/1e6, at, times, size[k*n]/1e3, c.times)
			}
		})
	}
}
