// Package markdown reads a study guide written in Markdown into the
// content.Guide model, on goldmark (CommonMark) with its GFM table,
// definition-list, footnote and task-list extensions.
//
// The mapping is documented in docs/markdown.md: front matter (YAML between
// "---" lines, TOML between "+++" lines) or a "# Title" and "by Author"
// line give the metadata; headings give sections and subsections whatever
// level they start at; the shared vocabulary (content/vocab) turns known
// names into the highlighted quotes, the FAQ and section roles; blockquotes,
// lists, tables, definition lists, "**term** — definition" lines and hard
// line breaks give the model's blocks. Smart punctuation comes from
// content/typography, as for plain text. Whatever cannot be kept as it is
// (images, raw HTML, check boxes) is reported with its line.
package markdown

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/guidepress/guidepress/templates/labels"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Options change how a guide is read.
type Options struct {
	// Language is the BCP 47 tag used when the front matter names none;
	// "" means content.DefaultLanguage.
	Language string
	// NoSmart keeps straight quotes, "--" and "..." as typed.
	NoSmart bool
}

var parsers = sync.Pool{New: func() any {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.DefinitionList, extension.Footnote, extension.TaskList),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
	).Parser()
}}

// Parse reads Markdown text (UTF-8 with LF line ends, as decode.Text
// returns it). It fails with a *content.LineError when the front matter
// does not parse or the guide has no title.
func Parse(src string, opts Options) (*content.Guide, error) {
	r := &reader{g: &content.Guide{}, footnotes: map[int]bool{}, dropped: map[string]bool{}}
	fmBody, fmFormat, fmLines, body, err := splitFrontMatter(src)
	if err != nil {
		return nil, err
	}
	if fmFormat != "" {
		r.hasFM = true
		if r.fm, err = parseFrontMatter(fmBody, fmFormat, r.warn, r.note); err != nil {
			return nil, err
		}
	}
	r.base = fmLines
	if fmFormat == "" {
		body = r.titleBlock(body)
	}
	body = r.pandocDivs(body)
	r.src = []byte(body)
	r.index()
	p := parsers.Get().(parser.Parser)
	doc := p.Parse(text.NewReader(r.src))
	parsers.Put(p)

	g := r.g
	g.Title, g.Author, g.Publisher = r.fm.Title, r.fm.Author, r.fm.Publisher
	g.Book.Title, g.Book.Author, g.Book.Year = r.fm.Book.Title, r.fm.Book.Author, r.fm.Book.Year
	g.Language = r.fm.Language
	if g.Language == "" {
		g.Language = opts.Language
	}
	if g.Language == "" {
		// Neither the front matter nor --lang says: the words tell, as
		// for plain text.
		lang, sev, msg := vocab.DecideLanguageBy(body, content.DefaultLanguage, vocab.DetectLanguage, func() []string { return r.headings(doc) })
		g.Language = lang
		switch sev {
		case content.Info:
			r.note(r.base+1, "%s", msg)
		case content.Warning:
			r.warn(r.base+1, "%s", msg)
		}
	}
	g.ReadingMinutes = r.fm.ReadingMinutes
	g.Cover = r.fm.Cover

	nodes := r.topLevel(doc)
	nodes = r.dropBadges(nodes)
	nodes = r.header(nodes)
	nodes = r.dropContents(nodes)
	nodes = r.boldHeadings(nodes)
	if g.Book.Title == "" {
		if g.Title == "" {
			return nil, &content.LineError{Line: max(r.base, 1), Err: fmt.Errorf("the guide has no title: start it with a \"# Book Title\" heading (and \"by Author\" under it), or with front matter between \"---\" lines that sets title: or book: title:")}
		}
		g.Book.Title = bookOf(g.Title, g.Language)
	}
	if g.Title == "" {
		g.Title = labels.For(g.Language).GuideTitle(g.Book.Title)
	}
	if r.class != "" {
		g.Title += " — " + r.class // "Emma — A Study Guide — Year 7 English"
	}
	// Code typed in the title heading ("# The `sed` Guide") is kept as
	// typed in the book's and the guide's titles made of it, as in a
	// section's title.
	r.keepCode(g.Book.Title, r.titleHeadCode)
	r.keepCode(g.Title, r.titleHeadCode)
	r.wikiLeads(r.src)
	r.body(nodes)
	r.notes()
	r.answerKey()
	r.bookFacts()
	vocab.DiscussionPrompts(g.Sections)
	if g.Synopsis == nil && g.Quotes == nil && g.Sections == nil && g.FAQ == nil {
		return nil, &content.LineError{Line: max(r.base, 1), Err: fmt.Errorf("the guide %q has a title but no text: add a synopsis paragraph or sections under \"## \" headings", g.Title)}
	}
	smart := !opts.NoSmart && (r.fm.Smart == nil || *r.fm.Smart)
	if smart {
		*g = *smarten(g, r.titleCode)
	}
	sort.SliceStable(r.diags, func(i, j int) bool { return r.diags[i].Line < r.diags[j].Line })
	g.Diagnostics = append(g.Diagnostics, r.diags...)
	return g, nil
}

type reader struct {
	g      *content.Guide
	fm     FrontMatter
	hasFM  bool
	src    []byte
	base   int   // lines of front matter before src
	starts []int // byte offset of each line of src
	diags  []content.Diagnostic

	dropped map[string]bool // kinds of page residue dropped
	// titleCode maps a section title or FAQ question typed with code in
	// it to where the code is in it, which smart punctuation leaves as
	// typed (keepCode); questionCode is the text an FAQ question is
	// being read from, when it holds code.
	titleCode map[string][][2]int
	// titleHeadCode is the title heading's text when it holds code
	// (codeIn), for the titles made of it.
	titleHeadCode content.Text
	questionCode  content.Text
	// wikiTerms: the texts of wiki links that open a line (wikiLeads).
	wikiTerms map[string]bool
	// apart: the children of the block quote being read that are read
	// apart from its quotation, as tables (blockquote).
	apart      []ast.Node
	footnotes  map[int]bool // referenced footnote numbers
	footnoteAt []footnote
	boldHeads  map[*ast.Heading]bool // headings typed as bold lines (boldHeadings)
	taskNoted  bool
	tagsNoted  bool // the note-taking tags dropped were said (trailingTags)
	// ticks: a quiz's answers ticked among its options (answerKey);
	// ticking: an option's text is being read for one.
	ticks   []tick
	ticking bool
	// mixedList and mixed: the last options list mixedTicks decided.
	mixedList ast.Node
	mixed     bool
	// class is the class a handout is for, from a line under the title
	// ("Year 7 English — Ms. Okafor"): it ends the guide's title.
	class string
	// discussion: the blocks being read are a discussion section's, whose
	// questions are prompts (a <details> question's too).
	discussion bool
	// termSection: the blocks being read are a vocabulary's, a character
	// list's or key facts', where two columns are terms (tabTerms).
	termSection bool
	// characters: the blocks being read are a character list's, whose
	// lines of names alone are a list (castNames).
	characters bool
	// layoutNoted: the HTML layout tags left out were said (emptyLayout).
	layoutNoted bool
	// keptTitle is a level-1 heading read as the guide's title while the
	// front matter's title was kept ("# Character Tracker" under title:
	// "Middlemarch — Character Tracker"), and its line: a table or list
	// under it starts a section of its name, not the synopsis.
	keptTitle     string
	keptTitleLine int
	// noAuthorLine is the title's line when no author was found there
	// (0 otherwise), noAuthorAt the warning's place among diags.
	noAuthorLine, noAuthorAt int
}

