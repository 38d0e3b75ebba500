package cover

import (
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"slices"
	"strings"
	"sync"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/typeset"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Size of the generated cover: 1600×2560 is the 1:1.6 shape e-book stores
// ask for, sharp on a high-density tablet and still small as a flat image.
const (
	Width  = 1600
	Height = 2560
)

// levels is the number of anti-aliasing steps per colour pair. The cover is
// a palette image: every pixel is either a flat colour or one of these
// blends of a text colour over its background. Three pairs of five steps
// fit a 16-colour palette, so the PNG is 4 bits a pixel: about 23 KB for a
// typical title, against 27 KB with 16 steps (8-bit, best compression) and
// no visible difference at 1:1 or as a thumbnail. A JPEG of the same cover
// is 117 KB at quality 60 and slower to encode (measured with Go's
// encoders on "Never Let Me Go").
const levels = 5

// ramp indexes the palette: pair p, step i (0 = background, levels-1 = ink).
type ramp int

const (
	inkOnPaper ramp = iota
	titleOnBand
	accentOnPaper
	ramps
)

func palette(p Palette) color.Palette {
	pairs := [ramps][2]color.RGBA{
		inkOnPaper:    {p.Paper, p.Ink},
		titleOnBand:   {p.Band, p.Title},
		accentOnPaper: {p.Paper, p.Accent},
	}
	pal := make(color.Palette, 0, int(ramps)*levels)
	for _, pr := range pairs {
		for i := 0; i < levels; i++ {
			pal = append(pal, mix(pr[0], pr[1], i, levels-1))
		}
	}
	return pal
}

func mix(a, b color.RGBA, i, n int) color.RGBA {
	l := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i + n/2) / n) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xFF}
}

func (r ramp) index(step int) uint8 { return uint8(int(r)*levels + step) }

// canvas is the cover being drawn, with the scratch space that drawing a
// line of text needs (kept between lines: raster's band of coverage,
// about 220 KB).
//
// The pixels are kept a row at a time, and a row that is one flat colour
// across (the paper, the title band) is a shared read-only row of that
// colour until something is drawn on it: only the rows that carry text or
// a short rule have memory of their own. A row holds its colour indexes
// packed as the PNG holds them, two a byte (the first pixel in the high
// nibble; the palette has 16 colours): 800 bytes. A cover's 1600×2560
// pixels are 4 MB as one image of a byte a pixel; about a quarter of the
// rows have ink, which takes 0.5 MB packed (seed: ~630 rows, 1 MB at a
// byte a pixel, on a one-guide build's heap that is never collected), and
// the encoder copies a row where it packed it.
type canvas struct {
	rows  [][]byte          // Height rows of rowBytes packed colour indexes
	own   []bool            // rows[y] is this canvas's to write, not a shared flat row
	spare [][]byte          // rows of its own that a later flat fill or reset freed
	ras   vector.Rasterizer // for small lines (see floats)
	fras  raster            // for the others
	mask  []byte
	// reference draws every line with vector.Rasterizer, as raster's
	// tests compare.
	reference bool
	// lo, hi are the rows written to since the last touched call.
	lo, hi int
	// inks[i] is what laying colour i (a ramp's step) does to a byte of
	// two pixels, once inked[i] (ink).
	inks  [int(ramps) * levels][256]uint8
	inked [int(ramps) * levels]bool
}

// touched returns the rows [lo, hi) written to (row, fill) since its last
// call, lo >= hi when none.
func (c *canvas) touched() (r [2]int) {
	r = [2]int{c.lo, c.hi}
	c.lo, c.hi = Height, 0
	return r
}

func (c *canvas) touch(lo, hi int) {
	c.lo, c.hi = min(c.lo, lo), max(c.hi, hi)
}

// rowBytes is the length of a packed row: Width pixels of 4 bits.
const rowBytes = Width / 2

