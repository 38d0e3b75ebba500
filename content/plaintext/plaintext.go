// Package plaintext reads a study guide written as plain text, in the shape
// of the guides guidepress was made for (see DESIGN.md, "The plain-text
// input format"), into the content.Guide model.
//
// The reader works in three passes. It first tidies every line, repairs
// encoding damage and sets aside the residue copied along with the guide
// (reading time, cover caption, shop links, media-player timestamps). It
// then groups the remaining lines into paragraph-level units. Last it walks
// the units with a small state machine: header (title, by-line), synopsis,
// highlighted quotes, body sections and subsections, FAQ. Headings are
// recognised by layout (a short line standing alone between blank lines)
// and anchored by known section names where the layout is ambiguous.
//
// Nothing but residue is dropped: every other line ends up in the model,
// and whatever was guessed is reported as a diagnostic with its line.
package plaintext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/typography"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/templates/labels"
)

// Options change how a guide is read.
type Options struct {
	// Language is the BCP 47 tag of the guide; "" means content.DefaultLanguage.
	Language string
	// NoSmart keeps straight quotes, "--" and "..." as typed. Encoding
	// damage is repaired either way.
	NoSmart bool
}

// TitleSuffix is appended to the book's title to make the guide's title.
const TitleSuffix = " — A Study Guide"

// Parse reads text (UTF-8 with LF line ends, as decode.Text returns it) into
// a guide. It fails with a *content.LineError when the text has no
// recognisable study-guide structure.
func Parse(text string, opts Options) (*content.Guide, error) {
	p := &parser{opts: opts, g: &content.Guide{Language: opts.Language}, repairs: typography.NewRepairs()}
	if p.g.Language == "" {
		p.g.Language = content.DefaultLanguage
	}
	p.split(text)
	if opts.Language == "" {
		p.detectLanguage(text)
	}
	if err := p.header(); err != nil {
		return nil, err
	}
	p.body()
	p.finish()
	if err := p.check(); err != nil {
		return nil, err
	}
	return p.g, nil
}

type parser struct {
	opts    Options
	g       *content.Guide
	repairs *typography.Repairs
	units   []unit
	i       int // next unit
	// blockTitle is the title of the section whose blocks are being
	// built (a matching exercise's heading: matching).
	blockTitle string
	// answers: a quiz's options ticked among empty boxes (tickedAnswers),
	// the first on answersLine, for the answer key.
	answers     []vocab.Answer
	answersLine int
	// ticksLine: the first option ticked among empty boxes under a line
	// that asks no question (ticksUnder), whose tick is dropped.
	ticksLine  int
	ticksUnder string

	captionTitle, captionAuthor string
	captionLine                 int
	byLine                      int
	// noAuthorLine is the line the "no author found" warning is about
	// (0: an author was found), noAuthorAt its place among diags.
	noAuthorLine, noAuthorAt int

	// diagnostics in source order, merged at the end
	diags []content.Diagnostic

	// residue dropped, by kind, in order of first appearance
	dropped []droppedKind

	// outline is the state of labelled headings (see outline.go).
	outline outlineState

	// play is set when the text has acts, scenes or a cast list.
	play bool
	// cast counts the names that label speeches (see scanCast).
	cast map[string]int
	// wrapWidth is the column a hard-wrapped file is wrapped at (0 when
	// it is not).
	wrapWidth int

	// verseNumbers counts the line numbers dropped beside verse, the
	// first on verseNumbersLine (see unnumbered).
	verseNumbers, verseNumbersLine int

	// doubtful counts the structural decisions made on layout alone or
	// otherwise open to doubt (each is a warning or a note that says how
	// to override it); inspect prints the count.
	doubtful int
}

type droppedKind struct {
	kind  string
	line  int
	count int
	diag  int // index of its note in diags
}

