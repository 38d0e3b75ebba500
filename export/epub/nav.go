package epub

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"github.com/guidepress/guidepress/templates/labels"
	"html/template"
	"strconv"
	"strings"

	"github.com/guidepress/guidepress/export"
	tmpl "github.com/guidepress/guidepress/templates/epub"
)

// navDocument is the EPUB 3 navigation document (EPUB 3.3 §7): the TOC
// nested to subsections and FAQ questions, and the landmarks. It is
// written into w, which must be empty (seal hands it the NCX's buffer),
// and is w's bytes.
func (b *book) navDocument(w *bytes.Buffer) ([]byte, error) {
	// The template is executed with a mark where the page breaks, the
	// entries and the page list go, and they are written there, by
	// markup.go's escaping writer, straight into the document, sized for
	// them. Written into buffers of their own and handed to the template,
	// they were copied into a string each and then through fmt, about 5
	// bytes allocated a byte of the document (a 4 MiB guide's entries and
	// page list are 26 MB: 0.4 s of its EPUB's CPU, pprof, one core). A
	// mark is a comment, which no escaped text can make and the builder
	// writes nowhere else.
	var skel bytes.Buffer
	skel.WriteString(xml.Header)
	err := tmpl.Nav().ExecuteTemplate(&skel, "nav.xhtml.tmpl", struct {
		Lang, Dir, Heading, CSS, L, E string
		Landmarks                     []landmark
		Pages                         []pageRef
		// #nosec G203: the marks, constants (navMarks)
		Breaks, Entries, PageList template.HTML
	}{b.g.Language, progression(b.g), labels.For(b.g.Language).Contents, "css/" + cssFile, labelLang(b.g.Language), englishLang(b.g.Language), b.landmarks,
		b.pages, navMarks[0], navMarks[1], navMarks[2]})
	if err != nil {
		return nil, fmt.Errorf("epub: navigation document: %w", err)
	}
	w.Grow(skel.Len() + len(b.navBreaks) + navItemsSize(b.toc) + pageItemsSize(b.pages))
	rest := skel.Bytes()
	// In the template's order; the page list is there only when the book
	// has pages. Markers are made by breakMarker, entries by writeNavItems
	// and writePageItems, their text escaped.
	for i, write := range [...]func() error{
		func() error { w.WriteString(b.navBreaks); return nil },
		func() error { return writeNavItems(w, b.toc) },
		func() error { return writePageItems(w, b.pages) },
	} {
		before, after, found := bytes.Cut(rest, []byte(navMarks[i]))
		if !found {
			if i == 2 && len(b.pages) == 0 {
				break
			}
			return nil, fmt.Errorf("epub: navigation document: the template has no %s", navMarks[i])
		}
		w.Write(before)
		if err := write(); err != nil {
			return nil, err
		}
		rest = after
	}
	w.Write(rest)
	return w.Bytes(), nil
}

// navItemsSize is about the bytes writeNavItems writes for es: markup
// and text, unescaped.
func navItemsSize(es []*navEntry) int {
	n := 0
	for _, e := range es {
		n += 48 + len(e.Href) + 2*len(e.Lang) + len(e.Title)
		if len(e.Children) > 0 {
			n += 11 + navItemsSize(e.Children)
		}
	}
	return n
}

// pageItemsSize is about the bytes writePageItems writes for pages.
func pageItemsSize(pages []pageRef) int {
	n := 0
	for _, p := range pages {
		n += 29 + len(p.Href) + len(p.Label)
	}
	return n
}

// navMarks stand in the navigation document's template for its page
// breaks, its entries and its page list (navDocument).
var navMarks = [3]template.HTML{"<!--breaks-->", "<!--entries-->", "<!--page-list-->"}

