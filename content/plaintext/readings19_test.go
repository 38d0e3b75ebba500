package plaintext

import (
	"testing"

	"github.com/guidepress/guidepress/content/vocab"
)

// TestReadings19 has one case per misreading session 19 fixed in the
// plain-text reader; each failed before its fix.
func TestReadings19(t *testing.T) {
	const top = "Pride and Prejudice\nby Jane Austen\n\nNotes\n\n"
	const table = "| Name | Who |\n| Elizabeth Bennet | the second daughter |\n| Fitzwilliam Darcy | a proud gentleman |\n"
	const head = "lang=en year=0\nbook: Pride and Prejudice | Jane Austen | 0 min | Pride and Prejudice — A Study Guide\nsection: Notes\n"
	const rows = "  table: Name | Who / Elizabeth Bennet | the second daughter / Fitzwilliam Darcy | a proud gentleman"
	checkReadings(t, []reading{
		{
			name: "a source line under a table (\"— the narrator\") is its caption, kept as typed, as Markdown reads it (it was a list of one item, \"the narrator\", its dash lost)",
			in:   top + table + "\n— the narrator\n\nThe Bennets have five daughters.\n",
			want: head + rows + " / caption: — the narrator\n  paragraph: The Bennets have five daughters.\n",
			note: "read the line under the table as its caption (its source)",
		},
		{
			name: "set tight under the table, in brackets",
			in:   top + table + "(Volume 1, Chapter 3)\n",
			want: head + rows + " / caption: (Volume 1, Chapter 3)\n",
			note: "as its caption",
		},
		{
			name: "a short guide's section names typed tight over their text tell its language, as names standing alone do (it was English: \"… — A Study Guide\")",
			in:   "Pan Tadeusz\nAdam Mickiewicz\n\nStreszczenie\nTadeusz wraca do domu stryja.\n\nBohaterowie\nTadeusz – młody szlachcic\nZosia – wychowanica Telimeny\n",
			want: "lang=pl year=0\nbook: Pan Tadeusz | Adam Mickiewicz | 0 min | Pan Tadeusz — Opracowanie lektury\nsection: Streszczenie\n  paragraph: Tadeusz wraca do domu stryja.\nsection: Bohaterowie\n  definitions: Tadeusz = młody szlachcic | Zosia = wychowanica Telimeny\n",
			note: "the guide is in Polish (2 of its headings are Polish names",
		},
		{
			name: "tight names of two languages settle nothing",
			in:   "Pan Tadeusz\nAdam Mickiewicz\n\nStreszczenie\nTadeusz wraca do domu stryja.\n\nCharacters\nTadeusz – młody szlachcic\nZosia – wychowanica Telimeny\n",
			want: "lang=en year=0\nbook: Pan Tadeusz | Adam Mickiewicz | 0 min | Pan Tadeusz — A Study Guide\nsection: Streszczenie\n  paragraph: Tadeusz wraca do domu stryja.\nsection: Characters\n  definitions: Tadeusz = młody szlachcic | Zosia = wychowanica Telimeny\n",
		},
		{
			name: "a list in dashes under a table stays a list",
			in:   top + table + "\n— Elizabeth, the heroine\n— Darcy, the hero\n",
			want: head + rows + "\n  list: bullets: Elizabeth, the heroine | Darcy, the hero\n",
		},
	})
}

// TestLanguageWordsReadOnce: a guide's words are read once to tell its
// language, whether they settle it (a long English guide) or its section
// names must (a short Polish one); they were read twice, once to decide
// whether to gather the names and again to decide.
func TestLanguageWordsReadOnce(t *testing.T) {
	reads := 0
	defer func(f func(string) vocab.Detection) { readWords = f }(readWords)
	read := readWords
	readWords = func(s string) vocab.Detection { reads++; return read(s) }
	for _, c := range []struct{ name, in, lang string }{
		{"words settle it", "Silas Marner\nby George Eliot\n\nSummary\n\nSilas is a weaver who lives alone in the village of Raveloe, and he hoards the gold he is paid for his work. When the gold is stolen, a child with golden hair comes to his door in the snow, and he raises her as his own; she is the daughter of the squire's son, who does not say so for sixteen years.\n", "en"},
		{"section names settle it", "Pan Tadeusz\nAdam Mickiewicz\n\nStreszczenie\n\nTadeusz wraca do domu stryja.\n\nBohaterowie\n\nTadeusz – młody szlachcic\n", "pl"},
	} {
		reads = 0
		g, err := Parse(c.in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if g.Language != c.lang || reads != 1 {
			t.Errorf("%s: language %q, words read %d times; want %q, once", c.name, g.Language, reads, c.lang)
		}
	}
}
