package typeset

import (
	"sync"

	"github.com/go-text/typesetting/segmenter"
)

// Breaks are the line-break opportunities of a paragraph (UAX #14): at[i]
// is true when a line may start at text[i] (i > 0). It is nil for text of
// Latin, Greek or Cyrillic letters, digits and common punctuation only,
// whose opportunities the caller's own rules give (a space, after a hyphen
// inside a word): the segmenter costs about 0.1 µs a character, which
// such text is spared.
func Breaks(text []rune) []bool {
	if simple(text) {
		return nil
	}
	seg := segmenters.Get().(*segmenter.Segmenter)
	defer segmenters.Put(seg)
	seg.Init(text)
	at := make([]bool, len(text))
	it := seg.LineIterator()
	for it.Next() {
		if l := it.Line(); l.Offset > 0 && l.Offset < len(at) {
			at[l.Offset] = true
		}
	}
	return at
}

var segmenters = sync.Pool{New: func() any { return new(segmenter.Segmenter) }}

// simple reports whether the text is alphabetic script and punctuation
// whose breaks UAX #14 puts only at spaces and after hyphens and dashes.
func simple(text []rune) bool {
	for _, r := range text {
		if r < 0x0530 || (0x1E00 <= r && r <= 0x206F) || (0x20A0 <= r && r <= 0x20CF) {
			continue
		}
		return false
	}
	return true
}
