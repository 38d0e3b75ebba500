package layout

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/templates/labels"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// build lays out the whole guide: cover, title and synopsis, contents,
// key quotes, sections, FAQ appendix; then running headers and footers.
func (b *builder) build() {
	switch b.doc {
	case WorksheetDoc:
		b.worksheet()
		return
	case AnswersDoc:
		b.answers()
		return
	}
	if b.th.Pages.Cover {
		b.cover()
	}
	b.titlePage()
	b.contents()
	b.keyQuotes()
	for i := range b.g.Sections {
		b.section(b.g.Sections[i])
		if b.stream.lets() {
			b.g.Sections[i] = content.Section{}
		}
	}
	if b.stream.lets() {
		b.g.Sections = nil
	}
	b.faq()
	if !b.startsOnly && b.stream == nil { // running heads and page numbers are not where a page starts; a streamed page gets its own when finished
		b.furniture()
	}
}

// where names a place in the guide for a diagnostic.
func where(kind, title string) string {
	t := Clean(title)
	if utf8.RuneCountInString(t) > 60 {
		t = string([]rune(t)[:57]) + "…"
	}
	if t == "" {
		return kind
	}
	return kind + " " + strconv.Quote(t) // as %q: one string, not fmt's (one a section and paragraph)
}

// heading is a section (level 0), subsection (1) or deeper heading.
func (b *builder) heading(text string, level, dst int, at string) flowBlock {
	hl := b.th.Heading(level)
	st := fonts.Regular
	if hl.Bold {
		st = fonts.Bold
	}
	dt := displayText(text)
	spans := []span{{text: dt, style: st}}
	return flowBlock{kind: Heading, level: level, lines: b.displayLines(spans, fonts.Atkinson, hl.Size, b.geo.TextW(), at), ownLines: true,
		lh: ptToMM(hl.Size * hl.Leading), before: hl.SpaceBefore, after: hl.SpaceAfter, keep: true,
		color: b.th.Headings.Color, dest: dst, rule: level == 0, target: -1, src: dt}
}

func rgb(c interface{ RGBA() (r, g, b, a uint32) }) theme.Color {
	r, g, bl, _ := c.RGBA()
	return theme.Color{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8)}
}

// titlePage is the guide's title, what it is about, the reading time,
// the synopsis and the credits the user gave.
func (b *builder) titlePage() {
	words := labels.For(b.g.Language)
	b.startChapter(TitlePage, words.Synopsis)
	tp := b.th.TitlePage
	w := b.geo.TextW()
	b.y += tp.TopSpace
	ink := b.th.Body.Color
	muted := b.th.Furniture.Color
	var blocks []flowBlock
	title := flowBlock{kind: Display, lines: b.displayLines([]span{{text: displayText(b.g.Title), style: fonts.Bold}}, fonts.Atkinson, tp.TitleSize, w, "the guide's title"),
		lh: ptToMM(tp.TitleSize * 1.18), after: 5, keep: true, color: b.th.Headings.Color, dest: -1, target: -1, rule: true, title: true}
	blocks = append(blocks, title)
	sub := []span{{text: words.StudyGuideTo + " ", style: fonts.Regular}, {text: displayText(b.g.Book.Title), style: fonts.Italic}}
	if b.g.Book.Author != "" {
		sub = append(sub, span{text: " " + words.By + " " + b.g.Book.Author, style: fonts.Regular})
	}
	if y := b.g.Book.Year; y > 0 {
		sub = append(sub, span{text: " (" + strconv.Itoa(y) + ")", style: fonts.Regular})
	}
	blocks = append(blocks, flowBlock{kind: Display, lines: b.displayLines(sub, fonts.Literata, tp.SubtitleSize, w, "the title page"),
		lh: ptToMM(tp.SubtitleSize * 1.35), before: 4, after: 1.5, keep: true, color: ink, dest: -1, target: -1})
	if r := cover.TextFor(b.g).Reading; r != "" {
		blocks = append(blocks, flowBlock{kind: Display, lines: b.lines(plain(r), fonts.Atkinson, tp.MetaSize, w, "the title page"),
			lh: ptToMM(tp.MetaSize * 1.4), color: muted, dest: -1, target: -1, lang: b.labelLang})
	}
	if len(b.g.Synopsis) > 0 {
		h := withLang(b.heading(words.Synopsis, 1, b.newDest(words.Synopsis, 0, -1), "the synopsis"), b.labelLang)
		h.before = tp.SynopsisSpace
		blocks = append(blocks, h)
		for _, p := range b.g.Synopsis {
			blocks = append(blocks, b.para(p, "the synopsis"))
		}
	}
	var credits []string
	sentence := func(s string) string { return strings.TrimRight(s, ".") + "." } // "Jr." gets no second stop
	// The credits' words are the labels' when their file has them, else
	// English (marked so outside an English guide).
	guideBy, publishedBy, creditLang := words.GuideBy, words.PublishedBy, b.labelLang
	if guideBy == "" || publishedBy == "" {
		guideBy, publishedBy, creditLang = "Guide written by", "Published by", otherLang("en", b.g.Language)
	}
	if a := Author(b.g, b.opts); a != "" {
		credits = append(credits, sentence(guideBy+" "+a))
	}
	if p := Publisher(b.g, b.opts); p != "" {
		credits = append(credits, sentence(publishedBy+" "+p))
	}
	for i, c := range credits {
		blk := flowBlock{kind: Display, lines: b.lines(plain(c), fonts.Atkinson, tp.MetaSize, w, "the title page"),
			lh: ptToMM(tp.MetaSize * 1.4), color: muted, dest: -1, target: -1, lang: creditLang}
		if i == 0 {
			blk.before = 8
		}
		blocks = append(blocks, blk)
		if b.sh.textOnly {
			b.setAll(&blocks[len(blocks)-1]) // as a section's headings
		}
	}
	b.flow(blocks)
}

