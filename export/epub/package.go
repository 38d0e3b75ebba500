package epub

import (
	"encoding/xml"
	"fmt"
	"path"
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// The package document (EPUB 3.3 §5), written with encoding/xml.

type opfPackage struct {
	XMLName  xml.Name    `xml:"http://www.idpf.org/2007/opf package"`
	Version  string      `xml:"version,attr"`
	UID      string      `xml:"unique-identifier,attr"`
	Lang     string      `xml:"xml:lang,attr"`
	Metadata opfMetadata `xml:"metadata"`
	Items    []opfItem   `xml:"manifest>item"`
	Spine    opfSpine    `xml:"spine"`
}

type opfMetadata struct {
	XmlnsDC string    `xml:"xmlns:dc,attr"`
	Elems   []opfElem `xml:",any"`
}

// opfElem is a dc:* or meta element; XMLName carries its prefixed name.
type opfElem struct {
	XMLName  xml.Name
	ID       string `xml:"id,attr,omitempty"`
	Refines  string `xml:"refines,attr,omitempty"`
	Property string `xml:"property,attr,omitempty"`
	Scheme   string `xml:"scheme,attr,omitempty"`
	Name     string `xml:"name,attr,omitempty"`
	Content  string `xml:"content,attr,omitempty"`
	Data     string `xml:",chardata"`
}

type opfItem struct {
	ID         string `xml:"id,attr"`
	Href       string `xml:"href,attr"`
	MediaType  string `xml:"media-type,attr"`
	Properties string `xml:"properties,attr,omitempty"`
}

type opfSpine struct {
	Toc             string       `xml:"toc,attr"`
	PageProgression string       `xml:"page-progression-direction,attr,omitempty"`
	Items           []opfItemref `xml:"itemref"`
}

type opfItemref struct {
	IDRef string `xml:"idref,attr"`
}

// mediaTypes are the core media types (EPUB 3.3 §3.2) by extension; the
// licence text is a foreign resource that no document references.
var mediaTypes = map[string]string{
	".xhtml": "application/xhtml+xml",
	".css":   "text/css",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".ttf":   "font/ttf",
	".ncx":   "application/x-dtbncx+xml",
	".txt":   "text/plain",
}

// itemID turns an href into a stable manifest id ("xhtml/chapter-01.xhtml"
// → "chapter-01"), an NCName by construction.
func itemID(href string) string {
	base := path.Base(href)
	switch base {
	case navFile:
		return "nav"
	case ncxFile:
		return "ncx"
	}
	id := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return '-'
	}, base)
	if strings.HasSuffix(base, ".xhtml") {
		id = strings.TrimSuffix(id, "-xhtml")
	}
	return "i-" + id
}

// accessibilitySummary states, in words, what the metadata below claims.
const accessibilitySummary = "This publication conforms to EPUB Accessibility 1.1 at WCAG 2.1 Level AA. " +
	"It is a reflowable text that follows the reader's font, size and colour settings, " +
	"with a table of contents, landmarks and a heading for every section, subsection and question. " +
	"The cover image has a text alternative; quotations are marked up as quotations and " +
	"are distinguished by more than colour."

// conformance is the EPUB Accessibility 1.1 conformance claim. It is made
// because the book is checked against it: every document is Ace-clean
// (tests run Ace by DAISY with --fail-on minor), text-only apart from an
// alt-texted cover, structured with headings, landmarks and language.
const conformance = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"

