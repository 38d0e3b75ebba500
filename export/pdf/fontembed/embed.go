// Package fontembed embeds the faces a layout draws: each reduced to the
// glyphs it draws (a TrueType subset), the glyphs numbered as CIDs, and the
// font objects (Type0, CIDFontType2, descriptor, ToUnicode) that the
// finishing pass writes.
package fontembed

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/export/pdf/layout"
)

// Fonts are embedded by this package, not by fpdf. Registering a face with
// fpdf costs a build about 2 ms of CPU however little of it is drawn: it
// hashes the JSON of a 65,536-entry width table, parses the file, and
// when writing allocates two 1 MB compressors and a 128 KB map per face.
// fpdf is given no font at all: render writes the text operators itself
// (textWriter), and optimize adds, per face drawn, a Type0 font with
// Identity-H encoding, a CIDFontType2 with the widths and a CIDToGIDMap,
// its descriptor, a ToUnicode map and the reduced TrueType file.
//
// The text is shaped (package typeset), so glyphs are not characters: a
// ligature is one glyph for two or three characters, an Arabic letter
// takes one of four glyphs by its place in the word. A CID is one glyph
// standing for one text: a glyph for exactly one character of the Basic
// Multilingual Plane has that character's value as its CID, as before
// shaping (so that a word's bytes are the same in every face, which
// Flate compresses across faces: numbering by glyph instead cost the
// seed's PDF 3.5 KB, to 99.6 KB); any other glyph and text (a ligature, a
// second contextual form of a letter, a character beyond the BMP) gets a
// CID numbered on from the face's highest character, and the ToUnicode
// map gives every CID its exact text. What the map cannot give, the
// order of right-to-left text drawn in visual order and clusters of
// several glyphs, is drawn inside /ActualText marked content (textWriter).

// Font is one face as optimize embeds it: reduced to the glyphs the
// document draws (newID: each glyph of the face's own by its number in
// the reduced file), with the CIDs that draw them.
type Font struct {
	Face  layout.Face
	ttf   []byte
	newID []uint16
	// cids are the CIDs drawn, ascending; old the glyph of each in the
	// face's own file.
	cids []uint16
	old  []uint16
	// adv is each glyph's advance in the face (by its own number), for
	// the glyphs drawn.
	adv []int32
	// latin is a Latin character's glyph (+1) when its CID is itself;
	// own the same for the other characters.
	latin [0x180]uint16
	own   map[rune]uint16
	// other are the CIDs of glyphs that are not their own character.
	other map[cidKey]uint16
	// reach is the widening (layout.Reach) of the CIDs that have one
	// (nil: none).
	reach map[uint16]int16
}

// cidKey is a glyph, the text it stands for and its widening in /W
// (layout.Reach): one CID each.
type cidKey struct {
	gid   uint16
	reach int16
	text  string
}

// CID is the CID that draws g.
func (ef *Font) CID(g *layout.DrawnGlyph) uint16 {
	cid, _ := ef.CIDWidth(g)
	return cid
}

// CIDWidth is CID and DrawnWidth at once, g's widening (layout.Reach)
// worked out once for both: the text of a page is drawn a run at a time,
// every glyph asked for both.
func (ef *Font) CIDWidth(g *layout.DrawnGlyph) (cid uint16, width int32) {
	reach := layout.Reach(ef.Face, g)
	width = ef.adv[g.GID] + int32(reach)
	if g.N == 1 && reach == 0 {
		if g.R < 0x180 {
			if ef.latin[g.R] == g.GID+1 {
				return uint16(g.R), width
			}
		} else if ef.own[g.R] == g.GID+1 {
			return uint16(g.R), width
		}
	}
	return ef.other[cidKey{g.GID, reach, g.Text()}], width
}

// Width is glyph g's width in the font, in thousandths of an em.
func (ef *Font) Width(g uint16) int32 { return ef.adv[g] }

// DrawnWidth is the width of the CID that draws g, in thousandths of an
// em: its glyph's width in the font, widened by layout.Reach.
func (ef *Font) DrawnWidth(g *layout.DrawnGlyph) int32 {
	return ef.adv[g.GID] + int32(layout.Reach(ef.Face, g))
}

