package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// TestCodeInTitlesKeptAsTyped: code typed in a heading or an FAQ question
// (which the model holds as a string) keeps its straight quotes, "--" and
// "..." as typed, as code in a paragraph does (Span.Code); the text beside
// it is set as before. Code there was smart-punctuated: '`--ignore-case`'
// got an en dash, '`"Call me Ishmael"`' curly quotes.
func TestCodeInTitlesKeptAsTyped(t *testing.T) {
	const top = "# Moby-Dick\n\nby Herman Melville\n\n"
	for _, c := range []struct {
		name, body string
		want       string // the first section's title, or the first FAQ question
	}{
		{"a section heading", "## Finding `\"Call me Ishmael\"` in the text\n\nThe first line.\n",
			`Finding "Call me Ishmael" in the text`},
		{"text beside code is set", "## Ahab's \"hunt\" with `grep --ignore-case`\n\nThe chase.\n",
			"Ahab’s “hunt” with grep --ignore-case"},
		{"a subsection heading", "## Searching\n\nText.\n\n### The `...` in Chapter 1\n\nIshmael's dots.\n",
			"The ... in Chapter 1"},
		{"an FAQ question as a heading", "## FAQ\n\n### Why does `--` stand for a dash?\n\nTypewriters had none.\n",
			"Why does -- stand for a dash?"},
		{"a labelled FAQ question in bold", "## FAQ\n\n**Q: What does `'Loomings'` name?**\n\nThe first chapter.\n",
			"What does 'Loomings' name?"},
		{"an FAQ question in a list", "## FAQ\n\n- **Why search for `\"whale\"`?** It is the book's subject.\n- **Who is Ishmael?** The narrator.\n",
			`Why search for "whale"?`},
		{"a question callout ending a section", "## Chapter 1\n\nIshmael goes to sea.\n\n> [!faq]- Why is `\"Loomings\"` the title?\n> It looks ahead.\n",
			`Why is "Loomings" the title?`},
		{"no code: set as ever", "## Ishmael's \"Loomings\" -- a start\n\nText.\n",
			"Ishmael’s “Loomings” — a start"},
		// Code is kept where it was typed; the same characters typed as
		// text in the same title are set as text (review18: they were
		// kept as typed wherever the code's text stood in the title).
		{"code first, prose after", "## The `--` flag versus -- in prose\n\nText.\n",
			"The -- flag versus — in prose"},
		{"prose first, code after", "## A dash -- and the `--` flag\n\nText.\n",
			"A dash — and the -- flag"},
		{"code and prose in a question", "## FAQ\n\n### Is `\"x\"` the same as \"x\"?\n\nNo.\n",
			"Is \"x\" the same as “x”?"},
		{"code and prose in a labelled bold question", "## FAQ\n\n**Q: Is `...` a tool -- or three dots...?**\n\nBoth.\n",
			"Is ... a tool — or three dots…?"},
		{"two code spans", "## `a--b` and `c--d` -- compared\n\nText.\n",
			"a--b and c--d — compared"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse(top+c.body, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range g.Sections {
				got = append(got, s.Title)
				for _, ss := range s.Subsections {
					got = append(got, ss.Title)
				}
			}
			for _, f := range g.FAQ {
				got = append(got, f.Question)
			}
			found := false
			for _, s := range got {
				found = found || s == c.want
			}
			if !found {
				t.Errorf("titles and questions %q, want one %q", got, c.want)
			}
		})
	}
}

// TestCodeInTitlesNoSmart: with smart punctuation off the titles are as
// typed, code or not.
func TestCodeInTitlesNoSmart(t *testing.T) {
	g := parseValid(t, "# Moby-Dick\n\nby Herman Melville\n\n## Ahab's \"hunt\" -- `--all`\n\nText.\n")
	if got := g.Sections[0].Title; got != `Ahab's "hunt" -- --all` {
		t.Errorf("title %q", got)
	}
	if strings.Contains(g.Sections[0].Title, "’") {
		t.Error("set with smart punctuation off")
	}
}

