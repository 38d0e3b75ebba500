package plaintext

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
)

// where the walk is.
type place int

const (
	inSynopsis place = iota
	inQuotes
	inSection
	inFAQ
)

type bodyState struct {
	where       place
	sec         *content.Section // current top-level section
	sub         *content.Section // current subsection, nil when text goes to sec
	subsub      *content.Section // current subsection of sub, nil when text goes to sub
	deep        bool             // sec has three levels (Plot Summary, Part I, Chapter 1)
	secAnchor   anchor           // the anchor of sec's title
	quotesAt    int              // line of the quotes heading
	quotesN     int              // quotes under it so far
	quotesTitle string           // the quotes heading as written
	quoteUnits  []quoteUnit      // the quotes under it, in g.Quotes from len(g.Quotes)-len(quoteUnits)
	faqTitle    string           // the FAQ heading as written
	faqAt       int
	faqIntro    *content.Section // text under the FAQ heading before any question
	entry       *content.FAQEntry
	entryLine   int
	entryMarked bool // the question had a "Q:" label
	// subParts and secParts: sub (sec) is a chapter's heading with its
	// "Summary" and "Analysis" under it (see partLabelHeading).
	subParts, secParts bool
	// span: sec names a span of the book or the course ("Chapters 1–5",
	// "Week 2 — …") over a handout's sections, which are its
	// subsections (see spanHeading).
	span bool
	// labelled: sec is a study site's page named for a story and labelled
	// Summary or Analysis (see labelledPart), whose next such page is its
	// sibling.
	labelled bool
	// poemNotes: sec is a note on the poem before it, a section of its
	// own after the poem's lines ("Form" after "The Poem"; see afterPoem),
	// whose siblings the next such headings are ("Meter").
	poemNotes bool
	// pending holds the running text of the current section or quotes
	// part, made into blocks when the part ends (see flushPending).
	pending []unit
}

// heading says whether unit i stands as a heading: a short line alone
// between blank lines (or one directly followed by a long paragraph, which
// is how some guides are laid out).
func (p *parser) heading(i int) bool {
	if i >= len(p.units) {
		return false
	}
	u := p.units[i]
	if !u.before {
		return p.tightPart(i) || p.tightOutlineHeading(i) || p.tightLabel(i)
	}
	if c := p.labelClass(u.text); c != "" && !isQuestion(u.text) && utf8.RuneCountInString(u.text) <= 80 {
		// An outline heading ("1. Setting" once I. or A. is open, `B.
		// "The horror!"`), alone or over its indented points.
		if u.after || i+1 < len(p.units) && p.units[i+1].indent > u.indent {
			return true
		}
	}
	if p.numberedTitle(i) {
		return true
	}
	if !shortHeading(u.text) {
		return false
	}
	if p.speakerLine(u.text) {
		return false // "HAMLET: To be"
	}
	if !u.after && len(u.raw) == 1 && columns(u.raw[0]) && p.tableRun(p.units[i:]) > 0 {
		return false // "Passage<TAB>My Response" over its rows: a table's header (it was a heading over the rows, their columns run together)
	}
	if !u.after && p.nameOverText(i) {
		return true
	}
	if u.after && p.spanOver(i) {
		return true // "Week 2 — Book the Second" after the week before's words, over its own
	}
	if factLine(u.text) && (i > 0 && factLine(p.units[i-1].text) || i+1 < len(p.units) && factLine(p.units[i+1].text)) {
		return false // "Narrator: Jane" among other facts
	}
	if !u.after && i+1 < len(p.units) && len(u.text) <= 40 && bareLabelRE.MatchString(u.text) {
		// "Act 1, Scene 1", "Chapter 3" alone on its line, its text set
		// tight under it: a heading, however short the text (the scene
		// and the rest up to the next heading were the synopsis).
		return true
	}
	if listLabel(u.text) {
		return false // "Word Bank: primordial, club, fang"
	}
	if u.after || anchorOf(u.text) != noAnchor {
		// A known section name on a line of its own is a heading even
		// when its text follows without a blank line.
		return true
	}
	// No blank line after it: still a heading when a list follows it, if
	// it is written as headings are (in capitals or title case): "JOURNAL
	// PROMPTS" over its bullets.
	if i+2 < len(p.units) && !p.units[i+1].before && !p.units[i+2].before && listItem(p.units[i+1].text) && listItem(p.units[i+2].text) && headingCase(u.text) {
		return true
	}
	// A word alone, capitalised, over a list or over the line that
	// leads into one ("Assessment" / "Roles are graded with this
	// checklist:" / "- Completed role sheet"), as handouts set their
	// headings: a heading (the lines were a verse passage, or a paragraph
	// over the list).
	if u.before && (headingCase(u.text) || oneWord(u.text)) && p.tightOverList(i) {
		return true
	}
	// Or over the fields of a form to fill in ("Group Meeting Notes" /
	// "Date: ________" / "Chapters read: ________"): a heading, as over
	// a list.
	if i+1 < len(p.units) && !p.units[i+1].before && headingCase(u.text) && blankField(p.units[i+1].text) {
		return true
	}
	// Or over a table set tight under it, as a heading case line: "Essay
	// Rubric" over its rows of tab-separated columns (the heading and
	// the rows were read as a verse passage).
	if i+3 < len(p.units) && !p.units[i+1].before && columns(p.units[i+1].raw[0]) && !columns(u.raw[0]) && headingCase(u.text) && p.tableRun(p.units[i+1:]) > 0 {
		return true
	}
	// In a play, a speaker's name in capitals set tight over a speech of
	// one long line ("MIRANDOLINA" / "Uh, che mai ha detto! …") is its
	// speaker, as over two lines (it was a heading over a paragraph).
	if p.play && twoCapitals(u.text) {
		if _, _, ok := p.speechStart(p.units, i); ok {
			return false
		}
	}
	// No blank line after it: still a heading when a full paragraph follows
	// (twice as long; a chapter's title may be long, so longer is enough
	// under "Chapter 2 – …").
	if i+1 < len(p.units) {
		next := p.units[i+1].text
		n, h := utf8.RuneCountInString(next), utf8.RuneCountInString(u.text)
		return n >= 60 && (n >= 2*h || n > h && partOfBook(u.text)) && !shortHeading(next) && !dangling(u.text)
	}
	return false
}

// listLabel: s is a label over the words it lists, in lower case and
// parted by commas ("Word Bank: primordial, club, fang", "Materials:
// pencils, glue, scissors"): text of its section, never a heading (it
// was a subsection with the quiz's questions under it).
func listLabel(s string) bool {
	label, value, ok := colonDef(s)
	if !ok || strings.Count(value, ",") < 2 || partOfBook(label) || anchorOf(label) != noAnchor {
		return false
	}
	r, _ := utf8.DecodeRuneInString(value)
	return unicode.IsLower(r)
}

// blankField: s is a label over a blank to fill in, "Date: ________".
func blankField(s string) bool {
	_, value, ok := colonDef(s)
	return ok && strings.Trim(value, "_ ") == ""
}

