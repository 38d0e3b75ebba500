package plaintext

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
)

// residue is what a line that is not content turned out to be.
type residue int

const (
	notResidue residue = iota
	readingTime
	coverCaption
	shopLink
	mediaPlayer
	webFurniture
	runningHead
)

var (
	readingTimeRE = lazyre.New(`(?i)^(?:⏱\s*|🕐\s*|reading time:?\s*)?(\d{1,6})\s*(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|to read))?$`)
	captionRE     = lazyre.Hot(`(?i)^(.*?)\s+by\s+(.+?)\s*[-–—:|]?\s*book cover(?: summary)?$`)
	captionBareRE = lazyre.Hot(`(?i)(?:^|[-–—:|]\s*)book cover(?: summary)?$`)
	shopRE        = lazyre.Hot(`(?i)^(?:buy|order|purchase|shop|get)\b.*\b(?:amazon|audible|kindle|kobo|bookshop|barnes|apple books|google play|waterstones|indigo|book ?store|the book|this book|the ebook|the audiobook|the paperback|now|here|a copy)\b`)
	availableRE   = lazyre.Hot(`(?i)^(?:available|listen|read it) (?:now )?(?:on|at|from) (?:amazon|audible|kindle|kobo|bookshop|barnes|apple books|google play)\b`)
	shopIntlRE    = lazyre.New(`(?i)^(?:comprar|cómpralo|compra|acheter|achetez|jetzt kaufen|kaufen|bestellen|acquista|acquistalo|compre|disponible en|disponible sur|erhältlich bei|disponibile su|disponível na|disponível em)\b.{0,80}\b(?:amazon|kindle|fnac|casa del libro|thalia|hugendubel|ibs|feltrinelli|mondadori|bertrand|saraiva|audible|kobo|apple books|google play|el libro|le livre|das buch|il libro|o livro)\b`)
	mediaRE       = lazyre.New(`^[▶►⏵⏸❚⏯ ]*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:/|\||-|of)?\s*\d{1,2}:\d{2}(?::\d{2})?)*$`)
)

// classifyResidue says whether a (trimmed) line is page furniture copied
// along with the guide rather than part of it.
//
// It runs on every line of every input, so each expression is tried only
// when the line has what it cannot match without (most lines are prose and
// end in a full stop): a digit for the reading time, a last letter r or y
// for a caption ("book cover", "book cover summary"; neither letter has a
// case-insensitive non-ASCII match), a first letter that can start a shop
// line (any non-ASCII one too: (?i) matches ſ for s), and a colon for a
// media player's times.
func classifyResidue(s string) residue {
	if s == "" {
		return notResidue
	}
	// Only short lines can be a reading time or a player's times: the
	// digit scan is skipped on paragraphs.
	digit := len(s) <= 200 && hasDigit(s)
	switch {
	case digit && readingTimeRE.MatchString(s):
		return readingTime
	case endsInRorY(s) && len(s) <= 4*300 && utf8.RuneCountInString(s) <= 300 && (captionRE.MatchString(s) || captionBareRE.MatchString(s)):
		return coverCaption
	case shopStart(s) && len(s) <= 4*100 && utf8.RuneCountInString(s) <= 100 && !strings.HasSuffix(s, ".") && (shopRE.MatchString(s) || availableRE.MatchString(s)):
		return shopLink
	case digit && strings.IndexByte(s, ':') >= 0 && mediaRE.MatchString(s):
		return mediaPlayer
	case digit && len(s) <= 80 && readingMinutes(s) > 0:
		return readingTime
	case len(s) <= 200 && vocab.Furniture(s) != "":
		return webFurniture
	case len(s) <= 200 && shopWord(s) && !strings.HasSuffix(s, ".") && shopIntlRE.MatchString(s):
		return shopLink
	}
	return notResidue
}