// at is the colour index of pixel x of the packed row r.
func at(r []byte, x int) uint8 { return r[x>>1] >> (4 * (1 - x&1)) & 0x0f }

// set makes pixel x of the packed row r colour idx.
func set(r []byte, x int, idx uint8) {
	if x&1 == 0 {
		r[x>>1] = r[x>>1]&0x0f | idx<<4
	} else {
		r[x>>1] = r[x>>1]&0xf0 | idx
	}
}

// setRange makes pixels [x0, x1) of the packed row r colour idx.
func setRange(r []byte, x0, x1 int, idx uint8) {
	if x0 < x1 && x0&1 == 1 {
		set(r, x0, idx)
		x0++
	}
	if x0 < x1 && x1&1 == 1 {
		x1--
		set(r, x1, idx)
	}
	b := r[x0>>1 : x1>>1]
	for i := range b {
		b[i] = idx<<4 | idx
	}
}

// unpack writes the colour indexes of the packed row r to px, a byte each.
func unpack(px, r []byte) {
	px = px[:2*len(r)]
	for i, b := range r {
		px[2*i], px[2*i+1] = b>>4, b&0x0f
	}
}

// flatRows are full-width rows of one colour index each, shared read-only.
var flatRows [int(ramps) * levels]struct {
	once sync.Once
	row  []byte
}

func flatRow(idx uint8) []byte {
	f := &flatRows[idx]
	f.once.Do(func() {
		f.row = make([]byte, rowBytes)
		for i := range f.row {
			f.row[i] = idx<<4 | idx
		}
	})
	return f.row
}

func newCanvas() *canvas {
	c := &canvas{rows: make([][]byte, Height), own: make([]bool, Height)}
	c.reset()
	return c
}

// reset makes every row the paper (index 0, inkOnPaper step 0), keeping
// the rows of its own for reuse.
func (c *canvas) reset() {
	paper := flatRow(0)
	for y := range c.rows {
		if c.own[y] {
			c.spare = append(c.spare, c.rows[y])
			c.own[y] = false
		}
		c.rows[y] = paper
	}
}

// rowChunk is how many rows of its own a canvas allocates at a time.
const rowChunk = 32

// row returns row y to write on, copying it from its flat colour first if
// it is shared.
func (c *canvas) row(y int) []byte {
	c.touch(y, y+1)
	if c.own[y] {
		return c.rows[y]
	}
	if len(c.spare) == 0 {
		// Rows are made rowChunk at a time (one allocation, not one a
		// row); each is touched only when it is first written.
		chunk := make([]byte, rowChunk*rowBytes)
		for i := range rowChunk {
			c.spare = append(c.spare, chunk[i*rowBytes:(i+1)*rowBytes:(i+1)*rowBytes])
		}
	}
	n := len(c.spare)
	r := c.spare[n-1]
	c.spare = c.spare[:n-1]
	copy(r, c.rows[y])
	c.rows[y], c.own[y] = r, true
	return r
}

// image is the canvas as one palette image.
func (c *canvas) image(pal color.Palette) *image.Paletted {
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), pal)
	var flat [int(ramps) * levels][]byte // flat rows unpacked, by colour
	for y, r := range c.rows {
		px := img.Pix[y*img.Stride : y*img.Stride+Width]
		if !c.own[y] {
			idx := r[0] >> 4
			if flat[idx] == nil {
				unpack(px, r)
				flat[idx] = px
			} else {
				copy(px, flat[idx])
			}
			continue
		}
		unpack(px, r)
	}
	return img
}

// canvases keeps the canvases (their rows, and the rasterizer's buffers)
// that PNG draws on and encodes, so that a batch reuses one per worker
// rather than allocating and collecting a few megabytes per guide. It is
// a small fixed free list rather than a sync.Pool, which every garbage
// collection empties: builds allocate enough to collect every few guides.
var canvases = make(chan *canvas, 4)

