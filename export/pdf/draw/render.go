// Package draw draws a finished layout into an fpdf document: each item's
// text as the text operators fpdf's Text would write (fpdf is given no
// font: the fonts are package fontembed's), rules and fills, the contents'
// links and the outline, each piece of content marked for the structure
// tree (package tags); and a booklet's pages imposed two-up (Impose).
package draw

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/export/pdf/finish"
	"github.com/guidepress/guidepress/export/pdf/fontembed"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/export/pdf/tags"
	"github.com/guidepress/guidepress/internal/pdfnum"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// Render draws a finished layout into the document: every page, every
// item, the internal links of the contents and the outline (bookmarks).
// fpdf records errors instead of returning them, so the error is checked
// after each page and at the end.
//
// spacing is the style's letter spacing in points, set once per page (Tc
// is part of the text state, which outlasts each text object); layout
// measured every character that much wider.
//
// Each page's content is taken into st once drawn (finish.PageStreams), and with
// release its items are let go. probe is called every probePages pages
// (a memory test's hook).
func Render(p *fpdf.Fpdf, lay *layout.Layout, dests []layout.Dest, tg *tags.Tagger, spacing float64, st *finish.PageStreams, release bool, fs []fontembed.Font, probe func(stage string)) error {
	pd := NewPages(p, len(dests), len(lay.Segs) > 0, tg, spacing, st, fs, probe)
	pd.Release = release
	for n := range lay.Pages {
		if err := pd.Page(&lay.Pages[n], lay, dests); err != nil {
			return err
		}
	}
	return p.Error()
}

// Pages draws a layout's pages one at a time, in order, each once it is
// finished: Render's, or a long guide's as it is laid out (the layout is
// then never held whole).
type Pages struct {
	p         *fpdf.Fpdf
	tw        *textWriter
	tg        *tags.Tagger
	st        *finish.PageStreams
	links     []int
	segmented bool
	spacing   float64
	probe     func(stage string)
	n         int // the pages drawn
	// Release: each page's items are let go once it is drawn.
	Release bool
}

// NewPages is ready to draw the pages of a document of ndests
// destinations; segmented says that the document has segments (links,
// terms: Layout.Segs, once it is whole), whose text is then drawn run by
// run in their elements.
func NewPages(p *fpdf.Fpdf, ndests int, segmented bool, tg *tags.Tagger, spacing float64, st *finish.PageStreams, fs []fontembed.Font, probe func(stage string)) *Pages {
	tw := newTextWriter(p, fs)
	tw.spacing = spacing
	links := make([]int, ndests)
	for i := range links {
		links[i] = p.AddLink()
	}
	// A bookmark is made for a destination at most (an outline entry):
	// room for them at once, not grown by copying.
	p.ReserveBookmarks(ndests)
	return &Pages{p: p, tw: tw, tg: tg, st: st, links: links, segmented: segmented, spacing: spacing, probe: probe}
}

