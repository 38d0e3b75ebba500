package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// TestNestedQuotes: a block quote nested in another keeps its meaning. In
// a frame that only labels it ("**Key quote**", "[!quote] Chapter 1", a
// lead-in ending in ":") it is the quotation, the frame's lines after it
// its attribution and explanation; inside a quotation it is a note, the
// quotation's explanation. Both were run into the outer quote's text.
func TestNestedQuotes(t *testing.T) {
	for _, c := range []struct{ name, quote, want, inSection string }{
		{"a note inside a quotation", "> Some are born great, and some have greatness thrust upon them.\n> > Malvolio reads this from the forged letter.\n>\n> — Malvolio, Act 2, Scene 5\n",
			"Some are born great, and some have greatness thrust upon them. | Malvolio, Act 2, Scene 5 | Malvolio reads this from the forged letter.", ""},
		{"the attribution run on into the nested quote", "> He was beaten; but he was not broken.\n> > A note on the club.\n> — Chapter 1\n",
			"He was beaten; but he was not broken. | Chapter 1 | A note on the club.", ""},
		{"a labelled frame", "> **Key quote**\n> > Badly done, Emma, badly done!\n>\n> — Mr. Knightley, Chapter 43\n>\n> Knightley's rebuke is the turning point.\n",
			"Badly done, Emma, badly done! | Mr. Knightley, Chapter 43 | Knightley's rebuke is the turning point.", ""},
		{"an Obsidian quote callout naming its place", "> [!quote] Chapter 1\n> > Emma Woodhouse, handsome, clever, and rich.\n",
			"Emma Woodhouse, handsome, clever, and rich. | Chapter 1 | ", ""},
		// A lead-in opens the explanation among the highlighted quotes
		// (they have no other place for it); in a section it is a
		// paragraph before the quote, as it stood (it was the quote's
		// explanation there too).
		{"a lead-in", "> Walton writes to his sister:\n> > You will rejoice to hear that no disaster has befallen us.\n> — Letter 1\n",
			"You will rejoice to hear that no disaster has befallen us. | Letter 1 | Walton writes to his sister:",
			"Walton writes to his sister: ¶ You will rejoice to hear that no disaster has befallen us. | Letter 1 | "},
		// A lead-in sentence over a quotation in its marks: the nested
		// quote is the quotation (the sentence was the quotation, the
		// quotation its explanation).
		{"a lead-in sentence", "> In the first letter Walton writes home.\n>\n> > \"You will rejoice to hear that no disaster has befallen us.\"\n> > — Letter 1\n>\n> His hope runs high.\n",
			"You will rejoice to hear that no disaster has befallen us. | Letter 1 | In the first letter Walton writes home. + His hope runs high.",
			"In the first letter Walton writes home. ¶ You will rejoice to hear that no disaster has befallen us. | Letter 1 | His hope runs high."},
		// A quote callout's title that only labels it ("Key quote"), a
		// lead-in on the next line: the title is dropped (it was run
		// into the lead-in, "Key quote Walton writes home.").
		{"a labelled callout with a lead-in", "> [!quote] Key quote\n> Walton writes home.\n>\n> > \"You will rejoice to hear that no disaster has befallen us.\"\n> > — Letter 1\n",
			"You will rejoice to hear that no disaster has befallen us. | Letter 1 | Walton writes home.",
			"Walton writes home. ¶ You will rejoice to hear that no disaster has befallen us. | Letter 1 | "},
		// A sentence over a note that is no quotation in marks: the
		// frame is the quotation, as before.
		{"a quotation over a note", "> Some are born great.\n>\n> > Malvolio reads this aloud.\n",
			"Some are born great. |  | Malvolio reads this aloud.", ""},
		{"verse inside a frame", "> **Quote 2**\n> > She never told her love,\\\n> > But let concealment feed on her damask cheek.\n> — Viola\n",
			"She never told her love, / But let concealment feed on her damask cheek. | Viola | ", ""},
	} {
		for _, where := range []string{"## Key Quotes\n\n", "## Themes\n\n"} {
			t.Run(c.name+" "+where[3:len(where)-2], func(t *testing.T) {
				g, err := Parse("# Emma\n\nby Jane Austen\n\nEmma meddles.\n\n"+where+c.quote, Options{NoSmart: true})
				if err != nil {
					t.Fatal(err)
				}
				if err := g.Validate(); err != nil {
					t.Fatal(err)
				}
				var text, attr string
				var expl []string
				switch {
				case len(g.Quotes) == 1 && len(g.Sections) == 0:
					q := g.Quotes[0]
					text, attr = q.Text.Plain(), q.Attribution.Plain()
					for _, l := range q.Lines {
						text += " / " + l.Plain()
					}
					for _, e := range q.Explanation {
						expl = append(expl, e.Plain())
					}
				case len(g.Sections) == 1 && len(g.Sections[0].Blocks) >= 1 && g.Sections[0].Blocks[len(g.Sections[0].Blocks)-1].Kind == content.BlockQuote:
					bs := g.Sections[0].Blocks
					b := bs[len(bs)-1]
					var lead []string
					for _, p := range bs[:len(bs)-1] {
						if p.Kind != content.Paragraph {
							t.Fatalf("not one quote: %+v", bs)
						}
						lead = append(lead, p.Text.Plain())
					}
					if lead != nil {
						text = strings.Join(lead, " + ") + " ¶ "
					}
					text, attr = text+b.Text.Plain(), b.Attribution.Plain()
					for _, l := range b.Lines {
						text += " / " + l.Plain()
					}
					for _, e := range b.Explanation {
						expl = append(expl, e.Plain())
					}
				default:
					t.Fatalf("not one quote: %+v %+v", g.Quotes, g.Sections)
				}
				text = strings.TrimPrefix(text, " / ")
				want := c.want
				if where == "## Themes\n\n" && c.inSection != "" {
					want = c.inSection
				}
				if got := text + " | " + attr + " | " + strings.Join(expl, " + "); got != want {
					t.Errorf("got  %s\nwant %s", got, want)
				}
			})
		}
	}
}

