package epub

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"strconv"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/internal/growth"
	tmpl "github.com/guidepress/guidepress/templates/epub"
)

// styledGuide has text the escaping writer must escape exactly as
// html/template does (NUL, +, quotes, apostrophes, angle brackets,
// ampersands, invalid UTF-8 is sanitised first), styled spans, links
// (handed to the template), blank link text, code (alone, in emphasis or
// strong, as a link's text, a line of verse), every block kind and
// sections nested to level five.
func styledGuide() *content.Guide {
	para := func(t content.Text) content.Block { return content.Block{Kind: content.Paragraph, Text: t} }
	deep := content.Section{Title: "Level 5 <deep>", Blocks: []content.Block{para(content.Plain("five"))}}
	for l := 4; l >= 2; l-- {
		deep = content.Section{Title: "Level " + strconv.Itoa(l) + " +&'\"", Blocks: []content.Block{para(content.Plain("x"))}, Subsections: []content.Section{deep}}
	}
	return &content.Guide{
		Title: "Styled", Book: content.Book{Title: "B"}, Language: "en",
		Sections: []content.Section{
			{Title: "A+B 'quoted' \"twice\" <tag> & \x00 nul", Blocks: []content.Block{
				para(content.Text{{Text: "plain "}, {Text: "em", Em: true}, {Text: " strong", Strong: true}, {Text: "both+", Em: true, Strong: true}}),
				para(content.Text{{Text: "see "}, {Text: "https://example.com/a/b?c=d&e", Href: "https://example.com/a/b?c=d&e"}}),
				para(content.Text{{Text: " ", Href: "https://example.com/"}, {Text: "blank link"}}),
				para(content.Text{{Text: "type "}, {Text: `--lang "es" <x> & 'y'`, Code: true}, {Text: " em code", Em: true, Code: true}, {Text: "strong", Strong: true}, {Text: "both", Em: true, Strong: true, Code: true}}),
				para(content.Text{{Text: "--help", Code: true, Href: "https://example.com/help"}}),
				{Kind: content.Verse, Lines: []content.Text{{{Text: `x = "1"`, Code: true}}}},
				{Kind: content.BlockQuote, Text: content.Plain("quoted"), Attribution: content.Plain("Someone")},
				{Kind: content.List, Items: []content.ListItem{{Text: content.Plain("one")}, {Text: content.Plain("two")}}},
				{Kind: content.Verse, Lines: []content.Text{content.Plain("l1"), content.Plain("l2")}},
				para(nil),
			}, Subsections: []content.Section{deep, {Title: "empty"}}},
			{Title: "Second"},
		},
	}
}

// TestMarkupAsTemplates: what markup.go writes is byte for byte what
// the templates write, for every section of every repository guide,
// growth shape and the styled guide: the sections ("chapter"), the
// table of contents' entries ("navitem") and the page list.
func TestMarkupAsTemplates(t *testing.T) {
	guides := repoGuides(t)
	guides["sample"], guides["tricky"], guides["styled"] = sampleGuide(), trickyGuide(), styledGuide()
	for _, s := range growth.Shapes {
		guides["growth/"+s.String()] = loadGrowth(t, s, 12)
	}
	for name, g := range guides {
		g, _ := sanitize(g)
		marks := marksFor(g.Language)
		for i, s := range g.Sections {
			sd, e := sectionTree(s, "s"+strconv.Itoa(i+1), 1, xhtmlDir+chapterFile(i), marks)
			want, err := render("chapter", sd)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := writeSection(&got, &sd); err != nil {
				t.Fatal(err)
			}
			if got.String() != want {
				t.Fatalf("%s: section %d:\nwriter:   %q\ntemplate: %q", name, i+1, got.String(), want)
			}
			e.Lang = "en" // as on the labels the book supplies
			checkNavItems(t, name, []*navEntry{e})
		}
	}
	// A link the book never makes is left to the template.
	checkNavItems(t, "odd links", []*navEntry{{Title: "a", Href: "xhtml/a b.xhtml#x?y", Children: []*navEntry{{Title: "b", Href: "javascript:alert(1)"}}}})

	pages := []pageRef{{Label: "1", Href: "nav.xhtml#page-1"}, {Label: `iv & <v> "+'`, Href: "xhtml/chapter-01.xhtml#page-2"}}
	var got, want bytes.Buffer
	if err := writePageItems(&got, pages); err != nil {
		t.Fatal(err)
	}
	page := template.Must(template.New("").Parse("{{range .}}\n<li><a href=\"{{.Href}}\">{{.Label}}</a></li>{{end}}"))
	if err := page.Execute(&want, pages); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("page list:\nwriter:   %q\ntemplate: %q", got.String(), want.String())
	}
	if err := writePageItems(&got, []pageRef{{Label: "1", Href: "a b"}}); err == nil {
		t.Error("a page link with a space was written")
	}
}

