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
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/typography"
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

	captionTitle, captionAuthor string
	captionLine                 int
	byLine                      int

	// diagnostics in source order, merged at the end
	diags []content.Diagnostic
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
	return typography.Smart(s)
}

// split is the first pass: tidy, repair, set residue aside, group units.
func (p *parser) split(text string) {
	lines := strings.Split(strings.ToValidUTF8(text, "\uFFFD"), "\n")
	wrapped := hardWrapped(lines)
	var cur *unit
	flush := func(after bool) {
		if cur != nil {
			cur.after = after
			p.units = append(p.units, *cur)
			cur = nil
		}
	}
	sep := true // the start of the file counts as a blank line
	var last string
	for i, raw := range lines {
		n := i + 1
		s := tidy(p.repairs.Line(n, tidy(raw))) // a repair can leave only a space
		if s == "" {
			flush(true)
			sep = true
			continue
		}
		if r := classifyResidue(s); r != notResidue {
			p.residue(n, s, r)
			flush(true)
			sep = true
			continue
		}
		if cur != nil && continues(last, s, wrapped) {
			cur.text += " " + s
			last = s
			continue
		}
		flush(false)
		cur = &unit{text: s, line: n, before: sep}
		last = s
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
}

// unspaced reports text whose paragraphs mostly follow each other without a
// blank line between them: more units start right under the one before
// than after a blank line.
func (p *parser) unspaced() bool {
	tight, loose := 0, 0
	for _, u := range p.units[min(1, len(p.units)):] {
		if u.before {
			loose++
		} else {
			tight++
		}
	}
	return tight >= 4 && tight > 2*loose
}

func (p *parser) residue(n int, s string, r residue) {
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
	}
	// The message does not quote the line: residue must not reappear
	// anywhere in the model, diagnostics included.
	p.note(n, "dropped the %s on this line (page residue, not part of the guide)", r)
}

// byRE matches the by-line: "by AUTHOR", "By: AUTHOR", "Written by
// AUTHOR", "Author: AUTHOR", or the bare word with the name on the next
// line.
var byRE = regexp.MustCompile(`(?i)^(?:(?:written )?by|author)(?:(?:\s*:\s*|\s+)(.*))?$`)

// header reads the title and the author.
func (p *parser) header() error {
	if len(p.units) == 0 {
		return &content.LineError{Line: 0, Err: fmt.Errorf("there is no text besides page residue (reading time, shop links); %s", formatHint)}
	}
	first := p.units[0]
	title := first.text
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
	}
	p.g.Book.Title = title

	if p.i < len(p.units) {
		if m := byRE.FindStringSubmatch(p.units[p.i].text); m != nil && utf8.RuneCountInString(p.units[p.i].text) <= 120 {
			p.byLine = p.units[p.i].line
			p.g.Book.Author = strings.TrimSpace(m[1])
			p.i++
			if p.g.Book.Author == "" && p.i < len(p.units) && p.nameLine(p.units[p.i]) {
				u := p.units[p.i]
				p.g.Book.Author = u.text
				p.i++
				if p.captionAuthor != "" && !strings.EqualFold(u.text, p.captionAuthor) {
					p.warn(p.captionLine, "the cover caption names the author %q, but the line under \"by\" says %q; kept the line under \"by\"", p.captionAuthor, u.text)
				}
			}
		}
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
	if p.g.Book.Author == "" && p.captionAuthor != "" {
		p.g.Book.Author = p.captionAuthor
		p.note(p.captionLine, "took the author %q from the cover caption", p.captionAuthor)
	}
	if p.g.Book.Author == "" {
		line := p.byLine
		if line == 0 {
			line = first.line
		}
		p.warn(line, "no author found; put \"by AUTHOR\" on the line under the title")
	}
	if p.captionTitle != "" && !strings.EqualFold(p.captionTitle, p.g.Book.Title) {
		p.warn(p.captionLine, "the cover caption names the book %q, but the title line says %q; kept the title line", p.captionTitle, p.g.Book.Title)
	}
	if t := strings.TrimRight(p.g.Book.Title, ": "); t != "" {
		p.g.Book.Title = t // "Frankenstein:" as a heading would be written
	}
	p.g.Title = p.g.Book.Title + TitleSuffix
	return nil
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
		if unicode.IsLower(r) && !particles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

var particles = map[string]bool{"de": true, "da": true, "di": true, "du": true, "del": true, "della": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "y": true, "e": true, "bin": true, "ibn": true, "al": true, "el": true, "ten": true, "ter": true, "zu": true, "and": true, "&": true}

// formatHint ends errors about structure with what the format expects.
const formatHint = "a guide starts with the book's title on line 1 and \"by AUTHOR\" under it, then headings such as \"Plot Summary\" each on a line of its own between blank lines"