// UsedFaces are the faces the layout draws, each with the glyphs and
// texts it draws, its CIDs and its reduced file (subsetTTF), in a fixed
// order: worked out before render, which draws the CIDs.
func UsedFaces(lay *layout.Layout) ([]Font, []byte, error) {
	var u Uses
	for i := range lay.Pages {
		u.Page(&lay.Pages[i])
	}
	return u.Faces()
}

// Uses gathers the glyphs a document draws, page by page, for Faces: a
// layout drawn as it is made (a long guide's) gives each page as it is
// finished and lets it go. What Faces gives depends only on the set of
// glyphs and texts drawn in each face, not on the order they are met.
type Uses struct {
	used  map[layout.Face]*use
	order []layout.Face
	// mark is, by face in order, how many glyphs each had at the last
	// Checkpoint (the faces after it were met since).
	mark []int
}

// use is one face's glyphs and texts.
type use struct {
	keys   []cidKey // in the order first drawn
	seen   map[cidKey]bool
	byRune [0x180]uint16 // a Latin character's glyph, +1, once in keys
}

// Page adds the glyphs of pg's items.
func (us *Uses) Page(pg *layout.Page) {
	for i := range pg.Items {
		us.Runs(pg.Items[i].Runs)
	}
}

// Runs adds the glyphs of runs.
func (us *Uses) Runs(runs []layout.Run) {
	if us.used == nil {
		us.used = map[layout.Face]*use{}
	}
	for _, r := range runs {
		u := us.used[r.Face]
		if u == nil {
			u = &use{seen: map[cidKey]bool{}}
			us.used[r.Face] = u
			us.order = append(us.order, r.Face)
		}
		for i := range r.Glyphs {
			g := &r.Glyphs[i]
			reach := layout.Reach(r.Face, g)
			if g.N == 1 && g.R < 0x180 && reach == 0 {
				// Most glyphs: seen by character, without making
				// a string of it.
				if u.byRune[g.R] == g.GID+1 {
					continue
				}
				if u.byRune[g.R] == 0 {
					u.byRune[g.R] = g.GID + 1
				}
			}
			k := cidKey{g.GID, reach, g.Text()}
			if !u.seen[k] {
				u.seen[k] = true
				u.keys = append(u.keys, k)
			}
		}
		if r.Space {
			if g := layout.Single(r.Face, ' ', r.Size); u.byRune[' '] != g.GID+1 {
				k := cidKey{g.GID, 0, " "}
				if !u.seen[k] {
					u.seen[k] = true
					u.keys = append(u.keys, k)
				}
			}
		}
	}
}

// Checkpoint marks the glyphs gathered so far, for Rollback.
func (us *Uses) Checkpoint() {
	us.mark = us.mark[:0]
	for _, fc := range us.order {
		us.mark = append(us.mark, len(us.used[fc].keys))
	}
}

// Rollback forgets every glyph gathered since the last Checkpoint: a
// part of the guide flowed again (layout.PlanPages) gives its pages
// anew, and a glyph only its first flow drew (a page number it reached)
// must not be embedded.
func (us *Uses) Rollback() {
	for _, fc := range us.order[len(us.mark):] {
		delete(us.used, fc)
	}
	us.order = us.order[:len(us.mark)]
	for i, fc := range us.order {
		u := us.used[fc]
		for _, k := range u.keys[us.mark[i]:] {
			delete(u.seen, k)
			// byRune names a glyph only while its key is seen.
			if r, n := utf8.DecodeRuneInString(k.text); k.reach == 0 && n == len(k.text) && r < 0x180 && u.byRune[r] == k.gid+1 {
				u.byRune[r] = 0
			}
		}
		u.keys = u.keys[:us.mark[i]]
	}
}

