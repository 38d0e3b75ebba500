package layout

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export/pdf/tags"
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// The model's blocks beyond paragraphs (content.Block): lists,
// definitions, verse, tables, and quotations with their attribution and
// explanation; and inline text (emphasis, strong, links) in all of them.
//
// Each is laid out as flow blocks (flow.go) whose lines point to the
// structure element they belong to (tags.Node): L > LI > Lbl + LBody,
// Table > TR > TH / TD, BlockQuote > P for an attribution, P > Link.

// Segment is a part of a line tagged apart from the rest of it: a link
// (href set), or a definition's term.
type Segment struct {
	Tag  *tags.Node
	Href string
}

// seg adds a segment and returns its index.
func (b *builder) seg(s Segment) int32 {
	if len(b.segs) == 0 {
		b.segs = append(b.segs, Segment{}) // 0 is "none"
	}
	b.segs = append(b.segs, s)
	return int32(len(b.segs) - 1)
}

// inline turns model text into spans: emphasis toggles italic against
// the base style (roman inside an italic quotation), strong adds bold,
// and each link becomes a segment of its own with a Link element under
// parent. Other text belongs to segment seg.
func (b *builder) inline(t content.Text, base fonts.Style, seg int32, parent *tags.Node) []span {
	out := make([]span, 0, len(t))
	for _, s := range t {
		sg := seg
		if s.Href != "" {
			n := &tags.Node{Role: "Link", Parent: parent, Contents: linkContents(s)}
			sg = b.seg(Segment{Tag: n, Href: uri(s.Href)})
		}
		out = append(out, span{text: s.Text, style: spanStyle(s, base), seg: sg})
	}
	return out
}

// inlineSpans is inline for text without links in no segment, which
// needs nothing of the builder (ahead.go).
func inlineSpans(t content.Text, base fonts.Style) []span {
	out := make([]span, 0, len(t))
	for _, s := range t {
		out = append(out, span{text: s.Text, style: spanStyle(s, base)})
	}
	return out
}

// spanStyle is s's style in text of style base: emphasis toggles
// italic, strong adds bold.
func spanStyle(s content.Span, base fonts.Style) fonts.Style {
	if s.Em {
		base ^= fonts.Italic
	}
	if s.Strong {
		base |= fonts.Bold
	}
	return base
}

// linkContents describes a link for assistive technology (the
// annotation's /Contents): its text, and where it goes when the text does
// not say.
func linkContents(s content.Span) string {
	t := Clean(s.Text)
	h := strings.TrimPrefix(strings.TrimPrefix(s.Href, "mailto:"), "https://")
	if t == "" {
		return s.Href
	}
	if strings.Contains(t, h) || strings.Contains(t, s.Href) {
		return t
	}
	return t + " (" + s.Href + ")"
}

