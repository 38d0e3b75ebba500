package fonts

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestCmapMatchesSfnt: the in-place character map gives every face's
// glyph for every character exactly as sfnt.Font.GlyphIndex does (the PDF's
// widths, fallbacks and subsets depend on it). -short checks the Basic
// Multilingual Plane and the planes' first characters; the whole run checks
// all of Unicode.
func TestCmapMatchesSfnt(t *testing.T) {
	last := rune(0x10FFFF)
	if testing.Short() {
		last = 0x1FFFF
	}
	for f := range Family(Count) {
		for s := Regular; s <= BoldItalic; s++ {
			if sameFileAsEarlierStyle(f, s) {
				continue // the same bytes, so the same map: checked once
			}
			tab := cmapOf(f, s)
			if !tab.ok {
				t.Errorf("%s %s: character map not read in place (format %d)", f.Name(), s, tab.format)
				continue
			}
			ft, err := sfnt.Parse(Bytes(f, s))
			if err != nil {
				t.Fatal(err)
			}
			var buf sfnt.Buffer
			for r := rune(0); r <= last; r++ {
				want, werr := ft.GlyphIndex(&buf, r)
				got, gerr := tab.glyph(r)
				if got != want || (werr == nil) != (gerr == nil) {
					t.Fatalf("%s %s %U: glyph %d (%v), sfnt %d (%v)", f.Name(), s, r, got, gerr, want, werr)
				}
			}
		}
	}
}

// sameFileAsEarlierStyle: a family with fewer than four styles repeats a
// file (Symbols2's italic is its regular).
func sameFileAsEarlierStyle(f Family, s Style) bool {
	for e := Regular; e < s; e++ {
		if data[f][e] == data[f][s] {
			return true
		}
	}
	return false
}
