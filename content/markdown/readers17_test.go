package markdown

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// messages is g's diagnostics, one "line: severity: message" a line.
func messages(g *content.Guide) string {
	var b strings.Builder
	for _, d := range g.Diagnostics {
		b.WriteString(strings.Join([]string{strconv.Itoa(d.Line), string(d.Severity), d.Message}, ": ") + "\n")
	}
	return b.String()
}

// TestTickNotes: a quiz whose answers are ticked among its options gets
// one note, the answer key's, which says the boxes are gone; the boxes of
// a list that is not a quiz's options still get theirs. Before, a ticked
// quiz got both (two infos for one change).
func TestTickNotes(t *testing.T) {
	const top = "# Silas Marner — Quiz\n\nby George Eliot\n\n## Quiz\n\n"
	const quiz = "1. Who steals the gold?\n   - [ ] Godfrey Cass\n   - [x] Dunstan Cass\n2. Where does Eppie come from?\n   - [x] The snow\n   - [ ] The Red House\n"
	for _, c := range []struct {
		name, body string
		want       []string // each note's start, in order
	}{
		{"a ticked quiz: the answer key's note only", quiz,
			[]string{"9: info: read the options ticked ([x])"}},
		{"a checklist after a ticked quiz: its boxes' note too", quiz + "\n## Checklist\n\n- [ ] Read chapter 1\n- [x] Read chapter 2\n",
			[]string{"9: info: read the options ticked ([x])", "16: info: dropped the task-list check boxes"}},
		{"unticked options only: the boxes' note", "1. Who steals the gold?\n   - [ ] Godfrey Cass\n   - [ ] Dunstan Cass\n",
			[]string{"8: info: dropped the task-list check boxes"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, top+c.body)
			got := strings.Split(strings.TrimSuffix(messages(g), "\n"), "\n")
			ok := len(got) == len(c.want)
			for i := 0; ok && i < len(got); i++ {
				ok = strings.HasPrefix(got[i], c.want[i])
			}
			if !ok {
				t.Errorf("notes:\n%s\nwant lines starting\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestPrintNoteUnderTitle: a bracketed instruction for printing after the
// handout's name under the by-line is no part of the guide's name (it
// named the guide "The Call of the Wild — Handout (print double-sided)");
// a bracket that describes the handout still is.
func TestPrintNoteUnderTitle(t *testing.T) {
	const top = "# The Call of the Wild\n\nby Jack London\n\n"
	const body = "\n\n## Chapter 1\n\nBuck lives at Judge Miller's place.\n"
	for _, c := range []struct{ name, line, title, author, note string }{
		{"print double-sided", "Handout (print double-sided)", "The Call of the Wild — Handout", "", `left "(print double-sided)" out`},
		{"in italics, with the teacher", "*Worksheet (please print single-sided) — Ms. Okafor*", "The Call of the Wild — Worksheet", "Ms. Okafor", `left "(please print single-sided)" out`},
		{"French, recto verso", "Fiche de lecture [imprimer recto verso]", "The Call of the Wild — Fiche de lecture", "", `left "[imprimer recto verso]" out`},
		{"German, beidseitig", "Arbeitsblatt (beidseitig drucken)", "The Call of the Wild — Arbeitsblatt", "", `left "(beidseitig drucken)" out`},
		{"large print describes the handout", "Handout (large print)", "The Call of the Wild — Handout (large print)", "", ""},
		{"whom it is for", "Study Guide (Year 9)", "The Call of the Wild — Study Guide (Year 9)", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, top+c.line+body)
			if g.Title != c.title || g.Author != c.author {
				t.Errorf("title %q author %q, want %q %q", g.Title, g.Author, c.title, c.author)
			}
			if got := messages(g); c.note == "" && got != "" || !strings.Contains(got, c.note) {
				t.Errorf("notes %q, want one with %q", got, c.note)
			}
			if strings.Contains(shape(g), "print") || strings.Contains(shape(g), "drucken") {
				t.Errorf("the instruction is kept as text:\n%s", shape(g))
			}
		})
	}
}

// TestCodeKeptAsTyped: with smart punctuation on, text typed as code (a
// code span, a fenced code block) keeps its straight quotes, apostrophes,
// "--" and "..." as typed and is marked Code; the text around it is set
// as before. Code was set like any text ('`"as is"`' became “as is”,
// '`--lang`' an en dash) and merged into the text beside it.
func TestCodeKeptAsTyped(t *testing.T) {
	code := func(s string) content.Span { return content.Span{Text: s, Code: true} }
	plain := func(s string) content.Span { return content.Span{Text: s} }
	for _, c := range []struct {
		name, body string
		want       content.Text
	}{
		{"a code span in a paragraph", "Type `guidepress build --lang es \"Doña Perfecta.md\"` and wait -- it's quick.",
			content.Text{plain("Type "), code(`guidepress build --lang es "Doña Perfecta.md"`), plain(" and wait — it’s quick.")}},
		{"an apostrophe and dots in code", "Search for `don't...` in the text.",
			content.Text{plain("Search for "), code("don't..."), plain(" in the text.")}},
		{"code beside an apostrophe", "The `Silas`'s hoard \"grows\".",
			content.Text{plain("The "), code("Silas"), plain("’s hoard “grows”.")}},
		{"code in emphasis", "*Press `'q'` to quit*",
			content.Text{{Text: "Press ", Em: true}, {Text: "'q'", Em: true, Code: true}, {Text: " to quit", Em: true}}},
		{"code as a link's text", "[`--help`](https://example.org/help)",
			content.Text{{Text: "--help", Code: true, Href: "https://example.org/help"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# Silas Marner\n\nby George Eliot\n\n## Notes\n\n"+c.body+"\n", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			if len(g.Sections) != 1 || len(g.Sections[0].Blocks) != 1 {
				t.Fatalf("read as %s", shape(g))
			}
			if got := g.Sections[0].Blocks[0].Text; !reflect.DeepEqual(got, c.want) {
				t.Errorf("got  %#v\nwant %#v", got, c.want)
			}
		})
	}
	t.Run("a fenced code block", func(t *testing.T) {
		g, err := Parse("# Silas Marner\n\nby George Eliot\n\n## Notes\n\n```\nquote = \"gold -- it's gone\"\nprint(quote)\n```\n\n```verse\n\"Gold,\" he said -- 'gone.'\n```\n", Options{})
		if err != nil {
			t.Fatal(err)
		}
		bl := g.Sections[0].Blocks
		if len(bl) != 2 {
			t.Fatalf("read as %s", shape(g))
		}
		want := []content.Text{{code(`quote = "gold -- it's gone"`)}, {code("print(quote)")}}
		if !reflect.DeepEqual(bl[0].Lines, want) {
			t.Errorf("code lines %#v, want %#v", bl[0].Lines, want)
		}
		if got := bl[1].Lines[0]; !reflect.DeepEqual(got, content.Text{plain("“Gold,” he said — ‘gone.’")}) {
			t.Errorf("```verse is a poem, set as text: %#v", got)
		}
	})
}

// TestClosingDisclosures: <details> disclosures (and callouts that ask)
// that end a section's own text are its subsections, each summary a
// heading over what it hid, shown: a question over its answer, a label
// over its text, which the contents and the PDF's bookmarks list. Before,
// each summary was a bold paragraph (no heading to find or skip to), with
// a note each. In the middle of a section, in a discussion section and
// under the FAQ heading they are read as before.
func TestClosingDisclosures(t *testing.T) {
	const top = "# The Call of the Wild\n\nby Jack London\n\nBuck is stolen.\n\n"
	for _, c := range []struct{ name, body, want, note string }{
		{"questions ending a chapter", "## Chapter 1\n\nBuck lives well.\n\n<details><summary>Why is Buck stolen?</summary>Because dogs are needed.</details>\n\n<details>\n<summary>Who sells him?</summary>\n\nManuel, the gardener's helper.\n\nHe owes money.\n\n</details>\n\n## Chapter 2\n\nThe law of club and fang.\n",
			"synopsis: Buck is stolen.\n## Chapter 1\nparagraph: Buck lives well.\n### Why is Buck stolen?\nparagraph: Because dogs are needed.\n### Who sells him?\nparagraph: Manuel, the gardener's helper.\nparagraph: He owes money.\n## Chapter 2\nparagraph: The law of club and fang.\n",
			`11: info: read the 2 disclosures (<details>, or callouts that ask) that end the section "Chapter 1" as its subsections`},
		{"a Notion toggle list of chapters, before the section's own subsection", "## Chapter Summaries\n\n<details>\n<summary>Into the Primitive</summary>\n\nBuck is sold.\n\n</details>\n\n### Analysis\n\nThe call grows.\n",
			"synopsis: Buck is stolen.\n## Chapter Summaries [summary]\n### Into the Primitive\nparagraph: Buck is sold.\n### Analysis\nparagraph: The call grows.\n",
			`9: info: read the disclosure (<details>, or a callout that asks) that ends the section "Chapter Summaries" as its subsections`},
		{"a question callout ending a chapter", "## Chapter 1\n\n> [!faq]- Why does Buck fight Spitz?\n> For leadership.\n",
			"synopsis: Buck is stolen.\n## Chapter 1\n### Why does Buck fight Spitz?\nparagraph: For leadership.\n",
			`9: info: read the disclosure (<details>, or a callout that asks) that ends the section "Chapter 1"`},
		{"text after it: a bold paragraph, as before", "## Chapter 1\n\n<details><summary>Why is Buck stolen?</summary>Because dogs are needed.</details>\n\nAfter.\n",
			"synopsis: Buck is stolen.\n## Chapter 1\nparagraph: Why is Buck stolen?\nparagraph: Because dogs are needed.\nparagraph: After.\n",
			`9: info: read the <details> disclosure "Why is Buck stolen?" as its summary in bold`},
		{"in a subsection: a bold paragraph (the model's subsections go one level down only)", "## Chapter 1\n\n### Analysis\n\n<details><summary>Why is Buck stolen?</summary>Because dogs are needed.</details>\n",
			"synopsis: Buck is stolen.\n## Chapter 1\n### Analysis\nparagraph: Why is Buck stolen?\nparagraph: Because dogs are needed.\n",
			`11: info: read the <details> disclosure "Why is Buck stolen?" as its summary in bold`},
		{"under the FAQ heading: an FAQ entry", "## FAQ\n\n<details><summary>Why is Buck stolen?</summary>Because dogs are needed.</details>\n",
			"synopsis: Buck is stolen.\nfaq: Why is Buck stolen?\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, top+c.body)
			if got := outline(t, top+c.body); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if got := messages(g); c.note == "" && got != "" || !strings.Contains(got, c.note) || strings.Count(got, "\n") > 1 {
				t.Errorf("notes %q, want one with %q", got, c.note)
			}
		})
	}
}

// TestDutchGuide: what a Dutch handout (testdata/guides/max-havelaar-
// leesdossier-nl.md) showed misread, each case read so before: the
// language kept "en" with a warning naming Spanish; "door Multatuli" not
// a by-line (no author, a warning); "*Leesdossier — Havo 4*" the
// synopsis; every heading a section of no role, "## Citaten" a section of
// block quotes rather than the highlighted quotes; "Toelichting:" part of
// the quote; bold "**Hoofdstuk 1–4**" lines paragraphs, not the summary's
// parts.
func TestDutchGuide(t *testing.T) {
	const top = "# Max Havelaar\n\ndoor Multatuli (1860)\n\n"
	const syn = "Batavus Droogstoppel, makelaar in koffie, krijgt een pak papieren van een oude schoolkameraad. Hij laat er een boek van maken, en zo leren we Max Havelaar kennen, die het onrecht aanklaagt.\n\n"
	for _, c := range []struct{ name, body, title, want string }{
		{"the by-line, the language and the handout's name", "*Leesdossier — Havo 4*\n\n" + syn + "## Samenvatting\n\nHavelaar komt in Lebak aan.\n",
			"Max Havelaar — Leesdossier — Havo 4",
			"synopsis: " + strings.TrimSpace(syn) + "\n## Samenvatting [summary]\nparagraph: Havelaar komt in Lebak aan.\n"},
		{"the headings' roles", syn + "## Personages\n\n- **Tine** — zijn vrouw\n- **Verbrugge** — controleur\n\n## Thema's\n\nOnrecht.\n\n## Begrippen\n\n- **regent** — inheems hoofd\n- **raamvertelling** — verhaal in een verhaal\n\n## Vragen\n\n1. Wie is de verteller?\n",
			"Max Havelaar — Leeswijzer",
			"synopsis: " + strings.TrimSpace(syn) + "\n## Personages [characters]\ndefinitions: \n## Thema's [themes]\nparagraph: Onrecht.\n## Begrippen [vocabulary]\ndefinitions: \n## Vragen [discussion]\nordered  from 1: Wie is de verteller?\n"},
		{"the quotes and their explanation", syn + "## Citaten\n\n> \"Ik ben makelaar in koffie.\"\n> — Hoofdstuk 1\n>\n> Toelichting: hij stelt zich voor als zakenman.\n",
			"Max Havelaar — Leeswijzer",
			"synopsis: " + strings.TrimSpace(syn) + "\nquote: Ik ben makelaar in koffie.\n"},
		{"bold chapter lines are the summary's parts", syn + "## Samenvatting\n\n**Hoofdstuk 1–4**\n\nDroogstoppel stelt zich voor.\n\n**Hoofdstuk 5–17**\n\nHavelaar in Lebak.\n",
			"Max Havelaar — Leeswijzer",
			"synopsis: " + strings.TrimSpace(syn) + "\n## Samenvatting [summary]\n### Hoofdstuk 1–4\nparagraph: Droogstoppel stelt zich voor.\n### Hoofdstuk 5–17\nparagraph: Havelaar in Lebak.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := outline(t, top+c.body); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			g := parseValid(t, top+c.body)
			if g.Title != c.title || g.Book.Author != "Multatuli" || g.Book.Year != 1860 || g.Language != "nl" {
				t.Errorf("title %q, author %q, year %d, language %q", g.Title, g.Book.Author, g.Book.Year, g.Language)
			}
			for _, q := range g.Quotes {
				if q.Attribution.Plain() != "Hoofdstuk 1" || len(q.Explanation) != 1 || strings.Contains(q.Text.Plain(), "Toelichting") {
					t.Errorf("quote %q — %q, explanation %q", q.Text.Plain(), q.Attribution.Plain(), content.PlainAll(q.Explanation))
				}
			}
			if strings.Contains(messages(g), "warning") {
				t.Errorf("warnings:\n%s", messages(g))
			}
		})
	}
}

// TestReadmeBadges: a paragraph of a README's badges, linked or not, is
// left out with one note; each image was dropped with a warning, and a
// link to a repository's file with another. An image that is no badge,
// or a badge beside words, is read as before.
func TestReadmeBadges(t *testing.T) {
	const top = "# Treasure Island — Study Notes\n\nby Robert Louis Stevenson\n\n"
	const rest = "\n\nJim finds a map in the chest of the old captain, and the squire and the doctor take him to the island with the cook and his men.\n\n## Themes\n\nGreed is the theme of the book: it is what they all want.\n"
	for _, c := range []struct{ name, para, want string }{
		{"linked and bare badges", "[![License: CC0](https://img.shields.io/badge/license-CC0-blue.svg)](LICENSE) ![Reading time](https://img.shields.io/badge/reading-25%20min-green)\n[![CI](https://github.com/a/b/actions/workflows/ci.yml/badge.svg)](https://github.com/a/b/actions)",
			"info: dropped the badges (status images, as a README shows them: License: CC0, Reading time, CI)"},
		{"a picture is no badge", "![The map](https://example.org/map.png)", "warning: dropped the image https://example.org/map.png"},
		{"a badge beside words", "Status: ![ok](https://img.shields.io/badge/ok-green)", "warning: dropped the image https://img.shields.io/badge/ok-green"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, top+c.para+rest)
			got := messages(g)
			if !strings.Contains(got, c.want) || strings.Count(got, "\n") != 1 {
				t.Errorf("notes:\n%s\nwant one with %q", got, c.want)
			}
			if len(g.Synopsis) == 0 || !strings.HasPrefix(g.Synopsis[0].Plain(), "Jim finds a map") && !strings.HasPrefix(g.Synopsis[0].Plain(), "Status") {
				t.Errorf("synopsis %q", content.PlainAll(g.Synopsis))
			}
		})
	}
}
