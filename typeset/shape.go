package typeset

import (
	"sync"
	"sync/atomic"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Glyph is one shaped glyph.
type Glyph struct {
	Face Face
	ID   uint16 // the glyph's index in the face's file
	// Advance is the pen's move after the glyph, in thousandths of an em,
	// kerning included.
	Advance int32
	// XOffset and YOffset move the glyph from the pen (a mark over its
	// base), in thousandths of an em; y up.
	XOffset, YOffset int32
	// Start is the index in the text of the first character of the
	// glyph's cluster; Runes the cluster's number of characters, on the
	// cluster's first glyph in logical order (0 on its other glyphs). A
	// ligature is one glyph with Runes 2 or more; an accented letter
	// decomposed by the font, two glyphs, the second with Runes 0.
	Start, Runes int32
	// Level is the bidi embedding level of the cluster: odd for
	// right-to-left text.
	Level uint8
}

// RTL reports whether g is set right to left.
func (g Glyph) RTL() bool { return g.Level&1 != 0 }

// Shape sets text[start:end], every character in face f at bidi level
// level, and appends its glyphs to dst in logical order (the order of the
// characters; Reorder gives a line's visual order). Starts are absolute
// indexes into text.
//
// The text is shaped a word at a time (words end at U+0020 spaces, each
// shaped alone) through a cache shared by all callers: a paragraph of
// Latin text is mostly words met before. Kerning across a space is lost,
// as in most shaping engines' word caches.
func Shape(dst []Glyph, text []rune, start, end int, f Face, level uint8) []Glyph {
	sc := language.Common
	for i := start; i < end; {
		if text[i] == ' ' {
			dst = appendSpace(dst, f, int32(i), level)
			i++
			continue
		}
		j := i + 1
		for j < end && text[j] != ' ' {
			j++
		}
		if s := scriptOf(text[i:j]); s != language.Common {
			sc = s
		}
		dst = appendWord(dst, text[i:j], int32(i), f, level, sc)
		i = j
	}
	return dst
}

func appendSpace(dst []Glyph, f Face, at int32, level uint8) []Glyph {
	g := f.Glyph(' ')
	return append(dst, Glyph{Face: f, ID: g, Advance: f.Advance(g), Start: at, Runes: 1, Level: level})
}

// scriptOf is the script of a word's first letter of a real script, or
// Common.
func scriptOf(w []rune) language.Script {
	for _, r := range w {
		if r < 0x80 {
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				return language.Latin
			}
			continue
		}
		if s := language.LookupScript(r); s != language.Common && s != language.Inherited && s != language.Unknown {
			return s
		}
	}
	return language.Common
}

type wordKey struct {
	f     Face
	rtl   bool
	sc    language.Script
	text  string
	level uint8
}

// words caches shaped words, with Starts relative to the word; it is
// emptied when it grows past maxWords (a long batch run).
var (
	words     sync.Map // wordKey → []Glyph
	wordCount atomic.Int64
)

const maxWords = 200000

func appendWord(dst []Glyph, w []rune, at int32, f Face, level uint8, sc language.Script) []Glyph {
	k := wordKey{f: f, rtl: level&1 != 0, sc: sc, text: string(w), level: level}
	var gs []Glyph
	if v, ok := words.Load(k); ok {
		gs = v.([]Glyph)
	} else {
		gs = shapeWord(w, f, level, sc)
		if wordCount.Add(1) > maxWords {
			words.Clear()
			wordCount.Store(0)
		}
		words.Store(k, gs)
	}
	n := len(dst)
	dst = append(dst, gs...)
	for i := n; i < len(dst); i++ {
		dst[i].Start += at
	}
	return dst
}

// hb is the one HarfBuzz shaper (it is not safe for concurrent use; its
// font cache makes one shaper cheaper than one per call).
var hb struct {
	sync.Mutex
	sh    shaping.HarfbuzzShaper
	faces map[*font.Font]*font.Face
}

// shapeWord shapes one word with HarfBuzz, in font units (thousandths of
// an em for every embedded face; others are scaled).
func shapeWord(w []rune, f Face, level uint8, sc language.Script) []Glyph {
	fnt, err := f.font()
	if err != nil {
		return nominal(w, f, level)
	}
	m, err := f.metrics()
	if err != nil {
		return nominal(w, f, level)
	}
	dir := di.DirectionLTR
	if level&1 != 0 {
		dir = di.DirectionRTL
	}
	hb.Lock()
	if hb.faces == nil {
		hb.faces = map[*font.Font]*font.Face{}
	}
	face := hb.faces[fnt]
	if face == nil {
		face = font.NewFace(fnt)
		hb.faces[fnt] = face
	}
	out := hb.sh.ShapeNoExtents(shaping.Input{
		Text: w, RunStart: 0, RunEnd: len(w), Direction: dir, Face: face,
		Size: fixed.I(m.upem), Script: sc,
	})
	hb.Unlock()
	gs := make([]Glyph, len(out.Glyphs))
	for i, g := range out.Glyphs {
		gs[i] = Glyph{
			Face: f, ID: uint16(g.GlyphID),
			Advance: m.units(g.Advance.Round()),
			XOffset: m.units(g.XOffset.Round()), YOffset: m.units(g.YOffset.Round()),
			Start: int32(g.ClusterIndex), Level: level,
		}
	}
	if dir == di.DirectionRTL {
		// HarfBuzz gives right-to-left text in visual order: logical
		// order is the reverse.
		for i, j := 0, len(gs)-1; i < j; i, j = i+1, j-1 {
			gs[i], gs[j] = gs[j], gs[i]
		}
	}
	// Runes on each cluster's first glyph: clusters are in increasing
	// order now; a cluster ends where the next begins.
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].Start == gs[i].Start {
			j++
		}
		next := int32(len(w))
		if j < len(gs) {
			next = gs[j].Start
		}
		gs[i].Runes = next - gs[i].Start
		i = j
	}
	return gs
}

// nominal is w set glyph for character, without the shaper: what a face
// that does not parse still draws.
func nominal(w []rune, f Face, level uint8) []Glyph {
	gs := make([]Glyph, len(w))
	for i, r := range w {
		g := f.Glyph(r)
		gs[i] = Glyph{Face: f, ID: g, Advance: f.Advance(g), Start: int32(i), Runes: 1, Level: level}
	}
	return gs
}
