package markdown

import (
	"fmt"
	"testing"

	"github.com/guidepress/guidepress/content"
)

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

// TestReadings20 has one case per misreading session 20 fixed in the
// Markdown reader; each failed before its fix. Each case gives the
// book's author and year, the synopsis and the diagnostics.
func TestReadings20(t *testing.T) {
	const body = "## Summary\n\nEdna Pontellier spends a summer at Grand Isle.\n"
	const noAuthor = ": warning: no author found; put \"by AUTHOR\" on the line under the title, or book.author in the front matter\n"
	read := func(s string) string {
		return "3: info: read \"" + s + "\", a name standing under the title, as the book's author; if it is not, put \"by AUTHOR\" there instead\n"
	}
	for _, c := range []struct {
		name, src, want, diags string
	}{
		{"a name and a year alone under the title are the author and the year, as plain text reads them (the line was the synopsis, no author)",
			"# The Awakening\n\nKate Chopin (1899)\n\n" + body, "Kate Chopin 1899 \n",
			read("Kate Chopin (1899)")},
		{"a name alone, in italics", "# The Awakening\n\n*Kate Chopin*\n\n" + body, "Kate Chopin 0 \n",
			read("Kate Chopin")},
		{"one word with a year", "# Candide\n\nVoltaire, 1759\n\n" + body, "Voltaire 1759 \n",
			read("Voltaire, 1759")},
		{"one word without a year is the synopsis", "# Candide\n\nVoltaire\n\n" + body, " 0 synopsis: Voltaire\n",
			"1" + noAuthor},
		{"a second title is the synopsis", "# Frankenstein\n\nOr, The Modern Prometheus\n\n" + body, " 0 synopsis: Or, The Modern Prometheus\n",
			"1" + noAuthor},
		{"not right under the title", "# The Awakening\n\nA Study Guide\n\nKate Chopin\n\n" + body, " 0 synopsis: Kate Chopin\n",
			"1" + noAuthor},
		{"a guide with front matter names its author there: the name is the synopsis", "---\ntitle: The Awakening\n---\n\n# The Awakening\n\nKate Chopin\n\n" + body, " 0 synopsis: Kate Chopin\n",
			"5" + noAuthor},
		{"a book report's fields under its name: the title field names the book again, the author and year (they were the synopsis, no author)",
			"# Book Report: The Moonstone\n\n**Title:** The Moonstone\n**Author:** Wilkie Collins\n**Year of publication:** 1868\n\n" + body, "Wilkie Collins 1868 \n",
			"3: info: left out \"Title: The Moonstone\": it names the book again\n"},
		{"a title field naming another book is the synopsis", "# Book Report: The Moonstone\n\nTitle: The Woman in White\nAuthor: Wilkie Collins\n\n" + body,
			" 0 synopsis: Title: The Woman in White Author: Wilkie Collins\n", "1" + noAuthor},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, c.src)
			got := fmt.Sprintf("%s %d %s", g.Book.Author, g.Book.Year, synopsisOf(g))
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
			if d := messages(g); d != c.diags {
				t.Errorf("diagnostics\n%s\nwant\n%s", d, c.diags)
			}
		})
	}
}

// synopsisOf renders a guide's synopsis as shape does, then a new line.
func synopsisOf(g *content.Guide) string {
	s := ""
	for _, p := range g.Synopsis {
		s += "synopsis: " + p.Plain() + "\n"
	}
	if s == "" {
		return "\n"
	}
	return s
}

// TestCastNames: a character list's lines of names alone, with or without
// who some of them are, are a list of its lines, as the plain-text reader
// reads them (TestReadings20 there); they were one paragraph, the names
// run together, or verse. Elsewhere, or with a line that is no name, the
// paragraph is as ever.
func TestCastNames(t *testing.T) {
	const top = "# Macbeth\n\nby William Shakespeare\n\n"
	for _, c := range []struct{ name, body, want string }{
		{"names alone", "## Characters\n\nPhileas Fogg\nPassepartout\nDetective Fix\n",
			"## Characters [characters]\nlist: Phileas Fogg | Passepartout | Detective Fix\n"},
		{"some described", "## Dramatis Personae\n\nDUNCAN, King of Scotland\nMALCOLM\nDONALBAIN\nLADY MACBETH – his wife, later queen\n",
			"## Dramatis Personae [characters]\nlist: DUNCAN, King of Scotland | MALCOLM | DONALBAIN | LADY MACBETH – his wife, later queen\n"},
		{"hard breaks", "## Characters\n\nPhileas Fogg\\\nPassepartout\n",
			"## Characters [characters]\nlist: Phileas Fogg | Passepartout\n"},
		{"all described: definitions as ever", "## Characters\n\n**Fogg** — a gentleman\n**Fix** — a detective\n",
			"## Characters [characters]\ndefinitions: \n"},
		{"a sentence among them", "## Characters\n\nPhileas Fogg\nHe bets on the journey.\n",
			"## Characters [characters]\nparagraph: Phileas Fogg He bets on the journey.\n"},
		{"not a character list", "## Summary\n\nPhileas Fogg\nPassepartout\n",
			"## Summary [summary]\nparagraph: Phileas Fogg Passepartout\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := shape(parseValid(t, top+c.body)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestTabsAreSpaces: a tab in a Markdown paragraph's, item's, quote's or
// heading's text is a space, as in plain text and HTML; a run of spaces
// and tabs is one. Code keeps it, and terms in tab columns are read by
// it (TestTabColumnTerms). It stayed in the model ("raised\tin").
func TestTabsAreSpaces(t *testing.T) {
	g := parseValid(t, "# Candide\n\nby Voltaire\n\n## Summary\n\nCandide is raised\tin a castle \t in Westphalia.\n\n- an item\twith a tab\n\n> A quote\twith a tab\n\n### Chapter\t1\n\nThe code `a\tb` keeps it.\n\n## Vocabulary\n\nWord\tMeaning\n\n- optimism\tthe belief that all is for the best\n- a note\n")
	got := shape(g)
	want := "## Summary [summary]\nparagraph: Candide is raised in a castle in Westphalia.\nlist: an item with a tab\nquote: A quote with a tab\n## Vocabulary [vocabulary]\nparagraph: Word Meaning\nlist: optimism the belief that all is for the best | a note\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	sub := g.Sections[0].Subsections
	if len(sub) != 1 || sub[0].Title != "Chapter 1" || sub[0].Blocks[0].Text.Plain() != "The code a\tb keeps it." {
		t.Errorf("subsections %+v", sub)
	}
}
