package layout

import (
	"strings"
	"unicode"
)

// Line breaking for mixed-font text: a line may mix Literata with Noto
// Sans Greek or a Symbols2 pictograph, so lines are broken over shaped
// glyphs (package typeset), each measured in its own face, kerning
// included.
//
// The breaker is greedy (first fit), which gives the ragged-right setting
// the theme uses: no stretched spaces, so no rivers. Break opportunities
// are spaces (the space is dropped at the break) and the point after a
// hyphen, dash or slash inside a word. Inside a URL the opportunities are
// those of a URL (urlBreak): after a slash, before punctuation, never at
// a hyphen, which a reader would take for part of the address. Text beyond Latin, Greek and
// Cyrillic may also break where UAX #14 allows (glyph.brk: between
// ideographs, say), but never after a hyphen the style keeps whole. A word wider than the whole line
// (a 200-character string without spaces, a long URL) is broken between
// characters so that nothing ever crosses the margin.

// breakAfter reports whether a line may end after r when r is inside a
// word.
func breakAfter(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2013', '\u2014', '/', '\u2026':
		return true
	}
	return false
}

// wrap is wrap as the style breaks lines.
func (s *shaper) wrap(gs []glyph, w float64) [][]glyph {
	return wrapAt(gs, w, !s.th.noHyphenBr)
}

// appendWrap is wrap appending the lines to dst.
func (s *shaper) appendWrap(dst [][]glyph, gs []glyph, w float64) [][]glyph {
	return appendLines(dst, gs, w, !s.th.noHyphenBr)
}

// wrap breaks gs into lines no wider than w.
func wrap(gs []glyph, w float64) [][]glyph { return wrapAt(gs, w, true) }

// wrapAt breaks gs into lines no wider than w, after a hyphen or dash
// inside a word only when hyphens is set.
func wrapAt(gs []glyph, w float64, hyphens bool) [][]glyph {
	return appendLines(nil, gs, w, hyphens)
}

// appendLines is wrapAt appending the lines to lines.
func appendLines(lines [][]glyph, gs []glyph, w float64, hyphens bool) [][]glyph {
	lines, _, _ = appendLinesFrom(lines, gs, 0, false, w, hyphens, true)
	return lines
}

// lookAhead is more than the breaker reads past the glyph a line's scan
// stops at (isURL after a space: an opening bracket or two and
// "https://").
const lookAhead = 16

// appendLinesFrom is appendLines from gs[start], with url (the word being
// set is a URL) as the breaker had it there. gs is the whole text when
// last is set; else it is the text so far (a window of it, from the glyph
// before start on: setWindowed), and only the lines the breaker would
// break the same with more text after gs are appended: those whose scan
// stops lookAhead glyphs or more before its end. It returns where the
// next line's scan starts and url there.
func appendLinesFrom(lines [][]glyph, gs []glyph, start int, url bool, w float64, hyphens, last bool) ([][]glyph, int, bool) {
	const eps = 1e-6
	for start < len(gs) {
		lineStart, lineURL := start, url
		for start < len(gs) && gs[start].r == ' ' {
			start++
		}
		if start >= len(gs) {
			break
		}
		x := 0.0
		end, next := -1, -1 // best break so far: line is gs[start:end], resume at next
		i := start
		if start == 0 || gs[start-1].r == ' ' {
			url = isURL(gs[start:]) // else a URL broken at the line before goes on
		}
		for i < len(gs) {
			g := gs[i]
			if g.r == ' ' {
				end, next = i, i+1
				x += g.w
				i++
				if i < len(gs) {
					url = isURL(gs[i:])
				}
				continue
			}
			if x+g.w > w+eps {
				break
			}
			if url {
				if i > start && urlBreakBefore(gs, i) {
					end, next = i, i
				}
			} else if hyphens && breakAfter(g.r) && i > start && i+1 < len(gs) && startsWord(gs[i+1].r) {
				end, next = i+1, i+1
			} else if g.brk && i > start && !breakAfter(gs[i-1].r) {
				end, next = i, i // UAX #14: between ideographs, say
			}
			x += g.w
			i++
		}
		if !last && i+lookAhead >= len(gs) {
			return lines, lineStart, lineURL // more text may set this line otherwise
		}
		if i >= len(gs) {
			lines = append(lines, trimSpace(gs[start:]))
			break
		}
		if end > start {
			lines = append(lines, trimSpace(gs[start:end]))
			start = next
			continue
		}
		// No break opportunity fits: cut the word where the line is full.
		if i == start {
			i++ // a single glyph wider than the line still has to go somewhere
		}
		// Not next to a hyphen in a URL, where it would read as part of it.
		for k := 0; url && k < 3 && i-start > 1 && i < len(gs) && (gs[i-1].r == '-' || gs[i].r == '-'); k++ {
			i--
		}
		lines = append(lines, gs[start:i])
		start = i
	}
	return lines, len(gs), url
}

