package finish

import (
	"errors"
	"io"
	"os"
)

// A long document's bytes that are written once and read once later, in
// order, are kept in a temporary file rather than in memory: the pages'
// compressed content streams (PageStreams, from their drawing to the
// finishing pass) and the finished PDF's chunks (file, until they are
// joined). The finishing pass held both beside the structure tree and
// fpdf's file, and the collector let the heap grow to twice what was live:
// 4 MiB of one-line sections made ~48 MB of compressed pages and a 100 MB
// PDF. The operating system's page cache holds them instead, and may write
// them out; the process reads each back when it needs it. The file is
// removed as soon as it is made (where the system allows: it then has no
// name to leave behind, even after SIGKILL) and closed when done.
//
// A spool that cannot be made or written to is not an error: what would
// have gone to it stays in memory (the caller keeps it), as before.
//
// Writes and reads go through buffers of spoolBuf bytes: a page's stream
// is a few hundred bytes, and 195,699 of them written and read one
// system call each cost ~1.3 s of system time.
type spool struct {
	f    spoolFile
	name string // the file's name while it could not be removed yet
	size int64  // the bytes added, written or in w
	err  error  // the first error; the spool takes no more once set
	w    []byte // added, not yet written: the file's bytes from size-len(w)
	r    []byte // read ahead: the file's bytes from roff
	roff int64
}

// spoolFile is what a spool needs of its file (an *os.File; a test's
// file fails its writes).
type spoolFile interface {
	io.ReaderAt
	io.WriterAt
	io.Closer
}

// spoolBuf is the size of a spool's write and read buffers.
const spoolBuf = 256 << 10

// newSpool makes a spool in os.TempDir() ($TMPDIR), or returns nil when
// no temporary file can be made there (the caller keeps its bytes in
// memory).
func newSpool() *spool {
	f, err := os.CreateTemp("", ".guidepress-spool-*")
	if err != nil {
		return nil
	}
	s := &spool{f: f}
	if os.Remove(f.Name()) != nil { // Windows: not while it is open
		s.name = f.Name()
	}
	return s
}

// add appends b and returns its offset; ok is false (and nothing is
// kept) once writing has failed: the caller then keeps b itself.
func (s *spool) add(b []byte) (off int64, ok bool) {
	if s == nil || s.err != nil {
		return 0, false
	}
	if len(s.w)+len(b) > spoolBuf && !s.flush() {
		return 0, false
	}
	off = s.size
	if len(b) >= spoolBuf { // a chunk of the PDF: written as it is
		if !s.write(b, off) {
			return 0, false
		}
	} else {
		if s.w == nil {
			s.w = make([]byte, 0, spoolBuf)
		}
		s.w = append(s.w, b...)
	}
	s.size += int64(len(b))
	return off, true
}

// flush writes what add has buffered.
func (s *spool) flush() bool {
	if len(s.w) == 0 {
		return true
	}
	if !s.write(s.w, s.size-int64(len(s.w))) {
		return false
	}
	s.w = s.w[:0]
	return true
}

// write writes b at off, recording a failure.
func (s *spool) write(b []byte, off int64) bool {
	n, err := s.f.WriteAt(b, off)
	if err == nil && n != len(b) {
		err = io.ErrShortWrite
	}
	if err != nil {
		s.err = err
		return false
	}
	return true
}

// readAt fills p with the bytes added at off.
//
// Small reads (a page's stream) are served from a buffer read ahead:
// they come in the order they were added.
//
// A failed write ($TMPDIR full) does not lose what was added before it:
// what was written is read from the file, and what add had buffered and
// could not write stays in w and is read from there. Reads had returned
// the write's error, and the PDF build failed where memory would have
// done (4 MiB sections with $TMPDIR full: "reading back page 1's
// content: … no space left on device").
func (s *spool) readAt(p []byte, off int64) error {
	if s == nil {
		return errors.New("no spool")
	}
	if off < 0 || off+int64(len(p)) > s.size {
		return errors.New("read past the spool's end")
	}
	if s.err == nil {
		s.flush() // a failure keeps w
	}
	written := s.size - int64(len(s.w))
	if off >= written {
		copy(p, s.w[off-written:])
		return nil
	}
	if end := off + int64(len(p)); end > written { // the file's end, then w
		copy(p[written-off:], s.w[:end-written])
		p = p[:written-off]
	}
	if len(p) >= spoolBuf/4 {
		_, err := s.f.ReadAt(p, off)
		return err
	}
	if off < s.roff || off+int64(len(p)) > s.roff+int64(len(s.r)) {
		if s.r == nil {
			s.r = make([]byte, spoolBuf)
		}
		s.r = s.r[:min(int64(cap(s.r)), written-off)]
		if _, err := s.f.ReadAt(s.r, off); err != nil {
			s.r = s.r[:0]
			return err
		}
		s.roff = off
	}
	copy(p, s.r[off-s.roff:])
	return nil
}

// close closes (and if need be removes) the file. It may be called more
// than once, and on nil.
func (s *spool) close() {
	if s == nil || s.f == nil {
		return
	}
	s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
	s.f, s.w, s.r = nil, nil, nil
}

// copyTo writes everything added to dst, from dst's offset. What was
// written goes from file to file in the kernel (os.File.ReadFrom:
// copy_file_range where the file systems allow it, else through a
// buffer); what add had buffered (or could not write) follows.
func (s *spool) copyTo(dst *os.File) error {
	if s.err == nil {
		s.flush() // a failure keeps w
	}
	written := s.size - int64(len(s.w))
	if written > 0 {
		var src io.Reader
		if f, ok := s.f.(*os.File); ok {
			if _, err := f.Seek(0, io.SeekStart); err != nil {
				return err
			}
			src = f
		} else {
			src = io.NewSectionReader(s.f, 0, written)
		}
		n, err := dst.ReadFrom(&io.LimitedReader{R: src, N: written})
		if err == nil && n != written {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
	}
	_, err := dst.Write(s.w)
	return err
}