// tocDests are the destinations listed in the printed contents, created
// up front (in document order) so that the contents can be laid out
// before the pages they point to.
type tocDests struct {
	quotes   int
	sections [][]int // per section: its own dest, then its subsections' in order
	faq      int
}

func (b *builder) planDests() tocDests {
	var td tocDests
	// Every section's and subsection's destination goes in one array,
	// sized up front, each section's ids a slice of it: grown by doubling
	// (and one small slice a section), a guide of 195,000 one-line
	// sections spent a tenth of its contents' time copying them.
	n := CountSections(b.g.Sections)
	b.dests = slices.Grow(b.dests, n+2)
	all := make([]int, 0, n)
	td.sections = make([][]int, 0, len(b.g.Sections))
	td.quotes = -1
	if len(b.g.Quotes) > 0 {
		td.quotes = b.newDest(b.th.Quotes.Title, 0, 0)
	}
	var walk func(ss []content.Section, level int)
	walk = func(ss []content.Section, level int) {
		for _, s := range ss {
			all = append(all, b.newDest(s.Title, level, level))
			walk(s.Subsections, level+1)
		}
	}
	for _, s := range b.g.Sections {
		start := len(all)
		all = append(all, b.newDest(s.Title, 0, 0))
		walk(s.Subsections, 1)
		td.sections = append(td.sections, all[start:len(all):len(all)])
	}
	td.faq = -1
	if len(b.g.FAQ) > 0 {
		td.faq = b.newDest(b.th.FAQ.Title, 0, 0)
	}
	return td
}

// CountSections is how many sections ss holds, subsections included.
func CountSections(ss []content.Section) int {
	n := len(ss)
	for _, s := range ss {
		n += CountSections(s.Subsections)
	}
	return n
}

// countBlocks is how many headings and model blocks section s holds,
// its subsections' included: about as many flow blocks as it makes (a
// quotation or list may make more), so its flow's slice is sized once.
func countBlocks(s content.Section) int {
	n := 1 + len(s.Blocks)
	for _, sub := range s.Subsections {
		n += countBlocks(sub)
	}
	return n
}

