package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"github.com/guidepress/guidepress/export/cover"
	"hash/crc32"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/klauspost/compress/flate"
)

// The one place where go-epub v1.2.1's gaps are filled. go-epub writes a
// valid skeleton but:
//   - stamps dcterms:modified with time.Now() and lists the manifest in Go
//     map order, so two builds differ;
//   - has no accessibility metadata, dc:subject/publisher or title refinements;
//   - writes no lang/xml:lang on any document;
//   - cannot point a TOC entry into a document (#fragment) or write
//     landmarks, and leaves the NCX's dtb:depth empty;
//   - only logs (log.Println) failures writing sections, the TOC and the
//     package document.
// finalise takes its zip apart, keeps what it wrote (content documents,
// stylesheet, images, fonts, container) and rewrites the rest.

const (
	mimetype     = "application/epub+zip"
	opfPath      = "EPUB/package.opf"
	opfDir       = "EPUB/"
	containerXML = "META-INF/container.xml"
)

// goepubPackage is the part of go-epub's package document we read back.
type goepubPackage struct {
	Items []struct {
		ID   string `xml:"id,attr"`
		Href string `xml:"href,attr"`
	} `xml:"manifest>item"`
	Spine []opfItemref `xml:"spine>itemref"`
}

// finalise returns the container and the files it holds, by name.
func (b *book) finalise(raw []byte) ([]byte, map[string][]byte, error) {
	files, err := unzip(raw)
	if err != nil {
		return nil, nil, fmt.Errorf("epub: reading go-epub's output: %w", err)
	}
	for _, name := range []string{"mimetype", containerXML, opfPath} {
		if _, ok := files[name]; !ok {
			return nil, nil, fmt.Errorf("epub: go-epub did not write %s", name)
		}
	}
	var gp goepubPackage
	if err := xml.Unmarshal(files[opfPath], &gp); err != nil {
		return nil, nil, fmt.Errorf("epub: go-epub's package document: %w", err)
	}

	// The reading order go-epub wrote must be ours, document for document.
	byID := map[string]string{}
	for _, it := range gp.Items {
		byID[it.ID] = it.Href
	}
	if len(gp.Spine) != len(b.docs) {
		return nil, nil, fmt.Errorf("epub: go-epub wrote %d documents in the spine, want %d", len(gp.Spine), len(b.docs))
	}
	for i, ref := range gp.Spine {
		if want := xhtmlDir + b.docs[i].File; byID[ref.IDRef] != want {
			return nil, nil, fmt.Errorf("epub: spine item %d is %q, want %q", i, byID[ref.IDRef], want)
		}
	}

	// The resources go-epub placed as stand-ins get their real bytes.
	for name, data := range b.resources() {
		if _, ok := files[name]; !ok {
			return nil, nil, fmt.Errorf("epub: go-epub did not write %s", name)
		}
		files[name] = data
	}

	// Every content document: present (go-epub only logs a failed write)
	// and given the publication language (EPUB 3.3 §6.1.4; WCAG 3.1.1).
	for _, d := range b.docs {
		name := opfDir + xhtmlDir + d.File
		x, ok := files[name]
		if !ok {
			return nil, nil, fmt.Errorf("epub: go-epub did not write %s", name)
		}
		if files[name], err = setLang(x, b.g.Language); err != nil {
			return nil, nil, fmt.Errorf("epub: %s: %w", name, err)
		}
		if d.File == coverFile {
			// go-epub cannot set a body class; the cover page needs one to
			// drop the text margins and fit the image to the screen.
			if files[name], err = setBodyClass(files[name], "cover"); err != nil {
				return nil, nil, fmt.Errorf("epub: %s: %w", name, err)
			}
		}
		if files[name], err = setBody(files[name], d.Body); err != nil {
			return nil, nil, fmt.Errorf("epub: %s: %w", name, err)
		}
	}

	// Our navigation document and NCX replace go-epub's.
	if files[opfDir+navFile], err = b.navDocument(); err != nil {
		return nil, nil, err
	}
	if files[opfDir+ncxFile], err = b.ncx(); err != nil {
		return nil, nil, err
	}

	// The manifest is every file go-epub wrote under EPUB/, sorted.
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

// setLang adds lang and xml:lang to the root element go-epub wrote. The
// value is XML-escaped although Validate already restricts it to a BCP 47
// shape.
func setLang(x []byte, lang string) ([]byte, error) {
	const root = "<html xmlns=\"http://www.w3.org/1999/xhtml\""
	if bytes.Count(x, []byte(root)) != 1 {
		return nil, fmt.Errorf("no single <html> root element to set the language on")
	}
	var attr bytes.Buffer
	attr.WriteString(root + ` lang="`)
	if err := xml.EscapeText(&attr, []byte(lang)); err != nil {
		return nil, err
	}
	attr.WriteString(`" xml:lang="`)
	_ = xml.EscapeText(&attr, []byte(lang))
	attr.WriteString(`"`)
	return bytes.Replace(x, []byte(root), attr.Bytes(), 1), nil
}

// setBodyClass adds a (constant, trusted) class to the body go-epub wrote.
func setBodyClass(x []byte, class string) ([]byte, error) {
	const body = `<body dir="auto">`
	if bytes.Count(x, []byte(body)) != 1 {
		return nil, fmt.Errorf("no single <body> element to set a class on")
	}
	return bytes.Replace(x, []byte(body), []byte(`<body dir="auto" class="`+class+`">`), 1), nil
}

// setBody puts the document's body where go-epub wrote bodyStandIn.
func setBody(x []byte, body string) ([]byte, error) {
	i := bytes.Index(x, []byte(bodyStandIn))
	if i < 0 || bytes.Contains(x[i+len(bodyStandIn):], []byte(bodyStandIn)) {
		return nil, fmt.Errorf("no single body stand-in to replace")
	}
	out := make([]byte, 0, len(x)-len(bodyStandIn)+len(body))
	out = append(out, x[:i]...)
	out = append(out, body...)
	return append(out, x[i+len(bodyStandIn):]...), nil
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

// zipLevel is the deflate level of the container's text files, with
// github.com/klauspost/compress/flate: on the seed's 90 KB of markup, 0.9 ms
// and 32.4 KB at its level 6, against 1.9 ms and 31.9 KB with
// compress/flate at 9 (its level 7 matches that size at 1.4 ms; level 1
// saves 0.3 ms more and adds 2.7 KB).
const zipLevel = 6

// deflaters recycles compressors: a flate.Writer is about 1 MB, and a
// book has a dozen files. A small free list, not a sync.Pool, which every
// garbage collection empties.
var deflaters = make(chan *flate.Writer, 4)

// pooledDeflater returns its writer to deflaters when closed.
type pooledDeflater struct{ *flate.Writer }

func (p pooledDeflater) Close() error {
	err := p.Writer.Close()
	p.Writer.Reset(io.Discard) // drop the reference to the zip's buffer
	select {
	case deflaters <- p.Writer:
	default:
	}
	return err
}

// Release drops what Build keeps for the next book: the free lists of
// compressors and of cover canvases (cover.Release). A process building
// one guide calls it once the EPUB is made, so that the memory can be
// collected and reused by what it renders next; a batch keeps them.
func Release() {
	for {
		select {
		case <-deflaters:
		default:
			cover.Release()
			return
		}
	}
}

func newDeflater(w io.Writer) (io.WriteCloser, error) {
	var fw *flate.Writer
	select {
	case fw = <-deflaters:
		fw.Reset(w)
	default:
		var err error
		if fw, err = flate.NewWriter(w, zipLevel); err != nil {
			return nil, err
		}
	}
	return pooledDeflater{fw}, nil
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
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, newDeflater)
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
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: t})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
