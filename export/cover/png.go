package cover

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"

	adler32 "github.com/guidepress/guidepress/internal/adler"
	"github.com/guidepress/guidepress/internal/deflaters"
)

// A minimal PNG writer for the generated cover: 4-bit palette, one IDAT.
//
// image/png spends most of a cover's time asking the image for each of its
// four million pixels through an interface and deflating every row, 80% of
// which repeat the row above (flat paper, the band, rules). Here rows are
// packed straight from Pix, and the zlib stream is built in segments: runs
// of rows that differ from their predecessor go through flate (klauspost),
// and long runs of repeated rows are written by hand as one small
// dynamic-Huffman block of distance-1 matches (deflate's cheapest code for
// a run), which costs no search at all. Each flate segment starts from an
// empty history (the decoder's window holds the hand-written rows, which
// flate cannot see) and ends with a sync flush, so the blocks can be
// interleaved. The result decodes to exactly the pixels of the image
// (TestPNGMatchesImagePNG) and is about as small as image/png's default.

// flateLevel is the compression level of the literal segments, with
// github.com/klauspost/compress/flate, which at level 5 is both faster and
// smaller here than compress/flate at 4 (measured on Never Let Me Go, CPU
// per cover: 4.3 ms and 23.2 KB with compress/flate level 4, 3.3 ms and
// 22.0 KB with this; level 6 is 3.6 ms and 21.4 KB).
const flateLevel = 5

// minRepeat is the fewest repeated rows worth a hand-written block (about
// 40 bytes of block header); shorter runs stay in the flate segment, which
// codes them as matches against the row above.
const minRepeat = 8

// encodePNG appends img, which must have at most 16 colours and an even
// width, as a PNG to dst.
func encodePNG(dst *bytes.Buffer, img *image.Paletted) error {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if w <= 0 || h <= 0 || w%2 != 0 {
		return encodeRows(dst, img.Palette, w, h, nil) // its error
	}
	n := 1 + w/2
	packed := make([]byte, h*n)
	for y := range h {
		pack(packed[y*n:(y+1)*n], img.Pix[y*img.Stride:y*img.Stride+w])
	}
	return encodeRows(dst, img.Palette, w, h, func(y int) []byte { return packed[y*n+1 : (y+1)*n] })
}

// encodeRows is encodePNG for an image given a row at a time: pix(y) is
// row y's w colour indexes packed two a byte, the first in the high
// nibble (as pack packs them), and is only read.
func encodeRows(dst *bytes.Buffer, pal color.Palette, w, h int, pix func(y int) []byte) error {
	return encodeWith(dst, pal, w, h, func(dst *bytes.Buffer) error { return writeZlib(dst, w, h, pix) })
}

// encodeWith is encodeRows with the image's zlib stream written by z.
func encodeWith(dst *bytes.Buffer, pal color.Palette, w, h int, z func(*bytes.Buffer) error) error {
	if len(pal) == 0 || len(pal) > 16 || w <= 0 || h <= 0 || w%2 != 0 {
		return errors.New("cover: encodePNG takes a 16-colour image of even width")
	}
	dst.Write([]byte("\x89PNG\r\n\x1a\n"))

	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 4, 3 // 4-bit, palette; compression, filter, interlace 0
	chunk(dst, "IHDR", ihdr[:])

	plte := make([]byte, 0, 3*len(pal))
	for _, c := range pal {
		r, g, b, a := c.RGBA()
		if a != 0xffff {
			return errors.New("cover: encodePNG takes opaque colours only")
		}
		plte = append(plte, uint8(r>>8), uint8(g>>8), uint8(b>>8))
	}
	chunk(dst, "PLTE", plte)

	// IDAT: length placeholder, type, zlib stream, CRC.
	start := dst.Len()
	dst.Write([]byte("\x00\x00\x00\x00IDAT"))
	if err := z(dst); err != nil {
		return err
	}
	data := dst.Bytes()[start+8:]
	binary.BigEndian.PutUint32(dst.Bytes()[start:], uint32(len(data)))
	crc := crc32.Update(crc32.ChecksumIEEE([]byte("IDAT")), crc32.IEEETable, data)
	dst.Write(binary.BigEndian.AppendUint32(nil, crc))

	chunk(dst, "IEND", nil)
	return nil
}

