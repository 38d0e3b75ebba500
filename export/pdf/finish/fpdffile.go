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
// Parts packed as fpdf cut them (Packed) are read back (or inflated) one
// at a time.
type fpdfFile struct {
	parts  [][]byte // the parts held as written; nil for a packed or dropped one
	packed [][]byte // the parts held deflated (Packed); nil for the others
	sp     *spool   // the parts Packed spooled
	at1    []int64  // each part's offset in sp + 1; 0 for one not there
	base   []int    // each part's offset in the file
	lens   []int    // each part's length
	size   int

	cur int    // the packed part read into buf, or -1
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
	return packedFpdfFile(&Packed{}, parts)
}

// packedFpdfFile is the file of the parts pk packed followed by the
// parts rest, held as written. pk is not used after.
func packedFpdfFile(pk *Packed, rest [][]byte) *fpdfFile {
	packed, lens := pk.z, pk.lens
	n := len(packed) + len(rest)
	f := &fpdfFile{parts: make([][]byte, n), packed: make([][]byte, n), at1: make([]int64, n), base: make([]int, n), lens: make([]int, n), cur: -1, sp: pk.sp}
	copy(f.packed, packed)
	copy(f.at1, pk.at1)
	copy(f.lens, lens)
	f.marked, f.marks = pk.marked, pk.marks
	*pk = Packed{}
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
	if p == nil && f.packedPart(i) {
		if err := f.unpack(i); err != nil {
			return nil, err
		}
		p = f.buf
	}
	if len(p) != f.lens[i] {
		return nil, fmt.Errorf("part %d of fpdf's file is no longer held", i)
	}
	return p[off-f.base[i] : end-f.base[i]], nil
}

// packedPart reports whether part i is held by Packed (spooled or
// deflated) and not dropped.
func (f *fpdfFile) packedPart(i int) bool { return f.packed[i] != nil || f.at1[i] > 0 }

// unpack reads packed part i into buf: from the spool, or inflated.
func (f *fpdfFile) unpack(i int) error {
	if f.cur == i {
		return nil
	}
	f.cur = -1
	if cap(f.buf) < f.lens[i] {
		f.buf = make([]byte, f.lens[i])
	}
	f.buf = f.buf[:f.lens[i]]
	if f.at1[i] > 0 {
		if err := f.sp.readAt(f.buf, f.at1[i]-1); err != nil {
			return fmt.Errorf("reading back part %d of fpdf's file: %w", i, err)
		}
		f.cur = i
		return nil
	}
	src := bytes.NewReader(f.packed[i])
	if f.zr == nil {
		f.zr = flate.NewReader(src)
	} else if err := f.zr.(flate.Resetter).Reset(src, nil); err != nil {
		return err
	}
	if _, err := io.ReadFull(f.zr, f.buf); err != nil {
		return fmt.Errorf("inflating part %d of fpdf's file: %w", i, err)
	}
	f.cur = i
	return nil
}

// drop lets go of the parts before the one that holds byte off (never
// the last, which holds the trailer).
func (f *fpdfFile) drop(off int) {
	for i := f.part(off) - 1; i >= 0 && (f.parts[i] != nil || f.packedPart(i)); i-- {
		f.parts[i], f.packed[i], f.at1[i] = nil, nil, 0
	}
}

// close lets go of the spool, if any; it may be called more than once.
func (f *fpdfFile) close() {
	f.sp.close()
	f.sp = nil
	clear(f.at1)
}

// Packed is fpdf's file of a long document kept out of memory, part by
// part, as fpdf cuts it (fpdf.SetOutputChunks with Add as the sink):
// Optimize reads it one part at a time. Its page, link and outline
// dictionaries (4 MiB of one-line sections: 124 MB of them, written at
// once when fpdf closes the document) were the build's most live heap.
// The parts go to a temporary file (spool) and are read back once each;
// where none can be written they are kept deflated at the fastest level,
// about a tenth of their size, as all were before: deflated and inflated,
// 4 MiB of one-line sections' 106 MB of parts cost ~2.3% of the build's
// instructions, written and read back a copy in the kernel each way.
//
// Add also notes where the page objects start (pageMark): the finishing
// pass must know the pages before it copies anything (the page tree and
// the object numbers after fpdf's depend on them), and it inflated every
// part twice to find them (4 MiB of one-line sections: 124 MB).
type Packed struct {
	z      [][]byte // the parts deflated; nil for one spooled
	at1    []int64  // each part's offset in sp + 1; 0 for one deflated
	sp     *spool
	tried  bool // whether a spool was made (sp: nil if it could not be)
	lens   []int
	zw     *flate.Writer
	buf    bytes.Buffer
	size   int // the parts' length so far
	marks  []pageMark
	marked bool // marks are the parts' pages (Add)
}

// Add keeps part, the next of fpdf's file: in the spool, or deflated.
func (pk *Packed) Add(part []byte) {
	pk.mark(part)
	pk.marked = true
	pk.lens = append(pk.lens, len(part))
	pk.size += len(part)
	if !pk.tried {
		pk.sp, pk.tried = newSpool(), true
	}
	if off, ok := pk.sp.add(part); ok {
		pk.z = append(pk.z, nil)
		pk.at1 = append(pk.at1, off+1)
		return
	}
	pk.at1 = append(pk.at1, 0)
	pk.buf.Reset()
	if pk.zw == nil {
		pk.zw, _ = flate.NewWriter(&pk.buf, flate.BestSpeed) // a valid level
	} else {
		pk.zw.Reset(&pk.buf)
	}
	pk.zw.Write(part) // writes to a bytes.Buffer cannot fail
	pk.zw.Close()
	pk.z = append(pk.z, bytes.Clone(pk.buf.Bytes()))
}

// Close lets go of the spool of a Packed not given to OptimizePacked (a
// build that failed before); it may be called more than once.
func (pk *Packed) Close() {
	pk.sp.close()
	pk.sp = nil
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
