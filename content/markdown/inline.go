package markdown

import (
	"bytes"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// line is one source line of a paragraph's inline text, and whether it
// ended with a hard break (a verse line) rather than a soft one.
type line struct {
	text content.Text
	hard bool
}

type style struct {
	em, strong bool
	href       string
}

// inlines is the inline content of a block, as lines. Images, raw HTML and
// footnote references are handled (and reported) on the way.
func (r *reader) inlines(n ast.Node) []line {
	c := inlineCollector{r: r, lineNo: r.lineOf(n)}
	wiki, span, mark, tag, literal := r.bracketSource(n)
	// The syntax read after collecting (highlights, tags, wiki links,
	// spans) is decided token by token: what a backslash escaped (or code
	// in a link's text) is collected as literal stand-ins, which those
	// passes do not read, and turned back after them ("\==b==" keeps its
	// marks while "==c==" on the next line is a highlight: the whole
	// block was read one way); code is marked Code, and never read.
	c.literal = (wiki || span || mark || tag) && literal
	c.walk(n, style{})
	c.end(false)
	if wiki || span || mark || tag {
		// The marks are read in the text, never in code (Span.Code).
		tags := 0
		for i := range c.lines {
			if wiki {
				c.lines[i].text = wikiLinks(c.lines[i].text)
			}
			if span {
				c.lines[i].text = bracketSpans(c.lines[i].text)
			}
			if mark {
				c.lines[i].text = highlights(c.lines[i].text)
			}
			if tag {
				var k int
				c.lines[i].text, k = trailingTags(c.lines[i].text)
				tags += k
			}
		}
		if tags > 0 && !r.tagsNoted {
			r.tagsNoted = true
			r.note(c.lineNo, "dropped the note-taking tags that end a line (a word after #, as Obsidian files a note): they are not text of the guide")
		}
		if c.literal {
			for i := range c.lines {
				c.lines[i].text = unliteral(c.lines[i].text)
			}
		}
	}
	// A tab in text is a space, as in plain text and HTML: it stayed in
	// the model ("raised\tin"). Not in code, which keeps what was typed,
	// nor in a vocabulary's, characters' or key facts' section, where it
	// parts a word from its meaning (tabTerms); its other text keeps it.
	if !r.termSection {
		for i := range c.lines {
			untab(c.lines[i].text)
		}
	}
	// Drop empty lines an image or a comment left behind.
	out := c.lines[:0]
	for _, l := range c.lines {
		if l.text = l.text.TrimSpace(); len(l.text) > 0 {
			out = append(out, l)
		} else if l.hard && len(out) > 0 {
			out[len(out)-1].hard = true
		}
	}
	return out
}

// untab makes each run of spaces and tabs with a tab in t's text (not
// its code) one space, in place.
func untab(t content.Text) {
	for i, sp := range t {
		if sp.Code || strings.IndexByte(sp.Text, '\t') < 0 {
			continue
		}
		b := make([]byte, 0, len(sp.Text))
		for j := 0; j < len(sp.Text); j++ {
			c := sp.Text[j]
			if c != ' ' && c != '\t' {
				b = append(b, c)
				continue
			}
			k, tab := j, false
			for ; k < len(sp.Text) && (sp.Text[k] == ' ' || sp.Text[k] == '\t'); k++ {
				tab = tab || sp.Text[k] == '\t'
			}
			if tab {
				b = append(b, ' ')
			} else {
				b = append(b, sp.Text[j:k]...)
			}
			j = k - 1
		}
		t[i].Text = string(b)
	}
}

type inlineCollector struct {
	r      *reader
	lineNo int
	cur    content.Text
	lines  []line
	cite   bool // a <cite> opened a line: its </cite> closes the attribution
	// literal: escaped characters are collected with literalOf's
	// stand-ins for the characters the passes after collecting read
	// (inlines).
	literal bool
}

func (c *inlineCollector) add(s string, st style) {
	if s == "" {
		return
	}
	c.cur = append(c.cur, content.Span{Text: s, Em: st.em, Strong: st.strong, Href: st.href})
}

// addCode adds a code span's text, marked Code.
func (c *inlineCollector) addCode(s string, st style) {
	if s == "" {
		return
	}
	c.cur = append(c.cur, content.Span{Text: s, Em: st.em, Strong: st.strong, Href: st.href, Code: true})
}

func (c *inlineCollector) end(hard bool) {
	c.lines = append(c.lines, line{text: c.cur.Normalize(), hard: hard})
	c.cur = nil
}

func (c *inlineCollector) walk(parent ast.Node, st style) {
	var skip ast.Node // read already, up to and with this node
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if skip != nil {
			if n == skip {
				skip = nil
			}
			continue
		}
		switch n := n.(type) {
		case *ast.Text:
			if n.IsRaw() {
				c.add(string(n.Value(c.r.src)), st)
			} else {
				c.add(unescapeAs(n.Value(c.r.src), c.literal), st)
			}
			switch {
			case n.HardLineBreak():
				c.end(true)
			case n.SoftLineBreak():
				c.end(false)
			}
		case *ast.String:
			c.add(unescape(n.Value), st)
		case *ast.CodeSpan:
			// Code keeps its characters as typed: the marks read in the
			// text around it (highlights, tags, wiki links, bracketed
			// spans) are not read in it ("`==x==`" is no highlight), nor
			// is smart punctuation set in it (Span.Code).
			var b strings.Builder
			for t := n.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Value(c.r.src))
				}
			}
			c.addCode(b.String(), st)
		case *ast.Emphasis:
			s := st
			if n.Level >= 2 {
				s.strong = true
			} else {
				s.em = true
			}
			c.walk(n, s)
		case *ast.Link:
			c.walk(n, c.link(n, st, unescape(n.Destination)))
		case *ast.AutoLink:
			href := string(n.URL(c.r.src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(href), "mailto:") {
				href = "mailto:" + href
			}
			c.add(string(n.Label(c.r.src)), c.link(n, st, href))
		case *ast.Image:
			c.r.image(n, c.line(n))
		case *ast.RawHTML:
			raw := string(n.Segments.Value(c.r.src))
			if num, close := c.supNumber(n, raw); close != nil {
				// "wall.<sup>1</sup>": a note's number, kept as the
				// Markdown footnotes' references are, "[1]" (it was run
				// into the word, "wall.1").
				c.add("["+num+"]", st)
				skip = close
				continue
			}
			switch {
			case strings.HasPrefix(raw, "<!--"):
				// Comments are the author's notes to themselves.
			case brRE.MatchString(raw):
				c.end(true)
			case strings.EqualFold(raw, "<cite>") && len(c.cur.TrimSpace()) == 0:
				// "> <cite>Alan Breck, Chapter 9</cite>" on the last line
				// of a quote: HTML's own mark of a source, read as the
				// "— Alan Breck, Chapter 9" line it stands for.
				c.cur, c.cite = nil, true
				c.add("— ", st)
			case strings.EqualFold(raw, "</cite>") && c.cite:
				c.cite = false
			default:
				c.r.warnHTML(c.line(n), raw)
			}
		case *east.FootnoteLink:
			c.add("["+strconv.Itoa(n.Index)+"]", st)
			c.r.usedFootnote(n.Index)
		case *east.TaskCheckBox:
			if c.r.mixedTicks(n) {
				// "- [x] In the churchyard" among "- [ ] …" options under
				// a question: the tick is the quiz's answer, which the
				// model cannot hold in the options (they are the pupils');
				// it goes to the answer key (ticks), whose note says the
				// boxes are gone: no second note for these boxes.
				if n.IsChecked {
					c.r.ticked(n, c.line(n))
				}
				break
			}
			if c.r.taskNoted {
				break
			}
			c.r.taskNoted = true
			c.r.note(c.line(n), "dropped the task-list check boxes (a study guide's lists have none); kept the items' text")
		default:
			c.walk(n, st)
		}
	}
}

