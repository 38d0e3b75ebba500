package importer

import (
	"testing"

	"github.com/guidepress/guidepress/content"
)

// TestKeyFactsBook: a guide whose title lines name no author or year takes
// them from its key facts, the same in plain text and in Markdown
// (definitions, "- **Published:** 1902" bullets, a two-column table, a
// definition list); the Markdown reader read none of them, the plain-text
// reader no author and no "Year:". The title lines win when they say.
func TestKeyFactsBook(t *testing.T) {
	for _, tt := range []struct {
		name, file, src string
		want            content.Book
	}{
		{"text: label lines", "a.txt", "The Hound of the Baskervilles\n\nA curse and a hound.\n\nKey Facts\n\nFull title: The Hound of the Baskervilles\nAuthor: Arthur Conan Doyle\nPublished: 1902\n",
			content.Book{Title: "The Hound of the Baskervilles", Author: "Arthur Conan Doyle", Year: 1902}},
		{"text: Year: and a name with its dates", "a.txt", "The Hound of the Baskervilles\n\nA curse and a hound.\n\nKey Facts\n\nAuthor: Arthur Conan Doyle (1859–1930)\nYear: 1902\n",
			content.Book{Title: "The Hound of the Baskervilles", Author: "Arthur Conan Doyle", Year: 1902}},
		{"text: Spanish", "a.txt", "Marianela\n\nUna joven guía a un ciego.\n\nDatos clave\n\nAutor: Benito Pérez Galdós\nAño de publicación: 1878\n",
			content.Book{Title: "Marianela", Author: "Benito Pérez Galdós", Year: 1878}},
		{"text: the by-line wins", "a.txt", "The Hound of the Baskervilles\nby A. C. Doyle\n\nA curse and a hound.\n\nKey Facts\n\nAuthor: Arthur Conan Doyle\nPublished: 1902\n",
			content.Book{Title: "The Hound of the Baskervilles", Author: "A. C. Doyle", Year: 1902}},
		{"markdown: bold labels", "a.md", "# The Hound of the Baskervilles\n\nA curse and a hound.\n\n## Key Facts\n\n- **Full title:** The Hound of the Baskervilles\n- **Author:** Arthur Conan Doyle\n- **Published:** 1902\n",
			content.Book{Title: "The Hound of the Baskervilles", Author: "Arthur Conan Doyle", Year: 1902}},
		{"markdown: a table", "a.md", "# The Hound of the Baskervilles\n\nA curse and a hound.\n\n## Key Facts\n\n| Fact | Detail |\n| --- | --- |\n| Author | Arthur Conan Doyle |\n| Year | 1902 |\n",
			content.Book{Title: "The Hound of the Baskervilles", Author: "Arthur Conan Doyle", Year: 1902}},
		{"markdown: a definition list", "a.md", "# The Hound of the Baskervilles\n\nA curse and a hound.\n\n## Key Facts\n\nAuthor\n: Arthur Conan Doyle\n\nDate of publication\n: March 1902\n",
			content.Book{Title: "The Hound of the Baskervilles", Author: "Arthur Conan Doyle", Year: 1902}},
		{"markdown: front matter wins", "a.md", "---\nbook:\n  title: The Hound of the Baskervilles\n  author: A. C. Doyle\n  year: 1901\n---\n\nA curse and a hound.\n\n## Key Facts\n\n- **Author:** Arthur Conan Doyle\n- **Published:** 1902\n",
			content.Book{Title: "The Hound of the Baskervilles", Author: "A. C. Doyle", Year: 1901}},
		{"markdown: not in key facts", "a.md", "# The Hound of the Baskervilles\n\nA curse and a hound.\n\n## Themes\n\n- **Author:** a character who writes\n- **Year:** 1902\n",
			content.Book{Title: "The Hound of the Baskervilles"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Load(tt.file, []byte(tt.src), Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if g.Book != tt.want {
				t.Errorf("book %+v, want %+v", g.Book, tt.want)
			}
			warned := false
			for _, d := range g.Diagnostics {
				warned = warned || d.Severity == content.Warning && d.Message[:15] == "no author found"
			}
			if warned != (tt.want.Author == "") {
				t.Errorf("no-author warning %v with author %q: %v", warned, g.Book.Author, g.Diagnostics)
			}
		})
	}
}
