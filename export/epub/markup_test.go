package epub

import (
	"bytes"
	"html/template"
	"strconv"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/growth"
	tmpl "github.com/guidepress/guidepress/templates/epub"
)

// styledGuide has text the escaping writer must escape exactly as
// html/template does (NUL, +, quotes, apostrophes, angle brackets,
// ampersands, invalid UTF-8 is sanitised first), styled spans, links
// (handed to the template), blank link text, every block kind and
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
			sd, e := sectionTree(s, "s"+strconv.Itoa(i+1), 1, chapterFile(i), marks)
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