type footnote struct {
	index int
	text  content.Text
	line  int
}

func (r *reader) warn(line int, format string, args ...any) {
	r.diags = append(r.diags, content.Diagnostic{Line: line, Severity: content.Warning, Message: fmt.Sprintf(format, args...)})
}

// warnOnce warns unless the same warning is already there for line.
func (r *reader) warnOnce(line int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, d := range r.diags {
		if d.Line == line && d.Message == msg {
			return
		}
	}
	r.warn(line, "%s", msg)
}

func (r *reader) note(line int, format string, args ...any) {
	r.diags = append(r.diags, content.Diagnostic{Line: line, Severity: content.Info, Message: fmt.Sprintf(format, args...)})
}

func (r *reader) index() {
	r.starts = make([]int, 1, bytes.Count(r.src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(r.src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		r.starts = append(r.starts, i)
	}
}

// lineAt is the file line of byte offset p of src.
func (r *reader) lineAt(p int) int {
	i := sort.Search(len(r.starts), func(i int) bool { return r.starts[i] > p })
	return r.base + i
}

// lineOf is the file line where n starts (its first positioned
// descendant's, or its parent's, when n has no position of its own).
func (r *reader) lineOf(n ast.Node) int {
	for m := n; m != nil; m = m.FirstChild() {
		if p := m.Pos(); p >= 0 {
			return r.lineAt(p)
		}
		if m.Type() == ast.TypeBlock && m.Lines().Len() > 0 {
			return r.lineAt(m.Lines().At(0).Start)
		}
	}
	for m := n.Parent(); m != nil; m = m.Parent() {
		if p := m.Pos(); p >= 0 {
			return r.lineAt(p)
		}
	}
	return r.base + 1
}

// topLevel lists the document's blocks, setting footnotes aside.
func (r *reader) topLevel(doc ast.Node) []ast.Node {
	var out []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for f := fl.FirstChild(); f != nil; f = f.NextSibling() {
				if f, ok := f.(*east.Footnote); ok {
					var ps []content.Text
					for c := f.FirstChild(); c != nil; c = c.NextSibling() {
						ps = append(ps, r.flatten(c)...)
					}
					r.footnoteAt = append(r.footnoteAt, footnote{index: f.Index, text: joinTexts(ps), line: r.lineOf(f)})
				}
			}
			continue
		}
		if h, ok := n.(*ast.HTMLBlock); ok && isComment(r.rawHTML(h)) {
			continue
		}
		if h, ok := n.(*ast.HTMLBlock); ok && r.emptyLayout(h) {
			continue
		}
		if b, ok := n.(*ast.HTMLBlock); ok {
			if h := r.htmlHeading(b); h != nil {
				out = append(out, h)
				continue
			}
		}
		if p, ok := n.(*ast.Paragraph); ok && r.residue(p) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// headings lists the text of the document's headings, as written, for
// telling the language.
func (r *reader) headings(doc ast.Node) []string {
	var out []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			out = append(out, r.rawHeading(h))
		}
	}
	return out
}

// rawHeading is a heading's text as written, without the emphasis around
// it: for telling what it names before its inline text is read (and
// reported on).
func (r *reader) rawHeading(h *ast.Heading) string {
	var b strings.Builder
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		b.Write(seg.Value(r.src))
	}
	return strings.Trim(b.String(), "*_ \t")
}

// residue drops a paragraph whose every line is a reading time ("⏱ 12 min
// read", "*Lesezeit: 7 Minuten*"), which sets the guide's, or web-page
// furniture ("Share", "Advertisement", "Next chapter »"): what the
// plain-text reader sets aside (content/vocab), in Markdown as in text.
func (r *reader) residue(p *ast.Paragraph) bool {
	segs := p.Lines()
	if segs.Len() == 0 || segs.Len() > 4 {
		return false
	}
	var raw []string
	size := 0
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		raw = append(raw, strings.TrimSpace(string(seg.Value(r.src))))
		size += seg.Len()
	}
	if size > 300 {
		return false // a paragraph of text, not a label
	}
	if strings.HasPrefix(raw[0], "&") {
		// A character reference first: typed so (inspect --markdown
		// writes a kept paragraph that looks like residue so), never
		// scraped furniture.
		return false
	}
	if strings.ContainsAny(strings.Join(raw, ""), "*_[<`&\\!") {
		// Markup: what the reader sees is the inline text.
		raw = raw[:0]
		for _, l := range r.peek(p) {
			raw = append(raw, plainOf(l.text))
		}
	}
	if len(raw) == 0 {
		return false // an image alone, say: not residue
	}
	minutes := 0
	var kinds []string
	for _, s := range raw {
		if strings.Count(s, "(") != strings.Count(s, ")") || strings.Count(s, "[") != strings.Count(s, "]") {
			// "Ad (": a bracket that opens text; "[Ad]", "(Advertisement)"
			// are furniture, a stray bracket is not.
			return false
		}
		if m, ok := vocab.ReadingMinutes(s); ok && minutes == 0 {
			minutes = m
			continue
		}
		k := vocab.Furniture(s)
		if k == "" {
			return false
		}
		kinds = append(kinds, k)
	}
	line := r.lineOf(p)
	if minutes > 0 {
		if r.g.ReadingMinutes == 0 {
			r.g.ReadingMinutes = minutes
			r.note(line, "reading time: %d minutes", minutes)
		} else {
			r.note(line, "dropped the reading time %d minutes (the guide's is %d minutes)", minutes, r.g.ReadingMinutes)
		}
	}
	for _, k := range kinds {
		if !r.dropped[k] {
			r.dropped[k] = true
			r.note(line, "dropped the %s on this line (page residue, not part of the guide)", k)
		}
	}
	return true
}

func joinTexts(ts []content.Text) content.Text { return joinWith(ts, " ") }

// joinWith is ts run together with sep between them.
func joinWith(ts []content.Text, sep string) content.Text {
	var t content.Text
	for i, x := range ts {
		if i > 0 {
			t = append(t, content.Span{Text: sep})
		}
		t = append(t, x...)
	}
	return t.Normalize()
}

// titleBlock reads a pandoc title block — "% Title", "% Author", "% Date"
// on the first lines — as the title heading and by-line it stands for
// ("# Title", "by Author"; a date that is a year the book's): it was no
// title at all, an error. Lines keep their numbers; another date is left
// out (info).
func (r *reader) titleBlock(src string) string {
	if !strings.HasPrefix(src, "% ") {
		return src
	}
	lines := strings.SplitN(src, "\n", 4)
	var out []string
	for i, l := range lines {
		if i == 3 || !strings.HasPrefix(l, "%") {
			out = append(out, lines[i:]...)
			break
		}
		v := strings.TrimSpace(l[1:])
		switch {
		case v == "":
			out = append(out, "")
		case i == 0:
			out = append(out, "# "+v)
		case i == 1:
			out = append(out, "by "+v)
		case i == 2:
			if y, ok := yearAlone(v); ok {
				out = append(out, "Published: "+strconv.Itoa(y))
			} else {
				r.note(i+1, "left out the title block's date %q (the guide's own; the book's year is a year alone here)", clip(v, 40))
				out = append(out, "")
			}
		}
	}
	r.note(1, "read the pandoc title block (%% lines) as the title and its by-line")
	return strings.Join(out, "\n")
}

