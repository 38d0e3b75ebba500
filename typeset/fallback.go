package typeset

import (
	"sync/atomic"
	"unicode"

	"github.com/guidepress/guidepress/fonts"
)

// Font fallback: which face draws a character. The text's own family
// draws what it has, but for the ranges in preferred; an emoji goes to
// Noto Emoji (fonts.PrefersEmoji); anything else the family lacks goes to
// the first of fonts.Fallbacks, then of the script families
// (fonts.Scripts: Noto Sans Hebrew, Arabic, Emoji, Devanagari), that has it. A new
// family slots in by a row in one of those tables.

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
	if r >= 0 && r < pickFast && int(primary) < len(pickTables) && st <= fonts.BoldItalic {
		return pickTables[primary][st].get(primary, st, r)
	}
	return pick(primary, st, r)
}

// pickFast: the picks of the first characters (Latin, punctuation), which
// are nearly all text, are kept per family and style as they are first
// worked out: an array look-up, not a search of the fallback faces, per
// character.
const pickFast = 0x180

// picks holds, per character, its face's family+1, its style and whether
// it was found, packed; 0: not worked out yet.
type picks [pickFast]atomic.Uint32

func (p *picks) get(primary fonts.Family, st fonts.Style, r rune) (Face, bool) {
	v := p[r].Load()
	if v == 0 {
		f, ok := pick(primary, st, r)
		v = uint32(f.Family+1)<<16 | uint32(f.Style)<<8
		if ok {
			v |= 1
		}
		p[r].Store(v)
	}
	return Face{fonts.Family(v>>16 - 1), fonts.Style(v >> 8 & 0xFF)}, v&1 != 0
}

var pickTables [32][4]picks

func pick(primary fonts.Family, st fonts.Style, r rune) (Face, bool) {
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
	if fonts.PrefersEmoji(r) {
		if f := FaceOf(fonts.Emoji, st); f.Has(r) {
			return f, true
		}
	}
	for _, fam := range fonts.Fallbacks {
		if f := FaceOf(fam, st); fam != primary && f.Has(r) {
			return f, true
		}
	}
	for _, sf := range fonts.Scripts {
		if f := FaceOf(sf.Family, st); f.Has(r) {
			return f, true
		}
	}
	return FaceOf(primary, st), false
}

// attaches reports whether r belongs with the character before it, in its
// face when that face has it: a combining mark, a joiner, a variation
// selector, an emoji modifier.
func attaches(r rune) bool {
	switch {
	case r < 0x300: // nearly every character: first
		return false
	case r == '\u200D' || r == '\u200C' || r == '\u20E3':
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me)
}

// PickAfter is Pick for r following a character drawn in prev: a mark or
// joiner stays in prev's face when that face has it, so that a base and
// its marks are shaped together.
//
// The danda and double danda (। ॥), the full stops of Devanagari,
// Bengali, Gurmukhi and other scripts of India, stay in prev's face too:
// each of those faces draws them to match its letters.
func PickAfter(prev Face, primary fonts.Family, st fonts.Style, r rune) (Face, bool) {
	if (attaches(r) || r == '\u0964' || r == '\u0965') && prev.Has(r) {
		return prev, true
	}
	return Pick(primary, st, r)
}
