package layout

import (
	"errors"
	"slices"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/tags"
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
	"github.com/guidepress/guidepress/typeset"
)

// Dest is a place a link or bookmark points to: a heading, a question.
type Dest struct {
	Title   string // bookmark title: the model's text, cleaned
	Outline int    // bookmark level, -1 for none
	toc     int    // printed TOC depth, -1 when not listed
	page    int
	y       float64
}

// flowBlock is a block of lines that the flow places, breaking pages
// between its lines under the keep-together rules.
type flowBlock struct {
	// The fields are in an order that packs them: 192 bytes a block,
	// 232 in the order of their meaning, and a guide of one section of
	// 147,215 subsections holds 294,430 blocks until its part is placed.
	lines         [][]glyph
	lh            float64 // line height, mm
	before, after float64 // space above and below, mm (dropped at a page top)
	indent        float64
	level         int
	dest          int     // destination defined by the first line, or -1
	target        int     // TOC entry: destination it links to, or -1
	numSize       float64 // TOC entry: size of its page number

	tag  *tags.Node // the element its lines belong to (nil: by kind and block)
	meta []lineMeta // per line, when lines differ (nil: none do)
	// minLines is the least number of lines the block may start a page
	// with (0: the kind's rule); a callout of six lines or fewer never
	// splits.
	minLines int
	table    *tableBlock // a table, which the flow places row by row
	// set holds each line as first placed (setLine), once lines gives it
	// up; nil until then.
	set []setLine
	// lang: the block's words are the labels' in another language than
	// the guide's (lang.go); "" for the guide's.
	lang string
	// src is the text a heading's or contents entry's lines were shaped
	// from (its display text), which a line's text is taken from when
	// its glyphs spell it (paraText.spelled); "" for none.
	src string

	kind    ItemKind
	keep    bool // keep with the next block (headings, questions)
	center  bool
	rule    bool // an accent rule under the block (section headings)
	title   bool // the guide's title (tagged H1)
	color   theme.Color
	numFace Face // TOC entry: face of its page number
	// keepTail: the block leads into the next (a paragraph ending with
	// a colon before a quotation): its last lines stay on the page where
	// the next block starts.
	keepTail bool
	// ruled: the lines are blank, each drawn as a rule to write on (a
	// worksheet's answer lines, in the block's colour).
	ruled bool
	// ownLines: lines is the block's own (wrapped for it, not the
	// shaper's cache's), which setLine may change in place.
	ownLines bool
}

// setLine is a block's line as the flow places it: its text and runs in
// the form drawing needs, its width and size, whether a word ends after
// it, and its links' underlines. A line is set when first placed and its
// glyphs let go, so that a part's shaped text (for a guide of one long
// section, the whole guide) is not kept beside its layout; a part flowed
// again (flowPart) places the same set lines.
type setLine struct {
	text       string
	runs       []Run
	unders     []underlineAt
	w, size    float64
	done       bool
	spaceAfter bool
	rtl        bool // in a paragraph set right to left (markRTL)
}

// setSlab is the size of the slabs of set lines: 64 lines, ~5 KB.
const setSlab = 64

// setLine is line li of blk, set.
func (b *builder) setLine(blk *flowBlock, li int) *setLine {
	if blk.set == nil {
		// From a slab (fromArena): a heading's and a contents entry's
		// one line each took an array of their own, and a copy of
		// their lines, in each pass of a 4 MiB guide of one-line
		// sections (~780,000 blocks a pass).
		blk.set = fromArena(&b.setSlab, len(blk.lines), setSlab)
		if !blk.ownLines {
			// The shaper's cache may hold these lines too: blk's are
			// let go from a copy.
			blk.lines = slices.Clone(blk.lines)
		}
	}
	sl := &blk.set[li]
	if sl.done {
		return sl
	}
	gs := blk.lines[li]
	end := blk.meta != nil && blk.meta[li].end
	var src *paraText
	if blk.src != "" {
		st := spelledText(blk.src)
		src = &st
	}
	b.set(sl, blk.kind, gs, li < len(blk.lines)-1 && end, li < len(blk.lines)-1, len(gs) > 0 && b.rtl != nil && b.rtl[&gs[0]], nil, src)
	blk.lines[li] = nil
	return sl
}

// setAll sets every line of blk (setLine).
func (b *builder) setAll(blk *flowBlock) {
	for li := range blk.lines {
		b.setLine(blk, li)
	}
}

