package fonts

import "unicode"

// bmpEmojiPresentation are the characters of the Basic Multilingual Plane
// whose default presentation is emoji (Emoji_Presentation=Yes in Unicode
// 15.0's emoji-data.txt, as Debian's unicode-data ships it): ⌚ ☕ ⭐ ✅ …
// Symbols2 also draws most of them, as text-style pictographs; a shaped
// layout draws them in Noto Emoji so that they match the emoji beside them.
var bmpEmojiPresentation = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x231a, 0x231b, 1},
		{0x23e9, 0x23ec, 1},
		{0x23f0, 0x23f0, 1},
		{0x23f3, 0x23f3, 1},
		{0x25fd, 0x25fe, 1},
		{0x2614, 0x2615, 1},
		{0x2648, 0x2653, 1},
		{0x267f, 0x267f, 1},
		{0x2693, 0x2693, 1},
		{0x26a1, 0x26a1, 1},
		{0x26aa, 0x26ab, 1},
		{0x26bd, 0x26be, 1},
		{0x26c4, 0x26c5, 1},
		{0x26ce, 0x26ce, 1},
		{0x26d4, 0x26d4, 1},
		{0x26ea, 0x26ea, 1},
		{0x26f2, 0x26f3, 1},
		{0x26f5, 0x26f5, 1},
		{0x26fa, 0x26fa, 1},
		{0x26fd, 0x26fd, 1},
		{0x2705, 0x2705, 1},
		{0x270a, 0x270b, 1},
		{0x2728, 0x2728, 1},
		{0x274c, 0x274c, 1},
		{0x274e, 0x274e, 1},
		{0x2753, 0x2755, 1},
		{0x2757, 0x2757, 1},
		{0x2795, 0x2797, 1},
		{0x27b0, 0x27b0, 1},
		{0x27bf, 0x27bf, 1},
		{0x2b1b, 0x2b1c, 1},
		{0x2b50, 0x2b50, 1},
		{0x2b55, 0x2b55, 1},
	},
}

// PrefersEmoji reports whether r, if Noto Emoji has it, should be drawn
// in Noto Emoji before any fallback: every character beyond the Basic
// Multilingual Plane (Noto Emoji's are the pictographs of U+1F000 on, some
// newer than the table above), and the Basic Multilingual Plane's
// Emoji_Presentation characters. A text-style
// character followed by U+FE0F (❤️) asks for emoji too; that is a
// sequence, for the shaper to see.
func PrefersEmoji(r rune) bool {
	if r > 0xFFFF {
		return true
	}
	return unicode.Is(bmpEmojiPresentation, r)
}
