package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// outline renders a guide's synopsis count and sections as "Title[role]
// {blocks}", one a line, blocks by listShape.
func outline(t *testing.T, src string) string {
	t.Helper()
	g := parseValid(t, src)
	var b strings.Builder
	for _, p := range g.Synopsis {
		b.WriteString("synopsis: " + p.Plain() + "\n")
	}
	for _, q := range g.Quotes {
		b.WriteString("quote: " + q.Text.Plain() + "\n")
	}
	for _, s := range g.Sections {
		b.WriteString("## " + s.Title)
		if s.Role != "" {
			b.WriteString(" [" + string(s.Role) + "]")
		}
		b.WriteString("\n")
		if sh := listShape(s.Blocks); sh != "" {
			b.WriteString(sh + "\n")
		}
		for _, ss := range s.Subsections {
			b.WriteString("### " + ss.Title + "\n")
			if sh := listShape(ss.Blocks); sh != "" {
				b.WriteString(sh + "\n")
			}
		}
	}
	for _, f := range g.FAQ {
		b.WriteString("faq: " + f.Question + "\n")
	}
	return b.String()
}

// TestExports: guides as Notion, Google Docs and word processors export
// them. Headings typed as bold lines ("**Chapitre 1**") in a guide with no
// "#" headings under its title were one long synopsis; numbered paragraphs
// whose numbers the export escaped ("1\. Pourquoi…") were paragraphs with
// their numbers, not the numbered list they are.
func TestExports(t *testing.T) {
	const top = "---\nbook:\n  title: Madame Bovary\n  author: Gustave Flaubert\nlanguage: fr\n---\n\n# Madame Bovary\n\nEmma s'ennuie.\n\n"
	for _, c := range []struct{ name, body, want string }{
		{"bold lines are the headings", "**Personnages principaux**\n\n**Emma** — l'héroïne\n\n**Charles** — son mari\n\n**Chapitre 1**\n\nCharles au collège.\n\n**Citations clés**\n\n> « Un amant ! »\n> — II, 9\n",
			"synopsis: Emma s'ennuie.\nquote: Un amant !\n## Personnages principaux [characters]\ndefinitions: \n## Chapitre 1\nparagraph: Charles au collège.\n"},
		{"a bold line ending in a colon", "**Résumé:**\n\nTexte.\n\n**Thèmes:**\n\nL'ennui.\n",
			"synopsis: Emma s'ennuie.\n## Résumé [summary]\nparagraph: Texte.\n## Thèmes [themes]\nparagraph: L'ennui.\n"},
		{"bold questions stay the FAQ's", "**Résumé**\n\nTexte.\n\n**Questions fréquentes**\n\n**Pourquoi Yonville ?**\n\nParce que.\n",
			"synopsis: Emma s'ennuie.\n## Résumé [summary]\nparagraph: Texte.\nfaq: Pourquoi Yonville ?\n"},
		{"one bold line is not structure", "**Attention : spoilers**\n\nTexte.\n",
			"synopsis: Emma s'ennuie.\nsynopsis: Attention : spoilers\nsynopsis: Texte.\n"},
		{"bold sentences are not headings", "**Elle lit trop.**\n\nTexte.\n\n**Elle s'endette.**\n",
			"synopsis: Emma s'ennuie.\nsynopsis: Elle lit trop.\nsynopsis: Texte.\nsynopsis: Elle s'endette.\n"},
		{"bold lines under real headings stay paragraphs", "## Résumé\n\n**Tostes**\n\nTexte.\n\n**Yonville**\n\nSuite.\n",
			"synopsis: Emma s'ennuie.\n## Résumé [summary]\nparagraph: Tostes\nparagraph: Texte.\nparagraph: Yonville\nparagraph: Suite.\n"},
		{"bold parts of the book under a heading are its subsections", "## Résumé\n\nL'ensemble.\n\n**Chapitre 1**\n\nTexte.\n\n**Chapitre 2**\n\nSuite.\n\n## Thèmes\n\nL'ennui.\n",
			"synopsis: Emma s'ennuie.\n## Résumé [summary]\nparagraph: L'ensemble.\n### Chapitre 1\nparagraph: Texte.\n### Chapitre 2\nparagraph: Suite.\n## Thèmes [themes]\nparagraph: L'ennui.\n"},
		{"one bold part stays a paragraph", "## Résumé\n\n**Chapitre 1**\n\nTexte.\n",
			"synopsis: Emma s'ennuie.\n## Résumé [summary]\nparagraph: Chapitre 1\nparagraph: Texte.\n"},
		{"bold parts in a row are a list of them", "## Résumé\n\n**Chapitre 1**\n\n**Chapitre 2**\n\nTexte.\n",
			"synopsis: Emma s'ennuie.\n## Résumé [summary]\nparagraph: Chapitre 1\nparagraph: Chapitre 2\nparagraph: Texte.\n"},
		{"bold parts in the quotes are left to the quotes' reader", "## Citations clés\n\n**Chapitre 1**\n\n> Un amant !\n\n**Chapitre 2**\n\n> Les idoles.\n",
			"synopsis: Emma s'ennuie.\nquote: Chapitre 1\nquote: Un amant !\nquote: Les idoles.\n"},
		{"escaped numbers are a list", "## Questions de réflexion\n\n1\\. Pourquoi Tostes ?\n\n2\\. Quel rôle ?\n\n3\\. Homais ?\n",
			"synopsis: Emma s'ennuie.\n## Questions de réflexion [discussion]\nordered  from 1: Pourquoi Tostes ? | Quel rôle ? | Homais ?\n"},
		{"escaped numbers from 4, with a bracket", "## Questions\n\n4\\) ¿Por qué?\n\n5\\) ¿Quién?\n",
			"synopsis: Emma s'ennuie.\n## Questions [discussion]\nordered  from 4: ¿Por qué? | ¿Quién?\n"},
		{"out of sequence stays text", "## Résumé\n\n1\\. Un.\n\n3\\. Trois.\n",
			"synopsis: Emma s'ennuie.\n## Résumé [summary]\nparagraph: 1. Un.\nparagraph: 3. Trois.\n"},
		{"one escaped number is a sentence", "## Résumé\n\n1857\\. L'année du procès.\n\nTexte.\n",
			"synopsis: Emma s'ennuie.\n## Résumé [summary]\nparagraph: 1857. L'année du procès.\nparagraph: Texte.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := outline(t, top+c.body)
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestTickedAnswers: a quiz's options typed as a task list under their
// question, the answer ticked ("- [x] In the churchyard"), keep their text
// without the ticks (the options are the pupils'), and the ticked ones are
// gathered, each after its question, in a last section, the answer key,
// named in the guide's language (or added to the guide's own); they were
// lost, with a warning. A checklist of things to do, ticked or not, and
// options all ticked are only noted.
func TestTickedAnswers(t *testing.T) {
	const top = "# Great Expectations\n\nby Charles Dickens\n\nPip dreams.\n\n## Quiz\n\n"
	const quiz = "1. Where does Pip meet Magwitch?\n   - [ ] In the forge\n   - [x] In the **churchyard**\n2. Who raises Pip?\n   - [x] Joe and his wife\n   - [ ] Miss Havisham\n3. Who is Estella?\n   - [ ] A maid\n   - [ ] A cousin\n"
	for _, c := range []struct {
		name, lang, body string
		key              string // the last section: its title and items
	}{
		{"the answers ticked", "en", quiz,
			"Answer Key: Where does Pip meet Magwitch? — In the churchyard | Who raises Pip? — Joe and his wife"},
		{"in Spanish", "es", "1. ¿Dónde conoce Pip a Magwitch?\n   - [ ] En la fragua\n   - [x] En el cementerio\n",
			"Soluciones: ¿Dónde conoce Pip a Magwitch? — En el cementerio"},
		{"after the guide's own answer key", "en", quiz + "\n## Answer Key\n\nQuestion 3 is for discussion.\n",
			"Answer Key: Question 3 is for discussion. | Where does Pip meet Magwitch? — In the churchyard | Who raises Pip? — Joe and his wife"},
		{"a checklist", "en", "- [ ] Read chapter 1\n- [x] Look up the marshes\n", "Quiz: Read chapter 1 | Look up the marshes"},
		{"a checklist under a task", "en", "1. Before class:\n   - [ ] Read chapter 1\n   - [x] Look up the marshes\n", "Quiz: Before class:"},
		{"every option ticked", "en", "1. Which are convicts?\n   - [x] Magwitch\n   - [x] Compeyson\n", "Quiz: Which are convicts?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse(top+c.body, Options{Language: c.lang})
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			last := g.Sections[len(g.Sections)-1]
			var items []string
			for _, b := range last.Blocks {
				switch b.Kind {
				case content.Paragraph:
					items = append(items, b.Text.Plain())
				case content.List:
					for _, it := range b.Items {
						items = append(items, it.Text.Plain())
					}
				}
			}
			if got := last.Title + ": " + strings.Join(items, " | "); got != c.key {
				t.Errorf("got  %q\nwant %q", got, c.key)
			}
			// The options keep their text, unticked.
			if q := g.Sections[0].Blocks[0]; strings.HasPrefix(c.body, "1. Where") && (len(q.Items) != 3 || q.Items[0].Sublist == nil || q.Items[0].Sublist.Items[1].Text.Plain() != "In the churchyard") {
				t.Errorf("the options changed: %+v", q.Items)
			}
			for _, d := range g.Diagnostics {
				if d.Severity == content.Warning {
					t.Errorf("a warning: %d: %s", d.Line, d.Message)
				}
			}
		})
	}
}

// TestHTMLHeadings: a heading written in HTML on a line of its own
// ("<h2>Sonnet 18</h2>", pasted from a web page) is a heading; it was left
// out with a warning and its text read as a paragraph, in the synopsis,
// where the verse under it ran into one line.
func TestHTMLHeadings(t *testing.T) {
	const top = "# Sonnets\n\nby William Shakespeare\n\nSix sonnets.\n\n"
	for _, c := range []struct{ name, body, want string }{
		{"a section over verse", "<h2>Sonnet 18</h2>\n\nShall I compare thee to a summer's day?<br>\nThou art more lovely and more temperate.\n",
			"synopsis: Six sonnets.\n## Sonnet 18\nverse: \n"},
		{"with attributes, a known name", "<h2 class=\"section\" id=\"themes\">Themes</h2>\n\nTime.\n",
			"synopsis: Six sonnets.\n## Themes [themes]\nparagraph: Time.\n"},
		{"levels as in Markdown", "## Sonnets of Time\n\n<h3>Sonnet 18</h3>\n\nText.\n",
			"synopsis: Six sonnets.\n## Sonnets of Time\n### Sonnet 18\nparagraph: Text.\n"},
		{"mismatched tags stay HTML", "## Notes\n\n<h2>Sonnet 18</h3>\n\nText.\n",
			"synopsis: Six sonnets.\n## Notes\nparagraph: Sonnet 18\nparagraph: Text.\n"},
		{"markup inside stays HTML", "## Notes\n\n<h3><em>Sonnet</em> 18</h3>\n\nText.\n",
			"synopsis: Six sonnets.\n## Notes\nparagraph: Sonnet 18\nparagraph: Text.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := outline(t, top+c.body); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
	g, err := Parse("<h1>Sonnets</h1>\n\nby William Shakespeare\n\nSix sonnets.\n\n## Themes\n\nTime.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Book.Title != "Sonnets" || g.Book.Author != "William Shakespeare" {
		t.Errorf("an <h1> title: book %+v", g.Book)
	}
}

// TestQuotedVerse: a quotation of verse typed a line to a line, without
// hard breaks, keeps its lines (soft breaks ran them into one); prose an
// editor wrapped stays one text.
func TestQuotedVerse(t *testing.T) {
	for _, c := range []struct{ name, quote, want string }{
		{"two lines of a sonnet", "> So long as men can breathe or eyes can see,\n> So long lives this, and this gives life to thee.\n> — Sonnet 18\n",
			"So long as men can breathe or eyes can see, / So long lives this, and this gives life to thee."},
		{"quoted lines", "> \"She sat like Patience on a monument,\n> Smiling at grief.\"\n>\n> — Viola, Act 2, Scene 4\n",
			"\"She sat like Patience on a monument, / Smiling at grief.\""},
		{"wrapped prose runs on", "> It is a truth universally acknowledged, that a single man in\n> possession of a good fortune, must be in want of a wife.\n> — Chapter 1\n",
			"It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife."},
		{"long lines are prose", "> It is a truth universally acknowledged, that a single man in possession of a good fortune,\n> Must be in want of a wife.\n",
			"It is a truth universally acknowledged, that a single man in possession of a good fortune, Must be in want of a wife."},
		{"one line", "> Smiling at grief.\n> — Viola\n", "Smiling at grief."},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# Sonnets\n\nby William Shakespeare\n\nSix sonnets.\n\n## Key Quotes\n\n"+c.quote, Options{NoSmart: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Quotes) != 1 {
				t.Fatalf("%d quotes", len(g.Quotes))
			}
			q := g.Quotes[0]
			got := q.Text.Plain()
			if q.Lines != nil {
				var ls []string
				for _, l := range q.Lines {
					ls = append(ls, l.Plain())
				}
				got = strings.Join(ls, " / ")
			}
			if got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestToolKeys: the front-matter keys Obsidian, Notion and site tools
// write (aliases, tags, cssclass, created, a [notion] table) are named
// together in one info; each was a warning of its own, four "doubtful
// decisions" for an ordinary Obsidian note. Any other unknown key is
// still a warning naming it.
func TestToolKeys(t *testing.T) {
	for _, c := range []struct{ name, fm, want string }{
		{"obsidian", "---\naliases: [x]\ntags:\n  - novel\ncreated: 2026-09-14T10:22\ncssclass: handout\nbook: Emma\n---\n",
			"2 info: ignored the front-matter keys that note-taking and site tools write (aliases, tags, created, cssclass): they are not part of a guide"},
		{"notion in TOML", "+++\n[book]\ntitle = \"Emma\"\n[notion]\npage_id = \"3fa\"\n+++\n",
			"4 info: ignored the front-matter keys that note-taking and site tools write (notion): they are not part of a guide"},
		{"a typo is still a warning", "---\nbook: Emma\ntitel: Emma notes\ntags: [a]\n---\n",
			"3 warning: unknown front-matter key \"titel\" was ignored|4 info: ignored the front-matter keys that note-taking and site tools write (tags)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse(c.fm+"Emma meddles.\n", Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range g.Diagnostics {
				if strings.Contains(d.Message, "front-matter") {
					got = append(got, fmt.Sprintf("%d %s: %s", d.Line, d.Severity, d.Message))
				}
			}
			want := strings.Split(c.want, "|")
			if len(got) != len(want) {
				t.Fatalf("got %q, want %q", got, want)
			}
			for i := range want {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("got %q, want it to start %q", got[i], want[i])
				}
			}
		})
	}
}

// TestSupNotes: a note's number in HTML superscript ("wall.<sup>1</sup>",
// as web pages mark notes) is kept as "[1]", as Markdown footnote
// references are, without a warning; it was run into the word ("wall.1")
// with two warnings. Any other superscript is HTML left out as before.
func TestSupNotes(t *testing.T) {
	for _, c := range []struct{ name, para, want string }{
		{"a note", "RACHE on the wall.<sup>1</sup> The police", "RACHE on the wall.[1] The police|0"},
		{"capitals", "the wall.<SUP>12</SUP>", "the wall.[12]|0"},
		{"an ordinal", "the 19<sup>th</sup> century", "the 19th century|2"},
		{"no closing tag", "the wall.<sup>1 and more", "the wall.1 and more|1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# A Study in Scarlet\n\nby Arthur Conan Doyle\n\n"+c.para+"\n", Options{NoSmart: true})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, d := range g.Diagnostics {
				if strings.Contains(d.Message, "raw HTML") {
					n++
				}
			}
			if got := fmt.Sprintf("%s|%d", g.Synopsis[0].Plain(), n); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestBoldPartsInOtherLanguages: bold lines that name an act or a scene in
// the guide's language ("**Akt I**", "**Atto II**", "**Escena 1**",
// "**Scène 2**") are headings under their section, as "**Act I**" is
// (vocab.PartOfBook knows the words since 1361951): they were paragraphs.
func TestBoldPartsInOtherLanguages(t *testing.T) {
	for _, c := range []struct{ lang, section, part string }{
		{"de", "Inhalt", "Akt"}, {"de", "Inhalt", "Szene"}, {"de", "Inhalt", "Aufzug"},
		{"it", "Trama", "Atto"}, {"it", "Trama", "Scena"},
		{"es", "Resumen", "Acto"}, {"es", "Resumen", "Escena"},
		{"fr", "Résumé", "Acte"}, {"fr", "Résumé", "Scène"},
		{"pt", "Resumo", "Ato"}, {"pt", "Resumo", "Cena"},
	} {
		t.Run(c.lang+" "+c.part, func(t *testing.T) {
			src := "---\nbook:\n  title: Maria Stuart\n  author: Friedrich Schiller\nlanguage: " + c.lang + "\n---\n\nZwei Königinnen.\n\n## " + c.section +
				"\n\n**" + c.part + " I**\n\nMaria im Gefängnis.\n\n**" + c.part + " II**\n\nElisabeth am Hof.\n"
			want := "synopsis: Zwei Königinnen.\n## " + c.section + " [summary]\n### " + c.part + " I\nparagraph: Maria im Gefängnis.\n### " + c.part + " II\nparagraph: Elisabeth am Hof.\n"
			if got := outline(t, src); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
