package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
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

// TestFAQLabels: "Q:"/"A:" labels (P:/R:, F:/A:, D:/R:, Frage:/Antwort:)
// are not kept, whatever form the questions take, and a labelled or bold
// question is a question in an FAQ that also has question headings.
func TestFAQLabels(t *testing.T) {
	type qa struct{ q, a string }
	for _, c := range []struct {
		name, faq string
		want      []qa
	}{
		{"bold Q/A", "**Q: What is it?**\nA: A prison.\n\n**Q: Who is he?**\nA: A man.\n",
			[]qa{{"What is it?", "A prison."}, {"Who is he?", "A man."}}},
		{"bold label only", "**Q:** What is it?\n\n**A:** A prison.\n", []qa{{"What is it?", "A prison."}}},
		{"plain labels", "Q: What is it?\nA: A prison.\n", []qa{{"What is it?", "A prison."}}},
		{"one line", "Q: What is it? A: A prison.\n", []qa{{"What is it?", "A prison."}}},
		{"spanish", "**P: ¿Qué es?**\nR: Una cárcel.\n", []qa{{"¿Qué es?", "Una cárcel."}}},
		{"german", "**F: Was ist das?**\n\nA: Ein Gefängnis.\n", []qa{{"Was ist das?", "Ein Gefängnis."}}},
		{"italian long", "### Domanda: Che cos'è?\n\nRisposta: Una prigione.\n", []qa{{"Che cos’è?", "Una prigione."}}},
		{"heading with label", "### Q: What is it?\n\nA: A prison.\n", []qa{{"What is it?", "A prison."}}},
		{"mixed forms", "**Q: What is it?**\nA: A prison.\n\n#### Why is she little?\n\nShe is small.\n",
			[]qa{{"What is it?", "A prison."}, {"Why is she little?", "She is small."}}},
		{"bold question before headings", "**What is it?**\n\nA prison.\n\n### Who is he?\n\nA man.\n",
			[]qa{{"What is it?", "A prison."}, {"Who is he?", "A man."}}},
		{"bold lead-in under a heading stays answer", "### What is it?\n\n**In short:** a prison.\n",
			[]qa{{"What is it?", "In short: a prison."}}},
		{"numbered question headings", "### 1. What is it?\n\nA prison.\n\n### 2) Who is he?\n\nA man.\n",
			[]qa{{"What is it?", "A prison."}, {"Who is he?", "A man."}}},
		{"bold question and answer in one paragraph", "**What is it?** A prison.\n\n**Who is he?** A man.\n",
			[]qa{{"What is it?", "A prison."}, {"Who is he?", "A man."}}},
		{"a list of questions", "1. **What is it?** A prison.\n2. **Who is he?**\n   A man.\n3. Why?\n\n   Because.\n",
			[]qa{{"What is it?", "A prison."}, {"Who is he?", "A man."}, {"Why?", "Because."}}},
		{"a list that is an answer", "### What is in it?\n\n- a prison\n- a man\n",
			[]qa{{"What is in it?", "a prison | a man"}}},
		{"an answer that starts with A as a word", "### Who?\n\nA man back from China.\n", []qa{{"Who?", "A man back from China."}}},
		// A numbered label with the question in bold, the answer after
		// it: the answer was run into the question, which had none.
		{"labelled bold question, answer after it", "**Q1. Who is Harriet?** A friend.\n\n**Q2: Is Knightley right?** Mostly.\n",
			[]qa{{"Who is Harriet?", "A friend."}, {"Is Knightley right?", "Mostly."}}},
		// A definition list (pandoc's, PHP Markdown Extra's): the terms
		// are the questions; it was text with no question.
		{"a definition list", "Who narrates?\n:   Lockwood and Nelly Dean.\n\nWhy two narrators?\n:   Distance.\n:   And irony.\n",
			[]qa{{"Who narrates?", "Lockwood and Nelly Dean."}, {"Why two narrators?", "Distance. | And irony."}}},
		{"bold label, plain question", "**Q1.** Who is Harriet?\n\nA friend.\n", []qa{{"Who is Harriet?", "A friend."}}},
		{"label without a mark", "Q1 Who is Harriet?\n\nA friend.\n\nQ2 Is Knightley right?\nMostly.\n", []qa{{"Who is Harriet?", "A friend."}, {"Is Knightley right?", "Mostly."}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# T\n\nby A B\n\nText.\n\n## FAQ\n\n"+c.faq, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			var got []qa
			for _, f := range g.FAQ {
				var a []string
				for _, p := range f.Answer {
					a = append(a, p.Plain())
				}
				got = append(got, qa{f.Question, strings.Join(a, " | ")})
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("got %q, want %q", got, c.want)
				}
			}
		})
	}
}

