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

// This file turns the running text of a section (the units between two
// headings) into model-v2 blocks: lists, definitions, tables, verse and
// quotes with their attribution and explanation. Every decision is made on
// a run of units, never one line alone, so that a single "Note: …" stays a
// paragraph while five "Narrator: …"-style lines become definitions.

var (
	// itemRE: a list item's marker, numbered ("1.", "1)", "(1)"), lettered
	// ("(a)", "a)"), a bullet, or a question's number ("Q1.", "Q 2)",
	// "Q3:", as handouts number their questions).
	// Word processors' bullets come pasted as "§", or a Symbol/Wingdings
	// code point in the private use area ("\uF0B7"); "o" and a tab is
	// read as "•" (wordBullet).
	itemRE = lazyre.New(`^(?:(\d{1,3})[.)]|\((\d{1,3})\)|\(([a-z])\)|([a-z])\)|([` + bullets + `])|Q ?(\d{1,3})[.):])\s+(\S.*)$`)
	// defCommaRE: "HAMLET, Prince of Denmark", the dramatis personae form.
	// The name is at most 40 letters long (checked where it is used:
	// {0,39} here would compile to 39 copies of \p{L}, 1.2 MB of program
	// built at every start; the class has no comma, so the name is always
	// what comes before the first one).
	defCommaRE = lazyre.New(`^(\p{Lu}[\p{L}'’.\- ]*?),\s+(\S.*)$`)
	// speakerRE: "HAMLET: To be", "FIRST WITCH. When shall we three meet
	// again", "LADY MACBETH (aside): …".
	speakerRE = lazyre.New(`^(\p{Lu}[\p{Lu}'’.\- ]{1,30}?)(?:\s*(\([^)]{1,30}\)|\[[^\]]{1,30}\]))?\s*[:.]\s+(\S.*)$`)
	// speakerAloneRE: "HAMLET." or "HAMLET:" on its own line, the speech
	// under it.
	speakerAloneRE = lazyre.New(`^(\p{Lu}[\p{Lu}'’.\- ]{1,30}?)\s*[:.]$`)
	romanRE        = lazyre.New(`^[IVXLC]+$`)
	// columnGapRE: the gap between aligned columns: a tab, or three spaces
	// or more (two in a row of a table already seen).
	columnGapRE = lazyre.New(`\t+|  +`)
)

// bullets are the marks a bulleted line starts with (then a space or a
// tab): typed, typographic, and as word processors paste them.
const bullets = "-*•–—·▪◦‣►✓✔●○■□☐☑☒❏❑⁃◆◇♦❖➢➤§\uF0A7\uF0B7\uF076\uF0D8\uF0FC"

// listItemOf parses a list item: ordered or not, its number (its
// letter's for letters, 0 for bullets), its marker (Decimal unless it is
// lettered), and its text.
func listItemOf(s string) (ordered bool, num int, marker content.Marker, text string, ok bool) {
	if n, t, ok := cjkItem(s); ok {
		return true, n, content.Decimal, t, true
	}
	if !itemStart(s) {
		return false, 0, content.Decimal, "", false
	}
	m := itemRE.FindStringSubmatch(s)
	if m == nil {
		return false, 0, content.Decimal, "", false
	}
	switch {
	case m[1] != "" || m[2] != "" || m[6] != "":
		n, _ := strconv.Atoi(m[1] + m[2] + m[6])
		return true, n, content.Decimal, m[7], true
	case m[3] != "" || m[4] != "":
		letter := m[3] + m[4]
		return true, int(letter[0]-'a') + 1, content.LowerAlpha, m[7], true
	}
	return false, 0, content.Decimal, m[7], true
}

// cjkNumerals are the digits of Chinese and Japanese numbering, 一 to 十.
const cjkNumerals = "一二三四五六七八九十"

// cjkItem reads the numbering of Chinese and Japanese lists: a numeral
// from 一 to 九十九 and an ideographic comma or full stop ("一、", "十二．"),
// or a circled number (① to ⑳), with no space needed before the text.
func cjkItem(s string) (num int, text string, ok bool) {
	if s == "" || s[0] < utf8.RuneSelf {
		return 0, "", false
	}
	r, size := utf8.DecodeRuneInString(s)
	if r >= '①' && r <= '⑳' {
		num, text = int(r-'①')+1, strings.TrimSpace(s[size:])
		return num, text, text != ""
	}
	i, tens, units, seen := 0, 0, 0, false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		d := strings.IndexRune(cjkNumerals, r)
		if d < 0 {
			break
		}
		d = d/3 + 1 // the numerals are three bytes each
		if d == 10 {
			if tens > 0 {
				return 0, "", false
			}
			tens, units = max(units, 1), 0
		} else if units > 0 {
			return 0, "", false
		} else {
			units = d
		}
		seen = true
		i += size
	}
	if !seen || i > 9 {
		return 0, "", false
	}
	r, size = utf8.DecodeRuneInString(s[i:])
	if r != '、' && r != '．' && r != '.' {
		return 0, "", false
	}
	text = strings.TrimSpace(s[i+size:])
	return tens*10 + units, text, text != ""
}

// castRE: the headings of a play's cast list.
var castRE = lazyre.New(`^(?:the\s+)?(?:dramatis personae|persons of the (?:play|drama)|cast of characters|personen des dramas|personajes de la obra|personnages de la pièce|personaggi)$`)

// upperItemRE: "A. point" or "B) point" indented under an outline heading;
// lowerItemRE: "a. point" (with a bracket, "a)", it is itemRE's).
var (
	upperItemRE = lazyre.New(`^([A-Z])[.)]\s+(\S.*)$`)
	lowerItemRE = lazyre.New(`^([a-z])\.\s+(\S.*)$`)
	// smallRomanRE: "i. point" to "xii. point", an outline's lowest level.
	smallRomanRE = lazyre.New(`^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})\.\s+\S`)
)

// letterRun counts the units from the first that are lettered in
// sequence ("A. …", "B. …", "C) …" or "a. …", "b. …"), from whichever
// letter the first has, and returns the expression that reads their
// items and their marker.
func letterRun(units []unit) (int, *lazyre.Regexp, content.Marker) {
	if len(units) == 0 || len(units[0].text) < 4 {
		return 0, nil, content.Decimal
	}
	if t := units[0].text; t[1] != '.' && t[1] != ')' || t[2] != ' ' && t[2] != '\t' {
		return 0, nil, content.Decimal // (the expressions run on every line otherwise)
	}
	first, re, marker := units[0].text[0], upperItemRE, content.UpperAlpha
	switch {
	case first >= 'a' && first <= 'z':
		re, marker = lowerItemRE, content.LowerAlpha
	case first < 'A' || first > 'Z':
		return 0, nil, content.Decimal
	}
	n := 0
	for _, u := range units {
		if len(u.text) < 4 || u.text[0] != first+byte(n) || int(first|0x20-'a')+n >= 26 {
			break
		}
		if m := re.FindStringSubmatch(u.text); m == nil {
			break
		}
		n++
	}
	return n, re, marker
}

// letterStart is the number of a lettered list's first item, c's place in
// the alphabet ("c. …" is 3), 0 for a or A (the model's default, 1).
func letterStart(c byte) int {
	if n := int(c|0x20-'a') + 1; n > 1 {
		return n
	}
	return 0
}

// letteredNext says whether a list lettered from c, marked m, goes on
// with the letters of the last list before it ("a. …", "b. …", a
// paragraph, "c. …": a question's options after a note, or prompts after
// a passage): its letters are read from any letter, not only from a.
func letteredNext(out []built, c byte, m content.Marker) bool {
	for k := len(out) - 1; k >= 0; k-- {
		if b := out[k].b; b.Kind == content.List {
			return b.Ordered && b.Marker == m && max(b.Start, 1)+len(b.Items) == int(c|0x20-'a')+1
		}
	}
	return false
}