// oneWord: s is one word of letters, capitalised ("Assessment",
// "Materials", "Évaluation").
func oneWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return len(s) <= 30 && unicode.IsUpper(r) && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

// tightOverList: the lines set tight under unit i are a list, or a line
// ending in a colon that leads into one.
func (p *parser) tightOverList(i int) bool {
	j := i + 1
	if j < len(p.units) && !p.units[j].before && !listItem(p.units[j].text) && strings.HasSuffix(p.units[j].text, ":") && len(p.units[j].raw) == 1 {
		j++ // "Roles are graded with this checklist:"
	}
	if j >= len(p.units) || p.units[j].before || !listItem(p.units[j].text) {
		return false
	}
	return j+1 >= len(p.units) || p.units[j+1].before || listItem(p.units[j+1].text)
}

// bareLabelRE: a part of the book's label and nothing else: "Act 1,
// Scene 1", "Scene 2", "Chapter 3.", "Acte II, scène 3", "Kapitel 4".
var bareLabelRE = lazyre.New(`(?i)^(?:(?:act|acto|acte|akt|atto|ato|scene|escena|scène|szene|scena|cena|chapters?|capítulos?|chapitres?|kapitel|capitoli|capitolo)\s+(?:[ivxlc]{1,6}|\d{1,3})(?:\s*[–—-]\s*(?:[ivxlc]{1,6}|\d{1,3}))?(?:[.,:]\s*|\s*$))+$`)

// tightOutlineHeading: unit i is an outline heading of a level already
// open, set tight after the points of the heading before it and over
// points of its own, indented ("   B. Shere Khan claims him" / "II. Kaa's
// Hunting" / "   A. The Bandar-log…"): a heading, as its first sibling
// after a blank line is. It was read as a line of verse.
func (p *parser) tightOutlineHeading(i int) bool {
	u := p.units[i]
	if i == 0 || i+1 >= len(p.units) || p.units[i+1].before {
		return false
	}
	c := p.labelClass(u.text)
	if c == "" || !p.open(c) || isQuestion(u.text) || utf8.RuneCountInString(u.text) > 80 {
		return false
	}
	return p.units[i-1].indent > u.indent && p.units[i+1].indent > u.indent
}

// danglingWords end no heading: a line that stops on one goes on in the
// next ("Wells shows science without conscience, as we see in").
var danglingWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "in": true, "to": true, "and": true, "or": true,
	"but": true, "with": true, "as": true, "at": true, "by": true, "for": true, "from": true, "that": true, "which": true, "whose": true, "when": true}

// dangling: s ends on a word that a sentence goes on after.
func dangling(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	return i >= 0 && danglingWords[s[i+1:]]
}

// tightPart: unit i names a chapter or part ("Chapter 1 – The Strange
// Man's Arrival") set tight between the end of a paragraph (or a heading)
// and a paragraph of its own, as summaries pasted without blank lines are:
// a heading, though no blank line comes before it.
func (p *parser) tightPart(i int) bool {
	u := p.units[i]
	if i == 0 || i+1 >= len(p.units) || !partOfBook(u.text) || !shortHeading(u.text) || p.units[i+1].before {
		return false
	}
	prev := p.units[i-1].text
	if last, _ := utf8.DecodeLastRuneInString(prev); !strings.ContainsRune(".!?\"”’)", last) && anchorOf(prev) == noAnchor {
		return false // "…as we see in" / "Chapter 2 when Jane leaves": one sentence
	}
	n := utf8.RuneCountInString(p.units[i+1].text)
	return n >= 60 && n > utf8.RuneCountInString(u.text) && !partOfBook(p.units[i+1].text)
}

// tightLabel: unit i is a known section's name of a word or two
// ("Summary", "Analysis") set tight under a part's heading or after a
// paragraph's end, over a full paragraph, as a study site's chapter pages
// paste ("Chapters 1–6" / "Summary" / "Léonce returns…" / "Analysis" /
// "Chopin opens…"): a heading, as it is between blank lines (it was a
// paragraph, or a line over its text as verse).
func (p *parser) tightLabel(i int) bool {
	u := p.units[i]
	if i == 0 || i+1 >= len(p.units) || p.units[i+1].before || len(u.raw) != 1 || wordCount(u.text) > 2 || anchorOf(u.text) == noAnchor {
		return false
	}
	prev := p.units[i-1].text
	if last, _ := utf8.DecodeLastRuneInString(prev); !strings.ContainsRune(".!?\"”’)", last) && !partOfBook(prev) {
		return false
	}
	next := p.units[i+1].text
	return utf8.RuneCountInString(next) >= 60 && anchorOf(next) == noAnchor
}

// headingCase: s is written in capitals, or in title case (its words
// capitalised, small words aside), as headings are and sentences are not.
func headingCase(s string) bool {
	if strings.ContainsFunc(s, unicode.IsLower) {
		return wordCount(s) >= 2 && capitalised(s)
	}
	return strings.ContainsFunc(s, unicode.IsUpper)
}

// partOfBook: a heading that names a chapter, act, book or part with its
// number ("Chapter 1 Summary", "Book III").
func partOfBook(s string) bool { return vocab.PartOfBook(s) }

// holdsParts: a section whose role lets it hold the book's chapters as
// subsections (a summary, an analysis, a timeline, or a section of no
// known role).
func holdsParts(r content.Role) bool {
	switch r {
	case content.RoleNone, content.RoleSummary, content.RoleAnalysis, content.RoleTimeline, content.RoleThemes:
		return true
	}
	return false
}

// siblingAfterList: u, an unknown heading with text under it, follows a
// known section of questions, vocabulary, key facts, activities or
// reading whose text so far is only lists, definitions or tables, and is
// written in title case as that section's heading is.
func (p *parser) siblingAfterList(st *bodyState, u unit) bool {
	sec := st.sec
	if st.sub != nil || len(sec.Subsections) > 0 || len(sec.Blocks) == 0 || st.secAnchor == noAnchor || partOfBook(u.text) || p.labelClass(u.text) != "" {
		return false
	}
	switch sec.Role {
	case content.RoleDiscussion, content.RoleVocabulary, content.RoleKeyFacts, content.RoleActivities, content.RoleFurtherReading:
	case content.RoleNone: // a known part of no role: Answer Key, Assessment, Materials
	default:
		return false
	}
	for _, b := range sec.Blocks {
		if b.Kind != content.List && b.Kind != content.Definitions && b.Kind != content.Table {
			return false
		}
	}
	return capitalised(u.text) && capitalised(sec.Title)
}

// afterSpanParts: u, an unknown heading written as headings are, follows
// the last of the handout's parts (Vocabulary, Discussion Questions,
// Activities) a span of the book holds ("Chapters 1–6"): it is no part
// of the span, which holds only those (it was their sibling).
func (p *parser) afterSpanParts(st *bodyState, u unit) bool {
	if !st.span || st.sub == nil || st.subsub != nil || !handoutRole(st.sub.Role) || len(st.sub.Subsections) > 0 {
		return false
	}
	return !partOfBook(u.text) && !labelledPart(u.text) && p.labelClass(u.text) == "" && !isQuestion(u.text) && capitalised(u.text)
}

