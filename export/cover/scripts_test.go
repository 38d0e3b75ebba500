package cover

import (
	"bytes"
	"image"
	"testing"

	"github.com/guidepress/guidepress/fonts"
	"golang.org/x/image/math/fixed"
)

// TestScriptTitles: an Arabic and a Hebrew title are set in their Noto
// faces with no .notdef glyph; the Arabic letters are joined (the shaped
// glyphs are not the letters' isolated forms from the character map); the
// Hebrew title is drawn right to left; an emoji is drawn from Noto Emoji.
func TestScriptTitles(t *testing.T) {
	tests := []struct {
		text   string
		family fonts.Family
		joined bool
	}{
		{"كليلة ودمنة", fonts.Arabic, true},
		{"מגילת רות", fonts.Hebrew, false},
		{"🌿", fonts.Emoji, false},
	}
	for _, tt := range tests {
		sh := &shaper{style: fonts.Bold, ppem: fixed.I(200)}
		if got := clean(fonts.Bold, tt.text); got != tt.text {
			t.Errorf("clean(%q) = %q: letters dropped", tt.text, got)
		}
		gs := sh.shape(tt.text)
		shaped := 0
		for _, g := range gs {
			if g.id == 0 {
				t.Errorf("%q: a .notdef glyph in %s", tt.text, g.face)
			}
			if g.face.Family == tt.family {
				shaped++
			}
		}
		letters := 0
		nominal := 0
		for i, r := range []rune(tt.text) {
			if r == ' ' {
				continue
			}
			letters++
			gi, _ := fonts.GlyphIndex(tt.family, fonts.Bold, r)
			if i < len(gs) && uint16(gi) == gs[i].id {
				nominal++
			}
		}
		if shaped < letters {
			t.Errorf("%q: %d of %d letters in %s", tt.text, shaped, letters, tt.family.Name())
		}
		// Joined Arabic: most letters take a contextual form, not the
		// nominal (isolated) glyph of the character map.
		if tt.joined && nominal > letters/2 {
			t.Errorf("%q: %d of %d glyphs are isolated forms: not joined", tt.text, nominal, letters)
		}
		if tt.family == fonts.Hebrew {
			for _, g := range gs {
				if !(g.level&1 == 1 || g.face.Family != fonts.Hebrew) {
					t.Errorf("%q: a Hebrew glyph at level %d, not right to left", tt.text, g.level)
				}
			}
		}
	}
}

// inkBox is the bounding box of the title band's ink (pixels of the
// titleOnBand ramp above its background step).
func inkBox(img *image.Paletted) image.Rectangle {
	var box image.Rectangle
	lo, hi := uint8(int(titleOnBand)*levels+1), uint8(int(titleOnBand)*levels+levels-1)
	for y := 600; y < 1900; y++ {
		for x := 0; x < Width; x++ {
			if i := img.Pix[y*img.Stride+x]; i >= lo && i <= hi {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return box
}

// TestScriptCoversInk: the Arabic and Hebrew covers draw their titles
// (before package typeset they fell back to "Study Guide", as no face had
// the letters): the band's ink is centred, about as wide as the shaped
// title says, and not the fallback's.
func TestScriptCoversInk(t *testing.T) {
	fallback, err := Render(guide("", "", 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"arabic", "hebrew"} {
		img, err := Render(cases[name])
		if err != nil {
			t.Fatal(err)
		}
		box := inkBox(img)
		if box.Empty() {
			t.Fatalf("%s: no ink in the title band", name)
		}
		if box == inkBox(fallback) {
			t.Errorf("%s: the band holds the fallback title", name)
		}
		if d := box.Min.X - (Width - box.Max.X); d < -40 || d > 40 {
			t.Errorf("%s: ink %v is not centred (%d px off)", name, box, d)
		}
		// The shaped width of the title at the size fit chose.
		title := clean(fonts.Bold, TextFor(cases[name]).Title)
		b := fit(title, fonts.Bold, 88, 230, 8, fixed.I(Width-300), fixed.I(1200-240), 1.12)
		w := 0
		for _, l := range b.lines {
			w = max(w, b.sh.width(l).Ceil())
		}
		if got := box.Dx(); got < w*8/10 || got > w*11/10 {
			t.Errorf("%s: ink %d px wide, shaped width %d px", name, got, w)
		}
	}
}

// TestScriptCoversDeterministic: the same cover, byte for byte, twice and
// from two goroutines (typeset's caches are shared).
func TestScriptCoversDeterministic(t *testing.T) {
	for _, name := range []string{"arabic", "hebrew", "tricky"} {
		outs := make(chan []byte, 2)
		for range 2 {
			go func() {
				b, err := PNG(cases[name])
				if err != nil {
					t.Error(err)
				}
				outs <- b
			}()
		}
		if a, b := <-outs, <-outs; !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", name)
		}
	}
}