// divFenceRE: a pandoc fenced div's fence, "::: note", "::: {.aside}",
// ":::".
var divFenceRE = lazyre.New(`^ {0,3}:{3,}\s*(?:\{[^{}]*\}|[A-Za-z][\w-]*)?\s*:*\s*$`)

// pandocDivs blanks the fences of pandoc's fenced divs ("::: note" …
// ":::"), outside code blocks: what they hold is read as if they were
// not there (they were text, "::: note" run into the paragraph). Lines
// keep their numbers.
func (r *reader) pandocDivs(src string) string {
	if !strings.Contains(src, ":::") && !strings.Contains(src, "\n| ") && !strings.HasPrefix(src, "| ") {
		return src
	}
	lines := strings.Split(src, "\n")
	code := ""
	n := 0
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		switch {
		case code != "" && strings.HasPrefix(t, code):
			code = ""
		case code != "":
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			code = t[:3]
		case divFenceRE.MatchString(l):
			if n == 0 {
				r.note(r.base+i+1, "left out the fences of pandoc's fenced divs (%q); their text is read as the guide's", strings.TrimSpace(l))
			}
			lines[i] = ""
			n++
		case strings.HasPrefix(l, "| ") && (i == 0 || strings.TrimSpace(lines[i-1]) == ""):
			lineBlock(lines[i:])
		}
	}
	return strings.Join(lines, "\n")
}

// delimRowRE: a pipe table's delimiter row, "|---|:--:|".
var delimRowRE = lazyre.New(`^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$`)

// lineBlock rewrites a pandoc line block at the front of lines ("| I have
// dreamt…" / "| and changed my ideas."), two lines or more and not a
// table, as lines ending in hard breaks: verse, its lines kept (they ran
// into one paragraph with their bars).
func lineBlock(lines []string) {
	end := 0
	for end < len(lines) && strings.HasPrefix(lines[end], "| ") {
		if delimRowRE.MatchString(lines[end]) || strings.HasSuffix(strings.TrimSpace(lines[end]), "|") {
			return // a table
		}
		end++
	}
	if end < 2 {
		return
	}
	for i := 0; i < end; i++ {
		lines[i] = lines[i][2:]
		if i < end-1 {
			lines[i] += "\\"
		}
	}
}

// bookOf is the book a guide's title names, for front matter that gives
// only the title: "Emma: A Study Guide", "Emma — Guía de lectura" name
// Emma; any other title is the book's too.
func bookOf(title, lang string) string {
	if book, ok := vocab.GuideTitle(title); ok {
		return book
	}
	suffix := labels.For(lang).GuideTitle("")
	if t := strings.TrimSuffix(title, suffix); t != "" {
		return t
	}
	return title
}

// header takes the title heading and the by-line off the front of nodes.
func (r *reader) header(nodes []ast.Node) []ast.Node {
	g := r.g
	if len(nodes) == 0 {
		return nodes
	}
	h, ok := nodes[0].(*ast.Heading)
	if !ok {
		return r.paragraphTitle(nodes)
	}
	title := r.headingText(h)
	code := r.questionCode // the heading's text, if it holds code
	other := false         // another heading of the same level
	for _, n := range nodes[1:] {
		if o, ok := n.(*ast.Heading); ok && o.Level <= h.Level {
			other = true
			break
		}
	}
	if _, hasRole := h.AttributeString("role"); hasRole {
		return nodes
	}
	switch {
	case g.Book.Title == "" && g.Title == "":
		if vocab.Classify(title).Kind != vocab.Unknown {
			return nodes
		}
		r.takeTitle(title)
		r.titleHeadCode = code
	case strings.EqualFold(title, g.Title) || strings.EqualFold(title, g.Book.Title):
	case g.Book.Title != "" && len(title) > len(g.Book.Title) && strings.EqualFold(title[:len(g.Book.Title)], g.Book.Title) && vocab.Classify(title).Kind == vocab.Unknown:
		// "Frankenstein; or, The Modern Prometheus" under book.title
		// "Frankenstein".
		r.keptTitle, r.keptTitleLine = title, r.lineOf(h)
	case h.Level == 1 && !other && vocab.Classify(title).Kind == vocab.Unknown:
		if g.Book.Title == "" {
			g.Book.Title, r.titleHeadCode = title, code
		} else {
			r.keptTitle, r.keptTitleLine = title, r.lineOf(h)
		}
	default:
		return nodes
	}
	nodes = nodes[1:]
	for len(nodes) > 0 && r.underTitle(nodes[0], h.Level) {
		nodes = nodes[1:]
	}
	if g.Book.Author != "" {
		return nodes
	}
	if t, a, ok := splitBy(g.Book.Title); ok && r.fm.Book.Title == "" {
		// "# Emma by Jane Austen", as the plain-text reader reads line 1.
		g.Book.Title, g.Book.Author = t, a
		if rest, y, ok := vocab.Year(a); ok && g.Book.Year == 0 {
			g.Book.Author, g.Book.Year = rest, y
		}
		r.note(r.lineOf(h), "read the title heading as the book %q by %q; if the title goes on past that point, put the author on a line \"by AUTHOR\" under it", t, a)
		return nodes
	}
	// Said after the body, in its place, unless the key facts name the
	// author (bookFacts).
	r.noAuthorLine, r.noAuthorAt = r.lineOf(h), len(r.diags)
	return nodes
}

// bookFacts takes the book's author and year from the guide's key facts
// when neither the front matter nor the title lines gave them, as the
// plain-text reader does (vocab.KeyFacts); else it says that no author
// was found, where the title was read.
func (r *reader) bookFacts() {
	g := r.g
	if r.noAuthorLine == 0 && g.Book.Year != 0 {
		return
	}
	f := vocab.KeyFacts(g.Sections)
	if r.noAuthorLine != 0 {
		if f.Author != "" {
			g.Book.Author = f.Author
			r.note(0, "took the book's author, %q, from the key fact %q", f.Author, f.AuthorTerm)
		} else {
			w := content.Diagnostic{Line: r.noAuthorLine, Severity: content.Warning, Message: "no author found; put \"by AUTHOR\" on the line under the title, or book.author in the front matter"}
			r.diags = slices.Insert(r.diags, min(r.noAuthorAt, len(r.diags)), w)
		}
	}
	if g.Book.Year == 0 && f.Year != 0 {
		g.Book.Year = f.Year
		r.note(0, "took the book's year, %d, from the key fact %q", f.Year, f.YearTerm)
	}
}

// takeTitle reads the title line of a guide without front matter: the
// book's title, or the guide's when it names a study guide ("Emma: A Study
// Guide", "Der Schimmelreiter: Lektürehilfe"), a year after it the book's.
func (r *reader) takeTitle(title string) {
	g := r.g
	g.Book.Title = title
	if book, ok := vocab.GuideTitle(title); ok {
		g.Book.Title, g.Title = book, title
	}
	if t := strings.TrimRight(g.Book.Title, ": "); t != "" {
		g.Book.Title = t
	}
	if rest, y, ok := vocab.Year(g.Book.Title); ok && g.Book.Year == 0 {
		g.Book.Title, g.Book.Year = rest, y
	}
}

