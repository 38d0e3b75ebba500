package typeset

import (
	_ "embed"
	"encoding/binary"
	"slices"
	"sync"
)

// The fast path. HarfBuzz shapes a word in about 4 µs and parsing a face
// for it costs 1–9 ms, per process; a seed build sets some 1,500
// different words in five faces. But a Latin word in the body and
// heading faces needs only what a table can hold: its characters' own
// glyphs, the kerning of each pair, and Literata's ligatures (fi, fl, ff,
// ffi, ffl). latin.bin holds, for each of those faces and the characters
// of latinRunes, what HarfBuzz itself gave when TestLatinTable -update
// shaped every pair (and every ligature with every character) of them;
// a word made only of such characters and pairs is set from the table,
// any other word by HarfBuzz. TestFastMatchesShaper compares the two on
// real text.

//go:embed latin.bin
var latinBin []byte

// latinFaces are the faces latin.bin covers, in its order.
var latinFaces = []Face{
	{0, 0}, {0, 1}, {0, 2}, {0, 3}, // Literata
	{1, 0}, {1, 1}, {1, 2}, {1, 3}, // Atkinson Hyperlegible Next
}

// latinRune reports whether r is one of the characters the table covers:
// printable ASCII but the space, Latin-1, dashes, quotation marks, the
// ellipsis.
func latinRune(r rune) bool {
	return (r > ' ' && r < 0x7F) || (r >= 0xA0 && r <= 0xFF) || (r >= 0x2010 && r <= 0x2015) || (r >= 0x2018 && r <= 0x201F) || r == 0x2026
}

// latinCount is the number of latinRune's characters; latinIndex numbers
// them.
const latinCount = 94 + 96 + 6 + 8 + 1

func latinIndex(r rune) int {
	switch {
	case r < 0x7F:
		return int(r - '!')
	case r <= 0xFF:
		return 94 + int(r-0xA0)
	case r <= 0x2015:
		return 94 + 96 + int(r-0x2010)
	case r <= 0x201F:
		return 94 + 96 + 6 + int(r-0x2018)
	}
	return latinCount - 1 // …
}

