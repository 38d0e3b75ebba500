package mdout

import (
	"bytes"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/markdown"
)

// TestContentsSectionKept: a section named like a table of contents in the
// model (a guide's own "Contents" list) is written with {role=none}, so
// that the reader keeps it rather than drop it as a copied contents list.
func TestContentsSectionKept(t *testing.T) {
	g := &content.Guide{Title: "T — A Study Guide", Book: content.Book{Title: "T", Author: "A B"}, Language: "en",
		Synopsis: []content.Text{content.Plain("A story.")},
		Sections: []content.Section{{Title: "Contents", Blocks: []content.Block{{Kind: content.List, Items: []content.ListItem{{Text: content.Plain("a box")}, {Text: content.Plain("a key")}}}}}}}
	var b bytes.Buffer
	if err := Write(&b, g); err != nil {
		t.Fatal(err)
	}
	back, err := markdown.Parse(b.String(), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Sections) != 1 || back.Sections[0].Title != "Contents" || len(back.Sections[0].Blocks) != 1 {
		t.Errorf("the section did not read back:\n%s\n%+v", b.String(), back.Sections)
	}
}

// TestThreeLevelsRoundTrip: a guide with the model's three levels of
// sections, as the plain-text reader makes them, reads back the same.
func TestThreeLevelsRoundTrip(t *testing.T) {
	part := func(title string, role content.Role) content.Section {
		return content.Section{Title: title, Role: role, Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain("Text.")}}}
	}
	g := &content.Guide{Title: "T — A Study Guide", Book: content.Book{Title: "T", Author: "A B"}, Language: "en",
		Synopsis: []content.Text{content.Plain("A story.")},
		Sections: []content.Section{{Title: "Summary and Analysis", Role: content.RoleSummary, Subsections: []content.Section{
			{Title: "Chapter 1", Subsections: []content.Section{part("Summary", content.RoleSummary), part("Analysis", content.RoleAnalysis)}},
			part("Chapter 2", ""),
		}}}}
	var b bytes.Buffer
	if err := Write(&b, g); err != nil {
		t.Fatal(err)
	}
	back, err := markdown.Parse(b.String(), markdown.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back.Diagnostics = nil
	if want, got := encode(t, g), encode(t, back); want != got {
		t.Errorf("the model changes through Markdown:\n%s\n--- markdown:\n%s", firstDiff(got, want), b.String())
	}
}

// TestNumberedParagraphsRoundTrip: paragraphs that open with numbers in
// sequence ("1. First", "2. Second") stay paragraphs through Markdown. The
// reader takes escaped numbers in sequence ("1\. …", "2\. …", as exports
// write a list) for an ordered list, so they came back as one.
func TestNumberedParagraphsRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name  string
		texts []string
	}{
		{"two in sequence", []string{"1. First numbered paragraph.", "2. Second numbered paragraph."}},
		{"brackets, from 4", []string{"4) Fourth.", "5) Fifth.", "6) Sixth."}},
		{"mixed, after text", []string{"Before.", "1. One.", "2) Two.", "After."}},
		{"not in sequence", []string{"1. One.", "3. Three."}},
		{"a year", []string{"1847. Jane Eyre appears.", "1848. Wuthering Heights."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var bs []content.Block
			for _, s := range c.texts {
				bs = append(bs, content.Block{Kind: content.Paragraph, Text: content.Plain(s)})
			}
			g := &content.Guide{Title: "T — A Study Guide", Book: content.Book{Title: "T", Author: "A B"}, Language: "en",
				Synopsis: []content.Text{content.Plain("A story.")},
				Sections: []content.Section{{Title: "Notes", Blocks: bs}}}
			var b bytes.Buffer
			if err := Write(&b, g); err != nil {
				t.Fatal(err)
			}
			back, err := markdown.Parse(b.String(), markdown.Options{NoSmart: true})
			if err != nil {
				t.Fatal(err)
			}
			if want, got := encode(t, g), encode(t, back); want != got {
				t.Errorf("the model changes through Markdown:\n%s\n--- markdown:\n%s", firstDiff(got, want), b.String())
			}
		})
	}
}