// uri is href as the 7-bit ASCII a PDF URI action holds (PDF 32000-1
// §12.6.4.7): characters beyond ASCII, spaces and controls are
// percent-encoded as UTF-8.
func uri(href string) string {
	var b strings.Builder
	for i := 0; i < len(href); i++ {
		c := href[i]
		if c <= ' ' || c >= 0x7F {
			b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	if _, err := url.Parse(b.String()); err != nil {
		return "" // never: Validate accepts only well-formed links
	}
	return b.String()
}

// underline draws a rule under each stretch of a line that is a link.
func (b *builder) underline(gs []glyph, x, base float64) {
	b.placeUnderlines(b.underlines(gs), x, base)
}

// underlineAt is where a link's underline goes on its line: from dx after
// the line's start, w long, dy below its baseline.
type underlineAt struct{ dx, w, dy float64 }

// underlines are the underlines of the links on a line of glyphs.
func (b *builder) underlines(gs []glyph) []underlineAt {
	bl := b.th.Blocks
	if len(b.segs) == 0 || bl.UnderlineWidth <= 0 {
		return nil
	}
	var out []underlineAt
	dx := 0.0
	for i := 0; i < len(gs); {
		sg := gs[i].seg
		if sg == 0 || b.segs[sg].Href == "" {
			dx += gs[i].w
			i++
			continue
		}
		w := 0.0
		j := i
		for j < len(gs) && gs[j].seg == sg {
			w += gs[j].w
			j++
		}
		for j > i && gs[j-1].r == ' ' { // a space the line broke at is not underlined
			j--
			w -= gs[j].w
		}
		out = append(out, underlineAt{dx: dx, w: w, dy: 0.12 * ptToMM(gs[i].size)})
		for ; i < len(gs) && gs[i].seg == sg; i++ {
			dx += gs[i].w
		}
	}
	return out
}

func (b *builder) placeUnderlines(us []underlineAt, x, base float64) {
	bl := b.th.Blocks
	for _, u := range us {
		b.add(Item{Kind: Rule, X: x + u.dx, Y: base + u.dy, W: u.w, H: bl.UnderlineWidth, Block: -1, Dest: -1, Target: -1,
			Fill: true, Color: bl.LinkColor})
	}
}

func (b *builder) para(t content.Text, at string) flowBlock {
	bt := b.th.Body
	lh := ptToMM(bt.Size * bt.Leading)
	p := tags.NewNode("P", nil)
	blk := flowBlock{kind: Line, lh: lh, after: bt.ParagraphSpace * lh, color: bt.Color, dest: -1, target: -1, tag: p}
	if b.err == nil {
		if set, adds, ok := b.ahead.take(t, bt.Size, b.geo.TextW()); ok {
			blk.lines = make([][]glyph, len(set)) // none: they are set
			blk.set = set
			if !b.sh.quiet {
				b.sh.replay(adds, at)
			}
			return blk
		}
	}
	b.setText(&blk, b.inline(t, fonts.Regular, 0, p), fonts.Literata, bt.Size, b.geo.TextW(), at)
	return blk
}

// leadsIn reports whether a paragraph introduces what follows it (it ends
// with a colon, perhaps inside a closing bracket or quotation mark).
func leadsIn(t content.Text) bool {
	s := strings.TrimRightFunc(t.Plain(), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(")]”’\"'", r)
	})
	return strings.HasSuffix(s, ":")
}

// appendBlocks lays out a section's blocks, appended to out (the
// section's flow, sized once, not a slice a section copied into it).
func (b *builder) appendBlocks(out []flowBlock, bs []content.Block, role content.Role, at string) []flowBlock {
	for i, bl := range bs {
		switch bl.Kind {
		case content.BlockQuote:
			out = append(out, b.quote(bl.Text, bl.Lines, bl.Attribution, bl.Explanation, at)...)
		case content.List:
			out = append(out, b.list(bl.Ordered, bl.Marker, bl.Start, bl.Items, 0, nil, at)...)
		case content.Definitions:
			out = append(out, b.definitions(bl.Terms, role, at)...)
		case content.Table:
			out = append(out, b.table(bl, at)...)
		case content.Verse:
			out = append(out, b.verse(bl.Lines, bl.Speaker, at)...)
		default:
			p := b.para(bl.Text, at)
			p.keepTail = i+1 < len(bs) && bs[i+1].Kind != content.Paragraph && leadsIn(bl.Text)
			out = append(out, p)
		}
	}
	return out
}

// quote is a quotation's callout: the quotation (its text, or its verse
// lines), the attribution right-aligned under it inside the box, then
// the explanation's paragraphs after the box.
func (b *builder) quote(text content.Text, verse []content.Text, attribution content.Text, explanation []content.Text, at string) []flowBlock {
	c := b.th.Callout
	bl := b.th.Blocks
	w := b.geo.TextW() - c.Indent - c.PaddingX
	lh := ptToMM(c.Size * c.Leading)
	bq := tags.NewNode("BlockQuote", nil)
	blk := flowBlock{kind: QuoteLine, lh: lh, before: c.Space, after: c.Space, indent: c.Indent, color: c.Color, dest: -1, target: -1, tag: bq}
	qs := fonts.Italic
	switch c.Style {
	case "bold":
		qs = fonts.Bold
	case "regular":
		qs = fonts.Regular
	}
	if len(verse) > 0 {
		for _, v := range verse {
			b.verseLines(&blk, b.inline(v, qs, 0, bq), fonts.Literata, c.Size, w, bl.VerseTurnover, nil, at)
		}
	} else {
		blk.lines = b.lines(b.inline(text, qs, 0, bq), fonts.Literata, c.Size, w, at)
	}
	if len(attribution) > 0 {
		p := tags.NewNode("P", bq)
		spans := append([]span{{text: "— ", style: fonts.Regular}}, b.inline(attribution, fonts.Regular, 0, p)...)
		lines := b.lines(spans, fonts.Literata, bl.AttributionSize, w, at)
		if blk.meta == nil {
			blk.meta = make([]lineMeta, len(blk.lines))
		}
		if n := len(blk.meta); n > 0 {
			blk.meta[n-1].end = true
		}
		for _, l := range lines {
			blk.lines = append(blk.lines, l)
			blk.meta = append(blk.meta, lineMeta{dx: w - width(l), flush: true, tag: p, colour: &bl.AttributionColor})
		}
	}
	if n := len(blk.lines); n <= 6 {
		blk.minLines = n
	}
	out := []flowBlock{blk}
	for _, e := range explanation {
		out = append(out, b.para(e, at))
	}
	return out
}

// verseLines adds the lines of one line of verse to blk, wrapped to w
// with its turnovers indented by turn, each line of verse one element
// (tag; nil for blk's own).
func (b *builder) verseLines(blk *flowBlock, spans []span, fam fonts.Family, size, w, turn float64, tag *tags.Node, at string) {
	lines := b.lines(spans, fam, size, w, at)
	if len(lines) > 1 {
		// The turnovers are set again in the narrower measure.
		lines = append([][]glyph{lines[0]}, b.rewrap(spans, fam, size, w-turn, len(lines[0]), at)...)
	}
	if blk.meta == nil {
		blk.meta = make([]lineMeta, len(blk.lines))
	}
	b.markRTL(lines)
	for i, l := range lines {
		m := lineMeta{tag: tag, end: i == len(lines)-1}
		if i > 0 {
			m.dx = turn
		}
		blk.lines = append(blk.lines, l)
		blk.meta = append(blk.meta, m)
	}
}

// rewrap wraps what is left of spans after the first skip glyphs of its
// shaping to width w.
func (b *builder) rewrap(spans []span, fam fonts.Family, size, w float64, skip int, at string) [][]glyph {
	gs := b.shape(spans, fam, size, at)
	if skip > len(gs) {
		return nil
	}
	return b.sh.wrap(gs[skip:], w)
}

// verse is lines kept as lines: set off from the text, each wrapped with
// an indented turnover, the speaker's name above them. Tagged as a Div of
// a P per line (the speaker's first).
func (b *builder) verse(lines []content.Text, speaker string, at string) []flowBlock {
	bt := b.th.Body
	bl := b.th.Blocks
	lh := ptToMM(bt.Size * bt.Leading)
	div := tags.NewNode("Div", nil)
	var out []flowBlock
	if strings.TrimSpace(speaker) != "" {
		sp := tags.NewNode("P", div)
		out = append(out, flowBlock{kind: Line, lines: b.lines([]span{{text: speaker, style: fonts.Bold}}, fonts.Atkinson, bl.SpeakerSize, b.geo.TextW()-bl.VerseIndent, at),
			lh: ptToMM(bl.SpeakerSize * 1.3), before: 1, indent: bl.VerseIndent, keep: true, color: b.th.Headings.Color, dest: -1, target: -1, tag: sp})
	}
	blk := flowBlock{kind: Line, lh: lh, after: bt.ParagraphSpace * lh, indent: bl.VerseIndent, color: bt.Color, dest: -1, target: -1, tag: div}
	w := b.geo.TextW() - bl.VerseIndent
	for _, l := range lines {
		p := tags.NewNode("P", div)
		b.verseLines(&blk, b.inline(l, fonts.Regular, 0, p), fonts.Literata, bt.Size, w, bl.VerseTurnover, p, at)
	}
	return append(out, blk)
}

// ListLabel is the number, letter or bullet of item i of a list at depth
// level.
func ListLabel(ordered bool, marker content.Marker, start, i, level int) string {
	if ordered {
		return marker.Label(start, i) + "."
	}
	if level > 0 {
		return "–"
	}
	return "•"
}

// list is a bulleted or numbered list: one flow block per item, its
// number or bullet hanging in the indent (as wide as the widest number
// needs), a nested list indented again. Tagged L > LI > Lbl + LBody,
// a nested L inside its item's LBody.
func (b *builder) list(ordered bool, marker content.Marker, start int, items []content.ListItem, level int, parent *tags.Node, at string) []flowBlock {
	bt := b.th.Body
	bl := b.th.Blocks
	lh := ptToMM(bt.Size * bt.Leading)
	l := tags.NewNode("L", parent)
	switch {
	case ordered && marker == content.LowerAlpha: // PDF 32000-1 Table 347
		l.Attrs = "/A <</O /List /ListNumbering /LowerAlpha>>"
	case ordered && marker == content.UpperAlpha:
		l.Attrs = "/A <</O /List /ListNumbering /UpperAlpha>>"
	case ordered:
		l.Attrs = "/A <</O /List /ListNumbering /Decimal>>"
	case level == 0:
		l.Attrs = "/A <</O /List /ListNumbering /Disc>>"
	default:
		l.Attrs = "/A <</O /List /ListNumbering /None>>" // a dash: no numbering type says so
	}
	labels := make([][]glyph, len(items))
	hang := bl.ListIndent
	for i := range items {
		labels[i] = b.shape(plain(ListLabel(ordered, marker, start, i, level)), fonts.Literata, bt.Size, at)
		hang = max(hang, width(labels[i])+bl.LabelGap+0.5)
	}
	base := 0.0
	if parent != nil {
		base = b.listBase
	}
	indent := base + hang
	var out []flowBlock
	for i, it := range items {
		li := tags.NewNode("LI", l)
		body := tags.NewNode("LBody", li)
		blk := flowBlock{kind: Line, lh: lh, after: bl.ItemSpace * lh, indent: indent, color: bt.Color, dest: -1, target: -1, tag: body}
		b.setText(&blk, b.inline(it.Text, fonts.Regular, 0, body), fonts.Literata, bt.Size, b.geo.TextW()-indent, at)
		if len(blk.lines) > 0 {
			blk.meta = make([]lineMeta, len(blk.lines))
			blk.meta[0] = lineMeta{label: labels[i], labelGap: bl.LabelGap, labelTag: tags.NewNode("Lbl", li)}
		}
		out = append(out, blk)
		if s := it.Sublist; s != nil {
			saved := b.listBase
			b.listBase = indent
			out = append(out, b.list(s.Ordered, s.Marker, s.Start, s.Items, level+1, body, at)...)
			b.listBase = saved
		}
	}
	if level == 0 && len(out) > 0 {
		out[len(out)-1].after = bt.ParagraphSpace * lh
	}
	return out
}

// definitions is a list of terms, each run in before its definition in
// bold, the turnovers indented: "Genre: Revenge tragedy" for key facts,
// "Hamlet – Prince of Denmark…" otherwise. Tagged as a list: L > LI >
// Lbl (the term) + LBody (the definition).
func (b *builder) definitions(terms []content.Definition, role content.Role, at string) []flowBlock {
	bt := b.th.Body
	bl := b.th.Blocks
	lh := ptToMM(bt.Size * bt.Leading)
	l := tags.NewNode("L", nil)
	l.Attrs = "/A <</O /List /ListNumbering /None>>"
	sep := " – " // the one dash convention (README)
	if role == content.RoleKeyFacts {
		sep = ": "
	}
	var out []flowBlock
	for _, d := range terms {
		li := tags.NewNode("LI", l)
		lbl := tags.NewNode("Lbl", li)
		body := tags.NewNode("LBody", li)
		ls := b.seg(Segment{Tag: lbl})
		spans := b.inline(d.Term, fonts.Bold, ls, lbl)
		s := sep
		if term := strings.TrimSpace(d.Term.Plain()); strings.HasSuffix(term, ":") || strings.HasSuffix(term, "—") {
			s = " "
		}
		spans = append(spans, span{text: s, style: fonts.Regular, seg: ls})
		spans = append(spans, b.inline(d.Definition, fonts.Regular, 0, body)...)
		lines := b.lines(spans, fonts.Literata, bt.Size, b.geo.TextW(), at)
		blk := flowBlock{kind: Line, lines: lines, lh: lh, after: bl.ItemSpace * lh, color: bt.Color, dest: -1, target: -1, tag: body}
		if len(lines) > 1 {
			blk.lines = append([][]glyph{lines[0]}, b.rewrap(spans, fonts.Literata, bt.Size, b.geo.TextW()-bl.DefinitionHang, len(lines[0]), at)...)
			blk.meta = make([]lineMeta, len(blk.lines))
			for i := 1; i < len(blk.meta); i++ {
				blk.meta[i].dx = bl.DefinitionHang
			}
		}
		out = append(out, blk)
	}
	if len(out) > 0 {
		out[len(out)-1].after = bt.ParagraphSpace * lh
	}
	return out
}

// tableBlock is a table laid out: its caption's lines, its columns, and
// its rows' cells wrapped to them.
type tableBlock struct {
	caption    [][]glyph
	capLH      float64
	colX, colW []float64 // each column's text: offset from the table's left, width
	width      float64
	header     tableRow
	rows       []tableRow
	lh         float64 // a body line
	hlh        float64 // a header line
	startH     float64 // what must fit where the table starts
	repeat     bool    // the header repeats on each page the table continues on
	tag, cap   *tags.Node
}

type tableRow struct {
	cells [][][]glyph
	tags  []*tags.Node
	n     int // lines of the tallest cell
}

func (t *tableBlock) rowH(r *tableRow, lh float64, pad float64) float64 {
	return 2*pad + float64(max(r.n, 1))*lh
}

// table lays out a table: column widths from the cells' natural widths
// (a column's longest word never cut), header cells in bold Atkinson. A
// table whose columns cannot all hold their longest words on the
// measure (nine columns on A4, four of long words in large print) is set
// as records instead, one a row (records): its words were cut letters
// apart ("Dor/oth/ea").
func (b *builder) table(bl content.Block, at string) []flowBlock {
	tt := b.th.Table
	ncol := len(bl.Header)
	W := b.geo.TextW()
	rowsIn := append([][]content.Text{bl.Header}, bl.Rows...)
	cellOf := func(row []content.Text, c int) content.Text {
		if c < len(row) {
			return row[c]
		}
		return nil
	}
	face := func(r int) (fonts.Style, fonts.Family) {
		if r == 0 {
			return fonts.Bold, fonts.Atkinson
		}
		return fonts.Regular, fonts.Literata
	}
	minW := make([]float64, ncol)
	maxW := make([]float64, ncol)
	for r, row := range rowsIn {
		st, fam := face(r)
		for c := 0; c < ncol; c++ {
			gs := b.shape(inlineSpans(cellOf(row, c), st), fam, tt.Size, at)
			maxW[c] = max(maxW[c], width(gs))
			word := 0.0
			for _, g := range gs {
				if g.r == ' ' {
					word = 0
					continue
				}
				word += g.w
				minW[c] = max(minW[c], word)
			}
		}
	}
	avail := W - float64(ncol)*2*tt.PaddingX
	sumMin := 0.0
	for _, w := range minW {
		sumMin += w
	}
	if ncol > 1 && sumMin > avail+eps {
		return b.records(bl, at)
	}
	tb := &tableBlock{lh: ptToMM(tt.Size * tt.Leading), hlh: ptToMM(tt.Size * tt.Leading), tag: tags.NewNode("Table", nil)}
	tb.width = W
	type cell struct {
		spans []span
		fam   fonts.Family
	}
	cells := make([][]cell, len(rowsIn))
	trs := make([]*tags.Node, len(rowsIn))
	nodes := make([][]*tags.Node, len(rowsIn))
	if len(bl.Caption) > 0 {
		tb.cap = tags.NewNode("Caption", tb.tag)
	}
	for r, row := range rowsIn {
		trs[r] = tags.NewNode("TR", tb.tag)
		st, fam := face(r)
		for c := 0; c < ncol; c++ {
			role := "TD"
			if r == 0 {
				role = "TH"
			}
			n := tags.NewNode(role, trs[r])
			n.Empty = true
			if r == 0 {
				n.Attrs = "/A <</O /Table /Scope /Column>>"
			}
			nodes[r] = append(nodes[r], n)
			cells[r] = append(cells[r], cell{b.inline(cellOf(row, c), st, 0, n), fam})
		}
	}
	// Column widths: the natural widths when they fit. Else a narrow
	// column (a year, a number, a name: natural width under 30% of the
	// table) keeps its natural width when the others can still hold their
	// longest words, and the others get their longest word and a share of
	// the rest in proportion to what each lacks.
	tb.colW = distribute(minW, maxW, avail)
	x := 0.0
	tb.colX = make([]float64, ncol)
	for c := range ncol {
		tb.colX[c] = x + tt.PaddingX
		x += tb.colW[c] + 2*tt.PaddingX
	}
	for r := range rowsIn {
		row := tableRow{tags: nodes[r]}
		for c, ce := range cells[r] {
			ls := b.lines(ce.spans, ce.fam, tt.Size, tb.colW[c]+0.001, at)
			row.cells = append(row.cells, ls)
			row.n = max(row.n, len(ls))
		}
		if r == 0 {
			tb.header = row
		} else {
			tb.rows = append(tb.rows, row)
		}
	}
	if tb.cap != nil {
		tb.caption = b.lines(b.inline(bl.Caption, fonts.Bold, 0, tb.cap), fonts.Atkinson, tt.CaptionSize, W, at)
		tb.capLH = ptToMM(tt.CaptionSize * 1.35)
	}
	pageH := b.geo.bottom - b.geo.top
	hh := tb.rowH(&tb.header, tb.hlh, tt.PaddingY)
	tb.repeat = hh <= pageH/3
	tb.startH = float64(len(tb.caption))*tb.capLH + hh
	if len(tb.caption) > 0 {
		tb.startH += 1.5
	}
	if len(tb.rows) > 0 {
		first := tb.rowH(&tb.rows[0], tb.lh, tt.PaddingY)
		// The first row comes whole unless it is very tall: a row that
		// fits a page is never split, the first no more than the others.
		tb.startH += min(first, max(2*tt.PaddingY+2*tb.lh, pageH/3))
	}
	tb.startH = min(tb.startH, pageH)
	return []flowBlock{{kind: Cell, table: tb, before: tt.Space, after: tt.Space, dest: -1, target: -1, color: b.th.Body.Color}}
}

// records sets a table too wide for the measure as one record a row, as
// a narrow screen shows a wide table: the row's first cell in bold, then
// each other cell on its own line, indented, after its column's header
// ("Book I: marries Casaubon against advice"); empty cells left out, the
// caption first in bold. Tagged as a list (L > LI > Lbl, the first cell,
// + LBody > P, one a cell), as definitions are: a reader hears each cell
// with its header, as it would in a table.
func (b *builder) records(bl content.Block, at string) []flowBlock {
	bt, bls := b.th.Body, b.th.Blocks
	lh := ptToMM(bt.Size * bt.Leading)
	W := b.geo.TextW()
	indent := bls.DefinitionHang
	var out []flowBlock
	if len(bl.Caption) > 0 {
		p := tags.NewNode("P", nil)
		out = append(out, flowBlock{kind: Line, lh: lh, after: bls.ItemSpace * lh, color: b.th.Headings.Color, dest: -1, target: -1, tag: p, keep: true,
			lines: b.lines(b.inline(bl.Caption, fonts.Bold, 0, p), fonts.Atkinson, bt.Size, W, at)})
	}
	l := tags.NewNode("L", nil)
	l.Attrs = "/A <</O /List /ListNumbering /None>>"
	for _, row := range bl.Rows {
		if len(row) == 0 {
			continue
		}
		li := tags.NewNode("LI", l)
		start := len(out)
		if strings.TrimSpace(row[0].Plain()) != "" {
			lbl := tags.NewNode("Lbl", li)
			out = append(out, flowBlock{kind: Line, lh: lh, color: bt.Color, dest: -1, target: -1, tag: lbl, keep: true,
				lines: b.lines(b.inline(row[0], fonts.Bold, 0, lbl), fonts.Literata, bt.Size, W, at)})
		}
		var body *tags.Node
		for c := 1; c < len(row) && c < len(bl.Header); c++ {
			if strings.TrimSpace(row[c].Plain()) == "" {
				continue
			}
			if body == nil {
				body = tags.NewNode("LBody", li)
			}
			p := tags.NewNode("P", body)
			var spans []span
			if h := strings.TrimSpace(bl.Header[c].Plain()); h != "" {
				spans = b.inline(bl.Header[c], fonts.Bold, 0, p)
				sep := ": "
				if strings.HasSuffix(h, ":") {
					sep = " "
				}
				spans = append(spans, span{text: sep, style: fonts.Bold})
			}
			spans = append(spans, b.inline(row[c], fonts.Regular, 0, p)...)
			out = append(out, flowBlock{kind: Line, lh: lh, color: bt.Color, dest: -1, target: -1, tag: p, indent: indent,
				lines: b.lines(spans, fonts.Literata, bt.Size, W-indent, at)})
		}
		if len(out) > start {
			out[len(out)-1].after = bls.ItemSpace * lh * 2
			out[len(out)-1].keep = false
		}
	}
	if len(out) > 0 {
		out[len(out)-1].after = bt.ParagraphSpace * lh
		out[0].before = b.th.Table.Space
	}
	return out
}

// distribute shares avail among columns of the given least and natural
// widths (see table).
func distribute(minW, maxW []float64, avail float64) []float64 {
	n := len(minW)
	w := make([]float64, n)
	sumMax, sumMin := 0.0, 0.0
	for c := range n {
		sumMax += maxW[c]
		sumMin += minW[c]
	}
	if sumMax <= avail {
		for c := range n {
			w[c] = maxW[c] + (avail-sumMax)*weight(maxW[c], sumMax, n)
		}
		return w
	}
	if sumMin >= avail {
		for c := range n {
			w[c] = avail * weight(minW[c], sumMin, n)
		}
		return w
	}
	fixed := make([]bool, n)
	fixedW, restMin, restMax := 0.0, 0.0, 0.0
	for c := range n {
		if maxW[c] <= 0.3*avail {
			fixed[c] = true
			fixedW += maxW[c]
		} else {
			restMin += minW[c]
			restMax += maxW[c]
		}
	}
	if fixedW+restMin > avail || restMax == 0 {
		for c := range n {
			fixed[c] = false
		}
		fixedW, restMin, restMax = 0, sumMin, sumMax
	}
	room := avail - fixedW
	for c := range n {
		if fixed[c] {
			w[c] = maxW[c]
			continue
		}
		w[c] = minW[c] + (room-restMin)*weight(maxW[c]-minW[c], restMax-restMin, n)
	}
	return w
}

// weight is v's share of sum among n, or an equal share when sum is 0.
func weight(v, sum float64, n int) float64 {
	if sum <= 0 {
		return 1 / float64(n)
	}
	return v / sum
}

// placeTable places a table: the caption and header with at least the
// start of the first row, then row by row. A row never splits unless it
// is taller than a page; a page the table continues on repeats the header
// (as an artifact: it is read once).
func (b *builder) placeTable(blk *flowBlock) {
	t := blk.table
	tt := b.th.Table
	space := 0.0
	if !b.fresh {
		space = b.gap + blk.before
		if b.y+space+t.startH > b.geo.bottom+eps {
			b.newPage(b.cont)
			space = 0
		}
	}
	b.y += space
	// x0 is the table's left edge: flush right in a guide written right
	// to left, whose tables are mirrored (row).
	left := func() float64 {
		if b.rtlDoc {
			return b.left() + b.geo.TextW() - t.width
		}
		return b.left()
	}
	x0 := left()
	for i, gs := range t.caption {
		x := x0
		if b.rtlDoc {
			x = x0 + t.width - width(gs)
		}
		b.add(Item{Kind: Cell, X: x, Y: b.y, W: width(gs), H: t.capLH, Block: -1, Dest: -1, Target: -1,
			Baseline: baseline(b.y, t.capLH, tt.CaptionSize), gs: gs, Color: b.th.Headings.Color, Tag: t.cap,
			spaceAfter: i < len(t.caption)-1 && endsAtSpace(gs), RTL: b.rtlDoc})
		b.y += t.capLH
	}
	if len(t.caption) > 0 {
		b.y += 1.5
	}
	rule := func(h float64, c theme.Color) {
		b.add(Item{Kind: Rule, X: x0, Y: b.y - h/2, W: t.width, H: h, Block: -1, Dest: -1, Target: -1, Fill: true, Color: c})
	}
	header := func(repeat bool) {
		x0 = left()
		rule(tt.Heavy, tt.Rule)
		b.row(&t.header, 0, t.header.n, x0, t, t.hlh, b.th.Headings.Color, repeat)
		rule(tt.Heavy*0.6, tt.Rule)
	}
	header(false)
	b.fresh = false
	pageRows := 0 // row pieces placed on this page
	newPage := func() {
		rule(tt.Heavy, tt.Rule)
		b.newPage(b.cont)
		b.fresh = false
		if t.repeat {
			header(true)
		}
		x0 = left()
		pageRows = 0
	}
	for ri := range t.rows {
		row := &t.rows[ri]
		n := max(row.n, 1)
		done := 0
		for done < n {
			rest := n - done
			avail := linesFit(b.geo.bottom-b.y-2*tt.PaddingY, t.lh)
			if avail >= rest {
				if pageRows > 0 {
					rule(tt.Light, tt.RowRule)
				}
				b.row(row, done, n, x0, t, t.lh, b.th.Body.Color, false)
				pageRows++
				break
			}
			// The row does not fit: to the next page, unless it is taller
			// than a page (then it is cut where this one is full).
			hdr := 0.0
			if t.repeat {
				hdr = t.rowH(&t.header, t.hlh, tt.PaddingY)
			}
			fitsPage := 2*tt.PaddingY+float64(rest)*t.lh+hdr <= b.geo.bottom-b.geo.top+eps
			if pageRows > 0 && (fitsPage || avail < 2) {
				newPage()
				continue
			}
			if avail < 1 {
				if pageRows == 0 && b.y <= b.geo.top+hdr+eps {
					avail = 1 // nothing fits even on a fresh page: overflow rather than loop
				} else {
					newPage()
					continue
				}
			}
			if pageRows > 0 {
				rule(tt.Light, tt.RowRule)
			}
			b.row(row, done, done+avail, x0, t, t.lh, b.th.Body.Color, false)
			done += avail
			newPage()
		}
	}
	rule(tt.Heavy, tt.Rule)
	b.gap = blk.after
}

// row places lines from … to of a row's cells at b.y and moves below them.
func (b *builder) row(r *tableRow, from, to int, x0 float64, t *tableBlock, lh float64, c theme.Color, art bool) {
	tt := b.th.Table
	y := b.y + tt.PaddingY
	for ci, lines := range r.cells {
		x := x0 + t.colX[ci]
		if b.rtlDoc {
			// Mirrored: the first column on the right, each cell's
			// lines flush right in it.
			x = x0 + t.width - t.colX[ci]
		}
		if from == 0 && len(lines) == 0 && !art {
			// An empty cell is an element all the same, so that the
			// columns of the rows below stay in place.
			b.add(Item{Kind: Cell, X: x, Y: y, H: lh, Block: -1, Dest: -1, Target: -1, Tag: r.tags[ci]})
		}
		for li := from; li < min(to, len(lines)); li++ {
			gs := lines[li]
			size := 0.0
			if len(gs) > 0 {
				size = gs[0].size
			}
			ly := y + float64(li-from)*lh
			lx := x
			if b.rtlDoc {
				lx = x - width(gs)
			}
			it := Item{Kind: Cell, X: lx, Y: ly, W: width(gs), H: lh, Block: -1, Dest: -1, Target: -1,
				Baseline: baseline(ly, lh, size), gs: gs, Color: c, Tag: r.tags[ci], Art: art,
				spaceAfter: li < len(lines)-1 && endsAtSpace(gs), RTL: b.rtlDoc}
			b.add(it)
			if !art {
				b.underline(gs, lx, it.Baseline)
			}
		}
	}
	b.y += 2*tt.PaddingY + float64(max(to-from, 1))*lh
	b.page().nlines += max(to-from, 1)
}
