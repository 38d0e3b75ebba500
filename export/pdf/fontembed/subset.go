package fontembed

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/fonts"
)

// optimize embeds each face drawn reduced to the glyphs drawn
// (subsetTTF): see embed.go.

// fontFile is a face's file, shared and never modified.
func fontFile(fc layout.Face) []byte { return fonts.Bytes(fc.Family, fc.Style) }

var be = binary.BigEndian

// subsetTTF writes a TrueType file with the tables fpdf reads, only
// .notdef, the glyphs keep and the parts of composite ones, renumbered in
// their order (newID[g] is glyph g's new number), and a format 4 cmap for
// runes (sorted; gids[i] is runes[i]'s glyph).
func subsetTTF(font []byte, keepGids []uint16, runes []rune, gids []uint16) ([]byte, []uint16, error) {
	if len(font) < 12 || be.Uint32(font) != 0x00010000 {
		return nil, nil, errors.New("not a TrueType file")
	}
	n := int(be.Uint16(font[4:]))
	if len(font) < 12+16*n {
		return nil, nil, errors.New("short table directory")
	}
	tables := map[string][]byte{}
	for i := range n {
		e := font[12+16*i:]
		off, ln := int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		if off < 0 || ln < 0 || off+ln > len(font) {
			return nil, nil, fmt.Errorf("table %q out of bounds", e[:4])
		}
		tables[string(e[:4])] = font[off : off+ln]
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, nil, errors.New("missing head, maxp, loca or glyf")
	}
	numGlyphs := int(be.Uint16(maxp[4:]))
	long := be.Uint16(head[50:]) == 1
	offset := func(g int) int {
		if long {
			return int(be.Uint32(loca[4*g:]))
		}
		return 2 * int(be.Uint16(loca[2*g:]))
	}
	if (long && len(loca) < 4*(numGlyphs+1)) || (!long && len(loca) < 2*(numGlyphs+1)) {
		return nil, nil, errors.New("short loca")
	}
	glyph := func(g int) []byte {
		a, b := offset(g), offset(g+1)
		if a > b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}

	keep := make([]bool, numGlyphs)
	keep[0] = true
	stack := []int{}
	for _, g := range keepGids {
		if int(g) < numGlyphs && g != 0 && !keep[g] {
			keep[g] = true
			stack = append(stack, int(g))
		}
	}
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		d := glyph(g)
		if len(d) < 10 || int16(be.Uint16(d)) >= 0 {
			continue // simple glyph
		}
		for p := 10; p+4 <= len(d); {
			flags, c := be.Uint16(d[p:]), int(be.Uint16(d[p+2:]))
			if c < numGlyphs && !keep[c] {
				keep[c] = true
				stack = append(stack, c)
			}
			p += 4
			if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x0008 != 0: // WE_HAVE_A_SCALE
				p += 2
			case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
				p += 4
			case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
				p += 8
			}
			if flags&0x0020 == 0 { // MORE_COMPONENTS
				break
			}
		}
	}

	// Kept glyphs are renumbered in their original order, so that fpdf,
	// which numbers its subset in that order too, embeds the same font.
	newID := make([]uint16, numGlyphs)
	n2 := 0
	for g := range numGlyphs {
		if keep[g] {
			newID[g] = uint16(n2)
			n2++
		}
	}
	hhea, hmtx := tables["hhea"], tables["hmtx"]
	if len(hhea) < 36 {
		return nil, nil, errors.New("short hhea")
	}
	nMetrics := int(be.Uint16(hhea[34:]))
	if nMetrics < 1 || len(hmtx) < 4*nMetrics+2*(numGlyphs-nMetrics) {
		return nil, nil, errors.New("short hmtx")
	}
	var newGlyf []byte
	newLoca := make([]byte, 0, 4*(n2+1))
	newHmtx := make([]byte, 0, 4*n2)
	for g := range numGlyphs {
		if !keep[g] {
			continue
		}
		newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))
		start := len(newGlyf)
		newGlyf = append(newGlyf, glyph(g)...)
		if d := newGlyf[start:]; len(d) >= 10 && int16(be.Uint16(d)) < 0 {
			remapComponents(d, newID)
		}
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		if g < nMetrics {
			newHmtx = append(newHmtx, hmtx[4*g:4*g+4]...)
		} else {
			newHmtx = append(newHmtx, hmtx[4*(nMetrics-1):4*(nMetrics-1)+2]...)
			lsb := 4*nMetrics + 2*(g-nMetrics)
			newHmtx = append(newHmtx, hmtx[lsb:lsb+2]...)
		}
	}
	newLoca = be.AppendUint32(newLoca, uint32(len(newGlyf)))
	newHead := slices.Clone(head)
	be.PutUint16(newHead[50:], 1) // long loca offsets
	newHhea := slices.Clone(hhea)
	be.PutUint16(newHhea[34:], uint16(n2))
	newMaxp := slices.Clone(maxp)
	be.PutUint16(newMaxp[4:], uint16(n2))
	newGids := make([]uint16, len(gids))
	for i, g := range gids {
		if int(g) < numGlyphs {
			newGids[i] = newID[g]
		}
	}

	out := map[string][]byte{
		"cmap": cmap4(runes, newGids),
		"glyf": newGlyf,
		"loca": newLoca,
		"head": newHead,
		"hhea": newHhea,
		"hmtx": newHmtx,
		"maxp": newMaxp,
	}
	if post := tables["post"]; len(post) >= 32 {
		// Format 3: no glyph names, which would follow the old numbering.
		p := slices.Clone(post[:32])
		be.PutUint32(p, 0x00030000)
		out["post"] = p
	}
	for _, t := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if b, ok := tables[t]; ok {
			out[t] = b
		}
	}
	return assembleTTF(out), newID, nil
}

