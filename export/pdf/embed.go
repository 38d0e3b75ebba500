package pdf

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/fonts"
)

// Fonts are embedded by this package, not by fpdf. Registering a face with
// fpdf costs a build about 2 ms of CPU however little of it is drawn: it
// hashes the JSON of a 65,536-entry width table, parses the file, and
// when writing allocates two 1 MB compressors and a 128 KB map per face.
// fpdf is given no font at all: render writes the text operators itself
// (textWriter), and optimize adds, per face drawn, the same objects fpdf
// would write (a Type0 font with Identity-H encoding whose CIDs are
// Unicode values, a CIDFontType2 with widths and a CIDToGIDMap, its
// descriptor and the reduced TrueType file), with the characters the
// document draws.

// embedFont is one face as optimize embeds it.
type embedFont struct {
	fc    face
	runes []rune // the characters drawn, sorted
}

// resName is the face's name in the pages' font resources.
func (fc face) resName() string {
	return "F" + strconv.Itoa(int(fc.fam)) + strconv.Itoa(int(fc.style))
}

// baseFont is the font's PostScript name in the file, as fpdf named it:
// "utf8" and its lower-case family and style key.
func (fc face) baseFont() string {
	return "utf8" + toLower(fc.fam.Name()) + fc.fpdfStyle()
}

func toLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// usedFaces are the faces the layout draws, with their characters, in a
// fixed order.
func usedFaces(lay *Layout) []embedFont {
	var used [fonts.Count][4]*[0x10000 / 64]uint64
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			for _, r := range it.runs {
				u := used[r.fc.fam][r.fc.style]
				if u == nil {
					u = new([0x10000 / 64]uint64)
					used[r.fc.fam][r.fc.style] = u
				}
				for _, c := range r.text {
					if c <= 0xFFFF {
						u[c/64] |= 1 << (c % 64)
					}
				}
			}
		}
	}
	var out []embedFont
	for fam := range used {
		for st, u := range used[fam] {
			if u == nil {
				continue
			}
			var runes []rune
			for i, w := range u {
				for ; w != 0; w &= w - 1 {
					runes = append(runes, rune(i*64+bits.TrailingZeros64(w)))
				}
			}
			out = append(out, embedFont{fc: face{fonts.Family(fam), fonts.Style(st)}, runes: runes})
		}
	}
	return out
}

// faceDesc is a face's font descriptor values, as fpdf reads them from
// the file: worked out once per process by readFontDesc, which reads the
// few values straight from the tables (registering the face with fpdf to
// ask it would parse the whole file and hash a 65,536-entry width table,
// about 2 ms of CPU per face; TestFontDesc compares the two).
var faceDescs [fonts.Count][4]struct {
	once sync.Once
	d    fpdf.FontDescType
	err  error
}

func fontDesc(fc face) (fpdf.FontDescType, error) {
	fd := &faceDescs[fc.fam][fc.style]
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
// n+1 the CIDFontType2, n+2 its descriptor, n+3 its CIDToGIDMap, n+4 the
// TrueType file. toUnicode and sysInfo are shared by every font.
type fontObjects struct {
	dicts   [3][]byte // Type0, CIDFontType2, FontDescriptor (no "obj")
	cidMap  []byte    // CIDToGIDMap stream data
	ttf     []byte    // FontFile2 stream data
	ttfSize int
}

// toUnicode is fpdf's ToUnicode map: CIDs are Unicode values.
const toUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

func buildFontObjects(ef embedFont, n, toUnicodeNum, sysInfoNum int, cidMap []byte) (fontObjects, error) {
	fc := ef.fc
	d, err := fontDesc(fc)
	if err != nil {
		return fontObjects{}, err
	}
	ttf, gids, err := subsetFaceGids(fc, ef.runes)
	if err != nil {
		return fontObjects{}, fmt.Errorf("pdf: reducing font %s: %w", fc, err)
	}
	name := fc.baseFont()
	var o fontObjects
	o.dicts[0] = fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
		name, n+1, toUnicodeNum)
	w := fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo %d 0 R /FontDescriptor %d 0 R", name, sysInfoNum, n+2)
	if d.MissingWidth != 0 {
		w = fmt.Appendf(w, " /DW %d", d.MissingWidth)
	}
	w = append(w, " /W ["...)
	for i := 0; i < len(ef.runes); {
		// One "c [w1 w2 …]" per run of consecutive characters.
		j := i + 1
		for j < len(ef.runes) && ef.runes[j] == ef.runes[j-1]+1 {
			j++
		}
		w = strconv.AppendInt(w, int64(ef.runes[i]), 10)
		w = append(w, " ["...)
		for k := i; k < j; k++ {
			adv, err := sharedAdvance(fc, ef.runes[k])
			if err != nil {
				return fontObjects{}, err
			}
			if k > i {
				w = append(w, ' ')
			}
			w = strconv.AppendInt(w, int64(adv), 10)
		}
		w = append(w, "] "...)
		i = j
	}
	w = fmt.Appendf(w, "] /CIDToGIDMap %d 0 R>>", n+3)
	o.dicts[1] = w
	flags := d.Flags | 4 // symbolic, not nonsymbolic: as fpdf writes it
	flags &^= 32
	o.dicts[2] = fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s /Ascent %d /Descent %d /CapHeight %d /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
		name, d.Ascent, d.Descent, d.CapHeight, flags, d.FontBBox.Xmin, d.FontBBox.Ymin, d.FontBBox.Xmax, d.FontBBox.Ymax,
		d.ItalicAngle, d.StemV, d.MissingWidth, n+4)
	// The map stops after the last character drawn: a CID past its end is
	// never shown.
	last := 0
	if len(ef.runes) > 0 {
		last = int(ef.runes[len(ef.runes)-1])
	}
	cidMap = cidMap[:2*(last+1)]
	clear(cidMap)
	for i, r := range ef.runes {
		if r <= 0xFFFF && gids[i] != 0 {
			cidMap[2*r], cidMap[2*r+1] = byte(gids[i]>>8), byte(gids[i])
		}
	}
	o.cidMap = cidMap
	o.ttf = ttf
	o.ttfSize = len(ttf)
	return o, nil
}
