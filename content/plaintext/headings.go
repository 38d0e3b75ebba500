package plaintext

import (
	"regexp"
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

var (
	quotesRE = regexp.MustCompile(`^(?:(?:the|our)\s+)?(?:top\s+)?(?:\d{1,3}\s+)?(?:(?:highlight(?:ing|ed)|key|memorable|notable|important|famous|favou?rite|best|top|selected|significant|essential|powerful|noteworthy|major|great|striking|most important|most famous)\s+)?(?:quotes|quotations|passages|excerpts)(?:\s+(?:and their meaning|explained|to remember|worth remembering|with page numbers|from\s.+|by\s.+))?$`)
	faqRE    = regexp.MustCompile(`^(?:frequently asked questions|faqs?|common questions|questions and answers|q ?and ?a|reader questions|readers' questions)(?:\s*\(faqs?\))?(?:\s+(?:about|on)\s.+)?$`)
	discRE   = regexp.MustCompile(`^(?:(?:discussion|study|review|essay|reading group|book club|classroom)\s+(?:questions|topics|prompts)|questions for (?:discussion|study|review)|essay topics|writing prompts)$`)
)

// knownSections are top-level section names common in study guides. They
// anchor the structure when the layout alone is ambiguous: a known name
// followed by a paragraph is a section of its own, not a subsection of the
// one before. Names that are as often subsections (Symbols, Setting,
// Conclusion) are deliberately absent.
var knownSections = map[string]bool{}

func init() {
	for _, s := range []string{
		"plot summary", "plot overview", "summary", "synopsis", "overview", "chapter summary", "chapter summaries",
		"summary and analysis", "chapter by chapter summary", "detailed summary", "book summary",
		"character analysis", "characters", "character list", "main characters", "major characters",
		"list of characters", "the characters", "character guide", "characters and analysis",
		"themes", "major themes", "key themes", "main themes", "central themes", "themes and motifs",
		"themes and symbols", "themes and literary devices", "themes, motifs and symbols", "themes motifs and symbols",
		"literary devices", "literary techniques", "style and technique", "motifs and symbols", "symbols and motifs",
		"critical analysis", "analysis", "literary analysis", "critical reception", "reception", "legacy",
		"context", "historical context", "background", "historical background", "cultural context",
		"about the author", "author biography", "about the book", "introduction", "key facts", "quick facts",
		"further reading", "glossary", "vocabulary", "timeline", "setting and context",
	} {
		knownSections[s] = true
	}
}

// normName folds a heading for comparison with known names: lower case,
// "&" read as "and", no trailing colon, single spaces, and no emoji or
// other pictographs decorating either end ("📖 Plot Summary", "FAQ ❓").
func normName(s string) string {
	s = strings.TrimFunc(s, decoration)
	s = numberedRE.ReplaceAllString(s, "") // "1. Plot Summary"
	s = strings.ToLower(s)
	s = strings.TrimRight(s, ": ")
	s = strings.ReplaceAll(s, "&", " and ")
	s = strings.ReplaceAll(s, "-", " ")
	return strings.Join(strings.Fields(s), " ")
}

// decoration reports the runes that ornament a heading without being part
// of its name: spaces, pictographs and symbols (emoji are mostly So), and
// the joiners, variation selectors and skin-tone modifiers emoji are built
// with.
func decoration(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) ||
		r == '\u200d' || unicode.Is(unicode.Variation_Selector, r)
}

func anchorOf(s string) anchor {
	if utf8.RuneCountInString(s) > 80 {
		return noAnchor
	}
	n := normName(s)
	switch {
	case quotesRE.MatchString(n):
		return quotesAnchor
	case faqRE.MatchString(n):
		return faqAnchor
	case discRE.MatchString(n):
		return questionsAnchor
	case knownSections[n]:
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
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 120 || len(strings.Fields(s)) > 16 {
		return false
	}
	if listItem(s) && (bulletRE.MatchString(s) || anchorOf(s) == noAnchor) {
		return false // a list item, unless it is a numbered known heading
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) || attribution(s) {
		return false
	}
	if _, _, ok := wholeQuote(s); ok {
		return false
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

// isQuestion says whether s is an FAQ question: one sentence ending in a
// question mark (possibly inside a closing quote or bracket), of a length a
// question has. A rhetorical answer paragraph that ends in "?" has full
// stops inside and is not taken for a question.
func isQuestion(s string) bool {
	if s != "" && (s[0] >= '0' && s[0] <= '9' || s[0] == '(') { // numberedRE can match
		s = numberedRE.ReplaceAllString(s, "")
	}
	if utf8.RuneCountInString(s) > 250 {
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

var breakRE = regexp.MustCompile(`(\S+)[.!]["”’')]?\s+["“‘(]?\p{Lu}`)

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
