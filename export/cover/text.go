package cover

import (
	"strings"
	"unicode"

	"github.com/guidepress/guidepress/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// run is one glyph placed on a line: the face that draws it (Atkinson or
// the fallback family that has the letter), its glyph index and the pen
// advance including kerning with the next glyph of the same face.
type glyph struct {
	fam     fonts.Family
	r       rune
	idx     sfnt.GlyphIndex
	advance fixed.Int26_6
}

// shaper measures and lays out text in one style and size, choosing a face
// per character (FONTS.md: Atkinson lacks Greek and Cyrillic; Noto Sans
// fills them in, so no letter is ever drawn as a .notdef box). It is owned
// by one Render call: sfnt.Buffer is not safe for concurrent use.
type shaper struct {
	style   fonts.Style
	ppem    fixed.Int26_6
	tracked fixed.Int26_6 // extra space after every glyph (letter-spacing)
	buf     sfnt.Buffer
}

// drawable reports whether some embedded face can draw r. Characters no
// face has (emoji, say) are left off the cover rather than drawn as boxes;
// the title is still in full in the book's metadata and title page.
func drawable(style fonts.Style, r rune) (fonts.Family, bool) {
	return fonts.Pick(fonts.Atkinson, style, r)
}

// clean normalises what the cover will try to draw: controls and
// invisible format characters go, runs of spaces become one, and letters
// no embedded face can draw are dropped.
func clean(style fonts.Style, s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u00AD':
			continue
		}
		if _, ok := drawable(style, r); !ok {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// shape turns s into positioned glyphs. Kerning comes from sfnt.Font.Kern
// with the real ppem (opentype.Face.Kern uses a fixed ppem and is wrong,
// golang/go#46727), and only between two glyphs of the same face.
func (sh *shaper) shape(s string) []glyph {
	out := make([]glyph, 0, len(s))
	for _, r := range s {
		fam, _ := drawable(sh.style, r)
		f := fonts.Parsed(fam, sh.style)
		idx, err := f.GlyphIndex(&sh.buf, r)
		if err != nil || idx == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&sh.buf, idx, sh.ppem, font.HintingNone)
		if err != nil {
			continue
		}
		if n := len(out); n > 0 && out[n-1].fam == fam {
			if k, err := f.Kern(&sh.buf, out[n-1].idx, idx, sh.ppem, font.HintingNone); err == nil {
				out[n-1].advance += k
			}
		}
		out = append(out, glyph{fam: fam, r: r, idx: idx, advance: adv + sh.tracked})
	}
	if n := len(out); n > 0 {
		out[n-1].advance -= sh.tracked // no tracking after the last letter
	}
	return out
}

func (sh *shaper) width(s string) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, g := range sh.shape(s) {
		w += g.advance
	}
	return w
}

// wrap breaks s into lines no wider than max. A word wider than a line on
// its own is broken between letters so that nothing ever overflows.
func (sh *shaper) wrap(s string, max fixed.Int26_6) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && sh.width(line+" "+word) <= max {
			line += " " + word
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for sh.width(word) > max {
			// Longest prefix (at least one letter) that fits.
			rs := []rune(word)
			n := 1
			for n < len(rs) && sh.width(string(rs[:n+1])) <= max {
				n++
			}
			lines = append(lines, string(rs[:n]))
			word = string(rs[n:])
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// balance re-wraps s into the same number of lines as a greedy wrap at
// max, but as even in length as possible (a title set 'Never Let / Me Go'
// rather than 'Never Let Me / Go').
func (sh *shaper) balance(s string, max fixed.Int26_6) []string {
	lines := sh.wrap(s, max)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := max/4, max
	best := lines
	for hi-lo > fixed.I(4) {
		mid := (lo + hi) / 2
		if l := sh.wrap(s, mid); len(l) <= len(lines) {
			best, hi = l, mid
		} else {
			lo = mid
		}
	}
	return best
}

// metrics returns ascent and descent of the primary face at this size.
func (sh *shaper) metrics() (ascent, descent fixed.Int26_6) {
	m, err := fonts.Parsed(fonts.Atkinson, sh.style).Metrics(&sh.buf, sh.ppem, font.HintingNone)
	if err != nil {
		return sh.ppem * 8 / 10, sh.ppem * 2 / 10
	}
	return m.Ascent, m.Descent
}