// unitItem is listItemOf, and also reads an indented "A." point as a
// lettered item.
func unitItem(u unit) (ordered bool, num int, marker content.Marker, text string, ok bool) {
	if ordered, num, marker, text, ok = listItemOf(u.text); ok {
		return
	}
	if u.indent >= 2 {
		// An outline's lowest level in small roman numerals ("i. …",
		// "ii. …"): the model has no roman numbering, so the numeral
		// stays in the item's text, under a bullet ("i" is no letter
		// here: "ii." would break the run).
		if smallRomanRE.MatchString(u.text) || scriptLettered(u.text) {
			// So is a Cyrillic or Greek letter ("а) …", "б) …").
			return false, 0, content.Decimal, u.text, true
		}
		if m := upperItemRE.FindStringSubmatch(u.text); m != nil {
			return true, int(m[1][0]-'A') + 1, content.UpperAlpha, m[2], true
		}
		if m := lowerItemRE.FindStringSubmatch(u.text); m != nil {
			return true, int(m[1][0]-'a') + 1, content.LowerAlpha, m[2], true
		}
	}
	return false, 0, content.Decimal, "", false
}

// itemStart: s starts the way a list item can (a digit, a bracket, a
// lower-case letter and a bracket, or a bullet), before trying itemRE.
func itemStart(s string) bool {
	if len(s) < 3 {
		return false
	}
	c := s[0]
	switch {
	case c >= '0' && c <= '9', c == '(', c == '-', c == '*':
		return true
	case c == 'Q':
		return s[1] >= '0' && s[1] <= '9' || s[1] == ' ' && s[2] >= '0' && s[2] <= '9'
	case c >= 'a' && c <= 'z':
		return s[1] == ')'
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(s)
		return strings.ContainsRune(bullets, r)
	}
	return false
}

// speakerOf reads "SPEAKER: line": the speaker in capitals (a play's
// convention), or as written when the cast knows the name.
func (p *parser) speakerOf(s string) (speaker, rest string, ok bool) {
	if strings.IndexByte(s, ':') < 0 && strings.IndexByte(s, '.') < 0 {
		return "", "", false
	}
	r1, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	if !unicode.IsUpper(r1) {
		return "", "", false
	}
	if !unicode.IsUpper(r2) {
		if len(p.cast) == 0 {
			return "", "", false
		}
	} else if m := speakerMatch(s); m != nil && p.speakerName(m[1]) && (p.play || p.cast[strings.ToLower(strings.TrimSpace(m[1]))] >= 2) {
		sp := strings.TrimSpace(m[1])
		if m[2] != "" {
			sp += " " + m[2]
		}
		return sp, m[3], true
	}
	if len(p.cast) == 0 {
		return "", "", false
	}
	if l, v, ok := colonDef(s); ok && p.cast[strings.ToLower(l)] >= 2 {
		return l, v, true
	}
	return "", "", false
}

// twoCapitals: s starts with two capital letters, as a speaker's name in
// capitals does.
func twoCapitals(s string) bool {
	r1, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r1) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(r2)
}

// speakerName: two letters or more, in capitals, at most three words, not a
// roman numeral or a known heading.
func (p *parser) speakerName(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(s, "."))
	if utf8.RuneCountInString(s) < 2 || wordCount(s) > 3 || romanRE.MatchString(s) {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	if letters < 2 {
		return false
	}
	switch strings.ToUpper(s) {
	case "Q", "A", "NB", "PS", "NOTE", "FAQ", "TIP", "OK", "USA", "UK":
		return false
	}
	return anchorOf(s) == noAnchor
}

// scanCast counts, over the whole text, the labels that start a line
// "Name: …" with a sentence after them. A name that labels two lines or
// more is a speaker ("Hamlet: To be…" twice is a play, not two
// definitions of Hamlet).
func (p *parser) scanCast() {
	p.cast = map[string]int{}
	for _, u := range p.units {
		if !hasColon(u.text) {
			continue
		}
		if label, value, ok := colonDef(u.text); ok {
			if wordCount(label) > 3 || vocab.QuestionLabel(u.text) > 0 || vocab.AnswerLabel(u.text) > 0 || isExplanation(u.text) || anchorOf(label) != noAnchor {
				continue // "Summary: …" under each chapter labels a part, it is no speaker
			}
			if partOfBook(value) && shortHeading(value) {
				continue // "Heart of Darkness: Part 2 Summary & Analysis", a study site's page title
			}
			if wordCount(value) >= 4 && capitalised(label) {
				p.cast[strings.ToLower(label)]++
			}
		}
	}
	for k, n := range p.cast {
		if n < 2 {
			delete(p.cast, k)
		}
	}
	// A play: acts, scenes or a cast list. Only then is a single
	// "NAME: line" in capitals a speech rather than a key fact
	// ("GENRE: Gothic romance").
	for _, u := range p.units {
		if len(u.text) > 60 {
			continue
		}
		w := strings.ToLower(strings.TrimRight(firstWord(u.text), ",.:"))
		if playWords[w] && (actRE.MatchString(u.text) || sceneRE.MatchString(u.text)) || castHeading(u.text) {
			p.play = true
			break
		}
	}
	if p.play {
		p.columnSpeakers()
	}
}

// columnSpeakerRE: a speaker's name in capitals, then a tab or two spaces
// or more, then the speech ("ORSINO  If music be the food of love"), the
// layout of many editions, the lines after it indented to the speech.
var columnSpeakerRE = lazyre.New(`^(\p{Lu}[\p{Lu}'’.\- ]{0,29}?\p{Lu}\.?)(?:\t+| {2,})(\S.*)$`)

// columnSpeakers reads, in a play, "NAME<gap>speech" lines as "NAME:
// speech", the form speakerOf reads: the name was run into the speech
// ("ORSINO If music be…", one line of it a heading). A line whose speech
// has a gap of its own is a table's row, not a speech.
func (p *parser) columnSpeakers() {
	for i := range p.units {
		u := &p.units[i]
		if !twoCapitals(u.text) {
			continue
		}
		m := columnSpeakerRE.FindStringSubmatch(strings.TrimLeft(u.raw[0], " \t"))
		if m == nil || columnGapRE.MatchString(m[2]) || !strings.ContainsFunc(m[2], unicode.IsLower) || !p.speakerName(m[1]) {
			continue
		}
		if name := tidy(m[1]); strings.HasPrefix(u.text, name+" ") {
			// The speech may go on in lines joined to this one.
			u.text = strings.TrimRight(name, ".") + ":" + u.text[len(name):]
		}
	}
}

func capitalised(s string) bool {
	for w := range strings.FieldsSeq(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !vocab.Particle(w) && !smallWords[w] {
			return false
		}
	}
	return true
}

// definitionOf reads a definition line: "Label: value", "term — meaning",
// and, in a section of characters, "NAME, description".
func (p *parser) definitionOf(s string, role content.Role) (term, def string, ok bool) {
	if t, d, ok := spanStop(s); ok {
		return t, d, true // "Day 1. Read Chapter 1 aloud."
	}
	colon := hasColon(s)
	if !colon && strings.IndexByte(s, '-') < 0 && strings.IndexByte(s, ',') < 0 && strings.IndexByte(s, '=') < 0 && !strings.Contains(s, "—") && !strings.Contains(s, "–") && !strings.Contains(s, "―") {
		return "", "", false
	}
	if vocab.QuestionLabel(s) > 0 || vocab.AnswerLabel(s) > 0 || isExplanation(s) {
		return "", "", false
	}
	if _, _, isQuote := wholeQuote(s); isQuote {
		return "", "", false
	}
	if t, d, ok := colonDef(s); colon && ok {
		if blankField(s) && role != content.RoleVocabulary && role != content.RoleKeyFacts && role != content.RoleCharacters {
			// "Chapters read: ________": a field of a form to fill in,
			// kept as typed; under Vocabulary a word with its blank
			// ("vestige: ______") is the entry the pupil completes.
			return "", "", false
		}
		if wordCount(t) <= 5 && !strings.ContainsAny(t, "?!;\"“”") && !strings.HasPrefix(d, "//") && !sentenceEnd(t) {
			return t, d, true
		}
	}
	if t, d, ok := dashDef(s); ok {
		if wordCount(t) <= 6 && !strings.ContainsAny(t, "?!;:\"“”") && !sentenceEnd(t) {
			return t, d, true
		}
	}
	if role == content.RoleVocabulary {
		// A glossary writes its words as they are used, in lower case:
		// "lama (n.): a monk", "lama (n.) = a monk".
		if t, d, ok := glossDef(s); ok {
			return t, d, true
		}
	}
	if role == content.RoleCharacters {
		if m := defCommaRE.FindStringSubmatch(s); m != nil && utf8.RuneCountInString(m[1]) <= 40 && wordCount(m[1]) <= 4 && capitalised(m[1]) {
			return strings.TrimSpace(m[1]), m[2], true
		}
	}
	return "", "", false
}