// paragraphTitle reads a guide that names its book in a first paragraph
// rather than a heading ("**Emma**", "Emma"), as plain text does: only
// when the by-line comes right under it and nothing else names the book.
func (r *reader) paragraphTitle(nodes []ast.Node) []ast.Node {
	g := r.g
	if g.Book.Title != "" || g.Title != "" || len(nodes) < 2 {
		return nodes
	}
	p, ok := nodes[0].(*ast.Paragraph)
	next, ok2 := nodes[1].(*ast.Paragraph)
	if !ok || !ok2 {
		return nodes
	}
	ls, by := r.peek(p), r.peek(next)
	if len(ls) != 1 || len(by) == 0 || byLine(by[0].text) == "" {
		return nodes
	}
	title := plainOf(ls[0].text)
	if title == "" || utf8.RuneCountInString(title) > 120 || strings.HasSuffix(title, ".") || vocab.Classify(title).Kind != vocab.Unknown {
		return nodes
	}
	r.inlines(p)
	r.takeTitle(title)
	r.note(r.lineOf(p), "read the first paragraph, %q, as the title (a by-line follows it); start the guide with \"# %s\" to say so", title, title)
	nodes = nodes[1:]
	for len(nodes) > 0 && r.underTitle(nodes[0], 6) {
		nodes = nodes[1:]
	}
	return nodes
}

// partRE separates the parts of a line under the title: "by Jane Austen ·
// 12 min read", "by Jane Austen | Reading time: 12 minutes".
var partRE = lazyre.New(`\s+[·•|]\s+`)

// underTitle reads a paragraph (or a lower heading, "## by Jane Austen")
// under the title whose every line is the by-line, a name of the guide ("A
// Study Guide", "Guía de estudio") or the reading time, and reports
// whether it was one. The by-line counts only when the book has no author
// yet and the guide's name only when nothing named the guide, so that a
// paragraph of a guide that says both is kept as text.
func (r *reader) underTitle(n ast.Node, level int) bool {
	// Under front matter that names the guide or its book, the front
	// matter is the header: under the title only a by-line it lacks is
	// read (with what its paragraph says besides), the rest is text ("## 1815" was the book's year and "1m" its
	// reading time, and a guide written by inspect --markdown with a
	// section or a synopsis of that text did not read back).
	fmHeader := r.fm.Title != "" || r.fm.Book.Title != ""
	var ls []line
	bare := false // a name alone may be the author's (bareAuthor)
	switch n := n.(type) {
	case *ast.Paragraph:
		ls = r.peek(n)
		_, bare = n.PreviousSibling().(*ast.Heading)
	case *ast.Heading:
		if n.Level <= level {
			return false
		}
		ls = r.peek(n)
	}
	if len(ls) == 0 || len(ls) > 3 && (len(ls) > 8 || !allProperties(ls)) {
		return false
	}
	g := r.g
	var author, guide, class, teacher, printNote string
	var props []string // a Notion page's other properties ("Statut: En cours")
	minutes, year := 0, 0
	named := false // the author is a name standing alone (bareAuthor)
	titled := ""   // a book report's field that names the book again
	read := func(parts []string) bool {
		author, guide, class, teacher, minutes, year, props, printNote, named, titled = "", "", "", "", 0, 0, nil, "", false, ""
		for _, s := range parts {
			s = strings.TrimSpace(s)
			if a := byLine(content.Plain(s)); a != "" && author == "" && g.Book.Author == "" {
				author = a
			} else if t, ok := vocab.TitleField(s); ok && strings.EqualFold(t, g.Book.Title) && (len(parts) > 1 || author != "") {
				titled = s // "**Title:** The Moonstone" over "**Author:** …"
			} else if bare && len(parts) == 1 && g.Book.Author == "" && r.bareAuthor(s) {
				author, named = s, true
			} else if m, ok := vocab.ReadingMinutes(s); ok && minutes == 0 {
				minutes = m
			} else if y, ok := vocab.Published(s); ok && year == 0 && g.Book.Year == 0 {
				year = y // "**Published:** 1886" under "**Author:** …"
			} else if y, ok := yearAlone(s); ok && year == 0 && g.Book.Year == 0 {
				year = y // "by Jack London · 1903"
			} else if name, ok := vocab.GuideCredit(s); ok && teacher == "" && g.Author == "" && r.fm.Title == "" {
				teacher = name // "*Teacher: Ms. Okafor*", the guide's own author
			} else if vocab.TeacherName(s) && teacher == "" && g.Author == "" && r.fm.Title == "" && (g.Title != "" || r.class != "" || guide != "") {
				// "Prof.ssa Marchetti" alone under the handout's name:
				// its teacher (it was the synopsis's first paragraph).
				teacher = strings.TrimSpace(s)
			} else if c, t, ok := vocab.ClassLine(s); ok && class == "" && r.class == "" && r.fm.Title == "" {
				// "*Year 7 English — Ms. Okafor*": the class the handout
				// is for ends the guide's title, as in plain text; the
				// teacher is the guide's author.
				class = c
				if t != "" && teacher == "" && g.Author == "" {
					teacher = t
				}
			} else if guide != "" || g.Title != "" || r.fm.Title != "" {
				return false
			} else if name, t, d := guideTeacher(s); name != "" {
				// "*Handout for Year 7 — Ms. Okafor*": the guide's name,
				// and its teacher.
				guide, printNote = name, d
				if t != "" && teacher == "" && g.Author == "" {
					teacher = t
				}
			} else if property(s) && len(parts) >= 2 {
				props = append(props, s)
			} else {
				return false
			}
		}
		if fmHeader && author == "" {
			return false
		}
		// Properties go only with the author or the year they hold: a
		// Notion page's ("Auteur: …", "Parution: 1833", "Statut: En
		// cours"), not a synopsis that opens "Note: …".
		return props == nil || author != "" || year != 0
	}
	var lines, parts []string // "by Jane Austen · 12 min read": two parts
	for _, l := range ls {
		lines = append(lines, plainOf(l.text))
		parts = append(parts, partRE.Split(plainOf(l.text), -1)...)
	}
	if !read(parts) && !read(lines) {
		return false
	}
	r.inlines(n) // what it reports (an image, HTML), now that it is read
	if printNote != "" {
		r.note(r.lineOf(n), "%s", vocab.PrintNoteLeftOut(printNote, guide))
	}
	if props != nil {
		r.note(r.lineOf(n), "dropped the page's other properties under the title (%s), as a Notion export writes them: they are not text of the guide", strings.Join(props, "; "))
	}
	if titled != "" {
		r.note(r.lineOf(n), "left out %q: it names the book again", titled)
	}
	if named {
		r.note(r.lineOf(n), "read %q, a name standing under the title, as the book's author; if it is not, put \"by AUTHOR\" there instead", author)
	}
	if author != "" {
		g.Book.Author = author
		if rest, y, ok := vocab.Year(author); ok && g.Book.Year == 0 {
			g.Book.Author, g.Book.Year = rest, y
		}
	}
	if guide != "" {
		g.Title = g.Book.Title + " — " + guide
	}
	if class != "" {
		r.class = class
	}
	if teacher != "" {
		g.Author = teacher
		r.note(r.lineOf(n), "read %q as the guide's own author (not the book's)", teacher)
	}
	if year != 0 && g.Book.Year == 0 {
		g.Book.Year = year
	}
	if minutes > 0 {
		if g.ReadingMinutes == 0 {
			g.ReadingMinutes = minutes
			r.note(r.lineOf(n), "reading time: %d minutes", minutes)
		} else {
			r.note(r.lineOf(n), "dropped the reading time %d minutes (the guide's is %d minutes)", minutes, g.ReadingMinutes)
		}
	}
	return true
}

