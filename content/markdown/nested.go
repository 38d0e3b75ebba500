package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/yuin/goldmark/ast"
)

// A block quote nested in another ("> > …") is either the quotation in a
// frame — a callout that labels it ("> **Key quote**", "> [!quote]
// Chapter 9", "> Walton writes to his sister:") and says where it comes
// from and what it means under it — or a note inside a quotation. The
// model's quote holds no other quote: the first is the quote, the frame
// its attribution and explanation; the second is the quotation's
// explanation. Both were run into one text.

// calloutRE: an Obsidian callout's or a GitHub alert's marker, "[!quote]",
// "[!NOTE]", "[!faq]-", and the title after it.
var calloutRE = lazyre.New(`^\[!([A-Za-z][A-Za-z-]*)\][+-]?\s*(.*)$`)

// framedQuote reads a block quote whose own text before its first nested
// block quote only labels it (or there is none): the nested quote is the
// quotation; the frame's paragraphs after it are its attribution and
// explanation.
func (r *reader) framedQuote(n *ast.Blockquote) (quote, bool) {
	var inner *ast.Blockquote
	var lead []content.Text // lead-ins kept: "Walton writes to his sister:"
	var place content.Text  // a label that names a place: "[!quote] Chapter 9"
	sentences := false      // a lead-in is a sentence of the frame's own
	for c := n.FirstChild(); c != nil && inner == nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Blockquote:
			inner = c
		case *ast.Paragraph:
			ls := r.peek(c)
			texts := []content.Text{joinLines(ls)}
			if len(ls) > 1 && c == n.FirstChild() && calloutRE.MatchString(strings.TrimSpace(ls[0].text.Plain())) {
				// "[!quote] Key quote" over "Eliot names the turning
				// point.": the title is the marker's line only.
				texts = []content.Text{ls[0].text, joinLines(ls[1:])}
			}
			for _, t := range texts {
				kind, rest := frameLabel(t)
				switch kind {
				case labelNone:
					sentences = true
					lead = append(lead, t)
				case labelPlace:
					if place != nil {
						lead = append(lead, rest)
					} else {
						place = rest
					}
				case labelLead:
					lead = append(lead, rest)
				}
			}
		default:
			return quote{}, false
		}
	}
	if inner == nil || sentences && !r.quotedWhole(inner, lead) {
		// The frame's own sentences are the quotation, the nested
		// quote a note in it (withNested).
		return quote{}, false
	}
	for c := n.FirstChild(); c != inner; c = c.NextSibling() {
		r.inlines(c) // what the labels report, now that they are read
	}
	q := r.readQuote(inner)
	var expl []content.Text
	for c := inner.NextSibling(); c != nil; c = c.NextSibling() {
		if p, ok := c.(*ast.Paragraph); ok {
			ls := r.inlines(p)
			if len(ls) == 0 {
				continue
			}
			t := joinLines(ls)
			if q.attribution == nil && len(expl) == 0 && len(ls) == 1 {
				if a := sourceLine(t); a != nil {
					q.attribution = a // "> — Chapter 9" under the inner quote
					continue
				}
			}
			if rest, ok := explanationLead(t); ok {
				if rest != nil {
					expl = append(expl, rest)
				}
				continue
			}
			expl = append(expl, t)
			continue
		}
		if bq, ok := c.(*ast.Blockquote); ok {
			expl = append(expl, quoteTexts(r.readQuote(bq))...)
			continue
		}
		expl = append(expl, r.flatten(c)...)
	}
	if q.attribution == nil && place != nil {
		q.attribution = place
	} else if place != nil {
		lead = append([]content.Text{place}, lead...)
	}
	q.lead = append(lead, q.lead...)
	q.expl = append(q.expl, expl...)
	if len(q.expl) == 0 {
		q.expl = nil
	}
	r.note(r.lineOf(n), "read the block quote nested in this one as the quotation, the text around it as its attribution and explanation (a quote holds no other quote)")
	return q, true
}

// quotedWhole: the nested quote inner is a quotation in its marks
// ("> > “The child was come instead of the gold.”") and the frame's
// sentences before it, lead, are not: they lead into it ("> In chapter
// 14 Eliot names the turning point.").
func (r *reader) quotedWhole(inner *ast.Blockquote, lead []content.Text) bool {
	p, ok := inner.FirstChild().(*ast.Paragraph)
	if !ok {
		return false
	}
	ls := r.peek(p)
	if len(ls) == 0 || !opensQuote(ls[0].text.TrimSpace()) {
		return false
	}
	for _, t := range lead {
		if opensQuote(t.TrimSpace()) {
			return false
		}
	}
	return true
}