func (b *book) packageDocument(hrefs []string) ([]byte, error) {
	g, opts := b.g, b.opts
	t := opts.Time()
	coverHref := "images/" + b.coverImageFile()

	el := func(name, data string) opfElem { return opfElem{XMLName: xml.Name{Local: name}, Data: data} }
	meta := func(property, data string) opfElem {
		return opfElem{XMLName: xml.Name{Local: "meta"}, Property: property, Data: data}
	}
	m := []opfElem{
		{XMLName: xml.Name{Local: "dc:identifier"}, ID: "pub-id", Data: export.Identifier(g)},
		{XMLName: xml.Name{Local: "dc:title"}, ID: "title", Data: g.Title},
		{XMLName: xml.Name{Local: "meta"}, Refines: "#title", Property: "title-type", Data: "main"},
		el("dc:language", g.Language),
	}
	// The guide's own creator and publisher; the novelist is the subject,
	// never the creator (DESIGN.md).
	creator, publisher := b.creator()
	if creator != "" {
		m = append(m,
			opfElem{XMLName: xml.Name{Local: "dc:creator"}, ID: "creator", Data: creator},
			opfElem{XMLName: xml.Name{Local: "meta"}, Refines: "#creator", Property: "role", Scheme: "marc:relators", Data: "aut"})
	}
	if publisher != "" {
		m = append(m, el("dc:publisher", publisher))
	}
	m = append(m,
		el("dc:subject", subject(g)),
		el("dc:subject", "Study guides"),
		el("dc:description", description(g)),
		el("dc:date", t.Format("2006-01-02")),
		meta("dcterms:modified", t.Format("2006-01-02T15:04:05Z")),
		// EPUB 2 readers (older Kindles, Kobo) find the cover this way.
		opfElem{XMLName: xml.Name{Local: "meta"}, Name: "cover", Content: itemID(coverHref)},
		// EPUB Accessibility 1.1 §5 discovery metadata (schema.org).
		meta("schema:accessMode", "textual"),
		meta("schema:accessMode", "visual"),
		meta("schema:accessModeSufficient", "textual"),
		meta("schema:accessibilityFeature", "alternativeText"),
		meta("schema:accessibilityFeature", "displayTransformability"),
		meta("schema:accessibilityFeature", "readingOrder"),
		meta("schema:accessibilityFeature", "structuralNavigation"),
		meta("schema:accessibilityFeature", "tableOfContents"),
		meta("schema:accessibilityHazard", "none"),
		meta("schema:accessibilitySummary", accessibilitySummary),
		meta("dcterms:conformsTo", conformance),
	)
	if len(b.pages) > 0 {
		// The page list and markers follow the PDF built with the same
		// options (pagelist.go). pageBreakSource is the page-source-id
		// property, which EPUBCheck (5.1.0) and Ace (1.4.6) accept.
		m = append(m,
			meta("schema:accessibilityFeature", "pageNavigation"),
			meta("schema:accessibilityFeature", "printPageNumbers"),
			meta("pageBreakSource", pageSource(g, opts)))
	}

	pkg := opfPackage{Version: "3.0", UID: "pub-id", Lang: g.Language,
		Metadata: opfMetadata{XmlnsDC: "http://purl.org/dc/elements/1.1/", Elems: m},
		Spine:    opfSpine{Toc: "ncx", PageProgression: progression(g)}}
	for _, href := range hrefs {
		mt, ok := mediaTypes[path.Ext(href)]
		if !ok {
			return nil, fmt.Errorf("epub: no media type for %s", href)
		}
		it := opfItem{ID: itemID(href), Href: href, MediaType: mt}
		switch href {
		case navFile:
			it.Properties = "nav"
		case coverHref:
			it.Properties = "cover-image"
		}
		pkg.Items = append(pkg.Items, it)
	}
	// The navigation document is also the book's printed contents page,
	// read after the title page; the toc landmark must point into the
	// spine (EPUBCheck RSC-011).
	for _, d := range b.docs {
		pkg.Spine.Items = append(pkg.Spine.Items, opfItemref{IDRef: itemID(xhtmlDir + d.File)})
		if d.File == titleFile {
			pkg.Spine.Items = append(pkg.Spine.Items, opfItemref{IDRef: itemID(navFile)})
		}
	}
	out, err := xml.MarshalIndent(pkg, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("epub: package document: %w", err)
	}
	return append(append([]byte(xml.Header), out...), '\n'), nil
}

// progression is the spine's page-progression-direction (EPUB 3.3
// §5.6.1): right-to-left for guides written right to left
// (export.GuideRightToLeft, the PDF's rule too), so that pages turn the
// way their readers expect; unset otherwise. It is also the content
// documents' base direction (dir on <html> and <body>), so that labels
// and the stylesheet's start edge sit on the right in such a guide.
func progression(g *content.Guide) string {
	if export.GuideRightToLeft(g) {
		return "rtl"
	}
	return ""
}

// subject names the book the guide is about, for catalogues.
func subject(g *content.Guide) string {
	if g.Book.Author != "" {
		return g.Book.Title + " (" + g.Book.Author + ")"
	}
	return g.Book.Title
}

// description is the catalogue blurb: what the guide is, then the synopsis.
func description(g *content.Guide) string {
	s := "A study guide to " + g.Book.Title
	if g.Book.Author != "" {
		s += " by " + g.Book.Author
	}
	s += "."
	if len(g.Synopsis) > 0 {
		s += " " + g.Synopsis[0].Plain()
	}
	return s
}

// creator is the guide's own author and publisher: the command line's
// (opts) where given, else the guide's (its input's front matter or JSON).
// The book's author is never either.
func (b *book) creator() (author, publisher string) {
	author, publisher = clean1(strings.TrimSpace(b.opts.Author)), clean1(strings.TrimSpace(b.opts.Publisher))
	if author == "" {
		author = b.g.Author
	}
	if publisher == "" {
		publisher = b.g.Publisher
	}
	return author, publisher
}

// clean1 makes a user-supplied option string safe for XML (the options do
// not pass through the guide's sanitising).
func clean1(s string) string {
	if isClean(s) {
		return s
	}
	g, _ := sanitize(&content.Guide{Title: s})
	return g.Title
}

// pageSource names the edition the page numbers come from: the PDF
// written from the same guide with the same paper and sides.
func pageSource(g *content.Guide, opts export.Options) string {
	paper := "A4"
	if p, err := export.ParsePaper(string(opts.Paper)); err == nil && p == export.Letter {
		paper = "US Letter"
	}
	sides := "single-sided"
	if opts.Duplex {
		sides = "double-sided"
	}
	return fmt.Sprintf("PDF edition of %s, %s, %s", export.Identifier(g), paper, sides)
}