// contents is the printed table of contents: each entry's text, a dotted
// leader and the page number, right-aligned, the whole line a link.
func (b *builder) contents() {
	b.td = b.planDests()
	entries := 0
	for _, d := range b.dests {
		if d.toc >= 0 {
			entries++
		}
	}
	if entries == 0 || entries < b.th.Pages.ContentsMin {
		return // a guide with only a synopsis has nothing to list; a short one needs no contents
	}
	b.startChapter(ContentsPage, b.th.TOC.Title)
	// One block an entry, sized once: grown by doubling, the slice of a
	// guide of 195,000 sections was copied whole some twenty times. A
	// layout that lets its pages go (givesPages: streamed, or Starts)
	// flows the entries as they are made (flowMade), as a long
	// section's, each page given once finished: 147,215 entries held
	// ~100 MB of blocks until the contents were placed.
	lazy := b.madeAsFlowed(entries)
	n := entries + 1
	if lazy {
		n = madeAhead + 1
	}
	blocks := make([]flowBlock, 0, n)
	if !b.startsOnly && (b.stream == nil || b.stream.numbers == nil) {
		b.nums = slices.Grow(b.nums, entries) // each entry's number, placed once the pages are known (tocNumber)
	}
	blocks = append(blocks, withLang(b.heading(b.th.TOC.Title, 0, b.newDest(b.th.TOC.Title, 0, -1), "the contents"), b.labelLang))
	t := b.th.TOC
	w := b.geo.TextW()
	// Entries repeat headings, whose missing characters are reported there.
	b.sh.quiet = true
	defer func() { b.sh.quiet = false }()
	// Page numbers are set in Literata Regular, as in the footers:
	// Atkinson's slashed zero reads oddly in "10" and "20", and a bold
	// Literata would embed one more font for a handful of digits.
	numFace := NewFace(fonts.Literata, fonts.Regular)
	digits := b.shape(plain("000"), fonts.Literata, t.Size, "the contents")
	numW := width(digits) + 1
	for i, d := range b.dests {
		if d.toc < 0 {
			continue
		}
		fam, st := fonts.Literata, fonts.Regular
		if d.toc == 0 {
			fam, st = fonts.Atkinson, fonts.Bold
		}
		indent := float64(d.toc) * t.Indent
		// Runover lines hang under the entry's first word, one indent
		// in, and never break at a hyphen ("Saint-/Denis").
		// Quiet (above): no warning names the entry, so it is not
		// named (where, ~0.4 µs an entry).
		dt := displayText(d.Title)
		gs := b.shape([]span{{text: dt, style: st}}, fam, t.Size, "the contents")
		lw := w - indent - numW - 8
		lines := wrapAt(gs, lw, false)
		var meta []lineMeta
		if len(lines) > 1 {
			lines = append(lines[:1:1], wrapAt(gs[len(lines[0]):], lw-t.Indent, false)...)
			meta = make([]lineMeta, len(lines))
			for k := 1; k < len(meta); k++ {
				meta[k].dx = t.Indent
			}
		}
		blk := flowBlock{kind: TOCLine, level: d.toc, lines: lines, lh: ptToMM(t.Size * t.Leading), indent: indent,
			color: b.th.Body.Color, dest: -1, target: i, numFace: numFace, numSize: t.Size, meta: meta, ownLines: true, src: dt}
		if i == b.td.quotes || i == b.td.faq {
			blk.lang = b.labelLang
		}
		if d.toc == 0 {
			blk.before = t.TopSpace
			blk.color = b.th.Headings.Color
			// A section's entry stays with its first subsection's.
			blk.keep = i+1 < len(b.dests) && b.dests[i+1].toc > 0
		}
		blocks = append(blocks, blk)
		if b.sh.textOnly {
			b.setAll(&blocks[len(blocks)-1]) // as a section's headings
		}
		if lazy && len(blocks) > madeAhead {
			blocks = b.flowMade(blocks, false)
		}
	}
	b.flowMade(blocks, true)
}

