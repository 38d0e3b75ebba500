package importer_test

import (
	"errors"
	"fmt"

	"github.com/guidepress/guidepress/content/importer"
)

func ExampleLoad() {
	guide := "Frankenstein\nby Mary Shelley\n\n⏱ 17 min read\nA student makes a living being and flees from it.\n\n" +
		"Plot Summary\n\nWalton's Letters\n\nAn explorer writes to his sister...\n\n" +
		"Frequently Asked Questions\n\nIs Frankenstein the monster?\n\nNo: he is the \"creator\".\n"
	g, err := importer.Load("frankenstein.txt", []byte(guide), importer.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Title)
	fmt.Println(g.Book.Author, g.ReadingMinutes)
	fmt.Println(g.Sections[0].Title, "/", g.Sections[0].Subsections[0].Title)
	fmt.Println(g.Sections[0].Subsections[0].Blocks[0].Text)
	fmt.Println(g.FAQ[0].Question, g.FAQ[0].Answer[0])

	_, err = importer.Load("list.txt", []byte("Milk\n\nEggs\n"), importer.Options{})
	var ie *importer.Error
	if errors.As(err, &ie) {
		fmt.Println(ie.File, ie.Line)
	}
	// Output:
	// Frankenstein — A Study Guide
	// Mary Shelley 17
	// Plot Summary / Walton’s Letters
	// An explorer writes to his sister…
	// Is Frankenstein the monster? No: he is the “creator”.
	// list.txt 0
}
