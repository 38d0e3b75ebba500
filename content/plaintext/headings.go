package plaintext

import (
	"sync"
	"sync/atomic"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
	"strings"
	"unicode"
	"unicode/utf8"
)

// anchor is what a known section name tells about the text under it.
type anchor int

const (
	noAnchor        anchor = iota
	sectionAnchor          // a body section (Plot Summary, Character Analysis…)
	quotesAnchor           // the highlighted quotes
	faqAnchor              // the Frequently Asked Questions appendix
	questionsAnchor        // a body section of questions (Discussion Questions), not an FAQ
)

// anchors memoises anchorOf: the same short lines are asked about many
// times (as headings, questions, names). Long lines are never names.
var (
	anchors     sync.Map // string → anchor
	anchorsSize atomic.Int64
)

func anchorOf(s string) anchor {
	if len(s) > 320 {
		return noAnchor
	}
	if a, ok := anchors.Load(s); ok {
		return a.(anchor)
	}
	a := classifyAnchor(s)
	if anchorsSize.Add(1) > 1<<14 {
		// A long batch: start again rather than grow without bound.
		anchors.Clear()
		anchorsSize.Store(0)
	}
	anchors.Store(s, a)
	return a
}

func classifyAnchor(s string) anchor {
	h := vocab.Classify(s)
	switch h.Kind {
	case vocab.Quotes:
		return quotesAnchor
	case vocab.FAQ:
		return faqAnchor
	case vocab.Section:
		if h.Role == content.RoleDiscussion {
			return questionsAnchor
		}
		return sectionAnchor
	}
	return noAnchor
}

// abbreviations may end a heading with a full stop ("Kathy H.", "Tommy D.").
var abbreviations = map[string]bool{"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "st.": true, "jr.": true, "sr.": true, "etc.": true, "vol.": true, "no.": true, "co.": true, "inc.": true, "ltd.": true, "bros.": true}

// shortHeading says whether text, on its own, reads like a heading: short,
// with a letter in it, not a list item or a quotation, and not ending like a
// sentence (a question mark is allowed: headings and FAQ questions ask).
func shortHeading(s string) bool {
	if len(s) > 4*120 {
		return false // more than 120 runes whatever they are
	}
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 120 || wordCount(s) > 16 {
		return false
	}
	if listItem(s) && (bulletRE.MatchString(s) || anchorOf(s) == noAnchor) {
		return false // a list item, unless it is a numbered known heading
	}
	if c := s[0]; c >= 'a' && c <= 'z' && len(s) > 3 && (s[1] == ')' || s[1] == '.') && s[2] == ' ' {
		return false // "c) por consejo de Melibea" alone after a note: an option, lettered (it was a heading)
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) || attribution(s) || bracketed(s) {
		return false
	}
	if _, _, ok := wholeQuote(s); ok {
		return false
	}
	if _, _, ok := trailingAttribution(s); ok {
		return false // a quotation and its source
	}
	if twoSentences(s) {
		return false // "Think about a time you moved. What helped you?"
	}
	if strings.HasSuffix(s, "___") {
		return false // "Chapters read: ________", a blank to fill in
	}
	core := strings.TrimRight(s, `"”’'»)]`)
	if core != s && core != "" {
		// A heading may end with a quoted or bracketed word, but not with
		// a quoted sentence.
		if l, _ := utf8.DecodeLastRuneInString(core); strings.ContainsRune(".,;!?:…", l) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case ',', ';', '!', '…', '-', '–', '—', '。', '！', '、', '，', '；':
		return false
	case ':':
		return anchorOf(s) != noAnchor
	case '.':
		f := strings.Fields(s)
		w := strings.ToLower(f[len(f)-1])
		if abbreviations[w] {
			return true
		}
		// An initial: "Kathy H."
		r := []rune(w)
		return len(r) == 2 && unicode.IsLetter(r[0])
	}
	return true
}

// twoSentences: s holds a sentence of four words or more and another
// after it ("Think about a time you had to adapt. What helped you?"),
// which no heading does; "Part One. Boyhood", "Mr. Darcy", "Chapter 1. The
// Storm" have fewer words before the stop.
func twoSentences(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if c := s[i]; (c == '.' || c == '?' || c == '!') && s[i+1] == ' ' && i > 0 && 'a' <= s[i-1] && s[i-1] <= 'z' {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(r) && wordCount(s[:i]) >= 4 && wordCount(s[i+1:]) >= 2 {
				f := strings.Fields(s[:i+1])
				if !abbreviations[strings.ToLower(f[len(f)-1])] {
					return true
				}
			}
		}
	}
	return false
}

// isQuestion says whether s is an FAQ question: one sentence ending in a
// question mark (possibly inside a closing quote or bracket), of a length a
// question has. A rhetorical answer paragraph that ends in "?" has full
// stops inside and is not taken for a question.
func isQuestion(s string) bool {
	if s != "" && (s[0] >= '0' && s[0] <= '9' || s[0] == '(') { // numberedRE can match
		s = numberedRE.ReplaceAllString(s, "")
	}
	if len(s) > 4*250 || utf8.RuneCountInString(s) > 250 {
		return false
	}
	core := strings.TrimRight(s, `"”’')]» `)
	if strings.HasSuffix(core, "？") { // a full-width question mark (CJK)
		core = strings.TrimSuffix(core, "？") + "?"
	}
	if !strings.HasSuffix(core, "?") {
		return false
	}
	return !sentenceBreak(core[:len(core)-1])
}

var breakRE = lazyre.Hot(`(\S+)[.!]["”’')]?\s+["“‘(]?\p{Lu}`)

// sentenceBreak reports a full stop or exclamation mark that ends a
// sentence inside s (not one after an initial or a title like "Mr.").
func sentenceBreak(s string) bool {
	for _, m := range breakRE.FindAllStringSubmatch(s, -1) {
		w := strings.ToLower(m[1])
		if abbreviations[w+"."] {
			continue
		}
		if r := []rune(w); len(r) == 1 && unicode.IsLetter(r[0]) {
			continue
		}
		return true
	}
	return false
}

// bracketed: the whole line stands in square brackets or parentheses, as
// a play's stage directions do ("[Enter PUCK]", "(Exeunt.)", "[Aside to
// Horatio]") and an editor's notes ("(sung in the 1999 staging)"): text
// of the scene, never a heading.
func bracketed(s string) bool {
	if len(s) <= 2 {
		return false
	}
	switch s[0] {
	case '[':
		return s[len(s)-1] == ']' && strings.IndexByte(s[1:], ']') == len(s)-2
	case '(':
		return s[len(s)-1] == ')' && strings.IndexByte(s[1:], ')') == len(s)-2
	}
	return false
}