// withNested adds the block quotes nested in a quotation after its own
// text as its explanation: notes inside the quotation ("> Some are born
// great…" / "> > Malvolio reads this from the forged letter"). A nested
// quote's attribution is the quotation's when it has none ("> > …" / "> —
// Chapter 1": CommonMark runs the dash line on into the nested quote).
func (r *reader) withNested(q quote, nested []*ast.Blockquote, n *ast.Blockquote) quote {
	if len(nested) == 0 {
		return q
	}
	for _, bq := range nested {
		in := r.readQuote(bq)
		if q.attribution == nil && in.attribution != nil {
			q.attribution, in.attribution = in.attribution, nil
		}
		q.expl = append(q.expl, quoteTexts(in)...)
	}
	r.note(r.lineOf(n), "read the block quote nested in the quotation as its explanation (a quote holds no other quote); to make it a quote of its own, end the first with a blank line and write it with one \">\"")
	return q
}

// quoteTexts is a quote as paragraphs: its text (its lines joined by
// " / "), its attribution after a dash, its explanation.
func quoteTexts(q quote) []content.Text {
	t := q.text
	if q.lines != nil {
		var parts []content.Text
		sep := content.Text{{Text: " / "}}
		for i, l := range q.lines {
			if i > 0 {
				parts = append(parts, sep)
			}
			parts = append(parts, l)
		}
		t = nil
		for _, p := range parts {
			t = append(t, p...)
		}
		t = t.Normalize()
	}
	if q.lead != nil {
		return append(append(append([]content.Text(nil), q.lead...), quoteTexts(quote{text: t, attribution: q.attribution})...), q.expl...)
	}
	if q.attribution != nil {
		t = append(append(append(content.Text{}, t...), content.Span{Text: " — "}), q.attribution...).Normalize()
	}
	return append([]content.Text{t}, q.expl...)
}

const (
	labelNone  = iota // text: the frame is a quotation itself
	labelDrop         // only labels the quote: "**Key quote**", "Quote 1", "[!quote]"
	labelPlace        // names where the quote comes from: "[!quote] Chapter 9", "*Chapter 9*"
	labelLead         // leads into it: "Walton writes to his sister:"
)

// frameLabel says what a paragraph of a frame before its nested quote is,
// and the text to keep.
func frameLabel(t content.Text) (int, content.Text) {
	p := strings.TrimSpace(t.Plain())
	if m := calloutRE.FindStringSubmatchIndex(p); m != nil {
		title := strings.TrimSpace(p[m[4]:m[5]])
		if title == "" || vocab.QuoteLabel(title) == len(title) || strings.EqualFold(title, p[m[2]:m[3]]) || vocab.Classify(title).Kind == vocab.Quotes {
			return labelDrop, nil
		}
		rest := trimPrefix(t, len(t.Plain())-len(strings.TrimLeft(t.Plain(), " "))+m[4]).TrimSpace()
		if strings.ContainsAny(title, "0123456789") && vocab.ParenAttribution("("+title+")") {
			return labelPlace, rest
		}
		return labelLead, rest
	}
	if p == "" || vocab.QuoteLabel(p) == len(p) {
		return labelDrop, nil
	}
	n := utf8.RuneCountInString(p)
	switch {
	case n <= 60 && wholeStyled(t) && !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, "?") && !strings.HasSuffix(p, "!"):
		if strings.ContainsAny(p, "0123456789") && vocab.ParenAttribution("("+strings.Trim(p, "()[] ")+")") {
			return labelPlace, plainStyle(t)
		}
		return labelDrop, nil // "**Key quote**", "*Remember this*"
	case n <= 120 && (strings.HasSuffix(p, ":") || strings.HasSuffix(p, "：")):
		return labelLead, t
	}
	return labelNone, nil
}

// plainStyle is t without emphasis or strong: a line styled whole.
func plainStyle(t content.Text) content.Text {
	out := append(content.Text(nil), t...)
	for i := range out {
		out[i].Em, out[i].Strong = false, false
	}
	return out.Normalize()
}

// callout reads an Obsidian callout or a GitHub alert ("> [!NOTE]", "> [!tip]
// Remember", "> [!faq]- Why?"): its type in lower case, its title (nil
// when it has none but its type's name), the lines of its first paragraph
// after the marker and the blocks after that paragraph. ok is false for
// any other block quote.
func (r *reader) callout(n *ast.Blockquote) (typ string, title content.Text, first []line, rest []ast.Node, ok bool) {
	p, isPara := n.FirstChild().(*ast.Paragraph)
	if !isPara || r.calloutType(n) == "" {
		return "", nil, nil, nil, false
	}
	ls := r.inlines(p)
	if len(ls) == 0 {
		return "", nil, nil, nil, false
	}
	plain := ls[0].text.Plain()
	lead := len(plain) - len(strings.TrimLeft(plain, " "))
	m := calloutRE.FindStringSubmatchIndex(strings.TrimSpace(plain))
	if m == nil {
		return "", nil, nil, nil, false
	}
	typ = strings.ToLower(strings.TrimSpace(plain)[m[2]:m[3]])
	if t := trimPrefix(ls[0].text, lead+m[4]).TrimSpace(); len(t) > 0 && !strings.EqualFold(t.Plain(), typ) {
		title = t
	}
	for c := p.NextSibling(); c != nil; c = c.NextSibling() {
		rest = append(rest, c)
	}
	return typ, title, ls[1:], rest, true
}

