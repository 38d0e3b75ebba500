package layout

import (
	"fmt"
	"runtime"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/templates/labels"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// wordEndsAt says whether a word ends after it with nothing drawn
// between it and the next: a line that broke at a space, or a contents
// entry before its page number.
func wordEndsAt(it *Item) bool {
	switch it.Kind {
	case TOCLine:
		return true
	case Line, QuoteLine, Heading, Question, Display, Cell:
		return it.spaceAfter
	}
	return false
}

// pageSize is fpdf's name for a page size, or a custom size in mm.
type pageSize struct {
	Name string
	Size fpdf.SizeType
}

// PageGeometry is the paper and text block for the options; half is a
// booklet's half-size page (A5 for A4, 5.5×8.5 in for Letter), typeset at
// that size with the theme's margins scaled by half_scale.
func PageGeometry(opts export.Options, th theme.Theme) (Geometry, pageSize, error) {
	return PaperGeometry(opts, th, false)
}

func PaperGeometry(opts export.Options, th theme.Theme, half bool) (Geometry, pageSize, error) {
	paper, err := export.ParsePaper(string(opts.Paper)) // "" is A4; "A4", "Letter" are accepted
	if err != nil {
		return Geometry{}, pageSize{}, fmt.Errorf("pdf: %w", err)
	}
	m := th.Margins
	if half {
		k := m.HalfScale
		m.Top, m.Bottom, m.Inner, m.Outer, m.HeaderGap, m.FooterGap = m.Top*k, m.Bottom*k, m.Inner*k, m.Outer*k, m.HeaderGap*k, m.FooterGap*k
	}
	g := Geometry{top: m.Top, inner: m.Inner, outer: m.Outer, duplex: opts.Duplex || half, headerGap: m.HeaderGap, footerGap: m.FooterGap}
	var size pageSize
	switch paper {
	case export.A4:
		g.W, g.h, size.Name = 210, 297, "A4"
		if half {
			g.W, g.h = 148, 210
		}
	case export.Letter:
		g.W, g.h, size.Name = 215.9, 279.4, "Letter"
		if half {
			g.W, g.h = 139.7, 215.9
		}
	default:
		return Geometry{}, pageSize{}, fmt.Errorf("pdf: paper size %q has no page geometry", paper)
	}
	if half {
		size = pageSize{Size: fpdf.SizeType{Wd: g.W, Ht: g.h}}
	}
	g.bottom = g.h - m.Bottom
	// Keep lines to a readable length: excess width goes to both margins
	// in their proportion.
	if extra := g.TextW() - m.MaxMeasure; extra > 0 {
		g.inner += extra * m.Inner / (m.Inner + m.Outer)
		g.outer += extra * m.Outer / (m.Inner + m.Outer)
	}
	return g, size, nil
}

// measureSample is English prose whose average character width sets the
// measure in characters (margins.measure_chars).
const measureSample = "The novel opens with Kathy, now thirty-one years old, reflecting on her time as a carer and her memories of growing up at Hailsham, a seemingly idyllic school."

// FitMeasure narrows the text block to the theme's measure in characters
// of body text, giving the excess to both margins in their proportion.
func FitMeasure(g *Geometry, th theme.Theme) error {
	n := th.Margins.MeasureChars
	if n <= 0 {
		return nil
	}
	sh := &shaper{rep: newReporter(), th: textStyle(th)}
	gs, err := sh.shape(plain(measureSample), fonts.Literata, th.Body.Size, "the measure")
	if err != nil {
		return err
	}
	want := width(gs) / float64(len(gs)) * n
	if extra := g.TextW() - want; extra > 0 {
		in := g.inner / (g.inner + g.outer)
		g.inner += extra * in
		g.outer += extra * (1 - in)
	}
	return nil
}

// Guide lays the guide out: one pass of the flow, which finds the page
// of every heading, then the contents' page numbers (placeTOCNumbers).
// probe is called once the flow is done (a memory test's hook).
func Guide(g *content.Guide, opts export.Options, th theme.Theme, geo Geometry, doc DocKind, probe func(stage string)) (*Layout, []Dest, *Reporter, error) {
	b := newBuilder(g, opts, th, geo, doc)
	if opts.SpareCore && doc == GuideDoc && runtime.GOMAXPROCS(0) > 1 {
		b.ahead = startAhead(b)
		defer b.ahead.finish()
		if aheadFirst {
			<-b.ahead.done
		}
	}
	b.build()
	b.ahead.finish() // the worker's scratch is garbage from here
	if aheadTaken != nil && b.ahead != nil {
		aheadTaken(b.ahead.taken, len(b.ahead.slots))
	}
	if b.err != nil {
		return nil, nil, nil, b.err
	}
	probe("flowed")
	b.numbers = make([]int, len(b.dests))
	for i, d := range b.dests {
		b.numbers[i] = d.page
	}
	b.placeTOCNumbers()
	if b.err != nil {
		return nil, nil, nil, b.err
	}
	return b.result(), b.dests, b.sh.rep, nil
}

// newBuilder is a builder for one layout of g.
func newBuilder(g *content.Guide, opts export.Options, th theme.Theme, geo Geometry, doc DocKind) *builder {
	words := labels.For(g.Language)
	th = withLabels(th, words)
	// The cache serves texts set more than once (running headers, repeated
	// labels, a part flowed again by flowPart).
	sh := &shaper{cache: map[shapeKey]*shaped{}, th: textStyle(th), rep: newReporter()}
	return &builder{th: th, g: g, opts: opts, geo: geo, sh: sh, doc: doc, rtlDoc: export.GuideRightToLeft(g), labelLang: otherLang(words.Lang, g.Language)}
}

func (b *builder) result() *Layout {
	lay := &Layout{PageWidth: b.geo.W, PageHeight: b.geo.h, TextTop: b.geo.top, TextBottom: b.geo.bottom,
		TextWidth: b.geo.TextW(), Geo: b.geo, Segs: b.segs, LinkColor: b.th.Blocks.LinkColor, Langs: b.langs,
		Dots: Dots{Size: b.th.TOC.LeaderDotSize, Pitch: b.th.TOC.LeaderDotSpacing}}
	if len(lay.Segs) == 0 {
		lay.Segs = nil
	}
	// Each item's glyphs become its text and runs (DrawnGlyph), which is
	// what drawing needs; with the shaper's cache let go first, each
	// shaped text is garbage once its lines are converted, so that the
	// layout's memory falls as it is converted rather than holding both.
	b.sh.cache = nil
	// A running head is the same text on every page of a part, shaped
	// once (through the cache): its text and runs are made once and
	// shared, never changed after. A 4 MiB guide of one-line sections
	// has two heads on each of 240,000 pages (~125 MB of runs each made
	// anew).
	type glyphs struct {
		first *glyph
		n     int
	}
	heads := map[glyphs]*Item{}
	lay.Pages = make([]Page, 0, len(b.pages))
	for i, pg := range b.pages {
		b.pages[i] = nil // each page is held once, in lay.Pages, as it is converted
		for i := range pg.Items {
			it := &pg.Items[i]
			if it.gs == nil {
				continue
			}
			if it.Kind != Header || len(it.gs) == 0 {
				finishTextIn(it, b.arena(), nil)
				continue
			}
			k := glyphs{&it.gs[0], len(it.gs)}
			if h := heads[k]; h != nil {
				it.Text, it.Runs, it.gs = h.Text, h.Runs, nil
				continue
			}
			finishTextIn(it, b.arena(), nil)
			heads[k] = it
		}
		lay.Pages = append(lay.Pages, *pg)
	}
	// An entry's title is what the contents print (with any character no
	// font has already replaced), joined over its lines.
	// By destination, not in a map: 195,699 entries made ~20 MB of map
	// and slices at the layout's peak.
	printed := make([]string, len(b.dests))
	lines := make([]bool, len(b.dests)) // a line of the entry is in printed
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Kind != TOCLine || it.Target < 0 || int(it.Target) >= len(printed) {
				continue
			}
			if lines[it.Target] {
				printed[it.Target] += " " + it.Text
			} else {
				printed[it.Target], lines[it.Target] = it.Text, true
			}
		}
	}
	n := 0
	for _, d := range b.dests {
		if d.toc >= 0 {
			n++
		}
	}
	if n > 0 {
		lay.TOC = make([]TOCEntry, 0, n)
	}
	for i, d := range b.dests {
		if d.toc >= 0 {
			lay.TOC = append(lay.TOC, TOCEntry{Title: printed[i], Level: d.toc, Page: b.numbers[i], Dest: i})
		}
	}
	return lay
}

