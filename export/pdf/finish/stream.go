package finish

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/export/pdf/fontembed"
	"github.com/klauspost/compress/flate"
)

// Pages are compressed as they are drawn. fpdf keeps every page's content
// stream, uncompressed, until Output writes the whole file, uncompressed
// again, for optimize to read: for a long guide (a 4 MiB guide is 5,000 to
// 195,000 pages) that was two copies of hundreds of megabytes beside the
// layout. Instead, once a page is drawn its content is taken out of fpdf,
// compacted and compressed as optimize would, and fpdf is left an empty
// stream, which optimize replaces with the compressed one: fpdf's output
// holds only the dictionaries, and the bytes of the PDF are the same.
//
// fpdf has no call that gives a page's content, so the page buffers are
// read from its unexported field; fpdfPages checks once that the field is
// there with the type v0.12.0 gives it, and without it the pages stay in
// fpdf and optimize compresses them as before (TestStreamedPages fails
// then, rather than the memory bound going unnoticed).
var fpdfPagesOffset = func() uintptr {
	f, ok := reflect.TypeFor[fpdf.Fpdf]().FieldByName("pages")
	if !ok || f.Type != reflect.TypeFor[[]*bytes.Buffer]() {
		return 0
	}
	return f.Offset
}()

// fpdfPage is the content buffer of p's page n (1-based), or nil when it
// cannot be read.
func fpdfPage(p *fpdf.Fpdf, n int) *bytes.Buffer {
	if fpdfPagesOffset == 0 {
		return nil
	}
	pages := *(*[]*bytes.Buffer)(unsafe.Add(unsafe.Pointer(p), fpdfPagesOffset))
	if n <= 0 || n >= len(pages) {
		return nil
	}
	return pages[n]
}

// PageStreams holds the compressed content stream of every page taken
// from fpdf, by page index (0-based), and the fonts' streams.
//
// The compressing is done on a goroutine of its own, beside the drawing:
// in a one-guide build the drawing is the end of the longest path (the
// EPUB, made beside the PDF, is done sooner), and the deflating, a third
// of the drawing's time, then runs on the core the EPUB leaves idle. In a
// batch, where every core is busy, it costs only a handover per page.
// What is compressed, and how, is the same whatever the timing: each
// stream with its own reset compressor, stored by its page's index.
type PageStreams struct {
	jobs chan pageJob
	done chan struct{}
	// free are page buffers the worker has read, which Start gives fpdf
	// for the pages that follow: a page's content grows by doubling from
	// nothing, so a fresh buffer per page allocated about twice its size
	// (seed: ~0.5 MB a build, all of it fresh memory in a one-guide build).
	free chan []byte

	// sp, when Spool made it, keeps the compressed pages in place of z:
	// page i's is spooled[i] in it. A page the spool could not take is
	// kept in z all the same.
	// fast, when Fast made it, compresses the pages at pageLevel.
	fast *flate.Writer

	sp      *spool
	spooled []spooled
	rbuf    []byte // the page read back last (stream)
	held    int64  // the compressed pages' bytes kept in z, ever (Kept)

	// Written by the worker, read once done is closed.
	z         [][]byte
	fontZ     [][2][]byte // each face's compressed CIDToGIDMap and file
	toUnicode []byte      // the shared ToUnicode map, compressed
	err       error       // a panic of the worker's
	zw        *zwriter    // the worker's compressor, for Optimize

	fonts        []fontembed.Font // given by Fonts, for the worker
	toUnicodeRaw []byte
}

// A pageJob is page i's content as fpdf wrote it, or the fonts (i < 0).
type pageJob struct {
	i    int
	data []byte
}

// pageQueue is how many drawn pages may wait for the worker: enough that
// drawing rarely waits, few enough that the pages waiting hold little
// memory (the drawing waits when the worker has no core).
const pageQueue = 8

func NewPageStreams() *PageStreams {
	if fpdfPagesOffset == 0 {
		return nil
	}
	s := &PageStreams{jobs: make(chan pageJob, pageQueue), done: make(chan struct{}), free: make(chan []byte, pageQueue)}
	go s.work(s.jobs)
	return s
}

func (s *PageStreams) work(jobs <-chan pageJob) {
	defer close(s.done)
	zw := zpool.Get().(*zwriter)
	// Optimize, on another goroutine and likely another P, takes the
	// compressor over (writer): a sync.Pool gives it back only to this P.
	defer func() { s.zw = zw }()
	var scratch []byte
	defer func() {
		if p := recover(); p != nil {
			s.err = fmt.Errorf("pdf: internal error compressing streams (please report it): %v", p)
			for range jobs { // let the drawing finish; Optimize reports the error
			}
		}
	}()
	for j := range jobs {
		if j.i < 0 {
			s.fontZ = make([][2][]byte, len(s.fonts))
			for k := range s.fonts {
				s.fontZ[k] = [2][]byte{
					bytes.Clone(zw.compress(s.fonts[k].CIDToGIDMap())),
					bytes.Clone(zw.compress(s.fonts[k].File())),
				}
			}
			s.toUnicode = bytes.Clone(zw.compress(s.toUnicodeRaw))
			continue
		}
		scratch = compactText(scratch[:0], j.data)
		select {
		case s.free <- j.data[:0]: // read whole: fpdf may write the next page into it
		default:
		}
		for len(s.z) < j.i {
			s.z = append(s.z, nil)
		}
		z := zw.compressPage(s.fast, scratch)
		if s.sp != nil {
			for len(s.spooled) < j.i {
				s.spooled = append(s.spooled, spooled{})
			}
			if off, ok := s.sp.add(z); ok {
				s.spooled = append(s.spooled, spooled{off: off, n: int32(len(z))})
				s.z = append(s.z, nil)
				continue
			}
			s.spooled = append(s.spooled, spooled{})
		}
		s.z = append(s.z, bytes.Clone(z))
		s.held += int64(len(z))
	}
}