// link is st with the link href, when the model accepts it; any other
// link keeps its text without the link, with a warning.
func (c *inlineCollector) link(n ast.Node, st style, href string) style {
	if content.SafeLink(href) {
		st.href = href
	} else {
		c.r.warn(c.line(n), "the link to %q is not an http, https or mailto address; kept its text without the link", href)
	}
	return st
}

func (c *inlineCollector) line(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return c.r.lineAt(p)
	}
	return c.lineNo
}

var brRE = lazyre.New(`(?i)^<br\s*/?>$`)

var entityRE = lazyre.New(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// unescape resolves backslash escapes and character references as
// CommonMark does in text.
func unescape(b []byte) string { return unescapeAs(b, false) }

// unescapeAs is unescape, an escaped character given as its literal
// stand-in (literalOf) when literal is set.
func unescapeAs(b []byte, literal bool) string {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\\' && i+1 < len(b) && isPunct(b[i+1]) {
			if literal {
				out.WriteRune(literalOf(rune(b[i+1])))
			} else {
				out.WriteByte(b[i+1])
			}
			i++
			continue
		}
		if c == '&' {
			if m := entityRE.Find(b[i:]); m != nil {
				s := string(m)
				if u := html.UnescapeString(s); u != s {
					if u == "\x00" {
						u = "\uFFFD"
					}
					out.WriteString(u)
					i += len(m) - 1
					continue
				}
			}
		}
		out.WriteByte(c)
	}
	return out.String()
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// joinLines makes one text of lines, a space where each line broke.
func joinLines(ls []line) content.Text {
	var t content.Text
	for i, l := range ls {
		if i > 0 {
			t = append(t, content.Span{Text: " "})
		}
		t = append(t, l.text...)
	}
	return t.Normalize()
}