func checkNavItems(t *testing.T, name string, es []*navEntry) {
	t.Helper()
	var got, want bytes.Buffer
	if err := writeNavItems(&got, es); err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		want.WriteByte('\n')
		if err := tmpl.Nav().ExecuteTemplate(&want, "navitem", e); err != nil {
			t.Fatal(err)
		}
	}
	if got.String() != want.String() {
		t.Fatalf("%s: contents entry:\nwriter:   %q\ntemplate: %q", name, got.String(), want.String())
	}
}

// The NCX as encoding/xml marshalled it before ncx wrote it itself.
type refNCX struct {
	XMLName  xml.Name      `xml:"http://www.daisy.org/z3986/2005/ncx/ ncx"`
	Version  string        `xml:"version,attr"`
	Lang     string        `xml:"xml:lang,attr"`
	Meta     []ncxMeta     `xml:"head>meta"`
	DocTitle string        `xml:"docTitle>text"`
	NavMap   []refNavPoint `xml:"navMap>navPoint"`
}

type refNavPoint struct {
	ID        string `xml:"id,attr"`
	PlayOrder int    `xml:"playOrder,attr"`
	Label     string `xml:"navLabel>text"`
	Content   struct {
		Src string `xml:"src,attr"`
	} `xml:"content"`
	Children []refNavPoint `xml:"navPoint"`
}

func (b *book) refNCX() []byte {
	order, depth := 0, 0
	var points func([]*navEntry, int) []refNavPoint
	points = func(es []*navEntry, level int) []refNavPoint {
		if level > depth && len(es) > 0 {
			depth = level
		}
		var out []refNavPoint
		for _, e := range es {
			order++
			p := refNavPoint{ID: "np-" + strconv.Itoa(order), PlayOrder: order, Label: e.Title}
			p.Content.Src = e.Href
			p.Children = points(e.Children, level+1)
			out = append(out, p)
		}
		return out
	}
	root := refNCX{Version: "2005-1", Lang: b.g.Language, DocTitle: b.g.Title, NavMap: points(b.toc, 1)}
	root.Meta = []ncxMeta{{"dtb:uid", export.Identifier(b.g)}, {"dtb:depth", strconv.Itoa(depth)}, {"dtb:totalPageCount", "0"}, {"dtb:maxPageNumber", "0"}}
	out, err := xml.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(append([]byte(xml.Header), out...), '\n')
}

// TestNCXAsEncodingXML: ncx writes what encoding/xml marshalled, for
// every repository guide, growth shape, the styled guide, a book with
// no contents, and titles, languages and links encoding/xml escapes
// (quotes, tabs, new lines, control characters, invalid UTF-8,
// non-characters).
func TestNCXAsEncodingXML(t *testing.T) {
	guides := repoGuides(t)
	guides["sample"], guides["tricky"], guides["styled"] = sampleGuide(), trickyGuide(), styledGuide()
	for _, s := range growth.Shapes {
		guides["growth/"+s.String()] = loadGrowth(t, s, 12)
	}
	for name, g := range guides {
		g, _ := sanitize(g)
		b := &book{g: g, opts: fixed, cover: cover.Image{Ext: ".png"}}
		if err := b.plan(); err != nil {
			t.Fatal(err)
		}
		got, err := b.ncx(new(bytes.Buffer))
		if err != nil {
			t.Fatal(err)
		}
		if want := b.refNCX(); !bytes.Equal(got, want) {
			t.Fatalf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
	odd := "a\"b'c&d<e>f\tg\nh\ri\x01j\x00k\xffl\uFFFEm\uFFFDn😀o"
	b := &book{g: &content.Guide{Title: odd, Language: odd}, toc: []*navEntry{{Title: odd, Href: odd, Children: []*navEntry{{Title: "", Href: ""}}}}}
	got, _ := b.ncx(new(bytes.Buffer))
	if want := b.refNCX(); !bytes.Equal(got, want) {
		t.Errorf("odd text:\n got %q\nwant %q", got, want)
	}
	b.toc = nil
	got, _ = b.ncx(new(bytes.Buffer))
	if want := b.refNCX(); !bytes.Equal(got, want) {
		t.Errorf("no contents:\n got %q\nwant %q", got, want)
	}
}

// TestCodeMarkup: text marked code is set in <code>, inside emphasis and
// strong and inside a link, by the escaping writer and by the template
// alike (TestMarkupAsTemplates checks they agree). Before, the model had
// no code and the EPUB set it as the text around it.
func TestCodeMarkup(t *testing.T) {
	g, _ := sanitize(styledGuide())
	sd, _ := sectionTree(g.Sections[0], "s1", 1, xhtmlDir+chapterFile(0), marksFor(g.Language))
	var b bytes.Buffer
	if err := writeSection(&b, &sd); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<p dir="auto">type <code>--lang &#34;es&#34; &lt;x&gt; &amp; &#39;y&#39;</code><em><code> em code</code></em><strong>strong</strong><strong><em><code>both</code></em></strong></p>`,
		`<a href="https://example.com/help"><code>--help</code></a>`,
		`<code>x = &#34;1&#34;</code>`,
	} {
		if !bytes.Contains(b.Bytes(), []byte(want)) {
			t.Errorf("no %s in\n%s", want, b.String())
		}
	}
}
