package matterhorn

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/guidepress/guidepress/internal/pdfobj"
)

const (
	nsPDFUA = "http://www.aiim.org/pdfua/ns/id/"
	nsDC    = "http://purl.org/dc/elements/1.1/"
)

// XMP is what the checker reads from a metadata packet.
type XMP struct {
	Part  string // pdfuaid:part
	Title string // dc:title's first rdf:li (or its text)
}

// ReadXMP reads the PDF/UA part and the title from an XMP packet, in
// either of RDF's forms: an element (<pdfuaid:part>1</pdfuaid:part>) or an
// attribute of rdf:Description (pdfuaid:part="1").
func ReadXMP(b []byte) (XMP, error) {
	var x XMP
	d := xml.NewDecoder(bytes.NewReader(b))
	var stack []xml.Name
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return x, nil
			}
			return x, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			for _, a := range t.Attr {
				if a.Name.Space == nsPDFUA && a.Name.Local == "part" {
					x.Part = strings.TrimSpace(a.Value)
				}
				if a.Name.Space == nsDC && a.Name.Local == "title" && x.Title == "" {
					x.Title = strings.TrimSpace(a.Value)
				}
			}
			stack = append(stack, t.Name)
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			s := strings.TrimSpace(text.String())
			text.Reset()
			if len(stack) == 0 {
				continue
			}
			stack = stack[:len(stack)-1]
			if t.Name.Space == nsPDFUA && t.Name.Local == "part" && s != "" {
				x.Part = s
			}
			if s != "" && x.Title == "" {
				for _, n := range stack {
					if n.Space == nsDC && n.Local == "title" {
						x.Title = s
					}
				}
				if t.Name.Space == nsDC && t.Name.Local == "title" {
					x.Title = s
				}
			}
		}
	}
}

func (c *checker) metadata() {
	s, ok := c.f.Resolve(c.root["Metadata"]).(*pdfobj.Stream)
	if !ok {
		c.fail("xmp-missing", "catalogue", "no XMP /Metadata stream")
		return
	}
	b, err := s.Decode()
	if err != nil {
		c.fail("xmp-missing", "catalogue /Metadata", "unreadable: %v", err)
		return
	}
	x, err := ReadXMP(b)
	if err != nil {
		c.fail("xmp-missing", "catalogue /Metadata", "not well-formed XML: %v", err)
		return
	}
	if x.Part != "1" {
		c.fail("xmp-pdfuaid", "catalogue /Metadata", "pdfuaid:part is %q, not 1", x.Part)
	}
	if x.Title == "" {
		c.fail("xmp-title", "catalogue /Metadata", "no dc:title")
	}
}
