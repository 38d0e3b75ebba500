package layout

import (
	"strconv"
	"testing"

	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/internal/growth"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// TestNumbersFromDigits: a number set from its digits' glyphs
// (shaper.number) is what shaping its text gives, glyph for glyph, in
// every style's faces and sizes for page numbers (footers, contents) and
// a few others; and those faces take the fast way (digitsFor's check
// passes), or the footers and contents would shape every number again.
func TestNumbersFromDigits(t *testing.T) {
	nums := []int{}
	for n := 0; n <= 12000; n++ {
		nums = append(nums, n)
	}
	nums = append(nums, 9999, 10000, 10001, 12345, 99999, 100000, 195699, 1234567, 1<<31-1)
	for _, style := range theme.Styles {
		th, err := theme.Named(style)
		if err != nil {
			t.Fatal(err)
		}
		ns := th.Furniture.NumberSize
		if ns <= 0 {
			ns = th.Furniture.Size + 0.5
		}
		cases := []struct {
			fam  fonts.Family
			st   fonts.Style
			size float64
			fast bool // the fast way must be taken
		}{
			{fonts.Literata, fonts.Regular, ns, true},
			{fonts.Literata, fonts.Regular, th.TOC.Size, true},
			{fonts.Literata, fonts.Bold, 9.5, false},
			{fonts.Atkinson, fonts.Regular, 11, false},
			{fonts.Atkinson, fonts.Bold, 13.25, false},
			{fonts.Literata, fonts.Italic, 7, false},
		}
		for _, c := range cases {
			sh := &shaper{th: textStyle(th), rep: newReporter()}
			plainSh := &shaper{th: textStyle(th), rep: newReporter()}
			if d := sh.digitsFor(c.fam, c.st, c.size); c.fast && !d.ok {
				t.Errorf("%s: %v %v %.2f pt: numbers are shaped, not set from their digits", style, c.fam, c.st, c.size)
			}
			for _, n := range nums {
				got, err := sh.number(n, c.fam, c.st, c.size, "the footer")
				if err != nil {
					t.Fatal(err)
				}
				want, err := plainSh.shapeNow([]span{{text: strconv.Itoa(n), style: c.st}}, c.fam, c.size, "the footer")
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(want) {
					t.Fatalf("%s: %v %v %.2f pt: %d: %d glyphs, want %d", style, c.fam, c.st, c.size, n, len(got), len(want))
				}
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("%s: %v %v %.2f pt: %d: glyph %d is %+v, want %+v", style, c.fam, c.st, c.size, n, i, got[i], want[i])
					}
				}
			}
			if d := sh.rep.Diagnostics(); len(d) != 0 {
				t.Errorf("%s: checking the digits reported %v", style, d)
			}
		}
	}
}

// TestFooterNumberAllocations: a page's footer number, once the shaper's
// cache is full (a long guide's pages are past its first few thousand
// texts), takes its glyphs from a slab some fifty numbers share (0
// allocations a page, as AllocsPerRun rounds): its text, its shaped
// glyphs and its cache entry were made and the whole shaper run for each
// (3 allocations a page; then its array of glyphs, 1; a 4 MiB guide of
// one-line sections has 195,699 pages, each numbered in both passes).
func TestFooterNumberAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	b := bareBuilder(t)
	for i := 0; len(b.sh.cache) < maxCached; i++ {
		b.shape(plain("filler "+strconv.Itoa(i)), fonts.Literata, 10, "")
	}
	heads := map[headKey]head{}
	pg := &Page{Kind: BodyPage, Opener: true, Number: 1000}
	items := make([]Item, 0, 8)
	allocs := testing.AllocsPerRun(100, func() {
		pg.Items = items[:0]
		pg.Number++
		b.furnish(pg, heads)
	})
	if allocs > 0 {
		t.Errorf("furnishing an opener page: %.1f allocations, want 0 (a share of a slab of glyphs)", allocs)
	}
	if b.err != nil {
		t.Fatal(b.err)
	}
}