// set sets sl from line gs of a block of kind: notLast says a line
// follows it, end that a word boundary does (lineMeta.end), rtl that its
// paragraph is set right to left; its runs and their glyphs are taken
// from slabs when it is not nil, its text from src when src has it
// (textAndRunsIn).
func (b *builder) set(sl *setLine, kind ItemKind, gs []glyph, end, notLast, rtl bool, slabs *lineSlabs, src *paraText) {
	if slabs == nil {
		slabs = b.arena()
	}
	setGlyphs(sl, kind, gs, end, notLast, rtl, slabs, src, b.sh.textOnly)
	sl.unders = b.underlines(gs)
}

// setGlyphs is set but for the line's underlines, which need the
// builder's segments: all of it that a paragraph without links needs,
// and all that the paragraphs set ahead (ahead.go) may touch. textOnly
// sets the line's text without its runs (shaper.textOnly).
func setGlyphs(sl *setLine, kind ItemKind, gs []glyph, end, notLast, rtl bool, slabs *lineSlabs, src *paraText, textOnly bool) {
	sl.done, sl.w = true, width(gs)
	if len(gs) > 0 {
		sl.size = gs[0].size
		sl.rtl = rtl
	}
	sl.spaceAfter = notLast && (endsAtSpace(gs) || end)
	if gs != nil && textOnly {
		// The line's text as textAndRunsIn gives it.
		if a, b, ok := src.line(gs); ok {
			sl.text = src.s[a:b]
		} else {
			sl.text = textOf(gs)
		}
	} else if gs != nil {
		it := Item{Kind: kind, gs: gs, spaceAfter: sl.spaceAfter}
		finishTextIn(&it, slabs, src)
		sl.text, sl.runs = it.Text, it.Runs
	}
}

// setText gives blk the lines of spans set in fam at size points,
// wrapped to w, already set (setLine): for a block whose lines the flow
// places as they are (a paragraph, a list item's text), whose glyphs are
// then needed no more. They are the shaper's scratch (shaper.scratch),
// used again for the next text, rather than an array of 48-byte glyphs
// allocated for each paragraph and kept (with the shaper's cache) until
// the guide is laid out: most of a layout's allocations, which a
// one-guide build takes as fresh memory. A body text is set once, so
// nothing is lost by not caching it: the same text set again is shaped
// again, to the same glyphs and the same warnings.
func (b *builder) setText(blk *flowBlock, spans []span, fam fonts.Family, size, w float64, where string) {
	if b.err != nil {
		return
	}
	set, err := setText(b.sh, blk.kind, spans, fam, size, w, where, b.underlines)
	if err != nil {
		b.err = err
		return
	}
	blk.lines = make([][]glyph, len(set)) // none: they are set
	blk.set = set
}

// setText is the lines of spans set in fam at size points, wrapped to w,
// for a block of kind, each set as the flow places it (setLine), in sh's
// scratch; unders gives a line's underlines (nil: it has none, the text
// having no link).
func setText(sh *shaper, kind ItemKind, spans []span, fam fonts.Family, size, w float64, where string, unders func([]glyph) []underlineAt) ([]setLine, error) {
	p := sh.prepare(spans, fam, where)
	if len(p.text) > windowMin && p.levels == nil {
		return setWindowed(sh, &p, kind, size, w, unders), nil
	}
	gs := sh.shapePrepared(&sh.glyphs, &p, size)
	lines := sh.appendWrap(sh.lineBuf[:0], gs, w)
	sh.lineBuf = lines
	rtl := rtlLines(lines)
	// A short paragraph's set lines, runs and drawn glyphs come from the
	// shaper's slabs (fromArena): three arrays a paragraph before, and a
	// 4 MiB guide of one-line sections sets ~195,000 a pass.
	set := fromArena(&sh.setSlab, len(lines), setSlab)
	var slabs lineSlabs
	if !sh.textOnly {
		slabs = sh.slabsFor(lines)
	}
	sh.para.set(sh.text)
	for li, l := range lines {
		setGlyphs(&set[li], kind, l, false, li < len(lines)-1, rtl, &slabs, &sh.para, sh.textOnly)
		if unders != nil {
			set[li].unders = unders(l)
		}
	}
	clear(lines)
	if cap(sh.glyphs) > 2*maxSpare {
		sh.glyphs, sh.lineBuf, sh.para = nil, nil, paraText{} // a text far longer than a paragraph's (shaper.dropHuge)
	}
	return set, nil
}

// slabsFor is the slabs lines are set from: their drawn glyphs in one
// array (the paragraph's, less the spaces its lines broke at), their
// runs in another (a line's in visual order may be more than counted
// here, in logical order: such a line's are then allocated apart).
func slabsFor(lines [][]glyph) lineSlabs {
	n, nruns := slabSizes(lines)
	return lineSlabs{glyphs: make([]DrawnGlyph, 0, n), runs: make([]Run, 0, nruns)}
}