// TestCallouts: Obsidian callouts and GitHub alerts ("> [!NOTE]", "> [!tip]
// Remember", "> [!quote] Chapter 1", "> [!faq]- Why?") are read for what
// they are: a quote callout is a quote (its title, when it names a place
// or a speaker, the attribution), a question callout a question and its
// answer, any other the guide's own text with its title in bold. They
// were quotations with "[!NOTE]" in their text.
func TestCallouts(t *testing.T) {
	shapes(t, "# Emma\n\nby Jane Austen\n\n", []shapeCase{
		{"a quote callout in the quotes", "Emma meddles.\n\n## Key Quotes\n\n> [!quote] Mr. Knightley, Chapter 43\n> Badly done, Emma!\n\n> [!NOTE]\n> The picnic at Box Hill.\n",
			"synopsis: Emma meddles.\nquote: Badly done, Emma! — Mr. Knightley, Chapter 43 + The picnic at Box Hill.\n"},
		{"notes in a section", "Emma meddles.\n\n## Themes\n\n> [!tip] Remember\n> Marriage is the economy.\n\n> [!WARNING]\n> Spoilers below.\n> - one\n> - two\n",
			"synopsis: Emma meddles.\n## Themes [themes]\nparagraph: **Remember**\nparagraph: Marriage is the economy.\nparagraph: Spoilers below.\nlist: one | two\n"},
		{"a question callout in a section", "Emma meddles.\n\n## Chapter 1\n\n> [!question] Why does Emma meddle?\n> Boredom.\n\nShe learns.\n",
			"synopsis: Emma meddles.\n## Chapter 1\nparagraph: **Why does Emma meddle?**\nparagraph: Boredom.\nparagraph: She learns.\n"},
		{"the FAQ", "Emma meddles.\n\n## FAQ\n\n> [!faq]- Why does Emma meddle?\n> Boredom.\n\n> [!question] Is Knightley right?\n> Mostly.\n",
			"synopsis: Emma meddles.\nfaq: Why does Emma meddle? = Boredom.\nfaq: Is Knightley right? = Mostly.\n"},
		{"a summary callout in the synopsis: its title labels it (it was the synopsis's first paragraph)", "> [!abstract] In brief\n> Emma meddles.\n\n## Themes\n\nMarriage.\n",
			"synopsis: Emma meddles.\n## Themes [themes]\nparagraph: Marriage.\n"},
		{"a note in the synopsis, its title no label", "> [!note] In brief\n> Emma meddles.\n\n## Themes\n\nMarriage.\n",
			"synopsis: In brief\nsynopsis: Emma meddles.\n## Themes [themes]\nparagraph: Marriage.\n"},
	})
}

type shapeCase struct{ name, body, want string }

