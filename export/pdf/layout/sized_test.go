package layout

import (
	"testing"

	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestFlowSlicesSized: the slices a layout fills a section or a page at a
// time (the destinations, the contents' blocks and numbers, a section's
// blocks, a streamed page's items) are sized once, not grown by
// doubling (and a short section's blocks' array and a streamed page's
// items are used again), which copied them whole ~20 times for a guide of 195,000
// one-line sections (a fifth of its PDF's CPU time in growslice and
// memmove); and a section's heading costs no copies for its name. Bytes and
// objects allocated a section (not time: they do not move with the
// machine's load), laid out whole (Guide) and streamed (PlanPages and
// DrawPages, as a guide of many parts is).
func TestFlowSlicesSized(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	const n = 6000
	th, geo := styleGeometry(t, "")
	if err := FitMeasure(&geo, th); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		shape          growth.Shape
		streamed       bool
		planOnly       bool    // PlanPages' pass alone
		bytes, objects float64 // at most, a section
	}{
		// Before (main at 0eb4400): 6,307 bytes and 52.9 objects, 11,663
		// and 108.7, 6,482 and 48.4, 8,076 and 62.8; now 4,858 and 34.1,
		// 8,442 and 67.9, 5,419 and 31.5, 6,476 and 40.1 (the slices
		// sized once, a short section's blocks' array used again; Clean,
		// where and the shaper's cache entries without a copy, fmt or a
		// second allocation). Streamed, a page given is cleared and
		// the next made in it (its items' array kept): 8,442 bytes and
		// 67.9 objects → 6,042 and 63.7.
		{growth.Sections, false, false, 5300, 37},
		{growth.Sections, true, false, 6600, 66},
		// PlanPages' pass alone, where the fonts' glyphs are taken from a
		// page's or a contents entry's number without its text and runs
		// made (glyphRuns): 2,748 bytes and 30.9 objects -> 2,383 and
		// 25.3 (both passes: 5,689 and 63.7 -> 5,329 and 58.1).
		{growth.Sections, true, true, 2550, 28},
		{growth.Subsections, false, false, 6100, 35},
		{growth.Markdown, false, false, 7000, 43},
	}
	for _, c := range cases {
		g, err := importer.Load("g"+c.shape.Ext(), growth.Guide(c.shape, n), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		lay := func() {
			if !c.streamed {
				if _, _, _, err := Guide(g, export.Options{}, th, geo, GuideDoc, func(string) {}); err != nil {
					t.Fatal(err)
				}
				return
			}
			pl, err := PlanPages(g, export.Options{}, th, geo, false, noGlyphs{})
			if err != nil {
				t.Fatal(err)
			}
			if c.planOnly {
				return
			}
			if _, _, err := DrawPages(g, export.Options{}, th, geo, pl, func(*Page, *Layout, []Dest) error { return nil }); err != nil {
				t.Fatal(err)
			}
		}
		lay() // warm up: fonts and caches
		o, by := growth.Allocations(lay)
		perB, perO := float64(by)/n, float64(o)/n
		t.Logf("%v streamed=%v plan only=%v: %.0f bytes, %.1f objects a section", c.shape, c.streamed, c.planOnly, perB, perO)
		if perB > c.bytes || perO > c.objects {
			t.Errorf("%v (streamed %v): %.0f bytes and %.1f objects allocated a section, want at most %.0f and %.0f",
				c.shape, c.streamed, perB, perO, c.bytes, c.objects)
		}
	}
}

// noGlyphs gathers no glyphs (PlanPages).
type noGlyphs struct{}

func (noGlyphs) Runs([]Run)  {}
func (noGlyphs) Checkpoint() {}
func (noGlyphs) Rollback()   {}
