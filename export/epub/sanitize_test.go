package epub

import (
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// A guide that needs no repair is not copied (its model is most of a
// huge guide's memory and would be held twice for the whole build); one
// that does is copied and left as it was.
func TestSanitizeCopiesOnlyRepairs(t *testing.T) {
	g := sampleGuide()
	g.Diagnostics = []content.Diagnostic{{Severity: content.Info, Message: "kept in g"}}
	gc, diags := sanitize(g)
	if len(diags) != 0 || gc == g || gc.Diagnostics != nil || len(g.Diagnostics) != 1 {
		t.Fatalf("clean guide: %v diagnostics, same guide %v, diagnostics %v / %v", diags, gc == g, gc.Diagnostics, g.Diagnostics)
	}
	if &gc.Sections[0] != &g.Sections[0] || &gc.FAQ[0] != &g.FAQ[0] {
		t.Error("a guide that needs no repair was copied")
	}

	dirty := sampleGuide()
	dirty.Sections[1].Blocks[0].Text = content.Plain("bad\x01text\ttab")
	want := sampleGuide()
	want.Sections[1].Blocks[0].Text = content.Plain("bad\x01text\ttab")
	gc, diags = sanitize(dirty)
	if len(diags) != 1 || diags[0].Message != "epub: sections[1].blocks[0].text: removed 1 character(s) that cannot appear in an e-book (control characters or invalid UTF-8)" {
		t.Errorf("dirty guide: diagnostics %v, want 1 naming sections[1].blocks[0].text", diags)
	}
	if got := gc.Sections[1].Blocks[0].Text.Plain(); got != "badtext tab" {
		t.Errorf("repaired text %q", got)
	}
	if !reflect.DeepEqual(dirty, want) {
		t.Error("sanitize changed its input")
	}
	if &gc.Sections[0] == &dirty.Sections[0] {
		t.Error("a repaired guide shares its input's sections")
	}
}