// Page draws pg, the next page. lay gives what its items refer to
// (segments, the languages of blocks, the geometry, the leaders' dots)
// and dests the destinations, as far as the layout has made them; its
// pages are not read.
func (pd *Pages) Page(pg *layout.Page, lay *layout.Layout, dests []layout.Dest) error {
	p, tw, tg, spacing := pd.p, pd.tw, pd.tg, pd.spacing
	n := pd.n
	pd.n++
	tg.Langs = lay.Langs
	p.AddPage()
	pd.st.Start(p)
	tg.Page()
	tg.Figure = nil
	if pg.Kind == layout.CoverPage {
		tg.Figure = coverFigure(pg)
	}
	tw.fontSet = false // each page's content selects its own font
	if spacing > 0 {
		tw.write(p, append(pdfnum.Append(tw.buf[:0], spacing, 2), " Tc"...))
	}
	for i := range pg.Items {
		it := &pg.Items[i]
		text := len(it.Runs) > 0 && !it.Fill && !it.Dotted && !it.Mark
		if !text && it.Tag != nil && !it.Fill {
			tg.Touch(it.Tag) // an empty table cell: an element, nothing to draw
			continue
		}
		segmented := text && pd.segmented
		if !segmented {
			tg.Mark(p, role(it), int(it.Block), it.Tag, it.Art, nil)
		}
		if it.Dest >= 0 {
			d := dests[it.Dest]
			p.SetLink(pd.links[it.Dest], it.Y, pg.Number)
			if d.Outline >= 0 {
				// fpdf converts a title to UTF-16 only when a UTF-8 font is
				// selected, which it never is (the fonts are this
				// package's): the title goes in as a PDF text string.
				p.Bookmark(UTF16BE(d.Title), d.Outline, it.Y)
			}
		}
		if segmented {
			drawSegments(p, it, tw, tg, lay)
		} else {
			drawItem(p, it, tw, lay.Dots)
		}
		if it.Target >= 0 {
			// The whole row of a contents entry is the link, from the
			// entry's start to the right edge of the text block (from
			// the left edge to its end, right to left).
			left, right := it.X, lay.Geo.Left(pg.Number)+lay.Geo.TextW()
			if it.RTL {
				left, right = lay.Geo.Left(pg.Number), it.X+it.W
			}
			p.Link(left, it.Y, right-left, it.H, pd.links[it.Target])
			tg.Link(int(it.Block), it.Text)
		}
	}
	tg.Close(p)
	if err := p.Error(); err != nil {
		return fmt.Errorf("pdf: drawing page %d: %w", pg.Number, err)
	}
	pd.st.Take(p, n)
	if pd.Release {
		pg.Items = nil
	}
	if n%probePages == probePages-1 {
		pd.probe("drawing")
	}
	return nil
}

// role is the structure type of an item, or "" for an artifact.
func role(it *layout.Item) string {
	if it.Fill || it.Dotted || it.Mark {
		return ""
	}
	switch it.Kind {
	case layout.Heading, layout.Question:
		return "H" + strconv.Itoa(int(min(it.Level, 5))+1)
	case layout.Line:
		return "P"
	case layout.QuoteLine:
		return "BlockQuote"
	case layout.TOCLine, layout.TOCNumber:
		return "TOCI"
	case layout.Display:
		if it.Title {
			return "H1"
		}
		return "P"
	}
	return "" // Header, Footer, Rule, Callout box
}

// probePages is how often render calls its probe.
const probePages = 64

// coverFigure is the cover's structure element: the cover is a picture
// (bands, rules and display type), read as one Figure whose alternative
// text is what it prints, block by block ("Cover: Study Guide; Hamlet;
// William Shakespeare; 3 hour read"), rather than as loose paragraphs
// before the title page says the same.
func coverFigure(pg *layout.Page) *tags.Node {
	var parts []string
	var cur []string
	block := int32(-1)
	for _, it := range pg.Items {
		if it.Kind != layout.Display || strings.TrimSpace(it.Text) == "" {
			continue
		}
		if it.Block != block && len(cur) > 0 {
			parts = append(parts, strings.Join(cur, " "))
			cur = nil
		}
		block = it.Block
		cur = append(cur, strings.TrimSpace(it.Text))
	}
	if len(cur) > 0 {
		parts = append(parts, strings.Join(cur, " "))
	}
	alt := "Cover"
	if len(parts) > 0 {
		alt += ": " + strings.Join(parts, "; ")
	}
	return &tags.Node{Role: "Figure", Attrs: string(tags.HexText([]byte("/Alt "), alt))}
}

// drawSegments draws a line whose runs may belong to other elements than
// the line's own (a link, a definition's term), each inside its own
// marked content; a link's runs get a link annotation.
func drawSegments(p *fpdf.Fpdf, it *layout.Item, tw *textWriter, tg *tags.Tagger, lay *layout.Layout) {
	for k := 0; k < len(it.Runs); {
		sg := lay.Segs[it.Runs[k].Seg] // segs[0] is the zero segment
		tg.Mark(p, role(it), int(it.Block), it.Tag, it.Art, sg.Tag)
		c := it.Color
		if sg.Href != "" {
			c = lay.LinkColor
		}
		x, w := it.X+it.Runs[k].Dx, 0.0
		j := k
		for ; j < len(it.Runs) && it.Runs[j].Seg == it.Runs[k].Seg; j++ {
			tw.text(p, it.X+it.Runs[j].Dx, it.Baseline, it.Runs[j], c)
			w += it.Runs[j].W
			x = min(x, it.X+it.Runs[j].Dx) // runs are in logical order
		}
		if sg.Href != "" && !it.Art {
			p.LinkString(x, it.Y, w, it.H, sg.Href)
			tg.LinkNode(sg.Tag)
		}
		k = j
	}
}

