package finish

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/klauspost/compress/flate"
)

// fpdfFile is the file fpdf wrote, in the parts it gave them
// (fpdf.OutputChunks): each object lies in one part, so that an object's
// bytes are a slice of its part, and Optimize lets go of the parts it has
// copied (a 4 MiB guide of one-line sections: ~100 MB of dictionaries
// that were held whole until the end, beside the file being written).
// Parts packed as fpdf cut them (Packed) are inflated one at a time when
// read.
type fpdfFile struct {
	parts  [][]byte // the parts held as written; nil for a packed or dropped one
	packed [][]byte // the parts held deflated (Packed); nil for the others
	base   []int    // each part's offset in the file
	lens   []int    // each part's length
	size   int

	cur int    // the packed part inflated into buf, or -1
	buf []byte // that part
	zr  io.ReadCloser

	// marked: marks are the packed parts' page objects (Packed.Add),
	// which indexPages reads instead of inflating those parts.
	marked bool
	marks  []pageMark
}

// pageMark is where Packed.Add saw a page object start in a part: at is
// the file offset of " 0 obj\n<</Type /Page\n" (after the object's
// number), and contents the number after the first "\n/Contents " that
// follows, whose space ends at end (contents -1: none, or not a number).
type pageMark struct {
	at, end  int
	contents int
}

func newFpdfFile(parts [][]byte) *fpdfFile {
	return packedFpdfFile(nil, nil, parts)
}

// packedFpdfFile is the file of the packed parts (of lengths lens)
// followed by the parts rest, held as written.
func packedFpdfFile(packed [][]byte, lens []int, rest [][]byte) *fpdfFile {
	n := len(packed) + len(rest)
	f := &fpdfFile{parts: make([][]byte, n), packed: make([][]byte, n), base: make([]int, n), lens: make([]int, n), cur: -1}
	copy(f.packed, packed)
	copy(f.lens, lens)
	for i, p := range rest {
		f.parts[len(packed)+i], f.lens[len(packed)+i] = p, len(p)
	}
	for i := range f.lens {
		f.base[i] = f.size
		f.size += f.lens[i]
	}
	return f
}

// part is the index of the part that holds byte off.
func (f *fpdfFile) part(off int) int {
	return sort.Search(len(f.lens), func(i int) bool { return f.base[i]+f.lens[i] > off })
}

// within reports whether bytes off to end lie in one part.
func (f *fpdfFile) within(off, end int) bool {
	if off < 0 || end < off || end > f.size {
		return false
	}
	if off == end {
		return true
	}
	i := f.part(off)
	return i < len(f.lens) && end <= f.base[i]+f.lens[i]
}

// at is bytes off to end, which lie in one part (within). Bytes of a
// packed part are valid until another packed part is read.
func (f *fpdfFile) at(off, end int) ([]byte, error) {
	if off == end {
		return nil, nil
	}
	i := f.part(off)
	p := f.parts[i]
	if p == nil && f.packed[i] != nil {
		if err := f.inflate(i); err != nil {
			return nil, err
		}
		p = f.buf
	}
	if len(p) != f.lens[i] {
		return nil, fmt.Errorf("part %d of fpdf's file is no longer held", i)
	}
	return p[off-f.base[i] : end-f.base[i]], nil
}

// inflate reads packed part i into buf.
func (f *fpdfFile) inflate(i int) error {
	if f.cur == i {
		return nil
	}
	f.cur = -1
	src := bytes.NewReader(f.packed[i])
	if f.zr == nil {
		f.zr = flate.NewReader(src)
	} else if err := f.zr.(flate.Resetter).Reset(src, nil); err != nil {
		return err
	}
	if cap(f.buf) < f.lens[i] {
		f.buf = make([]byte, f.lens[i])
	}
	f.buf = f.buf[:f.lens[i]]
	if _, err := io.ReadFull(f.zr, f.buf); err != nil {
		return fmt.Errorf("inflating part %d of fpdf's file: %w", i, err)
	}
	f.cur = i
	return nil
}

// drop lets go of the parts before the one that holds byte off (never
// the last, which holds the trailer).
func (f *fpdfFile) drop(off int) {
	for i := f.part(off) - 1; i >= 0 && (f.parts[i] != nil || f.packed[i] != nil); i-- {
		f.parts[i], f.packed[i] = nil, nil
	}
}

// Packed is fpdf's file of a long document kept deflated, part by part,
// as fpdf cuts it (fpdf.SetOutputChunks with Add as the sink): Optimize
// reads it one part at a time. Its page, link and outline dictionaries
// repeat themselves (4 MiB of one-line sections: 124 MB of them, written
// at once when fpdf closes the document, the build's most live heap);
// deflated at the fastest level they take about a tenth of that.
//
// Add also notes where the page objects start (pageMark): the finishing
// pass must know the pages before it copies anything (the page tree and
// the object numbers after fpdf's depend on them), and it inflated every
// part twice to find them (4 MiB of one-line sections: 124 MB).
type Packed struct {
	z     [][]byte
	lens  []int
	zw    *flate.Writer
	buf   bytes.Buffer
	size  int // the parts' length so far
	marks []pageMark
}

// Add keeps a deflated copy of part, the next of fpdf's file.
func (pk *Packed) Add(part []byte) {
	pk.mark(part)
	pk.buf.Reset()
	if pk.zw == nil {
		pk.zw, _ = flate.NewWriter(&pk.buf, flate.BestSpeed) // a valid level
	} else {
		pk.zw.Reset(&pk.buf)
	}
	pk.zw.Write(part) // writes to a bytes.Buffer cannot fail
	pk.zw.Close()
	pk.z = append(pk.z, bytes.Clone(pk.buf.Bytes()))
	pk.lens = append(pk.lens, len(part))
	pk.size += len(part)
}

// mark notes the page objects that may start in part: every place a
// page's dictionary follows an object's header, which indexPages takes
// for a page only where the header is one the file's table has an
// object at (a string holding the same bytes is not).
func (pk *Packed) mark(part []byte) {
	const key = "\n/Contents "
	pat := []byte(" 0 obj\n" + pageDict)
	for i := 0; ; {
		j := bytes.Index(part[i:], pat)
		if j < 0 {
			return
		}
		j += i
		m := pageMark{at: pk.size + j, contents: -1}
		if k := bytes.Index(part[j:], []byte(key)); k >= 0 {
			num := part[j+k+len(key):]
			if sp := bytes.IndexByte(num, ' '); sp >= 0 {
				if n, err := strconv.Atoi(string(num[:sp])); err == nil {
					m.contents, m.end = n, pk.size+j+k+len(key)+sp
				}
			}
		}
		pk.marks = append(pk.marks, m)
		i = j + len(pat)
	}
}