func (p *parser) warn(line int, format string, args ...any) {
	p.diags = append(p.diags, content.Diagnostic{Line: line, Severity: content.Warning, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) note(line int, format string, args ...any) {
	p.diags = append(p.diags, content.Diagnostic{Line: line, Severity: content.Info, Message: fmt.Sprintf(format, args...)})
}

// smart applies smart punctuation unless switched off.
func (p *parser) smart(s string) string {
	if p.opts.NoSmart {
		return s
	}
	return typography.SmartIn(s, p.g.Language)
}

// split is the first pass: tidy, repair, set residue aside, group units.
func (p *parser) split(text string) {
	lines := strings.Split(strings.ToValidUTF8(text, "\uFFFD"), "\n")
	p.wrapWidth = hardWrapped(lines)
	wrapped := p.wrapWidth > 0
	if !wrapped && p.units == nil {
		// A unit a line at most, and about that many when the lines are
		// short (a guide of one-line sections): sized once, not doubled.
		n := 0
		for _, raw := range lines {
			if strings.TrimSpace(raw) != "" {
				n++
			}
		}
		p.units = make([]unit, 0, n)
	}
	var cur unit // the unit being read, when have
	have := false
	var more []string // lines that continue cur, joined when it is flushed (+= was quadratic in them)
	flush := func(after bool) {
		if have {
			if len(more) > 0 {
				cur.text += " " + strings.Join(more, " ")
				more = more[:0]
			}
			cur.after = after
			p.units = append(p.units, cur)
			have = false
		}
	}
	sep := true // the start of the file counts as a blank line
	var last, lastRaw string
	heads := runningHeads(lines)
	for i, raw := range lines {
		n := i + 1
		s := tidy(p.repairs.Line(n, tidy(raw))) // a repair can leave only a space
		if s == "" {
			flush(true)
			sep = true
			continue
		}
		r := classifyResidue(s)
		if r == webFurniture && formField(lines, i) {
			r = notResidue
		}
		if r == notResidue && heads != nil {
			if key, _, ok := headOf(raw); ok && heads[key] {
				r = runningHead
			}
		}
		if r != notResidue {
			p.residue(n, s, r)
			flush(true)
			sep = true
			continue
		}
		raw = strings.TrimRight(raw, " \t\r")
		if b, ok := wordBullet(raw); ok {
			raw, s = b, tidy(b)
		}
		indent := indentOf(raw)
		if have && p.joins(&cur, last, lastRaw, s, raw, indent, wrapped) {
			more = append(more, s)
			cur.raw = append(cur.raw, raw)
			last, lastRaw = s, raw
			continue
		}
		flush(false)
		cur, have = unit{text: s, line: n, before: sep, raw: []string{raw}, indent: indent}, true
		last, lastRaw = s, raw
		sep = false
	}
	flush(true)
	if !wrapped && p.unspaced() {
		// Blank lines say nothing in a file that has almost none, as
		// text copied from a web page often comes: every line is a
		// paragraph or a heading of its own.
		for i := range p.units {
			p.units[i].before, p.units[i].after = true, true
		}
		p.note(p.units[0].line, "the file has few blank lines between paragraphs; read every line as a paragraph or a heading of its own")
	}
	p.scanCast()
	md, first := 0, 0
	for _, u := range p.units {
		if markdownish(u.text) {
			if md == 0 {
				first = u.line
			}
			md++
		}
	}
	if md >= 3 && md*10 >= len(p.units) {
		p.warn(first, "this text looks like Markdown (%d lines with #, ** or link marks); it was read as plain text, so the marks stay as typed; name the file .md to read it as Markdown, or check it with inspect --markdown", md)
	}
}

// formField: lines[i], a pupil's blanks ("Date: ________"), is set tight
// with a blank of another kind ("Chapters read: ________"): the two are
// the fields of a form the handout asks its readers to fill in (a group's
// meeting notes, a reading log), text of its section as the other is, not
// a worksheet's name-and-date line.
func formField(lines []string, i int) bool {
	if vocab.Furniture(tidy(lines[i])) != vocab.FormLine {
		return false
	}
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(lines) {
			continue
		}
		t := tidy(lines[j])
		if len(t) > 200 || !strings.Contains(t, "___") || !strings.Contains(t, ":") {
			continue
		}
		if vocab.Furniture(t) == "" {
			return true
		}
	}
	return false
}

func indentOf(raw string) int {
	n := 0
	for _, r := range raw {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// unspaced reports text whose paragraphs mostly follow each other without a
// blank line between them: more units start right under the one before
// than after a blank line. Items of a list or an outline, which are set
// tight on purpose (numbered, bulleted or indented), say nothing of it.
func (p *parser) unspaced() bool {
	tight, loose := 0, 0
	units := p.units[min(1, len(p.units)):]
	for i := 0; i < len(units); i++ {
		u := units[i]
		if castHeading(u.text) && i+1 < len(units) {
			// A cast list's names are set tight on purpose, as a
			// list's items are: they say nothing (a play's short
			// guide, its cast the most of its lines, was read as
			// having no blank lines, each name a heading).
			if u.before {
				loose++
			}
			if i++; units[i].before {
				loose++
			}
			for i+1 < len(units) && !units[i+1].before {
				i++
			}
			continue
		}
		if n := verseLines(units[i:]); n >= 4 {
			i += n - 1 // a poem set tight: its lines say nothing
			if u.before {
				loose++
			}
			continue
		}
		switch {
		case u.before:
			loose++
		case u.indent == 0 && !listItem(u.text) && !labelLine(u.text):
			tight++
		}
	}
	return tight >= 4 && tight > 2*loose
}

// verseLines is the number of units from the first, set tight, that
// read as a poem's lines (verseLike).
func verseLines(units []unit) int {
	n := 0
	for n < len(units) && (n == 0 || !units[n].before) && verseLike(units[n].text) {
		n++
	}
	return n
}

// verseLike: a short line that is no heading (not in title case) and
// does not end a sentence ("Half sunk a shattered visage lies, whose
// frown,"), as a poem's lines are. Four or more set tight are a poem,
// which says nothing of a file's blank lines: a sonnet made the file one
// with "few blank lines", each of its lines a heading or a paragraph.
func verseLike(s string) bool {
	if len(s) > 4*60 || utf8.RuneCountInString(s) > 60 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "0123456789 "))
	return !strings.ContainsRune(".!?:\"”", last) && wordCount(s) >= 3 && !headingCase(s) && !listItem(s)
}

// titleLabels are the labels a title line may carry ("Title: Emma"), in
// the languages of the vocabulary.
var titleLabels = []string{"title", "book title", "book", "novel", "título", "titre", "titel", "titolo"}

// titleLabel strips a label from a first line "Title: X" and reports
// whether it had one.
func titleLabel(s string) (string, bool) {
	label, rest, ok := strings.Cut(s, ":")
	rest = strings.TrimSpace(rest)
	if !ok || rest == "" {
		return s, false
	}
	for _, l := range titleLabels {
		if strings.EqualFold(strings.TrimSpace(label), l) {
			return rest, true
		}
	}
	return s, false
}

// wordBullet reads Word's hollow bullet as pasted, "o" and a tab ("o<TAB>Find
// Prince Edward Island…"), as the bullet it is: the line with "•" in its
// place, indent kept. A lone "o" before a space is a word (Portuguese,
// Spanish), so the tab is needed.
func wordBullet(raw string) (string, bool) {
	t := strings.TrimLeft(raw, " \t")
	if len(t) < 3 || t[0] != 'o' || t[1] != '\t' {
		return raw, false
	}
	return raw[:len(raw)-len(t)] + "• " + strings.TrimLeft(t[2:], " \t"), true
}

// labelLine: a line that is an item by its label, set tight with others
// of its kind on purpose: "Related Themes: Identity", "A. Chauvelin".
func labelLine(s string) bool {
	if _, _, ok := colonDef(s); ok {
		return true
	}
	return len(s) >= 4 && s[0] >= 'A' && s[0] <= 'Z' && upperItemRE.MatchString(s)
}

func (p *parser) residue(n int, s string, r residue) {
	kind := r.String()
	switch r {
	case readingTime:
		if p.g.ReadingMinutes == 0 {
			p.g.ReadingMinutes = parseMinutes(s)
			p.note(n, "reading time: %d minutes", p.g.ReadingMinutes)
			return
		}
	case coverCaption:
		if m := captionRE.FindStringSubmatch(s); m != nil && p.captionLine == 0 {
			p.captionTitle, p.captionAuthor, p.captionLine = strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), n
		}
	case webFurniture:
		kind = vocab.Furniture(s)
	}
	for i := range p.dropped {
		if p.dropped[i].kind == kind {
			p.dropped[i].count++
			return
		}
	}
	p.dropped = append(p.dropped, droppedKind{kind: kind, line: n, count: 1, diag: len(p.diags)})
	p.note(n, "dropped the %s on this line (page residue, not part of the guide)", kind)
}

