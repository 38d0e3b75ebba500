package plaintext

import (
	"os"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/decode"
	"github.com/guidepress/guidepress/internal/checkers"
)

func loadFile(t *testing.T, path string, opts Options) *content.Guide {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, _, err := decode.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(text, opts)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := g.Validate(); err != nil {
		t.Fatalf("%s: invalid model: %v", path, err)
	}
	return g
}

// TestSeed checks the reference guide in ../shared/seed, which stays outside
// the repository; it is skipped where that folder is absent.
func TestSeed(t *testing.T) {
	g := loadFile(t, checkers.Seed(t, "never-let-me-go.txt"), Options{})
	if g.Book.Title != "Never Let Me Go" || g.Book.Author != "Kazuo Ishiguro" {
		t.Errorf("book = %+v", g.Book)
	}
	if g.Title != "Never Let Me Go — A Study Guide" {
		t.Errorf("title = %q", g.Title)
	}
	if g.ReadingMinutes != 41 {
		t.Errorf("reading minutes = %d, want 41", g.ReadingMinutes)
	}
	if g.Language != "en" {
		t.Errorf("language = %q", g.Language)
	}
	if len(g.Synopsis) != 1 || !strings.HasPrefix(g.Synopsis[0].Plain(), "Set in an alternate Britain") {
		t.Errorf("synopsis = %q", g.Synopsis)
	}
	if len(g.Quotes) != 3 {
		t.Errorf("quotes = %d, want 3", len(g.Quotes))
	} else if !strings.HasPrefix(g.Quotes[0].Text.Plain(), "We took away") {
		t.Errorf("quote 1 = %q", g.Quotes[0].Text)
	}
	want := []struct {
		title string
		subs  int
	}{{"Plot Summary", 3}, {"Character Analysis", 4}, {"Themes and Literary Devices", 5}, {"Critical Analysis", 4}}
	if len(g.Sections) != len(want) {
		t.Errorf("sections = %d, want %d", len(g.Sections), len(want))
	}
	for i, w := range want {
		if i >= len(g.Sections) {
			break
		}
		s := g.Sections[i]
		if s.Title != w.title || len(s.Subsections) != w.subs || len(s.Blocks) != 0 {
			t.Errorf("section %d = %q with %d subsections and %d blocks, want %q with %d and 0", i, s.Title, len(s.Subsections), len(s.Blocks), w.title, w.subs)
		}
	}
	if len(g.FAQ) != 20 {
		t.Errorf("FAQ = %d entries, want 20", len(g.FAQ))
	}
	for i, f := range g.FAQ {
		if !strings.HasSuffix(f.Question, "?") || len(f.Answer) != 1 {
			t.Errorf("FAQ %d = %q with %d answer paragraphs", i, f.Question, len(f.Answer))
		}
	}
	if n := g.BlockQuotes(); n != 14 {
		t.Errorf("block quotes = %d, want 14", n)
	}
	// Neither the texts nor anything else in the model (diagnostics
	// included) may carry the damage or the residue.
	var js strings.Builder
	if err := content.EncodeJSON(&js, g); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"〞", "Buy the book", "Book Cover Summary", "min read", "00:00"} {
		if strings.Contains(js.String(), bad) {
			t.Errorf("model contains %q", bad)
		}
	}
	for _, d := range g.Diagnostics {
		t.Logf("diag %d %s %s", d.Line, d.Severity, d.Message)
	}
}