// spooled is where a page's compressed content lies in the spool; n is 0
// for a page that is not there.
type spooled struct {
	off int64
	n   int32
}

// Spool has the worker keep the compressed pages that follow in a
// temporary file rather than in memory (a long document's: see spool),
// until the finishing pass copies each. It must be called before the
// first page is taken (Take).
func (s *PageStreams) Spool() {
	if s == nil || s.sp != nil {
		return
	}
	s.sp = newSpool()
}

// Fast has the worker compress the pages of a document of pages pages
// as Optimize would (FastPagesAbove: a long document's at pageLevel). It
// must be called before the first page is taken (Take).
func (s *PageStreams) Fast(pages int) {
	if s == nil {
		return
	}
	s.fast = pageWriter(pages)
}

// Kept is how many bytes of compressed page content the streams kept in
// memory and how many they gave the spool, over the whole build: counts,
// where the live heap a test could measure instead moves with the load
// (the pages queued for the worker, the buffers it has not handed back).
// It waits for the worker (Done).
func (s *PageStreams) Kept() (memory, spooled int64) {
	if s == nil {
		return 0, 0
	}
	s.Done()
	if s.sp != nil {
		spooled = s.sp.size
	}
	return s.held, spooled
}

// Close is Done, and lets go of the spool: the streams are not read
// after. It may be called more than once.
func (s *PageStreams) Close() {
	if s == nil {
		return
	}
	s.Done()
	s.sp.close()
}

// size is the compressed pages' length.
func (s *PageStreams) size() int {
	n := 0
	for _, z := range s.z {
		n += len(z)
	}
	for _, p := range s.spooled {
		n += int(p.n)
	}
	return n
}

// Fonts has the worker compress the fonts' streams (fontembed.UsedFaces:
// the faces and their shared ToUnicode map), which Optimize would
// otherwise compress at the end; fs and toUnicode are only read.
func (s *PageStreams) Fonts(fs []fontembed.Font, toUnicode []byte) {
	if s == nil || len(fs) == 0 {
		return
	}
	s.fonts, s.toUnicodeRaw = fs, toUnicode
	s.jobs <- pageJob{i: -1}
}

// Take hands the content fpdf holds for its current page, the layout's
// page i, to the worker, and empties fpdf's buffer.
func (s *PageStreams) Take(p *fpdf.Fpdf, i int) {
	if s == nil {
		return
	}
	buf := fpdfPage(p, p.PageNo())
	if buf == nil {
		return
	}
	data := buf.Bytes()
	*buf = bytes.Buffer{} // fpdf writes no more to data: the worker has it
	s.jobs <- pageJob{i: i, data: data}
}

// Start gives fpdf's page just added (AddPage) a page buffer the worker
// has read, if there is one, holding what AddPage wrote to the page.
func (s *PageStreams) Start(p *fpdf.Fpdf) {
	if s == nil {
		return
	}
	buf := fpdfPage(p, p.PageNo())
	if buf == nil {
		return
	}
	select {
	case b := <-s.free:
		*buf = *bytes.NewBuffer(append(b, buf.Bytes()...))
	default:
	}
}

// Done waits for the worker; the streams stay for Optimize. It may be
// called more than once.
func (s *PageStreams) Done() {
	if s == nil || s.jobs == nil {
		return
	}
	close(s.jobs)
	s.jobs = nil
	<-s.done
}

// writer is the compressor for Optimize: the worker's, once it is done,
// or one from the pool. Optimize puts it back.
func (s *PageStreams) writer() *zwriter {
	if s != nil && s.zw != nil {
		zw := s.zw
		s.zw = nil
		return zw
	}
	return zpool.Get().(*zwriter)
}

// stream is page i's compressed content, once: optimize writes it and
// lets it go. ok is false for a page whose content is still in fpdf's
// output.
//
// A spooled page is read back into a buffer that the next call reuses;
// err is a failure to read it.
func (s *PageStreams) stream(i int) (z []byte, ok bool, err error) {
	if s == nil || i >= len(s.z) {
		return nil, false, nil
	}
	if i < len(s.spooled) && s.spooled[i].n > 0 {
		p := s.spooled[i]
		s.spooled[i] = spooled{}
		s.rbuf = slices.Grow(s.rbuf[:0], int(p.n))[:p.n]
		if err := s.sp.readAt(s.rbuf, p.off); err != nil {
			return nil, false, fmt.Errorf("pdf: reading back page %d's content: %w", i+1, err)
		}
		return s.rbuf, true, nil
	}
	if s.z[i] == nil {
		return nil, false, nil
	}
	z, s.z[i] = s.z[i], nil
	return z, true, nil
}

// toUnicodeZ is the shared ToUnicode map, compressed by the worker, or
// nil.
func (s *PageStreams) toUnicodeZ() []byte {
	if s == nil {
		return nil
	}
	return s.toUnicode
}

// fontStreams are face k's compressed CIDToGIDMap and file, once, and ok
// when the worker compressed them.
func (s *PageStreams) fontStreams(k int) (cidMap, file []byte, ok bool) {
	if s == nil || k >= len(s.fontZ) {
		return nil, nil, false
	}
	z := s.fontZ[k]
	s.fontZ[k] = [2][]byte{}
	return z[0], z[1], z[1] != nil
}
