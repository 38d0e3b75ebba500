package typeset

import (
	"sync"

	"github.com/go-text/typesetting/bidi"
)

// Levels are the bidi embedding levels (UAX #9) of a paragraph's
// characters, its direction taken from its first strong character (rules
// P2, P3): nil when every level is 0, i.e. the text holds no right-to-left
// character, which is found without running the algorithm.
func Levels(text []rune) []uint8 {
	if !hasRTL(text) {
		return nil
	}
	p := paragraphs.Get().(*bidi.Paragraph)
	defer paragraphs.Put(p)
	runs := p.Segment(text, bidi.Neutral)
	levels := make([]uint8, len(text))
	for i := range runs.NumRuns() {
		r := runs.Run(i)
		for k := r.Start; k < r.End && k < len(levels); k++ {
			levels[k] = uint8(r.Level)
		}
	}
	return levels
}

var paragraphs = sync.Pool{New: func() any { return new(bidi.Paragraph) }}

// hasRTL reports whether text holds a character of a right-to-left script
// or an explicit bidi control, the only ones that give a level other
// than 0.
func hasRTL(text []rune) bool {
	for _, r := range text {
		if r < 0x0590 {
			continue
		}
		switch {
		case r <= 0x08FF, // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic
			0xFB1D <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFF, // presentation forms
			0x200E <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E, 0x2066 <= r && r <= 0x2069, // controls
			0x10800 <= r && r <= 0x10FFF, 0x1E800 <= r && r <= 0x1EFFF:
			return true
		}
	}
	return false
}

// Reorder puts one line's glyphs, given in logical order, in visual order
// (UAX #9 rule L2): from the highest level down to the lowest odd one,
// every run of glyphs at that level or higher is reversed. level gives a
// glyph's level.
func Reorder[T any](line []T, level func(*T) uint8) {
	var hi, lo uint8 = 0, 255
	for i := range line {
		l := level(&line[i])
		hi = max(hi, l)
		if l&1 != 0 {
			lo = min(lo, l)
		}
	}
	for l := hi; l >= lo && l > 0; l-- {
		for i := 0; i < len(line); {
			if level(&line[i]) < l {
				i++
				continue
			}
			j := i + 1
			for j < len(line) && level(&line[j]) >= l {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				line[a], line[b] = line[b], line[a]
			}
			i = j
		}
	}
}
