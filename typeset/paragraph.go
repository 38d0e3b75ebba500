package typeset

import (
	"github.com/go-text/typesetting/language"
	"github.com/guidepress/guidepress/fonts"
)

// Paragraph shapes a paragraph whose characters are set in faces (one per
// character, from Pick) at levels (from Levels; nil for all 0): each
// stretch of one face and level is shaped alone. Glyphs come in logical
// order, Starts index text.
func Paragraph(text []rune, faces []Face, levels []uint8) []Glyph {
	return AppendParagraph(make([]Glyph, 0, len(text)), text, faces, levels)
}

// AppendParagraph is Paragraph appending to dst, which a caller setting
// many paragraphs can reuse.
func AppendParagraph(dst []Glyph, text []rune, faces []Face, levels []uint8) []Glyph {
	c := Cursor{text: text, faces: faces, levels: levels}
	for !c.Done() {
		dst = c.Next(dst, len(text))
	}
	return dst
}

// Cursor shapes a paragraph a stretch at a time (Next), to the glyphs
// AppendParagraph gives it whole: a caller that is done with each
// stretch's glyphs before the next (a text far longer than a paragraph,
// broken into lines as it is shaped) holds a stretch's rather than the
// whole text's, 28 bytes a character.
type Cursor struct {
	text   []rune
	faces  []Face
	levels []uint8
	i      int // the next character to shape
	end    int // the end of the stretch of one face and level text[i] is in (0: not found yet)
	// sc is the script of the stretch so far (Shape): a word of no
	// script of its own (digits, punctuation) is shaped in it.
	sc language.Script
}

// NewCursor is a Cursor over a paragraph as Paragraph takes it.
func NewCursor(text []rune, faces []Face, levels []uint8) *Cursor {
	return &Cursor{text: text, faces: faces, levels: levels}
}

// Done reports whether every character is shaped.
func (c *Cursor) Done() bool { return c.i >= len(c.text) }

func (c *Cursor) level(i int) uint8 {
	if c.levels == nil {
		return 0
	}
	return c.levels[i]
}

// Next appends the glyphs of the next stretch of the paragraph to dst:
// at least one word or space, and no more words once n characters are
// shaped, nor past the end of a stretch of one face and level. Words are
// shaped alone (Shape), so the glyphs are those of the whole paragraph
// shaped at once.
func (c *Cursor) Next(dst []Glyph, n int) []Glyph {
	if c.Done() {
		return dst
	}
	text := c.text
	if c.end <= c.i {
		j := c.i + 1
		for j < len(text) && c.faces[j] == c.faces[c.i] && c.level(j) == c.level(c.i) {
			j++
		}
		c.end, c.sc = j, language.Common
	}
	// Up to the first space at or after n characters, or the stretch's end.
	// n is at least 1: a word or a space is always shaped (with 0, the
	// scan read the character before the text and a caller looping
	// until Done never ended).
	n = max(n, 1)
	stop := c.end
	if c.i+n < stop {
		stop = c.i + n
		for stop < c.end && text[stop-1] != ' ' && text[stop] != ' ' {
			stop++
		}
	}
	dst, c.sc = shapeIn(dst, text, c.i, stop, c.faces[c.i], c.level(c.i), c.sc)
	c.i = stop
	return dst
}

// Text sets s in family primary, style st, choosing a face per character
// (Pick, PickAfter) and shaping it as a paragraph. It returns the glyphs
// in logical order, the characters they index, and the characters no
// embedded face has, which are left out of the glyphs.
func Text(s string, primary fonts.Family, st fonts.Style) (gs []Glyph, text []rune, missing []rune) {
	all := []rune(s)
	text = all[:0:0]
	faces := make([]Face, 0, len(all))
	prev := FaceOf(primary, st)
	for _, r := range all {
		f, ok := PickAfter(prev, primary, st, r)
		if !ok {
			missing = append(missing, r)
			continue
		}
		text = append(text, r)
		faces = append(faces, f)
		prev = f
	}
	return Paragraph(text, faces, Levels(text)), text, missing
}

// Width is the sum of gs's advances, in thousandths of an em.
func Width(gs []Glyph) int32 {
	var w int32
	for _, g := range gs {
		w += g.Advance
	}
	return w
}

// Visual is a copy of one line's glyphs in visual order (Reorder).
func Visual(line []Glyph) []Glyph {
	v := append([]Glyph(nil), line...)
	Reorder(v, func(g *Glyph) uint8 { return g.Level })
	return v
}