// slabSizes is the number of glyphs and of runs (counted in logical
// order) of lines.
func slabSizes(lines [][]glyph) (n, nruns int) {
	for _, l := range lines {
		n += len(l)
		for i := range l {
			if i == 0 || !sameRun(&l[i], &l[i-1]) {
				nruns++
			}
		}
	}
	return n, nruns
}

// slabsFor is the package's slabsFor taking the slabs from the shaper's (fromArena)
// when the lines are short: a paragraph of a line or two.
func (sh *shaper) slabsFor(lines [][]glyph) lineSlabs {
	n, nruns := slabSizes(lines)
	if n > arenaGlyphs/4 || nruns > arenaRuns/4 {
		return lineSlabs{glyphs: make([]DrawnGlyph, 0, n), runs: make([]Run, 0, nruns)}
	}
	return lineSlabs{glyphs: fromArena(&sh.arena.glyphs, n, arenaGlyphs)[:0], runs: fromArena(&sh.arena.runs, nruns, arenaRuns)[:0]}
}

// windowMin is the number of characters past which setText shapes a text
// left to right a window at a time (setWindowed); a variable so that a
// test can set every text so.
var windowMin = 2 * maxSpare

// windowGlyphs is how many glyphs setWindowed shapes before it breaks
// lines, windowChunk how many characters it shapes at a time.
var windowGlyphs, windowChunk = 1 << 14, 1 << 12

// setWindowed is setText for p, a text far longer than a paragraph set
// left to right (a 4 MiB guide of one paragraph hard-wrapped over 59,230
// lines): its glyphs are shaped and broken into lines a window at a
// time, each line set (setLine) and its glyphs let go before the next
// window is shaped, rather than the whole text's 48-byte glyphs held
// beside its typeset glyphs (28 bytes a character) and its set lines (20
// bytes a glyph): 192 + 112 + 80 MB at once for 4 MiB. The lines are
// those appendLines breaks the whole text into (appendLinesFrom keeps
// back a line that more text could set otherwise), each set as setText
// sets it; a line's text is built from its glyphs (textOf), as for any
// text longer than maxSpare, whose paraText setText does not keep.
func setWindowed(sh *shaper, p *prepared, kind ItemKind, size, w float64, unders func([]glyph) []underlineAt) []setLine {
	sh.dropHuge() // the cleaned text and styles, needed no more
	cur := typeset.NewCursor(p.text, p.faces, p.levels)
	hyphens := !sh.th.noHyphenBr
	var (
		set   []setLine
		win   []glyph // from the glyph before the next line's start on (none at the text's start)
		tgs   []typeset.Glyph
		lines = sh.lineBuf[:0]
		start int // where the next line's scan starts in win
		url   bool
	)
	target := windowGlyphs
	for {
		for len(win) < target && !cur.Done() {
			tgs = cur.Next(tgs[:0], windowChunk)
			n := len(win)
			win = slices.Grow(win, len(tgs))[:n+len(tgs)]
			sh.convert(win[n:], tgs, p, size)
		}
		last := cur.Done()
		if last {
			win = win[:len(win):len(win)] // the text's end: no glyph after its last line (endsAtSpace)
		}
		var next int
		lines, next, url = appendLinesFrom(lines[:0], win, start, url, w, hyphens, last)
		var slabs lineSlabs
		if !sh.textOnly {
			slabs = slabsFor(lines)
		}
		for li, l := range lines {
			// A line kept back follows every line of a window but the
			// text's last (its scan stopped at a glyph that is not a
			// space, at or after the next line's start).
			notLast := !last || li < len(lines)-1
			set = append(set, setLine{})
			sl := &set[len(set)-1]
			setGlyphs(sl, kind, l, false, notLast, false, &slabs, nil, sh.textOnly)
			if unders != nil {
				sl.unders = unders(l)
			}
		}
		clear(lines)
		if last {
			break
		}
		if next == start {
			target *= 2 // a line longer than the window: more of the text at once
			continue
		}
		// Keep the glyph before the next line (the breaker looks back at
		// it) and what follows.
		k := copy(win, win[next-1:])
		win, start = win[:k], 1
	}
	sh.lineBuf = lines[:0]
	if cap(sh.lineBuf) > maxSpare {
		sh.lineBuf = nil
	}
	return slices.Clip(set)
}

// lineMeta is what sets one line of a block apart from the others: a
// list item's label, a turnover's indent, a line of its own element.
type lineMeta struct {
	dx  float64    // indent beyond the block's
	tag *tags.Node // the element of the line's text; nil: the block's
	// end: the line ends a unit of the block (a verse line, the quotation
	// before its attribution), so a word boundary follows it.
	end bool
	// flush: dx sets the line flush right already (an attribution), in
	// either direction.
	flush bool
	// label is drawn left of the line, ending labelGap before it (right
	// of it, right to left), tagged labelTag (a list item's number or
	// bullet).
	label    []glyph
	labelGap float64
	labelTag *tags.Node
	colour   *theme.Color // nil: the block's
}

