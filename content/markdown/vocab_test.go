package markdown

import (
	"strings"
	"testing"
)

// TestSharedHeader: the title, by-line, reading time, language and page
// residue are read with the plain-text reader's rules (content/vocab), in
// every language, with or without front matter.
func TestSharedHeader(t *testing.T) {
	de := "Hauke Haien steigt vom Knecht zum Deichgrafen auf, baut einen neuen Deich und geht mit seiner Familie in der Sturmflut unter. Er ist der Sohn eines Bauern und will, dass die Leute auf ihn hören, aber sie trauen ihm nicht.\n\n## Inhalt\n\nEin Reiter erzählt von der Nacht.\n"
	es := "Benina mendiga en secreto para mantener a su señora.\n\n## Personajes\n\nBenina, la criada.\n\n## Citas destacadas\n\n> «Ser pobre es no tener nada.»\n\n## Preguntas frecuentes\n\n### ¿Quién es Almudena?\n\nUn mendigo ciego.\n"
	for _, c := range []struct {
		name, in                  string
		opts                      Options
		title, book, author, lang string
		year, minutes, synopsis   int
	}{
		{"german guide word, von, Lesezeit", "# Der Schimmelreiter: Lektürehilfe\n\nvon Theodor Storm\n\nLesezeit: 7 Minuten\n\n" + de, Options{},
			"Der Schimmelreiter: Lektürehilfe", "Der Schimmelreiter", "Theodor Storm", "de", 0, 7, 1},
		{"spanish by-line, emoji clock, headings tell the language", "# Misericordia: guía de lectura\n\nde Benito Pérez Galdós\n\n⏱ 8 min de lectura\n\n" + es, Options{},
			"Misericordia: guía de lectura", "Misericordia", "Benito Pérez Galdós", "es", 0, 8, 1},
		{"--lang wins over the words", "# Der Schimmelreiter\n\nvon Theodor Storm\n\n" + de, Options{Language: "en"},
			"Der Schimmelreiter — A Study Guide", "Der Schimmelreiter", "Theodor Storm", "en", 0, 0, 1},
		{"default title in the guide's language", "# Der Schimmelreiter\n\nAutor: Theodor Storm\n\n" + de, Options{},
			"Der Schimmelreiter — Lektürehilfe", "Der Schimmelreiter", "Theodor Storm", "de", 0, 0, 1},
		{"emphasised reading time with front matter", "---\nlanguage: fr\nbook:\n  title: Candide\n  author: Voltaire\n---\n\n*Temps de lecture : 6 min*\n\nCandide parcourt le monde.\n", Options{},
			"Candide — Guide d’étude", "Candide", "Voltaire", "fr", 0, 6, 1},
		{"english reading time and web furniture", "# Little Dorrit — Study Guide\n\n*by Charles Dickens (1857)*\n\nReading time: 12 minutes\n\nAdvertisement\n\nAmy grows up in the Marshalsea.\n\n[Next chapter »](ch2.html)\n\nShare\n", Options{},
			"Little Dorrit — Study Guide", "Little Dorrit", "Charles Dickens", "en", 1857, 12, 1},
		{"X: A Study Guide", "# Emma: A Study Guide\n\nby Jane Austen\n\n⏱ 12 min read\n\nA match-maker.\n", Options{},
			"Emma: A Study Guide", "Emma", "Jane Austen", "en", 0, 12, 1},
		{"a sentence starting with By is no by-line", "# Emma\n\nBy the end of the novel, Emma has learnt.\n", Options{},
			"Emma — A Study Guide", "Emma", "", "en", 0, 0, 1},
		{"The Guide is a novel", "# The Guide\n\nby R. K. Narayan\n\nRaju, a tourist guide.\n", Options{},
			"The Guide — A Study Guide", "The Guide", "R. K. Narayan", "en", 0, 0, 1},
		{"front matter title only", "---\ntitle: \"Emma — Guía de lectura\"\nlanguage: es\n---\nUna casamentera.\n", Options{},
			"Emma — Guía de lectura", "Emma", "", "es", 0, 0, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse(c.in, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if g.Title != c.title || g.Book.Title != c.book || g.Book.Author != c.author || g.Language != c.lang || g.Book.Year != c.year || g.ReadingMinutes != c.minutes || len(g.Synopsis) != c.synopsis {
				t.Errorf("got title %q book %q author %q lang %s year %d minutes %d synopsis %q", g.Title, g.Book.Title, g.Book.Author, g.Language, g.Book.Year, g.ReadingMinutes, g.Synopsis)
			}
			for _, d := range g.Diagnostics {
				if d.Line == 0 {
					t.Errorf("diagnostic without a line: %+v", d)
				}
			}
		})
	}
}

// TestExplanationLabels: the label of a quote's explanation is dropped in
// every language, in the quotes section and in a section's block quote.
func TestExplanationLabels(t *testing.T) {
	for _, label := range []string{"Explanation:", "Analysis:", "Explicación:", "Explication :", "Erklärung:", "Spiegazione:", "Explicação:", "**Analyse :**"} {
		src := "# T\n\nby A B\n\n## Key Quotes\n\n> “Q.”\n> — Chapter 1\n\n" + label + " Why it matters.\n\n## Themes\n\n> “Q.”\n\n" + label + " Why it matters.\n"
		g, err := Parse(src, Options{Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		q, b := g.Quotes[0], g.Sections[0].Blocks[0]
		if len(q.Explanation) != 1 || q.Explanation[0].Plain() != "Why it matters." || len(b.Explanation) != 1 || b.Explanation[0].Plain() != "Why it matters." {
			t.Errorf("%s: %q / %q", label, q.Explanation, b.Explanation)
		}
		if strings.Contains(g.Quotes[0].Text.Plain(), ":") {
			t.Errorf("%s: %q", label, g.Quotes[0].Text.Plain())
		}
	}
}
