package markdown

import (
	"strings"
	"testing"
)

// TestHTMLLayout: HTML that only lays a page out — a README's title block
// centred in <div align="center">, an export's page break, a <div> or <p>
// around a line of text — is left out, its text kept, with one note. The
// wrapped title was no title at all (an error), and the text in a <div>
// was read with two warnings.
func TestHTMLLayout(t *testing.T) {
	for _, c := range []struct{ name, src, want, diag string }{
		{"a README's centred title block",
			"<div align=\"center\">\n\n# The Call of the Wild\n\n*by Jack London*\n\n</div>\n\nBuck is stolen.\n\n## Themes\n\nThe wild.\n",
			"synopsis: Buck is stolen.\n## Themes [themes]\nparagraph: The wild.\n", "info: left out HTML layout tags"},
		{"a page break between sections",
			"# Emma\n\nby Jane Austen\n\nEmma meddles.\n\n## Themes\n\nMarriage.\n\n<div class=\"page-break\"></div>\n\n<div style=\"page-break-after: always;\"></div>\n\n## Characters\n\nEmma.\n",
			"synopsis: Emma meddles.\n## Themes [themes]\nparagraph: Marriage.\n## Characters [characters]\nparagraph: Emma.\n", "info: left out HTML layout tags"},
		{"text in a div is text",
			"# Emma\n\nby Jane Austen\n\n<div align=\"center\">A classroom companion</div>\n\nEmma meddles.\n\n## Themes\n\n<p align=\"center\">Marriage.</p>\n",
			"synopsis: A classroom companion\nsynopsis: Emma meddles.\n## Themes [themes]\nparagraph: Marriage.\n", ""},
		{"other HTML is still said",
			"# Emma\n\nby Jane Austen\n\nEmma meddles.\n\n## Themes\n\n<table><tr><td>Marriage.</td></tr></table>\n",
			"synopsis: Emma meddles.\n## Themes [themes]\nparagraph: Marriage.\n", "warning: raw HTML is not passed through"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := outline(t, c.src); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			g, err := Parse(c.src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var ds []string
			for _, d := range g.Diagnostics {
				ds = append(ds, string(d.Severity)+": "+d.Message)
			}
			if c.diag == "" && len(ds) > 0 || c.diag != "" && (len(ds) != 1 || !strings.HasPrefix(ds[0], c.diag)) {
				t.Errorf("diagnostics %q, want one starting %q", ds, c.diag)
			}
			if g.Book.Author == "" {
				t.Errorf("no author: %+v", g.Book)
			}
		})
	}
}

// TestDetailsOutsideFAQ: a <details> disclosure in a section is read open,
// as the model holds it: in a discussion section its question is the next
// prompt and what it hides the answer under it; elsewhere, with text after
// it, its summary is a paragraph in bold over the paragraphs it hid (at a
// section's end it is a subsection: TestClosingDisclosures). Question and answer were
// run into one paragraph (or the question was a paragraph of its own and
// the answer lost its place under it).
func TestDetailsOutsideFAQ(t *testing.T) {
	shapes(t, "# The Call of the Wild\n\nby Jack London\n\nBuck is stolen.\n\n", []shapeCase{
		{"one line in a chapter", "## Chapter 1\n\nBuck lives well.\n\n<details><summary>Why is Buck stolen?</summary>Because dogs are needed.</details>\n\nAfter.\n",
			"synopsis: Buck is stolen.\n## Chapter 1\nparagraph: Buck lives well.\nparagraph: **Why is Buck stolen?**\nparagraph: Because dogs are needed.\nparagraph: After.\n"},
		{"Markdown inside, two paragraphs", "## Chapter 1\n\n<details>\n<summary>Spoiler: the ending</summary>\n\nBuck runs with the wolves.\n\nHe comes back.\n\n</details>\n\nAfter.\n",
			"synopsis: Buck is stolen.\n## Chapter 1\nparagraph: **Spoiler: the ending**\nparagraph: Buck runs with the wolves.\nparagraph: He comes back.\nparagraph: After.\n"},
		{"not closed: the next one starts", "## Chapter 1\n\n<details><summary>One?</summary>\n\nA.\n\n<details><summary>Two?</summary>B.</details>\n\nAfter.\n",
			"synopsis: Buck is stolen.\n## Chapter 1\nparagraph: **One?**\nparagraph: A.\nparagraph: **Two?**\nparagraph: B.\nparagraph: After.\n"},
		{"prompts in a discussion section", "## Check Your Understanding\n\n1. Who steals Buck?\n\n<details>\n<summary>Why does Buck fight Spitz?</summary>\n\nFor leadership.\n\n</details>\n\n<details><summary>Q3. What is the law of club and fang?</summary>Might is right.</details>\n",
			"synopsis: Buck is stolen.\n## Check Your Understanding [discussion]\nlist: 1. Who steals Buck? | 2. Why does Buck fight Spitz?\nparagraph: For leadership.\nlist: 3. What is the law of club and fang?\nparagraph: Might is right.\n"},
	})
}
