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
	return SmartIn(s, "")
}

// SmartIn is Smart for text in the language lang (a BCP 47 tag; "" for
// any): a straight mark that closes a quotation typed with a low opening
// mark („…" and ‚…', as German is typed on a keyboard without “) closes
// it with that language's mark, “ and ‘ (German, Czech, …) or ” and ’
// (Polish, Dutch, Romanian, Hungarian, …), not with the English ” of a
// mark after a letter. The typed marks stay as they are.
func SmartIn(s, lang string) string {
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
	// Four spaced dots, a sentence's stop and an ellipsis ("in the desert.
	// . . . Near them"): the ellipsis and the stop, with no space left
	// before the stop ("… .").
	s = strings.ReplaceAll(s, ". . . .", "….")
	s = strings.ReplaceAll(s, ". . .", "…")
	if !strings.ContainsAny(s, "\"'") {
		return s
	}
	return curl(s, lowClosers(lang))
}

// lowClosers are the marks that close a quotation opened with „ and ‚ in
// lang: ” and ’ where CLDR gives „…” (quotationEnd), else “ and ‘.
func lowClosers(lang string) [2]rune {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch primary {
	case "pl", "nl", "ro", "hu", "hr", "bg", "sr", "bs", "uk", "ru", "be", "et", "lv":
		return [2]rune{'”', '’'}
	}
	return [2]rune{'“', '‘'}
}

// lowQuotes follows the quotations typed with a low opening mark („, ‚)
// through a text, so that the straight mark that closes one closes it
// with the language's mark (closers: “‘ or ”’).
type lowQuotes struct {
	closers [2]rune
	double  bool // a „ is open
	inner   bool // a straight " opened inside it (closed by ”, as now)
	single  bool // a ‚ is open
	closed  int  // the byte (or rune) index after a “ that closed a „
}

// see notes a typed mark r, ending at index end, next the rune after it.
func (q *lowQuotes) see(r, next rune, end int) {
	switch r {
	case '„':
		q.double, q.inner = true, false
	case '“', '”':
		if q.double && !q.inner {
			q.double, q.closed = false, end
		} else if r == '”' {
			q.inner = false
		}
	case '‚':
		q.single = true
	case '‘':
		q.single = false
	case '’':
		if q.single && !unicode.IsLetter(next) {
			q.single = false
		}
	}
}

// lowMark is the mark that closes an open low quotation at a straight
// mark c, between prev and next, or 0. opens says whether the mark would
// open a quotation by its neighbours: inside „…" it opens a quotation of
// its own.
func (q *lowQuotes) lowMark(c byte, prev, next rune, opens bool) rune {
	switch {
	case c == '"' && q.double && !q.inner:
		if opens {
			q.inner = true
			return 0
		}
		q.double = false
		return q.closers[0]
	case c == '"' && q.inner && !opens:
		q.inner = false
	case c == '\'' && q.single && !opens && !(unicode.IsLetter(prev) && unicode.IsLetter(next)):
		q.single = false
		return q.closers[1]
	}
	return 0
}

// lowMarks are the typed marks lowQuotes follows.
const lowMarks = "„“”‚‘’"

