package markdown

import "testing"

// TestFrontMatterIsTheHeader: under front matter that names the guide or
// its book, a heading under the title is a section, never a header line;
// without front matter a year heading under the by-line is still the
// book's year. FuzzMarkdown found "0\n\nBY 0\n# 1000": its section "1000",
// written as "## 1000" by inspect --markdown, read back as the year and
// the guide as having no text.
func TestFrontMatterIsTheHeader(t *testing.T) {
	const fm = "---\ntitle: Emma — A Study Guide\nbook:\n  title: Emma\n  author: Jane Austen\n---\n\n"
	for _, c := range []struct {
		name, in, want string
		year           int
	}{
		{"front matter: a year heading is a section", fm + "# Emma — A Study Guide\n\n## 1815\n\nThe year the novel came out.\n",
			"## 1815\nparagraph: The year the novel came out.\n", 0},
		{"front matter: an empty year heading is a section", fm + "# Emma — A Study Guide\n\n## 1815\n\n## Characters\n\nEmma Woodhouse.\n",
			"## 1815\n## Characters [characters]\nparagraph: Emma Woodhouse.\n", 0},
		{"no front matter: the year under the by-line is the book's", "# Emma\n\nby Jane Austen\n\n## 1815\n\n## Characters\n\nEmma Woodhouse.\n",
			"## Characters [characters]\nparagraph: Emma Woodhouse.\n", 1815},
		{"front matter: a reading time alone under the title, written as inspect --markdown writes a synopsis, is text", fm + "# Emma — A Study Guide\n\n&#53; min read\n\n## Characters\n\nEmma Woodhouse.\n",
			"synopsis: 5 min read\n## Characters [characters]\nparagraph: Emma Woodhouse.\n", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, c.in)
			if got := shape(g); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if g.Book.Year != c.year {
				t.Errorf("year %d, want %d", g.Book.Year, c.year)
			}
		})
	}
	// Front matter without the author: the by-line under the title, and
	// what its paragraph says besides, are still read.
	g := parseValid(t, "---\ntitle: Emma Notes\n---\n# Emma\n\nby Jane Austen · 1815 · 12 min read\n\nA match-maker.\n")
	if g.Book.Author != "Jane Austen" || g.Book.Year != 1815 || g.ReadingMinutes != 12 {
		t.Errorf("book %+v, %d minutes; want Jane Austen, 1815, 12 minutes", g.Book, g.ReadingMinutes)
	}
	// The fuzzer's inputs reading back is FuzzMarkdown's corpus entries
	// 807646851a9cdea1 and a6d183625a5a0887 (mdout imports this package).
}