// isURL reports whether the word at the start of gs is a web or mail
// address ("https://…", "www.…", "mailto:…"), possibly after an opening
// bracket or quotation mark.
func isURL(gs []glyph) bool {
	i := 0
	for i < len(gs) && i < 2 && strings.ContainsRune("([<“‘\"'", gs[i].r) {
		i++
	}
	gs = gs[i:]
	has := func(p string) bool {
		k := 0
		for _, r := range p {
			if k >= len(gs) || unicode.ToLower(gs[k].r) != r {
				return false
			}
			k++
		}
		return true
	}
	switch {
	case len(gs) < 5:
		return false
	case gs[0].r == 'h' || gs[0].r == 'H':
		return has("http://") || has("https://")
	case gs[0].r == 'w' || gs[0].r == 'W':
		return has("www.")
	case gs[0].r == 'm' || gs[0].r == 'M':
		return has("mailto:")
	case gs[0].r == 'f' || gs[0].r == 'F':
		return has("ftp://")
	}
	return false
}

// urlBreakBefore reports whether a line may break before gs[i] inside a
// URL: after a slash (not inside "//"), or before punctuation that more
// of the address follows. Never next to a hyphen.
func urlBreakBefore(gs []glyph, i int) bool {
	prev, r := gs[i-1].r, gs[i].r
	if prev == '-' || r == '-' {
		return false
	}
	if prev == '/' {
		return r != '/'
	}
	switch r {
	case '.', ',', '?', '#', '&', '=', '_', '~', '%', ';', '+', '@':
		// Only where the address goes on after it: a full stop that ends
		// the sentence stays with the URL.
		return i+1 < len(gs) && (unicode.IsLetter(gs[i+1].r) || unicode.IsDigit(gs[i+1].r))
	}
	return false
}

// startsWord reports whether a line may begin with r after a break inside
// a word: a letter or digit, not closing punctuation ("—”" stays whole).
func startsWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// endsAtSpace reports whether a line wrap made ended at a space (which
// the break dropped) rather than after a hyphen or inside a word cut to
// fit. Lines are slices of the glyphs wrap was given, so the glyph after
// a line that is not the last is still there, just past its length.
func endsAtSpace(line []glyph) bool {
	return cap(line) > len(line) && line[:len(line)+1][len(line)].r == ' '
}

func trimSpace(gs []glyph) []glyph {
	for len(gs) > 0 && gs[len(gs)-1].r == ' ' {
		gs = gs[:len(gs)-1]
	}
	return gs
}

// ellipsize shortens gs to fit w, ending it with "…" drawn in face fc
// (every text face has U+2026), for running headers where a long title
// must stay on one line.
func (s *shaper) ellipsize(gs []glyph, w float64, fc Face) ([]glyph, error) {
	if width(gs) <= w || len(gs) == 0 {
		return gs, nil
	}
	for len(gs) > 0 {
		gs = trimSpace(gs[:len(gs)-1])
		if len(gs) == 0 {
			break
		}
		size := gs[len(gs)-1].size
		ell := Single(fc, '…', size)
		if width(gs)+ell.w <= w {
			return append(append([]glyph(nil), gs...), ell), nil
		}
	}
	return nil, nil
}

// Single is r alone in face fc at size points, unshaped: a character
// added to a line the shaper already set (an ellipsis, a space).
func Single(fc Face, r rune, size float64) glyph {
	tf := fc.Typeset()
	gid := tf.Glyph(r)
	adv := tf.Advance(gid)
	return glyph{r: r, fc: fc, size: size, w: float64(adv) * ptToMM(size) / 1000, GID: gid, adv: int16(adv), n: 1}
}
