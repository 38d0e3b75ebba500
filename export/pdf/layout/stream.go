package layout

import (
	"fmt"
	"runtime"
	"slices"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/double"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// A long guide's PDF is laid out twice rather than held whole. Guide
// makes the whole layout before anything is drawn, because three things
// drawn early depend on all of it: the contents, which come first, print
// every heading's page; the fonts are subset, and their glyphs numbered,
// from every glyph drawn; and the catalogue's page labels follow every
// page's kind. A 4 MiB guide of one-line sections held about 500 MB of
// laid-out pages that way, and the collector let the heap grow to twice
// that. Plan lays the guide out and lets each page go once finished,
// keeping only those three things (and, for an EPUB's page list, where
// each page starts); DrawPages then lays it out again, the same way, the
// contents' page numbers placed as the contents are, and gives each page
// to be drawn as soon as no later step can change it. The layout is the
// same in both passes and Guide's (the flow is deterministic, and what
// the numbers print never moves anything: their column is reserved), so
// the PDF drawn is the same bytes; it costs the layout's CPU twice.

// Plan is what a first pass over a guide finds for drawing it page by
// page (DrawPages).
type Plan struct {
	// numbers is the page of each destination; labels the catalogue's
	// /PageLabels entry (PageLabels); segmented says the guide has
	// segments (Layout.Segs is not empty once whole).
	numbers   []int
	Labels    string
	Segmented bool
	// Dests is how many destinations the layout makes.
	Dests int
	// Starts is where each page starts (Layout.PageStarts), when asked.
	Starts []export.PageStart
	// cuts is, for each part flowed with the theme's tail lines
	// (flowPart), by how many lines its pages were shortened: DrawPages
	// flows each part once, that way.
	cuts []uint8
	// pages is how many pages the plan's pass gave: DrawPages' must give
	// as many (the labels, the contents' numbers and the fonts are the
	// plan's).
	pages int
}

// Pages is how many pages the plan's pass gave, and DrawPages gives.
func (pl *Plan) Pages() int { return pl.pages }

// Glyphs gathers the glyphs a plan's pages draw (fontembed.Uses): Runs
// takes an item's runs (theirs for the call only: PlanPages makes some in
// arrays it uses again, and without their texts, glyphRuns); Rollback forgets those taken since Checkpoint,
// when a part whose pages were given is flowed again (flowPart).
type Glyphs interface {
	Runs([]Run)
	Checkpoint()
	Rollback()
}

// streamer is a builder's state while it gives pages away as they are
// finished (sealPages).
type streamer struct {
	// numbers, from Plan, is the page of each destination: the contents'
	// numbers are placed as the contents are laid out. nil in Plan's
	// pass, which places none.
	numbers []int
	// page is given each page once finished, its items' text and runs
	// set; its items are let go after.
	page func(pg *Page) error
	// sealed is how many pages have been given.
	sealed int
	kinds  []PageKind // Plan's pass: each page's kind, for the labels (a page's number is its place)
	heads  map[headKey]head
	// spare is the last page given, cleared: the next page (newPage)
	// is made in it and its items' array rather than allocated. One
	// page of a one-line section is ~1.2 KB of items: 195,699 of them
	// allocated 464 MB over the two passes.
	spare *Page
	// cuts, from Plan, is how each part is flowed (Plan.cuts); ncut
	// how many have been. PlanPages' pass appends to it.
	cuts []uint8
	ncut int
	// part is the part being given tentatively (handover), in
	// PlanPages' pass; mark is called before its first page is given,
	// undo to forget what its pages gave when it is flowed again.
	part       handover
	mark, undo func()
	// owned: DrawPages' pass of a guide the build has the only reference
	// to (export.Options.Owned) lets each top-level section go once laid
	// out: nothing after reads it (its pages hold what they draw, the
	// destinations their titles). 4 MiB of 195,699 one-line sections
	// held its ~84 MB model to the drawing's end.
	owned bool
}

// lets says the guide's sections are let go once laid out (owned).
func (s *streamer) lets() bool { return s != nil && s.owned }

// Plan lays g out as Guide does, page by page, and gives the runs of each
// page's items (and of the contents' page numbers) to runs once the page
// is finished: what the fonts are made from (fontembed.Uses). With
// starts, it also takes where each page starts.
func PlanPages(g *content.Guide, opts export.Options, th theme.Theme, geo Geometry, starts bool, gl Glyphs) (*Plan, error) {
	b := newBuilder(g, opts, th, geo, GuideDoc)
	pl := &Plan{}
	nstarts := 0
	var scratch lineSlabs
	b.stream = &streamer{page: func(pg *Page) error {
		for i := range pg.Items {
			if it := &pg.Items[i]; it.gs != nil {
				gl.Runs(glyphRuns(it, &scratch)) // left unfinished (sealPages): the page is let go
			} else {
				gl.Runs(it.Runs)
			}
		}
		if starts {
			// Doubled when full (package double): 195,699 pages'
			// starts are 11 MB, grown a quarter at a time ~1.6% of
			// the build's CPU samples (perf, faults included).
			pl.Starts = append(double.Room(pl.Starts), pageStart(pg))
		}
		return nil
	}, mark: func() {
		gl.Checkpoint()
		nstarts = len(pl.Starts)
	}, undo: func() {
		gl.Rollback()
		clear(pl.Starts[nstarts:])
		pl.Starts = pl.Starts[:nstarts]
	}}
	b.run()
	if b.err != nil {
		return nil, b.err
	}
	pl.numbers = make([]int, len(b.dests))
	for i, d := range b.dests {
		pl.numbers[i] = d.page
	}
	// The contents' numbers: their glyphs are drawn too.
	b.numbers = pl.numbers
	b.sh.quiet = true
	var items []Item
	for i := range b.nums {
		items = b.appendTOCNumber(items[:0], &b.nums[i])
		for j := range items {
			if items[j].gs != nil {
				gl.Runs(glyphRuns(&items[j], &scratch))
			}
		}
	}
	b.sh.quiet = false
	if b.err != nil {
		return nil, b.err
	}
	kinds := b.stream.kinds
	pl.Labels = pageLabels(len(kinds), func(i int) (PageKind, int) { return kinds[i], i + 1 })
	pl.Segmented = len(b.segs) > 0
	pl.Dests = len(b.dests)
	pl.cuts = b.stream.cuts
	pl.pages = b.stream.sealed
	return pl, nil
}

// DrawPages lays g out again as PlanPages did, giving each page to page
// as soon as it is finished (its items' text and runs set), with what
// its items refer to: lay holds the segments and block languages made so
// far, the geometry and the leaders' dots (no pages), dests the
// destinations made so far. The page's items are let go after. An error
// from page ends the layout.
func DrawPages(g *content.Guide, opts export.Options, th theme.Theme, geo Geometry, pl *Plan, page func(pg *Page, lay *Layout, dests []Dest) error) ([]Dest, *Reporter, error) {
	b := newBuilder(g, opts, th, geo, GuideDoc)
	lay := &Layout{PageWidth: b.geo.W, PageHeight: b.geo.h, TextTop: b.geo.top, TextBottom: b.geo.bottom,
		TextWidth: b.geo.TextW(), Geo: b.geo, LinkColor: b.th.Blocks.LinkColor,
		Dots: Dots{Size: b.th.TOC.LeaderDotSize, Pitch: b.th.TOC.LeaderDotSpacing}}
	none := []Segment{{}}
	b.numbers = pl.numbers
	b.stream = &streamer{numbers: pl.numbers, cuts: pl.cuts, owned: opts.Owned, page: func(pg *Page) error {
		lay.Segs, lay.Langs = b.segs, b.langs
		if len(lay.Segs) == 0 {
			lay.Segs = none // a run's segment 0 is none
		}
		return page(pg, lay, b.dests)
	}}
	b.run()
	if b.err != nil {
		return nil, nil, b.err
	}
	// The two passes lay the guide out the same way; were they to differ,
	// the PDF would be drawn with the plan's page labels, contents'
	// numbers and fonts for other pages, without a word.
	if s := b.stream; s.ncut != len(s.cuts) || s.sealed != pl.pages {
		return nil, nil, fmt.Errorf("pdf: internal error: the layout's second pass gave %d pages and flowed %d parts with tail lines; its first %d and %d", s.sealed, s.ncut, pl.pages, len(s.cuts))
	}
	return b.dests, b.sh.rep, nil
}

// run lays the guide out as Guide does, with the worker setting
// paragraphs ahead when a core is spare, and gives every page away when
// streaming.
func (b *builder) run() {
	if b.opts.SpareCore && b.doc == GuideDoc && runtime.GOMAXPROCS(0) > 1 {
		b.ahead = startAhead(b)
		defer b.ahead.finish()
		if aheadFirst {
			<-b.ahead.done
		}
	}
	b.build()
	b.ahead.finish()
	if b.err == nil && b.stream != nil {
		b.sealPages(len(b.pages))
	}
}

// sealPages finishes the pages before page index n not given yet: their
// running head and number (furnish), their contents' numbers being
// placed already; gives each away and lets it go.
func (b *builder) sealPages(n int) {
	s := b.stream
	for ; s.sealed < n && b.err == nil; s.sealed++ {
		s.handOver()
		pg := b.pages[s.sealed]
		b.pages[s.sealed] = nil
		if s.heads == nil || len(s.heads) > 64 {
			s.heads = map[headKey]head{} // a part's heads are met on its pages, in a row
		}
		b.furnish(pg, s.heads)
		if s.numbers == nil {
			// PlanPages' pass: the page is given to have its glyphs
			// taken and starts from glyphs as well as from texts
			// (pageStart), and let go; drawn, each item's text and runs.
			s.kinds = append(s.kinds, pg.Kind)
		} else {
			for i := range pg.Items {
				if pg.Items[i].gs != nil {
					finishTextIn(&pg.Items[i], b.arena(), nil)
				}
			}
		}
		if err := s.page(pg); err != nil && b.err == nil {
			b.err = err
		}
		items := pg.Items
		clear(items) // what the items refer to is let go
		*pg = Page{Items: items[:0]}
		s.spare = pg
	}
}

// handover is a part that may be flowed again (flowPart) given page by
// page in PlanPages' pass all the same, its pages let go: a guide of one
// part of 147,215 subsections held its 7,500 pages otherwise. From its
// first page, index from, its pages are given tentatively (on): mark is
// called before the first is given (marked; kinds then held nkinds), and
// what they gave is taken back if the part is flowed again (takeBack).
// first is that page as the part found it, its items before the part's
// in firstItems, to start again from. on is false outside such a part and
// in DrawPages' pass, where every part is flowed once.
type handover struct {
	on, marked   bool
	from, nkinds int
	first        Page
	firstItems   []Item
}

// tentative starts giving the part that begins on page index from, pg,
// tentatively (handover), until settled.
func (s *streamer) tentative(from int, pg *Page) { s.part.hold(from, pg) }

// hold begins a part on page index from, pg, keeping pg as the part
// finds it.
func (h *handover) hold(from int, pg *Page) {
	h.on, h.marked, h.from = true, false, from
	h.first = *pg
	h.firstItems = append(h.firstItems[:0], pg.Items...)
	h.first.Items = nil
}

// firstPage is the part's first page as the part found it, to be given
// again.
func (h *handover) firstPage() *Page {
	pg := h.first
	pg.Items = slices.Clone(h.firstItems)
	return &pg
}

// settled ends the part's tentative handover: its pages are given for
// good from here.
func (s *streamer) settled() { s.part.on = false }

// handOver is called before page s.sealed is given: the first of a
// tentative part's marks what was given before it.
func (s *streamer) handOver() {
	if h := &s.part; h.on && !h.marked && s.sealed >= h.from {
		h.marked, h.nkinds = true, len(s.kinds)
		s.mark()
	}
}

// takeBack forgets what the tentative part's pages gave (undo, their
// kinds) and, if its first page was given, puts that page back in pages
// as the part found it, to be given again.
func (s *streamer) takeBack(pages []*Page) {
	h := &s.part
	if h.marked {
		s.undo()
		s.kinds = s.kinds[:h.nkinds]
		h.marked = false
	}
	if s.sealed > h.from {
		pages[h.from] = h.firstPage()
		s.sealed = h.from
	}
}

// takeBackStarts is takeBack in Starts (builder.part): the starts taken
// from the part's pages are forgotten and, if its first page's was
// taken, that page put back as the part found it.
func (b *builder) takeBackStarts() {
	if h := &b.part; len(b.starts) > h.from {
		b.pages[h.from] = h.firstPage()
		clear(b.starts[h.from:])
		b.starts = b.starts[:h.from]
	}
}
