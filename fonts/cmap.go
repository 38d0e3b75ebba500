package fonts

import (
	"encoding/binary"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// A face's character map, read in place from its embedded file: which
// glyph draws a character is all the PDF asks of most faces (Has, Pick,
// GlyphIndex), and sfnt.Parse, which a look-up through sfnt.Font needs
// first, reads and caches much more of the file (its GPOS kerning pairs:
// ~440 KB of a seed build's heap for faces the PDF never kerns). The
// look-up below is sfnt's own (x/image v0.47.0 cmap.go), subtable choice
// and quirks included, for the formats the embedded faces use (4 and 12);
// TestCmapMatchesSfnt compares it with sfnt.Font.GlyphIndex for every
// character of every face. A face whose map it cannot read falls back to
// sfnt.

type cmapTable struct {
	ok     bool
	format uint16
	sub    []byte // the subtable, from its first byte
	// format 4: segCount, and the glyph id array as sfnt bounds it (from
	// after the segment arrays to the end of the cmap table)
	segs    int
	indexes []byte
	// format 12: number of groups
	groups int
}

var cmaps [Count][4]struct {
	once sync.Once
	t    cmapTable
}

func cmapOf(f Family, s Style) *cmapTable {
	c := &cmaps[f][s]
	c.once.Do(func() { c.t = readCmap(Bytes(f, s)) })
	return &c.t
}

// platformEncodingWidth is sfnt's ranking of cmap subtables.
func platformEncodingWidth(pid, psid uint16) int {
	switch pid {
	case 0: // Unicode
		switch psid {
		case 3:
			return 2
		case 4:
			return 4
		}
	case 1: // Macintosh
		if psid == 0 {
			return 1
		}
	case 3: // Windows
		switch psid {
		case 0, 1:
			return 2
		case 10:
			return 4
		}
	}
	return 0
}

func readCmap(font []byte) cmapTable {
	be := binary.BigEndian
	if len(font) < 12 {
		return cmapTable{}
	}
	var cmap []byte
	n := int(be.Uint16(font[4:]))
	for i := range n {
		if 12+16*(i+1) > len(font) {
			return cmapTable{}
		}
		e := font[12+16*i:]
		if string(e[:4]) == "cmap" {
			off, ln := int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
			if off < 0 || ln < 0 || off+ln > len(font) {
				return cmapTable{}
			}
			cmap = font[off : off+ln]
		}
	}
	if len(cmap) < 4 {
		return cmapTable{}
	}
	num := int(be.Uint16(cmap[2:]))
	if len(cmap) < 4+8*num {
		return cmapTable{}
	}
	bestWidth, bestOffset, bestFormat := 0, 0, uint16(0)
	for i := range num {
		e := cmap[4+8*i:]
		pid, psid := be.Uint16(e), be.Uint16(e[2:])
		width := platformEncodingWidth(pid, psid)
		if width <= bestWidth {
			continue
		}
		off := int(be.Uint32(e[4:]))
		if off > len(cmap)-4 {
			return cmapTable{}
		}
		format := be.Uint16(cmap[off:])
		switch format {
		case 0:
			if pid != 1 || psid != 0 {
				continue
			}
		case 4, 6, 12:
		default:
			continue
		}
		bestWidth, bestOffset, bestFormat = width, off, format
	}
	t := cmapTable{format: bestFormat, sub: cmap[bestOffset:]}
	switch bestFormat {
	case 4:
		if len(t.sub) < 14 {
			return cmapTable{}
		}
		segCount := be.Uint16(t.sub[6:])
		if segCount&1 != 0 {
			return cmapTable{}
		}
		t.segs = int(segCount / 2)
		end := bestOffset + 14 + 8*t.segs + 2
		if end > len(cmap) {
			return cmapTable{}
		}
		t.indexes = cmap[end:]
	case 12:
		if len(t.sub) < 16 {
			return cmapTable{}
		}
		t.groups = int(be.Uint32(t.sub[12:]))
		if 16+12*t.groups > len(t.sub) {
			return cmapTable{}
		}
	default:
		return cmapTable{} // 0 and 6: sfnt's look-up
	}
	t.ok = true
	return t
}

// glyph is r's glyph as sfnt.Font.GlyphIndex gives it; err only for a
// map sfnt too would find invalid.
func (t *cmapTable) glyph(r rune) (sfnt.GlyphIndex, error) {
	be := binary.BigEndian
	switch t.format {
	case 4:
		if uint32(r) > 0xffff {
			return 0, nil
		}
		c := uint16(r)
		seg := t.sub[14:]
		n := t.segs
		for i, j := 0, n; i < j; {
			h := i + (j-i)/2
			end := be.Uint16(seg[2*h:])
			start := be.Uint16(seg[2*n+2+2*h:])
			if c < start {
				j = h
			} else if end < c {
				i = h + 1
			} else {
				delta := be.Uint16(seg[4*n+2+2*h:])
				rangeOff := be.Uint16(seg[6*n+2+2*h:])
				if rangeOff == 0 {
					return sfnt.GlyphIndex(c + delta), nil
				}
				off := uint32(rangeOff) + 2*uint32(h-n+int(c-start))
				if off > uint32(len(t.indexes)) || off+2 > uint32(len(t.indexes)) {
					return 0, errBadCmap
				}
				return sfnt.GlyphIndex(be.Uint16(t.indexes[off:])), nil
			}
		}
		return 0, nil
	case 12:
		c := uint32(r)
		g := t.sub[16:]
		for i, j := 0, t.groups; i < j; {
			h := i + (j-i)/2
			start, end := be.Uint32(g[12*h:]), be.Uint32(g[12*h+4:])
			if c < start {
				j = h
			} else if end < c {
				i = h + 1
			} else {
				return sfnt.GlyphIndex(c - start + be.Uint32(g[12*h+8:])), nil
			}
		}
		return 0, nil
	}
	return 0, errBadCmap
}

type cmapError string

func (e cmapError) Error() string { return string(e) }

const errBadCmap = cmapError("fonts: invalid cmap table")
