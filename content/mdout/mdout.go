// Package mdout writes a guide as canonical Markdown: YAML front matter and
// a body that content/markdown reads back to the same model (diagnostics
// aside). `guidepress inspect --markdown` prints it, so that a person can
// fix a misread guide in Markdown rather than in JSON.
package mdout

import (
	"bytes"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/markdown"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/guidepress/guidepress/templates/labels"
)

// Write prints g as Markdown.
func Write(w io.Writer, g *content.Guide) error {
	var fm markdown.FrontMatter
	fm.Title, fm.Author, fm.Publisher = g.Title, g.Author, g.Publisher
	fm.Book.Title, fm.Book.Author, fm.Book.Year = g.Book.Title, g.Book.Author, g.Book.Year
	fm.Language, fm.ReadingMinutes, fm.Cover = g.Language, g.ReadingMinutes, g.Cover
	if !smartFixed(g) {
		// The text holds straight quotes or "--" that smart punctuation
		// would change on reading: say so, so that it reads back as is.
		f := false
		fm.Smart = &f
	}
	head, err := markdown.EncodeFrontMatter(fm)
	if err != nil {
		return err
	}
	b := &writer{explanation: labels.For(g.Language).Explanation}
	b.buf.Write(head)
	// What would stand right under the title heading: the synopsis, or
	// else the first section's heading (the quotes' is never a by-line).
	var under content.Text
	if len(g.Synopsis) > 0 {
		under = g.Synopsis[0]
	} else if len(g.Quotes) == 0 && len(g.Sections) > 0 {
		under = content.Plain(g.Sections[0].Title)
	}
	if g.Book.Author != "" || under == nil || !markdown.UnderTitle(under) {
		// The title heading, unless what comes under it would be read
		// as its by-line or reading time (the front matter names the
		// guide either way).
		b.blank()
		b.line("# " + escHeading(g.Title))
	}
	for _, p := range g.Synopsis {
		b.blank()
		b.para(p)
	}
	if len(g.Quotes) > 0 {
		b.blank()
		b.line("## " + escHeading(vocab.Name(vocab.Quotes, g.Language)))
		for _, q := range g.Quotes {
			b.blank()
			b.quote(q.Text, q.Lines, q.Attribution, q.Explanation)
		}
	}
	for _, s := range g.Sections {
		b.section(s, 2, g.Language)
	}
	if len(g.FAQ) > 0 {
		b.blank()
		b.line("## " + escHeading(vocab.Name(vocab.FAQ, g.Language)))
		for _, f := range g.FAQ {
			b.blank()
			b.line("### " + escHeading(f.Question))
			for _, a := range f.Answer {
				b.blank()
				b.para(a)
			}
		}
	}
	_, err = w.Write(b.buf.Bytes())
	return err
}

// smartFixed reports whether smart punctuation leaves g as it is.
func smartFixed(g *content.Guide) bool {
	s := markdown.Smarten(g)
	s.Diagnostics = g.Diagnostics
	return reflect.DeepEqual(s, g)
}

type writer struct {
	buf bytes.Buffer
	// explanation labels a quote's explanation in the guide's language
	// ("Explicación:"), as the reader reads it back (vocab.ExplanationLabel).
	explanation string
	lastKind    content.BlockKind
	listAlt     bool
	needBlank   bool
}

func (b *writer) line(s string) { b.buf.WriteString(s); b.buf.WriteByte('\n') }

func (b *writer) blank() {
	if b.buf.Len() > 0 && !bytes.HasSuffix(b.buf.Bytes(), []byte("\n\n")) {
		b.buf.WriteByte('\n')
	}
}

func (b *writer) para(t content.Text) { b.line(escResidue(escStart(inline(t, false)), t.Plain())) }

