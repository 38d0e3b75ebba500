package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/internal/growth"
	"github.com/guidepress/guidepress/internal/matterhorn"
	"github.com/guidepress/guidepress/internal/pdfobj"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// TestMatterhorn: every fixture, in every style and on both paper
// sizes, as a handout, a worksheet and its answer key, passes the
// machine-checkable checkpoints of the Matterhorn Protocol (PDF/UA-1)
// that internal/matterhorn knows. The booklet, a print imposition whose
// pages are all artifacts, does not claim PDF/UA: no XMP identifier.
//
// The 480 builds take 2.6 s of CPU, 23 s under -race (which finds nothing
// here the other tests' builds would not): under -race the worksheet and
// key are checked in the standard style on A4 only, the handout in every
// style and size (14 s).
func TestMatterhorn(t *testing.T) {
	type kind struct {
		name  string
		build func(*content.Guide, export.Options) ([]byte, []content.Diagnostic, error)
	}
	kinds := []kind{{"pdf", Build}, {"worksheet", BuildWorksheet}, {"answers", BuildAnswers}}
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			for _, style := range theme.Styles {
				for _, paper := range []export.Paper{export.A4, export.Letter} {
					opts := teacher
					opts.Modified, opts.Style, opts.Paper = fixed, style, paper
					for i, k := range kinds {
						if i > 0 && growth.Race && (style != theme.Styles[0] || paper != export.A4) {
							continue
						}
						out, _, err := k.build(fx.g, opts)
						if err != nil {
							t.Fatalf("%s %s %s: %v", style, paper, k.name, err)
						}
						if len(out) == 0 {
							continue // no answers without an FAQ
						}
						fs, err := matterhorn.Check(out)
						if err != nil {
							t.Fatalf("%s %s %s: reading it back: %v", style, paper, k.name, err)
						}
						for _, f := range fs {
							t.Errorf("%s %s %s: %v", style, paper, k.name, f)
						}
					}
				}
			}
		})
	}
}

// TestBookletMakesNoClaim: the booklet is tagged sanely (the checker
// finds nothing else wrong) but does not claim PDF/UA.
func TestBookletMakesNoClaim(t *testing.T) {
	out, _, err := BuildBooklet(sampleGuide(), export.Options{Modified: fixed})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := matterhorn.Check(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(fs); len(fs) != 1 || fs[0].Check != "xmp-missing" {
		t.Errorf("booklet: want only the missing PDF/UA metadata, got %s", got)
	}
	f, err := pdfobj.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Root()["Metadata"]; ok {
		t.Error("the booklet has XMP metadata")
	}
}

// TestXMPMetadata: the XMP packet says what the Info dictionary says
// (title, subject, keywords, author, creator, producer, dates, as
// SOURCE_DATE_EPOCH or Options.Modified give them), plus the publisher
// and the language, with XML's special characters escaped.
func TestXMPMetadata(t *testing.T) {
	g := sampleGuide()
	g.Title = `Pride & <Prejudice> "annotated"`
	out, _, _ := build(t, g, teacher)
	f, err := pdfobj.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := f.Resolve(f.Root()["Metadata"]).(*pdfobj.Stream)
	if !ok {
		t.Fatal("no /Metadata stream")
	}
	if s.Dict["Filter"] != nil || s.Dict["Subtype"] != pdfobj.Name("XML") || s.Dict["Type"] != pdfobj.Name("Metadata") {
		t.Errorf("metadata stream dictionary %v: want /Type /Metadata /Subtype /XML, unfiltered", s.Dict)
	}
	x := xmpFields(t, s.Raw)
	info := f.Dict(f.Trailer["Info"])
	text := func(k pdfobj.Name) string {
		v, _ := f.Resolve(info[k]).(pdfobj.String)
		return textString(v)
	}
	lang, _ := f.Root()["Lang"].(pdfobj.String)
	for _, c := range []struct{ xmp, want string }{
		{"pdfuaid:part", "1"},
		{"dc:title", text("Title")},
		{"dc:description", text("Subject")},
		{"pdf:Keywords", text("Keywords")},
		{"dc:creator", text("Author")},
		{"xmp:CreatorTool", text("Creator")},
		{"pdf:Producer", text("Producer")},
		{"xmp:CreateDate", "2024-05-17T09:30:00Z"},
		{"xmp:ModifyDate", "2024-05-17T09:30:00Z"},
		{"dc:publisher", teacher.Publisher},
		{"dc:language", string(lang)},
		{"dc:format", "application/pdf"},
	} {
		if x[c.xmp] != c.want || c.want == "" {
			t.Errorf("%s = %q, want %q", c.xmp, x[c.xmp], c.want)
		}
	}
	if text("Title") != layout.Clean(g.Title) {
		t.Errorf("Info /Title %q, want %q", text("Title"), layout.Clean(g.Title))
	}
	for _, k := range []pdfobj.Name{"CreationDate", "ModDate"} {
		if got := text(k); got != "D:20240517093000Z" {
			t.Errorf("Info /%s = %q, want D:20240517093000Z (UTC, as the XMP dates)", k, got)
		}
	}
	if !bytes.HasPrefix(s.Raw, []byte("<?xpacket begin=\"\ufeff\"")) || !bytes.HasSuffix(s.Raw, []byte("<?xpacket end=\"r\"?>")) {
		t.Error("the packet is not wrapped in xpacket processing instructions")
	}
	// No guide author: no dc:creator (the novelist is not the guide's).
	out, _, _ = build(t, sampleGuide(), export.Options{})
	f, _ = pdfobj.Parse(out)
	s, _ = f.Resolve(f.Root()["Metadata"]).(*pdfobj.Stream)
	if x := xmpFields(t, s.Raw); x["dc:creator"] != "" || x["dc:publisher"] != "" {
		t.Errorf("dc:creator %q, dc:publisher %q without opts.Author/Publisher", x["dc:creator"], x["dc:publisher"])
	}
}

// xmpFields reads an XMP packet's properties (the children of
// rdf:Description) as "prefix:name" → text, the text of an rdf:Alt, Seq or
// Bag being its items'.
func xmpFields(t *testing.T, b []byte) map[string]string {
	t.Helper()
	prefix := map[string]string{
		"http://purl.org/dc/elements/1.1/": "dc", "http://ns.adobe.com/xap/1.0/": "xmp",
		"http://ns.adobe.com/pdf/1.3/": "pdf", "http://www.aiim.org/pdfua/ns/id/": "pdfuaid",
	}
	out := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, prop := 0, ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("XMP is not well-formed: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 4 { // x:xmpmeta > rdf:RDF > rdf:Description > property
				prop = prefix[v.Name.Space] + ":" + v.Name.Local
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth >= 4 && strings.TrimSpace(string(v)) != "" {
				out[prop] += string(v)
			}
		}
	}
}

