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
