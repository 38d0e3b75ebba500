package finish

import (
	"bytes"
	"reflect"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
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
// from fpdf, by page index (0-based).
type PageStreams struct {
	z       [][]byte
	zw      *zwriter
	scratch []byte
}

func NewPageStreams() *PageStreams {
	if fpdfPagesOffset == 0 {
		return nil
	}
	return &PageStreams{zw: zpool.Get().(*zwriter)}
}

// Take compresses the content fpdf holds for its current page, the
// layout's page i, and empties fpdf's buffer.
func (s *PageStreams) Take(p *fpdf.Fpdf, i int) {
	if s == nil {
		return
	}
	buf := fpdfPage(p, p.PageNo())
	if buf == nil {
		return
	}
	s.scratch = compactText(s.scratch[:0], buf.Bytes())
	for len(s.z) < i {
		s.z = append(s.z, nil)
	}
	s.z = append(s.z, bytes.Clone(s.zw.compress(s.scratch)))
	*buf = bytes.Buffer{} // its memory too
}

// Done returns the compressor; the streams stay for optimize.
func (s *PageStreams) Done() {
	if s != nil && s.zw != nil {
		zpool.Put(s.zw)
		s.zw = nil
		s.scratch = nil
	}
}

// stream is page i's compressed content, once: optimize writes it and
// lets it go. ok is false for a page whose content is still in fpdf's
// output.
func (s *PageStreams) stream(i int) (z []byte, ok bool) {
	if s == nil || i >= len(s.z) || s.z[i] == nil {
		return nil, false
	}
	z, s.z[i] = s.z[i], nil
	return z, true
}
