// Package kepub writes a guide as a Kobo EPUB (NAME.kepub.epub): the EPUB
// of export/epub with every sentence of its content documents wrapped in a
// Kobo span, so that Kobo readers open it in their own renderer (the one
// with highlights, notes, reading statistics and page turns by screen)
// rather than the generic EPUB one.
//
// What changes from the EPUB, as kepubify and Kobo's own store books do:
//   - each sentence (and each image) of a content document's body is in
//     <span class="koboSpan" id="kobo.P.S">, P counting the text blocks
//     (paragraphs, headings, list items, cells, …) and S the pieces in one;
//   - the body's content is wrapped in <div id="book-columns"><div
//     id="book-inner">, the elements Kobo's renderer paginates;
//   - the navigation document is left as it is (Kobo reads the table of
//     contents from it), and so are the package document, NCX, styles,
//     fonts and images.
//
// The text, its order, the markup around it and the metadata are those of
// the EPUB; only span and div elements without meaning are added, so
// screen readers and other reading systems read the two alike.
package kepub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
)

// Build writes g as a Kobo EPUB.
func Build(g *content.Guide, opts export.Options) ([]byte, []content.Diagnostic, error) {
	data, diags, err := epub.Build(g, opts)
	if err != nil {
		return nil, diags, err
	}
	out, err := FromEPUB(data, opts)
	return out, diags, err
}

// FromEPUB turns an EPUB guidepress wrote into a Kobo EPUB, and checks the
// result as Build checks an EPUB (structure and preflight).
func FromEPUB(data []byte, opts export.Options) ([]byte, error) {
	files, err := epub.Files(data)
	if err != nil {
		return nil, fmt.Errorf("kepub: %w", err)
	}
	docs, err := contentDocuments(files)
	if err != nil {
		return nil, fmt.Errorf("kepub: %w", err)
	}
	for _, name := range docs {
		if files[name], err = Spans(files[name]); err != nil {
			return nil, fmt.Errorf("kepub: %s: %w", name, err)
		}
	}
	out, err := epub.Container(files, opts.Time())
	if err != nil {
		return nil, fmt.Errorf("kepub: %w", err)
	}
	if err := epub.Verify(out); err != nil {
		return nil, fmt.Errorf("kepub: the book failed its own check, not written: %w", err)
	}
	return out, nil
}

// contentDocuments lists the XHTML documents of the manifest, except the
// navigation document.
func contentDocuments(files map[string][]byte) ([]string, error) {
	var container struct {
		Rootfiles []struct {
			FullPath string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(files["META-INF/container.xml"], &container); err != nil || len(container.Rootfiles) == 0 {
		return nil, errors.New("no package document")
	}
	opf := container.Rootfiles[0].FullPath
	var pkg struct {
		Items []struct {
			Href       string `xml:"href,attr"`
			MediaType  string `xml:"media-type,attr"`
			Properties string `xml:"properties,attr"`
		} `xml:"manifest>item"`
	}
	if err := xml.Unmarshal(files[opf], &pkg); err != nil {
		return nil, err
	}
	var out []string
	for _, it := range pkg.Items {
		if it.MediaType == "application/xhtml+xml" && !strings.Contains(" "+it.Properties+" ", " nav ") {
			out = append(out, path.Join(path.Dir(opf), it.Href))
		}
	}
	return out, nil
}

// blocks are the elements whose text is one Kobo paragraph.
var blocks = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "dt": true, "dd": true, "td": true, "th": true, "caption": true,
	"figcaption": true, "blockquote": true, "footer": true, "div": true, "pre": true,
}

// Spans adds Kobo spans to one XHTML document. It edits the document's
// bytes in place of re-serialising it, so everything it does not add is
// kept byte for byte (entities, namespaces, attributes).
func Spans(doc []byte) ([]byte, error) {
	type insert struct {
		at int64
		s  string
	}
	var ins []insert
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var stack []string
	inBody, skip := false, 0
	para, seg := 0, 0
	span := func() string {
		seg++
		return `<span class="koboSpan" id="kobo.` + strconv.Itoa(para) + "." + strconv.Itoa(seg) + `">`
	}
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		after := d.InputOffset()
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			stack = append(stack, name)
			switch {
			case name == "body":
				inBody = true
				ins = append(ins, insert{at: after, s: `<div id="book-columns"><div id="book-inner">`})
			case !inBody:
			case name == "script" || name == "style" || name == "svg" || name == "math":
				skip++
			case skip > 0:
			case blocks[name]:
				para++
				seg = 0
			case name == "img":
				ins = append(ins, insert{at: before, s: span()})
			}
		case xml.EndElement:
			name := t.Name.Local
			stack = stack[:len(stack)-1]
			switch {
			case name == "body":
				ins = append(ins, insert{at: before, s: `</div></div>`})
				inBody = false
			case !inBody:
			case name == "script" || name == "style" || name == "svg" || name == "math":
				skip--
			case skip == 0 && name == "img":
				ins = append(ins, insert{at: after, s: `</span>`})
			}
		case xml.CharData:
			if !inBody || skip > 0 || len(stack) == 0 {
				continue
			}
			raw := doc[before:after]
			if bytes.HasPrefix(raw, []byte("<![CDATA[")) {
				continue
			}
			for _, r := range sentences(raw) {
				ins = append(ins, insert{at: before + int64(r[0]), s: span()}, insert{at: before + int64(r[1]), s: `</span>`})
			}
		}
	}
	var out bytes.Buffer
	out.Grow(len(doc) + len(ins)*40)
	last := int64(0)
	// Insertions are in document order already; at one offset a closing
	// span is always recorded before the next opening one.
	for _, in := range ins {
		out.Write(doc[last:in.at])
		out.WriteString(in.s)
		last = in.at
	}
	out.Write(doc[last:])
	return out.Bytes(), nil
}

// sentences splits raw text (as it is in the file, entities unexpanded)
// into sentence ranges [start, end), leaving out the white space between
// sentences and around the text. A sentence ends after . ! ? … (and any
// closing quotes or brackets) followed by white space.
func sentences(raw []byte) [][2]int {
	var out [][2]int
	start := -1
	pendingEnd := -1 // end of a sentence, once white space follows
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		space := unicode.IsSpace(r)
		switch {
		case space && start >= 0 && pendingEnd >= 0:
			out = append(out, [2]int{start, pendingEnd})
			start, pendingEnd = -1, -1
		case space:
		case start < 0:
			start = i
			pendingEnd = -1
			if isStop(r) {
				pendingEnd = i + n
			}
		case isStop(r):
			pendingEnd = i + n
		case pendingEnd >= 0 && isCloser(r):
			pendingEnd = i + n
		default:
			pendingEnd = -1
		}
		i += n
	}
	if start >= 0 {
		end := len(raw)
		for end > start {
			r, n := utf8.DecodeLastRune(raw[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= n
		}
		out = append(out, [2]int{start, end})
	}
	return out
}

func isStop(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' || r == '。' }

func isCloser(r rune) bool {
	return strings.ContainsRune(`"')]»”’`, r) || r == '.' || r == '!' || r == '?'
}