// TestCoverFigure: the cover is one Figure, the first element of the
// document, whose alternative text is what the cover prints.
func TestCoverFigure(t *testing.T) {
	g := sampleGuide()
	out, _, _ := build(t, g, teacher)
	f, err := pdfobj.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	doc := f.Dict(f.Dict(f.Root()["StructTreeRoot"])["K"])
	kids, _ := f.Resolve(doc["K"]).(pdfobj.Array)
	if doc["S"] != pdfobj.Name("Document") || len(kids) == 0 {
		t.Fatalf("no Document element with kids: %v", doc)
	}
	fig := f.Dict(kids[0])
	if fig["S"] != pdfobj.Name("Figure") {
		t.Fatalf("the first element is %v, not the cover's Figure", fig["S"])
	}
	alt, _ := fig["Alt"].(pdfobj.String)
	got := textString(alt)
	ct := cover.TextFor(g)
	for _, w := range []string{"Cover: ", setTitle(ct.Title), set(ct.Author)} {
		if !strings.Contains(got, w) {
			t.Errorf("the cover's /Alt %q does not say %q", got, w)
		}
	}
	n := 0
	for _, o := range f.Objects {
		if d, ok := o.(pdfobj.Dict); ok && d["S"] == pdfobj.Name("Figure") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d Figure elements, want 1 (the cover)", n)
	}
}

// BenchmarkXMPPacket is the XMP packet's cost per build.
func BenchmarkXMPPacket(b *testing.B) {
	m := docMeta{title: "Never Let Me Go — A Study Guide", subject: "A study guide to Never Let Me Go by Kazuo Ishiguro",
		keywords: "study guide; Never Let Me Go; Kazuo Ishiguro; quotes; FAQ", author: "Ms A. Teacher", publisher: "Hilltop & Library",
		lang: "en", time: fixed}
	b.ReportAllocs()
	for b.Loop() {
		xmpPacket(m)
	}
}

// TestContentsLinkDescriptions: every link annotation of a contents entry
// (the title's rows and the page number's) is described by the entry as
// printed, "Key Quotes 4", never by the bare number.
func TestContentsLinkDescriptions(t *testing.T) {
	out, lay, _ := build(t, sampleGuide(), teacher)
	f, err := pdfobj.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, e := range lay.TOC {
		want[strings.Join(strings.Fields(e.Title), " ")+" "+fmt.Sprint(e.Page)] = true
	}
	seen := map[string]int{}
	ps, _ := f.Pages()
	for _, p := range ps {
		annots, _ := f.Resolve(p.Dict["Annots"]).(pdfobj.Array)
		for _, a := range annots {
			d := f.Dict(a)
			if d["Dest"] == nil {
				continue // a web link
			}
			c, _ := d["Contents"].(pdfobj.String)
			s := textString(c)
			if !want[s] {
				t.Errorf("a contents link is described as %q, not as an entry", s)
			}
			seen[s]++
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d entries described, want %d", len(seen), len(want))
	}
}

// textString decodes a PDF text string: UTF-16BE after a byte order mark,
// else as bytes (the ASCII this package writes).
func textString(v pdfobj.String) string {
	b := []byte(v)
	if len(b) < 2 || b[0] != 0xFE || b[1] != 0xFF {
		return string(b)
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 2; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}
