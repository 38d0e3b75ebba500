package epub

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// node is an element of a parsed XHTML document, or (Name "") a run of
// character data.
type node struct {
	Name     string
	Attr     map[string]string
	Children []*node
	Text     string
}

// parseXHTML reads a content document into a tree (strict XML: the
// parse itself checks well-formedness).
func parseXHTML(t testing.TB, name string, data []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &node{Name: "#document"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		top := stack[len(stack)-1]
		switch x := tok.(type) {
		case xml.StartElement:
			n := &node{Name: x.Name.Local, Attr: map[string]string{}}
			for _, a := range x.Attr {
				k := a.Name.Local
				if a.Name.Space == "http://www.idpf.org/2007/ops" {
					k = "epub:" + k
				}
				n.Attr[k] = a.Value
			}
			top.Children = append(top.Children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.Children = append(top.Children, &node{Text: string(x)})
		}
	}
	return root
}

// elems are the element children of n, skipping white space between them
// (other character data there is an error of the caller's expectations,
// reported by the checks that read text).
func (n *node) elems() []*node {
	var out []*node
	for _, c := range n.Children {
		if c.Name != "" {
			out = append(out, c)
		}
	}
	return out
}

// find returns every element below n (n included) for which ok holds, in
// document order.
func (n *node) find(ok func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if m.Name != "" && ok(m) {
			out = append(out, m)
		}
		for _, c := range m.Children {
			walk(c)
		}
	}
	walk(n)
	return out
}

func (n *node) byID(id string) *node {
	if f := n.find(func(m *node) bool { return m.Attr["id"] == id }); len(f) == 1 {
		return f[0]
	}
	return nil
}

func (n *node) hasClass(c string) bool {
	return strings.Contains(" "+n.Attr["class"]+" ", " "+c+" ")
}

// text is the element's character data.
func (n *node) text() string {
	if n.Name == "" {
		return n.Text
	}
	var b strings.Builder
	for _, c := range n.Children {
		b.WriteString(c.text())
	}
	return b.String()
}

func (n *node) String() string {
	if n == nil {
		return "<nil>"
	}
	return fmt.Sprintf("<%s %v>%.60q", n.Name, n.Attr, n.text())
}

// inline reads the inline content of an element back into the model's
// inline text: em, strong and a (with its href) become the span's style
// and link, wbr is nothing; any other element, or an element inside a
// link's text, is a failure. Elements named in stop (a nested list) end
// the inline content.
func inline(t testing.TB, where string, n *node, stop ...string) content.Text {
	t.Helper()
	var out content.Text
	var walk func(m *node, s content.Span)
	walk = func(m *node, s content.Span) {
		for _, c := range m.Children {
			switch c.Name {
			case "":
				s.Text = c.Text
				out = append(out, s)
			case "em", "strong", "a":
				cs := s
				switch c.Name {
				case "em":
					cs.Em = true
				case "strong":
					cs.Strong = true
				case "a":
					cs.Href = c.Attr["href"]
				}
				walk(c, cs)
			case "wbr":
				if s.Href == "" {
					t.Errorf("%s: <wbr/> outside a link", where)
				}
			default:
				for _, st := range stop {
					if c.Name == st {
						return
					}
				}
				t.Errorf("%s: unexpected <%s> in inline text", where, c.Name)
			}
		}
	}
	walk(n, content.Span{})
	return out.Normalize()
}

// sameText compares inline text read back with the model's, exactly:
// every character, style and link.
// Links compare by what they point at: html/template percent-encodes
// what a URL attribute must not hold raw (' as %27, ü as %c3%bc).
func sameText(t testing.TB, where string, got, want content.Text) {
	t.Helper()
	show := func(tx content.Text) string {
		spans := []content.Span(tx.Normalize())
		for i := range spans {
			if h, err := url.PathUnescape(spans[i].Href); err == nil {
				spans[i].Href = h
			}
		}
		return fmt.Sprintf("%+v", spans) // a []Span, not a Text: %v of a Text is its plain text
	}
	if g, w := show(got), show(want); g != w {
		t.Errorf("%s:\n got %s\nwant %s", where, g, w)
	}
}

// trimSpace is Text.TrimSpace on a copy (the model's text is never padded,
// the markup around a nested list is).
func trimSpace(tx content.Text) content.Text {
	return append(content.Text(nil), tx...).TrimSpace()
}