// tocNum is a contents entry's page number to place once the flow has
// found every heading's page: what the number takes from the entry's
// block and its last line, the left edge of the text on its page, and
// where in that page's items the number and its leader go (right after
// the line). It holds no glyphs and no pointer to the block, so that the
// contents' shaped entries are not kept for the whole layout (a 4 MiB
// guide has up to 195,000 entries).
type tocNum struct {
	target, level     int32
	color             theme.Color
	numFace           Face
	numSize           float64
	x, w, y, h, base  float64 // the last line's box and baseline
	block, line, nlns int32
	x0                float64
	page              *Page
	at                int
	rtl               bool // the entry is set right to left: its number on the left
}

// tocNumber keeps a TOC entry's page number to place after the flow
// (placeTOCNumbers). The number column is reserved, so what it prints
// never moves anything else: the contents are laid out once, with the
// numbers filled in after.
func (b *builder) tocNumber(blk *flowBlock, last Item, x0 float64) {
	if b.startsOnly {
		return // a page number is not where a page starts
	}
	n := tocNum{target: int32(blk.target), level: int32(blk.level), color: blk.color, numFace: blk.numFace, numSize: blk.numSize,
		x: last.X, w: last.W, y: last.Y, h: last.H, base: last.Baseline, block: last.Block, line: last.Line, nlns: last.Lines,
		x0: x0, page: b.page(), at: len(b.page().Items), rtl: last.RTL}
	if b.stream != nil && b.stream.numbers != nil {
		// The pages are known (Plan): the number goes in now, where
		// placeTOCNumbers would put it.
		pg := b.page()
		quiet := b.sh.quiet
		b.sh.quiet = true
		pg.Items = b.appendTOCNumber(pg.Items, &n)
		b.sh.quiet = quiet
		return
	}
	b.nums = append(b.nums, n)
}

// placeTOCNumbers places the contents' page numbers, right-aligned, and
// the dotted leaders that run to them from the entries' last lines, now
// that b.numbers holds the page of every destination. Each contents page's
// items are copied once, the numbers merged in after their entries' lines:
// inserted one by one, from the last, they moved the page's later items
// each time and regrew its slice (195,000 entries: 172 MB of items for
// 81 MB of contents).
func (b *builder) placeTOCNumbers() {
	b.sh.quiet = true // entries repeat headings, whose characters are reported there
	defer func() { b.sh.quiet = false }()
	for i := 0; i < len(b.nums) && b.err == nil; {
		pg := b.nums[i].page
		j := i
		for j < len(b.nums) && b.nums[j].page == pg {
			j++
		}
		items := make([]Item, 0, len(pg.Items)+2*(j-i)) // a number and its leader per entry
		from := 0
		for ; i < j; i++ {
			n := &b.nums[i]
			items = append(items, pg.Items[from:n.at]...)
			from = n.at
			items = b.appendTOCNumber(items, n)
		}
		pg.Items = append(items, pg.Items[from:]...)
	}
	b.nums = nil
}

// appendTOCNumber appends a TOC entry's page number and the leader to it.
func (b *builder) appendTOCNumber(items []Item, n *tocNum) []Item {
	num := 0
	if int(n.target) < len(b.numbers) {
		num = b.numbers[n.target]
	}
	gs := b.number(num, n.numFace.Family, n.numFace.Style, n.numSize, "the contents")
	nw := width(gs)
	nx := n.x0 + b.geo.TextW() - nw
	if n.rtl {
		nx = n.x0 // mirrored: the number flush left, the leader running from it to the entry
	}
	items = append(items, Item{Kind: TOCNumber, Level: n.level, X: nx, Y: n.y, W: nw, H: n.h, Block: n.block,
		Line: n.line, Lines: n.nlns, Dest: -1, Target: n.target, Baseline: n.base, gs: gs, Color: n.color, RTL: n.rtl})
	gap := b.th.TOC.LeaderGap
	lx, rx := n.x+n.w+gap, nx-gap
	if n.rtl {
		lx, rx = nx+nw+gap, n.x-gap
	}
	if rx-lx > gap {
		items = append(items, Item{Kind: Rule, X: lx, Y: n.base, W: rx - lx, H: 0, Block: -1, Dest: -1, Target: -1,
			Dotted: true, Color: b.th.TOC.LeaderColor})
	}
	return items
}