// cmap4 is a cmap table with one (3,1) format 4 subtable: one segment per
// character, and the closing 0xFFFF segment.
func cmap4(runes []rune, gids []uint16) []byte {
	var rs []rune
	var gs []uint16
	for i, r := range runes {
		if r < 0xFFFF && gids[i] != 0 {
			rs, gs = append(rs, r), append(gs, gids[i])
		}
	}
	seg := len(rs) + 1
	sub := make([]byte, 16+8*seg)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*seg))
	sr := 2
	sel := 0
	for sr*2 <= 2*seg {
		sr *= 2
		sel++
	}
	be.PutUint16(sub[8:], uint16(sr))
	be.PutUint16(sub[10:], uint16(sel))
	be.PutUint16(sub[12:], uint16(2*seg-sr))
	ends, starts := sub[14:], sub[16+2*seg:]
	deltas, ranges := sub[16+4*seg:], sub[16+6*seg:]
	for i := range seg {
		r, g := rune(0xFFFF), uint16(1)
		if i < len(rs) {
			r, g = rs[i], gs[i]-uint16(rs[i])
		}
		be.PutUint16(ends[2*i:], uint16(r))
		be.PutUint16(starts[2*i:], uint16(r))
		be.PutUint16(deltas[2*i:], g)
		be.PutUint16(ranges[2*i:], 0)
	}
	t := make([]byte, 12, 12+len(sub))
	be.PutUint16(t[2:], 1) // one subtable
	be.PutUint16(t[4:], 3) // Windows
	be.PutUint16(t[6:], 1) // Unicode BMP
	be.PutUint32(t[8:], 12)
	return append(t, sub...)
}

// remapComponents renumbers the parts of a composite glyph.
func remapComponents(d []byte, newID []uint16) {
	for p := 10; p+4 <= len(d); {
		flags, c := be.Uint16(d[p:]), int(be.Uint16(d[p+2:]))
		if c < len(newID) {
			be.PutUint16(d[p+2:], newID[c])
		}
		p += 4
		if flags&0x0001 != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0:
			p += 2
		case flags&0x0040 != 0:
			p += 4
		case flags&0x0080 != 0:
			p += 8
		}
		if flags&0x0020 == 0 {
			return
		}
	}
}

// assembleTTF writes tables as a TrueType file, in tag order.
func assembleTTF(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	be.PutUint16(out[6:], uint16(16*sr))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*(n-sr)))
	for i, t := range tags {
		b := tables[t]
		e := out[12+16*i:]
		copy(e, t)
		be.PutUint32(e[8:], uint32(len(out)))
		be.PutUint32(e[12:], uint32(len(b)))
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		var sum uint32
		padded := out[be.Uint32(e[8:]):]
		for j := 0; j+4 <= len(padded); j += 4 {
			sum += be.Uint32(padded[j:])
		}
		be.PutUint32(e[4:], sum)
	}
	return out
}