// spanStop splits a day or lesson of a schedule from what it holds,
// after a full stop: "Day 1. Read Chapter 1 aloud." is "Day 1" and "Read
// Chapter 1 aloud." (the lines of a unit plan's week were paragraphs, or
// a definition of "Day 3. Garden journal").
func spanStop(s string) (term, def string, ok bool) {
	i := strings.Index(s, ". ")
	if i <= 0 || i > 16 || !spanOfCourse(s[:i]) || strings.IndexByte(s[:i], ' ') != strings.LastIndexByte(s[:i], ' ') {
		return "", "", false
	}
	def = strings.TrimSpace(s[i+2:])
	r, _ := utf8.DecodeRuneInString(def)
	if !unicode.IsUpper(r) {
		return "", "", false
	}
	return s[:i], def, true
}

// smallWords may stand in lower case in a capitalised label ("Point of
// view", "Date of publication").
var smallWords = map[string]bool{"of": true, "the": true, "in": true, "to": true, "for": true, "a": true, "an": true, "on": true, "at": true}

// colonDef splits "Label: value" (defColonRE, without a regular
// expression: it runs on every line).
func colonDef(s string) (label, value string, ok bool) {
	head := s[:min(len(s), 64)]
	i := strings.IndexByte(head, ':')
	if j := strings.Index(head, "："); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i <= 0 || i > 60 {
		return "", "", false
	}
	// A name may open with an elision or a nickname's quotation mark
	// ("’Ntoni", "“Doc” Baker"): the capital after it counts.
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[:i], "'’‘\"“"))
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !caseless(r) {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	rest := s[i+size:]
	if size == 1 && !strings.HasPrefix(rest, " ") && !cjkJoin(s[:i], rest) {
		return "", "", false // "10:30", "http://"
	}
	label, value = strings.TrimSpace(s[:i]), strings.TrimSpace(rest)
	if value == "" || utf8.RuneCountInString(label) > 40 {
		return "", "", false
	}
	return label, value, true
}

// caseless: a letter of a script without capitals (Han, kana, Hangul,
// Arabic, Hebrew, Devanagari…), where a label cannot be told by its
// capital.
func caseless(r rune) bool {
	return r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r)
}

// cjkJoin: a colon between two letters of scripts without spaces between
// words ("下人:主人から…"), where no space follows it.
func cjkJoin(before, after string) bool {
	l, _ := utf8.DecodeLastRuneInString(before)
	r, _ := utf8.DecodeRuneInString(after)
	return unspaced(l) && unspaced(r)
}

// unspaced: a letter of Chinese, Japanese (Han, kana) or Thai, written
// without spaces between words.
func unspaced(r rune) bool {
	return r >= 0x0E00 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Thai, r))
}

// glossDef splits a glossary line whose term may be in lower case: "term:
// meaning", "term (n.): meaning", "term = meaning", the separator within
// the first 60 bytes and the term at most five words, not a sentence.
func glossDef(s string) (term, def string, ok bool) {
	head := s[:min(len(s), 64)]
	i, n := strings.Index(head, ": "), 2
	if j := strings.Index(head, " = "); j > 0 && (i < 0 || j < i) {
		i, n = j, 3
	}
	if i <= 0 || i > 60 {
		return "", "", false
	}
	term, def = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+n:])
	r, _ := utf8.DecodeRuneInString(term)
	if term == "" || def == "" || !unicode.IsLetter(r) || wordCount(term) > 5 || strings.ContainsAny(term, "?!;:\"“”") || sentenceEnd(term) {
		return "", "", false
	}
	return term, def, true
}

// dashSeps are the separators of "term — definition".
var dashSeps = []string{" — ", " – ", " ― ", " -- ", " - "}

// dashDef splits "term — definition" at the first spaced dash within the
// first 50 characters.
func dashDef(s string) (term, def string, ok bool) {
	best, sepLen := -1, 0
	head := s[:min(len(s), 210)]
	for _, sep := range dashSeps {
		if i := strings.Index(head, sep); i > 0 && (best < 0 || i < best) {
			best, sepLen = i, len(sep)
		}
	}
	if best <= 0 || best > 200 {
		return "", "", false
	}
	term, def = strings.TrimSpace(s[:best]), strings.TrimSpace(s[best+sepLen:])
	r, _ := utf8.DecodeRuneInString(term)
	if def == "" || term == "" || unicode.IsSpace(r) || strings.ContainsRune("\"“«„‘'([", r) || utf8.RuneCountInString(term) > 50 {
		return "", "", false
	}
	return term, def, true
}

// hasColon: a colon, ASCII or full-width (strings.ContainsAny with a
// non-ASCII set is slow on long lines).
func hasColon(s string) bool {
	return strings.IndexByte(s, ':') >= 0 || strings.Contains(s, "：")
}

func sentenceEnd(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	if last != '.' {
		return false
	}
	f := strings.Fields(s)
	w := strings.ToLower(f[len(f)-1])
	if strings.Count(w, ".") > 1 {
		return false // an initialism, "J.P."
	}
	return !abbreviations[w] && utf8.RuneCountInString(w) > 2
}

// attributionOf reads an attribution line: "— Chapter 3, p. 45", "(Act 3,
// Scene 1)", "- Jane". It returns the source without dash or brackets.
func attributionOf(s string) (string, bool) {
	if attribution(s) {
		for _, p := range []string{"—", "–", "―", "--", "~", "- "} {
			if strings.HasPrefix(s, p) {
				return strings.TrimSpace(strings.TrimPrefix(s, p)), true
			}
		}
	}
	if parenAttribution(s) {
		return strings.TrimSpace(s[1 : len(s)-1]), true
	}
	return "", false
}

// parenAttribution: a bracketed line that names a place in the book or a
// speaker, "(Act 3, Scene 1)", "(Jane, Chapter 23)", "(p. 45)".
func parenAttribution(s string) bool { return vocab.ParenAttribution(s) }