func (b *builder) keyQuotes() {
	if len(b.g.Quotes) == 0 {
		return
	}
	title := b.th.Quotes.Title
	b.startChapter(BodyPage, title)
	blocks := []flowBlock{withLang(b.heading(title, 0, b.td.quotes, "Key Quotes"), b.labelLang)}
	for _, q := range b.g.Quotes {
		blocks = append(blocks, b.quote(q.Text, q.Lines, q.Attribution, q.Explanation, "Key Quotes")...)
	}
	b.flowPart(func(bool) { b.flow(blocks) })
}

// section lays out a body section from a new page, with its subsections.
func (b *builder) section(s content.Section) {
	ids := b.td.sections[b.nsection]
	b.nsection++
	b.startChapter(BodyPage, Clean(s.Title))
	n := countBlocks(s)
	if b.madeAsFlowed(n) {
		segs := len(b.segs)
		b.flowPart(func(again bool) { b.flowSection(s, ids, segs, again) })
		return
	}
	blocks := b.sectionBlocks(n)
	defer func() { b.doneBlocks(blocks) }() // as grown, if it was
	b.walkSection(s, ids, &blocks, nil)
	b.flowPart(func(bool) { b.flow(blocks) })
}

// walkSection appends the blocks of section s, whose destinations and
// its subsections' are ids, to *blocks in order; done, when not nil, is
// called after each section's own blocks (and may flow and shorten
// *blocks).
func (b *builder) walkSection(s content.Section, ids []int, blocks *[]flowBlock, done func()) {
	k := 0
	var walk func(s content.Section, level int)
	walk = func(s content.Section, level int) {
		at := where("section", s.Title)
		h := b.heading(s.Title, level, ids[k], at)
		if b.sh.textOnly {
			// Its text now, not its glyphs until the part is placed
			// (shaper.textOnly): a line is the same set when placed.
			b.setAll(&h)
		}
		*blocks = append(*blocks, h)
		k++
		*blocks = b.appendBlocks(*blocks, s.Blocks, s.Role, at)
		if done != nil {
			done()
		}
		for _, sub := range s.Subsections {
			walk(sub, level+1)
		}
	}
	walk(s, 0)
}

// madeAsFlowed is the number of flow blocks past which a streamed
// section's blocks are made as the flow reaches them (flowSection)
// rather than all before it is flowed, and startsMadeAsFlowed Starts';
// tests lower them. A part flowed again (flowPart) makes its blocks
// again each time: Starts holds only the blocks' text and places, so it
// makes them as flowed only where holding them costs much. 128 KB of
// 6,600 one-line subsections in one section, EPUB alone, instructions
// (callgrind): blocks made whole 1,140 M before, 1,129 M with the
// part's pages given; made as flowed past 1,024 blocks 1,180 M.
var (
	madeAsFlowed       = 1024
	startsMadeAsFlowed = 1 << 14
)

// madeAsFlowed says a section (or the contents) of n blocks is made as
// it is flowed.
func (b *builder) madeAsFlowed(n int) bool {
	return b.stream != nil && n > madeAsFlowed || b.startsOnly && n > startsMadeAsFlowed
}

// madeAhead is about how many blocks flowSection makes before it flows
// those it can; a test lowers it.
var madeAhead = 256

