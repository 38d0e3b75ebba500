package typeset

import (
	"encoding/binary"
	"errors"
	"math"
	"sync"

	"github.com/guidepress/guidepress/fonts"
)

// Metrics are the few values of a face read in place from its tables
// (head, hhea, hmtx), without parsing it: what measuring a word that
// needs no shaper (and the PDF's width table) asks.
type metrics struct {
	once     sync.Once
	err      error
	hmtx     []byte
	nMetrics int
	upem     int
	ascent   int // font units
	descent  int // font units, negative below the baseline
	space    uint16
	spaceAdv int32
}

// metricsOf are the faces' metrics by family and style (a family number
// past the table's end, none embedded today, goes through metricsMore).
var (
	metricsOf   [32][4]metrics
	metricsMore sync.Map // Face → *metrics
)

func (f Face) metrics() (*metrics, error) {
	var m *metrics
	if int(f.Family) < len(metricsOf) && f.Style <= fonts.BoldItalic {
		m = &metricsOf[f.Family][f.Style]
	} else {
		v, _ := metricsMore.LoadOrStore(f, &metrics{})
		m = v.(*metrics)
	}
	m.once.Do(func() {
		m.err = m.read(fonts.Bytes(f.Family, f.Style))
		if m.err == nil {
			m.space = f.Glyph(' ')
			m.spaceAdv = m.advance(m.space)
		}
	})
	return m, m.err
}

var be = binary.BigEndian

func (m *metrics) read(file []byte) error {
	if len(file) < 12 {
		return errors.New("typeset: not a TrueType file")
	}
	var head, hhea []byte
	n := int(be.Uint16(file[4:]))
	for i := range n {
		if 12+16*(i+1) > len(file) {
			return errors.New("typeset: short table directory")
		}
		e := file[12+16*i:]
		off, ln := int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		if off < 0 || ln < 0 || off+ln > len(file) {
			return errors.New("typeset: table out of bounds")
		}
		switch string(e[:4]) {
		case "head":
			head = file[off : off+ln]
		case "hhea":
			hhea = file[off : off+ln]
		case "hmtx":
			m.hmtx = file[off : off+ln]
		}
	}
	if len(head) < 20 || len(hhea) < 36 {
		return errors.New("typeset: missing head or hhea")
	}
	m.upem = int(be.Uint16(head[18:]))
	m.nMetrics = int(be.Uint16(hhea[34:]))
	m.ascent = int(int16(be.Uint16(hhea[4:])))
	m.descent = int(int16(be.Uint16(hhea[6:])))
	if m.upem == 0 || m.nMetrics == 0 || len(m.hmtx) < 4*m.nMetrics {
		return errors.New("typeset: bad head, hhea or hmtx")
	}
	return nil
}

// units is v font units in thousandths of an em.
func (m *metrics) units(v int) int32 {
	if m.upem == 1000 {
		return int32(v)
	}
	return int32(math.Round(float64(v) * 1000 / float64(m.upem)))
}

// advance is glyph g's advance in thousandths of an em: glyphs past the
// last full metric repeat its advance.
func (m *metrics) advance(g uint16) int32 {
	i := min(int(g), m.nMetrics-1)
	return m.units(int(be.Uint16(m.hmtx[4*i:])))
}

// Advance is glyph g's advance in f, in thousandths of an em, as the
// font's horizontal metrics give it (no kerning): the width a PDF's
// width table states for the glyph.
func (f Face) Advance(g uint16) int32 {
	m, err := f.metrics()
	if err != nil {
		return 0
	}
	return m.advance(g)
}

// VMetrics are f's ascent and descent (negative) in thousandths of an em,
// from its hhea table.
func (f Face) VMetrics() (ascent, descent int32) {
	m, err := f.metrics()
	if err != nil {
		return 800, -200
	}
	return m.units(m.ascent), m.units(m.descent)
}
