// Package opf reads back the catalogue metadata of an EPUB that guidepress
// wrote: the package document's Dublin Core elements, its meta properties
// (accessibility metadata among them) and its cover image. The library
// outputs (export/marc, export/catalog) take their facts from the EPUB
// itself, so a MARC record or an OPDS entry can never disagree with the
// book it describes.
package opf

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
)

// Meta is what a package document says about its publication.
type Meta struct {
	Identifier  string // the unique identifier (urn:uuid:…)
	Title       string
	Language    string
	Creators    []string
	Publisher   string
	Subjects    []string
	Description string
	Modified    time.Time // dcterms:modified
	// Properties holds every <meta property="…"> value by property, in
	// document order ("schema:accessibilityFeature" → [...]).
	Properties map[string][]string
	// CoverPath is the cover image's name in the container ("" if none),
	// CoverType its media type.
	CoverPath, CoverType string
}

// Property returns the first value of a meta property, or "".
func (m Meta) Property(p string) string {
	if v := m.Properties[p]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Book is an opened EPUB: its metadata and a way to read its files.
type Book struct {
	Meta
	files map[string]*zip.File
}

// Open reads the container and package document of an EPUB.
func Open(data []byte) (*Book, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not an EPUB (zip) file: %w", err)
	}
	b := &Book{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		b.files[f.Name] = f
	}
	cx, err := b.File("META-INF/container.xml")
	if err != nil {
		return nil, err
	}
	var container struct {
		Rootfiles []struct {
			FullPath string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(cx, &container); err != nil || len(container.Rootfiles) == 0 {
		return nil, errors.New("META-INF/container.xml names no package document")
	}
	opfPath := container.Rootfiles[0].FullPath
	raw, err := b.File(opfPath)
	if err != nil {
		return nil, err
	}
	if b.Meta, err = parse(raw, path.Dir(opfPath)); err != nil {
		return nil, fmt.Errorf("%s: %w", opfPath, err)
	}
	return b, nil
}

// File returns one file of the container, whole.
func (b *Book) File(name string) ([]byte, error) {
	f, ok := b.files[name]
	if !ok {
		return nil, fmt.Errorf("the EPUB has no %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	// A cover or document of a guide is a few megabytes at most; a bomb
	// is cut off rather than inflated.
	const limit = 64 << 20
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, limit>>20)
	}
	return data, nil
}

// Cover returns the cover image's bytes, or nil when the book has none.
func (b *Book) Cover() ([]byte, error) {
	if b.CoverPath == "" {
		return nil, nil
	}
	return b.File(b.CoverPath)
}

type pkgDoc struct {
	UID      string `xml:"unique-identifier,attr"`
	Metadata struct {
		Elems []struct {
			XMLName  xml.Name
			ID       string `xml:"id,attr"`
			Property string `xml:"property,attr"`
			Refines  string `xml:"refines,attr"`
			Name     string `xml:"name,attr"`
			Content  string `xml:"content,attr"`
			Data     string `xml:",chardata"`
		} `xml:",any"`
	} `xml:"metadata"`
	Items []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
}

func parse(raw []byte, dir string) (Meta, error) {
	var p pkgDoc
	if err := xml.Unmarshal(raw, &p); err != nil {
		return Meta{}, err
	}
	m := Meta{Properties: map[string][]string{}}
	dc := "http://purl.org/dc/elements/1.1/"
	coverID := ""
	for _, e := range p.Metadata.Elems {
		v := strings.TrimSpace(e.Data)
		if e.XMLName.Space == dc {
			switch e.XMLName.Local {
			case "identifier":
				if e.ID == p.UID || m.Identifier == "" {
					m.Identifier = v
				}
			case "title":
				if m.Title == "" {
					m.Title = v
				}
			case "language":
				if m.Language == "" {
					m.Language = v
				}
			case "creator":
				m.Creators = append(m.Creators, v)
			case "publisher":
				m.Publisher = v
			case "subject":
				m.Subjects = append(m.Subjects, v)
			case "description":
				m.Description = v
			}
			continue
		}
		if e.XMLName.Local != "meta" {
			continue
		}
		switch {
		case e.Name == "cover":
			coverID = e.Content
		case e.Property != "" && e.Refines == "":
			m.Properties[e.Property] = append(m.Properties[e.Property], v)
			if e.Property == "dcterms:modified" {
				if t, err := time.Parse(time.RFC3339, v); err == nil {
					m.Modified = t.UTC()
				}
			}
		}
	}
	for _, it := range p.Items {
		if strings.Contains(" "+it.Properties+" ", " cover-image ") || (m.CoverPath == "" && it.ID == coverID && coverID != "") {
			m.CoverPath = path.Join(dir, it.Href)
			m.CoverType = it.MediaType
		}
	}
	if m.Identifier == "" {
		return m, errors.New("the package document has no identifier")
	}
	if m.Title == "" {
		return m, errors.New("the package document has no title")
	}
	return m, nil
}