// finishTextIn sets an item's text and runs from its glyphs, which it
// then lets go, taking the runs and their glyphs from slabs (nil: arrays
// of their own) and the text from src, the paragraph's text
// (textAndRunsIn).
func finishTextIn(it *Item, slabs *lineSlabs, src *paraText) {
	var end int
	it.Text, it.Runs, end = textAndRunsIn(it.gs, slabs, src, true)
	if len(it.Runs) > 0 && wordEndsAt(it) {
		// The space a line break took is drawn (invisibly, at the end of
		// the line), so that text extraction and screen readers see two
		// words, not one.
		r := &it.Runs[len(it.Runs)-1]
		if end >= 0 && end < len(src.s) && src.s[end] == ' ' {
			// The line's text is src.s[…:end], the last run's its end.
			r.Text = src.s[end-len(r.Text) : end+1]
		} else {
			r.Text += " "
		}
		r.Space = true
	}
	it.gs = nil
}

// glyphRuns are the runs finishTextIn would give it, its glyphs as drawn
// and whether a space is drawn after them, without their texts, in
// scratch's arrays (which the next call uses again): what the fonts are
// made from (Glyphs), which PlanPages' pass takes from an item that is
// let go at once. Finished there, the running heads, page numbers and
// contents' numbers of a 4 MiB guide of one-line sections made 0.4
// million texts and twice as many arrays.
func glyphRuns(it *Item, scratch *lineSlabs) []Run {
	n := len(it.gs)
	if cap(scratch.glyphs) < n {
		scratch.glyphs, scratch.runs = make([]DrawnGlyph, 0, 2*n), make([]Run, 0, 2*n)
	}
	scratch.glyphs, scratch.runs = scratch.glyphs[:0], scratch.runs[:0]
	_, runs, _ := textAndRunsIn(it.gs, scratch, nil, false)
	if len(runs) > 0 && wordEndsAt(it) {
		runs[len(runs)-1].Space = true
	}
	return runs
}

// withLabels sets the theme's printed headings in the guide's language
// (templates/labels): the theme says how they look, the labels what they
// say.
func withLabels(th theme.Theme, l labels.Labels) theme.Theme {
	th.TOC.Title = l.Contents
	th.Quotes.Title = l.KeyQuotes
	th.FAQ.ShortTitle = l.FAQ
	th.FAQ.Title = l.Appendix + " — " + l.FAQ
	return th
}
