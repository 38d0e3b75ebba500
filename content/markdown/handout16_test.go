package markdown

import "testing"

// TestWorksheetShapes has one case per misreading of a teacher's
// worksheet in Markdown that session 16 fixed; each failed before its
// fix.
func TestWorksheetShapes(t *testing.T) {
	const top = "# Der Schimmelreiter\n\n*von Theodor Storm*\n\n"
	const syn = "Hauke Haien wird Deichgraf und baut einen neuen Deich, und die Leute im Dorf trauen ihm nicht.\n\n"
	for _, c := range []struct{ name, body, title, want string }{
		{"a worksheet named by what it practises and its class under the by-line names the guide (it was the synopsis's first paragraph)",
			"*Wortschatz und Leseverständnis — Klasse 9*\n\n" + syn + "## Wortschatz\n\n- **Deichgraf:** Aufseher über die Deiche\n- **Koog:** eingedeichtes Land\n",
			"Der Schimmelreiter — Wortschatz und Leseverständnis — Klasse 9",
			"synopsis: Hauke Haien wird Deichgraf und baut einen neuen Deich, und die Leute im Dorf trauen ihm nicht.\n## Wortschatz [vocabulary]\ndefinitions: \n"},
		{"a singular quote heading (\"## Zitat\") is the highlighted quotes (it was a section holding a block quote)",
			syn + "## Zitat\n\n> „Wer nicht will deichen, der muss weichen.“\n> — Kapitel 2\n\n## Themen\n\nNatur.\n",
			"Der Schimmelreiter — Lektürehilfe",
			"synopsis: Hauke Haien wird Deichgraf und baut einen neuen Deich, und die Leute im Dorf trauen ihm nicht.\nquote: Wer nicht will deichen, der muss weichen.\n## Themen [themes]\nparagraph: Natur.\n"},
		{"\"### Quote\" over each quote under the quotes heading labels it (each label was a quote)",
			syn + "## Key Quotes\n\n### Quote\n\n\"Wer nicht will deichen, der muss weichen.\" (Chapter 2)\n\n### Quote\n\n\"Der Deich muss halten.\" (Chapter 5)\n",
			"Der Schimmelreiter — Lektürehilfe",
			"synopsis: Hauke Haien wird Deichgraf und baut einen neuen Deich, und die Leute im Dorf trauen ihm nicht.\nquote: Wer nicht will deichen, der muss weichen.\nquote: Der Deich muss halten.\n"},
		{"options without tick boxes after a \"**F2:**\" question, and unticked boxes after a \"**Q3:**\" one, are its options, the question's sublist (they were lists of their own)",
			syn + "## Fragen zum Text\n\n**F1:** Wer erzählt die Geschichte?\n\n**F2:** Was baut Hauke?\n\n- einen Deich\n- eine Mühle\n\n**Q3:** Wer stirbt?\n\n- [ ] Hauke\n- [ ] Elke\n",
			"Der Schimmelreiter — Lektürehilfe",
			"synopsis: Hauke Haien wird Deichgraf und baut einen neuen Deich, und die Leute im Dorf trauen ihm nicht.\n## Fragen zum Text [discussion]\nordered  from 1: Wer erzählt die Geschichte? | Was baut Hauke? [: 1=einen Deich; 2=eine Mühle] | Wer stirbt? [: 1=Hauke; 2=Elke]\n"},
		{"a numbered question's bullets set tight under it are its options",
			syn + "## Fragen zum Text\n\n1. Wer erzählt die Geschichte?\n2. Was baut Hauke?\n\n- einen Deich\n- eine Mühle\n",
			"Der Schimmelreiter — Lektürehilfe",
			"synopsis: Hauke Haien wird Deichgraf und baut einen neuen Deich, und die Leute im Dorf trauen ihm nicht.\n## Fragen zum Text [discussion]\nordered  from 1: Wer erzählt die Geschichte? | Was baut Hauke? [: 1=einen Deich; 2=eine Mühle]\n"},
		{"bullets after a numbered statement, not a question, stay a list",
			syn + "## Fragen zum Text\n\n1. Lies Kapitel 2.\n\n- einen Deich\n- eine Mühle\n",
			"Der Schimmelreiter — Lektürehilfe",
			"synopsis: Hauke Haien wird Deichgraf und baut einen neuen Deich, und die Leute im Dorf trauen ihm nicht.\n## Fragen zum Text [discussion]\nordered  from 1: Lies Kapitel 2.\nbullets: einen Deich | eine Mühle\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := outline(t, top+c.body); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if g := parseValid(t, top+c.body); g.Title != c.title {
				t.Errorf("title %q, want %q", g.Title, c.title)
			}
		})
	}
}

// TestExportShapes16: what new sample guides (testdata/guides: the
// Eugénie Grandet Notion export, the Mattia Pascal Google Docs one) showed
// misread; each case failed before.
func TestExportShapes16(t *testing.T) {
	for _, c := range []struct{ name, in, title, author, bookAuthor, want string }{
		{"a Notion page's properties under the title: the author and the year read, the others dropped (the author was lost, all four lines the synopsis); its callout under them is the synopsis's text without its icon (a warning); French bold terms with a spaced colon are definitions (a list)",
			"# Eugénie Grandet\n\nAuteur: Honoré de Balzac\nParution: 1833\nNiveau: Seconde\nStatut: En cours\n\n*Fiche de lecture — Classe de 2nde B*\n\n> 💡 **À retenir :** l'avarice dévore une famille.\n\nEugénie vit à Saumur.\n\n## Vocabulaire\n\n- **le tonnelier** : artisan qui fabrique des tonneaux\n- **l'avarice** : amour excessif de l'argent\n",
			"Eugénie Grandet — Fiche de lecture — Classe de 2nde B", "", "Honoré de Balzac",
			"synopsis: À retenir : l'avarice dévore une famille.\nsynopsis: Eugénie vit à Saumur.\n## Vocabulaire [vocabulary]\ndefinitions: \n"},
		{"bold parts of the book under a summary's bold heading are its subsections (they were sections beside an empty one); a teacher's name alone under the handout's name is the guide's author (it was the synopsis)",
			"**Il fu Mattia Pascal**\n\n*di Luigi Pirandello*\n\n**Verifica di lettura — Classe 3ª B**\n\nProf.ssa Marchetti\n\nMattia fugge di casa.\n\n**Trama per capitoli**\n\n**Capitolo 1**\n\nMattia si presenta.\n\n**Capitolo 7**\n\nIl viaggio in treno.\n\n**Soluzioni**\n\n1 V – 2 F\n",
			"Il fu Mattia Pascal — Verifica di lettura — Classe 3ª B", "Prof.ssa Marchetti", "Luigi Pirandello",
			"synopsis: Mattia fugge di casa.\n## Trama per capitoli [summary]\n### Capitolo 1\nparagraph: Mattia si presenta.\n### Capitolo 7\nparagraph: Il viaggio in treno.\n## Soluzioni\nparagraph: 1 V – 2 F\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := outline(t, c.in); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			g := parseValid(t, c.in)
			if g.Title != c.title || g.Author != c.author || g.Book.Author != c.bookAuthor {
				t.Errorf("title %q author %q book author %q, want %q %q %q", g.Title, g.Author, g.Book.Author, c.title, c.author, c.bookAuthor)
			}
		})
	}
}