// trailingAttribution splits `"Quote." — Chapter 3` and `"Quote." (Act 3,
// Scene 1)` into the quotation and its source.
func trailingAttribution(s string) (quote, source string, ok bool) {
	first, _ := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("\"“„«»‘'「『", first) {
		return "", "", false
	}
	// The quotation ends at the last mark that can close the one it
	// opens with: German's »…« and Japanese 「…」 and 『…』 close with
	// marks that open elsewhere (»Das ist er!« – Elke was one quote,
	// marks and source and all).
	closers := "\"”»“’"
	switch first {
	case '»':
		closers = "«»"
	case '「':
		closers = "」"
	case '『':
		closers = "』"
	}
	i := strings.LastIndexAny(s, closers)
	if i <= 0 {
		return "", "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	q, rest := s[:i+size], fullwidthParens(strings.TrimSpace(s[i+size:]))
	tag := ""
	if rest != "" && !strings.ContainsRune("([—–―-~", rune(rest[0])) && !strings.HasPrefix(rest, "—") && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "―") {
		// A speech tag between the quotation and its source: `"I am
		// Kim," he said. — Chapter 1`, `"…," said Kim. (Chapter 7)`.
		j := -1
		for _, sep := range []string{" — ", " – ", " ― ", " -- ", " - ", " (", " ["} {
			if k := strings.Index(rest, sep); k > 0 && (j < 0 || k < j) {
				j = k
			}
		}
		if j < 0 || !speechTag(rest[:j]) {
			return "", "", false
		}
		tag, rest = rest[:j], strings.TrimSpace(rest[j:])
	}
	switch {
	case rest == "":
		return "", "", false
	case rest[0] == '(':
		rest = strings.TrimSuffix(rest, ".")
		if !strings.HasSuffix(rest, ")") || strings.Count(rest, "(") != 1 {
			return "", "", false
		}
		rest = rest[1 : len(rest)-1]
	case rest[0] == '[':
		// "[Ch. 43]", "[p. 12]": a source in square brackets.
		rest = strings.TrimSuffix(rest, ".")
		if !strings.HasSuffix(rest, "]") || strings.Count(rest, "[") != 1 {
			return "", "", false
		}
		rest = rest[1 : len(rest)-1]
	default:
		cut := false
		for _, d := range []string{"—", "–", "―", "--", "-", "~"} {
			if strings.HasPrefix(rest, d) {
				rest, cut = strings.TrimSpace(rest[len(d):]), true
				break
			}
		}
		if !cut {
			return "", "", false
		}
	}
	if rest == "" || utf8.RuneCountInString(rest) > 100 {
		return "", "", false
	}
	if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("\"“‘'«„", r) {
		return "", "", false
	}
	if _, _, whole := wholeQuote(q); !whole && !interrupted(q) {
		return "", "", false
	}
	if tag != "" {
		if !vocab.ParenAttribution("(" + rest + ")") {
			return "", "", false // after a speech tag, only a place or a name is a source
		}
		// `"…", sagt Hauke.`: the tag's comma stays where it was typed,
		// against the mark (a space was put before it).
		if strings.HasPrefix(s[i+size:], tag) {
			q += tag
		} else {
			q += " " + tag
		}
	}
	return q, rest, true
}

// fullwidthParens is s with the full-width brackets of Chinese and
// Japanese around it (「…」（第五段落）) as ASCII ones, which the sources
// after a quotation are read in; s otherwise.
func fullwidthParens(s string) string {
	if !strings.HasPrefix(s, "（") {
		return s
	}
	t := strings.TrimSuffix(strings.TrimSuffix(s, "。"), ".")
	if !strings.HasSuffix(t, "）") || strings.Count(t, "（") != 1 {
		return s
	}
	return "(" + t[len("（"):len(t)-len("）")] + ")"
}

// interrupted: a quotation broken by its speech tag, `"If he be Mr.
// Hyde," he had thought, "I shall be Mr. Seek."`: two quoted parts, the
// tag between them.
func interrupted(q string) bool {
	var at []int
	for i, r := range q {
		if r == '"' || r == '“' || r == '”' {
			at = append(at, i)
		}
	}
	if len(at) != 4 || at[0] != 0 {
		return false
	}
	if _, size := utf8.DecodeRuneInString(q[at[3]:]); at[3]+size != len(q) {
		return false
	}
	_, size := utf8.DecodeRuneInString(q[at[1]:])
	tag := strings.Trim(q[at[1]+size:at[2]], " ,")
	return tag != "" && speechTag(tag)
}

// speechTag: the few words after a quotation that say who spoke ("he
// asked himself.", "said Kim.", "Jane tells Rochester."): at most six
// words, a letter in them, no quotation mark, no sentence inside.
func speechTag(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 6 || !strings.ContainsFunc(s, unicode.IsLetter) || strings.ContainsAny(s, "\"“”«»„?!;:()") {
		return false
	}
	return !sentenceBreak(s)
}

// markerBody is a raw line without its list marker and the padding after
// it ("1.\tWhy…", "•  Elinor – …", "    2.  How…"): people align their
// items with a tab or a run of spaces after the number or bullet, and that
// gap is not a column gap. The marker and its padding are returned apart;
// marker is "" when the line is no list item.
func markerBody(raw string) (marker, body string) {
	t := strings.TrimSpace(raw)
	if !itemStart(t) {
		return "", t
	}
	m := itemRE.FindStringSubmatchIndex(t)
	if m == nil {
		return "", t
	}
	start := m[len(m)-2] // the item's text
	return strings.TrimSpace(t[:start]), t[start:]
}

// cells splits an aligned line into its columns; nil when it has no
// column gap. The padding after a list marker is not one: the marker
// stays with the first cell.
func cells(raw string) []string {
	marker, raw := markerBody(raw)
	if marker != "" {
		c := cells(raw)
		if c != nil {
			c[0] = marker + " " + c[0]
		}
		return c
	}
	if strings.Contains(raw, " | ") || strings.HasPrefix(raw, "|") {
		t := strings.Trim(raw, "| ")
		parts := strings.Split(t, "|")
		if len(parts) >= 2 {
			for i := range parts {
				parts[i] = tidy(parts[i])
			}
			return parts
		}
	}
	if !strings.Contains(raw, "\t") && !strings.Contains(raw, "  ") {
		return nil
	}
	parts := columnGapRE.Split(raw, -1)
	if len(parts) < 2 {
		return nil
	}
	for i := range parts {
		parts[i] = tidy(parts[i])
	}
	return parts
}

// sameBullet reports units[i] opening a list: the unit after it starts
// with the same bullet.
func sameBullet(units []unit, i int) bool {
	if i+1 >= len(units) || !listItem(units[i+1].text) {
		return false
	}
	a, _ := utf8.DecodeRuneInString(units[i].text)
	b, _ := utf8.DecodeRuneInString(units[i+1].text)
	return a == b
}

// columns reports a raw line with a column gap inside it (not at its
// start): such lines are rows of a table, never wrapped prose.
func columns(raw string) bool {
	_, t := markerBody(raw)
	return strings.Contains(t, "\t") || strings.Contains(t, "   ") || strings.Contains(t, " | ")
}

// run is a block in the making, with the units it was made of.
type built struct {
	b     content.Block
	line  int
	units int
}