// reportDropped says once per kind what residue was dropped. The message
// does not quote the lines: residue must not reappear anywhere in the
// model, diagnostics included.
func (p *parser) reportDropped() {
	for _, d := range p.dropped {
		if d.count > 1 {
			p.diags[d.diag].Message = fmt.Sprintf("dropped %d lines of %s, the first on this line (page residue, not part of the guide)", d.count, plural(d.kind))
		}
	}
}

func plural(kind string) string {
	switch {
	case strings.HasSuffix(kind, "s"):
		return kind
	case strings.HasSuffix(kind, "residue"):
		return kind
	}
	return kind + "s"
}

// maxLanguageHeads bounds the units read for section names: a text too
// short for its words to tell its language has few.
const maxLanguageHeads = 200

// readWords is vocab.DetectLanguage: the one reading of a guide's words
// that tells its language (a test counts the readings).
var readWords = vocab.DetectLanguage

// detectLanguage sets the guide's language from its words when no
// language was given; when they are too few to tell, from the known
// section names among its lines ("Streszczenie", "Bohaterowie"), as the
// Markdown reader does with its headings (a short Polish guide was
// English). The words are read once, and the names gathered only when
// they settle nothing (vocab.DecideLanguageBy).
func (p *parser) detectLanguage(text string) {
	lang, sev, msg := vocab.DecideLanguageBy(text, p.g.Language, readWords, p.languageHeads)
	p.g.Language = lang
	switch sev {
	case content.Info:
		p.note(0, "%s", msg)
	case content.Warning:
		p.doubtful++
		p.warn(0, "%s", msg)
	}
}

