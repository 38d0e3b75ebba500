package epub

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"github.com/guidepress/guidepress/templates/labels"
	"html/template"
	"strconv"

	"github.com/guidepress/guidepress/export"
	tmpl "github.com/guidepress/guidepress/templates/epub"
)

// navDocument is the EPUB 3 navigation document (EPUB 3.3 §7): the TOC
// nested to subsections and FAQ questions, and the landmarks.
func (b *book) navDocument() ([]byte, error) {
	// The entries and the page list, written by markup.go's escaping
	// writer, then set in the template.
	var entries, pageList bytes.Buffer
	if err := writeNavItems(&entries, b.toc); err != nil {
		return nil, err
	}
	if err := writePageItems(&pageList, b.pages); err != nil {
		return nil, err
	}
	var w bytes.Buffer
	w.Grow(len(xml.Header) + entries.Len() + pageList.Len() + len(b.navBreaks) + 4096)
	w.WriteString(xml.Header)
	err := tmpl.Nav().ExecuteTemplate(&w, "nav.xhtml.tmpl", struct {
		Lang, Dir, Heading, CSS, L, E string
		Landmarks                     []landmark
		Pages                         []pageRef
		// #nosec G203: markers made by breakMarker, entries by
		// writeNavItems and writePageItems, their text escaped
		Breaks, Entries, PageList template.HTML
	}{b.g.Language, progression(b.g), labels.For(b.g.Language).Contents, "css/" + cssFile, labelLang(b.g.Language), englishLang(b.g.Language), b.landmarks,
		b.pages, template.HTML(b.navBreaks), template.HTML(entries.String()), template.HTML(pageList.String())})
	if err != nil {
		return nil, fmt.Errorf("epub: navigation document: %w", err)
	}
	return w.Bytes(), nil
}

// The NCX (OPF 2.0.1 §2.4.1) for EPUB 2 reading systems, written with
// encoding/xml. Its dtb:uid must equal the package's unique identifier.
type ncxRoot struct {
	XMLName  xml.Name      `xml:"http://www.daisy.org/z3986/2005/ncx/ ncx"`
	Version  string        `xml:"version,attr"`
	Lang     string        `xml:"xml:lang,attr"`
	Meta     []ncxMeta     `xml:"head>meta"`
	DocTitle string        `xml:"docTitle>text"`
	NavMap   []ncxNavPoint `xml:"navMap>navPoint"`
}

type ncxMeta struct {
	Name    string `xml:"name,attr"`
	Content string `xml:"content,attr"`
}

type ncxNavPoint struct {
	ID        string `xml:"id,attr"`
	PlayOrder int    `xml:"playOrder,attr"`
	Label     string `xml:"navLabel>text"`
	Content   struct {
		Src string `xml:"src,attr"`
	} `xml:"content"`
	Children []ncxNavPoint `xml:"navPoint"`
}

func (b *book) ncx() ([]byte, error) {
	order := 0
	depth := 0
	var points func([]*navEntry, int) []ncxNavPoint
	points = func(es []*navEntry, level int) []ncxNavPoint {
		if level > depth && len(es) > 0 {
			depth = level
		}
		var out []ncxNavPoint
		for _, e := range es {
			order++
			p := ncxNavPoint{ID: "np-" + strconv.Itoa(order), PlayOrder: order, Label: e.Title}
			p.Content.Src = e.Href
			p.Children = points(e.Children, level+1)
			out = append(out, p)
		}
		return out
	}
	root := ncxRoot{Version: "2005-1", Lang: b.g.Language, DocTitle: b.g.Title, NavMap: points(b.toc, 1)}
	root.Meta = []ncxMeta{
		{"dtb:uid", export.Identifier(b.g)},
		{"dtb:depth", strconv.Itoa(depth)},
		{"dtb:totalPageCount", "0"},
		{"dtb:maxPageNumber", "0"},
	}
	// xml.MarshalIndent, into a buffer sized for the document and
	// holding the header: grown by doubling and then copied behind the
	// header, a 37 MB NCX (195,699 entries) allocated 128 MB more.
	var buf bytes.Buffer
	buf.Grow(len(xml.Header) + 512 + len(b.g.Title) + ncxSize(b.toc, 1))
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("epub: NCX: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("epub: NCX: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// ncxSize is about the length of the navPoints of es at level and below:
// a point's six indented lines, its title and link, a little over (the
// escaping of a title is not counted).
func ncxSize(es []*navEntry, level int) int {
	n := 0
	for _, e := range es {
		n += 160 + 14*level + len(e.Title) + len(e.Href) + ncxSize(e.Children, level+1)
	}
	return n
}
