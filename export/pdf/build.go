// Package pdf writes a study guide as a printable PDF handout: a designed
// vector cover, a title and synopsis page, a printed table of contents
// with dot leaders and page numbers that link to their pages, the key
// quotes and block quotes as callouts, every section from a new page, and
// the FAQ appendix; running headers, page numbers, an outline, document
// metadata, A4 or US Letter, simplex or duplex.
//
// The package lays text out itself rather than through fpdf's MultiCell:
// a line may mix the body face with fallback faces for letters or symbols
// it lacks (FONTS.md §3), and the keep-together rules (headings with their
// text, no widows or orphans, no callout squeezed into the foot of a page)
// need to see a block's lines before placing them. Layout is a pure
// function of the guide and measured widths; rendering then draws the
// recorded items. The guide is laid out once: the contents' own length
// does not depend on the page numbers they print (the number column is
// reserved), so the numbers are set when the flow has found every
// heading's page.
//
// fpdf draws the pages, links and outline; the text operators and fonts
// are this package's. Layout measures with fpdf's own widths, read once
// per process from the faces (subset.go); render writes the text lines
// fpdf's Text would; a last pass over fpdf's output (optimize.go) compacts
// the text, embeds each face drawn reduced to the characters drawn
// (embed.go), adds the structure tree of a tagged PDF (tags.go), and
// compresses everything, with object streams (PDF 1.5).
package pdf

import (
	"errors"
	"fmt"
	"github.com/guidepress/guidepress/templates/labels"

	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// Producer is written into every PDF's Info dictionary.
const Producer = "guidepress (go-pdf/fpdf v0.12.0)"

// Build writes g as a PDF. The diagnostics are warnings about what could
// not be printed as written (a character no embedded font has). The same
// guide and options give the same bytes (Options.Time honours
// SOURCE_DATE_EPOCH). Build is safe to call from many goroutines at once.
func Build(g *content.Guide, opts export.Options) ([]byte, []content.Diagnostic, error) {
	out, _, diags, err := buildDoc(g, opts, guideDoc, nil, false)
	return out, diags, err
}

// BuildWithLayout is Build that also returns the recorded layout, for
// tests and tools that check pagination. The layout is kept whole until
// the file is written, which Build does not need (each page's items are
// let go once drawn).
func BuildWithLayout(g *content.Guide, opts export.Options) (out []byte, lay *Layout, diags []content.Diagnostic, err error) {
	return buildDoc(g, opts, guideDoc, func(*Layout) {}, true)
}

// BuildWithPageStarts is Build that also gives where each page starts
// (Layout.PageStarts) to pages, once the guide is laid out and before it
// is drawn: a batch hands them to the EPUB's page list, which can then be
// built while the PDF is drawn. pages is not called when the layout fails.
func BuildWithPageStarts(g *content.Guide, opts export.Options, pages func([]export.PageStart)) (out []byte, diags []content.Diagnostic, err error) {
	out, _, diags, err = buildDoc(g, opts, guideDoc, func(lay *Layout) { pages(lay.PageStarts()) }, false)
	return out, diags, err
}

// buildDoc builds the document; laidOut, when not nil, is given the whole
// layout before it is drawn. With keep, the layout is returned whole;
// without, each page's items are let go once drawn.
func buildDoc(g *content.Guide, opts export.Options, doc docKind, laidOut func(*Layout), keep bool) (out []byte, lay *Layout, diags []content.Diagnostic, err error) {
	defer func() {
		// fpdf panics on some malformed input rather than recording an
		// error; a build must fail cleanly instead.
		if r := recover(); r != nil {
			out, lay, diags = nil, nil, nil
			err = fmt.Errorf("pdf: internal error building %q (please report it): %v", g.Title, r)
		}
	}()
	if g == nil {
		return nil, nil, nil, errors.New("pdf: no guide")
	}
	th, geo, p, err := prepare(g, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	lay, dests, rep, err := layout(g, opts, th, geo, doc)
	if err != nil {
		return nil, nil, nil, err
	}
	if laidOut != nil {
		laidOut(lay)
	}
	return draw(p, th, lay, dests, rep, !keep)
}

// draw renders a layout into p and writes the finished PDF. With release,
// each page's items are let go once drawn (the layout returned is then
// not whole): with the pages' content compressed as they are drawn
// (stream.go), the layout is what a long document's memory goes to.
func draw(p *fpdf.Fpdf, th theme.Theme, lay *Layout, dests []dest, rep *reporter, release bool) (out []byte, _ *Layout, diags []content.Diagnostic, err error) {
	fs, toUnicode, err := usedFaces(lay)
	if err != nil {
		return nil, nil, nil, err
	}
	tg := newTagger()
	tg.labels = pageLabels(lay)
	st := newPageStreams()
	probe("laid out")
	err = render(p, lay, dests, tg, th.Text.LetterSpacing, st, release, fs)
	st.done()
	if err != nil {
		return nil, nil, nil, err
	}
	var raw keep
	if err := p.Output(&raw); err != nil {
		return nil, nil, nil, fmt.Errorf("pdf: writing: %w", err)
	}
	p = nil
	probe("written by fpdf")
	out, err = optimize(raw.b, fs, toUnicode, tg, st)
	if err != nil {
		return nil, nil, nil, err
	}
	probe("optimized")
	return out, lay, rep.diagnostics(), nil
}

// prepare is what a build sets up before the layout: the guide checked,
// the style's theme, the page geometry, and the fpdf document the layout
// measures with and render draws into.
func prepare(g *content.Guide, opts export.Options) (th theme.Theme, geo geometry, p *fpdf.Fpdf, err error) {
	if err := g.Validate(); err != nil {
		return th, geo, nil, fmt.Errorf("pdf: the guide is not valid: %w", err)
	}
	th, err = theme.Named(opts.Style)
	if err != nil {
		return th, geo, nil, fmt.Errorf("pdf: %w", err)
	}
	if opts.NoTint {
		th.Pages.Tint = nil
	}
	geo, size, err := pageGeometry(opts, th)
	if err != nil {
		return th, geo, nil, err
	}

	p = fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size.name, Size: size.size})
	// Page contents are compressed by optimize, after fpdf has written them.
	p.SetCompression(false)
	p.SetCatalogSort(true) // deterministic object order (FONTS.md §6)
	t := opts.Time()
	p.SetCreationDate(t)
	p.SetModificationDate(t)
	p.SetMargins(0, 0, 0)
	p.SetAutoPageBreak(false, 0) // the layout breaks pages, never fpdf
	if opts.Duplex {
		p.SetDisplayMode("default", "TwoPageRight")
	}
	metadata(p, g, opts, true)
	if err := p.Error(); err != nil {
		return th, geo, nil, fmt.Errorf("pdf: %w", err)
	}

	if err := fitMeasure(&geo, th); err != nil {
		return th, geo, nil, err
	}
	return th, geo, p, nil
}

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
	name string
	size fpdf.SizeType
}

