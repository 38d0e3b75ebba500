package epub

import (
	"strings"
	"testing"
)

func TestURLParts(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.folger.edu/explore/hamlet/read/": "https://|www.folger.edu/|explore/|hamlet/|read/",
		"http://a.org":                "http://|a.org",
		"www.example.org/a-b/c?d=e/f": "www.example.org/|a-b/|c?d=e/|f",
		"Project Gutenberg":           "Project Gutenberg",
		"see https://example.org/a/b": "see https://example.org/a/b",
		"https://":                    "https://",
		"mailto:teacher@example.org":  "mailto:teacher@example.org",
	} {
		parts := URLParts(in)
		if got := strings.Join(parts, "|"); got != want {
			t.Errorf("URLParts(%q) = %q, want %q", in, got, want)
		}
		if strings.Join(parts, "") != in {
			t.Errorf("URLParts(%q) loses text", in)
		}
	}
}