func drawItem(p *fpdf.Fpdf, it *layout.Item, tw *textWriter, dots layout.Dots) {
	c := it.Color
	switch {
	case it.Mark:
		p.SetFillColor(int(c.R), int(c.G), int(c.B))
		quoteMark(p, it.X, it.Y, it.W, it.H, it.RTL)
	case it.Dotted:
		p.SetDrawColor(int(c.R), int(c.G), int(c.B))
		// A zero-length dash with round caps is a dot.
		p.SetLineWidth(dots.Size)
		p.SetLineCapStyle("round")
		p.SetDashPattern([]float64{0, dots.Pitch}, 0)
		p.Line(it.X, it.Y, it.X+it.W, it.Y)
		p.SetDashPattern([]float64{}, 0)
		p.SetLineCapStyle("butt")
	case it.Fill:
		p.SetFillColor(int(c.R), int(c.G), int(c.B))
		p.Rect(it.X, it.Y, it.W, it.H, "F")
	case len(it.Runs) > 0:
		for _, r := range it.Runs {
			tw.text(p, it.X+r.Dx, it.Baseline, r, c)
		}
	}
}

// textWriter draws runs of text, writing the operators fpdf's SetFont and
// Text would (optimize then compacts them): fpdf has no font registered,
// the fonts being embedded by finish.Optimize (see package fontembed). A run is drawn as
// CIDs (fontembed.Font.cid), in visual order, its kerning as TJ adjustments; a
// run the ToUnicode maps cannot give back as it reads (right-to-left
// text, a cluster of several glyphs) is drawn inside /ActualText marked
// content that holds its text in logical order.
type textWriter struct {
	k       float64 // fpdf's scale: points per millimetre
	fontSet bool    // a font was selected on this page
	fc      layout.Face
	size    float64
	buf     []byte
	rd      bytes.Reader
	fonts   map[layout.Face]*fontembed.Font
	spacing float64 // the letter spacing (Tc), in points
	gs      []layout.DrawnGlyph
	cids    []uint16
}

func newTextWriter(p *fpdf.Fpdf, fs []fontembed.Font) *textWriter {
	tw := &textWriter{k: p.GetConversionRatio(), fonts: make(map[layout.Face]*fontembed.Font, len(fs))}
	for i := range fs {
		tw.fonts[fs[i].Face] = &fs[i]
	}
	return tw
}

func (tw *textWriter) write(p *fpdf.Fpdf, b []byte) {
	tw.buf = b
	tw.rd.Reset(b)
	p.RawWriteBuf(&tw.rd)
}

// actual reports whether r needs /ActualText to read as it is written:
// right-to-left text (drawn in visual order) and clusters of several
// glyphs, which no ToUnicode map gives back.
func actual(r *layout.Run) bool {
	if r.RTL() {
		return false // drawn in logical order (appendRTL)
	}
	for i := range r.Glyphs {
		if r.Glyphs[i].N == 0 {
			return true
		}
	}
	return false
}