// afterPoem: u, an unknown heading written as headings are, follows a
// section whose text is only a poem: verse without a speaker ("The Poem"
// over Ozymandias' lines, then "Form", "Structure", "Meter"), or a note on
// the poem after it ("Meter" after "Form": it was Form's subsection).
func (p *parser) afterPoem(st *bodyState, u unit) bool {
	sec := st.sec
	if st.sub != nil || len(sec.Subsections) > 0 || len(sec.Blocks) == 0 || partOfBook(u.text) || labelledPart(u.text) || p.labelClass(u.text) != "" || isQuestion(u.text) {
		return false
	}
	if st.poemNotes {
		// "Meter" after "Form", itself after the poem: the next note.
		return capitalised(u.text)
	}
	for _, b := range sec.Blocks {
		if b.Kind != content.Verse || b.Speaker != "" {
			return false
		}
	}
	return capitalised(u.text)
}

// loneDefinition: u, with no text under it, reads as a term and its
// definition in a section of words, facts or characters (the one word a
// handout's Vocabulary gives).
func (p *parser) loneDefinition(st *bodyState, u unit) bool {
	sec := st.sec
	if st.subsub != nil {
		sec = st.subsub
	} else if st.sub != nil {
		sec = st.sub
	}
	switch sec.Role {
	case content.RoleVocabulary, content.RoleKeyFacts, content.RoleCharacters:
	default:
		return false
	}
	_, _, ok := p.definitionOf(u.text, sec.Role)
	return ok && len(sec.Subsections) == 0
}

// partLabel: a one-word summary or analysis heading ("Summary",
// "Analysis", "Commentary", "Resumen", "Analyse") that, under a chapter's
// heading, labels that chapter's parts rather than opening a section.
func partLabel(s string) bool {
	if len(s) > 40 {
		return false
	}
	h := vocab.Classify(s)
	return h.Kind == vocab.Section && (h.Role == content.RoleSummary || h.Role == content.RoleAnalysis) && !strings.Contains(vocab.Norm(s), " ")
}

// labelledPart: a heading that names a part of the book by its title
// and labels it a summary or an analysis, as study sites title a short
// story's or a poem's page ("“A Scandal in Bohemia” Summary", "The
// Red-Headed League Analysis"): placed as "Chapter 1 Summary" is.
func labelledPart(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	if i <= 0 || len(s) > 120 || !partLabel(s[i+1:]) {
		return false
	}
	n := wordCount(s)
	return n >= 2 && n <= 10
}

// partLabelAt: unit i is a part label standing as a heading.
func (p *parser) partLabelAt(i int) bool {
	return i < len(p.units) && partLabel(p.units[i].text) && p.heading(i)
}

// partLabelHeading places a "Summary" or "Analysis" heading under the
// chapter heading it follows (Summary and Analysis › Chapter 1 › Summary),
// or under a section named for a chapter; it returns false when the
// heading is not under one.
func (p *parser) partLabelHeading(st *bodyState, u unit) bool {
	if !partLabel(u.text) || st.where != inSection || st.sec == nil {
		return false
	}
	switch {
	case st.sub != nil && st.subParts:
		st.sub.Subsections = append(st.sub.Subsections, p.section(u.text))
		st.subsub = &st.sub.Subsections[len(st.sub.Subsections)-1]
		st.deep = true
		return true
	case st.secParts && (st.sub == nil || partLabel(st.sub.Title)):
		st.sec.Subsections = append(st.sec.Subsections, p.section(u.text))
		st.sub, st.subsub = &st.sec.Subsections[len(st.sec.Subsections)-1], nil
		return true
	}
	return false
}

// bareExplanation: an explanation label alone, without its colon.
func bareExplanation(s string) bool {
	return len(s) <= 40 && !hasColon(s) && vocab.ExplanationLabel(s+":") > 0
}

// numberedTitle says whether unit i is a numbered title standing alone
// over a paragraph, with a sibling numbered the same way further on ("1.
// Gateshead" … "2. Lowood"): chapter headings, not a list.
func (p *parser) numberedTitle(i int) bool {
	if !p.titleOverText(i) {
		return false
	}
	for j := i + 2; j < len(p.units) && j <= i+12; j++ {
		if p.titleOverText(j) {
			return true
		}
	}
	for j := i - 2; j >= 0 && j >= i-12; j-- {
		if p.titleOverText(j) {
			return true
		}
	}
	return false
}

func (p *parser) titleOverText(i int) bool {
	if i+1 >= len(p.units) {
		return false
	}
	u, next := p.units[i], p.units[i+1]
	if !u.before || !u.after || u.text == "" || (u.text[0] < '0' || u.text[0] > '9') && u.text[0] != '(' || !numberedRE.MatchString(u.text) || isQuestion(u.text) {
		return false
	}
	rest := numberedRE.ReplaceAllString(u.text, "")
	if wordCount(rest) > 8 || utf8.RuneCountInString(rest) > 60 || strings.ContainsAny(lastChar(rest), ".!?:;,") || !capitalised(firstWord(rest)) {
		return false
	}
	return utf8.RuneCountInString(next.text) >= 80 && !listItem(next.text)
}