func chunk(dst *bytes.Buffer, typ string, data []byte) {
	var b [8]byte
	binary.BigEndian.PutUint32(b[:4], uint32(len(data)))
	copy(b[4:], typ)
	dst.Write(b[:])
	dst.Write(data)
	crc := crc32.Update(crc32.ChecksumIEEE(b[4:]), crc32.IEEETable, data)
	binary.BigEndian.PutUint32(b[:4], crc)
	dst.Write(b[:4])
}

// writeZlib writes the filtered rows pix(0) … pix(h-1) as one zlib stream.
func writeZlib(dst *bytes.Buffer, w, h int, pix func(y int) []byte) error {
	zlibStart(dst)
	ad := adler{a: 1}
	if err := deflateRows(dst, w, 0, h, pix, &ad); err != nil {
		return err
	}
	zlibEnd(dst, ad)
	return nil
}

func zlibStart(dst *bytes.Buffer) {
	dst.Write([]byte{0x78, 0x9c}) // deflate, 32 KB window, default level
}

// zlibEnd ends a zlib stream whose data has the Adler-32 ad: a final,
// empty fixed-Huffman block and the checksum.
func zlibEnd(dst *bytes.Buffer, ad adler) {
	dst.Write([]byte{0x03, 0x00})
	dst.Write(binary.BigEndian.AppendUint32(nil, ad.sum()))
}

// deflateRows appends the deflate blocks of the filtered rows pix(y0) …
// pix(y1-1) (packed, as encodeRows takes them) to dst, none of them
// final, and adds their bytes to ad.
//
// The blocks of a range depend on its rows alone: each flate segment
// starts from an empty history and ends byte-aligned, as each run block
// does. So the blocks of rows [0, h) are those of [0, s) followed by those
// of [s, h) whenever the segmenting below puts a boundary at s: when row
// s differs from row s-1 and the minRepeat rows before s each repeat the
// row above (a run block then ends at s, and a segment starts there).
// bands.go relies on this to reuse the blocks of a cover's label and
// reading time.
func deflateRows(dst *bytes.Buffer, w, y0, y1 int, pix func(y int) []byte, ad *adler) error {
	rowLen := 1 + w/2 // filter byte and packed pixels
	h := y1
	repeats := func(y int) bool { return y > y0 && bytes.Equal(pix(y), pix(y-1)) }

	// The writer is the EPUB's and PDF's (deflaters), at this level for
	// the cover: encoded before their files and streams, the cover
	// costs a one-guide build no writer of its own.
	fw := deflaters.GetLevel(dst, flateLevel)
	defer deflaters.Put(fw)
	row := make([]byte, rowLen)
	var bw bitWriter

	y := y0
	for y < h {
		// The literal segment: rows up to the next long run of repeats.
		end := y
		for end < h {
			if repeats(end) {
				n := 1
				for end+n < h && n < minRepeat && repeats(end+n) {
					n++
				}
				if n >= minRepeat {
					break
				}
				end += n
				continue
			}
			end++
		}
		if end > y {
			fw.Reset(dst)
			for ; y < end; y++ {
				copy(row[1:], pix(y)) // row[0], the filter byte, is None
				ad.update(row)
				if _, err := fw.Write(row); err != nil {
					return err
				}
			}
			if err := fw.Flush(); err != nil {
				return err
			}
		}
		if y == h {
			break
		}
		// The run of rows equal to row y-1.
		end = y
		for end < h && repeats(end) {
			end++
		}
		k := end - y
		zero := true
		for _, p := range pix(y) {
			if p != 0 {
				zero = false
				break
			}
		}
		bw.dynamicHeader()
		if zero {
			// Filter None: the rows, and the byte before them, are all
			// zeros: a single run.
			n := k * rowLen
			bw.run(n)
			ad.zeros(n)
		} else {
			// Filter Up: each row is 2 followed by zeros.
			for i := 0; i < k; i++ {
				bw.sym(2)
				bw.sym(0)
				bw.run(rowLen - 2)
				ad.byte(2)
				ad.zeros(rowLen - 1)
			}
		}
		bw.sym(256)
		bw.align() // an empty stored block, so the next segment is byte-aligned
		dst.Write(bw.out)
		bw.out = bw.out[:0]
		y = end
	}
	return nil
}