// emojiCallout: a block quote whose first line opens with an icon and a
// space, "> 💡 Remember…", as Notion exports its callouts.
func (r *reader) emojiCallout(n *ast.Blockquote) bool {
	p, ok := n.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return false
	}
	seg := p.Lines().At(0)
	raw := strings.TrimSpace(string(seg.Value(r.src)))
	c, size := utf8.DecodeRuneInString(raw)
	if !unicode.Is(unicode.So, c) {
		return false
	}
	rest := strings.TrimLeftFunc(raw[size:], func(r rune) bool { return unicode.Is(unicode.Variation_Selector, r) || r == '\u200d' })
	return strings.HasPrefix(rest, " ")
}

// emojiOrSpace: an icon's runes (a symbol, its variation selector or
// joiner) or a space.
func emojiOrSpace(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Variation_Selector, r) || r == '\u200d'
}

// property: s is a page property as Notion exports it under the title,
// "Statut: En cours", "Tags: novel, balzac": a short label of a word or
// two, a colon, and a short value.
func property(s string) bool {
	label, value, ok := strings.Cut(s, ":")
	label, value = strings.TrimSpace(label), strings.TrimSpace(value)
	if !ok || label == "" || value == "" || len(strings.Fields(label)) > 2 || utf8.RuneCountInString(value) > 60 || strings.ContainsAny(value, "?!") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(label)
	return unicode.IsUpper(r)
}

// allProperties: every line of ls is a property, "Auteur: …", "Niveau:
// Seconde": a Notion page's, which may run past the three lines a
// by-line's paragraph holds.
func allProperties(ls []line) bool {
	for _, l := range ls {
		if !property(plainOf(l.text)) {
			return false
		}
	}
	return true
}

// yearAlone reads a part of a line under the title that is only a year,
// "1903" or "(1903)": the book's.
func yearAlone(s string) (int, bool) {
	s = strings.Trim(s, "()[] ")
	if len(s) != 4 {
		return 0, false
	}
	y := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	return y, y >= 1000 && y <= 2100
}

// guideTeacher reads a line that names the guide ("A Study Guide",
// "Handout for Year 7"), perhaps with its teacher after a dash or a
// separator ("Handout for Year 7 — Ms. Okafor"): the name and the
// teacher, or "" when s names no guide.
//
// A bracketed instruction for printing that ends the name ("Handout
// (print double-sided)") is no part of it: it is left out, and returned
// as dropped (it named the guide "… — Handout (print double-sided)").
func guideTeacher(s string) (name, teacher, dropped string) {
	for _, sep := range []string{" — ", " – ", " - ", " · ", " | ", ", "} {
		if i := strings.LastIndex(s, sep); i > 0 && vocab.TeacherName(s[i+len(sep):]) {
			head, note := vocab.PrintNote(s[:i])
			if vocab.GuideName(head) || vocab.GuideSubtitle(head) {
				return head, strings.TrimSpace(s[i+len(sep):]), note
			}
		}
	}
	if head, note := vocab.PrintNote(s); vocab.GuideName(head) || vocab.GuideSubtitle(head) {
		return head, "", note
	}
	return "", "", ""
}

// peek reads n's inline text without reporting anything or taking an image
// as the cover: n is read again where it belongs.
func (r *reader) peek(n ast.Node) []line {
	var ls []line
	r.quietly(func() { ls = r.inlines(n) })
	return ls
}

// quietly runs read without keeping what it reports or notes it has
// reported, or an image it takes as the cover: what it reads is read
// again where it belongs.
func (r *reader) quietly(read func()) {
	nd, cover, task, tags := len(r.diags), r.g.Cover, r.taskNoted, r.tagsNoted
	read()
	r.diags, r.g.Cover, r.taskNoted, r.tagsNoted = r.diags[:nd], cover, task, tags
}

// splitBy splits "TITLE by AUTHOR" at the last " by " followed by a
// personal name of two to five words.
func splitBy(s string) (title, author string, ok bool) {
	i := strings.LastIndex(s, " by ")
	if i < 0 {
		return "", "", false
	}
	t, a := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+4:])
	name, _, _ := vocab.Year(a)
	first, _ := utf8.DecodeRuneInString(name)
	if n := len(strings.Fields(name)); t == "" || n < 2 || n > 5 || !unicode.IsUpper(first) || !vocab.NameLike(name) {
		return "", "", false
	}
	return t, a, true
}

// bareAuthor: s, the only line of the paragraph right under the title
// heading of a guide without front matter, is a personal name standing
// alone, "Kate Chopin (1899)", "Voltaire (1759)", which the plain-text
// reader takes as the author (vocab.BareName). A guide with front matter
// names its author there (and the Markdown writer's always has it, so a
// synopsis that looks like a name reads back as the synopsis).
func (r *reader) bareAuthor(s string) bool {
	name, _, _ := vocab.Year(s)
	first, _ := utf8.DecodeRuneInString(name)
	return !r.hasFM && unicode.IsUpper(first) && vocab.BareName(s) && vocab.NameLike(name)
}

// byLine is the author named by a by-line, or "": "by Author", "*by
// Author*", "Author: …", "von Theodor Storm", "de Benito Pérez Galdós" (the
// plain-text reader's rules, content/vocab). A sentence that starts with
// "By" is not one.
func byLine(t content.Text) string {
	s := plainOf(t)
	if utf8.RuneCountInString(s) > 120 {
		return ""
	}
	if a, ok := vocab.ByLine(s); ok && authorLike(a) {
		return a
	}
	if a, ok := vocab.ForeignByLine(s); ok {
		if name, _, _ := vocab.Year(a); vocab.NameLike(name) {
			return a
		}
	}
	return ""
}

// authorLike: what follows "by" names someone ("Mary Shelley", "Mr. D.
// Alvarez, Lakeside Middle School", "Martin Luther King Jr."), rather than
// going on as a sentence ("By the end, …").
func authorLike(a string) bool {
	first, _ := utf8.DecodeRuneInString(a)
	if a == "" || unicode.IsLower(first) || strings.ContainsAny(a, "?!;") || utf8.RuneCountInString(a) > 100 {
		return false
	}
	if strings.HasSuffix(a, ".") {
		f := strings.Fields(a)
		return utf8.RuneCountInString(f[len(f)-1]) <= 3 // "Jr.", "Sr.", "J."
	}
	return true
}

// IsByLine reports whether a paragraph would be read as the by-line if it
// came right under the title heading (writers avoid putting it there).
func IsByLine(t content.Text) bool { return byLine(t) != "" }

// UnderTitle reports whether a paragraph or lower heading right under the
// title heading would be read as part of the title block (a by-line or a
// reading time) in a guide whose book has no author.
func UnderTitle(t content.Text) bool {
	_, minutes := vocab.ReadingMinutes(plainOf(t))
	return minutes || byLine(t) != ""
}

func (r *reader) headingText(h *ast.Heading) string {
	t := joinLines(r.inlines(h))
	s := plainOf(t)
	if r.boldHeads[h] {
		// "**Characters:**", a label typed as a heading.
		s = strings.TrimSpace(strings.TrimRight(s, ":："))
	}
	r.questionCode = codeIn(t)
	r.keepCode(s, r.questionCode)
	return s
}

// codeIn is t when it holds code (a span typed as code), else nil: the
// text a title or question is read from, for keepCode.
func codeIn(t content.Text) content.Text {
	for _, sp := range t {
		if sp.Code && sp.Text != "" {
			return t
		}
	}
	return nil
}