// escResidue writes the first character of a paragraph that, on one
// line, the reader would set aside as page residue ("Next section » 2",
// "5 min read") as a character reference: the reader kept it (its lines
// apart were not all residue; the model joins them), and reads a
// paragraph opening with a reference as typed text.
func escResidue(s, plain string) string {
	if s == "" || strings.HasPrefix(s, "&") {
		return s
	}
	if _, ok := vocab.ReadingMinutes(plain); !ok && vocab.Furniture(plain) == "" {
		return s
	}
	if s[0] == '\\' && len(s) > 1 {
		return "&#" + strconv.Itoa(int(s[1])) + ";" + s[2:]
	}
	r, n := utf8.DecodeRuneInString(s)
	return "&#" + strconv.Itoa(int(r)) + ";" + s[n:]
}

func (b *writer) section(s content.Section, level int, lang string) {
	b.blank()
	h := strings.Repeat("#", min(level, 6)) + " " + escHeading(s.Title)
	if attr, ok := roleAttr(s, level); ok {
		h += " " + attr
	}
	b.line(h)
	b.lastKind = ""
	for i, bl := range s.Blocks {
		b.blank()
		if n, ok := paraNumber(bl); ok && i+1 < len(s.Blocks) {
			if m, ok := paraNumber(s.Blocks[i+1]); ok && m == n+1 {
				// "1. First" over "2. Second": written "1\." they
				// would read back as an ordered list (the reader takes
				// escaped numbers in sequence for one, as exports write
				// lists); "1&#46;" is a paragraph's "1." still.
				b.line(escNumber(inline(bl.Text, false)))
				b.lastKind = content.Paragraph
				continue
			}
		}
		b.block(bl)
	}
	for _, sub := range s.Subsections {
		b.section(sub, level+1, lang)
	}
}

// roleAttr is the {role=…} attribute a heading needs when the reader would
// not infer the section's role (or would read it as quotes or FAQ).
func roleAttr(s content.Section, level int) (string, bool) {
	inferred := vocab.Heading{}
	if level == 2 {
		inferred = vocab.Classify(s.Title)
	}
	if inferred.Kind == vocab.Section && inferred.Role == s.Role || inferred.Kind == vocab.Unknown && s.Role == "" && !vocab.Contents(s.Title) {
		return "", false
	}
	if s.Role == "" {
		return "{role=none}", true
	}
	return "{role=" + string(s.Role) + "}", true
}