// builder lays out one guide. It is used for one pass and thrown away.
type builder struct {
	th      theme.Theme
	g       *content.Guide
	opts    export.Options
	geo     Geometry
	sh      *shaper
	pages   []*Page
	dests   []Dest
	numbers []int // page of each dest, once the flow has placed them all
	// nums are the contents' page numbers waiting for numbers (tocNumber).
	nums []tocNum
	// secBlocks is a short section's flow blocks' array, cleared and
	// used again by the next (sectionBlocks); lazyBlocks a long one's
	// made as flowed (flowSection).
	secBlocks, lazyBlocks []flowBlock
	err                   error

	y       float64
	fresh   bool    // nothing placed yet in the flow of the current page
	gap     float64 // space owed after the last block placed
	nblock  int
	chapter string
	cont    PageKind // kind of the pages a chapter overflows onto

	td       tocDests
	nsection int
	// rtl holds the first glyph of every line of a paragraph set right to
	// left (its first strong character is Hebrew or Arabic): place sets
	// such a line flush right, its indent and list label on the right.
	rtl      map[*glyph]bool
	segs     []Segment // segments of text (links, terms); index 0 is none
	listBase float64   // indent of the list item a nested list is in
	// rtlDoc: the guide is written right to left (rightToLeft), so its
	// contents and tables are mirrored as a whole, whatever the
	// direction of each entry or cell.
	rtlDoc bool
	doc    DocKind
	// ahead: the paragraphs a worker sets ahead of the flow (ahead.go);
	// nil when none does.
	ahead *ahead
	// labelLang is the language of the printed labels when it is not
	// the guide's ("en" in a Persian guide), else ""; langs records the
	// blocks placed in another language (Layout.Langs).
	labelLang string
	langs     map[int]string
	// startsOnly: the layout is made for where its pages start alone
	// (Starts), which a page's first words give: a page's start is taken
	// once no later step can change its items (sealStarts), which are
	// then let go. A 4 MiB guide of one-line sections (240,000 pages)
	// otherwise held ~500 MB of items, runs and glyphs for an EPUB's page
	// list.
	startsOnly bool
	starts     []export.PageStart
	// stream: the layout is given away page by page as each is
	// finished (stream.go); nil for a layout made whole.
	stream *streamer
	// part, in Starts, is the part being laid out tentatively (flowPart),
	// its pages' starts taken as they are finished and taken back if it
	// is flowed again (takeBackStarts), as a streamed layout's pages are
	// (streamer.part): kept until the part was placed, the pages of a
	// part of 147,215 one-line subsections were held.
	part handover
	// uncut, while flowPart shortens the text block of the pages it
	// flows (geo.bottom), is its own bottom, from which the footer of a
	// page finished meanwhile (streamed) is placed; 0 otherwise.
	uncut float64
	// setSlab is where blocks set line by line (setLine) take their
	// set lines from.
	setSlab []setLine
	// lineArena is where the lines set one by one (a heading's, a contents
	// entry's, a page's number) take their runs and drawn glyphs from
	// (lineSlabs.arena).
	lineArena lineSlabs
}

const eps = 0.01

// pageMade, when set, is called as a page is begun, the pages before it
// given (a memory test's hook).
var pageMade func()

// givesPages says each page is let go once finished: given away
// (stream), or its start taken (startsOnly).
func (b *builder) givesPages() bool { return b.stream != nil || b.startsOnly }

func (b *builder) page() *Page { return b.pages[len(b.pages)-1] }

func (b *builder) add(it Item) {
	b.page().Items = append(b.page().Items, it)
}

func (b *builder) left() float64 { return b.geo.Left(b.page().Number) }