func lastChar(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	return string(r)
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// body is the third pass: it walks the units after the header.
func (p *parser) body() {
	st := &bodyState{}
	for ; p.i < len(p.units); p.i++ {
		i, u := p.i, p.units[p.i]
		if st.where == inFAQ && p.faqUnit(st, i, u) {
			continue
		}
		if st.where == inQuotes && quoteLabelLine(u.text) {
			// "Quote #1" alone on its line over the quote: a number, not
			// a heading (the quotes are numbered in the model). Kept in
			// the running text, where it ends the explanation of the
			// quote before it (flushQuotes, which says how it read it).
			st.pending = append(st.pending, u)
			continue
		}
		if st.where == inQuotes && bareExplanation(u.text) {
			// "Analysis" alone on its line under a quote: the label of
			// the explanation, not the Analysis section.
			u.text = strings.TrimSpace(u.text) + ":"
			st.pending = append(st.pending, u)
			continue
		}
		if label, value, ok := inlineKey(u); ok && st.where != inFAQ {
			// "Soluzioni: 1 F – 2 V – 3 F": the key's section and its
			// answers (the line was a heading, the answers its title).
			p.flushPending(st)
			p.newSection(st, unit{text: label, line: u.line}, anchorOf(label))
			u.text = value
			p.paragraph(st, u)
			continue
		}
		if p.heading(i) {
			if p.startHeading(st, i, u) {
				continue
			}
		}
		p.paragraph(st, u)
	}
	p.leavePart(st)
}

// startHeading handles a heading at unit i; it returns false when the
// heading turns out to be a paragraph after all.
func (p *parser) startHeading(st *bodyState, i int, u unit) bool {
	a := anchorOf(u.text)
	if st.where == inSection && st.secAnchor == questionsAnchor && a == noAnchor && isQuestion(u.text) {
		return false // a discussion question is text, not a heading
	}
	p.flushPending(st)
	if a == sectionAnchor && p.partLabelHeading(st, u) {
		return true
	}
	if a == noAnchor && p.spanOver(i) {
		// "Act I" or "Chapters 1–5" directly over Vocabulary: a span of
		// the handout, before an act is placed as an outline's label
		// (it was an empty section, its parts sections beside it).
		p.outline = outlineState{}
		p.newSection(st, u, noAnchor)
		st.span = true
		return true
	}
	if a != quotesAnchor && a != faqAnchor && p.outlineHeading(st, u, a) {
		return true
	}
	if (a == sectionAnchor || a == questionsAnchor) && st.span && st.where == inSection && st.sec != nil && handoutRole(vocab.Classify(u.text).Role) {
		// "Vocabulary", "Discussion Questions" under "Chapters 1–5".
		st.sec.Subsections = append(st.sec.Subsections, p.section(u.text))
		st.sub, st.subsub = &st.sec.Subsections[len(st.sec.Subsections)-1], nil
		return true
	}
	switch a {
	case quotesAnchor:
		p.outline = outlineState{}
		p.leavePart(st)
		st.where, st.quotesAt, st.quotesN, st.quotesTitle = inQuotes, u.line, 0, strings.TrimRight(u.text, ": ")
		st.quoteUnits = nil
		st.sec, st.sub, st.subsub, st.deep = nil, nil, nil, false
		st.subParts, st.secParts, st.span = false, false, false
		return true
	case faqAnchor:
		p.outline = outlineState{}
		p.leavePart(st)
		st.where, st.faqTitle, st.faqAt = inFAQ, strings.TrimRight(u.text, ": "), u.line
		st.sec, st.sub, st.faqIntro = nil, nil, nil
		st.subParts, st.secParts, st.span = false, false, false
		st.subsub, st.deep = nil, false
		return true
	case sectionAnchor, questionsAnchor:
		p.newSection(st, u, a)
		return true
	}
	nextSub := p.heading(i+1) && anchorOf(p.units[i+1].text) == noAnchor
	nextText := i+1 < len(p.units) && !p.heading(i+1)
	inSec := st.where == inSection && st.sec != nil
	opened := inSec && st.sub == nil && len(st.sec.Blocks) == 0 && len(st.sec.Subsections) == 0
	deep := inSec && st.deep // parts with subsections, in the section being read
	switch {
	case p.partLabelAt(i + 1):
		// "Chapter 2" over its "Summary" and "Analysis": a part of the
		// section that holds the book's parts, or a section of its own.
		if inSec && holdsParts(st.sec.Role) && !st.secParts && (st.sub == nil || st.subParts) {
			p.newSubsection(st, u)
			st.subParts = true
		} else {
			p.newSection(st, u, noAnchor)
			st.secParts = true
		}
	case nextSub && opened:
		// Three headings in a row (Chapter Summaries, Part I, Chapter
		// 1): the section has parts, and the parts have subsections.
		p.newSubsection(st, u)
		st.deep = true
		p.note(u.line, "read %q as a part of %q, and the headings under it as its subsections", u.text, st.sec.Title)
	case nextSub && deep:
		p.newSubsection(st, u) // the next part
	case nextText && deep && st.sub != nil:
		st.sub.Subsections = append(st.sub.Subsections, p.section(u.text))
		st.subsub = &st.sub.Subsections[len(st.sub.Subsections)-1]
	case nextSub:
		// A heading directly followed by another is a section; the
		// following ones are its subsections.
		p.newSection(st, u, noAnchor)
	case nextText && st.where == inSection && st.sec != nil && !holdsParts(st.sec.Role) && (partOfBook(u.text) || labelledPart(u.text)):
		// "Chapter 1 Summary" after the character list: the chapters
		// are not the characters' subsections.
		p.newSection(st, u, noAnchor)
		st.labelled = !partOfBook(u.text)
		p.note(u.line, "read %q as a section of its own, not a subsection of %q (a section of %s does not hold the book's chapters)", u.text, p.g.Sections[len(p.g.Sections)-2].Title, p.g.Sections[len(p.g.Sections)-2].Role)
	case nextText && st.where == inSection && st.sec != nil && st.sub == nil && (partOfBook(u.text) && partOfBook(st.sec.Title) || spanOfCourse(u.text) && spanOfCourse(st.sec.Title) || st.labelled && labelledPart(u.text)):
		// "Chapter 1 Analysis" after "Chapter 1 Summary", "Week 2: …"
		// after "Week 1: …": siblings.
		labelled := st.labelled
		p.newSection(st, u, noAnchor)
		st.labelled = labelled && !partOfBook(u.text)
	case nextText && inSec && p.siblingAfterList(st, u):
		// "Activity" after the essay prompts, "Answer Key" after the
		// questions: the section before is a list of its kind, so the
		// heading starts the next section rather than a part of it.
		prev := st.sec.Title
		p.newSection(st, u, noAnchor)
		p.note(u.line, "read %q as a section of its own after %q, whose text is a list, not as its subsection; if it is a part of %q, move it there in the model (inspect --json)", u.text, prev, prev)
	case nextText && inSec && p.afterSpanParts(st, u):
		// "Map Work" after "Chapters 1–6" › Vocabulary, Discussion
		// Questions: the span holds the handout's known parts; a heading
		// of another name after them starts the next section.
		span := st.sec.Title
		p.newSection(st, u, noAnchor)
		p.note(u.line, "read %q as a section of its own after the parts of %q, not as one of them; if it is a part of %q, move it there in the model (inspect --json)", u.text, span, span)
	case nextText && inSec && p.afterPoem(st, u):
		// "Form" after "The Poem" and its lines: what is said about the
		// poem is no part of it.
		prev, poem := st.sec.Title, !st.poemNotes
		p.newSection(st, u, noAnchor)
		st.poemNotes = true
		if poem {
			p.note(u.line, "read %q as a section of its own after %q, whose text is a poem, not as its subsection; if it is a part of %q, move it there in the model (inspect --json)", u.text, prev, prev)
		}
	case nextText && st.where == inSection && st.sec != nil:
		p.newSubsection(st, u)
	case nextText:
		p.newSection(st, u, noAnchor)
	case st.where == inSynopsis:
		// A short line before a known heading or the end: a tagline in
		// the synopsis rather than an empty section.
		return false
	case inSec && p.loneDefinition(st, u):
		// "rumble – a gang fight", the one word under Vocabulary: a
		// definition, not a heading with no text under it.
		return false
	case st.where == inSection && st.sec != nil:
		p.newSubsection(st, u)
		p.warn(u.line, "the heading %q has no text under it", u.text)
	default:
		p.newSection(st, u, noAnchor)
		p.warn(u.line, "the heading %q has no text under it", u.text)
	}
	return true
}

// leavePart closes the quotes or the FAQ when the walk moves on.
func (p *parser) leavePart(st *bodyState) {
	p.flushPending(st)
	if st.where == inQuotes && st.quotesN == 0 {
		p.warn(st.quotesAt, "the quotes heading has no quotes under it")
	}
	if st.where == inFAQ {
		p.closeFAQEntry(st)
	}
}

func (p *parser) newSection(st *bodyState, u unit, a anchor) {
	p.leavePart(st)
	p.g.Sections = append(roomForOne(p.g.Sections), p.section(u.text))
	st.where, st.sec, st.sub, st.secAnchor = inSection, &p.g.Sections[len(p.g.Sections)-1], nil, a
	st.subsub, st.deep = nil, false
	st.subParts, st.secParts = false, false
	st.span, st.labelled = false, false
	st.poemNotes = false
}

// inlineKey reads a quiz's answer key on one line, standing alone: a
// known section of no role of its own (Answer Key, Soluzioni, Lösungen)
// as a label, and answers with numbers after it ("Answer Key: 1. B 2. A
// 3. C", "Soluzioni: 1 F – 2 V – 3 F").
func inlineKey(u unit) (label, value string, ok bool) {
	if !u.before || !u.after || len(u.raw) != 1 || len(u.text) > 200 || !hasColon(u.text) {
		return "", "", false
	}
	label, value, ok = colonDef(u.text)
	if !ok || !hasDigit(value) || partOfBook(value) || len(label) > 40 {
		return "", "", false
	}
	if h := vocab.Classify(label); h.Kind != vocab.Section || h.Role != "" {
		return "", "", false
	}
	return label, value, true
}

// nameOverText: in a section of characters, unit i is a character's name
// alone on its line, set tight over a short description that ends a
// sentence and stands alone ("Spitz" / "The lead dog of the team and
// Buck's bitter rival."): the name is a heading, as it is over a longer
// paragraph (the name and the description were a verse passage inside
// the character before).
func (p *parser) nameOverText(i int) bool {
	if i+1 >= len(p.units) || len(p.g.Sections) == 0 || p.g.Sections[len(p.g.Sections)-1].Role != content.RoleCharacters {
		return false
	}
	u, next := p.units[i], p.units[i+1]
	if next.before || !next.after || listItem(next.text) || !strings.HasSuffix(next.text, ".") || utf8.RuneCountInString(u.text) > 40 {
		return false
	}
	return vocab.NameLike(u.text) && !listItem(u.text)
}

// handoutRole: the roles of the sections a handout repeats for each span
// of the book it covers.
func handoutRole(r content.Role) bool {
	return r == content.RoleVocabulary || r == content.RoleDiscussion || r == content.RoleActivities
}

// spanWords are the words that name a span of the course a handout's
// part covers, "Week 2", "Day 3", "Lesson 4" (a part of the book is
// vocab.PartOfBook).
var spanWords = map[string]bool{"week": true, "day": true, "lesson": true, "unit": true, "session": true, "reading": true, "semana": true,
	"semaine": true, "woche": true, "settimana": true, "lección": true, "leçon": true, "lektion": true, "lezione": true, "lição": true, "aula": true}

// spanOfCourse: s opens with a span's word and its number ("Week 1 —
// Book the First", "Lesson IV"), read by hand (an expression compiled
// for every guide cost ~20 KB of the seed's heap).
func spanOfCourse(s string) bool {
	w := vocab.WordAfter(s, spanWords)
	if w == "" {
		return false
	}
	switch strings.ToLower(w) {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return true
	}
	digits, roman := true, true
	for k := 0; k < len(w); k++ {
		digits = digits && '0' <= w[k] && w[k] <= '9'
		roman = roman && strings.IndexByte("ivxlcIVXLC", w[k]) >= 0
	}
	return digits && len(w) <= 3 || roman && len(w) <= 6
}

// spanOver: unit i names a span of the book or the course ("Chapters
// 1–5", "Part Two", "Week 1 — Book the First") directly over a handout's
// section (Vocabulary, Discussion Questions, Activities): the span is a
// section and those are its subsections. The span was read as the
// synopsis, or as an empty subsection of the questions before it.
func (p *parser) spanOver(i int) bool {
	u := p.units[i]
	if i+1 >= len(p.units) || utf8.RuneCountInString(u.text) > 80 || !(partOfBook(u.text) || spanOfCourse(u.text)) {
		return false
	}
	if h := vocab.Classify(p.units[i+1].text); h.Kind != vocab.Section || !handoutRole(h.Role) {
		return false
	}
	return p.heading(i + 1)
}

func (p *parser) newSubsection(st *bodyState, u unit) {
	if len(st.sec.Subsections) == 0 && len(st.sec.Blocks) > 0 && p.labelClass(u.text) == "" {
		p.note(u.line, "read %q as a subsection of %q; if it is a section of its own, follow it directly with a subsection heading or give it a known section name", u.text, st.sec.Title)
	}
	st.sec.Subsections = append(roomForOne(st.sec.Subsections), p.section(u.text))
	st.sub, st.subsub = &st.sec.Subsections[len(st.sec.Subsections)-1], nil
	st.subParts = false
}

// roomForOne is ss with room for one more section, doubled when full.
// append grows a long slice by a quarter at a time: the sections of a 4
// MiB guide of 195,699 one-line sections (15.6 MB) were allocated and
// copied 5.5 times their size (0.16 s); doubled, 2.7 times. The room
// left spare is at most the list's length (3.4 MB more than append left
// for that guide, held while it is built).
func roomForOne(ss []content.Section) []content.Section {
	if len(ss) == cap(ss) {
		ss = slices.Grow(ss, max(len(ss), 4))
	}
	return ss
}

// section makes a section of a heading, with the role its name says.
func (p *parser) section(heading string) content.Section {
	s := content.Section{Title: p.smart(strings.TrimRight(heading, ": "))}
	if h := vocab.Classify(heading); h.Kind == vocab.Section {
		s.Role = h.Role
	}
	return s
}

// paragraph places a unit of running text where the walk is.
func (p *parser) paragraph(st *bodyState, u unit) {
	switch st.where {
	case inSynopsis:
		p.g.Synopsis = append(p.g.Synopsis, content.Plain(p.smart(u.text)))
	case inQuotes, inSection:
		st.pending = append(st.pending, u)
	case inFAQ:
		p.faqText(st, u)
	}
}

// target is the section the running text goes to.
func (st *bodyState) target() *content.Section {
	switch {
	case st.subsub != nil:
		return st.subsub
	case st.sub != nil:
		return st.sub
	}
	return st.sec
}

// flushPending makes blocks of the running text read since the last
// heading.
func (p *parser) flushPending(st *bodyState) {
	units := st.pending
	st.pending = nil
	if len(units) == 0 {
		return
	}
	switch st.where {
	case inQuotes:
		p.flushQuotes(st, units)
	case inSection:
		sec := st.target()
		p.blockTitle = sec.Title
		for _, b := range p.blocks(units, sec.Role) {
			sec.Blocks = append(sec.Blocks, b.b)
		}
	}
}

// quoteUnit is a highlighted quote as read: its unit, and whether it is
// numbered or in quotation marks.
type quoteUnit struct {
	unit
	q       content.Quote
	marked  bool
	speaker bool // the attribution so far is the speaker of a speech
}

// flushQuotes reads the text under a quotes heading. Each numbered,
// bulleted or quoted unit is a quote; an attribution line or a trailing
// source is its attribution; an "Explanation:" or "Analysis:" paragraph is
// its explanation. Paragraphs neither numbered nor quoted that follow
// marked quotes, at least twice, are commentary ("Important Quotes
// Explained"): each is the explanation of the quote before it. Otherwise
// each unmarked one stays a quote, with a warning.
func (p *parser) flushQuotes(st *bodyState, units []unit) {
	var qs []quoteUnit
	text := func(s string) content.Text { return content.Plain(p.smart(s)) }
	labelled := false
	for i := 0; i < len(units); {
		u := units[i]
		s := u.text
		if quoteLabelLine(s) {
			// A quote's number (body): the quote is the next unit. With
			// none under it (the list ends, or the next number follows),
			// the item was left empty.
			if i+1 >= len(units) || quoteLabelLine(units[i+1].text) {
				p.warn(u.line, "a quote's number (%s) has no quotation under it and was left out; put the quotation under it or delete it", s)
			} else {
				p.note(u.line, "read %q as the number of the quote under it, not a heading", s)
			}
			i++
			continue
		}
		if bareNumberRE.MatchString(s) {
			// "2." alone: the number of the quote in the next unit, or
			// an item left empty when that is numbered too or there is
			// none (it was kept as a quote "2.", with a warning that it
			// was neither numbered nor quoted).
			if i+1 >= len(units) || bareNumberRE.MatchString(units[i+1].text) || numberedRE.MatchString(units[i+1].text) {
				p.warn(u.line, "an empty item (%s) of the quotes list was left out; give it its quotation or delete it", s)
			}
			i++
			continue
		}
		if m := explanation(s); m != nil && len(qs) > 0 {
			q := &qs[len(qs)-1].q
			if m[1] != "" {
				q.Explanation = append(q.Explanation, text(m[1]))
			}
			labelled = true
			i++
			for m[1] == "" && i < len(units) && p.plainUnit(units[i], "") && !quoteLabelLine(units[i].text) {
				q.Explanation = append(q.Explanation, text(units[i].text))
				i++
			}
			continue
		}
		if src, ok := attributionOf(s); ok && len(qs) > 0 && (qs[len(qs)-1].q.Attribution == nil || qs[len(qs)-1].speaker) {
			last := &qs[len(qs)-1]
			if last.speaker {
				// "MACBETH: Tomorrow…" then "(Act 5, Scene 5)".
				src = last.q.Attribution.Plain() + ", " + src
				last.speaker = false
			}
			last.q.Attribution = text(src)
			i++
			continue
		}
		if q, n, ok := p.taggedVerse(units, i); ok {
			qs = append(qs, quoteUnit{u, q, true, false})
			i += n
			continue
		}
		if b, n, ok := p.quoteAt(units, i); ok {
			q := content.Quote{Text: b.Text, Lines: b.Lines, Attribution: b.Attribution}
			slashVerse(&q)
			qs = append(qs, quoteUnit{u, q, true, false})
			i += n
			continue
		}
		if sp, rest, ok := p.speechStart(units, i); ok {
			q := content.Quote{Attribution: text(sp)}
			lines := []string{}
			if rest != "" {
				lines = append(lines, rest)
			}
			j := i + 1
			for ; j < len(units) && !units[j].before && p.speechLine(units[j]); j++ {
				lines = append(lines, units[j].text)
			}
			if len(lines) == 1 {
				l := lines[0]
				if in, _, ok := wholeQuote(l); ok {
					l = in
				}
				q.Text = text(l)
			} else {
				for _, l := range lines {
					q.Lines = append(q.Lines, text(l))
				}
			}
			if len(lines) > 0 {
				qs = append(qs, quoteUnit{u, q, true, true})
				i = j
				continue
			}
		}
		inner, numbered := quoteNumber(s)
		if n := p.numberedVerse(units[i:], inner, numbered); n > 0 {
			// "1. But, soft! what light…" and the lines of verse set
			// tight under it: one quote of verse (its source, a line of
			// its own after it, is read next).
			q := content.Quote{Lines: []content.Text{text(inner)}}
			for _, v := range units[i+1 : i+n] {
				q.Lines = append(q.Lines, text(v.text))
			}
			qs = append(qs, quoteUnit{u, q, true, false})
			i += n
			continue
		}
		var src string
		if q, a, ok := trailingAttribution(inner); ok {
			inner, src = q, a
		}
		if in, _, ok := wholeQuote(inner); ok {
			inner = in // the number is already off: strip only the marks
		}
		q := content.Quote{Text: text(inner), Attribution: text(src)}
		slashVerse(&q)
		qs = append(qs, quoteUnit{u, q, numbered, false})
		i++
	}
	explained := 0
	for i := 1; i < len(qs); i++ {
		if qs[i-1].marked && !qs[i].marked {
			explained++
		}
	}
	// Under a heading in the singular ("Zitat", "Key Quote"), one quote
	// and a paragraph after it are the quote and its commentary (the
	// paragraph was a second quote, with a warning).
	commentary := len(qs) > 0 && qs[0].marked && (explained >= 2 || (labelled || vocab.SingularQuotes(st.quotesTitle)) && explained >= 1)
	if commentary {
		p.note(st.quotesAt, "read the paragraphs that follow the quotes under %q, neither numbered nor in quotation marks, as the explanation of the quote before each", st.quotesTitle)
	}
	last := -1
	for _, q := range qs {
		if !q.marked {
			if commentary && last >= 0 {
				// The paragraph is commentary on the quote before it, and
				// so is what was read as its own: an "Analysis:" label's
				// paragraphs, and an attribution on a line of its own
				// (the source of that quote).
				prev := &p.g.Quotes[last]
				para := p.smart(q.text)
				prev.Explanation = append(prev.Explanation, content.Plain(para))
				prev.Explanation = append(prev.Explanation, q.q.Explanation...)
				if a := q.q.Attribution; len(a) > 0 && !strings.Contains(para, a.Plain()) {
					if len(prev.Attribution) == 0 {
						prev.Attribution = a
					} else {
						prev.Explanation = append(prev.Explanation, a)
					}
				}
				continue
			}
			p.doubtful++
			p.warn(q.line, "kept %q as a highlighted quote, though it is neither numbered nor in quotation marks; if it is commentary, label it \"Explanation:\"", clip(q.text))
		}
		p.g.Quotes = append(p.g.Quotes, q.q)
		last = len(p.g.Quotes) - 1
		st.quotesN++
	}
}

// numberedVerse returns how many units from the first make one quote of
// verse: a numbered quote (inner, without its number) that is not in
// quotation marks, and the short lines set tight under it that read as
// lines of a poem or a play (most not ending a sentence), two lines at
// least; 0 when they do not.
func (p *parser) numberedVerse(units []unit, inner string, numbered bool) int {
	if !numbered || len(units[0].raw) != 1 || utf8.RuneCountInString(inner) > 100 {
		return 0
	}
	if _, _, ok := wholeQuote(inner); ok {
		return 0
	}
	if _, _, ok := trailingAttribution(inner); ok {
		return 0
	}
	n, stops := 1, 0
	for ; n < len(units) && !units[n].before && len(units[n].raw) == 1 && utf8.RuneCountInString(units[n].text) <= 100 && p.speechLine(units[n]); n++ {
		if _, _, ok := wholeQuote(units[n].text); ok {
			break
		}
	}
	for _, u := range append([]string{inner}, texts(units[1:n])...) {
		if l, _ := utf8.DecodeLastRuneInString(u); l == '.' || l == '!' || l == '?' {
			stops++
		}
	}
	if n < 2 || stops*2 > n+1 {
		return 0
	}
	return n
}

func texts(units []unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.text
	}
	return out
}