// want asserts an element's name (and class), reporting where.
func want(t testing.TB, where string, n *node, name, class string) bool {
	t.Helper()
	if n == nil || n.Name != name || class != "" && !n.hasClass(class) {
		t.Errorf("%s: got %v, want <%s class=%q>", where, n, name, class)
		return false
	}
	return true
}

// readBack parses every content document of the book and checks that it
// holds the guide, element by element, in order: synopsis, Key Quotes,
// each section's blocks (paragraphs, quotes with their attribution and
// explanation, lists with their numbers and nested lists, definitions,
// tables, verse) and subsections, and the FAQ. Inline text is read back
// into spans and compared exactly.
func readBack(t *testing.T, g *content.Guide, u *unpacked) {
	t.Helper()
	marks := marksFor(g.Language)
	doc := func(file string) *node { return parseXHTML(t, file, u.files[opfDir+xhtmlDir+file]) }

	if len(g.Synopsis) > 0 {
		var ps []*node
		if syn := doc(titleFile).find(func(m *node) bool { return m.hasClass("synopsis") }); len(syn) == 1 {
			ps = syn[0].find(func(m *node) bool { return m.Name == "p" })
		}
		if len(ps) != len(g.Synopsis) {
			t.Errorf("synopsis: %d paragraphs, want %d", len(ps), len(g.Synopsis))
		}
		for i := 0; i < len(ps) && i < len(g.Synopsis); i++ {
			sameText(t, fmt.Sprintf("synopsis[%d]", i), inline(t, "synopsis", ps[i]), g.Synopsis[i])
		}
	}

	if len(g.Quotes) > 0 {
		d := doc(quoteFile)
		for i, q := range g.Quotes {
			where := fmt.Sprintf("quotes[%d]", i)
			box := d.byID(fmt.Sprintf("quote-%d", i+1))
			if !want(t, where, box, "div", "key-quote") {
				continue
			}
			readQuote(t, where, box.elems(), marks, q.Text, q.Lines, q.Attribution, q.Explanation)
		}
	}

	var section func(where string, n *node, s content.Section, level int)
	section = func(where string, n *node, s content.Section, level int) {
		es := n.elems()
		if len(es) == 0 || es[0].Name != fmt.Sprintf("h%d", min(level, 4)) || strings.TrimSpace(es[0].text()) != s.Title {
			t.Errorf("%s: does not start with its heading %q", where, s.Title)
			return
		}
		es = es[1:]
		for j, b := range s.Blocks {
			bw := fmt.Sprintf("%s.blocks[%d] (%s)", where, j, b.Kind)
			if len(es) == 0 {
				t.Errorf("%s: missing", bw)
				return
			}
			es = readBlock(t, bw, es, b, marks)
		}
		for j, sub := range s.Subsections {
			sw := fmt.Sprintf("%s.subsections[%d]", where, j)
			if len(es) == 0 || !want(t, sw, es[0], "section", "subsection") {
				return
			}
			section(sw, es[0], sub, level+1)
			es = es[1:]
		}
		if len(es) > 0 {
			t.Errorf("%s: unexpected %v after the last block", where, es[0])
		}
	}
	per := sectionsPerDoc(len(g.Sections))
	for i, s := range g.Sections {
		d := doc(chapterFile(i / per))
		sec := d.byID(fmt.Sprintf("s%d", i+1))
		where := fmt.Sprintf("sections[%d]", i)
		if want(t, where, sec, "section", "chapter") {
			section(where, sec, s, 1)
		}
	}

	if len(g.FAQ) > 0 {
		d := doc(faqFile)
		for i, f := range g.FAQ {
			where := fmt.Sprintf("faq[%d]", i)
			q := d.byID(fmt.Sprintf("q%d", i+1))
			if q == nil {
				t.Errorf("%s: missing", where)
				continue
			}
			es := q.elems()
			if len(es) != 1+len(f.Answer) || strings.TrimSpace(es[0].text()) != f.Question {
				t.Errorf("%s: %d elements, want the question and %d answer paragraphs", where, len(es), len(f.Answer))
				continue
			}
			for j, a := range f.Answer {
				if want(t, where, es[1+j], "p", "") {
					sameText(t, fmt.Sprintf("%s.answer[%d]", where, j), inline(t, where, es[1+j]), a)
				}
			}
		}
	}

	// No Key Quote, nor anything else, is a pull quote (duplicated content
	// that assistive technology may skip).
	for name, b := range u.files {
		if bytes.Contains(b, []byte("pullquote")) {
			t.Errorf("%s: has a pull quote", name)
		}
	}
}