func (b *builder) newPage(kind PageKind) {
	if b.givesPages() {
		// The flow places on the last page alone, so the pages before
		// it are done with; a part flowed again (flowPart) takes back
		// those it gave.
		done := len(b.pages) - 1
		if b.startsOnly {
			b.sealStarts(done)
		} else {
			b.sealPages(done)
		}
	}
	if pageMade != nil {
		pageMade()
	}
	n := len(b.pages) + 1
	// A page holds about as many items as the page before it, and the
	// furniture adds up to four: a full page's slice is sized once rather
	// than grown by doubling, which allocated twice its 208-byte items
	// (seed: 0.3 MB of 6.4 MB). A page after a short one grows as it
	// fills: four items more than a page of a few needs is much of it (a
	// guide of 4,000 one-paragraph sections kept 2.6 MB more), and the
	// fullest page so far (the contents') would be far too many. Pages
	// let go once finished (streamed, or only their starts taken) keep
	// no slack, so there a short page is sized from the one before too,
	// not yet furnished (furnish adds a page number and a running head):
	// grown from nothing, each of 195,000 one-page sections' pages took
	// four allocations.
	hint := 0
	if n > 1 {
		if k := len(b.pages[n-2].Items); k >= 16 {
			hint = k + 4
		} else if k > 0 && b.givesPages() {
			hint = k + 2
		}
	}
	var pg *Page
	if s := b.stream; s != nil && s.spare != nil && cap(s.spare.Items) >= hint {
		pg, s.spare = s.spare, nil // the page given last, cleared (sealPages)
		pg.Number, pg.Kind, pg.Chapter = n, kind, b.chapter
	} else {
		pg = &Page{Number: n, Kind: kind, Chapter: b.chapter, Items: make([]Item, 0, hint)}
	}
	b.pages = append(b.pages, pg)
	b.y = b.geo.top
	b.fresh = true
	b.gap = 0
	if t := b.th.Pages.Tint; t != nil && kind != CoverPage {
		b.add(Item{Kind: Rule, X: 0, Y: 0, W: b.geo.W, H: b.geo.h, Block: -1, Dest: -1, Target: -1, Fill: true, Color: *t})
	}
}

// startChapter begins a part of the guide on a new page; in a duplex build
// on a right-hand (odd) page, leaving a clean blank verso if needed. A
// style without section breaks runs the part on after the last, with
// the theme's space between (pages.run_on_space).
func (b *builder) startChapter(kind PageKind, chapter string) {
	if !b.th.Pages.SectionBreaks && len(b.pages) > 0 {
		b.chapter = chapter
		b.cont = BodyPage
		if !b.fresh {
			b.gap = max(b.gap, b.th.Pages.RunOnSpace)
		}
		return
	}
	if b.geo.duplex && len(b.pages)%2 == 1 {
		b.chapter = ""
		b.newPage(BlankPage)
	}
	b.chapter = chapter
	b.newPage(kind)
	b.page().Opener = kind != TitlePage
	b.cont = kind
	if kind == TitlePage {
		b.cont = BodyPage
	}
}

// displayLines shapes display text and breaks it by sense (display.go).
func (b *builder) displayLines(spans []span, fam fonts.Family, size, w float64, where string) [][]glyph {
	gs := b.shape(spans, fam, size, where)
	ls := senseWrap(gs, w, !b.sh.th.noHyphenBr)
	b.markRTL(ls)
	return ls
}

// markRTL records lines, one paragraph's, in b.rtl when the paragraph
// is set right to left. Its first glyph tells: bidi gives every
// character of a right-to-left paragraph a level of 1 or more (rule P2
// takes the direction from the first strong character), and the first
// character of a left-to-right one, or the neutrals before its first
// strong one, level 0.
func (b *builder) markRTL(lines [][]glyph) {
	if !rtlLines(lines) {
		return
	}
	if b.rtl == nil {
		b.rtl = map[*glyph]bool{}
	}
	for _, l := range lines {
		if len(l) > 0 {
			b.rtl[&l[0]] = true
		}
	}
}

// rtlLines reports whether lines, one paragraph's, are set right to
// left (markRTL).
func rtlLines(lines [][]glyph) bool {
	if len(lines) == 0 || len(lines[0]) == 0 || lines[0][0].level == 0 {
		return false
	}
	for _, l := range lines {
		for i := range l {
			if l[i].level == 0 {
				return false
			}
		}
	}
	return true
}