// TestQuoteAttributions: a bracketed attribution after a whole quotation
// or on the quote's last line is the attribution, and a line set wholly in
// emphasis gives a plain one; a bracket inside a sentence stays text.
func TestQuoteAttributions(t *testing.T) {
	for _, c := range []struct {
		name, quotes, text, attr string
		styled                   bool
	}{
		{"list item, bracket", `- "Little Dorrit!" (Clennam, Book 2)`, "Little Dorrit!", "Clennam, Book 2", false},
		{"paragraph, page", `"It was a prison." (p. 12).`, "It was a prison.", "p. 12", false},
		{"german quotation marks", `- „Das Rechtgefühl machte ihn zum Räuber.“ (Erzähler, Anfang)`, "Das Rechtgefühl machte ihn zum Räuber.", "Erzähler, Anfang", false},
		{"guillemets", `- «Ser pobre es no tener nada.» — Capítulo X`, "Ser pobre es no tener nada.", "Capítulo X", false},
		{"list item, dash", `- "Do nothing." — Chapter 10`, "Do nothing.", "Chapter 10", false},
		{"block quote, emphasised dash line", "> \"Nobody's fault.\"\n>\n> *— Book 1, Chapter 2*", "Nobody’s fault.", "Book 1, Chapter 2", false},
		{"block quote, strong dash line", "> \"Nobody's fault.\"\n> **— Book 1**", "Nobody’s fault.", "Book 1", false},
		{"block quote, bracket line", "> \"Nobody's fault.\"\n> (Book 1, Chapter 2)", "Nobody’s fault.", "Book 1, Chapter 2", false},
		{"block quote, trailing dash", "> \"Nobody's fault.\" — Book 1", "Nobody’s fault.", "Book 1", false},
		{"list item, square brackets", `- "Badly done, Emma!" [Ch. 43]`, "Badly done, Emma!", "Ch. 43", false},
		{"block quote, HTML cite line", "> \"Nobody's fault.\"\n> <cite>Book 1, Chapter 2</cite>", "Nobody’s fault.", "Book 1, Chapter 2", false},
		{"a title in the attribution keeps its emphasis", "> \"Nobody's fault.\"\n> — Dickens, *Little Dorrit*", "Nobody’s fault.", "Dickens, Little Dorrit", true},
		{"a bracket inside the text", `- "Little Dorrit" is what (they call her)`, "“Little Dorrit” is what (they call her)", "", false},
		{"a bracket after a quotation that is not whole", `- "Little" and "Dorrit" (her names)`, "“Little” and “Dorrit” (her names)", "", false},
		{"a dash before commentary that quotes a title is no attribution", "> \"Beauty will save the world\" — a line often credited to \"The Idiot\".", "“Beauty will save the world” — a line often credited to “The Idiot”.", "", false},
		{"guillemets, commentary after the dash", "> «Красота спасёт мир» — эту фразу приписывают роману, но она из «Идиота».", "«Красота спасёт мир» — эту фразу приписывают роману, но она из «Идиота».", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# T\n\nby A B\n\nText.\n\n## Key Quotes\n\n"+c.quotes+"\n", Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Quotes) != 1 {
				t.Fatalf("quotes: %+v", g.Quotes)
			}
			q := g.Quotes[0]
			if q.Text.Plain() != c.text || q.Attribution.Plain() != c.attr {
				t.Errorf("got %q — %q, want %q — %q", q.Text.Plain(), q.Attribution.Plain(), c.text, c.attr)
			}
			styled := false
			for _, s := range q.Attribution {
				styled = styled || s.Em || s.Strong
			}
			if styled != c.styled {
				t.Errorf("attribution styled %v: %+v", styled, q.Attribution)
			}
		})
	}
}

