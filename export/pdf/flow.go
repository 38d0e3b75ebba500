package pdf

import (
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// dest is a place a link or bookmark points to: a heading, a question.
type dest struct {
	title    string // bookmark title: the model's text, cleaned
	outline  int    // bookmark level, -1 for none
	toc      int    // printed TOC depth, -1 when not listed
	tocLines [][]glyph
	page     int
	y        float64
}

// flowBlock is a block of lines that the flow places, breaking pages
// between its lines under the keep-together rules.
type flowBlock struct {
	kind          ItemKind
	level         int
	lines         [][]glyph
	lh            float64 // line height, mm
	before, after float64 // space above and below, mm (dropped at a page top)
	keep          bool    // keep with the next block (headings, questions)
	indent        float64
	center        bool
	color         theme.Color
	dest          int  // destination defined by the first line, or -1
	rule          bool // an accent rule under the block (section headings)
	title         bool // the guide's title (tagged H1)
	target        int  // TOC entry: destination it links to, or -1
	numFace       face // TOC entry: face and size of its page number
	numSize       float64
}

// builder lays out one guide. It is used for one pass and thrown away.
type builder struct {
	th      theme.Theme
	g       *content.Guide
	opts    export.Options
	geo     geometry
	sh      *shaper
	pages   []*Page
	dests   []dest
	numbers []int // page of each dest from the previous pass; nil in pass 1
	// sketch: the first pass, which only finds the pages of the headings
	// (it can never be the last): it keeps no items.
	sketch bool
	err    error

	y       float64
	fresh   bool    // nothing placed yet in the flow of the current page
	gap     float64 // space owed after the last block placed
	nblock  int
	chapter string
	cont    PageKind // kind of the pages a chapter overflows onto

	td       tocDests
	nsection int
}

const eps = 0.01

func (b *builder) page() *Page { return b.pages[len(b.pages)-1] }

func (b *builder) add(it Item) {
	if !b.sketch {
		b.page().Items = append(b.page().Items, it)
	}
}

func (b *builder) left() float64 { return b.geo.left(b.page().Number) }

func (b *builder) newPage(kind PageKind) {
	n := len(b.pages) + 1
	b.pages = append(b.pages, &Page{Number: n, Kind: kind, Chapter: b.chapter})
	b.y = b.geo.top
	b.fresh = true
	b.gap = 0
}

// startChapter begins a part of the guide on a new page; in a duplex build
// on a right-hand (odd) page, leaving a clean blank verso if needed.
func (b *builder) startChapter(kind PageKind, chapter string) {
	if b.geo.duplex && len(b.pages)%2 == 1 {
		b.chapter = ""
		b.newPage(BlankPage)
	}
	b.chapter = chapter
	b.newPage(kind)
	b.cont = kind
	if kind == TitlePage {
		b.cont = BodyPage
	}
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
	return ls
}

func (b *builder) newDest(title string, outline, toc int) int {
	b.dests = append(b.dests, dest{title: clean(title), outline: outline, toc: toc})
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
	if b.isCallout(blk) {
		return 2
	}
	return 1
}

// flow places blocks in order, keeping each run of keep-with-next blocks
// (a heading, a heading followed by a subheading, a question) on the same
// page as at least two lines of the block that follows it.
func (b *builder) flow(blocks []flowBlock) {
	for i := range blocks {
		if blocks[i].keep && !b.fresh && (i == 0 || !blocks[i-1].keep) && !b.groupFits(blocks[i:]) {
			b.newPage(b.cont)
		}
		b.place(&blocks[i])
	}
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

// place puts one block into the flow, across as many pages as it needs.
func (b *builder) place(blk *flowBlock) {
	id := b.nblock
	b.nblock++
	n := len(blk.lines)
	if n == 0 {
		return
	}
	w := b.geo.textW()
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
		if m == 0 {
			b.newPage(b.cont)
			continue
		}
		b.y += space
		x0 := b.left()
		if b.isCallout(blk) {
			h := pad + float64(m)*blk.lh
			b.add(Item{Kind: Callout, Text: "", X: x0, Y: b.y, W: w, H: h, Block: id, Line: done, Lines: n,
				Dest: -1, Target: -1, fill: true, color: c.Fill})
			b.add(Item{Kind: Rule, X: x0, Y: b.y, W: c.RuleWidth, H: h, Block: -1, Dest: -1, Target: -1, fill: true, color: c.Rule})
			if done == 0 && c.MarkSize > 0 {
				ms := c.MarkSize
				b.add(Item{Kind: Rule, X: x0 + c.RuleWidth + (c.Indent-c.RuleWidth-ms*0.9)/2 + 0.5, Y: b.y + c.PaddingY + 0.4, W: ms * 0.9, H: ms * 0.62,
					Block: -1, Dest: -1, Target: -1, mark: true, color: c.Mark})
			}
			b.y += c.PaddingY
		}
		for i := 0; i < m; i++ {
			li := done + i
			gs := blk.lines[li]
			lw := width(gs)
			x := x0 + blk.indent
			if blk.center {
				x = x0 + (w-lw)/2
			}
			size := 0.0
			if len(gs) > 0 {
				size = gs[0].size
			}
			it := Item{Kind: blk.kind, Level: blk.level, X: x, Y: b.y, W: lw, H: blk.lh,
				Block: id, Line: li, Lines: n, Dest: -1, Target: blk.target,
				baseline: baseline(b.y, blk.lh, size), gs: gs, color: blk.color, title: blk.title,
				spaceAfter: li < n-1 && endsAtSpace(gs)}
			if li == 0 && blk.dest >= 0 {
				it.Dest = blk.dest
				b.dests[blk.dest].page = b.page().Number
				b.dests[blk.dest].y = b.y
			}
			b.add(it)
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
		b.add(Item{Kind: Rule, X: b.left(), Y: b.y + 1.6, W: h.RuleLength, H: h.RuleHeight, Block: -1, Dest: -1, Target: -1, fill: true, color: h.Rule})
	}
}

// baseline puts text of size points in a line box of height lh at top so
// that its capitals sit in the middle of the box.
func baseline(top, lh, size float64) float64 {
	s := ptToMM(size)
	return top + lh/2 + 0.35*s
}
