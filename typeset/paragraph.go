package typeset

import (
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
	out := dst
	lv := func(i int) uint8 {
		if levels == nil {
			return 0
		}
		return levels[i]
	}
	for i := 0; i < len(text); {
		j := i + 1
		for j < len(text) && faces[j] == faces[i] && lv(j) == lv(i) {
			j++
		}
		out = Shape(out, text, i, j, faces[i], lv(i))
		i = j
	}
	return out
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
