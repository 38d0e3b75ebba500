package markdown

import (
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// TestUnansweredQuestionKept: an FAQ question without an answer is kept as
// text with a warning, as the plain-text reader keeps it (TestReadings18
// there): the last paragraph of the answer before, or, before any answer,
// a paragraph of a section named as the FAQ. It was left out, its text
// lost ("it was left out").
func TestUnansweredQuestionKept(t *testing.T) {
	const top = "# Silas Marner\n\nby George Eliot\n\n## Summary\n\nSilas is a weaver in Raveloe.\n\n"
	const summary = "## Summary [summary]\nparagraph: Silas is a weaver in Raveloe.\n"
	for _, c := range []struct {
		name, body, want, warnings string
	}{
		{"the only question, a heading", "## Frequently Asked Questions\n\n### Why does Silas leave Lantern Yard?\n",
			summary + "## Frequently Asked Questions\nparagraph: Why does Silas leave Lantern Yard?\n",
			"11: warning: the question \"Why does Silas leave Lantern Yard?\" has no answer; kept it as text in a section \"Frequently Asked Questions\"\n"},
		{"the first of three, bold; the last too", "## FAQ\n\n**Why does Silas leave Lantern Yard?**\n\n**Who is Eppie?**\n\nThe child Silas raises.\n\n**Where is the gold found?**\n\n## Themes\n\nGold and love.\n",
			summary + "## FAQ\nparagraph: Why does Silas leave Lantern Yard?\n## Themes [themes]\nparagraph: Gold and love.\nfaq: Who is Eppie? = The child Silas raises. | Where is the gold found?\n",
			"11: warning: the question \"Why does Silas leave Lantern Yard?\" has no answer; kept it as text in a section \"FAQ\"\n" +
				"17: warning: the question \"Where is the gold found?\" has no answer; kept it as the last paragraph of the answer before\n"},
		{"two unanswered first: one section", "## FAQ\n\n### Why does Silas leave Lantern Yard?\n\n### Who is Eppie?\n",
			summary + "## FAQ\nparagraph: Why does Silas leave Lantern Yard?\nparagraph: Who is Eppie?\n",
			"11: warning: the question \"Why does Silas leave Lantern Yard?\" has no answer; kept it as text in a section \"FAQ\"\n" +
				"13: warning: the question \"Who is Eppie?\" has no answer; kept it as text in a section \"FAQ\"\n"},
		{"answered: as ever", "## FAQ\n\n### Who is Eppie?\n\nThe child Silas raises.\n",
			summary + "faq: Who is Eppie? = The child Silas raises.\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, top+c.body)
			if got := shape(g); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if got := messages(g); got != c.warnings {
				t.Errorf("diagnostics\n%s\nwant\n%s", got, c.warnings)
			}
		})
	}
}

// TestUnansweredQuestionKeepsCode: the kept question's code stays code,
// as typed ("--" no dash), the prose beside it set as text is.
func TestUnansweredQuestionKeepsCode(t *testing.T) {
	g, err := Parse("# The sed Guide\n\nby the guidepress authors\n\n## FAQ\n\n### Why does `sed -n \"p\"` print twice -- or \"never\"?\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Sections) != 1 || len(g.Sections[0].Blocks) != 1 {
		t.Fatalf("got\n%s", shape(g))
	}
	want := content.Text{{Text: "Why does "}, {Text: `sed -n "p"`, Code: true}, {Text: " print twice — or “never”?"}}
	if got := g.Sections[0].Blocks[0].Text; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestCodeInGuideTitleKeptAsTyped: code typed in the guide's own title
// heading keeps its straight quotes, "--" and "..." as typed in the book's
// and the guide's titles made of it, as in a section's title (TestCodeIn
// TitlesKeptAsTyped); the prose beside it is set as ever. It was smartened
// ("The —help Flag").
func TestCodeInGuideTitleKeptAsTyped(t *testing.T) {
	for _, c := range []struct {
		name, src   string
		book, title string
	}{
		{"a title naming a guide", "# The `sed -n \"p\"` Guide\n\nby Lee E. McMahon\n\nA stream editor.\n",
			`The sed -n "p"`, `The sed -n "p" Guide`},
		{"a guide's title naming the book", "# The `--help` Flag: A Study Guide\n\nby A. Writer\n\nHelp.\n",
			"The --help Flag", "The --help Flag: A Study Guide"},
		{"prose beside the code", "# The `...` Operator -- \"spread\" in Go\n\nby A. Writer\n\nDots.\n",
			"The ... Operator — “spread” in Go", "The ... Operator — “spread” in Go — A Study Guide"},
		{"the author in the heading", "# The `--` Flag by A. Writer\n\nDashes.\n",
			"The -- Flag", "The -- Flag — A Study Guide"},
		{"no code: set as ever", "# Ishmael's \"Loomings\" -- a start\n\nby A. Writer\n\nText.\n",
			"Ishmael’s “Loomings” — a start", "Ishmael’s “Loomings” — a start — A Study Guide"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse(c.src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if g.Book.Title != c.book || g.Title != c.title {
				t.Errorf("book %q, guide %q\nwant %q, %q", g.Book.Title, g.Title, c.book, c.title)
			}
		})
	}
}
