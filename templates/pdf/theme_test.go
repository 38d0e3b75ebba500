package pdf

import (
	"strings"
	"testing"
)

func TestDefaultParses(t *testing.T) {
	th, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if th.Body.Size < 9 || th.Body.Size > 13 {
		t.Errorf("body size %v pt is not a reading size", th.Body.Size)
	}
	if th.Body.Leading < 1.2 || th.Body.Leading > 1.6 {
		t.Errorf("body leading %v", th.Body.Leading)
	}
	if len(th.Headings.Levels) < 3 {
		t.Errorf("want 3 heading levels, got %d", len(th.Headings.Levels))
	}
	if th.Heading(9) != th.Headings.Levels[len(th.Headings.Levels)-1] {
		t.Error("Heading does not clamp")
	}
}

func TestParseRejects(t *testing.T) {
	for name, edit := range map[string]func(string) string{
		"unknown key": func(s string) string { return strings.Replace(s, `"top": 24`, `"topp": 24`, 1) },
		"bad colour":  func(s string) string { return strings.Replace(s, `"#1A1A1A"`, `"black"`, 1) },
		"zero size":   func(s string) string { return strings.Replace(s, `"size": 11,`, `"size": 0,`, 1) },
		"not json":    func(s string) string { return s[:len(s)/2] },
	} {
		if _, err := Parse([]byte(edit(string(JSON())))); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestParseColor(t *testing.T) {
	c, err := ParseColor("#B03A2E")
	if err != nil || c != (Color{0xB0, 0x3A, 0x2E}) {
		t.Errorf("got %v %v", c, err)
	}
	for _, s := range []string{"B03A2E", "#B03A2", "#GGGGGG", ""} {
		if _, err := ParseColor(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

// TestStyles: every style parses over the standard theme and keeps the
// rules it exists for.
func TestStyles(t *testing.T) {
	std, _ := Default()
	for _, name := range Styles {
		th, err := Named(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch name {
		case "standard":
			if th.Margins.MeasureChars > 75 || th.Pages.TailLines < 5 || th.Furniture.HeadOnOpeners || th.Furniture.FolioOnTitle {
				t.Errorf("standard: %+v %+v %+v", th.Margins, th.Pages, th.Furniture)
			}
		case "compact":
			if th.Pages.Cover || th.Pages.SectionBreaks || th.Body.Size >= std.Body.Size {
				t.Errorf("compact: %+v body %v", th.Pages, th.Body.Size)
			}
		case "large-print":
			if th.Body.Size < 18 || th.Heading(2).Size < 22 || th.Body.Leading < 1.4 || th.Text.Italic == "italic" ||
				th.Callout.Style == "italic" || th.Text.Family != "atkinson" || th.Text.HyphenBreaks {
				t.Errorf("large-print: %+v %+v", th.Body, th.Text)
			}
		case "dyslexia":
			if th.Body.Size < 13 || th.Body.Size > 14 || th.Body.Leading < 1.5 || th.Text.Italic != "bold" ||
				th.Blocks.UnderlineWidth != 0 || th.Pages.Tint == nil || th.Text.LetterSpacing <= 0 {
				t.Errorf("dyslexia: %+v %+v %+v", th.Body, th.Text, th.Pages)
			}
		}
	}
	if std2, _ := Default(); std2.Heading(0) != std.Heading(0) {
		t.Error("a style changed the standard theme's heading levels")
	}
	if _, err := Named("tiny"); err == nil {
		t.Error("style tiny accepted")
	}
	if _, err := Overlay(std, []byte(`{"text": {"famly": "x"}}`)); err == nil {
		t.Error("a misspelt key in a style accepted")
	}
}
