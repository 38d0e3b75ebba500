package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClipKeepsWholeCharacters: a message quotes a tag, an image's file or
// a summary cut to a length; the cut falls on a character's boundary, so
// the message stays valid UTF-8 (it cut bytes, and "<span title=\"café…"
// split the é: a message JSON and terminals show as a replacement mark).
func TestClipKeepsWholeCharacters(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 40, "short"},
		{"abcdef", 3, "abc…"},
		{"abcdé", 5, "abcd…"},   // é is bytes 4–5: the cut at 5 would split it
		{"abcdéf", 6, "abcdé…"}, // after é: as before
		{"日本語", 4, "日…"},
		{"日本語", 9, "日本語"},
	} {
		if got := clip(c.in, c.n); got != c.want || !utf8.ValidString(got) {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// TestClippedMessagesValid: a reader's message quoting a clipped tag of
// non-ASCII text is valid UTF-8.
func TestClippedMessagesValid(t *testing.T) {
	tag := `<span title="` + strings.Repeat("a", 26) + `ééé">`
	g, err := Parse("# Emma\n\nby Jane Austen\n\n## Summary\n\nText "+tag+"here</span>.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range g.Diagnostics {
		if strings.Contains(d.Message, "raw HTML") {
			found = true
		}
		if !utf8.ValidString(d.Message) {
			t.Errorf("line %d: message not valid UTF-8: %q", d.Line, d.Message)
		}
	}
	if !found {
		t.Errorf("no raw-HTML message: %+v", g.Diagnostics)
	}
}