// Faces are the faces drawn, each with the glyphs and texts it draws,
// its CIDs and its reduced file, and the ToUnicode map they share.
func (us *Uses) Faces() ([]Font, []byte, error) {
	used, order := us.used, slices.Clone(us.order)
	slices.SortFunc(order, func(a, b layout.Face) int {
		if a.Family != b.Family {
			return int(a.Family) - int(b.Family)
		}
		return int(a.Style) - int(b.Style)
	})
	// A glyph for one BMP character is that character's CID, in every
	// face; the other glyphs and texts are numbered on from the highest
	// such character of the document, the same text the same CID in
	// every face (its n-th glyph for the text in a face, the n-th CID), so
	// that one ToUnicode map serves every face. When that space runs out
	// (a document with U+FE0F or U+FFFD has only a few hundred numbers
	// above its highest character), the rest take numbers below it that
	// no face uses for a character.
	type faceUse struct {
		own  map[rune]uint16
		keys []cidKey
	}
	uses := make([]faceUse, len(order))
	last := rune(-1)
	for i, fc := range order {
		u := used[fc]
		slices.SortFunc(u.keys, func(a, b cidKey) int {
			if c := strings.Compare(a.text, b.text); c != 0 {
				return c
			}
			if a.gid != b.gid {
				return int(a.gid) - int(b.gid)
			}
			return int(a.reach) - int(b.reach)
		})
		own := map[rune]uint16{}
		for _, k := range u.keys {
			if r, n := utf8.DecodeRuneInString(k.text); n == len(k.text) && n > 0 && r <= 0xFFFF && k.reach == 0 {
				if _, taken := own[r]; !taken {
					own[r] = k.gid
					last = max(last, r)
				}
			}
		}
		uses[i] = faceUse{own, u.keys}
	}
	next := int(last) + 1
	variants := map[string][]uint16{} // a text's CIDs, in order
	var others []string               // the text of CID last+1+i
	var low []lowCID                  // CIDs below last, once past 0xFFFF
	var ownAny []bool                 // a character some face draws as itself
	gap := 1                          // the next CID below last to try
	out := make([]Font, 0, len(order))
	for i, fc := range order {
		fu := uses[i]
		var gids []uint16
		var runes []rune
		var cgids []uint16
		for _, k := range fu.keys {
			gids = append(gids, k.gid)
		}
		for r, g := range fu.own {
			if g != 0 && r < 0xFFFF {
				runes, cgids = append(runes, r), append(cgids, g)
			}
		}
		// cmap4 wants its characters in order.
		idx := make([]int, len(runes))
		for k := range idx {
			idx[k] = k
		}
		slices.SortFunc(idx, func(a, b int) int { return int(runes[a]) - int(runes[b]) })
		sr, sg := make([]rune, len(idx)), make([]uint16, len(idx))
		for k, j := range idx {
			sr[k], sg[k] = runes[j], cgids[j]
		}
		slices.Sort(gids)
		ttf, newID, err := subsetTTF(fontFile(fc), gids, sr, sg)
		if err != nil {
			return nil, nil, fmt.Errorf("pdf: reducing font %s: %w", fc, err)
		}
		ef := Font{Face: fc, ttf: ttf, newID: newID, own: map[rune]uint16{}, other: map[cidKey]uint16{}}
		nth := map[string]int{}
		for _, k := range fu.keys {
			if r, n := utf8.DecodeRuneInString(k.text); n == len(k.text) && n > 0 && r <= 0xFFFF && fu.own[r] == k.gid && k.reach == 0 {
				continue
			}
			v := nth[k.text]
			nth[k.text]++
			for len(variants[k.text]) <= v {
				if next <= 0xFFFF {
					variants[k.text] = append(variants[k.text], uint16(next))
					others = append(others, k.text)
					next++
					continue
				}
				if ownAny == nil {
					ownAny = make([]bool, last+1)
					for _, u := range uses {
						for r := range u.own {
							ownAny[r] = true
						}
					}
				}
				for gap <= int(last) && ownAny[gap] {
					gap++
				}
				if gap > int(last) {
					return nil, nil, fmt.Errorf("pdf: more than 65,535 distinct glyphs and texts in one document; split the guide into smaller ones")
				}
				variants[k.text] = append(variants[k.text], uint16(gap))
				low = append(low, lowCID{uint16(gap), k.text})
				gap++
			}
			ef.other[k] = variants[k.text][v]
			if k.reach != 0 {
				if ef.reach == nil {
					ef.reach = map[uint16]int16{}
				}
				ef.reach[variants[k.text][v]] = k.reach
			}
		}
		type entry struct {
			cid, old uint16
		}
		es := make([]entry, 0, len(fu.keys))
		for r, g := range fu.own {
			es = append(es, entry{uint16(r), g})
			if r < 0x180 {
				ef.latin[r] = g + 1
			} else {
				ef.own[r] = g + 1
			}
		}
		for k, cid := range ef.other {
			es = append(es, entry{cid, k.gid})
		}
		slices.SortFunc(es, func(a, b entry) int { return int(a.cid) - int(b.cid) })
		tf := fc.Typeset()
		ef.adv = make([]int32, len(newID))
		for _, e := range es {
			ef.cids, ef.old = append(ef.cids, e.cid), append(ef.old, e.old)
			if int(e.old) < len(ef.adv) {
				ef.adv[e.old] = tf.Advance(e.old)
			}
		}
		out = append(out, ef)
	}
	return out, toUnicodeMap(last, others, low), nil
}

