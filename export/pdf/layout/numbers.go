package layout

import (
	"strconv"

	"github.com/guidepress/guidepress/fonts"
)

// Page numbers (the footers' and the contents') are the texts a long
// guide sets most often, each different: a 4 MiB guide of one-line
// sections has 195,699 pages, so each pass set ~390,000 numbers, each
// through the whole shaper (cleaning, faces picked, bidi levels, line
// breaks, the cache's key hashed and missed: the cache is full of other
// texts by then), ~0.67 s of its two passes. A number's glyphs are its
// digits' glyphs side by side, each but the last kerned with the digit
// after it (Atkinson kerns "71" and "74"), whenever every pair of digits
// shapes as two glyphs, the right one as it is alone: the shaper checks
// that once for each face and size (digitsFor), and a number is then set
// by copying its digits' glyphs from the pairs'.

// digitKey is a face and size numbers are set in.
type digitKey struct {
	fam  fonts.Family
	st   fonts.Style
	size float64
}

// digitSet is the glyph of each digit set alone (g) and before each
// other digit (left: kerned with it); ok says that every pair of digits
// i, j is set as left[i][j] and g[j], so that any number is set from
// them.
type digitSet struct {
	g    [10]glyph
	left [10][10]glyph
	ok   bool
}

// number is the glyphs of n written in decimal, in family fam and style
// st at size points: what shape gives for that text, without shaping it
// when the face's digits allow (digitsFor).
func (s *shaper) number(n int, fam fonts.Family, st fonts.Style, size float64, where string) ([]glyph, error) {
	var buf [24]byte
	txt := strconv.AppendInt(buf[:0], int64(n), 10)
	d := s.digitsFor(fam, st, size)
	if !d.ok || n < 0 {
		return s.shape([]span{{text: string(txt), style: st}}, fam, size, where)
	}
	// From a slab of the shaper's (fromArena): a number's glyphs are
	// held only until its page is finished, and an array each was
	// ~0.16 s of the 4 MiB sections shape's 780,000 numbers.
	out := fromArena(&s.numGlyphs, len(txt), numberGlyphs)
	last := len(txt) - 1
	for i := range last {
		out[i] = d.left[txt[i]-'0'][txt[i+1]-'0']
		out[i].start = int32(i)
	}
	out[last] = d.g[txt[last]-'0']
	out[last].start = int32(last)
	return out, nil
}

// numberGlyphs is the size of the slabs numbers take their glyphs from:
// 12 KB, some fifty numbers.
const numberGlyphs = 256

// digitsFor is the digits of fam and st at size, shaped (and checked) on
// first use: 110 short texts, once a face and size in a layout.
func (s *shaper) digitsFor(fam fonts.Family, st fonts.Style, size float64) *digitSet {
	k := digitKey{fam, st, size}
	if d, ok := s.digits[k]; ok {
		return d
	}
	d := &digitSet{}
	if s.digits == nil {
		s.digits = map[digitKey]*digitSet{}
	}
	s.digits[k] = d
	// Shaped quietly and outside the cache: a face without digits (none
	// the guide embeds) fails the check below, and its numbers are then
	// shaped, and reported, as any text.
	quiet, rec := s.quiet, s.rec
	s.quiet, s.rec = true, nil
	defer func() { s.quiet, s.rec = quiet, rec }()
	alone := func(g *glyph, r rune, start int32) bool {
		return g.r == r && g.n == 1 && g.start == start && g.level == 0 && g.seg == 0
	}
	var text [2]byte
	for i := range d.g {
		text[0] = byte('0' + i)
		gs, err := s.shapeNow([]span{{text: string(text[:1]), style: st}}, fam, size, "")
		if err != nil || len(gs) != 1 || !alone(&gs[0], rune(text[0]), 0) {
			return d
		}
		d.g[i] = gs[0]
	}
	for i := range 10 {
		for j := range 10 {
			text[0], text[1] = byte('0'+i), byte('0'+j)
			gs, err := s.shapeNow([]span{{text: string(text[:]), style: st}}, fam, size, "")
			right := d.g[j]
			right.start = 1
			if err != nil || len(gs) != 2 || !alone(&gs[0], rune(text[0]), 0) || gs[1] != right {
				return d
			}
			d.left[i][j] = gs[0]
		}
	}
	d.ok = true
	return d
}

// number is shaper.number, keeping the first error.
func (b *builder) number(n int, fam fonts.Family, st fonts.Style, size float64, where string) []glyph {
	if b.err != nil {
		return nil
	}
	gs, err := b.sh.number(n, fam, st, size, where)
	if err != nil {
		b.err = err
	}
	return gs
}