// latinRunes lists latinRune's characters, in order.
func latinRunes() []rune {
	var rs []rune
	for r := rune(0); r <= 0x2026; r++ {
		if latinRune(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

// latinTable is one face's part of latin.bin, read in place.
type latinTable struct {
	// odd: HarfBuzz does not set the character (by latinIndex) as its own
	// glyph. An array, not a map: it is asked for every character set.
	odd  [latinCount]bool
	ligs []latinLig
	// ligFirst: some ligature starts with the character (by latinIndex)
	ligFirst [latinCount]bool
	// glyph and adv are each character's glyph and advance (by
	// latinIndex), worked out on first use.
	once  sync.Once
	glyph [latinCount]uint16
	adv   [latinCount]int32
	// kernFrom and badFrom index kern and bad by left glyph: the
	// records of left glyph g are [from[g], from[g+1]).
	kernFrom, badFrom []int32
	kern              []byte // sorted records: left glyph, right glyph (u16), value (i16)
	bad               []byte // sorted records: left glyph, right glyph (u16): HarfBuzz does more than kern
	// pairs has the bit pairBit of every pair of kern and bad set: a pair
	// whose bit is clear is in neither, and is not looked for. Few pairs
	// are kerned: of the 38,293 pairs of the seed's words in Literata
	// Regular, 192 are; 3,306 have their bit set. 8 KB a face used.
	pairs []uint64
}

// pairBit is the bit of pairs that stands for the glyph pair l, r.
func pairBit(l, r uint16) uint32 { return (uint32(l)<<16 | uint32(r)) * 0x9E3779B1 >> 16 }

type latinLig struct {
	runes []rune
	gid   uint16
	adv   int16
}

var latinTables struct {
	once sync.Once
	t    map[Face]*latinTable
	// byFace holds t's tables by family and style, for the look-up made
	// for every word.
	byFace [2][4]*latinTable
}

func latinOf(f Face) *latinTable {
	latinTables.once.Do(func() {
		latinTables.t = readLatin(latinBin)
		for f, t := range latinTables.t {
			latinTables.byFace[f.Family][f.Style] = t
		}
	})
	if int(f.Family) >= len(latinTables.byFace) || int(f.Style) >= len(latinTables.byFace[0]) {
		return nil
	}
	return latinTables.byFace[f.Family][f.Style]
}

// readLatin reads latin.bin: for each face of latinFaces, the odd
// characters (u16 count, u32 each), the ligatures (u16 count; u8 length,
// u32 characters, u16 glyph, i16 advance), the kerning pairs (u32 count,
// 6-byte records) and the pairs left to HarfBuzz (u32 count, 4-byte
// records). A table that does not read is no table: every word goes to
// HarfBuzz.
func readLatin(b []byte) map[Face]*latinTable {
	out := map[Face]*latinTable{}
	be := binary.BigEndian
	p := 0
	need := func(n int) bool { return p+n <= len(b) }
	if !need(4) || string(b[:4]) != "GPL1" {
		return out
	}
	p = 4
	for _, f := range latinFaces {
		t := &latinTable{}
		if !need(2) {
			return map[Face]*latinTable{}
		}
		n := int(be.Uint16(b[p:]))
		p += 2
		if !need(4 * n) {
			return map[Face]*latinTable{}
		}
		for range n {
			// A character beyond the table is never set from it anyway.
			if r := rune(be.Uint32(b[p:])); latinRune(r) {
				t.odd[latinIndex(r)] = true
			}
			p += 4
		}
		if !need(2) {
			return map[Face]*latinTable{}
		}
		n = int(be.Uint16(b[p:]))
		p += 2
		for range n {
			if !need(1) {
				return map[Face]*latinTable{}
			}
			k := int(b[p])
			p++
			if !need(4*k + 4) {
				return map[Face]*latinTable{}
			}
			l := latinLig{}
			for range k {
				l.runes = append(l.runes, rune(be.Uint32(b[p:])))
				p += 4
			}
			l.gid, l.adv = be.Uint16(b[p:]), int16(be.Uint16(b[p+2:]))
			p += 4
			if len(l.runes) == 0 || !latinRune(l.runes[0]) {
				return map[Face]*latinTable{}
			}
			t.ligFirst[latinIndex(l.runes[0])] = true
			t.ligs = append(t.ligs, l)
		}
		for _, rec := range []struct {
			dst  *[]byte
			size int
		}{{&t.kern, 6}, {&t.bad, 4}} {
			if !need(4) {
				return map[Face]*latinTable{}
			}
			n = int(be.Uint32(b[p:]))
			p += 4
			if !need(rec.size * n) {
				return map[Face]*latinTable{}
			}
			*rec.dst = b[p : p+rec.size*n]
			p += rec.size * n
		}
		out[f] = t
	}
	return out
}

// find is the record for the glyph pair l, r in recs (size bytes each,
// sorted), or nil.
func find(recs []byte, size int, l, r uint16) []byte {
	key := uint32(l)<<16 | uint32(r)
	lo, hi := 0, len(recs)/size
	for lo < hi {
		m := (lo + hi) / 2
		k := binary.BigEndian.Uint32(recs[m*size:])
		switch {
		case k == key:
			return recs[m*size : m*size+size]
		case k < key:
			lo = m + 1
		default:
			hi = m
		}
	}
	return nil
}

// index is, for sorted records of size bytes whose first two bytes are
// a left glyph, where each left glyph's records start (one past the
// largest glyph: the end).
func index(recs []byte, size int) []int32 {
	n := len(recs) / size
	maxG := 0
	if n > 0 {
		maxG = int(binary.BigEndian.Uint16(recs[(n-1)*size:]))
	}
	from := make([]int32, maxG+2)
	i := 0
	for g := 0; g <= maxG+1; g++ {
		for i < n && int(binary.BigEndian.Uint16(recs[i*size:])) < g {
			i++
		}
		from[g] = int32(i)
	}
	return from
}

// within is the records of left glyph g.
func within(recs []byte, size int, from []int32, g uint16) []byte {
	if int(g)+1 >= len(from) {
		return nil
	}
	return recs[int(from[g])*size : int(from[g+1])*size]
}

// lig is the ligature w starts with, if any: the longest.
func (t *latinTable) lig(w []rune) *latinLig {
	var best *latinLig
	for i := range t.ligs {
		l := &t.ligs[i]
		if len(l.runes) > len(w) || (best != nil && len(l.runes) <= len(best.runes)) {
			continue
		}
		match := true
		for k, r := range l.runes {
			if w[k] != r {
				match = false
				break
			}
		}
		if match {
			best = l
		}
	}
	return best
}

// fastWord appends w set in f from the table to dst; ok is false (and dst
// as it was) when the word needs HarfBuzz (a character or pair the table
// does not cover).
func fastWord(dst []Glyph, w []rune, f Face, level uint8) (_ []Glyph, ok bool) {
	return fastWordAt(dst, w, 0, f, level)
}

// fastWordAt is fastWord for a word at index at of its text: the glyphs'
// Starts are at + their index in w.
func fastWordAt(dst []Glyph, w []rune, at int32, f Face, level uint8) (_ []Glyph, ok bool) {
	if level != 0 {
		return dst, false
	}
	t := latinOf(f)
	if t == nil {
		return dst, false
	}
	for _, r := range w {
		if !latinRune(r) || t.odd[latinIndex(r)] {
			return dst, false
		}
	}
	t.once.Do(func() {
		for _, r := range latinRunes() {
			k := latinIndex(r)
			t.glyph[k] = f.Glyph(r)
			t.adv[k] = f.Advance(t.glyph[k])
		}
		t.kernFrom, t.badFrom = index(t.kern, 6), index(t.bad, 4)
		t.pairs = make([]uint64, 1<<16/64)
		for _, rec := range []struct {
			recs []byte
			size int
		}{{t.kern, 6}, {t.bad, 4}} {
			for i := 0; i+rec.size <= len(rec.recs); i += rec.size {
				b := pairBit(binary.BigEndian.Uint16(rec.recs[i:]), binary.BigEndian.Uint16(rec.recs[i+2:]))
				t.pairs[b/64] |= 1 << (b % 64)
			}
		}
	})
	// At most a glyph a character: the glyphs are set in place, in room
	// made once, rather than appended one by one (a third of the time
	// the seed's words took).
	base := len(dst)
	gs := slices.Grow(dst, len(w))[:base+len(w)]
	n := base
	for i := 0; i < len(w); {
		k := latinIndex(w[i])
		if t.ligFirst[k] {
			if l := t.lig(w[i:]); l != nil {
				gs[n] = Glyph{Face: f, ID: l.gid, Advance: int32(l.adv), Start: at + int32(i), Runes: int32(len(l.runes))}
				n++
				i += len(l.runes)
				continue
			}
		}
		g := t.glyph[k]
		if g == 0 {
			return dst, false
		}
		// Field by field: the compiler builds a composite literal on the
		// stack and copies it with overlapping 16-byte moves, which stalled
		// here (store forwarding) for half the function's time.
		o := &gs[n]
		o.Face, o.ID, o.Advance, o.XOffset, o.YOffset = f, g, t.adv[k], 0, 0
		o.Start, o.Runes, o.Level = at+int32(i), 1, 0
		n++
		i++
	}
	gs = gs[:n]
	for i := base; i+1 < len(gs); i++ {
		l, r := gs[i].ID, gs[i+1].ID
		if b := pairBit(l, r); t.pairs[b/64]&(1<<(b%64)) == 0 {
			continue
		}
		if find(within(t.bad, 4, t.badFrom, l), 4, l, r) != nil {
			return dst, false
		}
		if rec := find(within(t.kern, 6, t.kernFrom, l), 6, l, r); rec != nil {
			gs[i].Advance += int32(int16(binary.BigEndian.Uint16(rec[4:])))
		}
	}
	return gs, true
}