// The NCX (OPF 2.0.1 §2.4.1) for EPUB 2 reading systems, written as
// encoding/xml's MarshalIndent wrote it (two spaces an indent, empty
// elements as a start and an end tag, text and attributes escaped as its
// EscapeString does: TestNCXAsEncodingXML compares the two) but straight
// into one buffer sized for it: marshalled, the 195,699 points of a 4 MiB
// guide were a tree of about 30 MB and 0.7 s of reflection. Its dtb:uid
// must equal the package's unique identifier. It is written into w, which
// must be empty, and is w's bytes.
func (b *book) ncx(w *bytes.Buffer) ([]byte, error) {
	w.Grow(len(xml.Header) + 512 + len(b.g.Title) + ncxSize(b.toc, 1))
	w.WriteString(xml.Header + `<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="`)
	escapeXML(w, b.g.Language)
	w.WriteString("\">\n  <head>")
	for _, m := range []ncxMeta{
		{"dtb:uid", export.Identifier(b.g)},
		{"dtb:depth", strconv.Itoa(navDepth(b.toc))},
		{"dtb:totalPageCount", "0"},
		{"dtb:maxPageNumber", "0"},
	} {
		w.WriteString("\n    <meta name=\"")
		escapeXML(w, m.Name)
		w.WriteString(`" content="`)
		escapeXML(w, m.Content)
		w.WriteString(`"></meta>`)
	}
	w.WriteString("\n  </head>\n  <docTitle>\n    <text>")
	escapeXML(w, b.g.Title)
	w.WriteString("</text>\n  </docTitle>")
	w.WriteString("\n  <navMap>")
	if len(b.toc) > 0 {
		order := 0
		ncxPoints(w, b.toc, 2, &order)
		w.WriteString("\n  ")
	}
	w.WriteString("</navMap>")
	w.WriteString("\n</ncx>\n")
	return w.Bytes(), nil
}

// ncxMeta is a meta element of the NCX's head.
type ncxMeta struct {
	Name    string `xml:"name,attr"`
	Content string `xml:"content,attr"`
}

// ncxPoints writes es as navPoints indented by indent levels, numbered
// in order from *order + 1. Each line's indent is a piece of one string
// and each number is written in place: the 195,699 points of a 4 MiB
// guide were two strings each (the number, and the line with it twice)
// and a write a level of each of their six lines.
func ncxPoints(w *bytes.Buffer, es []*navEntry, indent int, order *int) {
	var num [20]byte
	for _, e := range es {
		*order++
		n := strconv.AppendInt(num[:0], int64(*order), 10)
		ncxIndent(w, indent)
		w.WriteString(`<navPoint id="np-`)
		w.Write(n)
		w.WriteString(`" playOrder="`)
		w.Write(n)
		w.WriteString(`">`)
		ncxIndent(w, indent+1)
		w.WriteString("<navLabel>")
		ncxIndent(w, indent+2)
		w.WriteString("<text>")
		escapeXML(w, e.Title)
		w.WriteString("</text>")
		ncxIndent(w, indent+1)
		w.WriteString("</navLabel>")
		ncxIndent(w, indent+1)
		w.WriteString(`<content src="`)
		escapeXML(w, e.Href)
		w.WriteString(`"></content>`)
		ncxPoints(w, e.Children, indent+1, order)
		ncxIndent(w, indent)
		w.WriteString("</navPoint>")
	}
}

// ncxIndent starts a line of the NCX indented by level levels.
func ncxIndent(w *bytes.Buffer, level int) {
	if n := 1 + 2*level; n <= len(ncxIndents) {
		w.WriteString(ncxIndents[:n])
		return
	}
	w.WriteByte('\n')
	for range level {
		w.WriteString("  ")
	}
}

// ncxIndents is a newline and the indents of the first 32 levels.
var ncxIndents = "\n" + strings.Repeat("  ", 32)

// navDepth is the number of levels of es.
func navDepth(es []*navEntry) int {
	d := 0
	for _, e := range es {
		d = max(d, 1+navDepth(e.Children))
	}
	return d
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
