package epub

import (
	"strings"

	"github.com/guidepress/guidepress/content"
)

// sampleGuide is a small, complete guide built in Go.
func sampleGuide() *content.Guide {
	return &content.Guide{
		Title:          "Never Let Me Go — A Study Guide",
		Book:           content.Book{Title: "Never Let Me Go", Author: "Kazuo Ishiguro"},
		Language:       "en",
		ReadingMinutes: 41,
		Synopsis:       content.Plains("Set in an alternate Britain, the novel follows Kathy H. as she reflects on Hailsham."),
		Quotes: []content.Quote{
			{Text: content.Plain("We took away your art because we thought it would reveal your souls.")},
			{Text: content.Plain("You've been told and not told.")},
		},
		Sections: []content.Section{
			{Title: "Plot Summary", Subsections: []content.Section{
				{Title: "Part One: Life at Hailsham", Blocks: []content.Block{
					{Kind: content.Paragraph, Text: content.Plain("The novel opens with Kathy H., now thirty-one years old.")},
					{Kind: content.BlockQuote, Text: content.Plain("None of you will go to America, none of you will be film stars.")},
				}},
				{Title: "Part Two: The Cottages", Blocks: []content.Block{
					{Kind: content.Paragraph, Text: content.Plain("At eighteen, they move to the Cottages.")},
					{Kind: content.BlockQuote, Text: content.Plain("We took away your art because we thought it would reveal your souls.")},
				}},
			}},
			{Title: "Themes", Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain("Memory, loss and what it means to be human.")}}},
		},
		FAQ: []content.FAQEntry{
			{Question: "Why don't the students run away?", Answer: content.Plains("Because they have been raised to accept their fate.", "And because there is nowhere to go.")},
			{Question: "What is Hailsham?", Answer: content.Plains("A boarding school for clones.")},
		},
	}
}

// trickyGuide carries every kind of text that breaks naive markup.
func trickyGuide() *content.Guide {
	long := strings.Repeat("Antidisestablishmentarianism", 8)[:200]
	line := strings.Repeat("A very long line of text without any paragraph break, ", 100)[:5000]
	return &content.Guide{
		Title:    `The <Glass> & "Iron" Garden — A Study Guide`,
		Book:     content.Book{Title: `The <Glass> & "Iron" Garden`, Author: `O'Brien & <Sons>`},
		Language: "en-GB",
		Synopsis: content.Plains(`<script>alert(1)</script> is not a script here, & neither is <b>this</b>.`),
		Quotes:   []content.Quote{{Text: content.Plain(`She said "<no>" & left 🌿.`)}},
		Sections: []content.Section{
			{Title: `Chapter <1> & "more"`, Blocks: []content.Block{
				{Kind: content.Paragraph, Text: content.Plain("<script>alert(1)</script>")},
				{Kind: content.Paragraph, Text: content.Plain("An emoji 🌿🦉 and a right-to-left phrase: שלום עולם, مرحبا بالعالم.")},
				{Kind: content.Paragraph, Text: content.Plain(long)},
				{Kind: content.Paragraph, Text: content.Plain(line)},
				{Kind: content.BlockQuote, Text: content.Plain(`]]> <!-- not a comment --> &amp; &#0;`)},
				{Kind: content.Paragraph, Text: content.Plain("Control\x01chars\x0bare\u0085removed\uFFFE.")},
			}, Subsections: []content.Section{{Title: "Ελληνικά & Кириллица", Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain("Οδύσσεια. Война и мир.")}}}}},
		},
		FAQ: []content.FAQEntry{{Question: `Is <this> a "question"?`, Answer: content.Plains(`Yes & no.`)}},
	}
}