// faqUnit handles unit i inside the FAQ; it returns false when the unit
// ends the FAQ and must be read as a heading.
func (p *parser) faqUnit(st *bodyState, i int, u unit) bool {
	q, marked, asks := p.faqQuestion(i)
	if p.heading(i) {
		if anchorOf(u.text) != noAnchor {
			p.closeFAQEntry(st)
			return false
		}
		if _, _, next := p.faqQuestion(i + 1); !asks && p.heading(i+1) && !next {
			p.closeFAQEntry(st) // a section with subsections follows the FAQ
			return false
		}
		if infinitiveRE.MatchString(u.text) && !isQuestion(u.text) {
			p.closeFAQEntry(st) // "What to Read Next": a section after the FAQ
			return false
		}
	}
	if asks && !marked && !isQuestion(u.text) {
		p.note(u.line, "read %q as a question, though it does not end with \"?\"", clip(q))
	}
	if asks {
		p.closeFAQEntry(st)
		var answer []content.Text
		if marked {
			// "Q: Why? A: Because." on one line.
			if iq, ia, ok := vocab.InlineAnswer(q); ok {
				q, answer = iq, []content.Text{content.Plain(p.smart(ia))}
			}
		}
		p.g.FAQ = append(p.g.FAQ, content.FAQEntry{Question: p.smart(strings.TrimSpace(numberedRE.ReplaceAllString(q, ""))), Answer: answer})
		st.entry, st.entryLine, st.entryMarked = &p.g.FAQ[len(p.g.FAQ)-1], u.line, marked
		return true
	}
	p.faqText(st, u)
	return true
}

