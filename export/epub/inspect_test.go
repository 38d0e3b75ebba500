package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// unpacked is an EPUB opened for assertions.
type unpacked struct {
	order []string // zip entry names in order
	files map[string][]byte
	opf   testOPF
}

type testOPF struct {
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
	Items []opfItem `xml:"manifest>item"`
	Spine opfSpine  `xml:"spine"`
}

func unpack(t testing.TB, data []byte) *unpacked {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	u := &unpacked{files: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		u.order = append(u.order, f.Name)
		u.files[f.Name] = b
	}
	if err := xml.Unmarshal(u.files[opfPath], &u.opf); err != nil {
		t.Fatal(err)
	}
	return u
}

// meta returns the values of a dc: element (by local name, e.g. "creator")
// or of meta elements with that property.
func (u *unpacked) meta(name string) []string {
	var out []string
	for _, e := range u.opf.Metadata.Elems {
		if (e.XMLName.Local == name && e.XMLName.Local != "meta") || (e.XMLName.Local == "meta" && e.Property == name && e.Refines == "") {
			out = append(out, strings.TrimSpace(e.Data))
		}
	}
	return out
}

// spine is the reading order as hrefs.
func (u *unpacked) spine() []string {
	byID := map[string]string{}
	for _, it := range u.opf.Items {
		byID[it.ID] = it.Href
	}
	var out []string
	for _, r := range u.opf.Spine.Items {
		out = append(out, byID[r.IDRef])
	}
	return out
}

// navOutline lists a nav element of the navigation document (by epub:type)
// as indented "title → href" lines.
func (u *unpacked) navOutline(t testing.TB, navType string) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(u.files[opfDir+navFile]))
	var out []string
	in, depth, inA := false, 0, false
	label, href, typ := "", "", ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "nav":
				in = attr(x, "type") == navType
			case "ol":
				if in {
					depth++
				}
			case "a":
				if in {
					inA, label, href, typ = true, "", attr(x, "href"), attr(x, "type")
				}
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "nav":
				in = false
			case "ol":
				if in {
					depth--
				}
			case "a":
				if in {
					inA = false
					line := strings.Repeat("  ", depth-1) + label + " → " + href
					if typ != "" {
						line = typ + ": " + line
					}
					out = append(out, line)
				}
			}
		case xml.CharData:
			if inA {
				label += string(x)
			}
		}
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// text is the character data of every content document in spine order,
// whitespace collapsed, and the names of all elements used.
func (u *unpacked) text(t testing.TB) (string, map[string]bool) {
	t.Helper()
	var b strings.Builder
	elems := map[string]bool{}
	for _, href := range u.spine() {
		d := xml.NewDecoder(bytes.NewReader(u.files[opfDir+href]))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", href, err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				elems[x.Name.Local] = true
				switch x.Name.Local {
				case "em", "strong", "a", "wbr":
					// inline: no word boundary
				default:
					b.WriteByte(' ')
				}
			case xml.CharData:
				b.Write(x)
			}
		}
	}
	return strings.Join(strings.Fields(b.String()), " "), elems
}

// outline is the golden form of a book's structure.
func (u *unpacked) outline(t testing.TB) string {
	var b strings.Builder
	fmt.Fprintln(&b, "# zip order")
	for _, n := range u.order {
		fmt.Fprintln(&b, n)
	}
	fmt.Fprintln(&b, "# metadata")
	for _, e := range u.opf.Metadata.Elems {
		k := e.XMLName.Local
		if e.XMLName.Space != "" && k != "meta" {
			k = "dc:" + k
		}
		if e.Property != "" {
			k += " " + e.Property
		}
		if e.Refines != "" {
			k += " refines=" + e.Refines
		}
		if e.Name != "" {
			k += " " + e.Name + "=" + e.Content
		}
		fmt.Fprintf(&b, "%s: %s\n", k, strings.TrimSpace(e.Data))
	}
	fmt.Fprintln(&b, "# manifest")
	for _, it := range u.opf.Items {
		fmt.Fprintf(&b, "%s %s %s %s\n", it.ID, it.Href, it.MediaType, it.Properties)
	}
	fmt.Fprintln(&b, "# spine")
	for _, s := range u.spine() {
		fmt.Fprintln(&b, s)
	}
	fmt.Fprintln(&b, "# toc")
	for _, l := range u.navOutline(t, "toc") {
		fmt.Fprintln(&b, l)
	}
	fmt.Fprintln(&b, "# landmarks")
	for _, l := range u.navOutline(t, "landmarks") {
		fmt.Fprintln(&b, l)
	}
	return b.String()
}