// blocks turns the units of one section into blocks.
func (p *parser) blocks(units []unit, role content.Role) []built {
	var out []built
	add := func(b content.Block, line, n int) { out = append(out, built{b, line, n}) }
	text := func(s string) content.Text { return content.Plain(p.smart(s)) }
	for i := 0; i < len(units); {
		u := units[i]
		s := u.text
		// A table: three tight lines or more with the same number of
		// columns (two or more).
		if n := p.tableRun(units[i:]); n > 0 {
			hdr := cells(units[i].raw[0])
			if l, r, ok := p.matching(units, i, n, text); ok {
				add(l, u.line, n)
				add(r, u.line, 0)
				p.note(u.line, "read the %d rows of two columns as a matching exercise: the left column a numbered list, the right a lettered one, as a pupil matches them (\"1 – c\"); if they are a table, give it a first row that names its columns", n)
				i += n
				continue
			}
			if b, ok := columnTerms(units[i:i+n], role, text); ok {
				add(b, u.line, n)
				i += n
				continue
			}
			b := content.Block{Kind: content.Table}
			for _, c := range hdr {
				b.Header = append(b.Header, text(c))
			}
			for _, r := range units[i+1 : i+n] {
				var row []content.Text
				for _, c := range cells(r.raw[0]) {
					row = append(row, text(c))
				}
				b.Rows = append(b.Rows, row)
			}
			// "— the narrator" under a table: its source, kept as
			// typed where a table keeps its words, its caption (it
			// was a list of one item, its dash lost), as Markdown
			// reads it. Not the first of a list's items in dashes.
			if j := i + n; j < len(units) && len(units[j].raw) == 1 && (attribution(units[j].text) || parenAttribution(units[j].text)) && !sameBullet(units, j) {
				b.Caption = text(units[j].text)
				p.note(units[j].line, "read the line under the table as its caption (its source)")
				n++
			}
			add(b, u.line, n)
			i += n
			continue
		}
		// Two words and their meanings in tab columns under a vocabulary
		// (characters, key facts) heading: its definitions, as three
		// rows or more are (they were verse, or a list when numbered).
		if n := termPair(units[i:]); n > 0 {
			if b, ok := columnTerms(units[i:i+n], role, text); ok {
				add(b, u.line, n)
				i += n
				continue
			}
		}
		// A cast list with names that have no description ("MALCOLM" /
		// "DONALBAIN" under "Dramatis Personae", "DUNCAN, King of
		// Scotland" beside them): a list of its lines as typed, in
		// their order (a name alone was a speaker, the names under it
		// his speech). Described names alone are definitions, as ever.
		if n, bare := p.castRun(units[i:], role); bare > 0 {
			b := content.Block{Kind: content.List}
			for _, v := range units[i : i+n] {
				b.Items = append(b.Items, content.ListItem{Text: text(v.text)})
			}
			add(b, u.line, n)
			i += n
			continue
		}
		// A speech: "SPEAKER: line", then the tight lines under it.
		if sp, rest, ok := p.speechStart(units, i); ok {
			b := content.Block{Kind: content.Verse, Speaker: p.smart(sp)}
			if rest != "" {
				b.Lines = append(b.Lines, text(p.unnumbered(units[i], rest)))
			}
			j := i + 1
			for ; j < len(units) && !units[j].before && p.speechLine(units[j]); j++ {
				b.Lines = append(b.Lines, text(p.unnumbered(units[j], units[j].text)))
			}
			if len(b.Lines) == 0 {
				// "HAMLET." with nothing under it: a paragraph.
				add(content.Block{Kind: content.Paragraph, Text: text(s)}, u.line, 1)
				i++
				continue
			}
			add(b, u.line, j-i)
			i = j
			continue
		}
		// A quotation, possibly of verse over several lines, with its
		// attribution and explanation.
		if q, n, ok := p.quoteAt(units, i); ok {
			add(q, u.line, n)
			i += n
			continue
		}
		if m := explanation(s); m != nil && len(out) > 0 && out[len(out)-1].b.Kind == content.BlockQuote {
			q := &out[len(out)-1].b
			if m[1] != "" {
				q.Explanation = append(q.Explanation, text(m[1]))
			}
			i++
			// Paragraphs under a bare "Analysis:" label belong to it.
			for m[1] == "" && i < len(units) && p.plainUnit(units[i], role) {
				q.Explanation = append(q.Explanation, text(units[i].text))
				i++
			}
			continue
		}
		if src, ok := attributionOf(s); ok && len(out) > 0 && out[len(out)-1].b.Kind == content.BlockQuote && out[len(out)-1].b.Attribution == nil {
			out[len(out)-1].b.Attribution = text(src)
			i++
			continue
		}
		// Letters in sequence, "A. …", "B. …" or "a. …", "b. …" (essay
		// prompts, choices): an ordered list, as "(a)" and "a)" items are.
		// An item indented under a letter, set tight, is its point (an
		// outline's "B. The second charge" over "   1. Henry flees"),
		// and the letters go on after it, as the list below nests them;
		// the points were a list of their own after the letters.
		// Letters from past a ("c. …", "d. …"), two in sequence or one
		// that goes on with the list before, are as many items on.
		if n, re, marker := letterRun(units[i:]); n >= 2 || n == 1 && letteredNext(out, s[0], marker) {
			b := content.Block{Kind: content.List, Ordered: true, Marker: marker, Start: letterStart(s[0])}
			k := i // the letters are letterRun's n, and more after points
			for k < len(units) {
				v := units[k]
				if next := len(b.Items); next < 26 && len(v.text) >= 4 && v.text[0] == units[i].text[0]+byte(next) {
					if m := re.FindStringSubmatch(v.text); m != nil {
						b.Items = append(b.Items, content.ListItem{Text: text(m[2])})
						k++
						continue
					}
				}
				o, _, m, t, ok := unitItem(v)
				if !ok || v.before || v.indent <= units[i].indent {
					break
				}
				it := &b.Items[len(b.Items)-1]
				if it.Sublist == nil {
					it.Sublist = &content.Sublist{Ordered: o, Marker: m}
				}
				it.Sublist.Items = append(it.Sublist.Items, content.ListItem{Text: text(t)})
				k++
			}
			add(b, u.line, k-i)
			i = k
			continue
		}
		// A list: consecutive items of the same kind; lettered items
		// under a numbered one are its sublist, and so are items indented
		// deeper than the list's first (an outline's "A." over its "1.").
		if ordered, num, marker, _, ok := unitItem(u); ok {
			lettered := marker != content.Decimal
			b := content.Block{Kind: content.List, Ordered: ordered, Marker: marker}
			if ordered && num != 1 {
				b.Start = num // "3." or "c)" after a note: as typed
			}
			// sub adds an item to the last item's sublist, which takes
			// its kind from its first item.
			sub := func(o bool, m content.Marker, t string) {
				it := &b.Items[len(b.Items)-1]
				if it.Sublist == nil {
					it.Sublist = &content.Sublist{Ordered: o, Marker: m}
				}
				it.Sublist.Items = append(it.Sublist.Items, content.ListItem{Text: text(t)})
			}
			var boxes []box // the check boxes the sublists' options open with
			j := i
			for ; j < len(units); j++ {
				o, _, m, t, ok := unitItem(units[j])
				l := m != content.Decimal
				if !ok {
					// "A. …", "B. …" set tight under a numbered
					// question: its options, lettered.
					if n, re, m := letterRun(units[j:]); n >= 2 && units[j].text[0]|0x20 == 'a' && !lettered && ordered && !units[j].before && units[j].indent >= u.indent && len(b.Items) > 0 && b.Items[len(b.Items)-1].Sublist == nil {
						for _, v := range units[j : j+n] {
							sub(true, m, re.FindStringSubmatch(v.text)[2])
						}
						j += n - 1
						continue
					}
					break
				}
				// Options under a numbered question, indented, or boxed
				// at its margin ("1. Who steals the gold?" / "☐ Godfrey"
				// / "☑ Dunstan", as a Word paste loses the indent): its
				// sublist (the boxes at the margin were a list of their
				// own, the ticks lost).
				if j > i && (units[j].indent > u.indent || ordered && !lettered && !o && boxMark(units[j].text) > 0) && !units[j].before && len(b.Items) > 0 {
					sub(o, m, t)
					boxes = append(boxes, box{item: len(b.Items) - 1, opt: len(b.Items[len(b.Items)-1].Sublist.Items) - 1, mark: boxMark(units[j].text), line: units[j].line})
					continue
				}
				if l && !lettered && len(b.Items) > 0 {
					sub(true, m, t)
					continue
				}
				if o != ordered || l != lettered {
					break
				}
				b.Items = append(b.Items, content.ListItem{Text: text(t)})
			}
			p.tickedAnswers(b, boxes)
			if (!b.Ordered || role == content.RoleVocabulary || role == content.RoleCharacters || role == content.RoleKeyFacts) && len(b.Items) >= 2 {
				// "- Term: definition" bullets: definitions; numbered too
				// in a section of vocabulary, characters or key facts
				// ("1. scrape – a difficult situation").
				var terms []content.Definition
				for _, it := range b.Items {
					if it.Sublist != nil {
						break
					}
					t, d, ok := p.definitionOf(it.Text.Plain(), role)
					if !ok {
						break
					}
					terms = append(terms, content.Definition{Term: content.Plain(t), Definition: content.Plain(d)})
				}
				if len(terms) == len(b.Items) {
					b = content.Block{Kind: content.Definitions, Terms: terms}
				}
			}
			add(b, u.line, j-i)
			i = j
			continue
		}
		// Definitions: two lines or more in a row, or one in a section
		// made of them (key facts, vocabulary, characters).
		if _, _, ok := p.definitionOf(s, role); ok {
			j := i
			var terms []content.Definition
			long := 0
			for ; j < len(units); j++ {
				t, d, ok := p.definitionOf(units[j].text, role)
				if !ok {
					break
				}
				if _, _, sp := p.speakerOf(units[j].text); sp && j > i && p.play && !capitalised(terms[0].Term.Plain()) {
					// A speech after a line with a label that names no
					// one ("Late-night revels: …" / "SIR TOBY: …").
					break
				}
				if utf8.RuneCountInString(d) > 200 {
					long++
				}
				terms = append(terms, content.Definition{Term: text(t), Definition: text(d)})
			}
			defRole := role == content.RoleKeyFacts || role == content.RoleVocabulary || role == content.RoleCharacters
			if p.dialogue(terms, role) {
				// "Cecily: …" / "Algernon: …" where one of the names
				// speaks elsewhere: lines of a play, not definitions.
				for k, d := range terms {
					add(content.Block{Kind: content.Verse, Speaker: d.Term.Plain(), Lines: []content.Text{d.Definition}}, units[i+k].line, 1)
				}
				i = j
				continue
			}
			if (len(terms) >= 2 || defRole) && 2*long <= len(terms) {
				add(content.Block{Kind: content.Definitions, Terms: terms}, u.line, j-i)
				i = j
				continue
			}
		}
		// Discussion questions without numbers: one list.
		if role == content.RoleDiscussion && isQuestion(s) {
			j := i
			var items []content.ListItem
			for ; j < len(units) && isQuestion(units[j].text) && !listItem(units[j].text); j++ {
				items = append(items, content.ListItem{Text: text(units[j].text)})
			}
			if len(items) >= 2 {
				add(content.Block{Kind: content.List, Items: items}, u.line, j-i)
				i = j
				continue
			}
		}
		// A form's blanks ("Date : ________" / "Nombre de mots appris :
		// ________"): each a paragraph, as typed, never verse.
		if blankField(s) {
			add(content.Block{Kind: content.Paragraph, Text: text(s)}, u.line, 1)
			i++
			continue
		}
		// Verse: tight short lines.
		if n := p.verseRun(units[i:]); n > 0 {
			b := content.Block{Kind: content.Verse}
			for _, v := range units[i : i+n] {
				b.Lines = append(b.Lines, text(p.unnumbered(v, v.text)))
			}
			add(b, u.line, n)
			i += n
			continue
		}
		add(content.Block{Kind: content.Paragraph, Text: text(s)}, u.line, 1)
		i++
	}
	return out
}