// flowSection flows section s as section does, making its blocks as the
// flow reaches them: a streamed layout lets each page go once finished,
// and a guide of one section of 147,215 subsections held its 294,430
// blocks, their headings' glyphs and their paragraphs' set lines (262 MB)
// until the section was placed; laid out for its pages' starts alone
// (Starts), the blocks' text and places (~100 MB). A block is placed
// once the blocks its placing looks at are made (flow: the next block,
// and a heading's keep group to the first block that is not kept with
// the next), which gives the same pages as a flow over all of them.
// Flowed again (flowPart, again: only PlanPages' pass and Starts, which
// keep no page and report no warning), the section's blocks are made again, the same blocks: quietly
// (their warnings were given), their segments (links) made anew from segs
// on rather than added to. Blocks are made with the text block's own
// bottom (a table's header repeats when it is at most a third of the
// page), which flowPart may have shortened for the flow.
func (b *builder) flowSection(s content.Section, ids []int, segs int, again bool) {
	if again {
		clear(b.segs[segs:])
		b.segs = b.segs[:segs]
		quiet := b.sh.quiet
		b.sh.quiet = true
		defer func() { b.sh.quiet = quiet }()
	}
	flowBottom := b.geo.bottom
	if b.uncut != 0 {
		b.geo.bottom = b.uncut
	}
	defer func() { b.geo.bottom = flowBottom }()
	blocks := b.lazyBlocks[:0]
	flow := func(all bool) {
		made := b.geo.bottom
		b.geo.bottom = flowBottom
		blocks = b.flowMade(blocks, all)
		b.geo.bottom = made
	}
	b.walkSection(s, ids, &blocks, func() {
		if len(blocks) >= madeAhead {
			flow(false)
		}
	})
	flow(true)
	b.lazyBlocks = blocks[:0]
}

// flowMade flows the blocks made so far that can be placed (flowSection),
// all of them when all says no more follow, and returns those left, at
// the start of blocks' array.
func (b *builder) flowMade(blocks []flowBlock, all bool) []flowBlock {
	n := len(blocks)
	if !all {
		n-- // the next block is looked at
		for n > 0 && blocks[n-1].keep {
			n--
		}
	}
	if n <= 0 || b.err != nil {
		return blocks
	}
	b.flowN(blocks, n)
	m := copy(blocks, blocks[n:])
	clear(blocks[m:])
	return blocks[:m]
}

// sectionBlocks is an empty slice for about n flow blocks: the array the
// last section used when it is large enough (a guide of 195,000 one-line
// sections allocated 185 MB of them, one each).
func (b *builder) sectionBlocks(n int) []flowBlock {
	if cap(b.secBlocks) >= n {
		return b.secBlocks[:0]
	}
	return make([]flowBlock, 0, n)
}

// doneBlocks keeps a section's blocks' array for the next section once
// its flow is done with it, cleared (so that it holds no lines or tags),
// when it is small: a long section's is let go.
func (b *builder) doneBlocks(blocks []flowBlock) {
	if cap(blocks) > 64 {
		return
	}
	clear(blocks[:cap(blocks)])
	b.secBlocks = blocks[:0]
}

// faq is the appendix, from a new (in duplex, right-hand) page so that it
// can be printed alone: each question in bold, its answer below.
func (b *builder) faq() {
	if len(b.g.FAQ) == 0 {
		return
	}
	f := b.th.FAQ
	b.startChapter(BodyPage, f.ShortTitle)
	blocks := []flowBlock{withLang(b.heading(f.Title, 0, b.td.faq, "the FAQ"), b.labelLang)}
	w := b.geo.TextW()
	for _, e := range b.g.FAQ {
		at := where("FAQ question", e.Question)
		q := flowBlock{kind: Question, level: 1, lines: b.lines([]span{{text: e.Question, style: fonts.Bold}}, fonts.Atkinson, f.QuestionSize, w, at),
			lh: ptToMM(f.QuestionSize * 1.3), before: f.QuestionSpace, after: f.AnswerGap, keep: true,
			color: b.th.Headings.Color, dest: b.newDest(e.Question, 1, -1), target: -1}
		blocks = append(blocks, q)
		for _, a := range e.Answer {
			blocks = append(blocks, b.para(a, at))
		}
	}
	b.flowPart(func(bool) { b.flow(blocks) })
}

// Author is the guide's own author: the user's, else the input's
// (never the book's author).
func Author(g *content.Guide, opts export.Options) string {
	if a := strings.TrimSpace(opts.Author); a != "" {
		return a
	}
	return strings.TrimSpace(g.Author)
}

// Publisher is the guide's publisher: the user's, else the input's.
func Publisher(g *content.Guide, opts export.Options) string {
	if p := strings.TrimSpace(opts.Publisher); p != "" {
		return p
	}
	return strings.TrimSpace(g.Publisher)
}
