package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Smart sets straight punctuation as a typesetter would: "…" and '…' become
// curly quotes, an apostrophe becomes ’ (also in elisions such as '80s and
// 'tis, where a naive rule would open a quote), -- and --- become an em
// dash and ... an ellipsis. Text that is already curly is left alone.
//
// The choice between an opening and a closing mark is made from the
// character before it, the rule SmartyPants uses: after a space, the start of
// the text or an opening bracket or dash, a mark opens; otherwise it closes.
func Smart(s string) string {
	if !strings.ContainsAny(s, "\"'-.") {
		return s
	}
	s = strings.ReplaceAll(s, "---", "—")
	s = strings.ReplaceAll(s, "--", "—")
	// A hyphen with a space either side is a dash typed on a keyboard
	// without one ("Kathy H. - The Narrator", "deferrals - a rumour"); it
	// becomes a spaced en dash, the British style these guides use.
	// "well- and ill-formed", "-5" and "5 - 3" keep their hyphens.
	s = spacedDash(s)
	s = strings.ReplaceAll(s, "...", "…")
	s = strings.ReplaceAll(s, ". . .", "…")
	if !strings.ContainsAny(s, "\"'") {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		if r != '"' && r != '\'' {
			continue
		}
		var prev, next rune = ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		opens := opensAfter(prev) && !unicode.IsSpace(next)
		if r == '"' {
			if opens {
				rs[i] = '“'
			} else {
				rs[i] = '”'
			}
			continue
		}
		if opens && !elision(rs[i+1:]) {
			rs[i] = '‘'
		} else {
			rs[i] = '’'
		}
	}
	return string(rs)
}

// opensAfter reports whether a quotation mark after r opens a quotation.
func opensAfter(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '<', '—', '–', '-', '/', '“', '‘', '«', '„':
		return true
	}
	return false
}

// elisions are the words English writes with a leading apostrophe.
var elisions = []string{"tis", "twas", "twere", "twill", "em", "n", "cause", "cos", "til", "till", "round", "bout", "neath", "gainst", "ere", "er", "un", "ave"}

// elision reports whether rest (the text after a leading apostrophe) starts
// with a word that takes an elision apostrophe: a decade ('80s, '90) or
// one of the common elided words ('tis, 'em, 'cause).
func elision(rest []rune) bool {
	if len(rest) >= 2 && unicode.IsDigit(rest[0]) && unicode.IsDigit(rest[1]) && (len(rest) == 2 || !unicode.IsDigit(rest[2])) {
		return true
	}
	end := 0
	for end < len(rest) && unicode.IsLetter(rest[end]) {
		end++
	}
	if end == 0 {
		return false
	}
	w := strings.ToLower(string(rest[:end]))
	if w == "n" && end < len(rest) && rest[end] == '\'' {
		return true // rock 'n' roll
	}
	for _, e := range elisions {
		if w == e {
			// 'em and friends could also open a quotation that starts
			// with that word; a closing ' later in the text says it does.
			for _, r := range rest[end:] {
				if r == '\'' {
					return w == "tis" || w == "twas"
				}
			}
			return true
		}
	}
	return false
}

func spacedDash(s string) string {
	if !strings.Contains(s, " - ") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, " - ")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+3:])
		b.WriteString(s[:i])
		if unicode.IsDigit(before) && unicode.IsDigit(after) {
			b.WriteString(" - ")
		} else {
			b.WriteString(" – ")
		}
		s = s[i+3:]
	}
}
