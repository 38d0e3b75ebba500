package layout

import (
	"testing"
)

// TestDashes: one dash convention, a spaced en dash.
func TestDashes(t *testing.T) {
	for in, want := range map[string]string{
		"love—and loss":        "love – and loss",
		"fate—“donations”—and": "fate – “donations” – and",
		"Go — A Study":         "Go – A Study",
		"I was—":               "I was—",
		"“—and then”":          "“—and then”",
		"said—”":               "said—”",
	} {
		if got := Dashes(in); got != want {
			t.Errorf("dashes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClean(t *testing.T) {
	if got := Clean(" a\u00ad b\t\n c\u200b\u00a0d "); got != "a b c\u00a0d" {
		t.Errorf("clean = %q", got)
	}
}
