package layout

import (
	"strconv"

	"github.com/guidepress/guidepress/fonts"
)

// furniture adds the running header (guide title and current part, with
// a hairline under it) and the footer page number to every page but the
// cover and the blank versos a duplex build inserts. The title page has a
// footer but no header: it shows the guide's title already.
//
// Simplex: the guide title on the left, the part on the right, the number
// centred. Duplex: a verso shows the guide title at its outer (left) edge,
// a recto the part at its outer (right) edge, and numbers sit at the outer
// corner, where a reader flicking through a stapled handout sees them.
func (b *builder) furniture() {
	// A part's running head is the same on each of its pages: it is
	// shaped and fitted once here (in a long guide the shaper's cache is
	// full by now), so that its pages share one set of glyphs and then
	// one set of runs (result).
	heads := map[headKey]head{}
	for _, pg := range b.pages {
		b.furnish(pg, heads)
	}
}

// headKey is a running head's text and the width it is fitted to; head
// its glyphs and text, shaped and fitted once for the pages of a part.
type headKey struct {
	text string
	maxW float64
}

type head struct {
	gs   []glyph
	text string
}

// furnish adds pg's running head and page number (furniture), the heads
// already shaped found in heads, the others added to it.
func (b *builder) furnish(pg *Page, heads map[headKey]head) {
	fu := b.th.Furniture
	w := b.geo.TextW()
	lh := ptToMM(fu.Size * 1.3)
	quiet := b.sh.quiet
	b.sh.quiet = true
	defer func() { b.sh.quiet = quiet }()
	if pg.Kind == CoverPage || pg.Kind == BlankPage {
		return
	}
	if pg.Kind == TitlePage && !fu.FolioOnTitle {
		return // the title page shows the title already, and no number
	}
	x0 := b.geo.Left(pg.Number)
	recto := pg.Number%2 == 1
	pg.Footer = true
	ns := fu.NumberSize
	if ns <= 0 {
		ns = fu.Size + 0.5
	}
	nlh := ptToMM(ns * 1.3)
	num := b.shape(plain(strconv.Itoa(pg.Number)), fonts.Literata, ns, "the footer")
	nw := width(num)
	nx := x0 + (w-nw)/2
	if b.geo.duplex {
		nx = x0
		if recto {
			nx = x0 + w - nw
		}
	}
	fy := b.geo.bottom + b.geo.footerGap - nlh/2
	pg.Items = append(pg.Items, Item{Kind: Footer, X: nx, Y: fy, W: nw, H: nlh, Block: -1, Dest: -1, Target: -1,
		Baseline: baseline(fy, nlh, ns), gs: num, Color: fu.Color})
	if pg.Kind == TitlePage || (pg.Opener && !fu.HeadOnOpeners) {
		return // no running head where the page's own heading says it
	}
	hy := b.geo.top - b.geo.headerGap - lh/2
	put := func(text string, right bool, maxW float64) string {
		k := headKey{text, maxW}
		h, ok := heads[k]
		if !ok {
			gs := b.shape(plain(text), fonts.Atkinson, fu.Size, "the running header")
			gs, err := b.sh.ellipsize(gs, maxW, NewFace(fonts.Atkinson, fonts.Regular))
			if err != nil && b.err == nil {
				b.err = err
			}
			h = head{gs, textOf(gs)}
			heads[k] = h
		}
		gs := h.gs
		tw := width(gs)
		x := x0
		if right {
			x = x0 + w - tw
		}
		pg.Items = append(pg.Items, Item{Kind: Header, X: x, Y: hy, W: tw, H: lh, Block: -1, Dest: -1, Target: -1,
			Baseline: baseline(hy, lh, fu.Size), gs: gs, Color: fu.Color})
		return h.text
	}
	switch {
	case !b.geo.duplex:
		put(displayText(b.g.Title), false, w*0.48)
		pg.Header = put(displayText(pg.Chapter), true, w*0.48)
	case recto:
		pg.Header = put(displayText(pg.Chapter), true, w)
	default:
		pg.Header = put(displayText(b.g.Title), false, w)
	}
	if fu.RuleWidth > 0 {
		pg.Items = append(pg.Items, Item{Kind: Rule, X: x0, Y: hy + lh + 0.8, W: w, H: fu.RuleWidth, Block: -1, Dest: -1, Target: -1,
			Fill: true, Color: fu.Rule})
	}
}