func (tw *textWriter) text(p *fpdf.Fpdf, x, y float64, r layout.Run, c theme.Color) {
	ef := tw.fonts[r.Face]
	if ef == nil {
		p.SetError(fmt.Errorf("pdf: face %s drawn but not embedded", r.Face))
		return
	}
	if !tw.fontSet || tw.fc != r.Face || tw.size != r.Size {
		// As SetFont: "BT /<name> <size> Tf ET".
		b := r.Face.AppendResName(append(tw.buf[:0], "BT /"...))
		b = append(b, ' ')
		b = pdfnum.Append(b, r.Size, 2)
		b = append(b, " Tf ET"...)
		tw.write(p, b)
		tw.fontSet, tw.fc, tw.size = true, r.Face, r.Size
	}
	act := actual(&r)
	if act {
		b := tags.HexText(append(tw.buf[:0], "/Span <</ActualText "...), r.Text)
		tw.write(p, append(b, ">> BDC"...))
	}
	// As Text: "q <colour> BT x y Td (<CIDs, escaped>) Tj ET Q", without
	// q, colour and Q when the text colour is the fill colour; with
	// kerning "[(…) n (…)] TJ".
	_, h := p.GetPageSize()
	fr, fg, fb := p.GetFillColor()
	colour := int(c.R) != fr || int(c.G) != fg || int(c.B) != fb
	b := tw.buf[:0]
	if colour {
		b = append(b, "q "...)
		b = pdfnum.Append(b, float64(c.R)/255.0, 3)
		if c.R == c.G && c.G == c.B {
			b = append(b, " g "...)
		} else {
			b = append(b, ' ')
			b = pdfnum.Append(b, float64(c.G)/255.0, 3)
			b = append(b, ' ')
			b = pdfnum.Append(b, float64(c.B)/255.0, 3)
			b = append(b, " rg "...)
		}
	}
	b = append(b, "BT "...)
	b = pdfnum.Append(b, x*tw.k, 2)
	b = append(b, ' ')
	b = pdfnum.Append(b, (h-y)*tw.k, 2)
	b = append(b, " Td "...)
	gs := r.Glyphs
	if r.Space {
		gs = append(tw.gs[:0], r.Glyphs...)
		g := layout.Single(r.Face, ' ', r.Size)
		sp := g.Drawn()
		// The space follows the run's characters in reading order:
		// appendRTL writes a right-to-left run's glyphs by their places
		// in the text, where the space, set on its own, has none.
		for i := range r.Glyphs {
			sp.Start = max(sp.Start, r.Glyphs[i].Start+1)
		}
		gs = append(gs, sp)
		tw.gs = gs
	}
	if len(gs) > 0 && gs[0].Level&1 != 0 {
		b, tw.cids = appendRTL(b, gs, r.Size, ef, tw.cids, tw.spacing/r.Size*1000)
	} else {
		b, tw.cids = appendGlyphs(b, gs, r.Size, ef, tw.cids)
	}
	b = append(b, " ET"...)
	if colour {
		b = append(b, " Q"...)
	}
	tw.write(p, b)
	if act {
		tw.write(p, append(tw.buf[:0], "EMC"...))
	}
}

// appendGlyphs writes gs as a text-showing operator: "(…) Tj", or
// "[(…) n (…)] TJ" where the shaped advance (kerning) or offset of a
// glyph differs from its width in the font.
func appendGlyphs(b []byte, gs []layout.DrawnGlyph, size float64, ef *fontembed.Font, cids []uint16) ([]byte, []uint16) {
	cids = slices.Grow(cids[:0], len(gs))[:len(gs)]
	tj := len(gs) > 0 && gs[0].Xoff != 0
	risen := false
	// adj is the TJ adjustment after glyph i, whose drawn width is w: its
	// width in the font less its shaped advance, its offset undone and
	// the next one's made.
	adj := func(i int, w int32) int32 {
		t := w - int32(gs[i].Adv) + int32(gs[i].Xoff)
		if i+1 < len(gs) {
			t -= int32(gs[i+1].Xoff)
		}
		return t
	}
	// One pass for the CIDs, the rise and whether any glyph needs an
	// adjustment (TJ): most runs need none, and are shown with Tj.
	for i := range gs {
		var w int32
		cids[i], w = ef.CIDWidth(&gs[i])
		risen = risen || gs[i].Yoff != 0
		tj = tj || (i+1 < len(gs) && adj(i, w) != 0)
	}
	tj = tj || risen
	rise := int16(0)
	if tj {
		b = append(b, '[')
		if gs[0].Xoff != 0 {
			b = strconv.AppendInt(b, int64(-gs[0].Xoff), 10)
		}
	}
	b = append(b, '(')
	for i, id := range cids {
		if risen && gs[i].Yoff != rise {
			b = append(b, ')')
			b, rise = appendRise(b, gs[i].Yoff, size), gs[i].Yoff
			b = append(b, '(')
		}
		b = appendCID(b, id)
		if tj && i+1 < len(gs) {
			if t := adj(i, ef.DrawnWidth(&gs[i])); t != 0 {
				b = append(b, ')')
				b = strconv.AppendInt(b, int64(t), 10)
				b = append(b, '(')
			}
		}
	}
	if rise != 0 {
		b = append(b, ')')
		b = append(appendRise(b, 0, 0), '(')
	}
	if tj {
		return append(b, ")] TJ"...), cids
	}
	return append(b, ") Tj"...), cids
}