// languageHeads lists the lines among the first units that may name a
// section: the first line of each unit set after a blank line, short as a
// heading is, standing alone or typed tight over its text ("Streszczenie"
// over "Tadeusz wraca…"; a heading needed a blank line after it too).
func (p *parser) languageHeads() []string {
	var heads []string
	for _, u := range p.units[:min(len(p.units), maxLanguageHeads)] {
		switch {
		case !u.before:
		case len(u.raw) == 1:
			if len(u.text) <= 60 {
				heads = append(heads, u.text)
			}
		default:
			if h := tidy(u.raw[0]); len(h) <= 60 {
				heads = append(heads, h)
			}
		}
	}
	return heads
}

// header reads the title and the author.
func (p *parser) header() error {
	if len(p.units) == 0 {
		return &content.LineError{Line: 0, Err: fmt.Errorf("there is no text besides page residue (reading time, shop links); %s", formatHint)}
	}
	first := p.units[0]
	title := first.text
	if t, ok := titleLabel(title); ok {
		// "Title: The War of the Worlds" over "Author: H. G. Wells": a
		// record's fields, the label no part of the title.
		title = t
		p.note(first.line, "read %q as the book's title, without its label", t)
	}
	guideTitle := ""
	switch {
	case utf8.RuneCountInString(title) > 200 || sentenceBreak(title) || strings.HasSuffix(title, "."):
		if p.captionTitle == "" {
			return &content.LineError{Line: first.line, Err: fmt.Errorf("the first line should be the book's title, but it is a paragraph; %s", formatHint)}
		}
		// The caption names the book; the paragraph is the synopsis.
		title = p.captionTitle
		p.warn(first.line, "the file does not start with the book's title; took %q from the cover caption on line %d", title, p.captionLine)
	case anchorOf(title) != noAnchor:
		if p.captionTitle == "" {
			return &content.LineError{Line: first.line, Err: fmt.Errorf("the file starts with the heading %q, not the book's title; put the title on line 1 and the author on a line \"by AUTHOR\" under it", title)}
		}
		title = p.captionTitle
		p.warn(first.line, "the file does not start with the book's title; took %q from the cover caption on line %d", title, p.captionLine)
	default:
		p.i = 1
		// A title line long enough to run into its by-line makes one unit
		// ("… for AP Students" / "by Robert Louis Stevenson"): the guide's
		// title ends before the by-line, which stays with the book's
		// title for splitBy.
		// So does one in another language ("… — Klasse 9" / "von Theodor
		// Storm"): its last source line is the by-line.
		head, tail := title, ""
		if len(first.raw) > 1 {
			if i := strings.LastIndex(title, " by "); i > 0 {
				if _, ok := vocab.ByLine(strings.TrimSpace(title[i:])); ok {
					head, tail = title[:i], title[i:]
				}
			}
			last := strings.TrimSpace(first.raw[len(first.raw)-1])
			if a, ok := vocab.ForeignByLine(last); tail == "" && ok && p.nameLine(unit{text: stripYear(a)}) && strings.HasSuffix(title, " "+last) {
				head, tail = title[:len(title)-len(last)-1], title[len(title)-len(last)-1:]
			}
		}
		if book, ok := vocab.GuideTitle(head); ok {
			guideTitle, title = head, book+tail
		}
	}
	p.g.Book.Title = title

	// A line under the title that only names the guide: "A Study Guide".
	subtitle := ""
	if p.i == 1 && p.i < len(p.units) {
		if u, note := printNote(p.units[p.i]); vocab.GuideName(u.text) || guideTitle == "" && p.subtitle(u) {
			guideTitle = title + " — " + u.text
			subtitle = u.text
			p.printNoteLeftOut(u, note)
			p.i++
		}
	}

	// "Title: The Moonstone" under "Book Report: The Moonstone": a book
	// report's field that names the book again, over its "Author:" (it
	// was the synopsis, and the author under it was not looked for).
	if p.i == 1 && p.i < len(p.units) {
		if t, ok := vocab.TitleField(p.units[p.i].text); ok && strings.EqualFold(t, title) {
			p.note(p.units[p.i].line, "left out %q: it names the book again", p.units[p.i].text)
			p.i++
		}
	}
	if p.i < len(p.units) && p.i <= 2 {
		u := p.units[p.i]
		author, ok := vocab.ByLine(u.text)
		if !ok {
			author, ok = vocab.ForeignByLine(u.text)
			ok = ok && p.nameLine(unit{text: stripYear(author)})
		}
		if !ok && p.i == 1 && p.captionAuthor == "" {
			// "Anonymous, 1901", "Anónimo": no name, but the author's line.
			if a, anon := vocab.Anonymous(stripYear(u.text)); anon {
				author, ok = strings.Replace(u.text, stripYear(u.text), a, 1), true
			}
		}
		if ok && utf8.RuneCountInString(u.text) <= 120 {
			if a, anon := vocab.Anonymous(stripYear(author)); anon {
				author = strings.Replace(author, stripYear(author), a, 1) // "Autor anónimo"
			}
			p.byLine = u.line
			p.g.Book.Author = author
			p.i++
			if p.g.Book.Author == "" && p.i < len(p.units) && p.nameLine(p.units[p.i]) {
				u := p.units[p.i]
				p.g.Book.Author = u.text
				p.i++
				if p.captionAuthor != "" && !strings.EqualFold(u.text, p.captionAuthor) {
					p.warn(p.captionLine, "the cover caption names the author %q, but the line under \"by\" says %q; kept the line under \"by\"", p.captionAuthor, u.text)
				}
			}
		} else if p.i == 1 && p.captionAuthor == "" && (p.bareName(p.i) || p.caselessName(p.i)) {
			// A personal name standing alone under the title.
			p.byLine = u.line
			p.g.Book.Author = u.text
			p.i++
			p.note(u.line, "read %q, a name standing under the title, as the book's author; if it is not, put \"by AUTHOR\" there instead", u.text)
		}
	}
	class := "" // the class a handout is for: "English 10"
	// Under the by-line: the guide's own name ("A Study Guide for
	// Students", "Teacher Notes", "Jane Eyre — Teacher's Handout") and the
	// year of publication ("Published: 1886"), in either order.
	for k := 0; k < 2 && p.byLine != 0 && p.i < len(p.units); k++ {
		u := p.units[p.i]
		if name, ok := vocab.GuideCredit(u.text); ok && p.g.Author == "" && len(u.raw) == 1 {
			// "Prepared by Mrs. Alvarez": the guide's own author.
			p.g.Author = name
			p.note(u.line, "read %q as the guide's own author (not the book's)", name)
			p.i++
			k-- // besides the guide's name and the year
			continue
		}
		if c, teacher, ok := vocab.ClassLine(u.text); ok && class == "" && len(u.raw) == 1 {
			// "English 10 – Mrs. Alvarez": the class the handout is for
			// names the guide, as "3.º de ESO" after its name does; the
			// teacher is the guide's author. It was an empty section.
			class = c
			if teacher != "" && p.g.Author == "" {
				p.g.Author = teacher
				p.note(u.line, "read %q as the class the guide is for and %q as the guide's own author (not the book's)", c, teacher)
			} else {
				p.note(u.line, "read %q as the class the guide is for", u.text)
			}
			p.i++
			k--
			continue
		}
		if y, ok := vocab.Published(u.text); ok && p.g.Book.Year == 0 {
			p.g.Book.Year = y
			p.note(u.line, "read %q as the book's year of publication", u.text)
			p.i++
			continue
		}
		if n, note := printNote(u); guideTitle == "" && (p.subtitle(n) || p.quizName(p.i)) {
			subtitle = n.text
			p.printNoteLeftOut(n, note)
			p.i++
			continue
		}
		if n, note := printNote(u); guideTitle == "" && len(u.raw) == 1 {
			if rest, ok := cutPrefixFold(n.text, title); ok {
				if r := strings.TrimLeft(rest, " —–:|-"); r != rest && r != "" && (vocab.GuideName(r) || vocab.GuideSubtitle(r)) {
					guideTitle = n.text
					p.printNoteLeftOut(n, note)
					p.i++
					continue
				}
			}
		}
		break
	}
	if p.g.Book.Author == "" && p.byLine == 0 && p.captionAuthor != "" {
		// "TITLE by AUTHOR" on line 1, confirmed by the caption; the
		// words are taken from line 1 as written.
		for i := 0; i+4 <= len(title); i++ {
			if title[i] != ' ' || title[i+1]|0x20 != 'b' || title[i+2]|0x20 != 'y' || title[i+3] != ' ' {
				continue
			}
			t, a := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+4:])
			if strings.EqualFold(t, p.captionTitle) && strings.EqualFold(a, p.captionAuthor) {
				p.g.Book.Title, p.g.Book.Author = t, a
				p.note(first.line, "read line 1 as title %q by %q, as the cover caption on line %d has it", t, a, p.captionLine)
				break
			}
		}
	}
	if p.g.Book.Author == "" && p.byLine == 0 && p.captionAuthor == "" {
		// "TITLE by AUTHOR" on line 1 (or after "Study Guide:"): the
		// part after the last " by " is a personal name.
		if t, a, ok := p.splitBy(p.g.Book.Title, guideTitle != ""); ok {
			p.g.Book.Title, p.g.Book.Author = t, a
			p.note(first.line, "read the title line as the book %q by %q; if the title goes on past that point, put the author on a line \"by AUTHOR\" under it", t, a)
		}
	}
	if p.g.Book.Author == "" && p.captionAuthor != "" {
		p.g.Book.Author = p.captionAuthor
		p.note(p.captionLine, "took the author %q from the cover caption", p.captionAuthor)
	}
	if p.g.Book.Author == "" {
		line := p.byLine
		if line == 0 {
			line = first.line
		}
		// Said at the end, in its place, unless the key facts name the
		// author (finish).
		p.noAuthorLine, p.noAuthorAt = line, len(p.diags)
	}
	// The year of publication, after the title or the author.
	for _, f := range []*string{&p.g.Book.Author, &p.g.Book.Title} {
		if rest, y, ok := vocab.Year(*f); ok && p.g.Book.Year == 0 {
			*f, p.g.Book.Year = rest, y
		}
	}
	if p.captionTitle != "" && !strings.EqualFold(p.captionTitle, p.g.Book.Title) {
		p.warn(p.captionLine, "the cover caption names the book %q, but the title line says %q; kept the title line", p.captionTitle, p.g.Book.Title)
	}
	if t := strings.TrimRight(p.g.Book.Title, ": "); t != "" {
		p.g.Book.Title = t // "Frankenstein:" as a heading would be written
	}
	if subtitle != "" {
		guideTitle = p.g.Book.Title + " — " + subtitle
	}
	if guideTitle != "" {
		p.g.Title = guideTitle
	} else {
		p.g.Title = labels.For(p.g.Language).GuideTitle(p.g.Book.Title)
	}
	if class != "" {
		p.g.Title += " — " + class
	}
	return nil
}

