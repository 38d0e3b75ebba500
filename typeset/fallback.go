package typeset

import (
	"unicode"

	"github.com/go-text/typesetting/language"
	"github.com/guidepress/guidepress/fonts"
)

// Font fallback: which face draws a character. The text's own family
// draws what it has, but for the ranges in preferred; a character it
// lacks goes to the first family in fallbacks that has it and serves the
// character's script. A new family (Noto Sans Hebrew, Arabic, Emoji)
// slots in by a row in fallbacks, with the scripts it is for.

// fallback is one family tried, in order, for characters the primary
// family lacks.
type fallback struct {
	fam fonts.Family
	// scripts are the scripts whose letters the family is for; nil: any
	// character it has. Common and Inherited characters (punctuation,
	// digits, marks) may go to any family that has them.
	scripts []language.Script
}

var fallbacks = []fallback{
	{fam: fonts.NotoSans}, // Greek, Cyrillic and Latin letters Atkinson lacks
	{fam: fonts.Symbols2}, // ⏱ ★ ✓ and other pictographs
	{fam: fonts.Symbols},  // arrows and technical symbols
}

// preferred are ranges a family draws whatever the text's family:
// Literata's arrows are small beside its letters, Noto Sans Symbols draws
// them at text size (FONTS.md, Recommendation).
var preferred = []struct {
	lo, hi rune
	fam    fonts.Family
}{
	{0x2190, 0x21FF, fonts.Symbols},
}

// Pick is the face that draws r for text set in family primary, style st;
// ok is false when no embedded face has r.
func Pick(primary fonts.Family, st fonts.Style, r rune) (Face, bool) {
	for _, p := range preferred {
		if p.lo <= r && r <= p.hi {
			if f := FaceOf(p.fam, st); f.Has(r) {
				return f, true
			}
		}
	}
	if f := FaceOf(primary, st); f.Has(r) {
		return f, true
	}
	sc := language.LookupScript(r)
	for _, fb := range fallbacks {
		if fb.fam == primary || !fb.serves(sc) {
			continue
		}
		if f := FaceOf(fb.fam, st); f.Has(r) {
			return f, true
		}
	}
	return FaceOf(primary, st), false
}

func (fb fallback) serves(sc language.Script) bool {
	if fb.scripts == nil || sc == language.Common || sc == language.Inherited || sc == language.Unknown {
		return true
	}
	for _, s := range fb.scripts {
		if s == sc {
			return true
		}
	}
	return false
}

// attaches reports whether r belongs with the character before it, in its
// face when that face has it: a combining mark, a joiner, a variation
// selector, an emoji modifier.
func attaches(r rune) bool {
	switch {
	case r == '\u200D' || r == '\u200C' || r == '\u20E3':
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
		return true
	case r < 0x300:
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Me)
}

// PickAfter is Pick for r following a character drawn in prev: a mark or
// joiner stays in prev's face when that face has it, so that a base and
// its marks are shaped together.
func PickAfter(prev Face, primary fonts.Family, st fonts.Style, r rune) (Face, bool) {
	if attaches(r) && prev.Has(r) {
		return prev, true
	}
	return Pick(primary, st, r)
}
