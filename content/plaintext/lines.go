package plaintext

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content/vocab"
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
)

var (
	readingTimeRE = regexp.MustCompile(`(?i)^(?:⏱\s*|🕐\s*|reading time:?\s*)?(\d{1,6})\s*(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|to read))?$`)
	captionRE     = regexp.MustCompile(`(?i)^(.*?)\s+by\s+(.+?)\s*[-–—:|]?\s*book cover(?: summary)?$`)
	captionBareRE = regexp.MustCompile(`(?i)(?:^|[-–—:|]\s*)book cover(?: summary)?$`)
	shopRE        = regexp.MustCompile(`(?i)^(?:buy|order|purchase|shop|get)\b.*\b(?:amazon|audible|kindle|kobo|bookshop|barnes|apple books|google play|waterstones|indigo|book ?store|the book|this book|the ebook|the audiobook|the paperback|now|here|a copy)\b`)
	availableRE   = regexp.MustCompile(`(?i)^(?:available|listen|read it) (?:now )?(?:on|at|from) (?:amazon|audible|kindle|kobo|bookshop|barnes|apple books|google play)\b`)
	shopIntlRE    = regexp.MustCompile(`(?i)^(?:comprar|cómpralo|compra|acheter|achetez|jetzt kaufen|kaufen|bestellen|acquista|acquistalo|compre|disponible en|disponible sur|erhältlich bei|disponibile su|disponível na|disponível em)\b.{0,80}\b(?:amazon|kindle|fnac|casa del libro|thalia|hugendubel|ibs|feltrinelli|mondadori|bertrand|saraiva|audible|kobo|apple books|google play|el libro|le livre|das buch|il libro|o livro)\b`)
	mediaRE       = regexp.MustCompile(`^[▶►⏵⏸❚⏯ ]*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:/|\||-|of)?\s*\d{1,2}:\d{2}(?::\d{2})?)*$`)
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
	digit := strings.ContainsAny(s, "0123456789")
	switch {
	case digit && readingTimeRE.MatchString(s):
		return readingTime
	case endsInRorY(s) && utf8.RuneCountInString(s) <= 300 && (captionRE.MatchString(s) || captionBareRE.MatchString(s)):
		return coverCaption
	case shopStart(s) && utf8.RuneCountInString(s) <= 100 && !strings.HasSuffix(s, ".") && (shopRE.MatchString(s) || availableRE.MatchString(s)):
		return shopLink
	case digit && strings.IndexByte(s, ':') >= 0 && mediaRE.MatchString(s):
		return mediaPlayer
	case digit && len(s) <= 80 && readingMinutes(s) > 0:
		return readingTime
	case len(s) <= 200 && vocab.Furniture(s) != "":
		return webFurniture
	case shopStart(s) && len(s) <= 200 && !strings.HasSuffix(s, ".") && shopIntlRE.MatchString(s):
		return shopLink
	}
	return notResidue
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
	}
	return "content"
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
	line   int  // 1-based source line of its first line
	before bool // a blank line, residue or the start of the file precedes it
	after  bool // a blank line, residue or the end of the file follows it
}

var (
	numberedRE = regexp.MustCompile(`^(?:\d{1,3}[.)]|\(\d{1,3}\))\s+`)
	bulletRE   = regexp.MustCompile(`^[-*•–·]\s+`)
)

func listItem(s string) bool { return numberedRE.MatchString(s) || bulletRE.MatchString(s) }

// continues reports whether next continues a hard-wrapped paragraph whose
// last line so far is prev: prev is long and stops mid-sentence, or, in a
// file that is hard-wrapped throughout, prev is long and not a question.
func continues(prev, next string, wrapped bool) bool {
	if listItem(next) || utf8.RuneCountInString(prev) < 40 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(prev, `"”’')]`))
	if wrapped {
		return last != '?' && last != ':'
	}
	switch last {
	case '.', '!', '?', ':', ';', '…':
		return false
	}
	return true
}

// hardWrapped reports whether the text is wrapped at a fixed width, as
// e-mail and old text files are: no line is much longer than 80 columns and
// most long lines are close to the same width. Paragraph-per-line text
// (the seed's shape) has many lines far longer.
func hardWrapped(lines []string) bool {
	long, near := 0, 0
	for _, l := range lines {
		n := utf8.RuneCountInString(strings.TrimSpace(l))
		switch {
		case n > 100:
			return false
		case n >= 55:
			near++
		}
		if n >= 30 {
			long++
		}
	}
	return near >= 3 && near*2 >= long
}