// TestTableInBlockQuote: a table typed inside a block quote is read as a
// table (after the quotation, when the block quote quotes text too), with
// a note; it was flattened into the quotation's text, a row a sentence,
// and the table lost.
func TestTableInBlockQuote(t *testing.T) {
	const top = "# Pride and Prejudice\n\nby Jane Austen\n\n## Notes\n\n"
	const table = "> | Name | Who |\n> |---|---|\n> | Elizabeth Bennet | the second daughter |\n> | Fitzwilliam Darcy | a proud gentleman |\n"
	rows := [][]string{{"Elizabeth Bennet", "the second daughter"}, {"Fitzwilliam Darcy", "a proud gentleman"}}
	for _, c := range []struct {
		name, body string
		kinds      []content.BlockKind
		quote      string // the quotation's text, if any
		note       string
		caption    string // the table's
	}{
		{"a table alone", table, []content.BlockKind{content.Table}, "",
			`7: info: read the table typed as a block quote (">") as a table`, ""},
		{"a quotation over a table", "> \"It is a truth universally acknowledged.\"\n>\n" + table,
			[]content.BlockKind{content.BlockQuote, content.Table}, "It is a truth universally acknowledged.",
			"7: info: read the table in the block quote as a table after the quotation", ""},
		{"a quotation without a table: as ever", "> \"It is a truth universally acknowledged.\"\n",
			[]content.BlockKind{content.BlockQuote}, "It is a truth universally acknowledged.", "", ""},
		// A block quote of a table and its source quotes nothing: the
		// source is the table's caption, kept as typed (it was a
		// quotation "— the narrator" set before the table).
		{"a table and its source", table + ">\n> — the narrator\n", []content.BlockKind{content.Table}, "",
			"7: info: read the table typed as a block quote (\">\") as a table, and the line by it as its caption", "— the narrator"},
		{"a table, its caption and source", "> Table: The Bennets' circle\n>\n" + table + ">\n> *— the narrator*\n",
			[]content.BlockKind{content.Table}, "", "as its caption", "The Bennets' circle — the narrator"},
		{"a table and its source outside the block quote", table + "\n— the narrator\n", []content.BlockKind{content.Table}, "",
			"12: info: read the line under the table as its caption (its source)", "— the narrator"},
		{"a table with its source under a plain table", strings.ReplaceAll(table, "> ", "") + "\n(Chapter 3)\n", []content.BlockKind{content.Table}, "",
			"read the line under the table as its caption", "(Chapter 3)"},
		// Text after the table is quoted after it, as typed.
		{"a table over a remark", table + ">\n> Darcy's pride comes first.\n", []content.BlockKind{content.Table, content.BlockQuote},
			"Darcy's pride comes first.", "as a table before the quotation", ""},
		// A quotation's own source stays its attribution.
		{"a quotation, a table and a source", "> \"It is a truth universally acknowledged.\"\n>\n" + table + ">\n> — the narrator\n",
			[]content.BlockKind{content.BlockQuote, content.Table}, "It is a truth universally acknowledged.", "after the quotation", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, top+c.body)
			bl := g.Sections[0].Blocks
			var kinds []content.BlockKind
			for _, b := range bl {
				kinds = append(kinds, b.Kind)
			}
			if !reflect.DeepEqual(kinds, c.kinds) {
				t.Fatalf("blocks %v, want %v:\n%s", kinds, c.kinds, shape(g))
			}
			for _, b := range bl {
				switch b.Kind {
				case content.Table:
					var got [][]string
					for _, r := range b.Rows {
						got = append(got, []string{r[0].Plain(), r[1].Plain()})
					}
					if !reflect.DeepEqual(got, rows) || b.Header[0].Plain() != "Name" {
						t.Errorf("table %v %v", b.Header, got)
					}
					if got := b.Caption.Plain(); got != c.caption {
						t.Errorf("caption %q, want %q", got, c.caption)
					}
				case content.BlockQuote:
					if got := strings.Trim(b.Text.Plain(), `"“”`); got != c.quote {
						t.Errorf("quotation %q, want %q", got, c.quote)
					}
				}
			}
			if got := messages(g); c.note == "" && got != "" || !strings.Contains(got, c.note) {
				t.Errorf("notes %q, want one with %q", got, c.note)
			}
		})
	}
}