// flowPart flows a part that starts a page (a section, the key quotes,
// the FAQ): flow flows it, again when it has been before. When it fills more than one page and leaves fewer than the
// theme's tail_lines lines on its last, it is flowed again with its
// pages a line shorter, then two, … (at most six), pulling lines forward
// onto the last page; the first setting that leaves enough is kept, or
// the one that leaves most. A streamed layout (stream.go) decides in
// PlanPages' pass, giving the part's pages tentatively, and records the
// setting, which DrawPages' pass flows once.
func (b *builder) flowPart(flow func(again bool)) {
	need := b.th.Pages.TailLines
	if need <= 0 || !b.th.Pages.SectionBreaks || len(b.pages) == 0 {
		flow(false)
		return
	}
	bottom := b.geo.bottom
	defer func() { b.geo.bottom, b.uncut = bottom, 0 }()
	step := ptToMM(b.th.Body.Size * b.th.Body.Leading)
	shorten := func(cut int) {
		b.geo.bottom, b.uncut = bottom-float64(cut)*step, bottom
	}
	s := b.stream
	if s != nil && s.numbers != nil {
		if s.ncut >= len(s.cuts) {
			b.err = errors.New("pdf: internal error: the layout's second pass flowed more parts than its first")
			return
		}
		shorten(int(s.cuts[s.ncut]))
		s.ncut++
		flow(false)
		return
	}
	first := len(b.pages) - 1
	save := struct {
		items, nlines, nblock, nums int
		y, gap                      float64
		fresh                       bool
	}{len(b.pages[first].Items), b.pages[first].nlines, b.nblock, len(b.nums), b.y, b.gap, b.fresh}
	switch {
	case s != nil:
		// PlanPages: the part's pages are given as they are finished,
		// and taken back if it is flowed again.
		s.tentative(first, b.pages[first])
		defer s.settled()
	case b.startsOnly:
		// Starts: the same, their starts taken.
		b.part.hold(first, b.pages[first])
		defer func() { b.part.on = false }()
	}
	restore := func() {
		if s != nil {
			s.takeBack(b.pages)
		} else if b.startsOnly {
			b.takeBackStarts()
		}
		clear(b.pages[first+1:])
		b.pages = b.pages[:first+1]
		pg := b.pages[first]
		pg.Items, pg.nlines = pg.Items[:save.items], save.nlines
		b.nblock, b.y, b.gap, b.fresh = save.nblock, save.y, save.gap, save.fresh
		b.nums = b.nums[:save.nums]
	}
	chosen := func(cut int) {
		if s != nil {
			s.cuts = append(s.cuts, uint8(cut))
		}
	}
	bestCut, bestTail := 0, -1
	const maxCut = 6
	for cut := 0; cut <= maxCut; cut++ {
		shorten(cut)
		flow(cut > 0)
		if b.err != nil || len(b.pages)-first < 2 {
			chosen(cut)
			return
		}
		tail := b.page().nlines
		if tail >= need {
			chosen(cut)
			return
		}
		if tail > bestTail {
			bestCut, bestTail = cut, tail
		}
		restore()
	}
	shorten(bestCut)
	chosen(bestCut)
	flow(true)
}

// shape sets text, recording the first error.
func (b *builder) shape(spans []span, fam fonts.Family, size float64, where string) []glyph {
	if b.err != nil {
		return nil
	}
	gs, err := b.sh.shape(spans, fam, size, where)
	if err != nil {
		b.err = err
	}
	return gs
}

// lines shapes and wraps text to width w.
func (b *builder) lines(spans []span, fam fonts.Family, size, w float64, where string) [][]glyph {
	if b.err != nil {
		return nil
	}
	ls, err := b.sh.lines(spans, fam, size, w, where)
	if err != nil {
		b.err = err
	}
	b.markRTL(ls)
	return ls
}

func (b *builder) newDest(title string, outline, toc int) int {
	b.dests = append(b.dests, Dest{Title: Clean(title), Outline: outline, toc: toc})
	return len(b.dests) - 1
}

// linesFit is how many lines of height lh fit in room r.
func linesFit(r, lh float64) int {
	if r < 0 {
		return 0
	}
	return int((r + eps) / lh)
}

// take decides how many of the n remaining lines of a block go on the
// current page, which has room for k. A block that fits goes whole. A
// split leaves at least two lines on each side (no orphan at the foot, no
// widow at the head), so blocks under four lines never split; minStart is
// the least room a block may start in (two lines for a callout). On a
// fresh page something must be placed, so the rules bend only there, for
// blocks taller than a page.
func take(n, k int, fresh bool, minStart int) int {
	if n <= k && (k >= minStart || fresh) {
		return n
	}
	if fresh {
		m := min(k, n-2)
		if m < 1 {
			m = min(max(k, 1), n)
		}
		return m
	}
	if n < 4 || k < 2 || k < minStart {
		return 0
	}
	return min(k, n-2)
}

func (b *builder) isCallout(blk *flowBlock) bool { return blk.kind == QuoteLine }

// pad is the vertical padding a block's piece takes on each page.
func (b *builder) pad(blk *flowBlock) float64 {
	if b.isCallout(blk) {
		return 2 * b.th.Callout.PaddingY
	}
	return 0
}

func (b *builder) minStart(blk *flowBlock) int {
	if blk.minLines > 0 {
		return blk.minLines
	}
	if b.isCallout(blk) {
		return 2
	}
	return 1
}

// flow places blocks in order, keeping each run of keep-with-next blocks
// (a heading, a heading followed by a subheading, a question) on the same
// page as at least two lines of the block that follows it.
func (b *builder) flow(blocks []flowBlock) { b.flowN(blocks, len(blocks)) }

