package layout

import (
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// TestRunningHeadsFit: the guide's title and the part's name share the
// running head's line: a short one leaves the other the rest of the line,
// a guide title too long for its room gives way to the book's title, and
// only what still does not fit is cut, at a word, with an ellipsis.
func TestRunningHeadsFit(t *testing.T) {
	long := "An Unreasonably Long Part Name That Goes On and On Across the Page Far Beyond Half Its Width"
	mid := "Chapters Nineteen to Twenty-Four: The Trial of Muff Potter and the Cave"
	cases := []struct {
		name, title, book, part string
		wantLeft, wantRight     string // exact, or a prefix when ending in "…"
	}{
		{"short part leaves the title room", "The Adventures of Tom Sawyer – A Study Guide for Grade Seven Readers",
			"The Adventures of Tom Sawyer", "Themes",
			"The Adventures of Tom Sawyer – A Study Guide for Grade Seven Readers", "Themes"},
		{"long part: the book's title stands for the guide's", "The Adventures of Tom Sawyer – A Study Guide for Grade Seven Readers",
			"The Adventures of Tom Sawyer", long,
			"The Adventures of Tom Sawyer", "An Unreasonably Long Part Name…"},
		{"short title leaves the part room", "Emma", "Emma", mid,
			"Emma", mid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var blocks []content.Block
			for i := 0; i < 40; i++ {
				blocks = append(blocks, content.Block{Kind: content.Paragraph,
					Text: content.Plain(strings.Repeat("A sentence long enough to fill a good part of a line of print. ", 4))})
			}
			g := &content.Guide{Title: c.title, Language: "en", Book: content.Book{Title: c.book, Author: "Mark Twain"},
				Sections: []content.Section{{Title: c.part, Blocks: blocks}}}
			lo := layOut(t, g, export.Options{})
			seen := false
			for _, pg := range lo.lay.Pages {
				var heads []string
				for _, it := range pg.Items {
					if it.Kind == Header {
						heads = append(heads, it.Text)
					}
				}
				if len(heads) != 2 || pg.Header != heads[1] || heads[1] != lo.lay.Pages[len(lo.lay.Pages)-1].Header {
					continue
				}
				seen = true
				check := func(side, got, want string) {
					if strings.HasSuffix(want, "…") {
						if !strings.HasPrefix(got, strings.TrimSuffix(want, "…")) || !strings.HasSuffix(got, "…") || strings.HasSuffix(got, " …") {
							t.Errorf("page %d, %s head %q: want it cut at a word after %q", pg.Number, side, got, want)
						}
						if rest := strings.TrimSuffix(strings.TrimPrefix(got, strings.TrimSuffix(want, "…")), "…"); rest != "" && !strings.HasPrefix(rest, " ") {
							t.Errorf("page %d, %s head %q: cut inside a word", pg.Number, side, got)
						}
						return
					}
					if got != want {
						t.Errorf("page %d, %s head %q, want %q", pg.Number, side, got, want)
					}
				}
				check("left", heads[0], c.wantLeft)
				check("right", heads[1], c.wantRight)
			}
			if !seen {
				t.Fatal("no page with both running heads")
			}
		})
	}
}