// printNote is u without a bracketed instruction for printing that ends
// it ("Handout (print double-sided)"), and the instruction ("" when it has
// none): no part of the guide's name, which it was.
func printNote(u unit) (unit, string) {
	name, note := vocab.PrintNote(u.text)
	if note != "" {
		u.text = name
	}
	return u, note
}

// printNoteLeftOut notes that note was left out of u, the guide's name.
func (p *parser) printNoteLeftOut(u unit, note string) {
	if note != "" {
		p.note(u.line, "%s", vocab.PrintNoteLeftOut(note, u.text))
	}
}

// subtitle says whether u, under the title or the by-line, names the
// guide: one line that reads like a guide's name, standing on its own.
func (p *parser) subtitle(u unit) bool {
	return len(u.raw) == 1 && vocab.GuideSubtitle(u.text)
}

// quizName says whether unit i, under the by-line, names the handout as
// a quiz or test ("Chapters 1–3 Quiz — Grade 7", "Unit Test", "Quiz:
// Chapters 4–6"): the guide's name, as a teacher titles the sheet. One
// that is also a section's name ("Chapters 1–3 Quiz") is the guide's
// name only over another heading; over its own questions it is their
// section. It was read as the synopsis, or as an empty section over the
// quiz's parts.
func (p *parser) quizName(i int) bool {
	u := p.units[i]
	if len(u.raw) != 1 || !vocab.Assessment(u.text) {
		return false
	}
	if !u.after {
		// "Chapters 1–3 Quiz" over "English 8 — Mr. Osei": the
		// handout's name and its class, set tight.
		if i+1 >= len(p.units) || len(p.units[i+1].raw) != 1 {
			return false
		}
		_, _, class := vocab.ClassLine(p.units[i+1].text)
		return class && p.units[i+1].after
	}
	if anchorOf(u.text) == noAnchor {
		return true
	}
	if i+1 >= len(p.units) {
		return false
	}
	next := p.units[i+1]
	return next.before && shortHeading(next.text) && !listItem(next.text) && !isQuestion(next.text)
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if prefix == "" || len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

func stripYear(s string) string {
	rest, _, _ := vocab.Year(s)
	return rest
}

// splitBy splits "TITLE by AUTHOR" at the last " by " (or, in a line that
// names itself a study guide, the last " de ", " par ", " von ", " di ")
// when what follows is a personal name of two words or more.
func (p *parser) splitBy(s string, guide bool) (title, author string, ok bool) {
	seps := []string{" by ", " By "}
	if guide {
		seps = append(seps, " de ", " par ", " von ", " di ", " por ", " da ")
	}
	// Of the places where the line could be cut, the one that leaves the
	// shortest name of two words or more: "Don Quijote de la Mancha de
	// Miguel de Cervantes" is cut before "Miguel".
	best := ""
	for _, sep := range seps {
		for from := 0; ; {
			i := strings.Index(s[from:], sep)
			if i < 0 {
				break
			}
			i += from
			from = i + len(sep)
			t, a := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
			name := stripYear(a)
			r, _ := utf8.DecodeRuneInString(name)
			if t == "" || !unicode.IsUpper(r) || wordCount(name) < 2 || wordCount(name) > 5 || !p.nameLine(unit{text: name}) {
				continue
			}
			if best == "" || len(a) < len(best) {
				best, title, author = a, t, a
			}
		}
	}
	return title, author, best != ""
}

// bareName says whether unit i, under the title, is a personal name on
// its own (vocab.BareName: "Kate Chopin", "Voltaire (1759)").
func (p *parser) bareName(i int) bool {
	u := p.units[i]
	if !vocab.BareName(u.text) || !p.nameLine(unit{text: stripYear(u.text)}) {
		return false
	}
	// A heading directly followed by its text is not a name.
	if !u.after && i+1 < len(p.units) && utf8.RuneCountInString(p.units[i+1].text) > 60 {
		return false
	}
	return true
}

// caselessName: a name in a script without capitals (芥川龍之介, प्रेमचंद,
// نجيب محفوظ), which bareName cannot tell by its capitals: one short line
// set directly under the title, a blank line after it, in letters of such
// scripts only (a year after it allowed), and not a heading or a guide's
// name.
func (p *parser) caselessName(i int) bool {
	u := p.units[i]
	s := stripYear(u.text)
	if u.before || !u.after || len(u.raw) != 1 || utf8.RuneCountInString(s) > 30 || wordCount(s) > 4 ||
		anchorOf(s) != noAnchor || vocab.GuideName(s) || vocab.GuideSubtitle(s) {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case caseless(r) || unicode.IsMark(r):
			letters++
		case r == ' ' || r == '・' || r == '·' || r == '\u200c':
		default:
			return false
		}
	}
	return letters >= 2
}

// nameLine says whether u, the unit after a bare "by", is the author's
// name: the caption's author, or a short line of capitalised words
// (particles such as "de" or "van" excepted; the name may be written in
// another script than the caption's, "Фёдор Достоевский").
func (p *parser) nameLine(u unit) bool {
	s := u.text
	if p.captionAuthor != "" && strings.EqualFold(s, p.captionAuthor) {
		return true
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 7 || utf8.RuneCountInString(s) > 80 || anchorOf(s) != noAnchor || listItem(s) {
		return false
	}
	if strings.ContainsAny(s, "?!;:\"“”") {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !vocab.Particle(w) {
			return false
		}
	}
	return true
}

// formatHint ends errors about structure with what the format expects.
const formatHint = "a guide starts with the book's title on line 1 and \"by AUTHOR\" under it, then headings such as \"Plot Summary\" each on a line of its own between blank lines"