// flowN is flow for the first n of blocks, the others looked at only
// (the block after the last placed, a keep group's).
func (b *builder) flowN(blocks []flowBlock, n int) {
	for i := range n {
		if blocks[i].keep && !b.fresh && (i == 0 || !blocks[i-1].keep) && !b.groupFits(blocks[i:]) {
			b.newPage(b.cont)
		}
		var next *flowBlock
		if i+1 < len(blocks) {
			next = &blocks[i+1]
		}
		b.place(&blocks[i], next)
	}
}

// startLines is how many lines a block needs on the page it starts on.
func (b *builder) startLines(blk *flowBlock) int {
	n := len(blk.lines)
	ms := b.minStart(blk)
	if n < 4 || n <= ms {
		return n
	}
	return max(2, ms)
}

// nextStarts reports whether next can start on the current page when the
// block before it (after) ends at y.
func (b *builder) nextStarts(after float64, next *flowBlock, y float64) bool {
	need := after + next.before
	if next.table != nil {
		need += next.table.startH
	} else {
		need += b.pad(next) + float64(b.startLines(next))*next.lh
	}
	return y+need <= b.geo.bottom+eps
}

// groupFits reports whether the keep-with-next run at the start of bs and
// the first lines of the block after it fit on the current page.
func (b *builder) groupFits(bs []flowBlock) bool {
	y, gap, fresh := b.y, b.gap, b.fresh
	for j := range bs {
		blk := &bs[j]
		space := 0.0
		if !fresh {
			space = gap + blk.before
		}
		n := len(blk.lines)
		if !blk.keep && blk.table != nil {
			return y+space+blk.table.startH <= b.geo.bottom+eps
		}
		if !blk.keep {
			if n == 0 {
				return true
			}
			k := linesFit(b.geo.bottom-y-space-b.pad(blk), blk.lh)
			return take(n, k, false, b.minStart(blk)) >= min(2, n)
		}
		y += space + float64(n)*blk.lh
		gap, fresh = blk.after, false
		if y > b.geo.bottom+eps {
			return false
		}
	}
	return true
}

