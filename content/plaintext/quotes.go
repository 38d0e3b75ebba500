package plaintext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// quotePairs are the outer quotation marks a quoted paragraph may use;
// „ closed by a straight " is German typed on a keyboard that has no “.
var quotePairs = []struct{ open, close rune }{
	{'"', '"'}, {'“', '”'}, {'„', '“'}, {'„', '”'}, {'„', '"'}, {'«', '»'}, {'»', '«'},
	{'‘', '’'}, {'\'', '\''}, {'「', '」'}, {'『', '』'},
}

// wholeQuote reports whether s is wholly one quotation, from its first
// character to its last, and returns the text between the outer marks.
// `"Foo," he said, "bar."` starts and ends with a mark but is two
// quotations and a narrator: the first inner mark closes, so it is not
// wholly a quotation.
func wholeQuote(s string) (inner string, pair [2]rune, ok bool) {
	first, fs := utf8.DecodeRuneInString(s)
	last, ls := utf8.DecodeLastRuneInString(s)
	if len(s) < fs+ls+1 {
		return "", pair, false
	}
	for _, p := range quotePairs {
		if first != p.open || last != p.close {
			continue
		}
		inner = strings.TrimSpace(s[fs : len(s)-ls])
		if inner == "" || !balanced(inner, p.open, p.close) {
			return "", pair, false
		}
		return inner, [2]rune{p.open, p.close}, true
	}
	return "", pair, false
}

// balanced checks that no mark inside inner closes the outer quotation.
func balanced(inner string, open, close rune) bool {
	rs := []rune(inner)
	depth := 0
	for i, r := range rs {
		if r != open && r != close {
			continue
		}
		var prev, next rune = ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if open == close {
			// Straight marks and single quotes: tell opening from
			// closing by context; an apostrophe inside a word is neither.
			if unicode.IsLetter(prev) && unicode.IsLetter(next) {
				continue
			}
			if opensAfter(prev) && !unicode.IsSpace(next) {
				depth++
			} else {
				if depth == 0 {
					return false
				}
				depth--
			}
			continue
		}
		if r == close && (open == '‘' || open == '\'') && unicode.IsLetter(prev) && (unicode.IsLetter(next) || next == 's') {
			continue // an apostrophe: don’t
		}
		if r == open {
			depth++
		} else {
			if depth == 0 {
				return false
			}
			depth--
		}
	}
	return true
}

func opensAfter(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	return strings.ContainsRune("([{<—–-/“‘«„", r)
}

// quoteLabelRE matches the label some guides number their quotes with:
// "Quote 1:", "Quotation #2 –", "#3".
var quoteLabelRE = lazyre.New(`^(?:(?i:quote|quotation)\s*#?\d{1,3}\s*[:.)–—-]?|#\d{1,3}[:.)]?)\s+`)

// quoteNumber strips a list number, a bullet or a quote label from a
// highlighted quote and says whether there was one.
func quoteNumber(s string) (string, bool) {
	if s == "" {
		return s, false
	}
	if c := s[0]; !itemStart(s) && c != '#' && c != 'Q' && c != 'q' {
		return s, false
	}
	for _, re := range []*lazyre.Regexp{numberedRE, quoteLabelRE, bulletRE} {
		if loc := re.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			return strings.TrimSpace(s[loc[1]:]), true
		}
	}
	return s, false
}

// quoteText strips a list number and the outer quotation marks from a
// highlighted quote.
func quoteText(s string) string {
	s, _ = quoteNumber(s)
	if inner, _, ok := wholeQuote(s); ok {
		return inner
	}
	return s
}

// attribution reports a line that names the speaker of the quote before it
// ("— Miss Emily, Chapter 22"): a dash, then a short text that is not itself
// a quotation. After a plain hyphen, which also marks list items, the text
// must be name-short and not end like a sentence.
func attribution(s string) bool {
	for _, p := range []string{"—", "–", "―", "--", "~", "- "} {
		if !strings.HasPrefix(s, p) {
			continue
		}
		rest := strings.TrimSpace(strings.TrimPrefix(s, p))
		if rest == "" || utf8.RuneCountInString(rest) > 100 {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("\"“‘'«„", r) {
			return false
		}
		if p == "- " {
			last, _ := utf8.DecodeLastRuneInString(rest)
			return utf8.RuneCountInString(rest) <= 40 && !strings.ContainsRune(".!?", last)
		}
		return true
	}
	return false
}
