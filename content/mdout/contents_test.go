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
