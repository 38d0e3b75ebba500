package plaintext

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// outline renders a model compactly, text included, so that table tests can
// assert the exact structure in a few readable lines.
func outline(g *content.Guide) string {
	var b strings.Builder
	fmt.Fprintf(&b, "book: %s | %s | %d min | %s\n", g.Book.Title, g.Book.Author, g.ReadingMinutes, g.Title)
	for _, s := range g.Synopsis {
		fmt.Fprintf(&b, "synopsis: %s\n", s)
	}
	for _, q := range g.Quotes {
		fmt.Fprintf(&b, "quote: %s\n", quoteLine(q.Text, q.Lines, q.Attribution))
		for _, e := range q.Explanation {
			fmt.Fprintf(&b, "  explanation: %s\n", e)
		}
	}
	var walk func(string, []content.Section)
	walk = func(indent string, ss []content.Section) {
		for _, s := range ss {
			fmt.Fprintf(&b, "%ssection: %s\n", indent, s.Title)
			for _, bl := range s.Blocks {
				fmt.Fprintf(&b, "%s  %s: %s\n", indent, bl.Kind, blockLine(bl))
				for _, e := range bl.Explanation {
					fmt.Fprintf(&b, "%s    explanation: %s\n", indent, e)
				}
			}
			walk(indent+"  ", s.Subsections)
		}
	}
	walk("", g.Sections)
	for _, f := range g.FAQ {
		fmt.Fprintf(&b, "faq: %s\n", f.Question)
		for _, a := range f.Answer {
			fmt.Fprintf(&b, "  answer: %s\n", a)
		}
	}
	for _, d := range g.Diagnostics {
		if d.Severity != content.Info {
			fmt.Fprintf(&b, "%s %d: %s\n", d.Severity, d.Line, d.Message)
		}
	}
	return b.String()
}

// quoteLine renders a quote: its text or lines (joined by " / "), then
// " — " and its attribution.
func quoteLine(text content.Text, lines []content.Text, attr content.Text) string {
	s := text.Plain()
	if len(lines) > 0 {
		s = strings.Join(content.PlainAll(lines), " / ")
	}
	if attr != nil {
		s += " — " + attr.Plain()
	}
	return s
}