func hasHard(ls []line) bool {
	for _, l := range ls[:max(len(ls)-1, 0)] {
		if l.hard {
			return true
		}
	}
	return false
}

// verseLines groups lines into verse lines: soft breaks join, hard breaks
// separate.
func verseLines(ls []line) []content.Text {
	var out []content.Text
	var cur []line
	for _, l := range ls {
		cur = append(cur, l)
		if l.hard {
			out = append(out, joinLines(cur))
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, joinLines(cur))
	}
	return out
}

// allStrong reports whether every non-space span is strong.
func allStrong(t content.Text) bool {
	if len(t) == 0 {
		return false
	}
	for _, s := range t {
		if !s.Strong && strings.TrimSpace(s.Text) != "" {
			return false
		}
	}
	return true
}

// plainOf strips styles from t (headings, questions and speakers are plain
// strings in the model).
func plainOf(t content.Text) string { return strings.TrimSpace(t.Plain()) }

// trimPrefix removes a plain prefix of n bytes from t.
func trimPrefix(t content.Text, n int) content.Text {
	t = append(content.Text(nil), t...)
	for len(t) > 0 && n > 0 {
		if len(t[0].Text) <= n {
			n -= len(t[0].Text)
			t = t[1:]
			continue
		}
		t[0].Text = t[0].Text[n:]
		n = 0
	}
	return t.TrimSpace()
}

// trimSuffixBytes removes the last n bytes from t.
func trimSuffixBytes(t content.Text, n int) content.Text {
	t = append(content.Text(nil), t...)
	for len(t) > 0 && n > 0 {
		k := len(t) - 1
		if len(t[k].Text) <= n {
			n -= len(t[k].Text)
			t = t[:k]
			continue
		}
		t[k].Text = t[k].Text[:len(t[k].Text)-n]
		n = 0
	}
	return t.TrimSpace()
}

// optionsOf is the list box's item is in and the item that list is
// nested in (a question's, when the list is its options: "1. Where…?" /
// "   - [x] …"); nil q when there is none, or it has no text.
func optionsOf(box *east.TaskCheckBox) (list ast.Node, q *ast.ListItem) {
	for p := box.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.List); ok {
			list = p
			break
		}
	}
	if list == nil {
		return nil, nil
	}
	q, ok := list.Parent().(*ast.ListItem)
	if !ok || q.FirstChild() == nil || q.FirstChild().Lines().Len() == 0 {
		return nil, nil
	}
	return list, q
}

// mixedTicks: box's list, under a question, holds both ticked and
// unticked boxes.
func (r *reader) mixedTicks(box *east.TaskCheckBox) bool {
	list, q := optionsOf(box)
	if q == nil {
		return false
	}
	// Every box of a list asks (a list's boxes are read one after
	// another): the answer for the last list is kept, so that a long
	// list is walked once, not once a box.
	if list == r.mixedList {
		return r.mixed
	}
	r.mixedList, r.mixed = list, r.mixedOptions(list, q)
	return r.mixed
}