// faceDesc is a face's font descriptor values, as fpdf reads them from
// the file: worked out once per process by readFontDesc, which reads the
// few values straight from the tables (registering the face with fpdf to
// ask it would parse the whole file and hash a 65,536-entry width table,
// about 2 ms of CPU per face; TestFontDesc compares the two).
var faceDescs sync.Map // face → *faceDesc

type faceDesc struct {
	once sync.Once
	d    fpdf.FontDescType
	err  error
}

func Desc(fc layout.Face) (fpdf.FontDescType, error) {
	v, ok := faceDescs.Load(fc)
	if !ok {
		v, _ = faceDescs.LoadOrStore(fc, &faceDesc{})
	}
	fd := v.(*faceDesc)
	fd.once.Do(func() {
		fd.d, fd.err = readFontDesc(fontFile(fc))
		if fd.err != nil {
			fd.err = fmt.Errorf("pdf: font %s did not load: %w", fc, fd.err)
		}
	})
	return fd.d, fd.err
}

// readFontDesc works out the descriptor fpdf's UTF-8 font loader would
// (utf8FontFile.parseTables and addFontFromBytes in fpdf v0.12.0), with
// its truncations and fallbacks: from head, hhea, OS/2, post and the first
// hmtx entry.
func readFontDesc(file []byte) (fpdf.FontDescType, error) {
	var d fpdf.FontDescType
	if len(file) < 12 {
		return d, errors.New("not a TrueType file")
	}
	if v := be.Uint32(file); v != 0x00010000 && v != 0x74727565 {
		return d, errors.New("not a TrueType (glyf) file")
	}
	tables := map[string][]byte{}
	n := int(be.Uint16(file[4:]))
	for i := range n {
		if 12+16*(i+1) > len(file) {
			return d, errors.New("short table directory")
		}
		e := file[12+16*i:]
		off, ln := int(be.Uint32(e[8:])), int(be.Uint32(e[12:]))
		if off < 0 || ln < 0 || off+ln > len(file) {
			return d, fmt.Errorf("table %q out of bounds", e[:4])
		}
		tables[string(e[:4])] = file[off : off+ln]
	}
	head, hhea, os2, post, hmtx := tables["head"], tables["hhea"], tables["OS/2"], tables["post"], tables["hmtx"]
	if len(head) < 44 || len(post) < 16 || len(hmtx) < 4 {
		return d, errors.New("missing or short head, post or hmtx")
	}
	i16 := func(b []byte, at int) float64 { return float64(int16(be.Uint16(b[at:]))) }
	upem := be.Uint16(head[18:])
	if upem == 0 {
		return d, errors.New("units per em is 0")
	}
	scale := 1000.0 / float64(upem)
	d.FontBBox.Xmin = int(i16(head, 36) * scale)
	d.FontBBox.Ymin = int(i16(head, 38) * scale)
	d.FontBBox.Xmax = int(i16(head, 40) * scale)
	d.FontBBox.Ymax = int(i16(head, 42) * scale)
	if hhea != nil {
		if len(hhea) < 8 {
			return d, errors.New("short hhea")
		}
		d.Ascent = int(i16(hhea, 4) * scale)
		d.Descent = int(i16(hhea, 6) * scale)
	}
	weight := 500
	switch {
	case os2 != nil:
		if len(os2) < 72 {
			return d, errors.New("short OS/2")
		}
		weight = int(be.Uint16(os2[4:]))
		if fsType := be.Uint16(os2[8:]); fsType == 0x0002 || fsType&0x0300 != 0 {
			// fpdf stops here, leaving the weight, CapHeight and StemV 0.
			weight = 0
			break
		}
		if d.Ascent == 0 {
			d.Ascent = int(i16(os2, 68) * scale)
		}
		if d.Descent == 0 {
			d.Descent = int(i16(os2, 70) * scale)
		}
		if be.Uint16(os2) > 1 {
			if len(os2) < 90 {
				return d, errors.New("short OS/2")
			}
			d.CapHeight = int(i16(os2, 88) * scale)
		} else {
			d.CapHeight = d.Ascent
		}
		d.StemV = 50 + int(math.Pow(float64(weight)/65.0, 2))
	default:
		if d.Ascent == 0 {
			d.Ascent = int(float64(d.FontBBox.Ymax) * scale)
		}
		if d.Descent == 0 {
			d.Descent = int(float64(d.FontBBox.Ymin) * scale)
		}
		d.CapHeight = d.Ascent
		d.StemV = 50 + int(math.Pow(float64(weight)/65.0, 2))
	}
	// fpdf adds the fraction of the angle with an integer division: only
	// the whole degrees count.
	d.ItalicAngle = int(int16(be.Uint16(post[4:])))
	d.Flags = 4
	if d.ItalicAngle != 0 {
		d.Flags |= 64
	}
	if weight >= 600 {
		d.Flags |= 262144
	}
	if be.Uint32(post[12:]) != 0 {
		d.Flags |= 1
	}
	w := int(be.Uint16(hmtx))
	if w >= 1<<15 {
		w = 0
	}
	d.MissingWidth = int(math.Floor(scale*float64(w) + 0.5))
	return d, nil
}

