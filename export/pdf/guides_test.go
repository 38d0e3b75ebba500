package pdf

import (
	"fmt"
	"strings"

	"github.com/guidepress/guidepress/content"
)

// lorem builds n sentences of plausible study-guide prose, varied so
// that paragraphs end at different points of a line.
func lorem(seed, n int) string {
	words := strings.Fields(`the narrator remembers her years at school with a calm that hides how much
	she has lost and the reader slowly learns what the guardians knew all along while the friends argue
	about art and love and the rumours of deferrals that promise a little more time together before the end`)
	var b strings.Builder
	k := seed * 7
	for s := 0; s < n; s++ {
		l := 9 + (seed+s*5)%13
		for i := 0; i < l; i++ {
			w := words[k%len(words)]
			k += 3 + s%4
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if i < l-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
	}
	return strings.TrimSpace(b.String())
}

// sampleGuide is a guide shaped like the importer's output for a real
// study guide: sections with subsections, block quotes, an FAQ.
func sampleGuide() *content.Guide {
	g := &content.Guide{
		Title:          "Never Let Me Go — A Study Guide",
		Book:           content.Book{Title: "Never Let Me Go", Author: "Kazuo Ishiguro"},
		Language:       "en",
		ReadingMinutes: 41,
		Synopsis:       content.Plains(lorem(1, 5)),
		Quotes: []content.Quote{
			{Text: content.Plain("We took away your art because we thought it would reveal your souls. Or to put it more finely, we did it to prove you had souls at all.")},
			{Text: content.Plain("The problem, as I see it, is that you've been told and not told.")},
			{Text: content.Plain("What I'm not sure about, is if our lives have been so different from the lives of the people we save.")},
		},
	}
	n := 0
	para := func(s int) content.Block {
		n++
		return content.Block{Kind: content.Paragraph, Text: content.Plain(lorem(s+n, 3+(s+n)%6))}
	}
	quote := func(t string) content.Block { return content.Block{Kind: content.BlockQuote, Text: content.Plain(t)} }
	g.Sections = []content.Section{
		{Title: "Plot Summary", Subsections: []content.Section{
			{Title: "Part One: Life at Hailsham", Blocks: []content.Block{para(1), para(2), quote("None of you will go to America, none of you will be film stars. And none of you will be working in supermarkets as I heard some of you planning. Your lives are set out for you."), para(3), para(4)}},
			{Title: "Part Two: The Cottages", Blocks: []content.Block{para(5), para(6), para(7), para(8)}},
			{Title: "Part Three: Becoming Adults", Blocks: []content.Block{para(9), quote("I kept you and Tommy apart. I'm sorry. I should have told you. Tommy was never going to fall for me the way he fell for you."), para(10), para(11), para(12)}},
		}},
		{Title: "Character Analysis", Subsections: []content.Section{
			{Title: "Kathy H.", Blocks: []content.Block{para(13), para(14)}},
			{Title: "Ruth", Blocks: []content.Block{para(15), para(16)}},
			{Title: "Tommy D.", Blocks: []content.Block{para(17), quote(lorem(3, 9)), para(18)}},
		}},
		{Title: "Themes and Symbols", Blocks: []content.Block{para(19)}, Subsections: []content.Section{
			{Title: "Memory and Loss", Blocks: []content.Block{para(20), para(21), para(22)}},
			{Title: "What It Means to Be Human", Blocks: []content.Block{para(23), para(24), quote(lorem(5, 2)), para(25)}},
		}},
		{Title: "Critical Analysis", Blocks: []content.Block{para(26), para(27), para(28), para(29), para(30), para(31)}},
	}
	for i := 0; i < 7; i++ {
		g.FAQ = append(g.FAQ, content.FAQEntry{
			Question: fmt.Sprintf("Why does %s matter to the story, question %d?", []string{"Hailsham", "the Gallery", "Norfolk", "Madame", "the tape", "deferral", "the boat"}[i], i+1),
			Answer:   content.Plains(lorem(40+i, 2+i%3), lorem(60+i, 1+i%2)),
		})
	}
	return g
}

// trickyGuide has the inputs that break naive writers: markup characters
// in titles, emoji and other characters beyond the BMP, right-to-left
// text, a 200-character word, a 5,000-character line, soft hyphens,
// Greek and Cyrillic in headings, symbols only a fallback face has.
func trickyGuide() *content.Guide {
	long := strings.Repeat("x", 200)
	var huge strings.Builder
	for huge.Len() < 5000 {
		huge.WriteString(lorem(huge.Len()%17, 1) + " ")
	}
	return &content.Guide{
		Title:          `The <Glass> & "Iron" Garden — A Study Guide`,
		Book:           content.Book{Title: `The <Glass> & "Iron" Garden`, Author: "Zoë Ångström-O'Brien"},
		Language:       "en",
		ReadingMinutes: 7,
		Synopsis:       content.Plains(`A <script>alert("x")</script> tale of glass & iron 📚 with a soft` + "\u00ad" + `hyphen and ⏱ ★ ✓ → symbols.`),
		Quotes: []content.Quote{
			{Text: content.Plain("Ὦ ξεῖν᾽, ἀγγέλλειν — and Пушкин said “enough”. 👩‍👩‍👧 🇫🇷")},
			{Text: content.Plain("שלום עולם and مرحبا بالعالم sit beside English.")},
			// No embedded face has Tibetan or the private-use characters.
			{Text: content.Plain("བཀྲ་ཤིས་བདེ་ལེགས, \uE000 and \uE001\u200D\uE002 are beyond every font.")},
		},
		Sections: []content.Section{
			{Title: "Ελληνικά & Кириллица <b>", Blocks: []content.Block{
				{Kind: content.Paragraph, Text: content.Plain("A word of two hundred letters: " + long + " ends here.")},
				{Kind: content.Paragraph, Text: content.Plain(huge.String())},
				{Kind: content.BlockQuote, Text: content.Plain("A quotation with an emoji 😀 and a flag 🇯🇵 inside.")},
			}},
			{Title: "Emoji 🎉 in a heading", Blocks: []content.Block{
				{Kind: content.Paragraph, Text: content.Plain("Tabs\tand  double  spaces, a zero\u200bwidth space, and e\u0301 composed.")},
			}},
		},
		FAQ: []content.FAQEntry{
			{Question: `Is <Glass> & "Iron" a fable?`, Answer: content.Plains("Yes & no: <em>both</em>.")},
		},
	}
}

// stressGuide has blocks of every length in many orders, so that page
// ends fall before, after and inside headings, short and long paragraphs,
// callouts and FAQ questions: the keep-together rules meet every case.
func stressGuide() *content.Guide {
	g := sampleGuide()
	g.Title = "Stress Test — A Study Guide"
	g.Sections = nil
	rnd := uint64(12345)
	next := func(n int) int {
		rnd = rnd*6364136223846793005 + 1442695040888963407
		return int((rnd >> 33) % uint64(n))
	}
	for s := 0; s < 6; s++ {
		sec := content.Section{Title: fmt.Sprintf("Section %d", s+1)}
		for k := 0; k < 3; k++ {
			sec.Blocks = append(sec.Blocks, content.Block{Kind: content.Paragraph, Text: content.Plain(lorem(s*10+k, 1+next(9)))})
		}
		for u := 0; u < 5+next(5); u++ {
			sub := content.Section{Title: fmt.Sprintf("Subsection %d.%d with a title of some length", s+1, u+1)}
			for k := 0; k < 1+next(6); k++ {
				kind := content.Paragraph
				n := 1 + next(10)
				if next(4) == 0 {
					kind, n = content.BlockQuote, 1+next(5)
					if next(3) == 0 {
						n = 8 + next(10) // long enough to be split across pages
					}
				}
				sub.Blocks = append(sub.Blocks, content.Block{Kind: kind, Text: content.Plain(lorem(s*100+u*10+k, n))})
			}
			sec.Subsections = append(sec.Subsections, sub)
		}
		g.Sections = append(g.Sections, sec)
	}
	// A third level, as "Part I" > "Chapter 1" nesting gives.
	deep := &g.Sections[1].Subsections[0]
	for k := 0; k < 2; k++ {
		deep.Subsections = append(deep.Subsections, content.Section{Title: fmt.Sprintf("Chapter %d, a third-level heading", k+1),
			Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain(lorem(900+k, 4))}}})
	}
	g.FAQ = nil
	for i := 0; i < 30; i++ {
		var ans []string
		for k := 0; k < 1+next(3); k++ {
			ans = append(ans, lorem(200+i*3+k, 1+next(6)))
		}
		g.FAQ = append(g.FAQ, content.FAQEntry{Question: fmt.Sprintf("Question %d: %s?", i+1, lorem(i, 1+next(2))), Answer: content.Plains(ans...)})
	}
	return g
}
