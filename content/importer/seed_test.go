package importer

import (
	"fmt"
	"os"
	"testing"

	"github.com/guidepress/guidepress/internal/checkers"
)

// TestSeedLoad runs the reference guide through the whole pipeline, as the
// exporters and the CLI do (content/plaintext's TestSeed checks it in
// detail). Skipped when ../shared is absent.
func TestSeedLoad(t *testing.T) {
	path := checkers.Seed(t, "never-let-me-go.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Load("never-let-me-go.txt", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var subs []int
	for _, s := range g.Sections {
		subs = append(subs, len(s.Subsections))
	}
	got := fmt.Sprintf("%s|%s|%d|%d quotes|%d faq|%d block quotes|%v",
		g.Book.Title, g.Book.Author, g.ReadingMinutes, len(g.Quotes), len(g.FAQ), g.BlockQuotes(), subs)
	if want := "Never Let Me Go|Kazuo Ishiguro|41|3 quotes|20 faq|14 block quotes|[3 4 5 4]"; got != want {
		t.Errorf("seed read as %s, want %s", got, want)
	}
}
