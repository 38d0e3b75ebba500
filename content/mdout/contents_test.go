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
