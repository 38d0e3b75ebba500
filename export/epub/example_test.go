package epub_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
)

func ExampleBuild() {
	g := &content.Guide{
		Title:    "Frankenstein — A Study Guide",
		Book:     content.Book{Title: "Frankenstein", Author: "Mary Shelley"},
		Language: "en",
		Synopsis: content.Plains("A young scientist builds a living being and flees from it."),
		FAQ:      []content.FAQEntry{{Question: "Is Frankenstein the monster?", Answer: content.Plains("No: he is its maker.")}},
	}
	// A fixed time (or SOURCE_DATE_EPOCH) makes the bytes reproducible.
	opts := export.Options{Author: "A. Teacher", Modified: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	data, diags, err := epub.Build(g, opts)
	if err != nil {
		panic(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, f := range zr.File {
		fmt.Println(f.Name)
	}
	fmt.Println(len(diags), "diagnostics")
	// Output:
	// mimetype
	// META-INF/container.xml
	// EPUB/package.opf
	// EPUB/css/style.css
	// EPUB/images/cover.png
	// EPUB/nav.xhtml
	// EPUB/toc.ncx
	// EPUB/xhtml/cover.xhtml
	// EPUB/xhtml/faq.xhtml
	// EPUB/xhtml/title.xhtml
	// 0 diagnostics
}