func getCanvas() *canvas {
	select {
	case c := <-canvases:
		c.reset()
		return c
	default:
		return newCanvas()
	}
}

// Warm does ahead of a process's first PNG the work that PNG would
// otherwise do then, once per process: parsing the faces a cover is set
// in. It is safe to call at any time, from any goroutine, and never
// needed; a one-guide build calls it while the guide is read and
// imported, when the second core is idle. (It no longer makes a canvas
// ready: writing 7 MB of pixels and buffers ahead cost a one-guide build
// about 1,800 page faults, more than drawing touches.)
func Warm() {
	fonts.Parsed(fonts.Atkinson, fonts.Regular)
	fonts.Parsed(fonts.Atkinson, fonts.Bold)
}

// Release drops the canvases kept for the next cover, so that a process
// done with covers can collect and reuse that memory, about 4 MB. (The
// compressor is the EPUB's and PDF's, kept by deflaters.)
func Release() {
	for {
		select {
		case <-canvases:
		default:
			return
		}
	}
}

func putCanvas(c *canvas) {
	select {
	case canvases <- c:
	default: // enough kept
	}
}

func (c *canvas) fill(rect image.Rectangle, r ramp, step int) {
	idx := r.index(step)
	rect = rect.Intersect(image.Rect(0, 0, Width, Height))
	if rect.Empty() {
		return
	}
	c.touch(rect.Min.Y, rect.Max.Y)
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		if rect.Min.X == 0 && rect.Max.X == Width {
			if c.own[y] {
				c.spare = append(c.spare, c.rows[y])
				c.own[y] = false
			}
			c.rows[y] = flatRow(idx)
			continue
		}
		setRange(c.row(y), rect.Min.X, rect.Max.X, idx)
	}
}

// line draws one line of glyphs with its baseline at y, starting at x, in
// the ink of ramp r over that ramp's background.
func (c *canvas) line(sh *shaper, gs []glyph, x, y fixed.Int26_6, r ramp) error {
	asc, desc := sh.ink(gs)
	top := (y - asc*12/10).Floor()
	bot := (y + desc*12/10).Ceil() + 1
	var w fixed.Int26_6
	for _, g := range gs {
		w += g.advance
	}
	left := x.Floor() - int(sh.ppem.Ceil())/4
	right := (x + w).Ceil() + int(sh.ppem.Ceil())/4
	bounds := image.Rect(left, top, right, bot).Intersect(image.Rect(0, 0, Width, Height))
	if bounds.Empty() {
		return nil
	}
	if floats(bounds.Dx(), bounds.Dy()) && !c.reference {
		return c.lineFloats(sh, gs, x, y, r, bounds)
	}
	ras := &c.ras
	ras.Reset(bounds.Dx(), bounds.Dy())
	ox := float32(x-fixed.I(bounds.Min.X)) / 64
	oy := float32(y-fixed.I(bounds.Min.Y)) / 64
	if err := outline(sh, gs, ox, oy, ras); err != nil {
		return err
	}
	n := bounds.Dx() * bounds.Dy()
	if cap(c.mask) < n {
		c.mask = make([]byte, n)
	}
	c.mask = c.mask[:n]
	clear(c.mask)
	mask := &image.Alpha{Pix: c.mask, Stride: bounds.Dx(), Rect: image.Rect(0, 0, bounds.Dx(), bounds.Dy())}
	ras.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	for yy := 0; yy < bounds.Dy(); yy++ {
		src := mask.Pix[yy*mask.Stride : yy*mask.Stride+bounds.Dx()]
		var dst []byte // the row, made the canvas's own at its first ink
		for xx := 0; xx < len(src); xx++ {
			// Most of a line's box is bare: skip it eight pixels at a time.
			if xx+8 <= len(src) && binary.LittleEndian.Uint64(src[xx:]) == 0 {
				xx += 7
				continue
			}
			a := src[xx]
			if a == 0 {
				continue
			}
			if dst == nil {
				dst = c.row(bounds.Min.Y + yy)
			}
			c.ink(dst, bounds.Min.X+xx, bounds.Min.X+xx+1, a, r)
		}
	}
	return nil
}