// appendRise ends the TJ array being written and starts another, drawn
// yoff thousandths of an em of size points above the baseline (text
// rise, Ts): how a mark is raised or lowered onto its letter (a fatha
// over an alef).
func appendRise(b []byte, yoff int16, size float64) []byte {
	b = append(b, "] TJ "...)
	if yoff == 0 {
		b = append(b, '0')
	} else {
		b = pdfnum.Append(b, float64(yoff)*size/1000, 2)
	}
	return append(b, " Ts ["...)
}

// appendRTL writes a right-to-left run, given in visual order, as a TJ
// array that shows its glyphs in logical order, each moved to where the
// visual order puts it: a reader of the content stream (a screen reader
// through the structure tree, pdfinfo -struct-text) gets the text in
// the order it is read, and one that sorts by position (pdftotext) puts
// it right to left. tc is the letter spacing in thousandths of an em.
func appendRTL(b []byte, gs []layout.DrawnGlyph, size float64, ef *fontembed.Font, cids []uint16, tc float64) ([]byte, []uint16) {
	n := len(gs)
	cids = slices.Grow(cids[:0], n)[:n]
	// x[i] is glyph i's place from the run's left edge, in visual order.
	x := make([]float64, n)
	pen := 0.0
	for i := range gs {
		x[i] = pen + float64(gs[i].Xoff)
		if !gs[i].Carrier {
			pen += float64(gs[i].Adv) + tc // a carrier (withCarriers) takes no letter spacing
		}
		cids[i] = ef.CID(&gs[i])
	}
	// Logical order: by the characters' places; a cluster's mark after
	// its base.
	order := make([]int, n)
	for i := range order {
		order[i] = n - 1 - i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(gs[a].Start - gs[b].Start) })
	b = append(b, '[')
	at := 0.0 // where the text position is
	rise := int16(0)
	for _, k := range order {
		if t := math.Round(at - x[k]); t != 0 {
			b = strconv.AppendInt(b, int64(t), 10)
		}
		if gs[k].Yoff != rise {
			b, rise = appendRise(b, gs[k].Yoff, size), gs[k].Yoff
		}
		b = append(b, '(')
		b = appendCID(b, cids[k])
		b = append(b, ')')
		at = math.Round(x[k]) + float64(ef.Width(gs[k].GID)) + tc
	}
	if rise != 0 {
		b = appendRise(b, 0, 0)
	}
	return append(b, "] TJ"...), cids
}

// quoteMark draws a large opening quotation mark (“) as two filled
// shapes in the box x, y, w, h, or its mirror image (mirror: the mark of
// a right-to-left guide's callout, at the box's right edge). It is drawn
// as vectors, not as a glyph, so that copying a quotation out of the PDF
// does not pick up an unbalanced quotation mark.
func quoteMark(p *fpdf.Fpdf, x, y, w, h float64, mirror bool) {
	// s is a horizontal offset from a ball's centre, turned round when
	// mirrored.
	s := 1.0
	if mirror {
		s = -1
	}
	gap := w * 0.12
	mw := (w - gap) / 2
	for i := range 2 {
		mx := x + float64(i)*(mw+gap)
		r := mw / 2
		cx, cy := mx+r, y+h-r
		// The tail: from the ball's left side up and to the right to a
		// thin tip, back down inside, into the ball.
		p.MoveTo(cx-s*r*0.98, cy+r*0.05)
		p.CurveBezierCubicTo(cx-s*r*1.05, cy-r*1.3, cx-s*r*0.2, cy-r*2.2, cx+s*r*0.95, cy-r*2.5)
		p.LineTo(cx+s*r*1.0, cy-r*2.2)
		p.CurveBezierCubicTo(cx+s*r*0.2, cy-r*1.9, cx-s*r*0.15, cy-r*1.4, cx+s*r*0.1, cy-r*0.95)
		p.ClosePath()
		p.DrawPath("F")
		p.Circle(cx, cy, r, "F")
	}
}

