package pdf

import (
	"bytes"
	"fmt"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// render draws a finished layout into the document: every page, every
// item, the internal links of the contents and the outline (bookmarks).
// fpdf records errors instead of returning them, so the error is checked
// after each page and at the end.
func render(p *fpdf.Fpdf, lay *Layout, dests []dest) error {
	var cur fontState
	tw := &textWriter{k: p.GetConversionRatio()}
	links := make([]int, len(dests))
	for i := range dests {
		links[i] = p.AddLink()
	}
	for _, pg := range lay.Pages {
		p.AddPage()
		for i := range pg.Items {
			it := &pg.Items[i]
			if it.Dest >= 0 {
				d := dests[it.Dest]
				p.SetLink(links[it.Dest], it.Y, pg.Number)
				if d.outline >= 0 {
					// Bookmark converts UTF-8 to UTF-16 itself but knows only
					// the Basic Multilingual Plane; CESU-8 makes it write the
					// surrogate pairs an emoji in a title needs.
					p.Bookmark(cesu8(d.title), d.outline, it.Y)
				}
			}
			drawItem(p, it, &cur, tw)
			if it.Target >= 0 {
				// The whole row of a contents entry is the link, from the
				// entry's start to the right edge of the text block.
				right := lay.geo.left(pg.Number) + lay.geo.textW()
				p.Link(it.X, it.Y, right-it.X, it.H, links[it.Target])
			}
		}
		if err := p.Error(); err != nil {
			return fmt.Errorf("pdf: drawing page %d: %w", pg.Number, err)
		}
	}
	return p.Error()
}

// fontState is the face and size last selected in the document, which
// fpdf keeps across pages: a run in the same one needs no SetFont.
type fontState struct {
	fc   face
	size float64
	set  bool
}

func drawItem(p *fpdf.Fpdf, it *Item, cur *fontState, tw *textWriter) {
	c := it.color
	switch {
	case it.mark:
		p.SetFillColor(int(c.R), int(c.G), int(c.B))
		quoteMark(p, it.X, it.Y, it.W, it.H)
	case it.dotted:
		p.SetDrawColor(int(c.R), int(c.G), int(c.B))
		// A zero-length dash with round caps is a dot.
		p.SetLineWidth(it.strokeW)
		p.SetLineCapStyle("round")
		p.SetDashPattern([]float64{0, it.pitch}, 0)
		p.Line(it.X, it.Y, it.X+it.W, it.Y)
		p.SetDashPattern([]float64{}, 0)
		p.SetLineCapStyle("butt")
	case it.fill:
		p.SetFillColor(int(c.R), int(c.G), int(c.B))
		p.Rect(it.X, it.Y, it.W, it.H, "F")
	case len(it.runs) > 0:
		p.SetTextColor(int(c.R), int(c.G), int(c.B))
		for _, r := range it.runs {
			if !cur.set || cur.fc != r.fc || cur.size != r.size {
				p.SetFont(r.fc.fam.Name(), r.fc.fpdfStyle(), r.size)
				*cur = fontState{r.fc, r.size, true}
			}
			tw.text(p, it.X+r.dx, it.baseline, r, c)
		}
	}
}

// textWriter draws runs of text. fpdf's Text marks the characters it
// draws as used in the current face, which is what puts their glyphs into
// the embedded subset, and writes one line per call. Once every character
// of a run has been drawn with Text, the textWriter writes that same line
// itself, without fpdf's per-call formatting and conversions (optimize
// then compacts every line alike).
type textWriter struct {
	k      float64 // fpdf's scale: points per millimetre
	marked [5][4]*[0x10000 / 64]uint64
	buf    []byte
	rd     bytes.Reader
}

func (tw *textWriter) text(p *fpdf.Fpdf, x, y float64, r run, c theme.Color) {
	m := tw.marked[r.fc.fam][r.fc.style]
	if m == nil {
		m = new([0x10000 / 64]uint64)
		tw.marked[r.fc.fam][r.fc.style] = m
	}
	known := true
	for _, ch := range r.text {
		if ch > 0xFFFF || m[ch/64]&(1<<(ch%64)) == 0 {
			known = false
			break
		}
	}
	if !known {
		p.Text(x, y, r.text)
		for _, ch := range r.text {
			if ch <= 0xFFFF {
				m[ch/64] |= 1 << (ch % 64)
			}
		}
		return
	}
	// As fpdf's Text: "q <colour> BT x y Td (<UTF-16BE, escaped>) Tj ET Q",
	// without q, colour and Q when the text colour is the fill colour.
	_, h := p.GetPageSize()
	fr, fg, fb := p.GetFillColor()
	colour := int(c.R) != fr || int(c.G) != fg || int(c.B) != fb
	b := tw.buf[:0]
	if colour {
		b = append(b, "q "...)
		b = strconv.AppendFloat(b, float64(c.R)/255.0, 'f', 3, 64)
		if c.R == c.G && c.G == c.B {
			b = append(b, " g "...)
		} else {
			b = append(b, ' ')
			b = strconv.AppendFloat(b, float64(c.G)/255.0, 'f', 3, 64)
			b = append(b, ' ')
			b = strconv.AppendFloat(b, float64(c.B)/255.0, 'f', 3, 64)
			b = append(b, " rg "...)
		}
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x*tw.k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*tw.k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, ch := range r.text {
		for _, v := range [2]byte{byte(ch >> 8), byte(ch)} {
			switch v {
			case '\\', '(', ')':
				b = append(b, '\\', v)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, v)
			}
		}
	}
	b = append(b, ") Tj ET"...)
	if colour {
		b = append(b, " Q"...)
	}
	tw.buf = b
	tw.rd.Reset(b)
	p.RawWriteBuf(&tw.rd)
}

// quoteMark draws a large opening quotation mark (“) as two filled
// shapes in the box x, y, w, h. It is drawn as vectors, not as a glyph,
// so that copying a quotation out of the PDF does not pick up an
// unbalanced quotation mark.
func quoteMark(p *fpdf.Fpdf, x, y, w, h float64) {
	gap := w * 0.12
	mw := (w - gap) / 2
	for i := range 2 {
		mx := x + float64(i)*(mw+gap)
		r := mw / 2
		cx, cy := mx+r, y+h-r
		// The tail: from the ball's left side up and to the right to a
		// thin tip, back down inside, into the ball.
		p.MoveTo(cx-r*0.98, cy+r*0.05)
		p.CurveBezierCubicTo(cx-r*1.05, cy-r*1.3, cx-r*0.2, cy-r*2.2, cx+r*0.95, cy-r*2.5)
		p.LineTo(cx+r*1.0, cy-r*2.2)
		p.CurveBezierCubicTo(cx+r*0.2, cy-r*1.9, cx-r*0.15, cy-r*1.4, cx+r*0.1, cy-r*0.95)
		p.ClosePath()
		p.DrawPath("F")
		p.Circle(cx, cy, r, "F")
	}
}