// pageGeometry is the paper and text block for the options; half is a
// booklet's half-size page (A5 for A4, 5.5×8.5 in for Letter), typeset at
// that size with the theme's margins scaled by half_scale.
func pageGeometry(opts export.Options, th theme.Theme) (geometry, pageSize, error) {
	return paperGeometry(opts, th, false)
}

func paperGeometry(opts export.Options, th theme.Theme, half bool) (geometry, pageSize, error) {
	paper, err := export.ParsePaper(string(opts.Paper)) // "" is A4; "A4", "Letter" are accepted
	if err != nil {
		return geometry{}, pageSize{}, fmt.Errorf("pdf: %w", err)
	}
	m := th.Margins
	if half {
		k := m.HalfScale
		m.Top, m.Bottom, m.Inner, m.Outer, m.HeaderGap, m.FooterGap = m.Top*k, m.Bottom*k, m.Inner*k, m.Outer*k, m.HeaderGap*k, m.FooterGap*k
	}
	g := geometry{top: m.Top, inner: m.Inner, outer: m.Outer, duplex: opts.Duplex || half, headerGap: m.HeaderGap, footerGap: m.FooterGap}
	var size pageSize
	switch paper {
	case export.A4:
		g.w, g.h, size.name = 210, 297, "A4"
		if half {
			g.w, g.h = 148, 210
		}
	case export.Letter:
		g.w, g.h, size.name = 215.9, 279.4, "Letter"
		if half {
			g.w, g.h = 139.7, 215.9
		}
	default:
		return geometry{}, pageSize{}, fmt.Errorf("pdf: paper size %q has no page geometry", paper)
	}
	if half {
		size = pageSize{size: fpdf.SizeType{Wd: g.w, Ht: g.h}}
	}
	g.bottom = g.h - m.Bottom
	// Keep lines to a readable length: excess width goes to both margins
	// in their proportion.
	if extra := g.textW() - m.MaxMeasure; extra > 0 {
		g.inner += extra * m.Inner / (m.Inner + m.Outer)
		g.outer += extra * m.Outer / (m.Inner + m.Outer)
	}
	return g, size, nil
}

