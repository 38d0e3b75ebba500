package typeset

import (
	"slices"
	"sync"

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
	// Start is the index in the text of the first character the glyph
	// stands for; Runes their number: 1, more for a ligature, 0 for a
	// glyph of a cluster whose first glyph stands for all its characters
	// (a cluster of fewer characters than glyphs: a letter the font
	// decomposes). In a cluster of one glyph per character each glyph
	// has its own; in a right-to-left one their Starts then descend.
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
	dst, _ = shapeIn(dst, text, start, end, f, level, language.Common)
	return dst
}

// shapeIn is Shape with the script of the text before start (Common for
// none), returning the script at end: a stretch of one face and level
// shaped in parts (Cursor) shapes each word as shaped whole.
func shapeIn(dst []Glyph, text []rune, start, end int, f Face, level uint8, sc language.Script) ([]Glyph, language.Script) {
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
	return dst, sc
}

func appendSpace(dst []Glyph, f Face, at int32, level uint8) []Glyph {
	m, err := f.metrics()
	if err != nil {
		return append(dst, Glyph{Face: f, Start: at, Runes: 1, Level: level})
	}
	// Field by field: see fastWordAt.
	dst = slices.Grow(dst, 1)[:len(dst)+1]
	g := &dst[len(dst)-1]
	g.Face, g.ID, g.Advance, g.XOffset, g.YOffset = f, m.space, m.spaceAdv, 0, 0
	g.Start, g.Runes, g.Level = at, 1, level
	return dst
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

// words caches the words HarfBuzz shaped (Starts relative to the word)
// by a hash of the word and how it is set, so that a look-up allocates
// nothing; the words and glyphs are kept in shared chunks. Words the
// table sets (latin.go) are not cached: setting one again costs about as
// much as a look-up, and caching them cost a cold build 10 ms of
// first-touched memory. It is emptied when it grows past maxWords (a long
// batch run).
var words struct {
	sync.RWMutex
	m       map[uint64]int32 // hash → 1 + index of the first entry
	entries []cachedWord
	glyphs  []Glyph // the current chunk
	runes   []rune  // the current chunk
}

type cachedWord struct {
	f     Face
	level uint8
	sc    language.Script
	text  []rune
	gs    []Glyph
	next  int32 // 1 + index of the next entry with the same hash, or 0
}

const maxWords = 200000

func wordHash(w []rune, f Face, level uint8, sc language.Script) uint64 {
	// FNV-1a a character at a time
	h := uint64(14695981039346656037)
	h = (h ^ uint64(f.Family)<<16 ^ uint64(f.Style)<<8 ^ uint64(level)) * 1099511628211
	h = (h ^ uint64(sc)) * 1099511628211
	for _, r := range w {
		h = (h ^ uint64(r)) * 1099511628211
	}
	return h
}

// lookupWord is the cached word, with words locked for reading or
// writing.
func lookupWord(h uint64, w []rune, f Face, level uint8, sc language.Script) ([]Glyph, bool) {
	for i := words.m[h]; i != 0; {
		c := &words.entries[i-1]
		if c.f == f && c.level == level && c.sc == sc && slices.Equal(c.text, w) {
			return c.gs, true
		}
		i = c.next
	}
	return nil, false
}

func appendWord(dst []Glyph, w []rune, at int32, f Face, level uint8, sc language.Script) []Glyph {
	// A word the table sets costs less to set again than to cache.
	if out, ok := fastWordAt(dst, w, at, f, level); ok {
		return out
	}
	h := wordHash(w, f, level, sc)
	words.RLock()
	gs, ok := lookupWord(h, w, f, level, sc)
	words.RUnlock()
	if !ok {
		gs = cacheWord(h, w, f, level, sc)
	}
	n := len(dst)
	dst = append(dst, gs...)
	for i := n; i < len(dst); i++ {
		dst[i].Start += at
	}
	return dst
}

// cacheWord shapes w and keeps it.
func cacheWord(h uint64, w []rune, f Face, level uint8, sc language.Script) []Glyph {
	words.Lock()
	defer words.Unlock()
	if gs, ok := lookupWord(h, w, f, level, sc); ok {
		return gs
	}
	if words.m == nil || len(words.entries) >= maxWords {
		words.m, words.entries = map[uint64]int32{}, nil
	}
	if cap(words.glyphs)-len(words.glyphs) < 4*len(w)+8 {
		words.glyphs = make([]Glyph, 0, max(1024, 4*len(w)+8))
	}
	start := len(words.glyphs)
	words.glyphs = append(words.glyphs, shapeWord(w, f, level, sc)...)
	gs := words.glyphs[start:len(words.glyphs):len(words.glyphs)]
	if cap(words.runes)-len(words.runes) < len(w) {
		words.runes = make([]rune, 0, max(2048, len(w)))
	}
	rs := len(words.runes)
	words.runes = append(words.runes, w...)
	words.entries = append(words.entries, cachedWord{f, level, sc, words.runes[rs:len(words.runes):len(words.runes)], gs, words.m[h]})
	words.m[h] = int32(len(words.entries))
	return gs
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
	// order now; a cluster ends where the next begins. A cluster of as
	// many glyphs as characters (a letter and its marks, each drawn
	// alone) gives each glyph its own character, so that a PDF's
	// ToUnicode map gives the text back glyph by glyph. HarfBuzz reverses
	// a right-to-left buffer glyph by glyph, so after the reversal above
	// a cluster's glyphs are in logical order in both directions: the
	// letter, then its marks (נָ is נ then the qamats, not the reverse).
	// A cluster of fewer glyphs than characters in a script that
	// reorders (spreads) is shared out too: see spread.
	spreads := dir == di.DirectionLTR && reorders(sc)
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].Start == gs[i].Start {
			j++
		}
		next := int32(len(w))
		if j < len(gs) {
			next = gs[j].Start
		}
		cs, k := gs[i].Start, next-gs[i].Start
		switch n := int32(j - i); {
		case n == k && k > 1, spreads && n > 1 && n < k:
			spread(gs[i:j], cs, k)
		default:
			gs[i].Runes = k
		}
		i = j
	}
	return gs
}