// questionAnswer reads a callout that asks, its question as title ("> [!faq]-
// Why …?"): the question and the paragraphs of its answer.
func (r *reader) questionAnswer(typ string, title content.Text, first []line, rest []ast.Node) (string, []content.Text, bool) {
	if !questionCallout(typ) || title == nil || !asks(title.Plain()) {
		return "", nil, false
	}
	var hidden []content.Text
	if len(first) > 0 {
		hidden = append(hidden, joinLines(first))
	}
	for _, c := range rest {
		hidden = append(hidden, r.flatten(c)...)
	}
	return strings.TrimSpace(title.Plain()), hidden, true
}

// quoteCallout: a callout of a quotation ("[!quote]", "[!cite]"), read as
// a quote; other callouts are the guide's own notes.
func quoteCallout(typ string) bool { return typ == "quote" || typ == "cite" }

// questionCallout: a callout that asks ("[!question] Why …?", "[!faq]").
func questionCallout(typ string) bool { return typ == "question" || typ == "faq" || typ == "help" }

// noteCallout reads a callout that is the guide's own note ("> [!NOTE]",
// "> [!tip] Remember") as its text: the title in bold over it, its
// paragraphs, lists and quotes as such (it was a quotation, "[!NOTE]" and
// all). One that asks, with its question as title, is read as a
// <details> disclosure is (disclosure).
func (r *reader) noteCallout(typ string, title content.Text, first []line, rest []ast.Node, line int) []content.Block {
	if q, hidden, ok := r.questionAnswer(typ, title, first, rest); ok {
		return r.disclosure("question callout", q, hidden, line)
	}
	var out []content.Block
	if title != nil {
		out = append(out, content.Block{Kind: content.Paragraph, Text: strongText(title)})
	}
	if len(first) > 0 {
		if hasHard(first) {
			out = append(out, verse(verseLines(first)))
		} else {
			out = append(out, content.Block{Kind: content.Paragraph, Text: joinLines(first)})
		}
	}
	out = append(out, r.blocks(rest)...)
	r.note(line, "read the %q callout as the guide's own text (its title in bold), not a quotation", typ)
	return out
}

// strongText is t all in strong, as a title in bold.
func strongText(t content.Text) content.Text {
	out := append(content.Text(nil), t...)
	for i := range out {
		out[i].Strong = true
	}
	return out.Normalize()
}

// blockTexts is a block's text as paragraphs, for places that hold only
// paragraphs.
func blockTexts(b content.Block) []content.Text {
	switch b.Kind {
	case content.Paragraph:
		return []content.Text{b.Text}
	case content.List:
		var out []content.Text
		for _, it := range b.Items {
			out = append(out, it.Text)
			if it.Sublist != nil {
				for _, s := range it.Sublist.Items {
					out = append(out, s.Text)
				}
			}
		}
		return out
	case content.Verse:
		return b.Lines
	case content.BlockQuote:
		return quoteTexts(quote{text: b.Text, lines: b.Lines, attribution: b.Attribution, expl: b.Explanation})
	case content.Definitions:
		var out []content.Text
		for _, d := range b.Terms {
			out = append(out, append(append(append(content.Text{}, d.Term...), content.Span{Text: " — "}), d.Definition...).Normalize())
		}
		return out
	case content.Table:
		var out []content.Text
		for _, row := range append([][]content.Text{b.Header}, b.Rows...) {
			out = append(out, joinCells(row))
		}
		return out
	}
	return nil
}

// calloutType is the type of the callout n is ("note", "quote"), or "",
// read without reporting anything.
func (r *reader) calloutType(n *ast.Blockquote) string {
	p, ok := n.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	seg := p.Lines().At(0)
	raw := strings.TrimSpace(string(seg.Value(r.src)))
	if !strings.HasPrefix(raw, "[!") {
		return "" // most quotes, and an escaped "\\[!" (inspect --markdown's): not one
	}
	ls := r.peek(p)
	if len(ls) == 0 {
		return ""
	}
	if m := calloutRE.FindStringSubmatch(strings.TrimSpace(ls[0].text.Plain())); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}