// dialogue says whether definitions are lines of a play: one of the
// terms is a speaker found elsewhere (see scanCast), and every term is a
// short capitalised name.
func (p *parser) dialogue(terms []content.Definition, role content.Role) bool {
	if len(p.cast) == 0 || role == content.RoleCharacters {
		return false
	}
	known := false
	for _, d := range terms {
		t := d.Term.Plain()
		if wordCount(t) > 3 || !capitalised(t) || wordCount(d.Definition.Plain()) < 3 {
			return false
		}
		if p.cast[strings.ToLower(t)] >= 2 {
			known = true
		}
	}
	return known
}

// plainUnit: running text that is nothing else.
func (p *parser) plainUnit(u unit, role content.Role) bool {
	if listItem(u.text) || attribution(u.text) || parenAttribution(u.text) || isExplanation(u.text) {
		return false
	}
	if _, _, ok := wholeQuote(u.text); ok {
		return false
	}
	if _, _, ok := p.speakerOf(u.text); ok {
		return false
	}
	_, _, def := p.definitionOf(u.text, role)
	return !def
}

// speechStart reads unit i as the start of a speech.
func (p *parser) speechStart(units []unit, i int) (speaker, rest string, ok bool) {
	s := units[i].text
	if sp, rest, ok := p.speakerOf(s); ok {
		return sp, rest, true
	}
	// Outside a play, "NAME IN CAPITALS: line" is a speech when lines of
	// it follow.
	if !twoCapitals(s) || i+1 >= len(units) || units[i+1].before {
		// (speakerRE needs both)
	} else if m := speakerMatch(s); m != nil && p.speakerName(m[1]) && i+1 < len(units) && !units[i+1].before && p.speechLine(units[i+1]) {
		if _, _, def := p.definitionOf(units[i+1].text, ""); !def {
			sp := strings.TrimSpace(m[1])
			if m[2] != "" {
				sp += " " + m[2]
			}
			return sp, m[3], true
		}
	}
	if m := speakerAlone(s); m != nil && p.speakerName(m[1]) && i+1 < len(units) && !units[i+1].before && p.speechLine(units[i+1]) {
		return strings.TrimSpace(m[1]), "", true
	}
	// In a play, a name in capitals alone on its line, with no stop after
	// it ("PUCK", "FIRST FAIRY"), over the lines of its speech: the
	// layout of most editions.
	if p.play && len(s) <= 40 && twoCapitals(s) && !actRE.MatchString(s) && !sceneRE.MatchString(s) && p.speakerName(s) && i+1 < len(units) && !units[i+1].before && p.speechLine(units[i+1]) {
		return s, "", true
	}
	return "", "", false
}

// speakerMatch matches speakerRE, whose name stops at the first stop, and
// reads on past a title's stop ("MRS. CHEVELEY. I am…", "DR. RANK. Yes"):
// the name is "MRS. CHEVELEY", not "MRS" saying "CHEVELEY. I am…". A
// title with nothing after it that could end a name ("MRS. CHEVELEY" in
// a cast list, a line of its own) is no speaker.
func speakerMatch(s string) []string {
	m := speakerRE.FindStringSubmatch(s)
	title := ""
	for m != nil && m[2] == "" && strings.HasPrefix(strings.TrimLeft(s[len(m[1]):], " \t"), ".") && honorificEnd(m[1]) {
		title += m[1] + ". "
		s = m[3]
		if m = speakerRE.FindStringSubmatch(s); m == nil {
			return nil
		}
	}
	if m != nil && title != "" {
		m[1] = title + m[1]
	}
	return m
}

// honorificEnd: the name's last word is a title set before a name ("MRS",
// "DR"), so a stop after it does not end the name.
func honorificEnd(name string) bool {
	f := strings.Fields(name)
	return len(f) > 0 && vocab.Honorific(strings.ToLower(f[len(f)-1]))
}

// speakerAlone matches speakerAloneRE on a short line ending in ":" or ".".
func speakerAlone(s string) []string {
	if len(s) > 40 || len(s) < 3 || (s[len(s)-1] != ':' && s[len(s)-1] != '.') {
		return nil
	}
	return speakerAloneRE.FindStringSubmatch(s)
}

// explanation matches explRE on a line with a colon.
func explanation(s string) []string {
	if !hasColon(s) {
		return nil
	}
	if n := vocab.ExplanationLabel(s); n > 0 {
		return []string{s, s[n:]}
	}
	return nil
}

func isExplanation(s string) bool { return explanation(s) != nil }

// speechLine: a line that continues a speech (not another speaker, item
// or attribution).
func (p *parser) speechLine(u unit) bool {
	if listItem(u.text) || attribution(u.text) || parenAttribution(u.text) || isExplanation(u.text) {
		return false
	}
	if l, v, ok := colonDef(u.text); ok && wordCount(l) <= 3 && capitalised(l) && wordCount(v) >= 2 {
		return false // the next speaker, "Jack: My name is Ernest"
	}
	if _, _, ok := p.speakerOf(u.text); ok {
		return false
	}
	if m := speakerAlone(u.text); m != nil && p.speakerName(m[1]) {
		return false
	}
	return true
}