// TestEmptyQuoteItem: an empty item of the quotes list ("2." alone) is
// left out with a warning naming its line (it was left out without a
// word).
func TestEmptyQuoteItem(t *testing.T) {
	const top = "# Silas Marner\n\nby George Eliot\n\n## Key Quotes\n\n"
	for _, c := range []struct{ name, body, want string }{
		{"numbered", "1. \"The gold had asked that he should sit weaving longer.\" (Chapter 2)\n2.\n3. \"In old days there were angels.\" (Chapter 14)\n",
			"8: warning: an empty item (2.) of the quotes list was left out; give it its quotation or delete it\n"},
		{"bulleted, first", "-\n- \"In old days there were angels.\" (Chapter 14)\n",
			"7: warning: an empty item (-) of the quotes list was left out; give it its quotation or delete it\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, top+c.body)
			if got := messages(g); got != c.want {
				t.Errorf("diagnostics %q, want %q", got, c.want)
			}
			for _, q := range g.Quotes {
				if q.Text.Plain() == "" {
					t.Errorf("an empty quote: %s", shape(g))
				}
			}
			if len(g.Quotes) != strings.Count(c.body, "\"")/2 {
				t.Errorf("quotes:\n%s", shape(g))
			}
		})
	}
}

// TestWikiLinkTerms: lines an Obsidian wiki link opens ("- [[Capitu]] —
// the neighbour") are a name and what is said of it, definitions, as
// "**Capitu** — …" lines are; they were a plain list. The names a guide
// links so are terms wherever they open such a line.
func TestWikiLinkTerms(t *testing.T) {
	const top = "# Dom Casmurro\n\nby Machado de Assis\n\n## Personagens\n\n"
	for _, c := range []struct{ name, body, want string }{
		{"bullets", "- [[Bentinho]] — o narrador, chamado Dom Casmurro\n- [[Capitu]] — \"olhos de cigana\"\n- **José Dias** — o agregado\n",
			"definitions: Bentinho = o narrador, chamado Dom Casmurro | Capitu = \"olhos de cigana\" | José Dias = o agregado\n"},
		{"an alias shown", "- [[Personagens#Capitu|Capitolina]] – a vizinha\n- [[Escobar]] – amigo do seminário\n",
			"definitions: Capitolina = a vizinha | Escobar = amigo do seminário\n"},
		{"lines of a paragraph, colons", "[[Bentinho]]: o narrador\n[[Capitu]]: a vizinha\n",
			"definitions: Bentinho = o narrador | Capitu = a vizinha\n"},
		{"a link inside the line is no term", "- Bentinho ama [[Capitu]] desde menino.\n- Escobar morre no mar.\n",
			"list: Bentinho ama Capitu desde menino. | Escobar morre no mar.\n"},
		{"a link without a definition after it", "- [[Bentinho]]\n- [[Capitu]]\n",
			"list: Bentinho | Capitu\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := termShape(parseValid(t, top+c.body).Sections[0].Blocks); got != c.want {
				t.Errorf("got  %swant %s", got, c.want)
			}
		})
	}
}