// keepCode records where the title or question s (a string in the model)
// holds the code typed in t, the text it was read from, for smarten to
// keep as typed: the code spans' places, where s stands in t's text as
// typed (trimmed, a label cut off); else every place s holds one of the
// code's texts.
func (r *reader) keepCode(s string, t content.Text) {
	if t == nil {
		return
	}
	var runs [][2]int // byte ranges of s
	if off := strings.Index(t.Plain(), s); off >= 0 {
		pos := -off
		for _, sp := range t {
			if sp.Code {
				if a, b := max(pos, 0), min(pos+len(sp.Text), len(s)); a < b {
					runs = append(runs, [2]int{a, b})
				}
			}
			pos += len(sp.Text)
		}
	} else {
		for _, sp := range t {
			for from := 0; sp.Code && sp.Text != ""; {
				i := strings.Index(s[from:], sp.Text)
				if i < 0 {
					break
				}
				runs = append(runs, [2]int{from + i, from + i + len(sp.Text)})
				from += i + len(sp.Text)
			}
		}
	}
	if runs == nil {
		return
	}
	if r.titleCode == nil {
		r.titleCode = map[string][][2]int{}
	}
	r.titleCode[s] = append(r.titleCode[s], runs...)
}

// context is where the blocks being read go.
type context int

const (
	inSynopsis context = iota
	inQuotes
	inFAQ
	inSection
)

// body reads everything after the header.
func (r *reader) body(nodes []ast.Node) {
	level := 7
	for _, n := range nodes {
		if h, ok := n.(*ast.Heading); ok {
			level = min(level, h.Level)
		}
	}
	ctx := inSynopsis
	var blocks *[]content.Block      // the current section's or subsection's
	var sec, subsec *content.Section // the current section and subsection
	flattenedWarned := false
	var pending []ast.Node
	faqTitle := "" // the FAQ's heading, as typed
	flush := func() {
		switch ctx {
		case inSynopsis:
			k := structured(pending)
			if r.keptTitle != "" && k >= 0 {
				// "# Character Tracker" over a table: the table, a list, a
				// definition list or a quote keeps its structure in a
				// section of the heading's name (the synopsis holds
				// paragraphs only); paragraphs before it are the synopsis.
				r.note(r.keptTitleLine, "read the heading %q over a %s as a section (the front matter gives the guide's title; the synopsis holds paragraphs only)", r.keptTitle, blockName(pending[k]))
				r.synopsis(pending[:k])
				r.g.Sections = append(r.g.Sections, content.Section{Title: r.keptTitle, Role: vocab.Classify(r.keptTitle).Role})
				sec, subsec = &r.g.Sections[len(r.g.Sections)-1], nil
				blocks = &sec.Blocks
				*blocks = append(*blocks, r.blocks(pending[k:])...)
				ctx = inSection
				r.keptTitle = ""
				break
			}
			if r.keptTitle != "" {
				r.note(r.keptTitleLine, "read the heading %q as the guide's title; the front matter's title is kept", r.keptTitle)
				r.keptTitle = ""
			}
			r.synopsis(pending)
		case inQuotes:
			r.quotes(pending)
		case inFAQ:
			r.faq(pending, faqTitle)
		case inSection:
			r.discussion = sec.Role == content.RoleDiscussion || subsec != nil && subsec.Role == content.RoleDiscussion
			r.termSection = termRole(sec.Role) || subsec != nil && termRole(subsec.Role)
			r.characters = sec.Role == content.RoleCharacters || subsec != nil && subsec.Role == content.RoleCharacters
			k := len(pending)
			if subsec == nil && !r.discussion {
				k = r.closingDisclosures(pending)
			}
			*blocks = append(*blocks, r.blocks(pending[:k])...)
			if k < len(pending) {
				sec.Subsections = append(sec.Subsections, r.disclosedSections(pending[k:], sec.Title)...)
			}
			r.discussion, r.termSection, r.characters = false, false, false
		}
		pending = nil
	}
	for _, n := range nodes {
		h, ok := n.(*ast.Heading)
		if !ok || (ctx == inFAQ || ctx == inQuotes) && h.Level > level {
			pending = append(pending, n)
			continue
		}
		flush()
		title := r.headingText(h)
		line := r.lineOf(h)
		if title == "" {
			r.warn(line, "an empty heading was ignored")
			continue
		}
		role, explicit := r.roleAttr(h)
		if h.Level == level {
			kind := vocab.Classify(title)
			if explicit {
				kind = vocab.Heading{Kind: vocab.Section, Role: role}
			}
			switch kind.Kind {
			case vocab.Quotes:
				ctx = inQuotes
				continue
			case vocab.FAQ:
				ctx, faqTitle = inFAQ, title
				continue
			}
			ctx = inSection
			r.g.Sections = append(r.g.Sections, content.Section{Title: title, Role: kind.Role})
			sec, subsec = &r.g.Sections[len(r.g.Sections)-1], nil
			blocks = &sec.Blocks
			continue
		}
		if h.Level > level+2 && !flattenedWarned {
			flattenedWarned = true
			r.note(line, "headings deeper than %s are read as %s headings (a guide has sections, subsections and their parts)", strings.Repeat("#", level+2), strings.Repeat("#", level+2))
		}
		if h.Level > level+1 && subsec != nil && ctx == inSection {
			// A part of the subsection: "## Summary and Analysis",
			// "### Chapter 1", "#### Summary".
			subsec.Subsections = append(subsec.Subsections, content.Section{Title: title, Role: role})
			blocks = &subsec.Subsections[len(subsec.Subsections)-1].Blocks
			continue
		}
		if sec == nil || ctx != inSection {
			// A subheading before any section: it starts a section.
			ctx = inSection
			r.g.Sections = append(r.g.Sections, content.Section{Title: title, Role: role})
			sec = &r.g.Sections[len(r.g.Sections)-1]
			blocks = &sec.Blocks
			subsec = nil
			r.warn(line, "the heading %q comes before any %s section heading; read it as a section", title, strings.Repeat("#", level))
			continue
		}
		sec.Subsections = append(sec.Subsections, content.Section{Title: title, Role: role})
		subsec = &sec.Subsections[len(sec.Subsections)-1]
		blocks = &subsec.Blocks
	}
	flush()
}

// termRole: a section of role r lists terms and what they mean.
func termRole(r content.Role) bool {
	return r == content.RoleVocabulary || r == content.RoleCharacters || r == content.RoleKeyFacts
}

// roleAttr reads a heading's {role=…} attribute: a role from the closed
// list, or "none".
func (r *reader) roleAttr(h *ast.Heading) (content.Role, bool) {
	v, ok := h.AttributeString("role")
	if !ok {
		return "", false
	}
	var s string
	switch v := v.(type) {
	case []byte:
		s = string(v)
	case string:
		s = v
	default:
		s = fmt.Sprint(v)
	}
	s = strings.Trim(s, `"'`)
	if s == "none" || s == "" {
		return "", true
	}
	if role := content.Role(s); role.Valid() {
		return role, true
	}
	names := make([]string, len(content.Roles))
	for i, k := range content.Roles {
		names[i] = string(k)
	}
	r.warn(r.lineOf(h), "{role=%s} is not a section role; use one of %s, or none", s, strings.Join(names, ", "))
	return "", false
}