func (b *writer) block(bl content.Block) {
	switch bl.Kind {
	case content.Paragraph:
		b.para(bl.Text)
	case content.BlockQuote:
		b.quote(bl.Text, bl.Lines, bl.Attribution, bl.Explanation)
	case content.Verse:
		lines := bl.Lines
		if bl.Speaker == "" && codeLines(lines) {
			// Lines of code: a fenced code block, which keeps them as
			// typed (the reader marks its lines Code).
			b.line("```")
			for _, l := range lines {
				b.line(l.Plain())
			}
			b.line("```")
			break
		}
		var out []string
		if bl.Speaker != "" {
			out = append(out, "**"+esc(bl.Speaker, false)+"**")
		}
		for _, l := range lines {
			out = append(out, escStart(inline(l, false)))
		}
		if len(out) == 1 {
			out = append([]string{"```verse"}, strings.TrimSpace(lines[0].Plain()), "```")
			for _, l := range out {
				b.line(l)
			}
			break
		}
		for i, l := range out {
			if i < len(out)-1 {
				l += `\`
			}
			b.line(l)
		}
	case content.List:
		if b.lastKind == content.List {
			b.listAlt = !b.listAlt
		} else {
			b.listAlt = false
		}
		b.list(bl.Ordered, bl.Marker, bl.Start, bl.Items, "", b.listAlt)
	case content.Definitions:
		if b.lastKind == content.Definitions {
			b.line("<!-- -->")
			b.blank()
		}
		for i, d := range bl.Terms {
			if i > 0 {
				b.blank()
			}
			b.line(escStart(inline(d.Term, false)))
			b.line(": " + inline(d.Definition, false))
		}
	case content.Table:
		row := func(cells []content.Text) {
			var s strings.Builder
			s.WriteString("|")
			for _, c := range cells {
				s.WriteString(" " + inline(c, true) + " |")
			}
			b.line(s.String())
		}
		row(bl.Header)
		b.line("|" + strings.Repeat(" --- |", len(bl.Header)))
		for _, r := range bl.Rows {
			row(r)
		}
		if bl.Caption != nil {
			b.blank()
			b.line("Table: " + inline(bl.Caption, false))
		}
	}
	b.lastKind = bl.Kind
}

// codeLines: every line is code alone (one span, Code, unstyled, no
// link), as a fenced code block reads; a line a fence can hold (no
// "```", no spaces at its ends: the reader trims them).
func codeLines(lines []content.Text) bool {
	for _, l := range lines {
		l = l.Normalize()
		if len(l) != 1 || !l[0].Code || l[0].Em || l[0].Strong || l[0].Href != "" ||
			strings.Contains(l[0].Text, "```") || strings.TrimSpace(l[0].Text) != l[0].Text {
			return false
		}
	}
	return len(lines) > 0
}

func (b *writer) list(ordered bool, marker content.Marker, start int, items []content.ListItem, indent string, alt bool) {
	// Markdown has no lettered lists. A lettered sublist is lines "a. …"
	// of its item's paragraph (Pandoc's fancy_lists form); a lettered list
	// is bullets that start with their letter ("- A. …"), which may hold
	// sublists. The Markdown reader reads both back as lettered.
	letters := ordered && marker != content.Decimal && lettered(start, items)
	if letters && indent != "" {
		for i, it := range items {
			b.line(indent + marker.Label(start, i) + ". " + inline(it.Text, false))
		}
		return
	}
	for i, it := range items {
		label := "-"
		if alt {
			label = "*"
		}
		if letters {
			b.line(indent + label + " " + marker.Label(start, i) + ". " + inline(it.Text, false))
			if it.Sublist != nil {
				b.list(it.Sublist.Ordered, it.Sublist.Marker, it.Sublist.Start, it.Sublist.Items, indent+"  ", false)
			}
			continue
		}
		if ordered {
			d := "."
			if alt {
				d = ")"
			}
			label = strconv.Itoa(content.Number(start, i)) + d
		}
		b.line(indent + label + " " + escStart(inline(it.Text, false)))
		if it.Sublist != nil {
			b.list(it.Sublist.Ordered, it.Sublist.Marker, it.Sublist.Start, it.Sublist.Items, indent+strings.Repeat(" ", len(label)+1), false)
		}
	}
}

// lettered reports whether items can be written with their letters: two
// or more (one "A. …" alone reads as a sentence), within a to z. Other
// lettered lists are written with numbers and read back so.
func lettered(start int, items []content.ListItem) bool {
	return len(items) >= 2 && content.Number(start, len(items)-1) <= 26
}

func (b *writer) quote(text content.Text, lines []content.Text, attr content.Text, expl []content.Text) {
	var body []string
	if len(lines) > 0 {
		for i, l := range lines {
			s := escStart(inline(l, false))
			if i < len(lines)-1 {
				s += `\`
			}
			body = append(body, s)
		}
		if len(lines) == 1 && attr == nil {
			// One line of verse is a line ending in a hard break.
			body[0] += `\`
			body = append(body, "")
		}
	} else {
		body = append(body, escStart(inline(text, false)))
	}
	if attr != nil {
		body = append(body, "— "+inline(attr, false))
	}
	for _, l := range body {
		if l == "" {
			continue
		}
		b.line("> " + l)
	}
	for i, e := range expl {
		b.line(">")
		s := escStart(inline(e, false))
		if i == 0 {
			s = b.explanation + " " + inline(e, false)
		}
		b.line("> " + s)
	}
}

// inline writes text with its emphasis, strong and links; every other
// character a reader could take for Markdown is escaped.
func inline(t content.Text, cell bool) string {
	t = edges(t.Normalize())
	var s strings.Builder
	var em, strong bool
	for i := 0; i < len(t); {
		href := t[i].Href
		j := i
		for j < len(t) && t[j].Href == href {
			j++
		}
		autolink := href != "" && j == i+1 && t[i].Text == href && !t[i].Em && !t[i].Strong && !t[i].Code
		if autolink {
			s.WriteString("<" + href + ">")
			i = j
			continue
		}
		if href != "" {
			s.WriteString("[")
		}
		for k := i; k < j; k++ {
			sp := t[k]
			// Close what this span does not have, then open what it has.
			if strong && !sp.Strong {
				s.WriteString("**")
				strong = false
			}
			if em && !sp.Em {
				s.WriteString("*")
				em = false
			}
			if sp.Em && !em {
				s.WriteString("*")
				em = true
			}
			if sp.Strong && !strong {
				s.WriteString("**")
				strong = true
			}
			if sp.Code {
				s.WriteString(codeSpan(sp.Text, cell))
				continue
			}
			s.WriteString(esc(sp.Text, cell))
		}
		if strong {
			s.WriteString("**")
			strong = false
		}
		if em {
			s.WriteString("*")
			em = false
		}
		if href != "" {
			s.WriteString("](" + escURL(href) + ")")
		}
		i = j
	}
	return s.String()
}

// codeSpan writes code's text as a Markdown code span, which keeps every
// character as typed: between runs of backticks of a length that no run
// in the text has, with a space inside each when the text opens or ends
// with a backtick or is spaced at both ends (the reader takes one such
// space off each end). In a table's cell "|" is escaped even there (GFM
// splits cells first).
func codeSpan(text string, cell bool) string {
	if cell {
		text = strings.ReplaceAll(text, "|", `\|`)
	}
	runs := map[int]bool{}
	for i := 0; i < len(text); {
		if text[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] == '`' {
			j++
		}
		runs[j-i] = true
		i = j
	}
	n := 1
	for runs[n] {
		n++
	}
	fence := strings.Repeat("`", n)
	if strings.HasPrefix(text, "`") || strings.HasSuffix(text, "`") ||
		strings.HasPrefix(text, " ") && strings.HasSuffix(text, " ") && strings.Trim(text, " ") != "" {
		text = " " + text + " "
	}
	return fence + text + fence
}

// spaceOut moves white space at the edges of styled spans out of them:
// "** once **" is not bold in Markdown. The space keeps the styles that go
// on across that edge (in "*Press `q` now*" the code splits the
// emphasis's text, which stays emphasised either side of it).
func spaceOut(t content.Text) content.Text {
	var out content.Text
	for i, sp := range t {
		if !sp.Em && !sp.Strong || sp.Code { // code keeps its spaces
			out = append(out, sp)
			continue
		}
		var prev, next content.Span
		if i > 0 {
			prev = t[i-1]
		}
		if i+1 < len(t) {
			next = t[i+1]
		}
		core := strings.TrimSpace(sp.Text)
		if core == "" {
			out = append(out, content.Span{Text: sp.Text, Href: sp.Href})
			continue
		}
		lead := sp.Text[:strings.Index(sp.Text, core)]
		trail := sp.Text[len(lead)+len(core):]
		if lead != "" {
			out = append(out, content.Span{Text: lead, Href: sp.Href, Em: sp.Em && prev.Em, Strong: sp.Strong && prev.Strong})
		}
		sp.Text = core
		out = append(out, sp)
		if trail != "" {
			out = append(out, content.Span{Text: trail, Href: sp.Href, Em: sp.Em && next.Em, Strong: sp.Strong && next.Strong})
		}
	}
	return out.Normalize()
}

// edges makes styled spans start and end where Markdown delimiters can:
// no white space inside them (spaceOut), no punctuation glued to a word
// outside them (unglue), until neither changes anything.
func edges(t content.Text) content.Text {
	for i := 0; i < 8; i++ {
		next := unglue(spaceOut(t))
		if len(next) == len(t) && slices.Equal(next, t) {
			break
		}
		t = next
	}
	return t
}

// unglue moves punctuation at the edge of a styled span out of it when the
// character beyond that edge is a letter or digit: "word*.,*" or
// "*“q”*word" cannot be emphasis in Markdown (the delimiters would not
// flank), and would be read back as literal asterisks.
func unglue(t content.Text) content.Text {
	for changed := true; changed; {
		changed = false
		for i := range t {
			sp := t[i]
			if (!sp.Em && !sp.Strong) || sp.Code || sp.Text == "" {
				continue
			}
			if i > 0 && alnumEnd(t[i-1].Text) {
				if r, n := utf8.DecodeRuneInString(sp.Text); isPunct(r) {
					t = splice(t, i, content.Span{Text: sp.Text[:n], Href: sp.Href}, sp.Text[n:], true)
					changed = true
					break
				}
			}
			if i+1 < len(t) && alnumStart(t[i+1].Text) {
				if r, n := utf8.DecodeLastRuneInString(sp.Text); isPunct(r) {
					t = splice(t, i, content.Span{Text: sp.Text[len(sp.Text)-n:], Href: sp.Href}, sp.Text[:len(sp.Text)-n], false)
					changed = true
					break
				}
			}
		}
	}
	return t.Normalize()
}

// splice replaces span i by its text rest and the unstyled piece, before
// or after it.
func splice(t content.Text, i int, piece content.Span, rest string, before bool) content.Text {
	kept := t[i]
	kept.Text = rest
	var mid content.Text
	if before {
		mid = content.Text{piece, kept}
	} else {
		mid = content.Text{kept, piece}
	}
	out := append(content.Text(nil), t[:i]...)
	out = append(out, mid...)
	return append(out, t[i+1:]...).Normalize()
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func alnumEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func alnumStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

var entityLike = lazyre.New(`^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// esc escapes the characters that are Markdown anywhere in a line, and
// those the reader takes for an Obsidian note's marks: "=" beside another
// (a highlight, "==Community==") and "#" opening a word (a tag, "#novel",
// dropped where it ends a line).
func esc(s string, cell bool) string {
	if !strings.ContainsAny(s, "\\`*_[]<>&|~{}!=#") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '~':
			b.WriteByte('\\')
		case '|':
			if cell {
				b.WriteByte('\\')
			}
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				b.WriteByte('\\')
			}
		case '&':
			if entityLike.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		case '=':
			if i > 0 && s[i-1] == '=' || i+1 < len(s) && s[i+1] == '=' {
				b.WriteByte('\\')
			}
		case '#':
			if i == 0 || s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n' {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

var (
	blockStartRE = lazyre.New(`^(?:[#>+=:|-]|\d{1,9}[.)])`)
)

// escStart escapes what would make a line start a block: a heading, a
// quote, a list item, a setext underline, a definition or a table row.
func escStart(s string) string {
	if m := blockStartRE.FindString(s); m != "" {
		return m[:len(m)-1] + `\` + m[len(m)-1:] + s[len(m):]
	}
	return s
}

// numberRE: a paragraph's opening number, as the Markdown reader reads
// one (1–3 figures, "." or ")", a space, text).
var numberRE = lazyre.New(`^(\d{1,3})[.)][ \t]+\S`)

// paraNumber is the number a paragraph block opens with.
func paraNumber(bl content.Block) (int, bool) {
	if bl.Kind != content.Paragraph {
		return 0, false
	}
	m := numberRE.FindStringSubmatch(bl.Text.Plain())
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

// escNumber writes the stop or bracket after a paragraph's opening number
// as a character reference ("1&#46; First"), which neither starts a list
// nor reads as an exported list's escaped number.
func escNumber(s string) string {
	m := numberRE.FindStringIndex(s)
	if m == nil {
		return escStart(s)
	}
	i := strings.IndexAny(s, ".)")
	return s[:i] + "&#" + strconv.Itoa(int(s[i])) + ";" + s[i+1:]
}

// escHeading escapes a heading's text: also "#" (a closing sequence) and
// braces (an attribute list).
func escHeading(s string) string {
	s = esc(s, false)
	if !strings.ContainsAny(s, "#{}") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\': // escaped by esc already, with what follows it
			b.WriteByte(c)
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
			continue
		case '#', '{', '}':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func escURL(u string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, " ", "%20").Replace(u)
}