// measureSample is English prose whose average character width sets the
// measure in characters (margins.measure_chars).
const measureSample = "The novel opens with Kathy, now thirty-one years old, reflecting on her time as a carer and her memories of growing up at Hailsham, a seemingly idyllic school."

// fitMeasure narrows the text block to the theme's measure in characters
// of body text, giving the excess to both margins in their proportion.
func fitMeasure(g *geometry, th theme.Theme) error {
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
	if extra := g.textW() - want; extra > 0 {
		in := g.inner / (g.inner + g.outer)
		g.inner += extra * in
		g.outer += extra * (1 - in)
	}
	return nil
}

// layout lays the guide out: one pass of the flow, which finds the page
// of every heading, then the contents' page numbers (placeTOCNumbers).
func layout(g *content.Guide, opts export.Options, th theme.Theme, geo geometry, doc docKind) (*Layout, []dest, *reporter, error) {
	th = withLabels(th, labels.For(g.Language))
	// The cache serves texts set more than once (running headers, repeated
	// labels, a part flowed again by flowPart).
	sh := &shaper{cache: map[shapeKey]*shaped{}, th: textStyle(th), rep: newReporter()}
	b := &builder{th: th, g: g, opts: opts, geo: geo, sh: sh, doc: doc}
	b.build()
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

func (b *builder) result() *Layout {
	lay := &Layout{PageWidth: b.geo.w, PageHeight: b.geo.h, TextTop: b.geo.top, TextBottom: b.geo.bottom,
		TextWidth: b.geo.textW(), geo: b.geo, segs: b.segs, linkColor: b.th.Blocks.LinkColor}
	if len(lay.segs) == 0 {
		lay.segs = nil
	}
	// Each item's glyphs become its text and runs (drawnGlyph), which is
	// what drawing needs; with the shaper's cache let go first, each
	// shaped text is garbage once its lines are converted, so that the
	// layout's memory falls as it is converted rather than holding both.
	b.sh.cache = nil
	lay.Pages = make([]Page, 0, len(b.pages))
	for _, pg := range b.pages {
		for i := range pg.Items {
			if it := &pg.Items[i]; it.gs != nil {
				finishText(it)
			}
		}
		lay.Pages = append(lay.Pages, *pg)
	}
	// An entry's title is what the contents print (with any character no
	// font has already replaced), joined over its lines.
	printed := map[int][]string{}
	for _, pg := range b.pages {
		for _, it := range pg.Items {
			if it.Kind == TOCLine {
				printed[it.Target] = append(printed[it.Target], it.Text)
			}
		}
	}
	for i, d := range b.dests {
		if d.toc >= 0 {
			lay.TOC = append(lay.TOC, TOCEntry{Title: strings.Join(printed[i], " "), Level: d.toc, Page: b.numbers[i], Dest: i})
		}
	}
	return lay
}

// finishText sets an item's text and runs from its glyphs, which it
// then lets go.
func finishText(it *Item) {
	it.Text, it.runs = textAndRuns(it.gs)
	if len(it.runs) > 0 && wordEndsAt(it) {
		// The space a line break took is drawn (invisibly, at the end of
		// the line), so that text extraction and screen readers see two
		// words, not one.
		r := &it.runs[len(it.runs)-1]
		r.text += " "
		r.space = true
	}
	it.gs = nil
}

// keep is the writer fpdf's Output writes the document to. Output hands
// over its whole buffer in one Write (bytes.Buffer.WriteTo), which keep
// holds instead of copying: a bytes.Buffer would grow to a second copy of
// the uncompressed document (hundreds of megabytes for a long guide)
// while fpdf's own is still live.
type keep struct{ b []byte }

func (k *keep) Write(p []byte) (int, error) {
	if k.b == nil {
		k.b = p
	} else {
		k.b = append(k.b[:len(k.b):len(k.b)], p...) // never write into fpdf's buffer
	}
	return len(p), nil
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
