package epub

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/xml"
	"fmt"
	"github.com/guidepress/guidepress/export/cover"
	"hash/crc32"
	"io"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/guidepress/guidepress/internal/deflaters"
	"github.com/klauspost/compress/flate"
)

// The container, written in one pass: the content documents (the bodies
// planned in build.go inside the skeleton below), the stylesheet, images
// and fonts (resources), the navigation document and NCX, the package
// document, zipped deterministically. The documents and container are
// byte for byte what github.com/go-shiori/go-epub v1.2.1 wrote before
// finalise rewrote the rest (TestSameAsGoEpub keeps that path as the
// reference): go-epub staged every file in a filesystem, zipped and
// deflated them, and finalise unzipped, inflated and re-zipped them; and
// it linked net/http, crypto/tls, x509 and a MIME sniffer into every
// process (binary 29.0 → 25.2 MB; their package inits ran at every start).

const (
	mimetype     = "application/epub+zip"
	opfPath      = "EPUB/package.opf"
	opfDir       = "EPUB/"
	containerXML = "META-INF/container.xml"
)

// finalise returns the container and the files it holds, by name.
func (b *book) finalise() ([]byte, map[string][]byte, error) {
	files := b.resources()
	files[containerXML] = []byte(containerDocument)
	for i := range b.docs {
		files[opfDir+xhtmlDir+b.docs[i].File] = b.document(b.docs[i])
		// The body is held once, in its document: a 4 MiB guide's
		// bodies are 118 MB, which the navigation, NCX and self-check
		// were made beside.
		b.docs[i].Body = ""
	}
	return b.seal(files)
}

// seal adds the navigation document, the NCX, the package document (whose
// manifest is every file under EPUB/) and the mimetype to files, and zips
// them.
func (b *book) seal(files map[string][]byte) ([]byte, map[string][]byte, error) {
	var err error
	if files[opfDir+navFile], err = b.navDocument(); err != nil {
		return nil, nil, err
	}
	if files[opfDir+ncxFile], err = b.ncx(); err != nil {
		return nil, nil, err
	}

	// The manifest is every file under EPUB/, sorted.
	var hrefs []string
	for name := range files {
		if strings.HasPrefix(name, opfDir) && name != opfPath {
			hrefs = append(hrefs, strings.TrimPrefix(name, opfDir))
		}
	}
	sort.Strings(hrefs)
	if files[opfPath], err = b.packageDocument(hrefs); err != nil {
		return nil, nil, err
	}
	files["mimetype"] = []byte(mimetype) // as zipDeterministic writes it
	out, err := zipDeterministic(files, b.opts.Time())
	return out, files, err
}

// containerDocument is META-INF/container.xml.
const containerDocument = xml.Header + `<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml" />
  </rootfiles>
</container>
`