// mixedOptions: list, under the question item q, holds both ticked and
// unticked boxes, and q asks.
func (r *reader) mixedOptions(list ast.Node, q *ast.ListItem) bool {
	ql := q.FirstChild().Lines()
	last := ql.At(ql.Len() - 1)
	if qs := strings.TrimSpace(string(last.Value(r.src))); !strings.HasSuffix(qs, "?") && !strings.HasSuffix(qs, "？") {
		return false
	}
	var ticked, unticked bool
	for it := list.FirstChild(); it != nil; it = it.NextSibling() {
		if b := it.FirstChild(); b != nil {
			if cb, ok := b.FirstChild().(*east.TaskCheckBox); ok {
				ticked = ticked || cb.IsChecked
				unticked = unticked || !cb.IsChecked
			}
		}
	}
	return ticked && unticked
}

// tick is a quiz's answer, ticked among its options: the question, the
// option, the option's line.
type tick struct {
	question, option content.Text
	line             int
}

// ticked keeps the option box opens as its question's answer, once (an
// item may be read twice).
func (r *reader) ticked(box *east.TaskCheckBox, line int) {
	if r.ticking {
		return // the option's own text being read, below
	}
	for _, t := range r.ticks {
		if t.line == line {
			return
		}
	}
	_, q := optionsOf(box) // not nil: mixedTicks
	r.ticking = true
	opt := joinLines(r.peek(box.Parent())).TrimSpace()
	question := joinLines(r.peek(q.FirstChild())).TrimSpace()
	r.ticking = false
	r.ticks = append(r.ticks, tick{question: question, option: opt, line: line})
}

// answerKey appends the quiz answers ticked among their options as the
// answer key (vocab.AddAnswerKey): a teacher's ticked copy keeps its
// answers, and the pupils' options stay unmarked. (The model has no tick;
// a tick kept in the options would hand the pupils the answer.)
func (r *reader) answerKey() {
	if len(r.ticks) == 0 {
		return
	}
	slices.SortStableFunc(r.ticks, func(a, b tick) int { return a.line - b.line })
	answers := make([]vocab.Answer, len(r.ticks))
	for i, t := range r.ticks {
		answers[i] = vocab.Answer{Question: t.question, Option: t.option}
	}
	where := vocab.AddAnswerKey(r.g, answers)
	r.note(r.ticks[0].line, "read the options ticked ([x]) among others that are not as the quiz's answers (%d): they are gathered %s, each after its question; the options are kept without the ticks", len(r.ticks), where)
}

// supNumber reads "<sup>12</sup>" from its opening tag: the number, and
// the closing tag's node to go on after; nil when it is not one.
func (c *inlineCollector) supNumber(open *ast.RawHTML, raw string) (string, ast.Node) {
	if !strings.EqualFold(raw, "<sup>") {
		return "", nil
	}
	t, ok := open.NextSibling().(*ast.Text)
	if !ok {
		return "", nil
	}
	num := string(t.Value(c.r.src))
	if num == "" || len(num) > 3 || strings.Trim(num, "0123456789") != "" {
		return "", nil
	}
	close, ok := t.NextSibling().(*ast.RawHTML)
	if !ok || !strings.EqualFold(string(close.Segments.Value(c.r.src)), "</sup>") {
		return "", nil
	}
	return num, close
}

// wikiRE: an Obsidian wiki link, "[[Eppie]]", "[[Characters#Eppie|the
// child]]": its page (and heading), and the text shown for it.
var wikiRE = lazyre.New(`\[\[([^\[\]|#]*)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]`)