// pack writes the filter byte (None) and the 4-bit pixels of one row.
func pack(row, pix []byte) {
	row[0] = 0
	out := row[1:]
	i := 0
	// Eight pixels (one index a byte, each below 16) at a time: byte 2k
	// of v<<4 | v>>8 is p[2k]<<4 | p[2k+1].
	for ; i+4 <= len(out); i += 4 {
		v := binary.LittleEndian.Uint64(pix[2*i:]) & 0x0f0f0f0f0f0f0f0f
		t := v<<4 | v>>8
		out[i], out[i+1], out[i+2], out[i+3] = byte(t), byte(t>>16), byte(t>>32), byte(t>>48)
	}
	for ; i < len(out); i++ {
		out[i] = pix[2*i]<<4 | pix[2*i+1]&0x0f
	}
}

// adler is a running Adler-32 (RFC 1950), with shortcuts for runs.
type adler struct{ a, b uint32 }

const adlerMod = 65521

// update adds p's bytes (internal/adler's Update: a cover's literal
// rows, ~350 KB a guide).
func (s *adler) update(p []byte) { s.a, s.b = adler32.Update(s.a, s.b, p) }

func (s *adler) byte(c byte) {
	s.a = (s.a + uint32(c)) % adlerMod
	s.b = (s.b + s.a) % adlerMod
}

// zeros adds n zero bytes: a is unchanged and b gains n·a.
func (s *adler) zeros(n int) {
	s.b = uint32((uint64(s.b) + uint64(n)%adlerMod*uint64(s.a)) % adlerMod)
}

func (s *adler) sum() uint32 { return s.b<<16 | s.a }

// then is the Adler-32 of s's bytes followed by n bytes whose Adler-32
// alone is t (zlib's adler32_combine): a sum over each byte's position
// from the end, so s's part gains n·(s.a-1) in b.
func (s adler) then(t adler, n int) adler {
	rem := uint64(n % adlerMod)
	a := (uint64(s.a) + uint64(t.a) + adlerMod - 1) % adlerMod
	b := (uint64(s.b) + uint64(t.b) + rem*uint64(s.a) + adlerMod - rem) % adlerMod
	return adler{uint32(a), uint32(b)}
}

// The hand-written blocks use one fixed dynamic Huffman code, chosen for
// rows of zeros: a 258-byte match is one bit, its distance (1) one bit.
//
// literal/length code lengths: 285 (length 258): 1; literals 0 and 2 and
// code 270 (lengths 23–26, an Up row's remainder of 799 = 3·258+25): 3;
// end of block and codes 257–259: 7; the other length codes: 8. That is a
// complete code (1/2 + 3/8 + 4/128 + 24/256 = 1), as inflaters require.
// Distance codes 0 (distance 1) and 1 (distance 2, unused): 1 bit each.
var (
	litLens  [286]uint8
	litCodes [286]uint16 // bit-reversed, ready to write LSB first
)

func init() {
	litLens[0], litLens[2] = 3, 3
	for s := 256; s <= 284; s++ {
		litLens[s] = 8
	}
	for s := 256; s <= 259; s++ {
		litLens[s] = 7
	}
	litLens[270] = 3
	litLens[285] = 1
	// Canonical codes (RFC 1951 §3.2.2).
	var count [16]int
	for _, l := range litLens {
		count[l]++
	}
	count[0] = 0
	var next [16]int
	code := 0
	for l := 1; l < 16; l++ {
		code = (code + count[l-1]) << 1
		next[l] = code
	}
	for s, l := range litLens {
		if l != 0 {
			litCodes[s] = reverse(uint16(next[l]), l)
			next[l]++
		}
	}
	initMatches()
}

func reverse(c uint16, n uint8) uint16 {
	var r uint16
	for i := uint8(0); i < n; i++ {
		r = r<<1 | c&1
		c >>= 1
	}
	return r
}