// readQuote checks a quotation: a blockquote holding the text (or lines)
// in its quotation marks and, in a footer, the attribution; then one
// paragraph of class explanation per explanation paragraph. It returns the
// elements after them.
func readQuote(t *testing.T, where string, es []*node, marks quoteMarks, text content.Text, lines []content.Text, attribution content.Text, explanation []content.Text) []*node {
	t.Helper()
	if len(es) == 0 || !want(t, where, es[0], "blockquote", "") {
		return nil
	}
	in := es[0].elems()
	if len(in) == 0 {
		t.Errorf("%s: empty blockquote", where)
		return es[1:]
	}
	if len(lines) > 0 {
		if want(t, where+".lines", in[0], "p", "lines") {
			readLines(t, where+".lines", in[0], lines, marks.open, marks.close)
		}
	} else if want(t, where+".text", in[0], "p", "") {
		got := inline(t, where, in[0])
		wantText := append(append(content.Text{{Text: marks.open}}, text...), content.Span{Text: marks.close})
		sameText(t, where+".text (with quotation marks)", got, wantText)
	}
	if attribution != nil {
		if len(in) != 2 || !want(t, where+".attribution", in[1], "footer", "attribution") {
			t.Errorf("%s: no attribution footer inside the blockquote", where)
		} else {
			f := in[1]
			cite := f.elems()
			if len(cite) != 1 || cite[0].Name != "cite" || !strings.HasPrefix(f.text(), "— ") {
				t.Errorf("%s.attribution: want \"— <cite>…</cite>\", got %q", where, f.text())
			} else {
				sameText(t, where+".attribution", inline(t, where, cite[0]), attribution)
			}
		}
	} else if len(in) != 1 {
		t.Errorf("%s: %d elements in the blockquote, want 1", where, len(in))
	}
	es = es[1:]
	for k, e := range explanation {
		ew := fmt.Sprintf("%s.explanation[%d]", where, k)
		if len(es) == 0 || !want(t, ew, es[0], "p", "explanation") {
			return es
		}
		sameText(t, ew, inline(t, ew, es[0]), e)
		es = es[1:]
	}
	return es
}

// readLines checks verse lines: one span of class line per line, a br
// between two lines (so they break without the stylesheet), the quotation
// marks (if any) inside the first and the last.
func readLines(t *testing.T, where string, p *node, lines []content.Text, open, close string) {
	t.Helper()
	es := p.elems()
	if len(es) != 2*len(lines)-1 {
		t.Errorf("%s: %d elements for %d lines", where, len(es), len(lines))
		return
	}
	for i, l := range lines {
		lw := fmt.Sprintf("%s[%d]", where, i)
		if !want(t, lw, es[2*i], "span", "line") {
			return
		}
		if i > 0 && es[2*i-1].Name != "br" {
			t.Errorf("%s: no <br/> before the line", lw)
		}
		w := l
		if i == 0 && open != "" {
			w = append(content.Text{{Text: open}}, w...)
		}
		if i == len(lines)-1 && close != "" {
			w = append(append(content.Text(nil), w...), content.Span{Text: close})
		}
		sameText(t, lw, inline(t, lw, es[2*i]), w)
	}
	for _, c := range p.Children {
		if c.Name == "" && strings.TrimSpace(c.Text) != "" {
			t.Errorf("%s: text %q outside the lines", where, c.Text)
		}
	}
}