// shapes runs cases: top and each body read, the guide's shape wanted.
func shapes(t *testing.T, top string, cases []shapeCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := shape(parseValid(t, top+c.body)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// TestEscapedCalloutIsText: "\[!NOTE]" typed (or written by inspect
// --markdown for a quote whose text opens so) is text, not a callout.
func TestEscapedCalloutIsText(t *testing.T) {
	g, err := Parse("# Emma\n\nby Jane Austen\n\nEmma meddles.\n\n## Themes\n\n> \\[!NOTE] is how GitHub marks a note.\n", Options{NoSmart: true})
	if err != nil {
		t.Fatal(err)
	}
	if bs := g.Sections[0].Blocks; len(bs) != 1 || bs[0].Kind != "quote" || bs[0].Text.Plain() != "[!NOTE] is how GitHub marks a note." {
		t.Errorf("blocks %+v", bs)
	}
}

// parseValid reads src (straight quotes kept) into a valid guide.
func parseValid(t *testing.T, src string) *content.Guide {
	t.Helper()
	g, err := Parse(src, Options{NoSmart: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	return g
}

// shape renders a guide's synopsis, quotes (attribution after a dash,
// explanation after "+"), sections' blocks (a paragraph wholly in bold
// between "**", a list's items numbered when it is ordered) and FAQ, one a
// line.
func shape(g *content.Guide) string {
	var b strings.Builder
	for _, p := range g.Synopsis {
		b.WriteString("synopsis: " + p.Plain() + "\n")
	}
	for _, q := range g.Quotes {
		b.WriteString("quote: " + q.Text.Plain())
		if q.Attribution != nil {
			b.WriteString(" — " + q.Attribution.Plain())
		}
		for _, e := range q.Explanation {
			b.WriteString(" + " + e.Plain())
		}
		b.WriteString("\n")
	}
	for _, s := range g.Sections {
		b.WriteString("## " + s.Title)
		if s.Role != "" {
			b.WriteString(" [" + string(s.Role) + "]")
		}
		b.WriteString("\n")
		for _, bl := range s.Blocks {
			switch bl.Kind {
			case content.Paragraph:
				p := bl.Text.Plain()
				if len(bl.Text) == 1 && bl.Text[0].Strong {
					p = "**" + p + "**"
				}
				b.WriteString("paragraph: " + p + "\n")
			case content.List:
				var items []string
				for i, it := range bl.Items {
					if bl.Ordered {
						items = append(items, fmt.Sprintf("%d. %s", content.Number(bl.Start, i), it.Text.Plain()))
					} else {
						items = append(items, it.Text.Plain())
					}
				}
				b.WriteString("list: " + strings.Join(items, " | ") + "\n")
			default:
				b.WriteString(string(bl.Kind) + ": " + bl.Text.Plain() + "\n")
			}
		}
	}
	for _, f := range g.FAQ {
		var a []string
		for _, p := range f.Answer {
			a = append(a, p.Plain())
		}
		b.WriteString("faq: " + f.Question + " = " + strings.Join(a, " | ") + "\n")
	}
	return b.String()
}

// TestWikiLinks: an Obsidian wiki link keeps the text it shows ("[[Eppie]]"
// is Eppie, "[[Characters#Eppie|the child]]" the child); its brackets were
// left in the text. Escaped brackets ("\[\[Eppie]]", as inspect --markdown
// writes text) stay as typed.
func TestWikiLinks(t *testing.T) {
	shapes(t, "# Silas Marner\n\nby George Eliot\n\n", []shapeCase{
		{"page", "Silas finds [[Eppie]].\n", "synopsis: Silas finds Eppie.\n"},
		{"heading and alias", "See [[Characters#Eppie|the child]] and [[Raveloe|]].\n", "synopsis: See the child and Raveloe.\n"},
		{"in a list", "Text.\n\n## Characters\n\n- [[Silas Marner]], a weaver\n- *[[Godfrey Cass]]*, the squire's son\n",
			"synopsis: Text.\n## Characters [characters]\nlist: Silas Marner, a weaver | Godfrey Cass, the squire's son\n"},
		{"escaped stays", "Write \\[\\[Eppie]] for a link.\n", "synopsis: Write [[Eppie]] for a link.\n"},
	})
}

// TestPandocBlocks: pandoc's fenced divs ("::: note" … ":::") are left
// out around their text, and its line blocks ("| …" lines) are verse;
// the fences were text run into the paragraph, the line block one
// paragraph with its bars. Tables and code blocks stay as they are.
func TestPandocBlocks(t *testing.T) {
	shapes(t, "# Wuthering Heights\n\nby Emily Brontë\n\nHeathcliff loves Catherine.\n\n## Themes\n\n", []shapeCase{
		{"a fenced div", "::: note\nRevenge drives the second half.\n:::\n\n::: {.aside}\n\nNelly tells it.\n\n:::\n",
			"synopsis: Heathcliff loves Catherine.\n## Themes [themes]\nparagraph: Revenge drives the second half.\nparagraph: Nelly tells it.\n"},
		{"a line block", "| I have dreamt in my life, dreams that have stayed with me,\n| and changed my ideas.\n",
			"synopsis: Heathcliff loves Catherine.\n## Themes [themes]\nverse: \n"},
		{"a table stays", "| Name | Role |\n| --- | --- |\n| Nelly | narrator |\n",
			"synopsis: Heathcliff loves Catherine.\n## Themes [themes]\ntable: \n"},
		{"a fence in code stays", "```\n:::\n```\n",
			"synopsis: Heathcliff loves Catherine.\n## Themes [themes]\nverse: \n"},
		{"a bracketed span", "Nelly is [unreliable]{.smallcaps} at *[times]{.mark}*.\n",
			"synopsis: Heathcliff loves Catherine.\n## Themes [themes]\nparagraph: Nelly is unreliable at times.\n"},
		{"an escaped one stays", "Write \\[x\\]{.y} for a span.\n",
			"synopsis: Heathcliff loves Catherine.\n## Themes [themes]\nparagraph: Write [x]{.y} for a span.\n"},
	})
}
