package layout

import (
	"strings"

	"github.com/guidepress/guidepress/content/typography"
)

// Display lines (the cover and title-page titles, headings, contents
// entries) are few and large, so where they break is read as much as what
// they say: "Never Let Me Go — / A Study Guide", not "Never Let Me Go — A
// Study / Guide". senseWrap keeps the fewest lines the greedy breaker
// needs and chooses among the ways to fill them the one that ends lines
// after a dash, colon or comma, never after a short word that leads into
// the next ("a", "of", "the"), and leaves the lines evenly long.

// displayText is a title as it is displayed: with typographic quotation
// marks and apostrophes (the metadata keeps the title as typed).
func displayText(s string) string { return typography.Smart(s) }

// leadWords are words that belong with the word after them: a display
// line never ends with one.
var leadWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "by": true, "and": true, "or": true,
	"in": true, "on": true, "for": true, "with": true, "at": true, "from": true, "as": true, "&": true,
	"le": true, "la": true, "les": true, "de": true, "des": true, "du": true, "un": true, "une": true,
	"el": true, "los": true, "las": true, "del": true, "der": true, "die": true, "das": true, "und": true,
	"il": true, "lo": true, "di": true, "e": true, "et": true, "y": true, "o": true, "da": true, "do": true,
}

// senseWrap breaks gs into lines no wider than w at the spaces that read
// best, in as many lines as first-fit wrapping makes. A text that has a
// word wider than w is wrapped as wrap does.
func senseWrap(gs []glyph, w float64, hyphens bool) [][]glyph {
	greedy := wrapAt(gs, w, hyphens)
	n := len(greedy)
	if n < 2 || n > 8 {
		return greedy
	}
	// Words: [start, end) glyph ranges between spaces.
	type word struct {
		s, e int
		text string
	}
	var words []word
	for i := 0; i < len(gs); {
		for i < len(gs) && gs[i].r == ' ' {
			i++
		}
		if i >= len(gs) {
			break
		}
		j := i
		for j < len(gs) && gs[j].r != ' ' {
			j++
		}
		words = append(words, word{i, j, textOf(gs[i:j])})
		i = j
	}
	if len(words) < n || len(words) > 60 {
		return greedy
	}
	lineW := func(a, b int) float64 { return width(gs[words[a].s:words[b-1].e]) }
	for k := 0; k < len(words); k++ {
		if width(gs[words[k].s:words[k].e]) > w+1e-6 {
			return greedy // a word needs cutting: wrap's job
		}
	}
	// Cost of a line of words [a, b) that is not the last.
	endCost := func(b int) float64 {
		last := words[b-1].text
		next := words[b].text
		c := 0.0
		l := strings.ToLower(strings.TrimRight(last, "\u2019'"))
		if leadWords[l] {
			c += 4
		}
		switch r := []rune(last); r[len(r)-1] {
		case '—', '–', ':', ';':
			c -= 2
		case ',', '.', '?', '!':
			c -= 1
		}
		if r := []rune(next); r[0] == '—' || r[0] == '–' {
			c += 3 // a dash ends a line, never starts one
		}
		if leadWords[strings.ToLower(next)] {
			c -= 1 // "… Hamlet / by William Shakespeare": a phrase starts the line
		}
		return c
	}
	const inf = 1e18
	// best[k][i]: least cost to set words[i:] in k lines.
	best := make([][]float64, n+1)
	next := make([][]int, n+1)
	for k := range best {
		best[k] = make([]float64, len(words)+1)
		next[k] = make([]int, len(words)+1)
		for i := range best[k] {
			best[k][i] = inf
		}
	}
	best[0][len(words)] = 0
	for k := 1; k <= n; k++ {
		for i := len(words) - 1; i >= 0; i-- {
			for j := i + 1; j <= len(words); j++ {
				lw := lineW(i, j)
				if lw > w+1e-6 {
					break
				}
				if best[k-1][j] >= inf {
					continue
				}
				slack := (w - lw) / w
				c := slack * slack * 3
				if j < len(words) {
					c += endCost(j)
				}
				if v := c + best[k-1][j]; v < best[k][i] {
					best[k][i], next[k][i] = v, j
				}
			}
		}
	}
	if best[n][0] >= inf {
		return greedy
	}
	out := make([][]glyph, 0, n)
	for k, i := n, 0; k > 0 && i < len(words); k-- {
		j := next[k][i]
		out = append(out, gs[words[i].s:words[j-1].e])
		i = j
	}
	return out
}