// lineFloats is line for a box that vector.Rasterizer would rasterize in
// floating point (all but the smallest lines), with raster, which
// computes the same coverage while visiting only the cells the glyphs
// touch and the runs of ink between them.
func (c *canvas) lineFloats(sh *shaper, gs []glyph, x, y fixed.Int26_6, r ramp, bounds image.Rectangle) error {
	ras := &c.fras
	ras.reset(bounds.Dx(), bounds.Dy())
	ox := float32(x-fixed.I(bounds.Min.X)) / 64
	oy := float32(y-fixed.I(bounds.Min.Y)) / 64
	if err := outline(sh, gs, ox, oy, ras); err != nil {
		return err
	}
	ras.draw(func(yy, x0, x1 int, a uint8) {
		c.ink(c.row(bounds.Min.Y+yy), bounds.Min.X+x0, bounds.Min.X+x1, a, r)
	})
	return nil
}

// ink lays coverage a of ramp r's ink on the pixels [x0, x1) of the packed
// row dst, in the palette's steps, keeping the strongest ink where a
// neighbouring glyph already drew.
func (c *canvas) ink(dst []byte, x0, x1 int, a uint8, r ramp) {
	step := (int(a)*(levels-1) + 127) / 255
	idx := r.index(step)
	keep := func(p uint8) bool { cur := int(p) - int(r)*levels; return cur >= 0 && cur < levels && cur > step }
	if x0 < x1 && x0&1 == 1 {
		if !keep(at(dst, x0)) {
			set(dst, x0, idx)
		}
		x0++
	}
	if x0 < x1 && x1&1 == 1 {
		x1--
		if !keep(at(dst, x1)) {
			set(dst, x1, idx)
		}
	}
	if x0 >= x1 {
		return
	}
	// Whole bytes, two pixels each, through a table of what inking does
	// to every byte (made once per canvas for each of the 15 inks).
	lut := &c.inks[idx]
	if !c.inked[idx] {
		for b := range lut {
			hi, lo := uint8(b>>4), uint8(b&0x0f)
			if !keep(hi) {
				hi = idx
			}
			if !keep(lo) {
				lo = idx
			}
			lut[b] = hi<<4 | lo
		}
		c.inked[idx] = true
	}
	b := dst[x0>>1 : x1>>1]
	for i, v := range b {
		b[i] = lut[v]
	}
}

// pather is what outline draws on: vector.Rasterizer or raster.
type pather interface {
	MoveTo(x, y float32)
	LineTo(x, y float32)
	QuadTo(x1, y1, x2, y2 float32)
	CubeTo(x1, y1, x2, y2, x3, y3 float32)
	ClosePath()
}

// outline adds the outlines of a line's glyphs to p, the pen starting at
// (ox, oy) in p's box.
func outline(sh *shaper, gs []glyph, ox, oy float32, pt pather) error {
	pen := float32(0)
	// Glyphs come in logical order; a right-to-left run is drawn reversed
	// (UAX #9 L2), its text still read in logical order from the metadata.
	visual := slices.Clone(gs)
	typeset.Reorder(visual, func(g *glyph) uint8 { return g.level })
	for _, g := range visual {
		f := fonts.Parsed(g.face.Family, g.face.Style)
		segs, err := f.LoadGlyph(&sh.buf, sfnt.GlyphIndex(g.id), sh.ppem, nil)
		if err != nil {
			return fmt.Errorf("cover: glyph %d of %s: %w", g.id, g.face, err)
		}
		dx, dy := ox+pen+float32(g.dx)/64, oy+float32(g.dy)/64
		for _, s := range segs {
			p := func(i int) (float32, float32) {
				return dx + float32(s.Args[i].X)/64, dy + float32(s.Args[i].Y)/64
			}
			switch s.Op {
			case sfnt.SegmentOpMoveTo:
				pt.MoveTo(p(0))
			case sfnt.SegmentOpLineTo:
				pt.LineTo(p(0))
			case sfnt.SegmentOpQuadTo:
				x1, y1 := p(0)
				x2, y2 := p(1)
				pt.QuadTo(x1, y1, x2, y2)
			case sfnt.SegmentOpCubeTo:
				x1, y1 := p(0)
				x2, y2 := p(1)
				x3, y3 := p(2)
				pt.CubeTo(x1, y1, x2, y2, x3, y3)
			}
		}
		pt.ClosePath()
		pen += float32(g.advance) / 64
	}
	return nil
}