// bracketSource reports a block whose source holds "[[" (wiki links) or
// "]{" (pandoc's bracketed spans) as typed, not escaped as inspect
// --markdown escapes text ("\[\[", "\]{").
func (r *reader) bracketSource(n ast.Node) (wiki, span, mark, tag, literal bool) {
	if n.Type() != ast.TypeBlock {
		return false, false, false, false, false
	}
	ls := n.Lines()
	literal = true
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		v := seg.Value(r.src)
		// Only a cheap look: each token is read for what it is after
		// collecting, escaped ones and code spans left out (literalOf).
		wiki = wiki || bytes.Contains(v, []byte("[["))
		span = span || bytes.Contains(v, []byte("]{"))
		mark = mark || bytes.Contains(v, []byte("=="))
		tag = tag || bytes.IndexByte(v, '#') >= 0
		// A block that holds the stand-ins themselves is read without
		// them, as before (none is a character of any script).
		literal = literal && !bytes.Contains(v, []byte(literalLead))
	}
	return wiki, span, mark, tag, literal
}

// literalLead opens the UTF-8 of U+FDD0–U+FDEF, the noncharacters
// literalOf stands in with: Unicode keeps them for a program's own use.
const literalLead = "\xef\xb7"

// literalOf is the stand-in for a character that the passes after
// collecting read as syntax ("=", "#", "[", "]", "{"), for a character
// of a code span or an escaped one; any other is itself.
func literalOf(r rune) rune {
	if i := strings.IndexRune(literalChars, r); i >= 0 {
		return 0xFDD0 + rune(i)
	}
	return r
}

// literalChars are the characters literalOf stands in for, in the order
// of their stand-ins.
const literalChars = "=#[]{"

// unliteral turns literalOf's stand-ins back into their characters.
func unliteral(t content.Text) content.Text {
	out := t
	for i, sp := range t {
		if !strings.Contains(sp.Text, literalLead) {
			continue
		}
		if &out[0] == &t[0] {
			out = append(content.Text(nil), t...)
		}
		out[i].Text = strings.Map(func(r rune) rune {
			if r >= 0xFDD0 && r < 0xFDD0+rune(len(literalChars)) {
				return rune(literalChars[r-0xFDD0])
			}
			return r
		}, sp.Text)
	}
	return out
}

// highlightRE: Obsidian's (and many editors') highlight, "==text==", its
// text neither opening nor closing with a space (so "a == b" is not one).
var highlightRE = lazyre.New(`==([^=\s](?:[^=]*[^=\s])?)==`)

// highlights reads a highlight ("==Community==") as strong text: the
// note-taker marked the words as what matters, and bold is how print says
// so (the model has no highlight); the "==" were left in the text.
func highlights(t content.Text) content.Text {
	var out content.Text
	changed := false
	for _, sp := range t {
		if sp.Code || !strings.Contains(sp.Text, "==") {
			out = append(out, sp)
			continue
		}
		s := sp.Text
		for {
			loc := highlightRE.FindStringSubmatchIndex(s)
			if loc == nil {
				break
			}
			changed = true
			if loc[0] > 0 {
				pre := sp
				pre.Text = s[:loc[0]]
				out = append(out, pre)
			}
			hi := sp
			hi.Text, hi.Strong = s[loc[2]:loc[3]], true
			out = append(out, hi)
			s = s[loc[1]:]
		}
		if s != "" {
			rest := sp
			rest.Text = s
			out = append(out, rest)
		}
	}
	if !changed {
		return t
	}
	return out.Normalize()
}

// obsidianTagRE: a run of Obsidian tags ending a line ("… hearth. #novel
// #victorian", "#theme/community"): "#" after a space or at the start,
// then letters, digits, "_", "-" or "/", at least one not a digit ("#1"
// is a number).
var obsidianTagRE = lazyre.New(`(?:^|\s)(?:#[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*\s*)+$`)

// trailingTags drops the tags that end a line, and says how many runs it
// dropped: they file a note in a vault (as the front matter's tags do),
// they are not the guide's text. Tags inside a sentence are words of it
// and stay.
func trailingTags(t content.Text) (content.Text, int) {
	if len(t) == 0 {
		return t, 0
	}
	last := t[len(t)-1]
	if last.Href != "" || last.Code || !strings.Contains(last.Text, "#") {
		return t, 0
	}
	loc := obsidianTagRE.FindStringIndex(last.Text)
	if loc == nil {
		return t, 0
	}
	out := append(content.Text(nil), t[:len(t)-1]...)
	if last.Text = strings.TrimRight(last.Text[:loc[0]], " \t"); last.Text != "" {
		out = append(out, last)
	}
	return out, 1
}