// quoteAt reads a quotation at unit i: a unit wholly in quotation marks
// (after a list number or "Quote 1:" label, with its source on the same
// line or not), or a run of tight lines opening with a mark and closing
// with one (verse). It returns the block and the units it took.
func (p *parser) quoteAt(units []unit, i int) (content.Block, int, bool) {
	s := units[i].text
	text := func(s string) content.Text { return content.Plain(p.smart(s)) }
	inner := s
	if q, numbered := quoteNumber(s); numbered {
		inner = q
	}
	var src string
	if q, a, ok := trailingAttribution(inner); ok {
		inner, src = q, a
		if _, _, whole := wholeQuote(inner); !whole {
			// `"I am Kim," he said.`: the quotation with its speech
			// tag, marks kept.
			return content.Block{Kind: content.BlockQuote, Text: text(inner), Attribution: text(src)}, 1, true
		}
	}
	if in, _, ok := wholeQuote(inner); ok {
		return content.Block{Kind: content.BlockQuote, Text: text(in), Attribution: text(src)}, 1, true
	}
	// Verse: opens here, closes on a later tight line.
	first, _ := utf8.DecodeRuneInString(inner)
	if !strings.ContainsRune("\"“„«‘", first) {
		return content.Block{}, 0, false
	}
	lines := []string{inner}
	for j := i + 1; j < len(units) && j-i < 40 && !units[j].before; j++ {
		t := units[j].text
		lines = append(lines, t)
		joined := strings.Join(lines, "\n")
		if q, a, ok := trailingAttribution(joined); ok {
			joined, src = q, a
		}
		if in, _, ok := wholeQuote(joined); ok && !strings.Contains(in, "\n\n") {
			b := content.Block{Kind: content.BlockQuote, Attribution: text(src)}
			for _, l := range strings.Split(in, "\n") {
				b.Lines = append(b.Lines, text(strings.TrimSpace(l)))
			}
			return b, j - i + 1, true
		}
		if anchorOf(t) != noAnchor {
			break // a heading is never swallowed into a quote
		}
	}
	return content.Block{}, 0, false
}

// columnTerms reads two aligned columns in a section of vocabulary,
// characters or key facts ("primordial<TAB>existing from the beginning of
// time", "Buck<TAB>a St. Bernard mix, the hero") as definitions: there the
// left column is the term, and its first line is an entry like the others,
// not a table's header. A first line that reads as a header ("Word<TAB>
// Meaning": short capitalised cells over longer definitions) keeps the
// table.
func columnTerms(units []unit, role content.Role, text func(string) content.Text) (content.Block, bool) {
	if role != content.RoleVocabulary && role != content.RoleCharacters && role != content.RoleKeyFacts {
		return content.Block{}, false
	}
	rows := make([][]string, len(units))
	for k, u := range units {
		rows[k] = cells(u.raw[0])
		if len(rows[k]) != 2 || rows[k][0] == "" || rows[k][1] == "" {
			return content.Block{}, false
		}
	}
	if headerRow(rows) {
		return content.Block{}, false
	}
	b := content.Block{Kind: content.Definitions}
	for _, r := range rows {
		// "Anne Elliot -  The heroine": the dash before the gap is the
		// term's separator, not part of it.
		term := strings.TrimSpace(strings.TrimRight(r[0], " -–—:"))
		if term == "" {
			term = r[0]
		}
		// "1.<TAB>whitewash<TAB>to paint…", a numbered word list pasted
		// from a word processor: the number is the list's, as a
		// numbered "1. scrape – …" loses it (it was the term's).
		if loc := numberedRE.FindStringIndex(term); loc != nil && loc[1] < len(term) {
			term = term[loc[1]:]
		}
		b.Terms = append(b.Terms, content.Definition{Term: text(term), Definition: text(r[1])})
	}
	return b, true
}

// box is a check box an option of a list item's sublist opens with: its
// item, its place in the sublist, its mark (boxMark) and its line.
type box struct {
	item, opt, mark, line int
}

// boxMark: 1 for an empty check box ("☐", "□", "❏", "❑"), 2 for a ticked
// one ("☑", "☒"), 0 for anything else.
func boxMark(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '☐', '□', '❏', '❑':
		return 1
	case '☑', '☒':
		return 2
	}
	return 0
}

// tickedAnswers keeps the options ticked among empty boxes under a
// question ("1. Who steals the gold?" / "☐ Godfrey" / "☑ Dunstan") as the
// quiz's answers, for the answer key (finish); the options themselves
// keep only their text, as every bullet does.
func (p *parser) tickedAnswers(b content.Block, boxes []box) {
	for k := 0; k < len(boxes); {
		n := k
		empty, ticked := false, false
		for ; n < len(boxes) && boxes[n].item == boxes[k].item; n++ {
			empty = empty || boxes[n].mark == 1
			ticked = ticked || boxes[n].mark == 2
		}
		it := b.Items[boxes[k].item]
		q := strings.TrimSpace(it.Text.Plain())
		asks := strings.HasSuffix(q, "?") || strings.HasSuffix(q, "？")
		for _, x := range boxes[k:n] {
			switch {
			case !empty || !ticked || x.mark != 2:
			case asks:
				p.answers = append(p.answers, vocab.Answer{Question: it.Text, Option: it.Sublist.Items[x.opt].Text, Section: p.blockTitle})
				if p.answersLine == 0 {
					p.answersLine = x.line
				}
			case p.ticksLine == 0:
				// A checklist's, or a quiz's under a prompt that asks
				// nothing ("Choose the man who…."): dropped, and said so.
				p.ticksLine, p.ticksUnder = x.line, q
			}
		}
		k = n
	}
}

// matchNumRE and matchLetterRE: a matching exercise's numbered item
// ("1. Buck") and lettered description ("a. the lead dog", "C) …").
var (
	matchNumRE    = lazyre.New(`^(\d{1,3})[.)]\s*(\S.*)$`)
	matchLetterRE = lazyre.New(`^([a-zA-Z])[.)]\s+(\S.*)$`)
	// matchHeadRE: a heading or lead-in that asks to match ("Matching",
	// "Match each character to…", "Relaciona…", "Reliez…", "Ordne … zu",
	// "Abbina…", "Associe…"). Each verb is a whole word: "Relaciones
	// entre personajes", "Collegamenti", "Abbinamenti" open with the
	// letters of one and are headings of tables; Spanish "Une" asks only
	// with what it joins ("Une cada…"), French "Une" is an article ("Une
	// chronologie").
	matchHeadRE = lazyre.New(`(?i)^(?:matching\b|match\s|relaciona\b|relacione\b|empareja\b|une\s+(?:cada|los|las|el|la|con)\b|reliez\b|associez\b|associe\b|ordne\s|verbinde\b|abbina\b|collega\b)`)
)

