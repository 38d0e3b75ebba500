package cover

import (
	"strings"
	"unicode"

	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/typeset"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The cover's text is set by package typeset, as the PDF's is: a face per
// character (Atkinson, then the fallback table: Noto Sans for Greek and
// Cyrillic, Noto Sans Hebrew and Arabic, Noto Emoji), shaping (kerning,
// Arabic joining, marks) and bidi order. Only the measuring in pixels and
// the drawing are the cover's.

// glyph is one shaped glyph on a line, in pixels (26.6 fixed point): the
// pen's advance after it (kerning and tracking included) and its offset
// from the pen, y down.
type glyph struct {
	face    typeset.Face
	id      uint16
	advance fixed.Int26_6
	dx, dy  fixed.Int26_6
	level   uint8 // bidi embedding level: odd for right-to-left
}

// shaper sets text in one style and size for the cover. Its outline
// buffer is owned by one Render call (sfnt.Buffer is not safe for
// concurrent use); typeset's caches are shared.
type shaper struct {
	style   fonts.Style
	ppem    fixed.Int26_6
	tracked fixed.Int26_6 // extra space after every letter (letter-spacing)
	buf     sfnt.Buffer
}

// drawable reports whether some embedded face can draw r. Characters no
// face has (Chinese, say) are left off the cover rather than drawn as
// boxes; the title is still in full in the book's metadata and title page.
func drawable(style fonts.Style, r rune) bool {
	_, ok := typeset.Pick(fonts.Atkinson, style, r)
	return ok
}

// clean normalises what the cover will try to draw: controls and
// invisible format characters go (but the joiners, which Persian and
// emoji sequences need), runs of spaces become one, and letters no
// embedded face can draw are dropped.
func clean(style fonts.Style, s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u200C' || r == '\u200D':
			if b.Len() == 0 {
				continue
			}
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u00AD':
			continue
		default:
			if !drawable(style, r) {
				continue
			}
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// px is v thousandths of an em at the shaper's size.
func (sh *shaper) px(v int32) fixed.Int26_6 {
	return fixed.Int26_6(int64(v) * int64(sh.ppem) / 1000)
}

// shape sets s as one line: glyphs in logical order, each with its bidi
// level (the line's direction from its first strong character). Tracking
// goes after each left-to-right letter, never inside an Arabic word, whose
// letters join.
func (sh *shaper) shape(s string) []glyph {
	gs, _, _ := typeset.Text(s, fonts.Atkinson, sh.style)
	out := make([]glyph, len(gs))
	last := -1
	for i, g := range gs {
		out[i] = glyph{face: g.Face, id: g.ID, advance: sh.px(g.Advance), dx: sh.px(g.XOffset), dy: -sh.px(g.YOffset), level: g.Level}
		if sh.tracked != 0 && g.Runes > 0 && !g.RTL() {
			out[i].advance += sh.tracked
			last = i
		}
	}
	if last >= 0 {
		out[last].advance -= sh.tracked // no tracking after the last letter
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

// metrics returns ascent and descent of the primary face at this size:
// the layout's line height, the same whatever the script.
func (sh *shaper) metrics() (ascent, descent fixed.Int26_6) {
	return sh.faceMetrics(typeset.FaceOf(fonts.Atkinson, sh.style))
}

func (sh *shaper) faceMetrics(f typeset.Face) (ascent, descent fixed.Int26_6) {
	a, d := f.VMetrics() // descent negative
	return sh.px(a), sh.px(-d)
}

// ink returns the ascent and descent a line's glyphs may reach: the
// largest of their faces' (Arabic marks stand higher and lower than
// Atkinson's letters), for the box the line is drawn in.
func (sh *shaper) ink(gs []glyph) (ascent, descent fixed.Int26_6) {
	ascent, descent = sh.metrics()
	var seen typeset.Face
	for _, g := range gs {
		if g.face == seen {
			continue
		}
		seen = g.face
		a, d := sh.faceMetrics(g.face)
		ascent, descent = max(ascent, a), max(descent, d)
	}
	return ascent, descent
}