// spanRE: pandoc's bracketed span, "[unreliable]{.smallcaps}".
var spanRE = lazyre.New(`\[([^\[\]]*)\]\{[^{}]*\}`)

// bracketSpans keeps a bracketed span's text without its brackets and
// attributes ("unreliable" of "[unreliable]{.smallcaps}"): the look is the
// writers' to choose.
func bracketSpans(t content.Text) content.Text {
	out := append(content.Text(nil), t...)
	for i := range out {
		if !out[i].Code && strings.Contains(out[i].Text, "]{") {
			out[i].Text = spanRE.ReplaceAllString(out[i].Text, "$1")
		}
	}
	return out
}

// wikiLeads records the texts wiki links that open a line of src show
// ("Capitu" of "- [[Capitu]] — …", after a list marker or a quote's ">"),
// for wikiTerm.
func (r *reader) wikiLeads(src []byte) {
	if !bytes.Contains(src, []byte("[[")) {
		return
	}
	for len(src) > 0 {
		ln := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			ln, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if !bytes.Contains(ln, []byte("[[")) {
			continue
		}
		s := strings.TrimLeft(string(leadMarkRE.ReplaceAll(ln, nil)), " \t")
		if !strings.HasPrefix(s, "[[") {
			continue
		}
		loc := wikiRE.FindStringSubmatchIndex(s)
		if loc == nil || loc[0] != 0 {
			continue
		}
		w := strings.TrimSpace(s[loc[2]:loc[3]])
		if loc[4] >= 0 && strings.TrimSpace(s[loc[4]:loc[5]]) != "" {
			w = strings.TrimSpace(s[loc[4]:loc[5]])
		}
		if w == "" {
			continue
		}
		if r.wikiTerms == nil {
			r.wikiTerms = map[string]bool{}
		}
		r.wikiTerms[w] = true
	}
}

// leadMarkRE: what opens a line before its text: quote marks, a list
// marker.
var leadMarkRE = lazyre.New(`^[ \t>]*(?:[-*+]|\d{1,9}[.)])?[ \t]*`)

// termSeps are what may part a term from its definition on a line.
var termSeps = []string{" —", " –", " - ", " --", ":", " :", "\u00a0:"}

// wikiTerm is t with the text of the wiki link that opens it (wikiLeads)
// set apart in bold, as a term typed in bold is: "[[Capitu]] — …" in an
// Obsidian vault is a name over what it says of it, as "**Capitu** — …"
// (and "Capitu — …" in plain text) is, and reads as a definition by the
// same rules (termLine). Any other t is returned as it is.
func (r *reader) wikiTerm(t content.Text) content.Text {
	if len(r.wikiTerms) == 0 {
		return t
	}
	t = t.TrimSpace()
	if len(t) == 0 || t[0].Code || t[0].Strong || t[0].Href != "" {
		return t
	}
	s := t[0].Text
	end := -1
	for _, sep := range termSeps {
		if i := strings.Index(s, sep); i > 0 && (end < 0 || i < end) {
			end = i
		}
	}
	if end < 0 || !r.wikiTerms[strings.TrimSpace(s[:end])] {
		return t
	}
	head := t[0]
	head.Text, head.Strong = strings.TrimSpace(s[:end]), true
	rest := t[0]
	rest.Text = s[end:]
	return append(content.Text{head, rest}, t[1:]...)
}

// wikiLinks keeps the text an Obsidian wiki link shows ("the child" of
// "[[Characters#Eppie|the child]]", "Eppie" of "[[Eppie]]"): the pages of
// a vault are not the guide's, so no link is kept; the brackets were left
// in the text.
func wikiLinks(t content.Text) content.Text {
	var out content.Text
	changed := false
	for _, sp := range t {
		if !sp.Code && strings.Contains(sp.Text, "[[") {
			s := wikiRE.ReplaceAllStringFunc(sp.Text, func(m string) string {
				g := wikiRE.FindStringSubmatch(m)
				if strings.TrimSpace(g[2]) != "" {
					return strings.TrimSpace(g[2])
				}
				return strings.TrimSpace(g[1])
			})
			changed = changed || s != sp.Text
			sp.Text = s
		}
		out = append(out, sp)
	}
	if !changed {
		return t
	}
	return out
}