// spread gives each glyph of a cluster of k characters from start (and
// no more glyphs than characters) a stretch of them, in the order the
// glyphs are drawn: the first glyph the first k-n+1 characters, each
// other glyph one. The glyphs' texts, read in the order they are drawn,
// are then the cluster's text as typed, which is what a PDF's ToUnicode
// map gives back glyph by glyph (pdftotext, a screen reader) with no
// /ActualText, which poppler sets apart from its line as a word of its
// own. In an Indic cluster the glyphs' order is not the characters':
// कि (ka, i) draws the i-sign first and then ka, so the i-sign's glyph
// stands for क and ka's for ि; प्रे draws the conjunct pra for प्र and the
// e-sign for े; र्म (reph) draws ma for र् and the reph for म. Copying one
// glyph alone can give a character of its neighbour; copying the word
// gives the word.
func spread(gs []Glyph, start, k int32) {
	extra := k - int32(len(gs))
	at := start
	for m := range gs {
		gs[m].Start, gs[m].Runes = at, 1
		if m == 0 {
			gs[m].Runes += extra
		}
		at += gs[m].Runes
	}
}

// reorders reports whether HarfBuzz shapes script sc with the Indic (or
// Sinhala) shaper, which draws a cluster's glyphs in another order than
// its characters (a pre-base vowel sign before its consonant, a reph
// after it) and joins consonants into conjuncts: such clusters are
// shared out among their glyphs (spread) rather than given to the first
// glyph with the rest drawn inside /ActualText.
func reorders(sc language.Script) bool {
	switch sc {
	case language.Devanagari, language.Bengali, language.Gurmukhi, language.Gujarati,
		language.Oriya, language.Tamil, language.Telugu, language.Kannada,
		language.Malayalam, language.Sinhala:
		return true
	}
	return false
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
