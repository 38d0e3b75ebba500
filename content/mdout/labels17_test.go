package mdout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/templates/labels"
)

// TestExplanationLabel: a quote's explanation is labelled in the guide's
// language, as the reader reads it back ("Explicación:" in a Spanish
// guide); it was "Explanation:" whatever the language.
func TestExplanationLabel(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "> Explanation: "}, {"es", "> Explicación: "}, {"fr", "> Explication : "}, {"de", "> Erklärung: "},
		{"it", "> Spiegazione: "}, {"pt", "> Explicação: "}, {"ru", "> Объяснение: "}, {"el", "> Εξήγηση: "},
		{"ar", "> شرح: "}, {"he", "> הסבר: "}, {"fa", "> توضیح: "}, {"nl", "> Toelichting: "}, {"pl", "> Wyjaśnienie: "},
	} {
		t.Run(c.lang, func(t *testing.T) {
			g := &content.Guide{Title: "Doña Perfecta — Guide", Language: c.lang, Book: content.Book{Title: "Doña Perfecta", Author: "Benito Pérez Galdós"},
				Synopsis: content.Plains("Pepe Rey llega a Orbajosa."),
				Quotes: []content.Quote{{Text: content.Plain("Orbajosa es una ciudad episcopal."), Attribution: content.Plain("Capítulo 1"),
					Explanation: content.Plains("La ciudad se cierra al forastero.", "Y lo expulsa.")}}}
			var md bytes.Buffer
			if err := Write(&md, g); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(md.String(), "\n"+c.want+"La ciudad") {
				t.Fatalf("no %q before the explanation:\n%s", c.want, md.String())
			}
			back, err := importer.Load("back.md", md.Bytes(), importer.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := encode(t, back), encode(t, g); got != want {
				t.Errorf("the model changed through Markdown:\n%s\n--- markdown:\n%s", firstDiff(got, want), md.String())
			}
		})
	}
	// Every language with labels is in the table.
	if n := len(labels.Languages); n != 13 {
		t.Errorf("%d label languages, the table has 13: add the new ones", n)
	}
}

// TestCodeKept: code reads back as code through inspect --markdown, its
// characters as typed, smart punctuation on: in a paragraph, in emphasis,
// as a link's text, with backticks or a pipe in it, in a table's cell,
// spaced at its ends, and a fenced code block's lines. Before, the writer
// had no code to write (the reader merged it into plain text and set its
// quotes).
func TestCodeKept(t *testing.T) {
	for _, para := range []string{
		"Type `guidepress build --lang es \"x.md\"` -- it's quick.",
		"*Press `'q'` to quit*, then **`Ctrl-C`**.",
		"See [`--help`](https://example.org/help).",
		"A backtick: `` a`b ``, two: ``` x``y ```, at the end: `` x` ``.",
		"Spaced: `  x  ` and `a | b`.",
		"| Flag | Meaning |\n| --- | --- |\n| `-o \"dir\"` | output |\n| `a|b` | a \"pipe\" |",
		"```\nquote = \"gold -- it's gone\"\nprint(quote)\n```",
		"```\n`x`\n```",
	} {
		keptThrough(t, para, "f.md", "# Silas Marner\n\nby George Eliot\n\n## Notes\n\n"+para+"\n\n## Chapter 1\n\nSilas weaves.\n")
	}
}