// fontObjects are a face's objects; n is the number of the first, the
// Type0 font (the one the resources name), which the others follow:
// n+1 the CIDFontType2, n+2 its descriptor, n+3 its CIDToGIDMap
// (Font.CIDToGIDMap), n+4 the TrueType file (Font.File). The ToUnicode map
// and sysInfo are shared by every font.
type fontObjects struct {
	Dicts [3][]byte // Type0, CIDFontType2, FontDescriptor (no "obj")
}

// ObjectCount is the number of objects per face.
const ObjectCount = 5

func Objects(ef *Font, n, toUnicodeNum, sysInfoNum int) (fontObjects, error) {
	fc := ef.Face
	d, err := Desc(fc)
	if err != nil {
		return fontObjects{}, err
	}
	name := fc.BaseFont()
	var o fontObjects
	o.Dicts[0] = fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
		name, n+1, toUnicodeNum)
	w := fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo %d 0 R /FontDescriptor %d 0 R", name, sysInfoNum, n+2)
	if d.MissingWidth != 0 {
		w = fmt.Appendf(w, " /DW %d", d.MissingWidth)
	}
	w = append(w, " /W ["...)
	for i := 0; i < len(ef.cids); {
		// One "c [w1 w2 …]" per run of consecutive CIDs.
		j := i + 1
		for j < len(ef.cids) && ef.cids[j] == ef.cids[j-1]+1 {
			j++
		}
		w = strconv.AppendInt(w, int64(ef.cids[i]), 10)
		w = append(w, " ["...)
		for k := i; k < j; k++ {
			if k > i {
				w = append(w, ' ')
			}
			w = strconv.AppendInt(w, int64(ef.Width(ef.old[k])+int32(ef.reach[ef.cids[k]])), 10)
		}
		w = append(w, "] "...)
		i = j
	}
	w = fmt.Appendf(w, "] /CIDToGIDMap %d 0 R>>", n+3)
	o.Dicts[1] = w
	flags := d.Flags | 4 // symbolic, not nonsymbolic: as fpdf writes it
	flags &^= 32
	o.Dicts[2] = fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s /Ascent %d /Descent %d /CapHeight %d /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
		name, d.Ascent, d.Descent, d.CapHeight, flags, d.FontBBox.Xmin, d.FontBBox.Ymin, d.FontBBox.Xmax, d.FontBBox.Ymax,
		d.ItalicAngle, d.StemV, d.MissingWidth, n+4)
	return o, nil
}