// blockLine renders a block's content on one line.
func blockLine(bl content.Block) string {
	switch bl.Kind {
	case content.BlockQuote:
		return quoteLine(bl.Text, bl.Lines, bl.Attribution)
	case content.Verse:
		s := strings.Join(content.PlainAll(bl.Lines), " / ")
		if bl.Speaker != "" {
			s = "[" + bl.Speaker + "] " + s
		}
		return s
	case content.List:
		var items []string
		for _, it := range bl.Items {
			t := it.Text.Plain()
			if it.Sublist != nil {
				var sub []string
				for i, si := range it.Sublist.Items {
					s := si.Text.Plain()
					if m := it.Sublist.Marker; m != content.Decimal {
						s = m.Label(it.Sublist.Start, i) + ". " + s // letters shown: they are the options' names
					}
					sub = append(sub, s)
				}
				t += " (" + strings.Join(sub, "; ") + ")"
			}
			items = append(items, t)
		}
		kind := "bullets"
		if bl.Ordered {
			kind = "from " + bl.Marker.Label(bl.Start, 0)
		}
		return kind + ": " + strings.Join(items, " | ")
	case content.Definitions:
		var terms []string
		for _, d := range bl.Terms {
			terms = append(terms, d.Term.Plain()+" = "+d.Definition.Plain())
		}
		return strings.Join(terms, " | ")
	case content.Table:
		rows := []string{strings.Join(content.PlainAll(bl.Header), " | ")}
		for _, r := range bl.Rows {
			rows = append(rows, strings.Join(content.PlainAll(r), " | "))
		}
		if bl.Caption != nil {
			rows = append(rows, "caption: "+bl.Caption.Plain())
		}
		return strings.Join(rows, " / ")
	}
	return bl.Text.Plain()
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, in, want string
		opts           Options
	}{{
		name: "author on the by line, key quotes numbered with ) and curly marks",
		in:   "Pride & Prejudice\nby Jane Austen\n\nKey Quotes\n\n1) “It is a truth universally acknowledged.”\n2) ‘Tolerable.’\n\nPlot Summary\n\nA ball. A proposal.\n",
		want: `book: Pride & Prejudice | Jane Austen | 0 min | Pride & Prejudice — A Study Guide
quote: It is a truth universally acknowledged.
quote: Tolerable.
section: Plot Summary
  paragraph: A ball. A proposal.
`,
	}, {
		name: "author on the line after by",
		in:   "Anna Karenina\n\nby\n\nLeo Tolstoy\n\nPlot Summary\n\nA train.\n",
		want: "book: Anna Karenina | Leo Tolstoy | 0 min | Anna Karenina — A Study Guide\nsection: Plot Summary\n  paragraph: A train.\n",
	}, {
		name: "blank by line, author from the caption",
		in:   "Moby-Dick\n\nby\n\n⏱ 12 min read\nMoby-Dick by Herman Melville  - Book Cover Summary\nA whale.\nBuy the book on Amazon\n\nMemorable Quotes\n\n\"Call me Ishmael.\"\n\nThemes\n\nObsession.\n00:00 00:00\n",
		want: "book: Moby-Dick | Herman Melville | 12 min | Moby-Dick — A Study Guide\nsynopsis: A whale.\nquote: Call me Ishmael.\nsection: Themes\n  paragraph: Obsession.\n",
	}, {
		name: "no by line at all",
		in:   "Beowulf\n\nSummary\n\nA monster, a mother, a dragon.\n",
		want: "book: Beowulf |  | 0 min | Beowulf — A Study Guide\nsection: Summary\n  paragraph: A monster, a mother, a dragon.\nwarning 1: no author found; put \"by AUTHOR\" on the line under the title\n",
	}, {
		name: "title with markup characters is kept verbatim, text is smartened",
		in:   "The <Glass> & \"Iron\" Garden\nBy: Ζωή Ηλιοπούλου\n\nPlot Summary\n\nShe said \"<b>no</b>\" -- twice...\n",
		want: "book: The <Glass> & \"Iron\" Garden | Ζωή Ηλιοπούλου | 0 min | The <Glass> & \"Iron\" Garden — A Study Guide\nsection: Plot Summary\n  paragraph: She said “<b>no</b>” — twice…\n",
	}, {
		name: "NoSmart keeps straight punctuation",
		opts: Options{NoSmart: true},
		in:   "X\nby Y\n\nPlot Summary\n\nShe said \"no\" -- twice... it's 'fine'.\n",
		want: "book: X | Y | 0 min | X — A Study Guide\nsection: Plot Summary\n  paragraph: She said \"no\" -- twice... it's 'fine'.\n",
	}, {
		name: "section with subsections, epithets, block quote and a narrator's interruption",
		in:   "X\nby Y\n\nCharacter Analysis\n\nKathy H. - The Narrator\n\nShe remembers.\n\n\"I keep thinking about this river.\"\n\n\"Foo,\" he said, \"bar.\"\n\nTommy D.\n\nHe rages.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
section: Character Analysis
  section: Kathy H. – The Narrator
    paragraph: She remembers.
    quote: I keep thinking about this river.
    paragraph: “Foo,” he said, “bar.”
  section: Tommy D.
    paragraph: He rages.
`,
	}, {
		name: "sections in another order, no quotes, flat known sections, same subsection name twice",
		in:   "X\nby Y\n\nContext\n\nWritten in 1818.\n\nThemes\n\nSymbols\n\nFire.\n\nCritical Analysis\n\nSymbols\n\nIce.\n\nSummary\n\nThe end.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
section: Context
  paragraph: Written in 1818.
section: Themes
  section: Symbols
    paragraph: Fire.
section: Critical Analysis
  section: Symbols
    paragraph: Ice.
section: Summary
  paragraph: The end.
`,
	}, {
		name: "FAQ with multi-paragraph answers, numbered question, rhetorical answer",
		in:   "X\nby Y\n\nFrequently Asked Questions\n\n1. Why?\n\nBecause.\n\nAnd more. Who knows?\n\nIs it good?\n\nYes.\n",
		want: "book: X | Y | 0 min | X — A Study Guide\nfaq: Why?\n  answer: Because.\n  answer: And more. Who knows?\nfaq: Is it good?\n  answer: Yes.\n",
	}, {
		name: "FAQ followed by a section with subsections",
		in:   "X\nby Y\n\nFAQ\n\nWhy?\n\nBecause.\n\nAppendix Notes\n\nSources\n\nLibrary.\n",
		want: "book: X | Y | 0 min | X — A Study Guide\nsection: Appendix Notes\n  section: Sources\n    paragraph: Library.\nfaq: Why?\n  answer: Because.\n",
	}, {
		name: "quotes with bullets, attribution and an unmarked quote",
		in:   "X\nby Y\n\nHighlighting Quotes\n\n- \"One.\"\n— Ahab\n(2) Two, plainly.\n\nThree without marks or number.\n\nPlot Summary\n\nText.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
quote: One. — Ahab
quote: Two, plainly.
quote: Three without marks or number.
section: Plot Summary
  paragraph: Text.
warning 10: kept "Three without marks or number." as a highlighted quote, though it is neither numbered nor in quotation marks; if it is commentary, label it "Explanation:"
`,
	}, {
		name: "encoding damage repaired and reported once per kind",
		in:   "X\nby Y\n\nPlot Summary\n\nparadise〞a time〞of innocence.\n\nIt doesnâ€™t and wonâ€™t.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
section: Plot Summary
  paragraph: paradise—a time—of innocence.
  paragraph: It doesn’t and won’t.
warning 6: replaced 2 × U+301E (CJK closing quotation mark), left where an em dash belongs by a broken conversion, with — (first on line 6)
warning 8: replaced 2 × "â€™", UTF-8 once read as Windows-1252, with "’" (first on line 8)
`,
	}, {
		name: "a first paragraph in place of a title, rescued by the caption",
		in:   "A long opening paragraph that is clearly not a title. It has two sentences.\nEmma by Jane Austen - Book Cover Summary\n\nSummary\n\nMatchmaking.\n",
		want: `book: Emma | Jane Austen | 0 min | Emma — A Study Guide
synopsis: A long opening paragraph that is clearly not a title. It has two sentences.
section: Summary
  paragraph: Matchmaking.
warning 1: the file does not start with the book's title; took "Emma" from the cover caption on line 2
`,
	}, {
		name: "an Author: line instead of by",
		in:   "Twenty Thousand Leagues Under the Seas\nAuthor: Jules Verne\n\nA submarine.\n\nPlot Summary\n\nNemo.\n",
		want: "book: Twenty Thousand Leagues Under the Seas | Jules Verne | 0 min | Twenty Thousand Leagues Under the Seas — A Study Guide\nsynopsis: A submarine.\nsection: Plot Summary\n  paragraph: Nemo.\n",
	}, {
		name: "quotes each followed by commentary: the commentary is each quote's explanation",
		in:   "X\nby Y\n\nImportant Quotes Explained\n\n1. \"The sea is everything.\"\n\nNemo rejects the land.\n\n2. \"I am not what you call a civilized man!\"\n— Nemo\n\nHis anger shows.\n\nIt drives the plot.\n\nPlot Summary\n\nA submarine.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
quote: The sea is everything.
  explanation: Nemo rejects the land.
quote: I am not what you call a civilized man! — Nemo
  explanation: His anger shows.
  explanation: It drives the plot.
section: Plot Summary
  paragraph: A submarine.
`,
	}, {
		name: "headings decorated with emoji are still known headings",
		in:   "The Odyssey\nby Homer\n\n📜 Key Quotes\n\n1. \"Tell me, Muse, of the man of many ways.\"\n— Book 1\n\n📖 Plot Summary\n\nA long way home.\n\n❓ FAQ\n\nWho wrote it?\n\nHomer, perhaps.\n",
		want: `book: The Odyssey | Homer | 0 min | The Odyssey — A Study Guide
quote: Tell me, Muse, of the man of many ways. — Book 1
section: 📖 Plot Summary
  paragraph: A long way home.
faq: Who wrote it?
  answer: Homer, perhaps.
`,
	}, {
		name: "Q: and A: labels, a question without its question mark, Q and A on one line",
		in:   "X\nby Y\n\nFAQs\n\nQ: Is it a romance?\nA: Partly.\n\nIt is also a Bildungsroman.\n\nQ. Why does she leave\nA. To keep her self-respect.\n\nWhat is the novel about\n\nA governess.\n\nQ: Who is in the attic? A: Bertha.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
faq: Is it a romance?
  answer: Partly.
  answer: It is also a Bildungsroman.
faq: Why does she leave
  answer: To keep her self-respect.
faq: What is the novel about
  answer: A governess.
faq: Who is in the attic?
  answer: Bertha.
`,
	}, {
		name: "a 'What to …' heading after the FAQ is a section, not a question without its question mark",
		in:   "X\nby Y\n\nFAQ\n\nWhy read it?\n\nFor the storm.\n\nHow do I cite it\n\nBy chapter.\n\nWhat to Read Next\n\nWuthering Heights.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
section: What to Read Next
  paragraph: Wuthering Heights.
faq: Why read it?
  answer: For the storm.
faq: How do I cite it
  answer: By chapter.
`,
	}, {
		name: "quotes labelled Quote 1:, with attribution lines",
		in:   "X\nby Y\n\nKey Quotes\n\nQuote 1: \"Reader, I married him.\"\n— Chapter 38\n\nQuote #2 – “I am no bird.”\n\nPlot Summary\n\nText.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
quote: Reader, I married him. — Chapter 38
quote: I am no bird.
section: Plot Summary
  paragraph: Text.
`,
	}, {
		name: "author under a bare by in another script than the caption's",
		in:   "Crime and Punishment\nby\nФёдор Достоевский\n\n⏱ 20 min read\nCrime and Punishment by Fyodor Dostoevsky - Book Cover Summary\nA student murders a pawnbroker.\n\nPlot Summary\n\nAn axe.\n",
		want: `book: Crime and Punishment | Фёдор Достоевский | 20 min | Crime and Punishment — A Study Guide
synopsis: A student murders a pawnbroker.
section: Plot Summary
  paragraph: An axe.
warning 6: the cover caption names the author "Fyodor Dostoevsky", but the line under "by" says "Фёдор Достоевский"; kept the line under "by"
`,
	}, {
		name: "three headings in a row: a section of parts with chapters",
		in:   "X\nby Y\n\nChapter Summaries\n\nPart I: Childhood\n\nChapter 1 – The Marshes\n\nA convict.\n\nChapter 8 – Satis House\n\nA jilted bride.\n\nPart II: London\n\nChapter 20 – Jaggers\n\nA lawyer.\n\nThemes\n\nGuilt\n\nEverywhere.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
section: Chapter Summaries
  section: Part I: Childhood
    section: Chapter 1 – The Marshes
      paragraph: A convict.
    section: Chapter 8 – Satis House
      paragraph: A jilted bride.
  section: Part II: London
    section: Chapter 20 – Jaggers
      paragraph: A lawyer.
section: Themes
  section: Guilt
    paragraph: Everywhere.
`,
	}, {
		name: "a file with no blank lines between paragraphs and headings",
		in:   "X\nby Y\nA synopsis of the whole book, in one sentence of some length.\nPlot Summary\nThe Marshes\nPip meets a convict among the graves of his parents and must steal food and a file from the kitchen at home to bring him.\nSatis House\nPip visits Miss Havisham, who still wears her wedding dress.\nThemes\nGuilt haunts Pip from the first chapter to the last.\n",
		want: `book: X | Y | 0 min | X — A Study Guide
synopsis: A synopsis of the whole book, in one sentence of some length.
section: Plot Summary
  section: The Marshes
    paragraph: Pip meets a convict among the graves of his parents and must steal food and a file from the kitchen at home to bring him.
  section: Satis House
    paragraph: Pip visits Miss Havisham, who still wears her wedding dress.
section: Themes
  paragraph: Guilt haunts Pip from the first chapter to the last.
`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(tt.in, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatalf("invalid: %v", err)
			}
			if got := outline(g); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if lost := lostText(tt.in, g); len(lost) > 0 {
				t.Errorf("lost text: %q", lost)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"shopping list", "Milk\n\nEggs\n\nBread\n", 0, "found no study-guide structure"},
		{"one paragraph", "It was the best of times, it was the worst of times. It was the age of wisdom.\n", 1, "the first line should be the book's title, but it is a paragraph"},
		{"title only", "Just a Title\n", 0, "found no study-guide structure"},
		{"headings with nothing under them", "T\nby A\n\nPlot Summary\n\nCharacter Analysis\n", 0, "found no study-guide structure"},
		{"residue only", "⏱ 3 min read\n00:00 00:00\n", 0, "no text besides page residue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(tt.in, Options{})
			var le *content.LineError
			if !errors.As(err, &le) || g != nil {
				t.Fatalf("got %v, %v; want a *content.LineError", g, err)
			}
			if le.Line != tt.line || !strings.Contains(le.Err.Error(), tt.msg) {
				t.Errorf("err = line %d %q, want line %d with %q", le.Line, le.Err, tt.line, tt.msg)
			}
		})
	}
}

func TestResidue(t *testing.T) {
	for s, want := range map[string]residue{
		"⏱ 41 min read":           readingTime,
		"⏱ 41 min":                readingTime,
		"Reading time: 9 minutes": readingTime,
		"12 minutes read":         readingTime,
		"Never Let Me Go by Kazuo Ishiguro  - Book Cover Summary": coverCaption,
		"Buy the book on Amazon":                                  shopLink,
		"Buy on Amazon":                                           shopLink,
		"Buy now":                                                 shopLink,
		"Order the paperback from Bookshop.org":                   shopLink,
		"Available on Audible":                                    shopLink,
		"00:00 00:00":                                             mediaPlayer,
		"▶ 01:23 / 45:06":                                         mediaPlayer,
		"Buy low, sell high is the motto of the Bennets.":         notResidue,
		"41 minutes of reading pleasure are ahead.":               notResidue,
		"The book cover shows a girl.":                            notResidue,
		"At 10:30 the train leaves.":                              notResidue,
	} {
		if got := classifyResidue(s); got != want {
			t.Errorf("classifyResidue(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestHeadingRules(t *testing.T) {
	for s, want := range map[string]bool{
		"Plot Summary":                       true,
		"Kathy H. - The Reflective Narrator": true,
		"Tommy D.":                           true,
		"Part One: Life at Hailsham":         true,
		"What is the novel about?":           true,
		"The Meaning of \"Possible\"":        true,
		"He left.":                           false,
		"\"Never let me go.\"":               false,
		"1. A numbered line":                 false,
		"— Ahab":                             false,
		"Kathy frequently admits, stating:":  false,
		"Critical Analysis:":                 true,
		"It's alive!":                        false,
	} {
		if got := shortHeading(s); got != want {
			t.Errorf("shortHeading(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]anchor{
		"Highlighting Quotes": quotesAnchor, "Key Quotes": quotesAnchor, "Memorable Quotes": quotesAnchor,
		"Important Quotes Explained": quotesAnchor, "Frequently Asked Questions": faqAnchor, "FAQs": faqAnchor,
		"Q&A": faqAnchor, "Frequently Asked Questions (FAQ)": faqAnchor, "Top 10 Quotes": quotesAnchor,
		"Key Passages": quotesAnchor, "Quotes by Kathy": quotesAnchor, "Quotes and Analysis": noAnchor, "Discussion Questions": questionsAnchor, "Themes & Motifs": sectionAnchor,
		"PLOT SUMMARY": sectionAnchor, "Themes of Love, Loss, and Acceptance": noAnchor, "Symbolism and Metaphor": noAnchor,
		"📖 Plot Summary": sectionAnchor, "❓ FAQ": faqAnchor, "Key Quotes ✍️": quotesAnchor, "👩🏽‍🎓 Characters": sectionAnchor,
	} {
		if got := anchorOf(s); got != want {
			t.Errorf("anchorOf(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"What is Never Let Me Go about?":               true,
		"What does \"possible\" mean?\"":               true,
		"Who is Mr. Darcy?":                            true,
		"It ends badly. Or does it?":                   false,
		"Statement.":                                   false,
		strings.Repeat("very ", 60) + "long question?": false,
	} {
		if got := isQuestion(s); got != want {
			t.Errorf("isQuestion(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestParseCJK(t *testing.T) {
	in := "こころ\nby 夏目漱石\n\nあらすじ\n\n先生と私は鎌倉の海で出会った。\n\nよくある質問\n\n先生の秘密は何ですか？\n\n友人Kの死である。\n"
	g, err := Parse(in, Options{Language: "ja"})
	if err != nil {
		t.Fatal(err)
	}
	// よくある質問 is the FAQ and あらすじ the summary (content/vocab knows
	// the Japanese names of a guide's parts).
	want := "book: こころ | 夏目漱石 | 0 min | こころ — A Study Guide\nsection: あらすじ\n  paragraph: 先生と私は鎌倉の海で出会った。\nfaq: 先生の秘密は何ですか？\n  answer: 友人Kの死である。\n"
	if got := outline(g); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestParseNumberedHeadings(t *testing.T) {
	in := "X\nby Y\n\n1. Plot Summary\n\nThings happen.\n\n2. Key Quotes\n\n1. \"Quoted.\"\n\n3) Frequently Asked Questions\n\nWhy?\n\nBecause.\n"
	g, err := Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "book: X | Y | 0 min | X — A Study Guide\nquote: Quoted.\nsection: 1. Plot Summary\n  paragraph: Things happen.\nfaq: Why?\n  answer: Because.\n"
	if got := outline(g); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