// TestBareExplanationLabel: a label alone ("**Analysis**", "Explanation:",
// "#### Erklärung") under a quote starts its explanation and is not kept.
func TestBareExplanationLabel(t *testing.T) {
	for _, c := range []struct{ name, body string }{
		{"bold label in quotes", "## Key Quotes\n\n> “Q.”\n> — Chapter 1\n\n**Analysis**\n\nWhy it matters.\n"},
		{"label with colon in quotes", "## Key Quotes\n\n> “Q.”\n\nExplanation:\n\nWhy it matters.\n"},
		{"heading label in quotes", "## Key Quotes\n\n### “Q.” — Chapter 1\n\n#### Erklärung\n\nWhy it matters.\n"},
		{"inside the block quote", "## Key Quotes\n\n> “Q.”\n> — Chapter 1\n>\n> **Explicación:**\n>\n> Why it matters.\n"},
		{"in a section", "## Themes\n\n> “Q.”\n\n**Analysis**\n\nWhy it matters.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# T\n\nby A B\n\nText.\n\n"+c.body, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			var expl []content.Text
			if len(g.Quotes) > 0 {
				expl = g.Quotes[0].Explanation
				if len(g.Quotes) != 1 {
					t.Errorf("quotes: %+v", g.Quotes)
				}
			} else if len(g.Sections) > 0 && len(g.Sections[0].Blocks) > 0 {
				expl = g.Sections[0].Blocks[0].Explanation
				if len(g.Sections[0].Blocks) != 1 {
					t.Errorf("blocks: %+v", g.Sections[0].Blocks)
				}
			}
			if len(expl) != 1 || expl[0].Plain() != "Why it matters." {
				t.Errorf("explanation %q", expl)
			}
		})
	}
}