// Length codes 257–285: base length and extra bits (RFC 1951 §3.2.5).
var (
	lenBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lenExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
)

type bitWriter struct {
	acc uint64
	n   uint
	out []byte
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.n
	w.n += n
	for w.n >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.n -= 8
	}
}

func (w *bitWriter) sym(s int) { w.bits(uint64(litCodes[s]), uint(litLens[s])) }

// matchBits is the bits of a match of each length 3–258 at distance 1,
// as written: its length code, the extra bits, and the distance code (0,
// one bit); matchLen is how many. A cover's runs are nearly all 258-byte
// matches (~8,000 a cover): looked up and written at once, where each
// searched lenBase for its code (~200 instructions a match) and was
// written in three pieces.
var (
	matchBits [259]uint16
	matchLen  [259]uint8
)

// initMatches fills matchBits and matchLen from litCodes and litLens.
func initMatches() {
	c := 0
	for l := 3; l < len(matchBits); l++ {
		for c+1 < len(lenBase) && int(lenBase[c+1]) <= l {
			c++
		}
		if l == 258 {
			c = 28 // 258 has a code of its own, not 284's five extra bits
		}
		s := 257 + c
		matchBits[l] = litCodes[s] | uint16(l-int(lenBase[c]))<<litLens[s]
		matchLen[l] = litLens[s] + lenExtra[c] + 1
	}
}

// match writes a match of length l (3–258) at distance 1.
func (w *bitWriter) match(l int) { w.bits(uint64(matchBits[l]), uint(matchLen[l])) }

// run writes n (≥ 3) copies of the previous byte.
func (w *bitWriter) run(n int) {
	for n > 0 {
		l := n
		switch {
		case n >= 261 || n == 258:
			l = 258
		case n > 258:
			l = n - 3
		}
		w.match(l)
		n -= l
	}
}

// dynamicHeader starts a (non-final) block with the code above.
func (w *bitWriter) dynamicHeader() {
	w.bits(0b100, 3) // BFINAL 0, BTYPE 10
	w.bits(29, 5)    // HLIT: 286 literal/length codes
	w.bits(1, 5)     // HDIST: 2 distance codes
	// Code length code: the eight symbols 16, 17, 18, 0, 8, 7, 3, 1 have
	// 3 bits each (a complete code); HCLEN covers the permuted order up
	// to symbol 1, the 18th.
	order := [...]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1}
	w.bits(uint64(len(order)-4), 4)
	var clLen [19]uint8
	for _, s := range []int{16, 17, 18, 0, 8, 7, 3, 1} {
		clLen[s] = 3
	}
	for _, s := range order {
		w.bits(uint64(clLen[s]), 3)
	}
	// Canonical 3-bit codes in symbol order: 0, 1, 3, 7, 8, 16, 17, 18.
	var clCode [19]uint16
	c := uint16(0)
	for s := range clLen {
		if clLen[s] != 0 {
			clCode[s] = reverse(c, 3)
			c++
		}
	}
	cl := func(s int) { w.bits(uint64(clCode[s]), 3) }
	lens := append(litLens[:len(litLens):len(litLens)], 1, 1)
	for i := 0; i < len(lens); {
		if lens[i] != 0 {
			cl(int(lens[i]))
			i++
			continue
		}
		z := 0
		for i+z < len(lens) && lens[i+z] == 0 {
			z++
		}
		i += z
		for z > 0 {
			switch {
			case z >= 11:
				n := min(z, 138)
				cl(18)
				w.bits(uint64(n-11), 7)
				z -= n
			case z >= 3:
				cl(17)
				w.bits(uint64(z-3), 3)
				z = 0
			default:
				cl(0)
				z--
			}
		}
	}
}

// align ends the hand-written part on a byte boundary with an empty
// stored block.
func (w *bitWriter) align() {
	w.bits(0, 3) // BFINAL 0, BTYPE 00
	if w.n > 0 {
		w.bits(0, 8-w.n)
	}
	w.out = append(w.out, 0x00, 0x00, 0xff, 0xff)
}