// readBlock checks one block against the elements at the head of es and
// returns the elements after it.
func readBlock(t *testing.T, where string, es []*node, b content.Block, marks quoteMarks) []*node {
	t.Helper()
	e := es[0]
	switch b.Kind {
	case content.Paragraph:
		if want(t, where, e, "p", "") {
			sameText(t, where, inline(t, where, e), b.Text)
		}
	case content.BlockQuote:
		return readQuote(t, where, es, marks, b.Text, b.Lines, b.Attribution, b.Explanation)
	case content.List:
		readList(t, where, e, b.Ordered, b.Start, b.Items)
	case content.Definitions:
		if !want(t, where, e, "dl", "") {
			break
		}
		kids := e.elems()
		if len(kids) != 2*len(b.Terms) {
			t.Errorf("%s: %d children for %d terms", where, len(kids), len(b.Terms))
			break
		}
		for i, d := range b.Terms {
			tw := fmt.Sprintf("%s.terms[%d]", where, i)
			if want(t, tw+".term", kids[2*i], "dt", "") && want(t, tw+".definition", kids[2*i+1], "dd", "") {
				sameText(t, tw+".term", inline(t, tw, kids[2*i]), d.Term)
				sameText(t, tw+".definition", inline(t, tw, kids[2*i+1]), d.Definition)
			}
		}
	case content.Table:
		if !want(t, where, e, "table", "") {
			break
		}
		kids := e.elems()
		if b.Caption != nil {
			if len(kids) == 0 || !want(t, where+".caption", kids[0], "caption", "") {
				break
			}
			sameText(t, where+".caption", inline(t, where, kids[0]), b.Caption)
			kids = kids[1:]
		}
		if len(kids) != 2 || !want(t, where, kids[0], "thead", "") || !want(t, where, kids[1], "tbody", "") {
			t.Errorf("%s: want thead and tbody", where)
			break
		}
		rows := append(kids[0].elems(), kids[1].elems()...)
		if len(rows) != 1+len(b.Rows) {
			t.Errorf("%s: %d rows, want 1 + %d", where, len(rows), len(b.Rows))
			break
		}
		for r, row := range append([][]content.Text{b.Header}, b.Rows...) {
			cells := rows[r].elems()
			if len(cells) != len(row) {
				t.Errorf("%s: row %d has %d cells, want %d", where, r, len(cells), len(row))
				continue
			}
			for c, cell := range row {
				cw := fmt.Sprintf("%s.rows[%d][%d]", where, r-1, c)
				if r == 0 {
					cw = fmt.Sprintf("%s.header[%d]", where, c)
					if !want(t, cw, cells[c], "th", "") || cells[c].Attr["scope"] != "col" {
						t.Errorf("%s: a header cell without scope=col", cw)
					}
				} else {
					want(t, cw, cells[c], "td", "")
				}
				sameText(t, cw, inline(t, cw, cells[c]), cell)
			}
		}
	case content.Verse:
		if !want(t, where, e, "div", "verse") {
			break
		}
		kids := e.elems()
		if b.Speaker != "" {
			if len(kids) == 0 || !want(t, where+".speaker", kids[0], "p", "speaker") || kids[0].text() != b.Speaker {
				t.Errorf("%s: speaker %q missing", where, b.Speaker)
				break
			}
			kids = kids[1:]
		}
		if len(kids) != 1 || !want(t, where+".lines", kids[0], "p", "lines") {
			break
		}
		readLines(t, where+".lines", kids[0], b.Lines, "", "")
	default:
		t.Errorf("%s: unknown kind", where)
	}
	return es[1:]
}

// readList checks a list element: ol or ul, its start number, and each
// item's text and nested list.
func readList(t *testing.T, where string, e *node, ordered bool, start int, items []content.ListItem) {
	t.Helper()
	name := "ul"
	if ordered {
		name = "ol"
	}
	if !want(t, where, e, name, "") {
		return
	}
	wantStart := ""
	if ordered && start > 1 {
		wantStart = strconv.Itoa(start)
	}
	if got := e.Attr["start"]; got != wantStart {
		t.Errorf("%s: start=%q, want %q", where, got, wantStart)
	}
	lis := e.elems()
	if len(lis) != len(items) {
		t.Errorf("%s: %d items, want %d", where, len(lis), len(items))
		return
	}
	for i, it := range items {
		iw := fmt.Sprintf("%s.items[%d]", where, i)
		if !want(t, iw, lis[i], "li", "") {
			continue
		}
		sameText(t, iw, trimSpace(inline(t, iw, lis[i], "ul", "ol")), it.Text)
		var sub []*node
		for _, c := range lis[i].elems() {
			if c.Name == "ul" || c.Name == "ol" {
				sub = append(sub, c)
			}
		}
		switch {
		case it.Sublist == nil && len(sub) != 0:
			t.Errorf("%s: a nested list the model does not have", iw)
		case it.Sublist != nil && len(sub) != 1:
			t.Errorf("%s: %d nested lists, want 1", iw, len(sub))
		case it.Sublist != nil:
			readList(t, iw+".sublist", sub[0], it.Sublist.Ordered, it.Sublist.Start, it.Sublist.Items)
		}
	}
}
