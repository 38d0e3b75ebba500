package layout

import (
	"strconv"
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export/pdf/tags"
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/templates/labels"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// DocKind is what a build lays out from the guide.
type DocKind int

const (
	GuideDoc     DocKind = iota // the handout
	WorksheetDoc                // questions with ruled answer lines
	AnswersDoc                  // the teacher's key: the FAQ, numbered
)

// WorksheetQuestions are the questions a worksheet asks, in order: the
// discussion sections' list items (and nested items) and paragraphs that
// end with a question mark, or, when the guide has none, its FAQ
// questions.
func WorksheetQuestions(g *content.Guide) []content.Text {
	var qs []content.Text
	// A nested list is part of its item's question ("Consider: …"):
	// its items are run on after it, separated by semicolons (lettered
	// options with their letters).
	var parts func(content.Text, *content.Sublist) content.Text
	parts = func(t content.Text, sub *content.Sublist) content.Text {
		if sub == nil {
			return t
		}
		out := append(content.Text{}, t...)
		for i, it := range sub.Items {
			sep := "; "
			if i == 0 {
				sep = " "
			}
			// Lettered options keep their letters: "a) Yukon; b) Seattle"
			// is the question a pupil answers with "b".
			if sub.Ordered && sub.Marker != content.Decimal {
				sep += sub.Marker.Label(sub.Start, i) + ") "
			}
			out = append(out, content.Span{Text: sep})
			out = append(out, parts(it.Text, it.Sublist)...)
		}
		return out
	}
	items := func(its []content.ListItem) {
		for _, it := range its {
			if strings.TrimSpace(it.Text.Plain()) != "" || it.Sublist != nil {
				qs = append(qs, parts(it.Text, it.Sublist))
			}
		}
	}
	var walk func(ss []content.Section, in bool)
	walk = func(ss []content.Section, in bool) {
		for _, s := range ss {
			d := in || s.Role == content.RoleDiscussion
			if d {
				for _, bl := range s.Blocks {
					switch bl.Kind {
					case content.List:
						items(bl.Items)
					case content.Paragraph:
						if p := strings.TrimSpace(bl.Text.Plain()); strings.HasSuffix(strings.TrimRight(p, "”’\")"), "?") {
							qs = append(qs, bl.Text)
						}
					}
				}
			}
			walk(s.Subsections, d)
		}
	}
	walk(g.Sections, false)
	if len(qs) == 0 {
		for _, e := range g.FAQ {
			qs = append(qs, content.Plain(e.Question))
		}
	}
	return qs
}

// AnswerLines is how many ruled lines a question gets: more for a longer
// question, within the theme's bounds.
func AnswerLines(ws theme.Worksheet, q string) int {
	n := ws.MinLines + len(strings.Fields(q))/max(ws.WordsPerLine, 1)
	return min(max(n, ws.MinLines), ws.MaxLines)
}

// ruled is a block of n blank ruled lines for a written answer, indented
// as the question's text.
func (b *builder) ruled(n int, indent float64) flowBlock {
	ws := b.th.Worksheet
	blk := flowBlock{kind: Line, lines: make([][]glyph, n), lh: ws.LineGap, indent: indent, after: ws.Space,
		color: ws.Rule, dest: -1, target: -1, ruled: true}
	blk.minLines = n // an answer's lines stay together
	return blk
}

// bookTitle names the book on the worksheet and the answer key: the
// book's title, or the guide's when the guide names no book.
func (b *builder) bookTitle() string {
	if strings.TrimSpace(b.g.Book.Title) == "" {
		return b.g.Title
	}
	return b.g.Book.Title
}

// worksheet lays out the worksheet.
func (b *builder) worksheet() {
	lb := labels.For(b.g.Language)
	title := b.bookTitle()
	b.startChapter(TitlePage, lb.Worksheet)
	h := b.heading(lb.Worksheet+": "+title, 0, b.newDest(lb.Worksheet, 0, -1), "the worksheet")
	h.title = true
	b.flow([]flowBlock{h})
	b.blanks([]string{lb.Name, lb.Date, lb.Class})
	var blocks []flowBlock
	qs := WorksheetQuestions(b.g)
	num := 0
	if len(qs) > 0 {
		blocks = append(blocks, withLang(b.heading(lb.Discussion, 1, b.newDest(lb.Discussion, 1, -1), "the worksheet"), b.labelLang))
		items := make([]content.ListItem, len(qs))
		for i, q := range qs {
			items[i] = content.ListItem{Text: q}
		}
		lis := b.list(true, content.Decimal, 1, items, 0, nil, "the worksheet")
		for i, li := range lis {
			li.keep = true
			li.after = 1
			blocks = append(blocks, li, b.ruled(AnswerLines(b.th.Worksheet, qs[i].Plain()), li.indent))
		}
		num = len(qs)
	}
	if len(b.g.Quotes) > 0 {
		blocks = append(blocks, withLang(b.heading(b.th.Quotes.Title, 1, b.newDest(b.th.Quotes.Title, 1, -1), "the worksheet"), b.labelLang))
		for _, q := range b.g.Quotes {
			qb := b.quote(q.Text, q.Lines, q.Attribution, nil, "the worksheet")
			for i := range qb {
				qb[i].keep = true
			}
			blocks = append(blocks, qb...)
			num++
			li := b.list(true, content.Decimal, num, []content.ListItem{{Text: content.Plain(lb.ExplainQuote)}}, 0, nil, "the worksheet")[0]
			li.tag.Attrs = langAttr(b.labelLang) // the LBody
			li.keep = true
			li.after = 1
			blocks = append(blocks, li, b.ruled(b.th.Worksheet.QuoteLines, li.indent))
		}
	}
	b.flow(blocks)
	b.furniture()
}

// blanks sets a line of labelled blanks to write in ("Name ____  Date
// ____  Class ____"): each label, then a rule to the next; the name's
// blank is the longest.
func (b *builder) blanks(names []string) {
	ws := b.th.Worksheet
	bt := b.th.Body
	lh := ptToMM(bt.Size * bt.Leading)
	b.y += b.gap + ws.Space
	b.gap = 0
	x := b.left()
	w := b.geo.TextW()
	p := tags.NewNode("P", nil)
	p.Attrs = langAttr(b.labelLang)
	id := b.nblock
	b.nblock++
	var gss [][]glyph
	labelW := 0.0
	for _, n := range names {
		gs := b.shape([]span{{text: n, style: fonts.Bold}}, fonts.Atkinson, bt.Size, "the worksheet")
		gss = append(gss, gs)
		labelW += width(gs) + 2*ws.BlankGap
	}
	room := w - labelW
	shares := []float64{0.5, 0.25, 0.25}
	base := baseline(b.y, lh, bt.Size)
	first := len(b.page().Items)
	for i, gs := range gss {
		gw := width(gs)
		b.add(Item{Kind: Line, X: x, Y: b.y, W: gw, H: lh, Block: int32(id), Line: int32(i), Lines: int32(len(gss)), Dest: -1, Target: -1,
			Baseline: base, gs: gs, Color: b.th.Headings.Color, Tag: p, spaceAfter: i < len(gss)-1})
		x += gw + ws.BlankGap
		share := room / float64(len(gss))
		if len(gss) == len(shares) {
			share = room * shares[i]
		}
		b.add(Item{Kind: Rule, X: x, Y: base + 0.8, W: share, H: ws.RuleWidth, Block: -1, Dest: -1, Target: -1, Fill: true, Color: ws.Rule})
		x += share + ws.BlankGap
	}
	if b.rtlDoc {
		// Right to left the row starts on the right: each label, then its
		// blank to its left.
		left := b.left()
		for i := first; i < len(b.page().Items); i++ {
			it := &b.page().Items[i]
			it.X = 2*left + w - it.X - it.W
		}
	}
	b.y += lh
	b.fresh = false
	b.gap = ws.Space * 2
}

// answers lays out the teacher's key: the FAQ, each question numbered.
func (b *builder) answers() {
	lb := labels.For(b.g.Language)
	title := b.bookTitle()
	b.startChapter(TitlePage, lb.AnswerKey)
	h := b.heading(lb.AnswerKey+": "+title, 0, b.newDest(lb.AnswerKey, 0, -1), "the answer key")
	h.title = true
	blocks := []flowBlock{h}
	f := b.th.FAQ
	w := b.geo.TextW()
	for i, e := range b.g.FAQ {
		at := where("FAQ question", e.Question)
		text := strconv.Itoa(i+1) + ". " + e.Question
		q := flowBlock{kind: Question, level: 1, lines: b.lines([]span{{text: text, style: fonts.Bold}}, fonts.Atkinson, f.QuestionSize, w, at),
			lh: ptToMM(f.QuestionSize * 1.3), before: f.QuestionSpace, after: f.AnswerGap, keep: true,
			color: b.th.Headings.Color, dest: b.newDest(text, 1, -1), target: -1}
		blocks = append(blocks, q)
		for _, a := range e.Answer {
			blocks = append(blocks, b.para(a, at))
		}
	}
	b.flow(blocks)
	b.furniture()
}