var (
	// interrogativeRE: the words an English question starts with.
	interrogativeRE = lazyre.New(`(?i)^(?:what|why|how|who|whom|whose|which|when|where|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had)\b`)
)

// faqQuestion says whether unit i of an FAQ is a question, and returns its
// text without a "Q:" label: a line ending in "?", one labelled "Q:", or
// one standing alone as a heading would, worded as a question but without
// its question mark ("What is Dracula about").
func (p *parser) faqQuestion(i int) (q string, marked, ok bool) {
	if i >= len(p.units) {
		return "", false, false
	}
	s := p.units[i].text
	q, marked = questionMark(s)
	if !marked && p.speakerLine(s) {
		return q, false, false // "HAMLET: Is this a dagger?" is a line of the play
	}
	return q, marked, isQuestion(s) || marked || p.heading(i) && interrogative(q)
}

// questionMark strips a "Q:" label ("Q.", "Question 3:") from s and says
// whether there was one.
func questionMark(s string) (string, bool) {
	if n := vocab.QuestionLabel(s); n > 0 {
		return s[n:], true
	}
	return s, false
}

// interrogative says whether s, a line without a question mark, is worded
// as a question: it starts with a question word and is not a sentence.
func interrogative(s string) bool {
	s = numberedRE.ReplaceAllString(s, "")
	last, _ := utf8.DecodeLastRuneInString(s)
	return interrogativeRE.MatchString(s) && !infinitiveRE.MatchString(s) &&
		!strings.ContainsRune(".!:;", last) && !sentenceBreak(s) && anchorOf(s) == noAnchor
}

