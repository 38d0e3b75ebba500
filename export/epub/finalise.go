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
	"unicode/utf8"

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

// finalise returns the container, checked.
func (b *book) finalise() ([]byte, error) {
	files := b.resources()
	files[containerXML] = []byte(containerDocument)
	return b.seal(files, b.docs)
}

// seal makes the rest of the book, the content documents docs, the NCX,
// the navigation document and the package document (whose manifest is
// every file under EPUB/), and zips them with files, those made already,
// checking each file as it is zipped (check) and the container once
// written (verifyEntries). Each file is let go once checked and
// deflated, and each document's body once its document is made: a 4 MiB
// guide's files are 118 MB (its documents 55, navigation document 26, NCX
// 37), which deflate to 7, and they were all held, with the links and ids
// read from them, until the book was checked. The navigation document is
// made last, when the documents it links to have been checked and let go.
func (b *book) seal(files map[string][]byte, docs []doc) ([]byte, error) {
	for _, name := range []string{opfDir + navFile, opfDir + ncxFile, opfPath, "mimetype"} {
		delete(files, name) // made here
	}
	names := make([]string, 0, len(files)+len(docs)+4)
	for name := range files {
		names = append(names, name)
	}
	for _, d := range docs {
		names = append(names, opfDir+xhtmlDir+d.File)
	}
	names = append(names, opfDir+navFile, opfDir+ncxFile)
	// The manifest is every file under EPUB/, sorted.
	var hrefs []string
	for _, name := range names {
		if strings.HasPrefix(name, opfDir) && name != opfPath {
			hrefs = append(hrefs, strings.TrimPrefix(name, opfDir))
		}
	}
	sort.Strings(hrefs)
	opf, err := b.packageDocument(hrefs)
	if err != nil {
		return nil, err
	}
	files[opfPath] = opf
	files["mimetype"] = []byte(mimetype) // as the container has it
	names = append(names, opfPath, "mimetype")
	sort.Strings(names)

	c := &check{full: true}
	checked := func(err error) error {
		return fmt.Errorf("epub: the book failed its own check, not written: %w", err)
	}
	if err := c.start(names, func(name string) ([]byte, bool) { b, ok := files[name]; return b, ok }); err != nil {
		return nil, checked(err)
	}
	z := newStage(files)
	add := func(name string, data []byte) error {
		if sealing != nil {
			sealing(name, data)
		}
		if err := c.add(name, data); err != nil {
			return checked(err)
		}
		return z.add(name, data)
	}
	made := make([]string, 0, len(files))
	for name := range files {
		made = append(made, name)
	}
	sort.Strings(made)
	for _, name := range made {
		if err := add(name, files[name]); err != nil {
			return nil, err
		}
		delete(files, name)
	}
	// The documents are made one after another in one buffer, and the NCX
	// and then the navigation document in another: each is let go once
	// checked and deflated (nothing keeps a document's bytes but the
	// navigation document's links, which the check reads last), so the
	// next is written over it. Made each in a buffer of its own, a 4 MiB
	// guide's 500 documents (111 KB each), NCX (37 MB) and navigation
	// document (26 MB) were 118 MB of fresh memory to clear and fault in:
	// 0.2-0.4 s of its EPUB's CPU (pprof, memclr and page faults).
	var doc bytes.Buffer
	for i := range docs {
		doc.Reset()
		d := b.document(&doc, docs[i])
		// The body is held once, in its document, and that only until it
		// is checked and deflated.
		docs[i].Body = ""
		if err := add(opfDir+xhtmlDir+docs[i].File, d); err != nil {
			return nil, err
		}
	}
	doc = bytes.Buffer{} // the last document let go too
	var nav bytes.Buffer
	for _, f := range []struct {
		name string
		make func(*bytes.Buffer) ([]byte, error)
	}{{opfDir + ncxFile, b.ncx}, {opfDir + navFile, b.navDocument}} {
		nav.Reset()
		data, err := f.make(&nav)
		if err != nil {
			return nil, err
		}
		if err := add(f.name, data); err != nil {
			return nil, err
		}
	}
	if err := c.finish(); err != nil {
		return nil, checked(err)
	}
	out, err := z.zip(b.opts.Time())
	if err != nil {
		return nil, err
	}
	if err := verifyEntries(out, z.sums()); err != nil {
		return nil, checked(err)
	}
	return out, nil
}