// shopWord: the first word can start a shop line in another language.
func shopWord(s string) bool {
	w := s
	if i := strings.IndexByte(s, ' '); i > 0 {
		w = s[:i]
	}
	switch strings.ToLower(w) {
	case "comprar", "cómpralo", "compra", "acheter", "achetez", "jetzt", "kaufen", "bestellen", "acquista", "acquistalo", "compre", "disponible", "erhältlich", "disponibile", "disponível":
		return true
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func endsInRorY(s string) bool {
	switch s[len(s)-1] {
	case 'r', 'R', 'y', 'Y':
		return true
	}
	return false
}

// shopStart: shopRE and availableRE start with buy, order, purchase, shop,
// get, available, listen or read.
func shopStart(s string) bool {
	switch c := s[0]; {
	case c >= utf8.RuneSelf:
		return true
	default:
		switch c | 0x20 { // ASCII lower case
		case 'b', 'o', 'p', 's', 'g', 'a', 'l', 'r', 'c', 'k', 'd', 'e', 'j':
			return true
		}
	}
	return false
}

func (r residue) String() string {
	switch r {
	case readingTime:
		return "reading time"
	case coverCaption:
		return "cover caption"
	case shopLink:
		return "shop link"
	case mediaPlayer:
		return "media-player residue"
	case webFurniture:
		return "web furniture"
	case runningHead:
		return "running head or page footer"
	}
	return "content"
}

// headRE: a printed page's running head or footer as pasted, a line of
// text and its page number set apart by a tab or a run of spaces
// ("MOBY-DICK NOTES<spaces>3", "Kidnapped Unit Packet<spaces>Page 2"), or
// the number first ("4<spaces>MOBY-DICK NOTES").
var headRE = lazyre.New(`(?i)^\s*(?:(\S.*?)(?:\t+| {3,})(page|p\.|pg\.?|seite|página|pagina|pagine)?\s*\d{1,4}|\d{1,4}(?:\t+| {3,})(\S.*?))\s*$`)

// runningHeads finds the running heads and page footers among the raw
// lines of a text: lines of headRE whose text, without the number, is
// the same on two lines or more (different pages), or whose number is
// labelled a page ("Page 2"). A line of verse with its line number set
// beside it ("…cold command,<spaces>5") is neither: it is not repeated.
// It returns the heads' texts in lower case, nil when there are none.
func runningHeads(lines []string) map[string]bool {
	var count map[string]int
	var heads map[string]bool
	for _, raw := range lines {
		key, page, ok := headOf(raw)
		if !ok {
			continue
		}
		if count == nil {
			count = map[string]int{}
		}
		count[key]++
		if page || count[key] >= 2 {
			if heads == nil {
				heads = map[string]bool{}
			}
			heads[key] = true
		}
	}
	return heads
}

// headOf reads raw as a running head: its text in lower case, whether
// its number is labelled a page, and whether it is one at all. The text
// is one column (no gap of its own) of two to ten words.
func headOf(raw string) (key string, page, ok bool) {
	raw = strings.TrimRight(raw, " \t\r")
	if len(raw) < 5 || len(raw) > 200 || !strings.ContainsAny(raw, "\t0123456789") || !strings.Contains(raw, "\t") && !strings.Contains(raw, "   ") {
		return "", false, false
	}
	if c, d := raw[len(raw)-1], raw[0]; (c < '0' || c > '9') && (d < '0' || d > '9') {
		return "", false, false
	}
	m := headRE.FindStringSubmatch(raw)
	if m == nil {
		return "", false, false
	}
	text := m[1] + m[3]
	if columnGapRE.MatchString(text) || len(strings.Fields(text)) < 2 || len(strings.Fields(text)) > 10 {
		return "", false, false
	}
	return strings.ToLower(tidy(text)), m[2] != "", true
}

func parseMinutes(s string) int {
	m := readingTimeRE.FindStringSubmatch(s)
	if m == nil {
		return readingMinutes(s)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func readingMinutes(s string) int {
	n, _ := vocab.ReadingMinutes(s)
	return n
}

// tidy trims a line and collapses runs of spaces and tabs inside it; other
// whitespace (no-break spaces, thin spaces) is deliberate and kept.
func tidy(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") && !strings.ContainsRune(s, '\t') {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// unit is a paragraph-level piece of the input: one line, or several
// hard-wrapped lines joined.
type unit struct {
	text   string
	raw    []string // the source lines, untidied (for columns and indentation)
	indent int      // indentation of the first line, in spaces (a tab is 4)
	line   int      // 1-based source line of its first line
	before bool     // a blank line, residue or the start of the file precedes it
	after  bool     // a blank line, residue or the end of the file follows it
}

var (
	numberedRE = lazyre.New(`^(?:\d{1,3}[.)]|\(\d{1,3}\))\s+`)
	// bareNumberRE: a list number with nothing after it ("2.").
	bareNumberRE = lazyre.New(`^(?:\d{1,3}[.)]|\(\d{1,3}\))$`)
	// questionNumRE: "Q1.", "Q 2)", "Q3:", a handout's question numbers.
	questionNumRE = lazyre.New(`^Q ?\d{1,3}[.):]\s+`)
	bulletRE      = lazyre.New(`^[` + bullets + `]\s+`)
)

func listItem(s string) bool {
	if s != "" && s[0] >= utf8.RuneSelf {
		if _, _, ok := cjkItem(s); ok {
			return true
		}
	}
	return itemStart(s) && (numberedRE.MatchString(s) || bulletRE.MatchString(s) || s[0] == 'Q' && (questionNumRE.MatchString(s) || vocab.BareQuestionNumber(s) > 0))
}

// joins reports whether the line s continues the unit cur, whose last
// line so far is prev: a hard-wrapped paragraph goes on, an item (list
// item, "Label: value", a row of columns, a speech) starts afresh.
//
// In a file wrapped at a fixed width, prev continues when the first word
// of s would not have fitted on it. Elsewhere a long line continues only
// when it stops mid-sentence and the next goes on in lower case, or both
// are long (a paragraph wrapped by hand): a Key Facts line of 40
// characters without a full stop is an item, not a wrapped line.
func (p *parser) joins(cur *unit, prev, prevRaw, s, raw string, indent int, wrapped bool) bool {
	if listItem(s) || columns(raw) || columns(prevRaw) || isExplanation(s) || attribution(s) || parenAttribution(s) {
		return false
	}
	if _, _, ok := p.speakerOf(s); ok {
		return false
	}
	if m := speakerAlone(prev); m != nil && p.speakerName(m[1]) {
		return false
	}
	// A hanging indent under a list item continues the item, unless it is
	// a point of its own lettered "a.", "a)", "(a)", "A." (its sublist, a
	// question's options: all but "a." were run into the question).
	if listItem(cur.text) && indent > cur.indent && len(cur.raw) >= 1 {
		return !letteredLine(s)
	}
	// And under a glossary entry ("term (n.): meaning" or "term =
	// meaning", in any case).
	if indent > cur.indent && indent > 0 {
		if _, _, ok := glossDef(cur.text); ok && !listItem(s) {
			return true
		}
	}
	if t, _, ok := glossDef(s); ok && indent <= cur.indent && wordCount(t) <= 3 {
		// "chela: a pupil" under "lama (n.): a monk": glossary entries
		// in lower case, one a line.
		if _, _, curGloss := glossDef(cur.text); curGloss {
			return false
		}
	}
	if t, _, ok := p.definitionOf(s, ""); ok {
		// A label in capitals starts an item; in wrapped prose, "she
		// writes: the…" goes on.
		if _, _, prevDef := p.definitionOf(prev, ""); !wrapped || prevDef || capitalised(t) {
			return false
		}
	}
	n := utf8.RuneCountInString(prev)
	if n < 40 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(prev, `"”’')]`))
	first, _ := utf8.DecodeRuneInString(s)
	if strings.ContainsRune(`"“«„`, first) && (strings.ContainsRune(`"”»“`, lastRune(prev)) || isQuoteLine(prev)) {
		return false // one quotation after another
	}
	if wrapped {
		if last == '?' || last == ':' {
			return false
		}
		word := s
		if i := strings.IndexByte(s, ' '); i > 0 {
			word = s[:i]
		}
		// The first word of s would have fitted on prev: the break was
		// deliberate (a short last line, an item).
		return n+1+utf8.RuneCountInString(word) > p.wrapWidth-12
	}
	switch last {
	case '.', '!', '?', ':', ';', '…':
		return false
	}
	if unicode.IsLower(first) && n >= 50 {
		return true // shorter lines going on in lower case are verse
	}
	if n >= 40 && utf8.RuneCountInString(s) >= 40 && dangling(prev) {
		return true // "…, as we see in" / "Chapter 7 when…": one sentence
	}
	// Two long lines, the first broken off after a word (not after a
	// comma or a dash, as lines of verse are); or a long one so broken
	// off and the paragraph's short last line, which ends the sentence
	// ("…, als ein junger Mann, Olivier" / "Brusson, verhaftet wird.":
	// it was a paragraph of its own).
	broken := n >= 60 && (unicode.IsLetter(last) || unicode.IsDigit(last))
	return broken && (utf8.RuneCountInString(s) >= 40 || wordCount(s) >= 2 && sentenceEnd(s))
}

// isQuoteLine: a whole quotation, with or without its source after it.
func isQuoteLine(s string) bool {
	if _, _, ok := wholeQuote(s); ok {
		return true
	}
	_, _, ok := trailingAttribution(s)
	return ok
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// hardWrapped returns the width the text is wrapped at, as e-mail and old
// text files are, or 0: no line is much longer than 80 columns and most
// long lines are close to the same width. Paragraph-per-line text (the
// seed's shape) has many lines far longer.
func hardWrapped(lines []string) int {
	long, near, width := 0, 0, 0
	for _, l := range lines {
		n := utf8.RuneCountInString(strings.TrimSpace(l))
		switch {
		case n > 100:
			return 0
		case n >= 55:
			near++
		}
		if n >= 30 {
			long++
		}
		width = max(width, n)
	}
	if near >= 5 && near*2 >= long {
		return width
	}
	return 0
}

// wordCount is len(strings.Fields(s)), counted without making the words:
// a reader asks it of nearly every line, often several times.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// isPlayWord reports whether w, in any case, is an act's or a scene's word
// (playWords), without copying an ASCII word.
func isPlayWord(w string) bool { return vocab.InFold(playWords, w) }

// letteredLine: s opens with a letter as a list's point does: "a. ",
// "a) ", "(a) ", "A. ", "A) ".
func letteredLine(s string) bool {
	if len(s) < 4 {
		return false
	}
	if lowerItemRE.MatchString(s) || upperItemRE.MatchString(s) || scriptLettered(s) {
		return true
	}
	_, _, marker, _, ok := listItemOf(s)
	return ok && marker == content.LowerAlpha
}

// scriptLettered: s opens with a small letter of the Cyrillic or Greek
// alphabet and ")" or "." ("а) его продали", "β. ο Κρέων"), as a Russian
// or Greek worksheet letters a question's options. The model's letters
// are Latin, so such an option keeps its letter in its text (unitItem).
func scriptLettered(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) || !(unicode.Is(unicode.Cyrillic, r) || unicode.Is(unicode.Greek, r)) || len(s) < n+3 {
		return false
	}
	return (s[n] == ')' || s[n] == '.') && s[n+1] == ' '
}