// infinitiveRE matches headings that open with a question word but are
// titles, not questions: "How to Use This Guide", "What to Read Next",
// "Where Next".
var infinitiveRE = lazyre.New(`(?i)^(?:what|how|where|when|which|who|whom)\s+(?:to|next|else)\b`)

func (p *parser) faqText(st *bodyState, u unit) {
	if st.entry != nil {
		text := u.text
		// The answer's "A:" label, or "A." after a "Q." one.
		if n := vocab.AnswerLabel(text); n > 0 && len(st.entry.Answer) == 0 &&
			(st.entryMarked || strings.ContainsRune(text[:n], ':')) {
			text = text[n:]
		}
		st.entry.Answer = append(st.entry.Answer, content.Plain(p.smart(text)))
		return
	}
	if st.faqIntro == nil {
		title := p.faqIntro(st)
		p.warn(u.line, "text under %q before its first question (a line ending in \"?\") was kept as a section of that name", title)
	}
	st.faqIntro.Blocks = append(st.faqIntro.Blocks, content.Block{Kind: content.Paragraph, Text: content.Plain(p.smart(u.text))})
}

// faqIntro makes the section that keeps the text under the FAQ's heading
// that is no question or answer (st.faqIntro), named as the FAQ is, and
// returns its name as typed.
func (p *parser) faqIntro(st *bodyState) string {
	title := faqName(st)
	p.g.Sections = append(p.g.Sections, content.Section{Title: p.smart(title)})
	st.faqIntro = &p.g.Sections[len(p.g.Sections)-1]
	return title
}

// faqName is the FAQ's heading as typed.
func faqName(st *bodyState) string {
	if st.faqTitle == "" {
		return "Frequently Asked Questions"
	}
	return st.faqTitle
}

// closeFAQEntry ends the current FAQ entry. A question with no answer
// cannot stand in the FAQ; its text is kept with the previous answer.
func (p *parser) closeFAQEntry(st *bodyState) {
	if st.entry == nil {
		return
	}
	e := st.entry
	st.entry = nil
	if len(e.Answer) > 0 {
		return
	}
	q := e.Question
	p.g.FAQ = p.g.FAQ[:len(p.g.FAQ)-1]
	if n := len(p.g.FAQ); n > 0 {
		p.g.FAQ[n-1].Answer = append(p.g.FAQ[n-1].Answer, content.Plain(q))
		p.warn(st.entryLine, "the question %q has no answer; kept it as the last paragraph of the answer before", clip(q))
		return
	}
	// The first question, unanswered: text of the section that keeps
	// what is no question or answer, with one warning, this one (the
	// question is no text "before its first question").
	title := faqName(st)
	if st.faqIntro == nil {
		p.faqIntro(st)
	}
	st.faqIntro.Blocks = append(st.faqIntro.Blocks, content.Block{Kind: content.Paragraph, Text: content.Plain(q)})
	p.warn(st.entryLine, "the question %q has no answer; kept it as text in a section %q", clip(q), title)
}

