package markdown

import (
	"strings"
	"testing"
)

// TestNestedQuotes: a block quote nested in another keeps its meaning. In
// a frame that only labels it ("**Key quote**", "[!quote] Chapter 1", a
// lead-in ending in ":") it is the quotation, the frame's lines after it
// its attribution and explanation; inside a quotation it is a note, the
// quotation's explanation. Both were run into the outer quote's text.
func TestNestedQuotes(t *testing.T) {
	for _, c := range []struct{ name, quote, want string }{
		{"a note inside a quotation", "> Some are born great, and some have greatness thrust upon them.\n> > Malvolio reads this from the forged letter.\n>\n> — Malvolio, Act 2, Scene 5\n",
			"Some are born great, and some have greatness thrust upon them. | Malvolio, Act 2, Scene 5 | Malvolio reads this from the forged letter."},
		{"the attribution run on into the nested quote", "> He was beaten; but he was not broken.\n> > A note on the club.\n> — Chapter 1\n",
			"He was beaten; but he was not broken. | Chapter 1 | A note on the club."},
		{"a labelled frame", "> **Key quote**\n> > Badly done, Emma, badly done!\n>\n> — Mr. Knightley, Chapter 43\n>\n> Knightley's rebuke is the turning point.\n",
			"Badly done, Emma, badly done! | Mr. Knightley, Chapter 43 | Knightley's rebuke is the turning point."},
		{"an Obsidian quote callout naming its place", "> [!quote] Chapter 1\n> > Emma Woodhouse, handsome, clever, and rich.\n",
			"Emma Woodhouse, handsome, clever, and rich. | Chapter 1 | "},
		{"a lead-in", "> Walton writes to his sister:\n> > You will rejoice to hear that no disaster has befallen us.\n> — Letter 1\n",
			"You will rejoice to hear that no disaster has befallen us. | Letter 1 | Walton writes to his sister:"},
		{"verse inside a frame", "> **Quote 2**\n> > She never told her love,\\\n> > But let concealment feed on her damask cheek.\n> — Viola\n",
			"She never told her love, / But let concealment feed on her damask cheek. | Viola | "},
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
				case len(g.Sections) == 1 && len(g.Sections[0].Blocks) == 1:
					b := g.Sections[0].Blocks[0]
					text, attr = b.Text.Plain(), b.Attribution.Plain()
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
				if got := text + " | " + attr + " | " + strings.Join(expl, " + "); got != c.want {
					t.Errorf("got  %s\nwant %s", got, c.want)
				}
			})
		}
	}
}
