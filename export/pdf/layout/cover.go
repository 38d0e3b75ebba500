package layout

import (
	"slices"

	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// cover draws the shared cover design (export/cover: palette and wording)
// as vectors on page 1, in the proportions of the EPUB's raster cover: the
// "STUDY GUIDE" label with a short rule under it, the book's title on a
// full-width band (wrapped, balanced and shrunk to fit), an accent rule at
// the band's foot, the author below, the reading time at the foot.
//
// Everything on the cover also appears in the body (title page), so its
// text is shaped quietly: a missing character is reported once, there.
func (b *builder) cover() {
	b.chapter = ""
	b.newPage(CoverPage)
	pal := cover.Default
	t := cover.TextFor(b.g)
	cs := b.th.Cover
	W, H := b.geo.W, b.geo.h
	b.sh.quiet = true
	defer func() { b.sh.quiet = false }()

	b.add(Item{Kind: Rule, X: 0, Y: 0, W: W, H: H, Block: -1, Dest: -1, Target: -1, Fill: true, Color: rgb(pal.Paper)})
	margin := W * 150 / 1600
	tw := W - 2*margin

	// Label and its rule.
	lh := ptToMM(cs.LabelSize * 1.2)
	y := b.display(b.lines([]span{{text: t.Label, style: fonts.Bold}}, fonts.Atkinson, cs.LabelSize, tw, "the cover"), H*300/2560, lh, rgb(pal.Accent))
	b.add(Item{Kind: Rule, X: W/2 - 12, Y: y + 4, W: 24, H: 0.9, Block: -1, Dest: -1, Target: -1, Fill: true, Color: rgb(pal.Accent)})

	// Reading time at the foot, under a thin rule.
	foot := H - H*0.10 // the author must end above this
	readFrom, readTo := -1, -1
	if t.Reading != "" {
		readFrom = len(b.page().Items)
		rlh := ptToMM(cs.ReadingSize * 1.3)
		rl := b.lines(plain(t.Reading), fonts.Atkinson, cs.ReadingSize, tw, "the cover")
		if len(rl) > 1 {
			rl = rl[:1]
		}
		top := H - H*0.10 - rlh
		b.add(Item{Kind: Rule, X: W/2 - 17, Y: top - 6, W: 34, H: 0.4, Block: -1, Dest: -1, Target: -1, Fill: true, Color: rgb(pal.Ink)})
		b.display(rl, top, rlh, rgb(pal.Ink))
		readTo = len(b.page().Items)
		foot = top - 6 - 8
	}

	// Title band.
	// The band grows with the title, but leaves room for two lines of
	// author above the foot.
	bandTop, bandMin, bandMax, pad := H*0.25, H*0.383, H*0.54, H*0.05
	authorRoom := 0.0
	if t.Author != "" {
		authorRoom = H*0.066 + 2*ptToMM(cs.AuthorSize*1.25)
	}
	bandMax = max(bandMin, min(bandMax, foot-authorRoom-bandTop))
	title := displayText(t.Title)
	if Clean(title) == "" {
		title = "Study Guide"
	}
	lines, tlh := b.fitTitle(title, tw, bandMax-2*pad)
	th := float64(len(lines)) * tlh
	bandH := max(th+2*pad, bandMin)
	b.add(Item{Kind: Rule, X: 0, Y: bandTop, W: W, H: bandH, Block: -1, Dest: -1, Target: -1, Fill: true, Color: rgb(pal.Band)})
	b.display(lines, bandTop+(bandH-th)/2, tlh, rgb(pal.Title))
	b.add(Item{Kind: Rule, X: 0, Y: bandTop + bandH, W: W, H: 1.8, Block: -1, Dest: -1, Target: -1, Fill: true, Color: rgb(pal.Accent)})

	// Author between the band and the foot: at most three balanced lines,
	// shrunk until they fit the room there.
	if t.Author != "" {
		top := bandTop + bandH + H*0.066
		gs := b.shape([]span{{text: t.Author, style: fonts.Regular}}, fonts.Atkinson, cs.AuthorSize, "the cover")
		size := cs.AuthorSize
		for {
			gs = scale(gs, size)
			al := wrap(gs, tw)
			alh := ptToMM(size * 1.25)
			if (len(al) <= 3 && top+float64(len(al))*alh <= foot) || size <= 9 {
				if n := int((foot - top) / alh); len(al) > n {
					al = b.truncate(al, max(n, 1), tw)
				}
				al = balance(gs, al, tw)
				b.display(al, top, alh, rgb(pal.Ink))
				break
			}
			size--
		}
	}
	// The reading time was placed first, to know the room left above it,
	// but it is read last (tagged PDF reading order); nothing overlaps it.
	if readFrom >= 0 {
		items := b.page().Items
		moved := slices.Clone(items[readFrom:readTo])
		items = append(items[:readFrom], items[readTo:]...)
		b.page().Items = append(items, moved...)
	}
	// The blocks read one after the other (the label, the title, the
	// author, the reading time): the last line of each but the last
	// ends with a space, as a broken line does, so that text extraction
	// reads "STUDY GUIDE Hamlet by …", not "STUDY GUIDEHamletby …".
	items := b.page().Items
	last := -1
	for i := range items {
		if items[i].Kind != Display {
			continue
		}
		if last >= 0 && items[last].Block != items[i].Block {
			items[last].spaceAfter = true
		}
		last = i
	}
}

// balance re-wraps lines at the narrowest measure that keeps their number,
// so that a two-line title or name does not leave one word alone. Lines
// that were cut short with an ellipsis are left as they are.
func balance(gs []glyph, lines [][]glyph, w float64) [][]glyph {
	if len(lines) < 2 || len(wrap(gs, w)) != len(lines) {
		return lines
	}
	lo, hi := w*0.5, w
	for range 14 {
		mid := (lo + hi) / 2
		if len(wrap(gs, mid)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(gs, hi)
}

// display places centred lines from top, returning the bottom edge.
func (b *builder) display(lines [][]glyph, top, lh float64, c theme.Color) float64 {
	y := top
	id := b.nblock // the lines are one block: one paragraph when tagged
	b.nblock++
	for i, gs := range lines {
		lw := width(gs)
		size := 0.0
		if len(gs) > 0 {
			size = gs[0].size
		}
		b.add(Item{Kind: Display, X: (b.geo.W - lw) / 2, Y: y, W: lw, H: lh, Block: int32(id), Line: int32(i), Lines: int32(len(lines)), Dest: -1, Target: -1,
			spaceAfter: i < len(lines)-1 && endsAtSpace(gs),
			Baseline:   baseline(y, lh, size), gs: gs, Color: c})
		y += lh
	}
	return y
}

// scale re-sizes shaped glyphs: fpdf widths are linear in the size, so a
// text is shaped (and its missing characters reported) once.
func scale(gs []glyph, size float64) []glyph {
	out := make([]glyph, len(gs))
	for i, g := range gs {
		g.w = g.w * size / g.size
		g.size = size
		out[i] = g
	}
	return out
}

// fitTitle finds the largest size from the theme's title_max down to
// title_min at which the title wraps into at most title_max_lines lines
// within maxH, then balances the lines (the narrowest measure that keeps
// the same number of lines) so that a two-line title does not leave one
// word alone. At the smallest size a title that still does not fit is cut
// with an ellipsis; the full title is on the title page and in the
// metadata.
func (b *builder) fitTitle(title string, w, maxH float64) ([][]glyph, float64) {
	cs := b.th.Cover
	base := b.shape([]span{{text: title, style: fonts.Bold}}, fonts.Atkinson, cs.TitleMax, "the cover")
	for size := cs.TitleMax; ; size -= 2 {
		if size < cs.TitleMin {
			size = cs.TitleMin
		}
		gs := scale(base, size)
		lh := ptToMM(size * 1.12)
		lines := wrap(gs, w)
		fits := len(lines) <= cs.TitleMaxLines && float64(len(lines))*lh <= maxH+eps
		if !fits && size > cs.TitleMin {
			continue
		}
		if !fits {
			n := min(cs.TitleMaxLines, max(1, int(maxH/lh)))
			lines = b.truncate(lines, n, w)
			return lines, lh
		}
		if sl := senseWrap(gs, w, true); len(sl) == len(lines) {
			return sl, lh
		}
		return balance(gs, lines, w), lh
	}
}

// truncate keeps n lines, the last ending in an ellipsis.
func (b *builder) truncate(lines [][]glyph, n int, w float64) [][]glyph {
	if len(lines) <= n {
		return lines
	}
	last := append([]glyph(nil), lines[n-1]...)
	if len(last) > 0 {
		fc := last[len(last)-1].fc
		if fc.Family != fonts.Atkinson && fc.Family != fonts.Literata && fc.Family != fonts.NotoSans {
			fc = NewFace(fonts.NotoSans, fc.Style)
		}
		// Pretend there is more text so that ellipsize always cuts.
		g := Single(fc, ' ', last[0].size)
		for width(last) <= w {
			last = append(last, g)
		}
		last = append(last, lines[n][0])
		if cut, err := b.sh.ellipsize(last, w, fc); err == nil && cut != nil {
			last = cut
		} else if err != nil {
			b.err = err
		}
	}
	return append(lines[:n-1:n-1], last)
}