// CIDToGIDMap is the data of the face's CIDToGIDMap stream (object n+3 of
// Objects): each CID's glyph in the reduced file, two bytes a CID. It
// stops after the last CID drawn: a CID past its end is never shown.
func (ef *Font) CIDToGIDMap() []byte {
	m := make([]byte, 2*(int(ef.cids[len(ef.cids)-1])+1))
	for i, cid := range ef.cids {
		g := ef.newID[ef.old[i]]
		m[2*int(cid)], m[2*int(cid)+1] = byte(g>>8), byte(g)
	}
	return m
}

// File is the data of the face's FontFile2 stream (object n+4 of
// Objects): the reduced TrueType file. It is shared: never modify it.
func (ef *Font) File() []byte { return ef.ttf }

// appendBlocks appends items to a CMap as begin/end blocks of op
// ("bfrange", "bfchar") of at most 100 entries, as the format allows.
func appendBlocks[T any](b []byte, op string, items []T, entry func([]byte, T) []byte) []byte {
	for i := 0; i < len(items); i += 100 {
		n := min(len(items)-i, 100)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(append(append(b, " begin"...), op...), '\n')
		for _, it := range items[i : i+n] {
			b = entry(b, it)
		}
		b = append(append(append(b, "end"...), op...), '\n')
	}
	return b
}

// lowCID is a CID below the document's highest character that stands
// for a glyph's text rather than for the character of its number.
type lowCID struct {
	cid  uint16
	text string
}

// toUnicodeMap is the ToUnicode CMap every face shares: each CID up to
// last is its own character, except the low ones, which stand for their
// texts; CID last+1+i stands for others[i]; in blocks of at most 100
// entries as the CMap format allows.
func toUnicodeMap(last rune, others []string, low []lowCID) []byte {
	const digits = "0123456789ABCDEF"
	hex4 := func(b []byte, v uint16) []byte {
		return append(b, digits[v>>12], digits[v>>8&15], digits[v>>4&15], digits[v&15])
	}
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	if last >= 0 {
		// The characters' own numbers, as ranges around the low CIDs.
		type span struct{ lo, hi uint16 }
		var spans []span
		from := 0
		for _, l := range low {
			if int(l.cid) > from {
				spans = append(spans, span{uint16(from), l.cid - 1})
			}
			from = int(l.cid) + 1
		}
		if from <= int(last) {
			spans = append(spans, span{uint16(from), uint16(last)})
		}
		b = appendBlocks(b, "bfrange", spans, func(b []byte, sp span) []byte {
			b = hex4(append(b, '<'), sp.lo)
			b = hex4(append(b, "> <"...), sp.hi)
			b = hex4(append(b, "> <"...), sp.lo)
			return append(b, ">\n"...)
		})
	}
	chars := make([]lowCID, 0, len(low)+len(others))
	chars = append(chars, low...)
	for i, t := range others {
		chars = append(chars, lowCID{uint16(int(last) + 1 + i), t})
	}
	b = appendBlocks(b, "bfchar", chars, func(b []byte, c lowCID) []byte {
		b = hex4(append(b, '<'), c.cid)
		b = append(b, "> <"...)
		for _, v := range utf16.Encode([]rune(c.text)) {
			b = hex4(b, v)
		}
		return append(b, ">\n"...)
	})
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"...)
}
