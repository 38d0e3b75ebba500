package export

import "github.com/guidepress/guidepress/content"

// PageStart is where one printed page of the PDF begins, as the PDF
// writer lays a guide out (export/pdf.PageStarts): what the EPUB's page
// list and page-break markers point at, so that "page 12" is the same
// place in both files.
type PageStart struct {
	// Label is the page's label in the PDF (its /PageLabels entry): the
	// number printed on it, or a name for a page that prints none
	// ("Cover").
	Label string
	// Kind is what the page is for: "cover", "title", "contents", "body"
	// or "blank" (a verso left empty in a duplex build).
	Kind string
	// Words are the first words of the page's text in reading order, as
	// text extraction gives them, without the running header and footer:
	// a few lines' worth, or none on a page with no text.
	Words []string
}

// PageStarter lays a guide out for print with the given options and
// returns where each page starts, first page first.
type PageStarter func(*content.Guide, Options) ([]PageStart, error)