// matching reads the n rows of two columns at units[i] as a matching
// exercise, when their left cells are numbered and their right cells
// lettered in sequence ("1. Buck<TAB>a. the lead dog…"), or when the
// section's heading or the line before them asks to match ("Match the
// character to the description"): the left column a numbered list, the
// right a lettered one. A teacher sets the two columns apart to be
// matched (the right one in another order): neither a table, whose
// first row would be taken for a header, nor terms and definitions, whose
// pairs would give the answers.
func (p *parser) matching(units []unit, i, n int, text func(string) content.Text) (left, right content.Block, ok bool) {
	rows := make([][]string, n)
	numbered, lettered := true, n <= 26 // numbers on the left; letters in sequence on the right
	lower := false
	for k, u := range units[i : i+n] {
		rows[k] = cells(u.raw[0])
		if len(rows[k]) != 2 || rows[k][0] == "" || rows[k][1] == "" {
			return left, right, false
		}
		numbered = numbered && matchNumRE.MatchString(rows[k][0])
		if !lettered {
			continue
		}
		m := matchLetterRE.FindStringSubmatch(rows[k][1])
		if k == 0 && m != nil {
			lower = m[1][0] >= 'a'
		}
		want := byte('A' + k)
		if lower {
			want = byte('a' + k)
		}
		lettered = m != nil && m[1][0] == want
	}
	if !numbered || !lettered {
		asked := matchHeadRE.MatchString(p.blockTitle)
		if i > 0 {
			asked = asked || matchHeadRE.MatchString(units[i-1].text) // "Match each character to the description."
		}
		if !asked || headerRow(rows) {
			return left, right, false
		}
	}
	left = content.Block{Kind: content.List, Ordered: true}
	right = content.Block{Kind: content.List, Ordered: true, Marker: content.LowerAlpha}
	if lettered && !lower {
		right.Marker = content.UpperAlpha
	}
	for k, r := range rows {
		l, d := r[0], r[1]
		if numbered {
			m := matchNumRE.FindStringSubmatch(l)
			if k == 0 && m[1] != "1" {
				left.Start, _ = strconv.Atoi(m[1])
			}
			l = m[2]
		}
		if lettered {
			d = matchLetterRE.FindStringSubmatch(d)[2]
		}
		left.Items = append(left.Items, content.ListItem{Text: text(l)})
		right.Items = append(right.Items, content.ListItem{Text: text(d)})
	}
	return left, right, true
}

// headerRow: the first row labels the columns: each of its cells a word
// or three, none in lower case, and its last cell shorter than every
// definition under it.
func headerRow(rows [][]string) bool {
	for _, c := range rows[0] {
		r, _ := utf8.DecodeRuneInString(c)
		if wordCount(c) > 3 || unicode.IsLower(r) || sentenceEnd(c) {
			return false
		}
	}
	last := wordCount(rows[0][len(rows[0])-1])
	for _, r := range rows[1:] {
		if wordCount(r[len(r)-1]) <= last {
			return false
		}
	}
	return true
}

// tableRun returns how many units from the first make a table: three or
// more tight one-line units with the same number of columns.
func (p *parser) tableRun(units []unit) int {
	if len(units[0].raw) != 1 {
		return 0
	}
	hdr := cells(units[0].raw[0])
	if len(hdr) < 2 || len(hdr) > 8 {
		return 0
	}
	n := 1
	for ; n < len(units) && !units[n].before && len(units[n].raw) == 1; n++ {
		row := cells(units[n].raw[0])
		if len(row) != len(hdr) {
			break
		}
	}
	if n < 3 || answerBoxes(units[:n]) {
		return 0
	}
	return n
}

// termPair returns 2 when the first two units are two tight one-line rows
// of two cells set apart by a tab, and nothing tight under them (a third
// row makes a tableRun): a word list of two entries, pasted from a word
// processor's table or tab stops; 0 otherwise.
func termPair(units []unit) int {
	if len(units) < 2 || units[1].before || len(units) > 2 && !units[2].before {
		return 0
	}
	for _, u := range units[:2] {
		if len(u.raw) != 1 || !strings.Contains(u.raw[0], "\t") || len(cells(u.raw[0])) != 2 {
			return 0
		}
	}
	return 2
}

// answerBoxes: rows whose first cell is a numbered item and whose other
// cells are marks to circle ("1. Enrico frequenta la terza elementare.
// <gap>V<gap>F", "T F"): a true-or-false quiz's questions, a list, not a
// table with a question for its header.
func answerBoxes(units []unit) bool {
	for _, u := range units {
		c := cells(u.raw[0])
		if len(c) < 2 || !numberedRE.MatchString(c[0]) {
			return false
		}
		for _, m := range c[1:] {
			if utf8.RuneCountInString(m) > 5 {
				return false
			}
		}
	}
	return true
}

// verseRun returns how many units from the first make verse: two or more
// tight short lines that read as lines of a poem, not sentences (most do
// not end in a full stop) nor a list of names (they have words enough).
func (p *parser) verseRun(units []unit) int {
	n, words, stops := 0, 0, 0
	for n < len(units) && (n == 0 || !units[n].before) {
		u := units[n]
		if len(u.text) > 4*90 || utf8.RuneCountInString(u.text) > 90 || len(u.raw) != 1 || listItem(u.text) || isExplanation(u.text) || attribution(u.text) {
			break
		}
		// "Q: Who buys Kim's freedom?" over its options is a
		// handout's question, not a line of a poem.
		if vocab.QuestionLabel(u.text) > 0 {
			break
		}
		if _, _, ok := wholeQuote(u.text); ok {
			break
		}
		if n > 0 && p.tableRun(units[n:]) > 0 {
			break // a table's rows set tight under the lines before it
		}
		words += wordCount(u.text)
		last, _ := utf8.DecodeLastRuneInString(u.text)
		if strings.ContainsRune(".!?", last) {
			stops++
		}
		n++
	}
	if n < 2 || words < 3*n || stops*2 > n+1 {
		return 0
	}
	return n
}

// lineNumberRE: a number set apart at the end of a line, after a tab or
// a run of spaces, as editions number every fifth line of verse.
var lineNumberRE = lazyre.New(`(?:\t+| {2,})(\d{1,4})\s*$`)

// unnumbered is s, a line of verse read from u, without the line number
// an edition prints beside every fifth line ("And wrinkled lip, and sneer
// of cold command,<spaces>5"): a reference, not a word of the poem (it
// was kept as one, "command, 5"). The numbers dropped are reported once.
func (p *parser) unnumbered(u unit, s string) string {
	raw := u.raw[len(u.raw)-1]
	if len(raw) < 3 || raw[len(raw)-1] < '0' || raw[len(raw)-1] > '9' {
		return s
	}
	m := lineNumberRE.FindStringSubmatch(raw)
	if m == nil {
		return s
	}
	if n, _ := strconv.Atoi(m[1]); n == 0 || n%5 != 0 {
		return s
	}
	t, ok := strings.CutSuffix(s, " "+m[1])
	if !ok || strings.TrimSpace(t) == "" {
		return s
	}
	if p.verseNumbers == 0 {
		p.verseNumbersLine = u.line + len(u.raw) - 1
	}
	p.verseNumbers++
	return t
}

// castHeading: s names a play's cast list, "Dramatis Personae".
func castHeading(s string) bool {
	if len(s) > 60 {
		return false
	}
	w := strings.TrimRight(firstWord(s), ",.:")
	for _, c := range [...]string{"dramatis", "persons", "the", "cast", "personen", "personajes", "personnages", "personaggi"} {
		if strings.EqualFold(w, c) {
			return castRE.MatchString(vocab.Norm(s))
		}
	}
	return false
}

// castRun counts the tight lines from the first of a character list
// (RoleCharacters: "Dramatis Personae", "Characters") that are each a
// name alone (castName) or a name and its description (castEntry), and
// how many are names alone; bare is 0 unless there are two lines or more
// and one is a name alone.
func (p *parser) castRun(units []unit, role content.Role) (n, bare int) {
	if role != content.RoleCharacters {
		return 0, 0
	}
	for _, u := range units {
		if n > 0 && u.before || len(u.raw) != 1 {
			break
		}
		if vocab.CastName(u.text) {
			bare++
		} else if !p.castEntry(u.text) {
			break
		}
		n++
	}
	if n < 2 {
		return 0, 0
	}
	return n, bare
}

// castEntry: s is a character list's line that names someone and says
// who they are ("DUNCAN, King of Scotland", "Lane – a manservant").
func (p *parser) castEntry(s string) bool {
	t, _, ok := p.definitionOf(s, content.RoleCharacters)
	return ok && vocab.CastName(t)
}