// block is a paragraph of centred lines set in one size.
type block struct {
	sh    *shaper
	lines []string
	lead  fixed.Int26_6 // baseline-to-baseline distance
}

func (b block) height() fixed.Int26_6 {
	if len(b.lines) == 0 {
		return 0
	}
	asc, desc := b.sh.metrics()
	return asc + desc + b.lead*fixed.Int26_6(len(b.lines)-1)
}

// draw sets the block centred in [0, Width) with its first line's ascent
// at top, returning the y just below its last descender.
func (c *canvas) draw(b block, top fixed.Int26_6, r ramp) (fixed.Int26_6, error) {
	asc, desc := b.sh.metrics()
	y := top + asc
	for i, l := range b.lines {
		gs := b.sh.shape(l)
		var w fixed.Int26_6
		for _, g := range gs {
			w += g.advance
		}
		x := (fixed.I(Width) - w) / 2
		if err := c.line(b.sh, gs, x, y, r); err != nil {
			return 0, err
		}
		if i < len(b.lines)-1 {
			y += b.lead
		}
	}
	return y + desc, nil
}

// fit finds the largest size in [min, max] px at which s wraps into at most
// maxLines lines of width w and height h. At min it still breaks long words
// so the text never overflows; lines beyond maxLines are then cut with an
// ellipsis (the full title is in the book's metadata and title page).
func fit(s string, style fonts.Style, min, max, maxLines int, w, h fixed.Int26_6, leading float64) block {
	for size := max; ; size -= 4 {
		if size < min {
			size = min
		}
		sh := &shaper{style: style, ppem: fixed.I(size)}
		b := block{sh: sh, lead: fixed.Int26_6(float64(fixed.I(size)) * leading)}
		b.lines = sh.balance(s, w)
		// A size at which a word had to be split ("Franke|nstein") is
		// too large: shrink first, split only at the smallest size.
		if (len(b.lines) <= maxLines && b.height() <= h && keepsWords(s, b.lines)) || size == min {
			for len(b.lines) > maxLines || (len(b.lines) > 1 && b.height() > h) {
				b.lines = b.lines[:len(b.lines)-1]
				last := []rune(b.lines[len(b.lines)-1])
				for len(last) > 1 && sh.width(string(last)+"…") > w {
					last = last[:len(last)-1]
				}
				b.lines[len(b.lines)-1] = string(last) + "…"
			}
			return b
		}
	}
}