// TestTitleBy: "# TITLE by AUTHOR" names the book and its author when a
// personal name follows the last "by".
func TestTitleBy(t *testing.T) {
	for in, want := range map[string][3]string{
		"# Emma by Jane Austen":                        {"Emma", "Jane Austen", "Emma — A Study Guide"},
		"# Study Guide: Dracula by Bram Stoker (1897)": {"Dracula", "Bram Stoker", "Study Guide: Dracula by Bram Stoker (1897)"},
		"# Stand by Me":                                {"Stand by Me", "", "Stand by Me — A Study Guide"},
		"# Gone by the Wind":                           {"Gone by the Wind", "", "Gone by the Wind — A Study Guide"},
	} {
		g, err := Parse(in+"\n\nA story.\n", Options{Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if got := [3]string{g.Book.Title, g.Book.Author, g.Title}; got != want {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
}

// TestUnderTitle: the lines under the title heading — by-line, the guide's
// name, reading time — in one paragraph or several, or in a lower heading.
func TestUnderTitle(t *testing.T) {
	for _, c := range []struct {
		in, title, author string
		minutes, synopsis int
	}{
		{"# Emma\n\n*by Jane Austen*  \n⏱ 12 min read\n\nA match-maker.\n", "Emma — A Study Guide", "Jane Austen", 12, 1},
		{"# Emma\n\n## by Jane Austen\n\nA match-maker.\n", "Emma — A Study Guide", "Jane Austen", 0, 1},
		{"# Emma\n\n*by Jane Austen · 12 min read*\n\nA match-maker.\n", "Emma — A Study Guide", "Jane Austen", 12, 1},
		{"# Emma\n\nby Jane Austen | Reading time: 12 minutes\n\nA match-maker.\n", "Emma — A Study Guide", "Jane Austen", 12, 1},
		{"# Emma\n\nby Ann Lee | Bo Chan\n\nA match-maker.\n", "Emma — A Study Guide", "Ann Lee | Bo Chan", 0, 1},
		{"# Emma\n\n*A Study Guide*\n\nby Jane Austen\n\nA match-maker.\n", "Emma — A Study Guide", "Jane Austen", 0, 1},
		{"# Marianela\n\nGuía de lectura\n\nde Benito Pérez Galdós\nLectura de 5 minutos\n\nUna novela.\n", "Marianela — Guía de lectura", "Benito Pérez Galdós", 5, 1},
		{"# Emma\n\nby Jane Austen\n\nBy the end, Emma has learnt.\n", "Emma — A Study Guide", "Jane Austen", 0, 1},
		{"---\ntitle: Emma Notes\n---\n# Emma\n\nby Jane Austen\n\nA Study Guide\n", "Emma Notes", "Jane Austen", 0, 1},
		// "**Author:**" and "**Published:**" lines: the author and the year.
		{"# Kidnapped\n\n**Author:** Robert Louis Stevenson\n**Published:** 1886\n\nDavid is sold on a ship.\n", "Kidnapped — A Study Guide", "Robert Louis Stevenson", 0, 1},
		// A guide's name with whom it is for, in a paragraph of its own, as
		// the plain-text reader reads it (it was the synopsis's first
		// paragraph).
		{"# Emma\n\nby Jane Austen\n\n*A Study Guide for Students*\n\nA match-maker.\n", "Emma — A Study Guide for Students", "Jane Austen", 0, 1},
		{"# Le avventure di Pinocchio\n\ndi Carlo Collodi\n\nScheda didattica per la scuola media\n\nUn burattino.\n", "Le avventure di Pinocchio — Scheda didattica per la scuola media", "Carlo Collodi", 0, 1},
		{"# Emma\n\nby Jane Austen\n\nTeacher Notes\n\nA match-maker.\n", "Emma — Teacher Notes", "Jane Austen", 0, 1},
	} {
		g, err := Parse(c.in, Options{Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if g.Title != c.title || g.Book.Author != c.author || g.ReadingMinutes != c.minutes || len(g.Synopsis) != c.synopsis || strings.Contains(c.in, "Published:") && g.Book.Year != 1886 {
			t.Errorf("%q: got %q by %q, %d min, synopsis %q", c.in, g.Title, g.Book.Author, g.ReadingMinutes, g.Synopsis)
		}
	}
}

// TestQuoteLabels: "### Quote 1", "**Quotation #2:** “…”", "Cita 3 –" number
// the quotes; the label is not a quote of its own, nor kept in one.
func TestQuoteLabels(t *testing.T) {
	for _, c := range []struct{ name, quotes string }{
		{"heading alone", "### Quote 1\n\n> “Q one.”\n> — Chapter 1\n\n### Quote 2\n\n“Q two.” (Chapter 2)\n"},
		{"bold label in the paragraph", "**Quotation #1:** “Q one.” — Chapter 1\n\n**Quotation #2:** “Q two.” — Chapter 2\n"},
		{"spanish label alone", "**Cita 1**\n\n> “Q one.”\n\n#### Cita 2\n\n- “Q two.” (capítulo 2)\n"},
		{"label heading with the quote", "### Quote 1: “Q one.” — Chapter 1\n\n### Zitat 2 – „Q two.“\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# T\n\nby A B\n\nText.\n\n## Key Quotes\n\n"+c.quotes, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Quotes) != 2 || g.Quotes[0].Text.Plain() != "Q one." || g.Quotes[1].Text.Plain() != "Q two." {
				t.Errorf("quotes: %+v", g.Quotes)
			}
		})
	}
}

// TestResidueWithMarkup: reading time and furniture in bold, italics or
// links are read as in plain text; an image alone is not residue.
func TestResidueWithMarkup(t *testing.T) {
	g, err := Parse("# Emma\n\nby Jane Austen\n\nA match-maker.\n\n## Summary\n\n**Reading time:** 9 min\n\nText.\n\n[Next chapter »](ch2.html)\n\n_Advertisement_\n\n![The cover](emma-cover.png)\n", Options{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if g.ReadingMinutes != 9 || len(g.Sections[0].Blocks) != 1 || g.Cover != "emma-cover.png" {
		t.Errorf("minutes %d, blocks %+v, cover %q", g.ReadingMinutes, g.Sections[0].Blocks, g.Cover)
	}
}

// TestExplanationLine: an explanation on the line under the attribution,
// with no blank line between, is the explanation, not more attribution.
func TestExplanationLine(t *testing.T) {
	for _, c := range []struct{ name, quotes string }{
		{"list item", "- \"Q.\" — Chapter 4\n  Explanation: Why it matters.\n"},
		{"list item, paragraph under it", "- \"Q.\" (Chapter 4)\n\n  **Analysis:** Why it matters.\n"},
		{"block quote", "> \"Q.\"\n> — Chapter 4\n> Erklärung: Why it matters.\n"},
		{"paragraph", "\"Q.\" — Chapter 4\nExplicación: Why it matters.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# T\n\nby A B\n\nText.\n\n## Key Quotes\n\n"+c.quotes, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Quotes) != 1 {
				t.Fatalf("quotes: %+v", g.Quotes)
			}
			q := g.Quotes[0]
			if q.Text.Plain() != "Q." || q.Attribution.Plain() != "Chapter 4" || len(q.Explanation) != 1 || q.Explanation[0].Plain() != "Why it matters." {
				t.Errorf("got %q — %q; %q", q.Text.Plain(), q.Attribution.Plain(), q.Explanation)
			}
		})
	}
}

// TestContentsDropped: a copied table of contents — a "Contents" heading
// (in any language) over lists only, or a list of links to the page's own
// headings before the first heading — is dropped; a "Contents" section
// that holds text, or has a {role=…}, is kept.
func TestContentsDropped(t *testing.T) {
	for _, c := range []struct {
		name, body string
		sections   int
	}{
		{"heading over links", "## Table of Contents\n\n1. [Summary](#summary)\n2. [Themes](#themes)\n\n## Summary\n\nText.\n", 1},
		{"spanish heading over a plain list", "## Índice\n\n- Resumen\n- Temas\n\n## Resumen\n\nTexto.\n", 1},
		{"anchor list before the first heading", "- [Summary](#summary)\n- [Themes](#themes)\n\n## Summary\n\nText.\n", 1},
		{"a contents section with text", "## Contents\n\nWhat the box holds.\n\n## Summary\n\nText.\n", 2},
		{"a contents section with a role", "## Contents {role=none}\n\n- a\n- b\n\n## Summary\n\nText.\n", 2},
		{"a list of outside links", "- [Summary](https://example.org/s)\n\n## Summary\n\nText.\n", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# T\n\nby A B\n\nA story.\n\n"+c.body, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Sections) != c.sections {
				t.Errorf("sections: %+v", g.Sections)
			}
		})
	}
}

// TestParagraphTitle: a first paragraph followed by a by-line names the
// book, as line 1 does in plain text; without the by-line it stays text.
func TestParagraphTitle(t *testing.T) {
	g, err := Parse("**Emma: A Study Guide**\n\n*by Jane Austen*\n\nA match-maker.\n", Options{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if g.Book.Title != "Emma" || g.Title != "Emma: A Study Guide" || g.Book.Author != "Jane Austen" || len(g.Synopsis) != 1 {
		t.Errorf("got %q %q by %q, synopsis %q", g.Title, g.Book.Title, g.Book.Author, g.Synopsis)
	}
	if _, err := Parse("Emma meddles.\n\nA match-maker.\n", Options{Language: "en"}); err == nil {
		t.Error("a file with no title read without an error")
	}
}

// TestAttributionParagraph: an attribution paragraph under a quote that
// has none ("— Chapter 1" after a blank line) is its attribution.
func TestAttributionParagraph(t *testing.T) {
	g, err := Parse("# T\n\nby A B\n\nText.\n\n## Key Quotes\n\n\"Q one.\"\n\n— Chapter 1\n\nWhy.\n\n> Q two.\n\n*― Chapter 2*\n\n## Themes\n\n> Q three.\n\n-- Chapter 3\n", Options{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Quotes) != 2 || g.Quotes[0].Attribution.Plain() != "Chapter 1" || len(g.Quotes[0].Explanation) != 1 || g.Quotes[1].Attribution.Plain() != "Chapter 2" {
		t.Errorf("quotes: %+v", g.Quotes)
	}
	if b := g.Sections[0].Blocks; len(b) != 1 || b[0].Attribution.Plain() != "Chapter 3" {
		t.Errorf("blocks: %+v", b)
	}
}

// TestThreeLevels: the model's three levels of sections — section,
// subsection, its parts — come from three heading levels below the title;
// deeper headings are parts too (info).
func TestThreeLevels(t *testing.T) {
	g, err := Parse("# Emma\n\nby Jane Austen\n\nA match-maker.\n\n## Summary and Analysis\n\n### Chapter 1\n\n#### Summary\n\nText.\n\n#### Analysis {role=analysis}\n\nMore.\n\n##### Note\n\nA note.\n\n### Chapter 2\n\nText.\n\n## Themes\n\n### Pride\n\nText.\n", Options{Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	s := g.Sections
	if len(s) != 2 || len(s[0].Subsections) != 2 || len(s[0].Subsections[0].Subsections) != 3 || s[0].Subsections[0].Subsections[1].Role != "analysis" || len(s[1].Subsections) != 1 || len(s[1].Subsections[0].Subsections) != 0 {
		t.Errorf("sections: %+v", s)
	}
	if err := g.Validate(); err != nil {
		t.Error(err)
	}
}

// TestHandoutLines: a handout's lines under its title — the guide's name
// with its teacher ("*Handout for Year 7 — Ms. Okafor*"), the class it is
// for ("*Year 7 English — Ms. Okafor*"), its teacher ("*Teacher: Ms.
// Okafor*") — are front matter, as in plain text: the guide's title and
// its own author (never the book's). They were the synopsis's first
// paragraph, and the by-line under them was text too (the book had no
// author).
func TestHandoutLines(t *testing.T) {
	for _, c := range []struct{ lines, title, guideAuthor string }{
		{"*Handout for Year 7 — Ms. Okafor*\n\nby Jack London", "The Call of the Wild — Handout for Year 7", "Ms. Okafor"},
		{"by Jack London\n\n*Handout for Year 7 — Ms. Okafor*", "The Call of the Wild — Handout for Year 7", "Ms. Okafor"},
		{"*Year 7 English — Ms. Okafor*\n\nby Jack London", "The Call of the Wild — A Study Guide — Year 7 English", "Ms. Okafor"},
		{"*by Jack London*\n*English 10, Period 3*", "The Call of the Wild — A Study Guide — English 10, Period 3", ""},
		{"_A Study Guide for Year 7 · Ms. Okafor_\n\nby Jack London", "The Call of the Wild — A Study Guide for Year 7", "Ms. Okafor"},
		{"*Teacher: Ms. Okafor*\n\nby Jack London", "The Call of the Wild — A Study Guide", "Ms. Okafor"},
		{"by Jack London\n\nPrepared by Mr. D. Alvarez", "The Call of the Wild — A Study Guide", "Mr. D. Alvarez"},
		// The book's year after the by-line ("**by Jack London** · 1903"):
		// it ran into the author's name.
		{"**by Jack London** · 1903", "The Call of the Wild — A Study Guide", ""},
		{"*by Jack London* | (1903)", "The Call of the Wild — A Study Guide", ""},
		// A sentence is the synopsis, as before.
		{"by Jack London\n\n*Year 7 read this in the spring — Ms. Okafor*", "The Call of the Wild — A Study Guide", ""},
	} {
		src := "# The Call of the Wild\n\n" + c.lines + "\n\nBuck is stolen from his home.\n\n## Themes\n\nThe wild.\n"
		g, err := Parse(src, Options{Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if strings.Contains(c.lines, "spring") {
			want = 2
		}
		if g.Title != c.title || g.Author != c.guideAuthor || g.Book.Author != "Jack London" || len(g.Synopsis) != want || strings.Contains(c.lines, "1903") && g.Book.Year != 1903 {
			t.Errorf("%q: got %q, guide by %q, book by %q, synopsis %q", c.lines, g.Title, g.Author, g.Book.Author, g.Synopsis)
		}
	}
}

// TestLabelledPromptLists: a discussion section's list whose every item
// opens with a question's label ("- **Q1.** Why…?", "1. **Q1.** Why…?")
// is its numbered prompts without the labels, as the plain-text reader's
// labelled paragraphs are; the labels were kept in the questions' text.
func TestLabelledPromptLists(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"bullets with bold labels", "- **Q1.** Why does Emma meddle?\n- **Q2.** Is Knightley right?\n",
			"list 1: Why does Emma meddle? | Is Knightley right?"},
		{"numbers with labels", "1. **Q1.** Why does Emma meddle?\n2. Q2: Is Knightley right?\n",
			"list 1: Why does Emma meddle? | Is Knightley right?"},
		{"labelled paragraphs, as before", "**Q1.** Why does Emma meddle?\n\n**Q2.** Is Knightley right?\n",
			"list 1: Why does Emma meddle? | Is Knightley right?"},
		{"one item without a label keeps them all", "- **Q1.** Why does Emma meddle?\n- Is Knightley right?\n",
			"list 0: Q1. Why does Emma meddle? | Is Knightley right?"},
		// A label typed without a mark after it ("Q1 Why…"): it was kept
		// in the questions' text.
		// Bold labels with a colon, two or more: they were read as terms
		// and definitions ("Q1" → "Why…?").
		{"bold labels with a colon", "**Q1:** Why does Emma meddle?\n\n**Q2:** Is Knightley right?\n",
			"list 1: Why does Emma meddle? | Is Knightley right?"},
		{"labels without a mark", "Q1 Why does Emma meddle?\n\nQ2 Is Knightley right?\n",
			"list 1: Why does Emma meddle? | Is Knightley right?"},
		{"labels without a mark in a list", "- Q1 Why does Emma meddle?\n- Q 2 Is Knightley right?\n",
			"list 1: Why does Emma meddle? | Is Knightley right?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# Emma\n\nby Jane Austen\n\nEmma meddles.\n\n## Discussion Questions\n\n"+c.body, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			bs := g.Sections[0].Blocks
			if len(bs) != 1 || bs[0].Kind != content.List {
				t.Fatalf("blocks %+v", bs)
			}
			var items []string
			for _, it := range bs[0].Items {
				items = append(items, it.Text.Plain())
			}
			got := fmt.Sprintf("list %d: %s", map[bool]int{true: 1}[bs[0].Ordered], strings.Join(items, " | "))
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestPandocTitleBlock: a pandoc title block ("% Title", "% Author", "%
// Date") names the guide as a title heading and a by-line do (a date that
// is a year the book's); it was no title at all, an error. Pandoc's
// "---" (an em dash) before an attribution is a dash like "--".
func TestPandocTitleBlock(t *testing.T) {
	for _, c := range []struct {
		src, title, book, author string
		year                     int
	}{
		{"% Wuthering Heights: A Study Guide\n% Emily Brontë\n% 1847\n\nHeathcliff loves Catherine.\n", "Wuthering Heights: A Study Guide", "Wuthering Heights", "Emily Brontë", 1847},
		{"% Wuthering Heights\n% Emily Brontë\n% December 2026\n\nHeathcliff loves Catherine.\n", "Wuthering Heights — A Study Guide", "Wuthering Heights", "Emily Brontë", 0},
		{"% Wuthering Heights\n%\n\nHeathcliff loves Catherine.\n", "Wuthering Heights — A Study Guide", "Wuthering Heights", "", 0},
	} {
		g, err := Parse(c.src+"\n## Key Quotes\n\n> Whatever our souls are made of, his and mine are the same.\n>\n> --- Catherine, Chapter 9\n", Options{Language: "en"})
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if g.Title != c.title || g.Book.Title != c.book || g.Book.Author != c.author || g.Book.Year != c.year || len(g.Synopsis) != 1 {
			t.Errorf("%q: got %q, book %+v, synopsis %q", c.src, g.Title, g.Book, g.Synopsis)
		}
		if len(g.Quotes) != 1 || g.Quotes[0].Attribution.Plain() != "Catherine, Chapter 9" {
			t.Errorf("%q: quotes %+v", c.src, g.Quotes)
		}
	}
}