// appendCID writes one two-byte CID inside a PDF literal string, escaping
// the bytes a string cannot hold as they are.
func appendCID(b []byte, id uint16) []byte {
	if hi, lo := byte(id>>8), byte(id); !escaped[hi] && !escaped[lo] {
		return append(b, hi, lo) // nearly every CID
	}
	for _, v := range [2]byte{byte(id >> 8), byte(id)} {
		switch v {
		case '\\', '(', ')':
			b = append(b, '\\', v)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, v)
		}
	}
	return b
}

// escaped are the bytes appendCID escapes.
var escaped = [256]bool{'\\': true, '(': true, ')': true, '\r': true}

// SaddleOrder is the order of the n pages (0-based, n a multiple of 4)
// on the sheets: for each sheet its front (left, right), then its back.
func SaddleOrder(n int) [][2]int {
	var sides [][2]int
	for s := 0; s < n/4; s++ {
		sides = append(sides, [2]int{n - 1 - 2*s, 2 * s}, [2]int{2*s + 1, n - 2 - 2*s})
	}
	return sides
}

// Impose draws the layout's pages two-up, in saddle-stitch order, each
// half inside an artifact.
func Impose(p *fpdf.Fpdf, lay *layout.Layout, tg *tags.Tagger, spacing float64, fs []fontembed.Font) {
	tw := newTextWriter(p, fs)
	tw.spacing = spacing
	n := (len(lay.Pages) + 3) / 4 * 4
	for _, side := range SaddleOrder(n) {
		p.AddPage()
		tg.Page()
		tw.fontSet = false
		if spacing > 0 {
			tw.write(p, append(pdfnum.Append(tw.buf[:0], spacing, 2), " Tc"...))
		}
		for half, i := range side {
			if i >= len(lay.Pages) {
				continue // a blank page of the padding
			}
			lw := p.GetLineWidth()
			p.RawWriteStr("/Artifact BMC")
			p.TransformBegin()
			p.TransformTranslateX(float64(half) * lay.PageWidth)
			for k := range lay.Pages[i].Items {
				if it := &lay.Pages[i].Items[k]; len(it.Runs) > 0 || it.Fill || it.Dotted || it.Mark {
					drawItem(p, it, tw, lay.Dots)
				}
			}
			p.TransformEnd()
			p.RawWriteStr("EMC")
			// Q restored the graphics state; fpdf, which does not track
			// it, is told what it is again (this writes only what fpdf
			// believes changed, which is what Q undid).
			tw.fontSet = false
			p.SetFillColor(0, 0, 0)
			p.SetDrawColor(0, 0, 0)
			p.SetLineWidth(lw)
		}
	}
}

// UTF16BE is s as a PDF text string (PDF 32000-1 §7.9.2.2): UTF-16BE with
// a byte order mark, surrogate pairs for characters beyond U+FFFF. fpdf's
// own conversion knows only the Basic Multilingual Plane, so metadata is
// passed pre-encoded with isUTF8 false; fpdf then only escapes it.
func UTF16BE(s string) string {
	// One allocation: at most two bytes a byte of s past the mark (a
	// character of one to three bytes is one unit, one of four two).
	var b strings.Builder
	b.Grow(2 + 2*len(s))
	b.WriteString("\xFE\xFF")
	for _, r := range s {
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			b.Write([]byte{byte(r1 >> 8), byte(r1), byte(r2 >> 8), byte(r2)})
			continue
		}
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r))
	}
	return b.String()
}

// cesu8 writes characters beyond U+FFFF as two three-byte surrogates
// (CESU-8), which fpdf's UTF-8 to UTF-16 conversion turns into a correct
// surrogate pair.
func cesu8(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r <= 0xFFFF {
			b = append(b, string(r)...)
			continue
		}
		hi, lo := utf16.EncodeRune(r)
		for _, v := range []rune{hi, lo} {
			b = append(b, byte(0xE0|(v>>12)), byte(0x80|((v>>6)&0x3F)), byte(0x80|(v&0x3F)))
		}
	}
	return string(b)
}