// keepsWords reports whether lines hold the words of s unsplit.
func keepsWords(s string, lines []string) bool {
	return strings.Join(strings.Fields(s), " ") == strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// Render draws the generated cover for g: the "STUDY GUIDE" label, the
// book's title on a solid band, its author and the reading time, in the
// shared palette. The result is a palette image (see levels).
func Render(g *content.Guide) (*image.Paletted, error) {
	return RenderWith(g, Default)
}

// RenderWith draws the cover in palette p.
func RenderWith(g *content.Guide, p Palette) (*image.Paletted, error) {
	c := newCanvas()
	if err := c.render(g); err != nil {
		return nil, err
	}
	return c.image(palette(p)), nil
}

// The cover is laid out in fixed zones so that no text can run into
// another: label 0–520, title band from bandTop (600) to 1800 at most,
// author in the zone under the band, reading time at the foot, from the
// rule at footRule down.
const (
	bandTop  = 600
	footRule = 2250
)

// The parts of a cover, drawn in this order: the label and its rule
// (above bandTop), the title band, its rule and the author (the middle),
// and the reading time and its rule (from footRule down).
const (
	labelPart = iota
	middlePart
	readingPart
	parts
)

// render draws the cover of g on c, which must be reset: every row
// index 0, Paper (inkOnPaper step 0).
func (c *canvas) render(g *content.Guide) error {
	_, err := c.renderParts(TextFor(g), [parts]bool{true, true, true})
	return err
}

// renderParts draws the parts of the cover of t that draw names, on c as
// render does, and returns the rows each part wrote to ([lo, hi), lo >= hi
// when none). The label depends on t.Label alone and the reading time on
// t.Reading alone (bands.go).
func (c *canvas) renderParts(t Text, draw [parts]bool) (touched [parts][2]int, err error) {
	const margin = 150
	textW := fixed.I(Width - 2*margin)
	const bandMin, bandMax, pad = 980, 1200, 120

	c.touched()
	if draw[labelPart] {
		// Label, letter-spaced capitals, with a short rule under it.
		label := &shaper{style: fonts.Bold, ppem: fixed.I(96), tracked: fixed.I(96) * 18 / 100}
		lb := block{sh: label, lines: label.wrap(clean(fonts.Bold, t.Label), textW)}
		y, err := c.draw(lb, fixed.I(300), accentOnPaper)
		if err != nil {
			return touched, err
		}
		ruleY := y.Ceil() + 60
		c.fill(image.Rect(Width/2-160, ruleY, Width/2+160, ruleY+12), accentOnPaper, levels-1)
	}
	touched[labelPart] = c.touched()

	if draw[middlePart] {
		title := clean(fonts.Bold, t.Title)
		if title == "" {
			title = "Study Guide"
		}
		tb := fit(title, fonts.Bold, 88, 230, 8, textW, fixed.I(bandMax-2*pad), 1.12)
		bandH := tb.height().Ceil() + 2*pad
		if bandH < bandMin {
			bandH = bandMin
		}
		c.fill(image.Rect(0, bandTop, Width, bandTop+bandH), titleOnBand, 0)
		titleTop := fixed.I(bandTop) + (fixed.I(bandH)-tb.height())/2
		if _, err := c.draw(tb, titleTop, titleOnBand); err != nil {
			return touched, err
		}
		// An accent rule along the band's foot: a second cue that is not colour.
		bandBot := bandTop + bandH + 18
		c.fill(image.Rect(0, bandTop+bandH, Width, bandBot), accentOnPaper, levels-1)

		// Author, centred in the zone between the band and the foot rule.
		if a := clean(fonts.Regular, t.Author); a != "" {
			zone := fixed.I(footRule - 100 - bandBot - 100)
			ab := fit(a, fonts.Regular, 60, 104, 3, textW, zone, 1.2)
			top := fixed.I(bandBot+100) + (zone-ab.height())/2
			if _, err := c.draw(ab, top, inkOnPaper); err != nil {
				return touched, err
			}
		}
	}
	touched[middlePart] = c.touched()

	// Reading time at the foot, under a thin rule.
	if r := clean(fonts.Regular, t.Reading); r != "" && draw[readingPart] {
		rb := fit(r, fonts.Regular, 48, 76, 1, textW, fixed.I(120), 1.2)
		c.fill(image.Rect(Width/2-220, footRule, Width/2+220, footRule+6), inkOnPaper, levels-1)
		if _, err := c.draw(rb, fixed.I(footRule+70), inkOnPaper); err != nil {
			return touched, err
		}
	}
	touched[readingPart] = c.touched()
	return touched, nil
}
