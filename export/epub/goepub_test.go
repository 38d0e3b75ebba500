package epub

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	goepub "github.com/go-shiori/go-epub"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/internal/checkers"
)

// The book as guidepress wrote it with github.com/go-shiori/go-epub v1.2.1,
// kept here as the reference that finalise's own documents and container
// must match byte for byte (TestSameAsGoEpub): go-epub wrote the content
// documents' skeleton, the stylesheet, images, fonts and container, and
// finaliseGoEpub filled its gaps. Only the tests link go-epub (and the
// net/http, crypto and MIME-sniffing packages it pulls in).

// standIn is what go-epub is given for each resource: it only copies a
// resource into its staging area and its zip, so it gets one byte, and
// finalise puts the real bytes in place (resources). Handing it the real
// ones cost a base64 round trip, a MIME sniff, a deflate by go-epub and an
// inflate by finalise of 25 KB of PNG (and 1.6 MB of fonts with
// --embed-fonts) on every build, for bytes that are never changed.
var standIn = dataURL("application/octet-stream", []byte{0})

// bodyStandIn is the body go-epub is given for every content document.
// go-epub writes the document around it (declaration, doctype, head with
// title and stylesheet link, body) and inserts a body verbatim, so
// finalise puts each real body in its place: the EPUB is byte for byte
// what it was when go-epub was handed the bodies, without go-epub
// marshalling, staging and deflating 80 KB of markup for finalise to
// inflate again. A comment cannot occur in a title, which go-epub escapes.
const bodyStandIn = "<!--guidepress:body-->"

// goepubMu serialises go-epub's WriteTo: see assemble.
var (
	goepubMu   sync.Mutex
	goepubOnce sync.Once
)

// assemble has go-epub write the book. A fresh goepub.Epub is made for
// every build and written exactly once. Resources are handed over as
// one-byte data: URLs (see standIn), so nothing is fetched, and content
// documents with a stand-in body (bodyStandIn).
//
// go-epub stages every file of a book in a filesystem held in a package
// global. Its default, a uniquely named folder in the OS temporary
// directory, cost a dozen system calls per file and half of go-epub's
// time; its MemoryFS is a plain map with stateful file handles, safe only
// while one WriteTo runs at a time. guidepress uses go-epub only here, and
// every WriteTo runs under goepubMu, which also guards the one switch to
// MemoryFS (go-epub reads the global only inside WriteTo, and removes each
// book's files from it when WriteTo returns). Only WriteTo is serialised:
// with stand-ins it is a small part of a build (BenchmarkEPUB/goepub),
// so parallel builds barely wait on one another.
func (b *book) assembleGoEpub() ([]byte, error) {
	e, err := goepub.NewEpub(b.g.Title)
	if err != nil {
		return nil, fmt.Errorf("epub: go-epub: %w", err)
	}
	e.SetLang(b.g.Language)
	e.SetIdentifier(export.Identifier(b.g))

	cssPath, err := e.AddCSS(standIn, cssFile)
	if err != nil {
		return nil, fmt.Errorf("epub: adding the stylesheet: %w", short(err))
	}
	if _, err := e.AddImage(standIn, b.coverImageFile()); err != nil {
		return nil, fmt.Errorf("epub: adding the cover image: %w", short(err))
	}
	if b.opts.EmbedFonts {
		for _, f := range literata {
			if _, err := e.AddFont(standIn, f.file); err != nil {
				return nil, fmt.Errorf("epub: embedding %s: %w", f.file, short(err))
			}
		}
		if _, err := e.AddFont(standIn, oflFile); err != nil {
			return nil, fmt.Errorf("epub: adding the font licence: %w", short(err))
		}
	}
	for _, d := range b.docs {
		if _, err := e.AddSection(bodyStandIn, d.Title, d.File, cssPath); err != nil {
			return nil, fmt.Errorf("epub: adding %s: %w", d.File, err)
		}
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	goepubMu.Lock()
	defer goepubMu.Unlock()
	goepubOnce.Do(func() { err = goepub.Use(goepub.MemoryFS) })
	if err != nil {
		return nil, fmt.Errorf("epub: go-epub: %w", err)
	}
	if _, err := e.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("epub: go-epub could not write the book: %w", err)
	}
	return buf.Bytes(), nil
}