// dropContents drops a table of contents copied along with a guide: a
// heading named so ("## Contents", "## Índice") with only lists under it,
// or, before the first heading, a list whose every item is a link to a
// heading of the page ("- [Summary](#summary)"). The EPUB and the PDF make
// their own. A heading with a {role=…} attribute is a section as written.
func (r *reader) dropContents(nodes []ast.Node) []ast.Node {
	out := nodes[:0:0]
	seenHeading := false
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		if h, ok := n.(*ast.Heading); ok {
			seenHeading = true
			_, role := h.AttributeString("role")
			j := i + 1
			for j < len(nodes) {
				if _, ok := nodes[j].(*ast.List); !ok {
					break
				}
				j++
			}
			if !role && j > i+1 && (j == len(nodes) || isHeading(nodes[j])) && vocab.Contents(plainOf(joinLines(r.peek(h)))) {
				r.note(r.lineOf(h), "dropped the table of contents under %q (the EPUB and the PDF make their own from the headings)", r.headingText(h))
				i = j - 1
				continue
			}
		}
		if l, ok := n.(*ast.List); ok && !seenHeading && r.anchorList(l) {
			r.note(r.lineOf(l), "dropped a list of links to the guide's own headings, a table of contents (the EPUB and the PDF make their own)")
			continue
		}
		out = append(out, n)
	}
	return out
}

func isHeading(n ast.Node) bool { _, ok := n.(*ast.Heading); return ok }

// anchorList reports a list whose every item is only a link to "#…".
func (r *reader) anchorList(l *ast.List) bool {
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok {
				if !r.anchorList(sub) {
					return false
				}
				continue
			}
			links := 0
			for x := c.FirstChild(); x != nil; x = x.NextSibling() {
				switch x := x.(type) {
				case *ast.Link:
					if !bytes.HasPrefix(x.Destination, []byte("#")) {
						return false
					}
					links++
				case *ast.Text:
					if strings.TrimSpace(string(x.Segment.Value(r.src))) != "" {
						return false
					}
				default:
					return false
				}
			}
			if links != 1 {
				return false
			}
		}
	}
	return l.FirstChild() != nil
}

// structured is the index of the first block in nodes that the synopsis
// would flatten (a table, list, definition list, block quote), or -1.
func structured(nodes []ast.Node) int {
	for i, n := range nodes {
		switch n.(type) {
		case *ast.List, *ast.Blockquote, *east.Table, *east.DefinitionList:
			return i
		}
	}
	return -1
}

// synopsis reads what comes between the title and the first heading.
func (r *reader) synopsis(nodes []ast.Node) {
	for _, n := range nodes {
		if _, ok := n.(*ast.Paragraph); !ok {
			if _, ok := n.(*ast.ThematicBreak); ok {
				continue
			}
			if bq, ok := n.(*ast.Blockquote); ok {
				if typ := r.calloutType(bq); typ != "" && !quoteCallout(typ) {
					// "> [!NOTE]" under the title: the guide's own text.
					r.g.Synopsis = append(r.g.Synopsis, r.flatten(n)...)
					continue
				}
				if r.emojiCallout(bq) {
					// "> 💡 **À retenir :** …", Notion's callout: the
					// guide's own text, without its icon (it was a
					// warning).
					ts := r.flatten(n)
					if len(ts) > 0 && len(ts[0]) > 0 {
						ts[0] = append(content.Text{{Text: strings.TrimLeftFunc(ts[0][0].Text, emojiOrSpace), Em: ts[0][0].Em, Strong: ts[0][0].Strong, Href: ts[0][0].Href}}, ts[0][1:]...).TrimSpace()
					}
					r.note(r.lineOf(n), "read the callout under the title (a block quote opening with an icon, as Notion exports one) as the synopsis's paragraphs")
					r.g.Synopsis = append(r.g.Synopsis, ts...)
					continue
				}
			}
			if h, ok := n.(*ast.HTMLBlock); ok && layoutOnly(r.rawHTML(h)) {
				// "<div align=\"center\">A classroom guide</div>": its
				// text is paragraphs.
				r.g.Synopsis = append(r.g.Synopsis, r.flatten(n)...)
				continue
			}
			r.warn(r.lineOf(n), "the synopsis (the text before the first heading) holds paragraphs only; read this %s as paragraphs", blockName(n))
		}
		r.g.Synopsis = append(r.g.Synopsis, r.flatten(n)...)
	}
}

func blockName(n ast.Node) string {
	switch n.(type) {
	case *ast.List:
		return "list"
	case *ast.Blockquote:
		return "block quote"
	case *east.Table:
		return "table"
	case *east.DefinitionList:
		return "definition list"
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return "code block"
	case *ast.HTMLBlock:
		return "HTML"
	}
	return "block"
}

// flatten reads any block as paragraphs of text, for places that hold
// nothing else (the synopsis, FAQ answers, footnotes).
func (r *reader) flatten(n ast.Node) []content.Text {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		if t := joinLines(r.inlines(n)).TrimSpace(); t != nil {
			return []content.Text{t}
		}
		return nil
	case *ast.HTMLBlock:
		return r.htmlText(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return r.codeTexts(n, r.codeLines(n))
	case *ast.ThematicBreak:
		return nil
	case *ast.Blockquote:
		if typ, title, first, rest, ok := r.callout(n); ok {
			// "> [!NOTE]": its title and text, without the marker.
			var out []content.Text
			switch {
			case title != nil && summaryCallout(typ) && len(first)+len(rest) > 0:
				// "> [!abstract] Resumo rápido" over the summary: the
				// title labels the text under it (it was the text's
				// first paragraph, plain).
				r.note(r.lineOf(n), "left out %q, the title of the %q callout: it labels the summary under it", clip(title.Plain(), 60), typ)
			case title != nil:
				out = append(out, title)
			}
			if len(first) > 0 {
				out = append(out, joinLines(first))
			}
			for _, c := range rest {
				out = append(out, r.flatten(c)...)
			}
			return out
		}
	case *east.Table:
		var out []content.Text
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []content.Text
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				if t := joinLines(r.inlines(c)).TrimSpace(); t != nil {
					cells = append(cells, t)
				}
			}
			if len(cells) > 0 {
				out = append(out, joinCells(cells))
			}
		}
		return out
	}
	var out []content.Text
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, r.flatten(c)...)
	}
	return out
}

// joinCells is a table row as one paragraph, its cells between dashes.
func joinCells(cells []content.Text) content.Text { return joinWith(cells, " — ") }

// fencedCode: n is a fenced code block, not one fenced as verse
// ("```verse"): code, whose characters are kept as typed. An indented
// block is most often a poem or a passage pasted with its indent, and is
// read as verse text.
func fencedCode(n ast.Node, src []byte) bool {
	f, ok := n.(*ast.FencedCodeBlock)
	return ok && string(f.Language(src)) != "verse"
}

func fencedVerse(n ast.Node, src []byte) bool {
	f, ok := n.(*ast.FencedCodeBlock)
	return ok && string(f.Language(src)) == "verse"
}

// codeTexts are a code block's lines as text: marked Code when the block
// is fenced code (fencedCode).
func (r *reader) codeTexts(n ast.Node, lines []string) []content.Text {
	if !fencedCode(n, r.src) {
		return content.Plains(lines...)
	}
	out := make([]content.Text, len(lines))
	for i, l := range lines {
		out[i] = content.Text{{Text: l, Code: true}}
	}
	return out
}

func (r *reader) codeLines(n ast.Node) []string {
	var out []string
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		s := strings.TrimRight(string(seg.Value(r.src)), " \t\n")
		if strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

func (r *reader) rawHTML(n *ast.HTMLBlock) string {
	var b strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b.Write(seg.Value(r.src))
	}
	if n.HasClosure() {
		seg := n.ClosureLine
		b.Write(seg.Value(r.src))
	}
	return b.String()
}

