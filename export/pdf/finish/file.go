package finish

import "fmt"

// file is the PDF Optimize writes. A document of ordinary length is one
// slice, sized once from what goes into it (seed: a 98 KB file in one
// allocation). A long one is written in chunks and joined at the end:
// sized up front it was fpdf's file plus every compressed stream (4 MiB of
// one-line sections: 171 MB for a 100 MB PDF), made beside fpdf's file,
// the structure tree and the compressed pages, the build's most live
// heap; in chunks, what is held while it is written is what has been
// written, and the one copy is made once fpdf's file and the structure
// tree are garbage.
//
// The chunks written are kept in a temporary file (spool) until they are
// joined, and the chunk's memory is written into again: the finishing
// pass then holds one chunk of the PDF, not all it has written (4 MiB of
// one-line sections: ~95 MB at its end). Where no temporary file can be
// written, they are kept in memory (done).
type file struct {
	b     []byte   // the chunk being written
	sp    *spool   // the chunks written before it, or the first of them
	done  [][]byte // the chunks written after those spooled, in order
	base  int      // the bytes spooled and in done
	chunk int      // a new chunk's capacity; 0: one slice, grown by append
}

// ChunkAbove is the estimated size (fpdf's file and the compressed
// streams) above which Optimize writes the PDF in chunks of ChunkSize
// bytes; a test lowers both to write every PDF so.
var (
	ChunkAbove = 16 << 20
	ChunkSize  = 4 << 20
)

// newFile is a file for an estimated capacity bytes.
func newFile(capacity int) *file {
	if capacity <= ChunkAbove {
		return &file{b: make([]byte, 0, capacity)}
	}
	return &file{b: make([]byte, 0, ChunkSize), chunk: ChunkSize, sp: newSpool()}
}

// len is the file's length so far: the offset of what is written next.
func (f *file) len() int { return f.base + len(f.b) }

// room makes sure the chunk has n more bytes of room, starting a new one
// if not, so that an object is never copied by a chunk's growing. (An
// underestimate only costs that copy.)
func (f *file) room(n int) {
	if f.chunk == 0 || cap(f.b)-len(f.b) >= n {
		return
	}
	if len(f.b) > 0 {
		f.base += len(f.b)
		// The spool holds a first run of chunks, done the rest: once a
		// write fails, it takes no more.
		if _, ok := f.sp.add(f.b); ok {
			if cap(f.b) >= n {
				f.b = f.b[:0] // written out: the chunk is free again
				return
			}
		} else {
			f.done = append(f.done, f.b)
		}
	}
	f.b = make([]byte, 0, max(f.chunk, n))
}

// bytes is the whole file, the chunks joined (each let go once copied).
func (f *file) bytes() ([]byte, error) {
	defer f.close()
	if f.base == 0 {
		return f.b, nil
	}
	out := make([]byte, f.len())
	n := 0
	if f.sp != nil && f.sp.size > 0 {
		n = int(f.sp.size)
		if err := f.sp.readAt(out[:n], 0); err != nil {
			return nil, fmt.Errorf("pdf: reading back the file written: %w", err)
		}
	}
	for i := range f.done {
		n += copy(out[n:], f.done[i])
		f.done[i] = nil
	}
	copy(out[n:], f.b)
	return out, nil
}

// close lets go of the spool, if any; it may be called more than once.
func (f *file) close() {
	f.sp.close()
	f.sp = nil
}