// sealing, when set (by tests), is told of each file seal checks and
// zips, as it is.
var sealing func(name string, data []byte)

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
// XML-escaped as encoding/xml escapes character data. It is written into
// x, which must be empty, and is x's bytes.
func (b *book) document(x *bytes.Buffer, d doc) []byte {
	x.Grow(len(d.Body) + 512)
	x.WriteString(xml.Header + "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
	_ = xml.EscapeText(x, []byte(b.g.Language)) // a bytes.Buffer does not fail
	x.WriteString(`" xml:lang="`)
	_ = xml.EscapeText(x, []byte(b.g.Language))
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
	_ = xml.EscapeText(x, []byte(d.Title))
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

// zipDeterministic writes the OCF container (EPUB 3.3 §4.2) of files as
// seal does (stage), without the checks.
func zipDeterministic(files map[string][]byte, t time.Time) ([]byte, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	z := newStage(files)
	for _, name := range names {
		if err := z.add(name, files[name]); err != nil {
			return nil, err
		}
	}
	return z.zip(t)
}

// stage is a container being made: its files deflated (or stored) one
// after another, in any order, into one buffer, and zipped in the
// container's order once all are in (zip). So each file can be let go
// once added, whatever its place in the container: seal makes the
// navigation document, which comes before the content documents, after
// them.
type stage struct {
	buf     bytes.Buffer
	entries map[string]stagedFile
	keep    []stagedFile // to keep (keepDeflate) once zipped
}

// stagedFile is a file's entry as staged: its bytes in the buffer, and
// what the container's header says of it.
type stagedFile struct {
	name   string
	raw    []byte // a file kept deflated for the next book (keep)
	off, n int
	method uint16
	crc    uint32
	size   int
}

// newStage is an empty stage for files of about the sizes of files (the
// ones known now): room for the whole container at once (text deflates to
// about a third, images are stored), at most zipFirst, doubled as needed
// after: a large book's text may deflate to far less than half. Grown by
// doubling from nothing, the buffer was copied a dozen times, 200 KB for
// the seed.
func newStage(files map[string][]byte) *stage {
	size := 0
	for _, b := range files {
		size += len(b)
	}
	z := &stage{entries: make(map[string]stagedFile, len(files))}
	z.buf.Grow(min(size/2, zipFirst) + 4096)
	return z
}

// add deflates file name, data, into the stage (stores it if it is an
// image, which is compressed already), or copies the deflated bytes an
// earlier book kept (keptDeflate). The mimetype is written by zip.
func (z *stage) add(name string, data []byte) error {
	if name == "mimetype" {
		return nil
	}
	if _, dup := z.entries[name]; dup {
		return fmt.Errorf("epub: %s added twice", name)
	}
	f := stagedFile{name: name, off: z.buf.Len(), method: zip.Deflate, crc: crc32.ChecksumIEEE(data), size: len(data)}
	if ext := path.Ext(name); ext == ".png" || ext == ".jpg" {
		f.method = zip.Store // already compressed
	}
	var kept []byte
	if f.method == zip.Deflate && sameInEveryBook(name) {
		kept = keptDeflate(name, data)
	}
	switch {
	case f.method == zip.Store:
		z.buf.Write(data)
	case kept != nil:
		z.buf.Write(kept)
	default:
		w, _ := newDeflater(&z.buf)
		if _, err := w.Write(data); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
		if sameInEveryBook(name) {
			f.raw = data // kept once zipped
		}
	}
	f.n = z.buf.Len() - f.off
	z.entries[name] = f
	if f.raw != nil {
		z.keep = append(z.keep, f)
	}
	return nil
}

// sums are the sizes and CRC-32s of the files staged, mimetype too.
func (z *stage) sums() map[string]entrySum {
	s := make(map[string]entrySum, len(z.entries)+1)
	s["mimetype"] = entrySum{uint64(len(mimetype)), crc32.ChecksumIEEE([]byte(mimetype))}
	for name, f := range z.entries {
		s[name] = entrySum{uint64(f.size), f.crc}
	}
	return s
}

// zip writes the container: mimetype first, stored, with no extra field
// and no data descriptor; then META-INF/container.xml, the package
// document and every other file in byte order; all stamped with t, so
// equal input gives equal bytes. Each entry's header is the one
// archive/zip's CreateHeader writes for a file of that name, method and
// modification time (raw, since it is deflated already: TestStageIsCreateHeader).
func (z *stage) zip(t time.Time) ([]byte, error) {
	// ZIP's DOS dates start in 1980; SOURCE_DATE_EPOCH=0 must still work.
	if min := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC); t.Before(min) {
		t = min
	} else if max := time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC); t.After(max) {
		t = max
	}
	dosDate := uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	dosTime := uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	// The container's size, headers and directory counted generously.
	size := z.buf.Len() + 1024
	for name := range z.entries {
		size += 2*len(name) + 128
	}
	var buf bytes.Buffer
	buf.Grow(size)
	zw := zip.NewWriter(&buf)
	mt := []byte(mimetype)
	// The legacy DOS fields date the entry without adding the extended
	// timestamp extra field that Modified would (OCF forbids extra fields
	// on mimetype).
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "mimetype", Method: zip.Store, CRC32: crc32.ChecksumIEEE(mt),
		CompressedSize64: uint64(len(mt)), UncompressedSize64: uint64(len(mt)),
		ModifiedDate: dosDate, ModifiedTime: dosTime,
	})
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(mt); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(z.entries))
	for name := range z.entries {
		names = append(names, name)
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
	// The extended timestamp extra field CreateHeader adds for Modified:
	// its ID (0x5455), size 5, flags 1 (the modification time) and the
	// time, little-endian.
	mod := uint32(t.Unix())
	extra := []byte{0x55, 0x54, 5, 0, 1, byte(mod), byte(mod >> 8), byte(mod >> 16), byte(mod >> 24)}
	staged := z.buf.Bytes()
	for _, name := range names {
		f := z.entries[name]
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: name, Method: f.method, Modified: t,
			// What CreateHeader sets: version 2.0, a data descriptor
			// after the data (flag 8), the DOS time and the extra field.
			CreatorVersion: 20, ReaderVersion: 20, Flags: 0x8 | utf8Flag(name),
			ModifiedDate: dosDate, ModifiedTime: dosTime, Extra: extra,
			CRC32: f.crc, CompressedSize64: uint64(f.n), UncompressedSize64: uint64(f.size),
		})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(staged[f.off : f.off+f.n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	for _, k := range z.keep {
		keepDeflate(k.name, k.raw, bytes.Clone(staged[k.off:k.off+k.n]))
	}
	return trimmed(buf.Bytes()), nil
}

// utf8Flag is the flag (0x800) CreateHeader sets on a name that needs
// UTF-8, not CP-437 (archive/zip's detectUTF8): one with a character
// below space, above '}' or a backslash, if it is valid UTF-8.
func utf8Flag(name string) uint16 {
	require := false
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		i += size
		if r < 0x20 || r > 0x7d || r == 0x5c {
			if !utf8.ValidRune(r) || r == utf8.RuneError && size == 1 {
				return 0
			}
			require = true
		}
	}
	if require {
		return 0x800
	}
	return 0
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
