package finish

import (
	"errors"
	"fmt"
	"os"
)

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

// Spilled is a finished PDF whose first chunks are in the spool: the
// caller copies it to its output (CopyTo), which for the chunks spooled
// is a copy between files that the kernel makes (copy_file_range), and
// then closes it. Joined (bytes), the same file was made whole in memory
// once more, read back from the spool and written out (4 MiB of one-line
// sections: 100 MB).
type Spilled struct {
	sp   *spool
	done [][]byte
	b    []byte
	size int64
}

// spilled is the file as a Spilled, or nil when nothing of it is in the
// spool (it is then bytes). The file is not used after.
func (f *file) spilled() *Spilled {
	if f.sp == nil || f.sp.size == 0 {
		return nil
	}
	s := &Spilled{sp: f.sp, done: f.done, b: f.b, size: int64(f.len())}
	f.sp, f.done, f.b = nil, nil, nil
	return s
}

// Size is the PDF's length.
func (s *Spilled) Size() int64 { return s.size }

// Head is the PDF's first n bytes (or fewer, as many as it has).
func (s *Spilled) Head(n int) ([]byte, error) {
	if s.sp == nil {
		return nil, errors.New("pdf: the finished file was let go")
	}
	n = int(min(int64(n), s.sp.size))
	p := make([]byte, n)
	if err := s.sp.readAt(p, 0); err != nil {
		return nil, fmt.Errorf("pdf: reading back the file written: %w", err)
	}
	return p, nil
}

// CopyTo writes the PDF to f from its offset.
func (s *Spilled) CopyTo(f *os.File) error {
	if s.sp == nil {
		return errors.New("pdf: the finished file was let go")
	}
	if err := s.sp.copyTo(f); err != nil {
		return err
	}
	for _, d := range s.done {
		if _, err := f.Write(d); err != nil {
			return err
		}
	}
	_, err := f.Write(s.b)
	return err
}

// Close lets go of the spool and the chunks; it may be called more than
// once.
func (s *Spilled) Close() {
	s.sp.close()
	s.sp, s.done, s.b = nil, nil, nil
}
