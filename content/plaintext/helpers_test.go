package plaintext

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// modelTexts lists every text of the model in document order.
func modelTexts(g *content.Guide) []string {
	out := []string{g.Title, g.Book.Title, g.Book.Author}
	if g.Book.Year != 0 {
		out = append(out, strconv.Itoa(g.Book.Year)) // the book's: "Charles Dickens (1859)"
	}
	out = append(out, g.Author)
	out = append(out, content.PlainAll(g.Synopsis)...)
	for _, q := range g.Quotes {
		out = append(out, q.Text.Plain())
		out = append(out, content.PlainAll(q.Lines)...)
		out = append(out, q.Attribution.Plain())
		out = append(out, content.PlainAll(q.Explanation)...)
	}
	var walk func([]content.Section)
	walk = func(ss []content.Section) {
		for _, s := range ss {
			out = append(out, s.Title)
			for _, b := range s.Blocks {
				out = append(out, blockTexts(b)...)
			}
			walk(s.Subsections)
		}
	}
	walk(g.Sections)
	for _, f := range g.FAQ {
		out = append(out, f.Question)
		out = append(out, content.PlainAll(f.Answer)...)
	}
	return out
}

// blockTexts lists the texts of a block in reading order.
func blockTexts(b content.Block) []string {
	out := []string{b.Text.Plain(), b.Speaker}
	out = append(out, content.PlainAll(b.Lines)...)
	out = append(out, b.Attribution.Plain())
	out = append(out, content.PlainAll(b.Explanation)...)
	var items func([]content.ListItem)
	items = func(its []content.ListItem) {
		for _, it := range its {
			out = append(out, it.Text.Plain())
			if it.Sublist != nil {
				items(it.Sublist.Items)
			}
		}
	}
	items(b.Items)
	for _, d := range b.Terms {
		out = append(out, d.Term.Plain(), d.Definition.Plain())
	}
	out = append(out, content.PlainAll(b.Header)...)
	for _, r := range b.Rows {
		out = append(out, content.PlainAll(r)...)
	}
	out = append(out, b.Caption.Plain())
	return out
}

// checkOutline parses in, checks the model is valid, that its outline is
// want and that no line of in is lost, and returns the guide.
func checkOutline(t *testing.T, in string, opts Options, want string) *content.Guide {
	t.Helper()
	g, err := Parse(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("lang=%s year=%d\n", g.Language, g.Book.Year) + outline(g)
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if lost := lostText(in, g); len(lost) > 0 {
		t.Errorf("lost %q", lost)
	}
	return g
}

// reading is a case of a table-driven reading test: a guide, the outline
// it must read as (checkOutline) and a diagnostic it must carry.
type reading struct {
	name, in, want string
	opts           Options
	note           string // a diagnostic's message must hold it, if set
}

// checkReadings runs each case as a subtest.
func checkReadings(t *testing.T, tests []reading) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := checkOutline(t, tt.in, tt.opts, tt.want)
			if tt.note == "" {
				return
			}
			for _, d := range g.Diagnostics {
				if strings.Contains(d.Message, tt.note) {
					return
				}
			}
			t.Errorf("no note with %q: %v", tt.note, g.Diagnostics)
		})
	}
}
