package layout

import "github.com/guidepress/guidepress/fonts"

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
	num := b.number(pg.Number, fonts.Literata, fonts.Regular, ns, "the footer")
	nw := width(num)
	nx := x0 + (w-nw)/2
	if b.geo.duplex {
		nx = x0
		if recto {
			nx = x0 + w - nw
		}
	}
	bottom := b.geo.bottom
	if b.uncut != 0 {
		bottom = b.uncut // a page finished while its part is flowed shorter (flowPart)
	}
	fy := bottom + b.geo.footerGap - nlh/2
	pg.Items = append(pg.Items, Item{Kind: Footer, X: nx, Y: fy, W: nw, H: nlh, Block: -1, Dest: -1, Target: -1,
		Baseline: baseline(fy, nlh, ns), gs: num, Color: fu.Color})
	if pg.Kind == TitlePage || (pg.Opener && !fu.HeadOnOpeners) {
		return // no running head where the page's own heading says it
	}
	hy := b.geo.top - b.geo.headerGap - lh/2
	// shaped is text's head at its natural width (maxW -1), fitted the
	// fitted one; both kept for the part's other pages.
	shaped := func(text string) head {
		k := headKey{text, -1}
		h, ok := heads[k]
		if !ok {
			gs := b.shape(plain(text), fonts.Atkinson, fu.Size, "the running header")
			h = head{gs, textOf(gs)}
			heads[k] = h
		}
		return h
	}
	fitted := func(text string, maxW float64) head {
		k := headKey{text, maxW}
		h, ok := heads[k]
		if !ok {
			gs, err := b.sh.ellipsize(shaped(text).gs, maxW, NewFace(fonts.Atkinson, fonts.Regular))
			if err != nil && b.err == nil {
				b.err = err
			}
			gs = atWord(gs)
			h = head{gs, textOf(gs)}
			heads[k] = h
		}
		return h
	}
	put := func(text string, right bool, maxW float64) string {
		h := fitted(text, maxW)
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
		// The two heads share the line: each keeps its natural width when
		// the other leaves room for it (a short part name gives the
		// guide's title the rest of the line), and only two long ones are
		// cut, each to half. A guide's title too long for its room gives
		// way to the book's title ("The Adventures of Tom Sawyer" for
		// "The Adventures of Tom Sawyer – A Study Guide"), as a book's
		// running head carries a short title, before it is cut.
		gap := w * 0.04
		half := (w - gap) / 2
		title, part := displayText(b.g.Title), displayText(pg.Chapter)
		pw := width(shaped(part).gs)
		room := w - gap - min(pw, half)
		if width(shaped(title).gs) > room {
			if bt := displayText(b.g.Book.Title); bt != "" && width(shaped(bt).gs) < width(shaped(title).gs) {
				title = bt
			}
		}
		tw := width(shaped(title).gs)
		tmax, pmax := half, half
		switch {
		case pw <= half:
			tmax = w - gap - pw
		case tw <= half:
			pmax = w - gap - tw
		}
		put(title, false, tmax)
		pg.Header = put(part, true, pmax)
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

// atWord moves a cut that fell inside a word (…"A Study G…") back to the
// word's start ("A Study…") when that keeps most of what was shown; text
// without spaces (Chinese, Japanese) keeps its cut.
func atWord(gs []glyph) []glyph {
	n := len(gs)
	if n < 2 || gs[n-1].r != '…' || gs[n-2].r == ' ' {
		return gs
	}
	body := gs[:n-1]
	for i := len(body) - 1; i > 0; i-- {
		if body[i].r != ' ' {
			continue
		}
		kept := trimSpace(body[:i])
		if len(kept) == 0 || width(kept) < 0.6*width(body) {
			return gs
		}
		return append(append([]glyph(nil), kept...), gs[n-1])
	}
	return gs
}