// finish merges diagnostics: encoding repairs first (they concern the whole
// file), then the parser's in source order.
func (p *parser) finish() {
	p.reportDropped()
	if p.verseNumbers > 0 {
		lines := "lines"
		if p.verseNumbers == 1 {
			lines = "line"
		}
		p.note(p.verseNumbersLine, "dropped the line numbers printed beside %d %s of verse, the first on this line (an edition's numbering, not words of the lines)", p.verseNumbers, lines)
	}
	vocab.DiscussionPrompts(p.g.Sections)
	if len(p.answers) > 0 {
		where := vocab.AddAnswerKey(p.g, p.answers)
		p.note(p.answersLine, "read the options ticked (☑) among empty boxes (☐) as the quiz's answers (%d): they are gathered %s, each after its question; the options are kept without the boxes", len(p.answers), where)
	}
	if p.ticksLine != 0 {
		p.note(p.ticksLine, "dropped the ticks (☑) of options among empty boxes (☐) under %q, the first on this line: it asks no question, so they were read as a checklist's, not a quiz's answers; the options are kept without the boxes. If they are the answers, end the question with \"?\" and they are gathered in an answer key", clip(p.ticksUnder))
	}
	// "Author: Arthur Conan Doyle", "Date of first publication: December
	// 1847" in the key facts, when the title lines named neither.
	if p.noAuthorLine != 0 || p.g.Book.Year == 0 {
		f := vocab.KeyFacts(p.g.Sections)
		if p.noAuthorLine != 0 {
			if f.Author != "" {
				p.g.Book.Author = f.Author
				p.note(0, "took the book's author, %q, from the key fact %q", f.Author, f.AuthorTerm)
			} else {
				w := content.Diagnostic{Line: p.noAuthorLine, Severity: content.Warning, Message: "no author found; put \"by AUTHOR\" on the line under the title"}
				p.diags = slices.Insert(p.diags, p.noAuthorAt, w)
			}
		}
		if p.g.Book.Year == 0 && f.Year != 0 {
			p.g.Book.Year = f.Year
			p.note(0, "took the book's year, %d, from the key fact %q", f.Year, f.YearTerm)
		}
	}
	d := p.repairs.Diagnostics()
	d = append(d, p.diags...)
	stableByLine(d)
	p.g.Diagnostics = d
}

func stableByLine(d []content.Diagnostic) {
	// insertion sort: few diagnostics, and stability keeps the order of
	// those on the same line.
	for i := 1; i < len(d); i++ {
		for j := i; j > 0 && d[j].Line < d[j-1].Line; j-- {
			d[j], d[j-1] = d[j-1], d[j]
		}
	}
}

// check refuses text with no study-guide structure: no section with text,
// no quotes, no FAQ (a shopping list, a letter, a single paragraph).
func (p *parser) check() error {
	if len(p.g.Quotes) > 0 || len(p.g.FAQ) > 0 {
		return nil
	}
	var has func([]content.Section) bool
	has = func(ss []content.Section) bool {
		for _, s := range ss {
			if len(s.Blocks) > 0 || has(s.Subsections) {
				return true
			}
		}
		return false
	}
	if has(p.g.Sections) {
		return nil
	}
	return &content.LineError{Line: 0, Err: fmt.Errorf("found no study-guide structure (no headings with text under them, no quotes, no FAQ); %s", formatHint)}
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:57]) + "…"
}

// slashVerse makes a quotation of verse on one line, its line breaks
// marked with a slash between spaces ("La parfaite raison fuit toute
// extrémité, / Et veut que…", as MLA writes them), a quote of lines.
func slashVerse(q *content.Quote) {
	if len(q.Lines) > 0 {
		return
	}
	if lines := slashLines(q.Text.Plain()); lines != nil {
		q.Text = nil
		for _, l := range lines {
			q.Lines = append(q.Lines, content.Plain(l))
		}
	}
}

// slashLines splits a quotation of verse whose line breaks are marked
// with a slash between spaces into its lines, or returns nil: every line
// has two words or more and each after the first opens with a capital,
// as verse's lines do ("parler / ou se taire" in prose is no verse).
func slashLines(s string) []string {
	if !strings.Contains(s, " / ") {
		return nil
	}
	lines := strings.Split(s, " / ")
	for k, l := range lines {
		lines[k] = strings.TrimSpace(l)
		r, _ := utf8.DecodeRuneInString(lines[k])
		if wordCount(lines[k]) < 2 || k > 0 && !unicode.IsUpper(r) {
			return nil
		}
	}
	return lines
}

// quoteLabelLine: s, a line under the quotes heading, is only a quote's
// number or the word for a quote ("Quote #2", "Zitat 3", "Quote").
func quoteLabelLine(s string) bool {
	return len(s) < 40 && (vocab.QuoteLabel(s) == len(s) || vocab.QuoteWord(s))
}

// taggedVerse reads a quotation of verse whose first line closes its marks
// on a speech tag, the lines after it set tight under it and its source
// last ("\"I am half sick of shadows,\" said" / "The Lady of Shalott." /
// "(Part II, lines 71–72)"): one quote of those lines, as typed, and its
// attribution, and how many units it took. Each line was a quote of its
// own, with a warning.
func (p *parser) taggedVerse(units []unit, i int) (content.Quote, int, bool) {
	s := units[i].text
	first, size := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(`"“«„`, first) || utf8.RuneCountInString(s) > 80 {
		return content.Quote{}, 0, false
	}
	if _, _, whole := wholeQuote(s); whole || !strings.ContainsAny(s[size:], `"”»“`) {
		return content.Quote{}, 0, false
	}
	if _, _, ok := trailingAttribution(s); ok {
		return content.Quote{}, 0, false
	}
	j := i + 1
	for j < len(units) && !units[j].before && utf8.RuneCountInString(units[j].text) <= 80 && !listItem(units[j].text) {
		if _, ok := attributionOf(units[j].text); ok {
			break
		}
		j++
	}
	if j == i+1 || j >= len(units) || units[j].before {
		return content.Quote{}, 0, false
	}
	src, ok := attributionOf(units[j].text)
	if !ok {
		return content.Quote{}, 0, false
	}
	q := content.Quote{Attribution: content.Plain(p.smart(src))}
	for _, u := range units[i:j] {
		q.Lines = append(q.Lines, content.Plain(p.smart(u.text)))
	}
	return q, j + 1 - i, true
}
