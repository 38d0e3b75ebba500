package mdout

import (
	"bytes"
	"math/rand"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/markdown"
)

// TestInlineText: text made of runs in one style each (plain, emphasis,
// strong, a link) and full of characters Markdown would read as syntax
// reads back with the same characters, none lost and no delimiter left in
// the text, and with the same styles except where a style had to give up
// punctuation at its edge (unglue).
func TestInlineText(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	words := []string{"word", " ", "a b", "*", "_", "’s", "“q”", ",", ".", "(x)", "1.", "#", "<b>", "&amp;", `\`, "`", "[", "]", "|", "~~", "é", "![", "{x}"}
	exact := 0
	const n = 3000
	for i := 0; i < n; i++ {
		var tx content.Text
		for k := 0; k < 1+rng.Intn(5); k++ {
			sp := content.Span{Text: words[rng.Intn(len(words))] + words[rng.Intn(len(words))]}
			// One style a run: emphasis and strong together next to
			// punctuation can make delimiter runs Markdown reads
			// otherwise (rule of 3), a known limit.
			switch rng.Intn(5) {
			case 1:
				sp.Em = true
			case 2:
				sp.Strong = true
			case 3:
				sp.Href = "https://example.org/a_(b)"
			}
			tx = append(tx, sp)
		}
		want := tx.TrimSpace()
		if want == nil || want[0].Strong {
			continue // "**word** — …" is a definition, a bold first line a question
		}
		g := &content.Guide{Title: "T", Book: content.Book{Title: "T"}, Language: "en",
			Sections: []content.Section{{Title: "S", Blocks: []content.Block{{Kind: content.Paragraph, Text: want}}}}}
		var b bytes.Buffer
		if err := Write(&b, g); err != nil {
			t.Fatal(err)
		}
		back, err := markdown.Parse(b.String(), markdown.Options{NoSmart: true})
		if err != nil {
			t.Fatal(err)
		}
		got := back.Sections[0].Blocks[0].Text
		if got.Plain() != want.Plain() {
			t.Errorf("%+v written as %s reads back as %q", []content.Span(want), inline(want, false), got.Plain())
		}
		if adjusted := edges(want.Normalize()); !equalText(got, adjusted) {
			t.Errorf("%+v written as %s reads back as %+v", []content.Span(adjusted), inline(want, false), []content.Span(got))
		}
		if equalText(got, want.Normalize()) {
			exact++
		}
	}
	t.Logf("%d of %d texts kept their styles exactly; the others gave up white space or punctuation at a style's edge", exact, n)
}

func equalText(a, b content.Text) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