var (
	blankLineRE = lazyre.New(`\n\s*\n`)
	commentRE   = lazyre.New(`(?s)<!--.*?-->`)
	tagRE       = lazyre.New(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<![A-Za-z][^<>]*>|<\?.*?\?>`)
	summaryRE   = lazyre.New(`(?is)<summary[^>]*>(.*?)</summary>`)
)

func isComment(raw string) bool {
	return strings.TrimSpace(commentRE.ReplaceAllString(raw, "")) == ""
}

// htmlText keeps the text of an HTML block without its tags.
func (r *reader) htmlText(n *ast.HTMLBlock) []content.Text {
	raw := commentRE.ReplaceAllString(r.rawHTML(n), "")
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	if m := tagRE.FindString(raw); m != "" && !detailsTag(m) && !layoutOnly(raw) {
		r.warnHTML(r.lineOf(n), m)
	}
	var out []content.Text
	for _, para := range blankLineRE.Split(tagRE.ReplaceAllString(raw, " "), -1) {
		s := strings.Join(strings.Fields(unescape([]byte(para))), " ")
		if s != "" {
			out = append(out, content.Plain(s))
		}
	}
	return out
}

// layoutTagRE: the tags a page uses to lay out its text (GitHub READMEs
// centre their title block in <div align="center">; exports mark page
// breaks with <div class="page-break">), which say nothing about what the
// text is: the EPUB and the PDF lay out their own.
var layoutTagRE = lazyre.New(`(?i)^</?(?:div|p|center|span|section|article|header|footer|main|font|br|hr)(?:\s[^<>]*)?/?>$`)

// layoutOnly reports HTML whose every tag is a layout tag.
func layoutOnly(raw string) bool {
	for _, m := range tagRE.FindAllString(raw, -1) {
		if !layoutTagRE.MatchString(m) {
			return false
		}
	}
	return true
}

// emptyLayout reports (and notes, once) an HTML block of layout tags that
// hold no text ("<div align=\"center\">" over a README's title, "</div>"
// under it, "<div class=\"page-break\"></div>"): it is left out, so that
// the Markdown between such tags reads as if they were not there.
func (r *reader) emptyLayout(n *ast.HTMLBlock) bool {
	raw := commentRE.ReplaceAllString(r.rawHTML(n), "")
	if strings.TrimSpace(tagRE.ReplaceAllString(raw, "")) != "" || !layoutOnly(raw) {
		return false
	}
	if !r.layoutNoted {
		r.layoutNoted = true
		r.note(r.lineOf(n), "left out HTML layout tags that hold no text (%s): the EPUB and the PDF lay out the guide themselves", clip(strings.TrimSpace(tagRE.FindString(raw)), 40))
	}
	return true
}

func detailsTag(tag string) bool {
	t := strings.ToLower(tag)
	return strings.HasPrefix(t, "<details") || strings.HasPrefix(t, "</details") || strings.HasPrefix(t, "<summary") || strings.HasPrefix(t, "</summary")
}

func (r *reader) warnHTML(line int, tag string) {
	r.warn(line, "raw HTML is not passed through: left out the tag %s and kept the text around it", clip(tag, 40))
}

// clip cuts s to at most n bytes for a message, on a character's
// boundary: a cut inside a multi-byte character would leave invalid
// UTF-8 in the message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// image handles an image: one named like a cover (in its alt text or
// file name) becomes the guide's cover when the front matter names none;
// any other is dropped.
func (r *reader) image(n *ast.Image, line int) {
	dest := unescape(n.Destination)
	alt := plainOf(joinLines(r.inlines(n)))
	local := !strings.Contains(dest, "://") && !strings.HasPrefix(strings.ToLower(dest), "data:") && dest != ""
	if local && r.g.Cover == "" && (strings.Contains(strings.ToLower(alt), "cover") || strings.Contains(strings.ToLower(dest), "cover")) {
		r.g.Cover = dest
		r.note(line, "the image %s is used as the cover", dest)
		return
	}
	r.warn(line, "dropped the image %s (a study guide holds no pictures besides its cover; name a cover with \"cover:\" in the front matter)", clip(dest, 80))
}

// summaryCallout: Obsidian's callout of a summary ("[!abstract]", and
// its aliases "[!summary]", "[!tldr]").
func summaryCallout(typ string) bool { return typ == "abstract" || typ == "summary" || typ == "tldr" }

// dropBadges leaves out the paragraphs that are only a README's badges,
// status images linked or not ("[![License: CC0](https://img.shields.io/…)](LICENSE)"):
// web furniture, not the guide's text. Each image was dropped with a
// warning, and a link to a file of the repository with another.
func (r *reader) dropBadges(nodes []ast.Node) []ast.Node {
	out := nodes[:0:0]
	var dropped []string
	for _, n := range nodes {
		if p, ok := n.(*ast.Paragraph); ok {
			if alts, ok := r.badges(p, nil); ok && len(alts) > 0 {
				dropped = append(dropped, alts...)
				if len(dropped) == len(alts) {
					r.note(r.lineOf(p), "dropped the badges (status images, as a README shows them: %s): they are not the guide's text", clip(strings.Join(alts, ", "), 80))
				}
				continue
			}
		}
		out = append(out, n)
	}
	if dropped == nil {
		return nodes
	}
	return out
}

// badges reports whether n holds nothing but badges (badgeImage), each
// linked or not, and spaces: their alt texts, added to alts.
func (r *reader) badges(n ast.Node, alts []string) ([]string, bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if !badgeImage(unescape(c.Destination)) {
				return nil, false
			}
			alts = append(alts, strings.TrimSpace(string(c.Text(r.src))))
		case *ast.Link:
			var ok bool
			if alts, ok = r.badges(c, alts); !ok {
				return nil, false
			}
		case *ast.Text:
			if strings.TrimSpace(string(c.Value(r.src))) != "" {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return alts, true
}

// badgeImage: an image address of a badge service or a badge file
// ("https://img.shields.io/badge/…", "…/actions/workflows/ci.yml/badge.svg").
func badgeImage(dest string) bool {
	d := strings.ToLower(dest)
	return strings.Contains(d, "://") && (strings.Contains(d, "shields.io/") || strings.Contains(d, "badgen.net/") || strings.Contains(d, "badge"))
}

func (r *reader) usedFootnote(i int) { r.footnotes[i] = true }

// notes appends the footnotes as a last section.
func (r *reader) notes() {
	if len(r.footnoteAt) == 0 {
		return
	}
	b := content.Block{Kind: content.List, Ordered: true}
	for _, f := range r.footnoteAt {
		t := f.text
		if len(t) == 0 {
			t = content.Plain("(empty note)")
		}
		if len(b.Items) == 0 && f.index != 1 {
			b.Start = f.index
		}
		b.Items = append(b.Items, content.ListItem{Text: t})
	}
	title := notesTitle[r.g.Language]
	if title == "" {
		title = notesTitle[strings.SplitN(r.g.Language, "-", 2)[0]]
	}
	if title == "" {
		title = "Notes"
	}
	r.g.Sections = append(r.g.Sections, content.Section{Title: title, Blocks: []content.Block{b}})
	r.note(r.footnoteAt[0].line, "the footnotes are gathered in a last section, %q; each reference is kept as [N]", title)
}

var notesTitle = map[string]string{"en": "Notes", "fr": "Notes", "es": "Notas", "pt": "Notas", "de": "Anmerkungen", "it": "Note"}