// short drops the data: URL that go-epub's FileRetrievalError quotes in
// full (hundreds of kilobytes of base64) and keeps the cause.
func short(err error) error {
	var fr *goepub.FileRetrievalError
	for errors.As(err, &fr) {
		err = fr.Err
	}
	return err
}

func dataURL(mediaType string, data []byte) string {
	return "data:" + mediaType + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// goepubPackage is the part of go-epub's package document we read back.
type goepubPackage struct {
	Items []struct {
		ID   string `xml:"id,attr"`
		Href string `xml:"href,attr"`
	} `xml:"manifest>item"`
	Spine []opfItemref `xml:"spine>itemref"`
}

// finaliseGoEpub is finalise as it was, on go-epub's output.
func (b *book) finaliseGoEpub(raw []byte) ([]byte, map[string][]byte, error) {
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
		if dir := progression(b.g); dir != "" {
			files[name] = setDir(files[name], dir)
		}
		if files[name], err = setBody(files[name], d.Body); err != nil {
			return nil, nil, fmt.Errorf("epub: %s: %w", name, err)
		}
	}

	out, err := b.seal(files, nil)
	return out, nil, err
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

// setDir gives a right-to-left guide's document its direction, after the
// language on the root and in place of go-epub's dir="auto" on the body.
func setDir(x []byte, dir string) []byte {
	x = bytes.Replace(x, []byte(`" xmlns:epub=`), []byte(`" dir="`+dir+`" xmlns:epub=`), 1)
	return bytes.Replace(x, []byte(`<body dir="auto"`), []byte(`<body dir="`+dir+`"`), 1)
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

// TestSameAsGoEpub: the container finalise writes is byte for byte the one
// go-epub's skeleton and the old finalise made, for every fixture guide,
// the example, the seed, the model v2 fixture and a guide whose title and
// headings need escaping, with and without embedded fonts, in several
// languages.
func TestSameAsGoEpub(t *testing.T) {
	root := checkers.RepoRoot()
	paths, _ := filepath.Glob(filepath.Join(root, "testdata", "guides", "*"))
	paths = append(paths, filepath.Join(root, "examples", "frankenstein.txt"))
	if seed := filepath.Join(checkers.SharedDir(), "seed", "never-let-me-go.txt"); fileExists(seed) {
		paths = append(paths, seed)
	}
	guides := map[string]*content.Guide{"hamlet-v2": hamletGuide(t)}
	for _, p := range paths {
		guides[filepath.Base(p)] = loadFile(t, p)
	}
	odd := *guides["hamlet-v2"]
	odd.Title = "Tab\tand 'quotes' \"here\" & <tags> ]]> — fin"
	odd.Language = "pt-BR"
	guides["odd"] = &odd
	if len(guides) < 10 {
		t.Fatalf("only %d guides", len(guides))
	}
	for name, g := range guides {
		for _, embed := range []bool{false, true} {
			opts := fixed
			opts.EmbedFonts = embed
			gc, _ := sanitize(g)
			// Not drawn (the cover's bytes are not compared), but an image:
			// finalise checks the book.
			img := cover.Image{MediaType: "image/png", Ext: ".png", Data: pngOf(t, 2, 2)}
			b := &book{g: gc, opts: opts, cover: img}
			if err := b.plan(); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			// go-epub's path first: finalise lets the bodies go.
			raw, err := b.assembleGoEpub()
			if err != nil {
				t.Fatalf("%s: go-epub: %v", name, err)
			}
			want, _, err := b.finaliseGoEpub(raw)
			if err != nil {
				t.Fatalf("%s: go-epub: %v", name, err)
			}
			got, err := b.finalise()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !bytes.Equal(got, want) {
				gf, _ := unzip(got)
				wf, _ := unzip(want)
				for n, w := range wf {
					if !bytes.Equal(gf[n], w) {
						t.Errorf("%s (embed %v): %s differs:\n got %.300q\nwant %.300q", name, embed, n, gf[n], w)
					}
				}
				if len(gf) != len(wf) {
					t.Errorf("%s (embed %v): %d files, go-epub's had %d", name, embed, len(gf), len(wf))
				}
			}
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