// TestPolishGuide: a Polish guide in Markdown is told from its words and
// headings, its headings have their roles and its quotes and FAQ are
// found; before, it was English with four sections of no role, "Cytaty"
// and "Często zadawane pytania" among them.
func TestPolishGuide(t *testing.T) {
	g, err := Parse("# Pan Tadeusz\n\nAdam Mickiewicz\n\n## Streszczenie\n\nTadeusz wraca do domu stryja, a spór o zamek podsyca stary klucznik Gerwazy. Ksiądz Robak, który jest Jackiem Soplicą, przygotowuje powstanie i umiera po bitwie.\n\n## Bohaterowie\n\n- **Tadeusz** – młody szlachcic, syn Jacka\n- **Zosia** – wychowanica Telimeny\n\n## Cytaty\n\n> „Kochajmy się!”\n> — Księga XII\n\n## Często zadawane pytania\n\n### Kto jest narratorem?\n\nGawędziarz, który wspomina Litwę z perspektywy emigracji.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Language != "pl" || g.Title != "Pan Tadeusz — Opracowanie lektury" {
		t.Errorf("language %q, title %q", g.Language, g.Title)
	}
	want := []content.Role{content.RoleSummary, content.RoleCharacters}
	if len(g.Sections) != len(want) {
		t.Fatalf("read as %s", shape(g))
	}
	for i, r := range want {
		if g.Sections[i].Role != r {
			t.Errorf("section %q has role %q, want %q", g.Sections[i].Title, g.Sections[i].Role, r)
		}
	}
	if len(g.Quotes) != 1 || len(g.FAQ) != 1 {
		t.Errorf("quotes %+v, FAQ %+v", g.Quotes, g.FAQ)
	}
}

// TestTabColumnTerms: words and their meanings pasted in two tab columns
// under a vocabulary (characters, key facts) heading are its definitions,
// as the plain-text reader reads them; they were one paragraph with the
// tabs in its text, or, numbered, a list of "whitewash<TAB>to paint…".
func TestTabColumnTerms(t *testing.T) {
	const top = "# The Wind in the Willows\n\nby Kenneth Grahame\n\n"
	for _, c := range []struct{ name, body, want string }{
		{"two lines", "## Vocabulary\n\nwhitewash\tto paint with lime and water\nbolster\ta long, firm pillow\n",
			"definitions: whitewash = to paint with lime and water | bolster = a long, firm pillow\n"},
		{"numbered, from Word", "## Vocabulary\n\n1.\twhitewash\tto paint with lime and water\n2.\tbolster\t\ta long, firm pillow\n",
			"definitions: whitewash = to paint with lime and water | bolster = a long, firm pillow\n"},
		{"characters", "## Characters\n\nMole\ta shy creature who leaves his burrow\nRat\ta Water Rat who loves boats\n",
			"definitions: Mole = a shy creature who leaves his burrow | Rat = a Water Rat who loves boats\n"},
		{"a header row: as before, its tabs spaces (session 20: they stayed in the text)", "## Vocabulary\n\nWord\tMeaning\nbolster\ta long, firm pillow\n",
			"paragraph: Word Meaning bolster a long, firm pillow\n"},
		{"another section: as before, its tabs spaces", "## Summary\n\nMole\tleaves his burrow.\nRat\trows him home.\n",
			"paragraph: Mole leaves his burrow. Rat rows him home.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := termShape(parseValid(t, top+c.body).Sections[0].Blocks); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// termShape renders blocks one a line: definitions as "term = definition"
// pairs, a list's items, any other block's text.
func termShape(blocks []content.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Kind {
		case content.Definitions:
			var ds []string
			for _, d := range bl.Terms {
				ds = append(ds, d.Term.Plain()+" = "+d.Definition.Plain())
			}
			b.WriteString("definitions: " + strings.Join(ds, " | ") + "\n")
		case content.List:
			var items []string
			for _, it := range bl.Items {
				items = append(items, it.Text.Plain())
			}
			b.WriteString("list: " + strings.Join(items, " | ") + "\n")
		default:
			b.WriteString(string(bl.Kind) + ": " + bl.Text.Plain() + "\n")
		}
	}
	return b.String()
}
