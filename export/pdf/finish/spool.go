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
type spool struct {
	f    *os.File
	name string // the file's name while it could not be removed yet
	size int64
	err  error // the first error; the spool takes no more once set
}

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
	n, err := s.f.WriteAt(b, s.size)
	if err == nil && n != len(b) {
		err = io.ErrShortWrite
	}
	if err != nil {
		s.err = err
		return 0, false
	}
	off = s.size
	s.size += int64(n)
	return off, true
}

// readAt fills p with the bytes added at off.
func (s *spool) readAt(p []byte, off int64) error {
	if s == nil {
		return errors.New("no spool")
	}
	_, err := s.f.ReadAt(p, off)
	return err
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
	s.f = nil
}