// document is content document d: its body in the XHTML skeleton, with
// the publication language (and a right-to-left guide's direction) on the
// root (EPUB 3.3 §6.1.4; WCAG 3.1.1), the
// title and the stylesheet in the head; the cover page's body has a class
// that drops the text margins and fits the image to the screen. Text is
// XML-escaped as encoding/xml escapes character data.
func (b *book) document(d doc) []byte {
	var x bytes.Buffer
	x.Grow(len(d.Body) + 512)
	x.WriteString(xml.Header + "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
	_ = xml.EscapeText(&x, []byte(b.g.Language)) // a bytes.Buffer does not fail
	x.WriteString(`" xml:lang="`)
	_ = xml.EscapeText(&x, []byte(b.g.Language))
	// A guide in a right-to-left language is right to left as a whole, on
	// the root and the body: dir="auto" on the body would take a chapter
	// opening on an English label, or the cover page with no text, for
	// left-to-right. Each block keeps its own dir="auto" (the Unicode
	// Bidirectional Algorithm's first-strong rule), so a paragraph wholly
	// in English still reads left to right.
	dir := progression(b.g)
	if dir != "" {
		x.WriteString(`" dir="` + dir)
	} else {
		dir = "auto"
	}
	x.WriteString(`" xmlns:epub="http://www.idpf.org/2007/ops">` + "\n  <head>\n    <title dir=\"auto\">")
	_ = xml.EscapeText(&x, []byte(d.Title))
	x.WriteString("</title>\n    <link rel=\"stylesheet\" type=\"text/css\" href=\"../css/" + cssFile + "\"></link>\n  </head>\n  <body dir=\"" + dir + "\"")
	if d.File == coverFile {
		x.WriteString(` class="cover"`)
	}
	x.WriteString(">\n")
	x.WriteString(d.Body)
	x.WriteString("\n</body>\n</html>\n")
	return x.Bytes()
}

func unzip(data []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		if _, dup := files[f.Name]; dup {
			return nil, fmt.Errorf("duplicate entry %s", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		files[f.Name] = b
	}
	return files, nil
}

// pooledDeflater returns its writer to the free list shared with the
// PDF's streams (deflaters) when closed: a book has a dozen files, and a
// writer is about 1 MB.
type pooledDeflater struct{ *flate.Writer }

func (p pooledDeflater) Close() error {
	err := p.Writer.Close()
	deflaters.Put(p.Writer)
	return err
}

// Release drops what Build keeps for the next book: the free list of
// cover canvases (cover.Release). A process building one guide calls it
// once the EPUB is made, so that the memory can be collected and reused
// by what it renders next; a batch keeps them. The compressors are kept:
// the PDF's streams use them too (deflaters).
func Release() {
	cover.Release()
}

func newDeflater(w io.Writer) (io.WriteCloser, error) {
	return pooledDeflater{deflaters.Get(w)}, nil
}

// zipDeterministic writes the OCF container (EPUB 3.3 §4.2): mimetype
// first, stored, with no extra field and no data descriptor; then
// META-INF/container.xml, the package document and every other file in
// byte order; all stamped with t, so equal input gives equal bytes.
func zipDeterministic(files map[string][]byte, t time.Time) ([]byte, error) {
	// ZIP's DOS dates start in 1980; SOURCE_DATE_EPOCH=0 must still work.
	if min := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC); t.Before(min) {
		t = min
	} else if max := time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC); t.After(max) {
		t = max
	}
	// Room for the whole container at once (text deflates to about a
	// third, images are stored): grown by doubling from nothing, the
	// buffer was copied a dozen times, 200 KB for the seed. At most
	// zipFirst, doubled as needed after: a large book's text may deflate
	// to far less than half (zipFirst).
	size := 0
	for _, b := range files {
		size += len(b)
	}
	var buf bytes.Buffer
	buf.Grow(min(size/2, zipFirst) + 4096)
	zw := zip.NewWriter(&buf)
	// The entry being written, when it is one whose deflated bytes are
	// kept (keptDeflate).
	var cur struct {
		kept []byte        // deflated by an earlier book
		tee  *bytes.Buffer // or: to keep once deflated
	}
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		switch {
		case cur.kept != nil:
			return keptWriter{w, cur.kept}, nil
		case cur.tee != nil:
			return newDeflater(io.MultiWriter(w, cur.tee))
		}
		return newDeflater(w)
	})
	type toKeep struct {
		name     string
		raw      []byte
		deflated *bytes.Buffer
	}
	var keep []toKeep
	mt := []byte(mimetype)
	// The legacy DOS fields date the entry without adding the extended
	// timestamp extra field that Modified would (OCF forbids extra fields
	// on mimetype).
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "mimetype", Method: zip.Store, CRC32: crc32.ChecksumIEEE(mt),
		CompressedSize64: uint64(len(mt)), UncompressedSize64: uint64(len(mt)),
		ModifiedDate: uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9),
		ModifiedTime: uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11),
	})
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(mt); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		if name != "mimetype" {
			names = append(names, name)
		}
	}
	rank := func(n string) int {
		switch n {
		case containerXML:
			return 0
		case opfPath:
			return 1
		}
		return 2
	}
	sort.Slice(names, func(i, j int) bool {
		if ri, rj := rank(names[i]), rank(names[j]); ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		method := zip.Deflate
		if ext := path.Ext(name); ext == ".png" || ext == ".jpg" {
			method = zip.Store // already compressed
		}
		data := files[name]
		cur.kept, cur.tee = nil, nil
		if method == zip.Deflate && sameInEveryBook(name) {
			if cur.kept = keptDeflate(name, data); cur.kept == nil {
				cur.tee = new(bytes.Buffer)
				keep = append(keep, toKeep{name, data, cur.tee})
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: t})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	for _, k := range keep { // each closed, so whole, once zw is
		keepDeflate(k.name, k.raw, k.deflated.Bytes())
	}
	return trimmed(buf.Bytes()), nil
}

// trimmed is the container's bytes without the buffer's unused room
// when that is more than zipSlack. The buffer is sized for text that
// deflates to half, but many short documents deflate to a tenth or less
// (4 MiB of one-line sections: a 56 MB buffer for a 7 MB book), and the
// book is held until the build's files are written: built beside a PDF,
// through the whole drawing. A small book keeps its buffer, uncopied.
func trimmed(b []byte) []byte {
	if cap(b)-len(b) > zipSlack {
		return bytes.Clone(b)
	}
	return b
}

// zipSlack is the unused room a container's buffer may keep (trimmed).
const zipSlack = 1 << 20

// zipFirst is the most room a container's buffer is made with: 4 MiB of
// one-line sections have 118 MB of files, which deflate to 7 MB, and a
// buffer for half of them (59 MB) was made beside the files, at the
// EPUB's peak (beside the PDF's plan in EPUB+PDF). Doubled from
// zipFirst, it is copied three times (4 + 8 MB). An ordinary guide's
// files are far smaller: its buffer is sized as before, once.
const zipFirst = 4 << 20

// The files of a container that are the same in every book a process
// makes (its options are the same for all): the container document, the
// stylesheet and, with EmbedFonts, the fonts and their licence. Each is
// deflated once per process and its bytes reused, the same bytes, since
// a deflater given the same input from a reset state writes the same
// output: the stylesheet is about a quarter of a small guide's deflating
// (7.3 KB of 30 KB), the fonts several megabytes of every book's with
// EmbedFonts. The kept bytes are used only for content equal to what
// they were made from; the guide's own documents are not kept.
var keptDeflated struct {
	sync.Mutex
	m map[string]deflated
}

type deflated struct{ raw, z []byte }

func sameInEveryBook(name string) bool {
	return name == containerXML || strings.HasPrefix(name, opfDir+"css/") || strings.HasPrefix(name, opfDir+"fonts/")
}

// keptDeflate is the deflated bytes of data, the content of file name,
// when an earlier book kept them; else nil.
func keptDeflate(name string, data []byte) []byte {
	keptDeflated.Lock()
	k, ok := keptDeflated.m[name]
	keptDeflated.Unlock()
	if !ok {
		if k, ok = builtDeflate(name); ok {
			keptDeflated.Lock()
			if keptDeflated.m == nil {
				keptDeflated.m = map[string]deflated{}
			}
			keptDeflated.m[name] = k
			keptDeflated.Unlock()
		}
	}
	if !ok || !bytes.Equal(k.raw, data) {
		return nil
	}
	return k.z
}

// The container document and the stylesheet without EmbedFonts' rules
// come deflated in the binary (builtz.bin, written by TestBuiltDeflates
// -update), each with the bytes it was made from, so that a process's
// first book does not deflate them either: on the seed, ~0.75 M
// instructions of its EPUB's ~9 M of deflating (callgrind). They are used
// only for content equal to what they were made from, as kept ones are:
// an edited stylesheet not yet built in is deflated as before.
//
// builtz.bin is "EBZ1", then for each file: its name's length (2 bytes,
// big-endian) and name, its content's length (4 bytes) and content, and
// its deflated bytes' length (4 bytes) and bytes.
//
//go:embed builtz.bin
var builtZ string

const builtZMagic = "EBZ1"

// builtDeflate is the deflated file name in builtz.bin, if it is there.
func builtDeflate(name string) (deflated, bool) {
	s, ok := strings.CutPrefix(builtZ, builtZMagic)
	if !ok {
		return deflated{}, false
	}
	field := func(lenBytes int) (string, bool) { // a length, big-endian, and that many bytes
		if len(s) < lenBytes {
			return "", false
		}
		n := 0
		for i := range lenBytes {
			n = n<<8 | int(s[i])
		}
		if len(s) < lenBytes+n {
			return "", false
		}
		f := s[lenBytes : lenBytes+n]
		s = s[lenBytes+n:]
		return f, true
	}
	for len(s) > 0 {
		n, ok1 := field(2)
		raw, ok2 := field(4)
		z, ok3 := field(4)
		if !ok1 || !ok2 || !ok3 {
			return deflated{}, false
		}
		if n == name {
			return deflated{[]byte(raw), []byte(z)}, true
		}
	}
	return deflated{}, false
}

func keepDeflate(name string, raw, z []byte) {
	keptDeflated.Lock()
	defer keptDeflated.Unlock()
	if keptDeflated.m == nil {
		keptDeflated.m = map[string]deflated{}
	}
	// A copy: the book's files are its own, and could be changed after.
	keptDeflated.m[name] = deflated{bytes.Clone(raw), z}
}

// keptWriter is the compressor of a file whose deflated bytes are kept:
// it writes them on Close, and takes the file's bytes (which zip counts
// and checksums) without compressing them again.
type keptWriter struct {
	w io.Writer
	z []byte
}

func (k keptWriter) Write(p []byte) (int, error) { return len(p), nil }

func (k keptWriter) Close() error {
	_, err := k.w.Write(k.z)
	return err
}
