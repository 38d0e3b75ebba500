package pdf_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf"
)

func ExampleBuild() {
	g := &content.Guide{
		Title:    "Frankenstein — A Study Guide",
		Book:     content.Book{Title: "Frankenstein", Author: "Mary Shelley"},
		Language: "en",
		Synopsis: content.Plains("A young scientist makes a living being and flees from it."),
		Sections: []content.Section{{Title: "Themes", Blocks: []content.Block{
			{Kind: content.Paragraph, Text: content.Plain("Knowledge, responsibility and isolation.")},
			{Kind: content.BlockQuote, Text: content.Plain("Beware; for I am fearless, and therefore powerful.")},
		}}},
		FAQ: []content.FAQEntry{{Question: "Who is the monster?", Answer: content.Plains("That is the question the novel asks.")}},
	}
	opts := export.Options{Paper: export.Letter, Duplex: true, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	out, diags, err := pdf.Build(g, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(out, []byte("%PDF-")), len(diags))
	// Output: true 0
}