// place puts one block into the flow, across as many pages as it needs;
// next is the block after it, if any.
func (b *builder) place(blk *flowBlock, next *flowBlock) {
	id := b.nblock
	b.nblock++
	if blk.lang != "" {
		if b.langs == nil {
			b.langs = map[int]string{}
		}
		b.langs[id] = blk.lang
	}
	if blk.table != nil {
		b.placeTable(blk)
		return
	}
	n := len(blk.lines)
	if n == 0 {
		return
	}
	w := b.geo.TextW()
	c := b.th.Callout
	done := 0
	for done < n {
		space := 0.0
		if !b.fresh {
			space = b.gap
			if done == 0 {
				space += blk.before
			}
		}
		pad := b.pad(blk)
		k := linesFit(b.geo.bottom-b.y-space-pad, blk.lh)
		m := take(n-done, k, b.fresh, b.minStart(blk))
		if m > 0 && blk.keepTail && next != nil && done+m == n &&
			!b.nextStarts(blk.after, next, b.y+space+pad+float64(m)*blk.lh) {
			// The lead-in's last lines go where what it leads into starts.
			switch rest := n - done; {
			case rest >= 4:
				m = rest - 2
			case !b.fresh:
				m = 0
			}
		}
		if m == 0 {
			b.newPage(b.cont)
			continue
		}
		b.y += space
		x0 := b.left()
		if b.isCallout(blk) {
			h := pad + float64(m)*blk.lh
			b.add(Item{Kind: Callout, Text: "", X: x0, Y: b.y, W: w, H: h, Block: int32(id), Line: int32(done), Lines: int32(n),
				Dest: -1, Target: -1, Fill: true, Color: c.Fill})
			// In a right-to-left guide the box is mirrored, as the EPUB's
			// is: its rule and mark stand at the right, where its lines
			// start.
			rx := x0
			if b.rtlDoc {
				rx = x0 + w - c.RuleWidth
			}
			b.add(Item{Kind: Rule, X: rx, Y: b.y, W: c.RuleWidth, H: h, Block: -1, Dest: -1, Target: -1, Fill: true, Color: c.Rule})
			if done == 0 && c.MarkSize > 0 {
				ms := c.MarkSize
				mx := x0 + c.RuleWidth + (c.Indent-c.RuleWidth-ms*0.9)/2 + 0.5
				if b.rtlDoc {
					mx = x0 + w - (mx - x0) - ms*0.9
				}
				b.add(Item{Kind: Rule, X: mx, Y: b.y + c.PaddingY + 0.4, W: ms * 0.9, H: ms * 0.62,
					Block: -1, Dest: -1, Target: -1, Mark: true, Color: c.Mark, RTL: b.rtlDoc})
			}
			b.y += c.PaddingY
		}
		for i := 0; i < m; i++ {
			li := done + i
			if blk.ruled {
				// An answer's lines stand under its question's text: in a
				// right-to-left guide the indent is on the right.
				rx := x0 + blk.indent
				if b.rtlDoc {
					rx = x0
				}
				b.add(Item{Kind: Rule, X: rx, Y: b.y + blk.lh - 1.2, W: w - blk.indent, H: b.th.Worksheet.RuleWidth,
					Block: -1, Dest: -1, Target: -1, Fill: true, Color: blk.color})
				b.page().nlines++
				b.y += blk.lh
				continue
			}
			sl := b.setLine(blk, li)
			lw := sl.w
			var md *lineMeta
			tag := blk.tag
			dx := 0.0
			if blk.meta != nil {
				md = &blk.meta[li]
				dx = md.dx
				if md.tag != nil {
					tag = md.tag
				}
			}
			rtl := sl.rtl && !blk.center && blk.kind != TOCLine && (md == nil || !md.flush)
			if blk.kind == TOCLine {
				rtl = b.rtlDoc
			}
			// A callout's indent makes room for the box's furniture (rule,
			// quotation mark), which stands at the start edge of the guide:
			// a line running the other way starts at the box's padding.
			left, right := blk.indent, blk.indent
			if b.isCallout(blk) {
				if b.rtlDoc {
					left = c.PaddingX
				} else {
					right = c.PaddingX
				}
			}
			x := x0 + left + dx
			switch {
			case blk.center:
				x = x0 + (w-lw)/2
			case rtl:
				// Mirrored: the indent on the right.
				x = x0 + w - right - dx - lw
			}
			colour := blk.color
			if md != nil && md.colour != nil {
				colour = *md.colour
			}
			it := Item{Kind: blk.kind, Level: int32(blk.level), X: x, Y: b.y, W: lw, H: blk.lh,
				Block: int32(id), Line: int32(li), Lines: int32(n), Dest: -1, Target: int32(blk.target),
				Baseline: baseline(b.y, blk.lh, sl.size), Text: sl.text, Runs: sl.runs, Color: colour, Title: blk.title,
				spaceAfter: sl.spaceAfter, Tag: tag, RTL: rtl}
			if md != nil && len(md.label) > 0 {
				label := md.label
				ll := width(label)
				lx := x - md.labelGap - ll
				if rtl {
					lx = x + lw + md.labelGap
					label = rtlLabel(label)
				}
				b.add(Item{Kind: Label, X: lx, Y: b.y, W: ll, H: blk.lh, Block: -1, Line: 0, Lines: 1,
					Dest: -1, Target: -1, Baseline: it.Baseline, gs: label, Color: blk.color, Tag: md.labelTag, RTL: rtl})
			}
			if li == 0 && blk.dest >= 0 {
				it.Dest = int32(blk.dest)
				b.dests[blk.dest].page = b.page().Number
				b.dests[blk.dest].y = b.y
			}
			b.add(it)
			b.page().nlines++
			b.placeUnderlines(sl.unders, x, it.Baseline)
			if li == n-1 && blk.target >= 0 {
				b.tocNumber(blk, it, x0)
			}
			b.y += blk.lh
		}
		if b.isCallout(blk) {
			b.y += c.PaddingY
		}
		done += m
		b.fresh = false
		if done < n {
			b.newPage(b.cont)
		}
	}
	b.gap = blk.after
	if blk.rule {
		h := b.th.Headings
		x := b.left()
		if blk.set != nil && blk.set[0].rtl {
			x += w - h.RuleLength
		}
		b.add(Item{Kind: Rule, X: x, Y: b.y + 1.6, W: h.RuleLength, H: h.RuleHeight, Block: -1, Dest: -1, Target: -1, Fill: true, Color: h.Rule})
	}
}

// baseline puts text of size points in a line box of height lh at top so
// that its capitals sit in the middle of the box.
func baseline(top, lh, size float64) float64 {
	s := ptToMM(size)
	return top + lh/2 + 0.35*s
}

// rtlLabel is a list item's label ("1.", "•") as a right-to-left item
// prints it: as if set in a right-to-left paragraph (UAX #9), its digits
// at level 2 and the rest at level 1, so that the full stop follows the
// number in reading order, on its left (".1"), as a browser prints the
// marker of a right-to-left list; its text stays "1.". The label was
// shaped on its own, left to right, and may be shared: it is copied.
func rtlLabel(gs []glyph) []glyph {
	out := slices.Clone(gs)
	for i := range out {
		out[i].level = 1
		if unicode.IsDigit(out[i].r) {
			out[i].level = 2
		}
	}
	return out
}