// curl sets each straight quotation mark of s by the characters either
// side of it: the one before as set already (a mark made curly just
// before), the ones after as typed. It writes s once, by bytes: a mark is
// one byte and never part of another character's UTF-8 (converting to
// runes and back was a fifth of reading a guide).
func curl(s string, closers [2]rune) string {
	if !utf8.ValidString(s) {
		// Each byte that is not UTF-8 becomes U+FFFD, as converting to
		// runes makes it, so that the neighbours seen are the same.
		s = string([]rune(s))
	}
	var b strings.Builder
	b.Grow(len(s) + 2*(strings.Count(s, "\"")+strings.Count(s, "'")))
	done := 0                 // s[:done] is written
	setAt, set := -1, rune(0) // the mark set last, ending at byte setAt
	double := rune(0)         // the last double mark set, “ or ”
	low := lowQuotes{closers: closers, closed: -1}
	seen := 0 // s[:seen] has been looked at for typed marks
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '"' && c != '\'' {
			continue
		}
		// Every typed mark of lowMarks is U+2018–U+201E, UTF-8 E2 80 xx:
		// a segment without the byte E2 has none, found at IndexByte's
		// speed (ContainsAny looks up each character of the segment in
		// lowMarks: +2.4 M instructions, 1.3%, on the seed, whose text
		// has straight marks and few curly ones).
		if seg := s[seen:i]; strings.IndexByte(seg, 0xE2) >= 0 && strings.ContainsAny(seg, lowMarks) {
			for j, r := range seg {
				if strings.ContainsRune(lowMarks, r) {
					next, _ := utf8.DecodeRuneInString(s[seen+j+utf8.RuneLen(r):])
					low.see(r, next, seen+j+utf8.RuneLen(r))
				}
			}
		}
		seen = i + 1
		prev, next := ' ', ' '
		if i == setAt {
			prev = set
		} else if i > 0 {
			prev, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		if i+1 < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+1:])
		}
		// A “ that closed a „ (German) is no opening mark to open after.
		opens := opensAfter(prev) && !unicode.IsSpace(next) && !(prev == '“' && low.closed == i)
		if m := low.lowMark(c, prev, next, opens); m != 0 {
			set = m
			if c == '"' {
				double = '”' // closed, for the Chinese and Japanese rule
			}
			b.WriteString(s[done:i])
			b.WriteRune(set)
			done, setAt = i+1, i+1
			continue
		}
		switch {
		case c == '"' && unspaced(prev) && !unicode.IsSpace(next):
			// Chinese and Japanese set no space before a quotation:
			// between two letters, a mark opens unless one is open.
			set = '“'
			if double == '“' {
				set = '”'
			}
			double = set
		case c == '"' && opens:
			set, double = '“', '“'
		case c == '"':
			set, double = '”', '”'
		case opens && !elision(s[i+1:]):
			set = '‘'
		default:
			set = '’'
		}
		b.WriteString(s[done:i])
		b.WriteRune(set)
		done, setAt = i+1, i+1
	}
	b.WriteString(s[done:])
	return b.String()
}

// unspaced: a letter or a punctuation mark of Chinese or Japanese, which
// are written without spaces (Han, kana, the ideographic and full-width
// punctuation).
func unspaced(r rune) bool {
	return r >= 0x3000 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		r <= 0x303F || r >= 0xFF00 && r <= 0xFF65)
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
// with a word that takes an elision apostrophe: a decade ('80s, '90), one
// of the common elided words ('tis, 'em, 'cause), or an n before a
// consonant, where Italian and its dialects drop a first vowel ('Ntoni for
// Antonio, 'Ndrangheta, 'nzomma): no word a quotation opens with starts so.
func elision(rest string) bool {
	if r0, n0 := utf8.DecodeRuneInString(rest); unicode.IsDigit(r0) {
		if r1, n1 := utf8.DecodeRuneInString(rest[n0:]); unicode.IsDigit(r1) {
			if r2, _ := utf8.DecodeRuneInString(rest[n0+n1:]); !unicode.IsDigit(r2) {
				return true
			}
		}
	} else if r0 == 'n' || r0 == 'N' {
		if r1, _ := utf8.DecodeRuneInString(rest[n0:]); consonant(r1) {
			return true
		}
	}
	end := 0
	for end < len(rest) {
		r, n := utf8.DecodeRuneInString(rest[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	if end == 0 {
		return false
	}
	w := strings.ToLower(rest[:end])
	if w == "n" && end < len(rest) && rest[end] == '\'' {
		return true // rock 'n' roll
	}
	for _, e := range elisions {
		if w == e {
			// 'em and friends could also open a quotation that starts
			// with that word; a closing ' later in the text says it does.
			if strings.IndexByte(rest[end:], '\'') >= 0 {
				return w == "tis" || w == "twas"
			}
			return true
		}
	}
	return false
}

// consonant reports a Latin consonant letter (y, a vowel in many
// languages, is not one): what an elided n runs into ('Ntoni, 'Ndrangheta).
func consonant(r rune) bool {
	r = unicode.ToLower(r)
	return r >= 'b' && r <= 'z' && !strings.ContainsRune("eiouy", r)
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
