package vocab

import (
	"strings"

	"github.com/guidepress/guidepress/content"
)

// BookFacts is what a guide's key facts say about its book, with the
// terms that said it (for the readers' notes).
type BookFacts struct {
	Author, AuthorTerm string
	Year               int
	YearTerm           string
}

// KeyFacts reads the book's author and year of first publication from a
// guide's key-facts sections (role key-facts, at any depth): their
// definitions ("Author: Arthur Conan Doyle", "Published: 1902", "Date of
// first publication: December 1847", "Year: 1902") and the rows of their
// two-column tables (a header row too: a headless table's first row is a
// fact). Both readers take from it what the title lines left unknown, so a
// key-facts box gives the same book in plain text and in Markdown. The
// title is not read: a "Full title" is the book's long title, and the
// guide's first line already names the book.
func KeyFacts(ss []content.Section) BookFacts {
	var f BookFacts
	fact := func(term, def content.Text) {
		t, d := term.Plain(), def.Plain()
		if f.Year == 0 {
			if y, ok := PublicationYear(t, d); ok {
				f.Year, f.YearTerm = y, strings.TrimRight(strings.TrimSpace(t), ":")
			}
		}
		if f.Author == "" && len(t) <= 40 {
			name := strings.TrimSpace(d)
			if i := strings.Index(name, " ("); i > 0 {
				name = name[:i] // "Arthur Conan Doyle (1859–1930)"
			}
			if a, ok := ByLine(strings.TrimRight(strings.TrimSpace(t), ":") + ": " + name); ok && a != "" && NameLike(a) {
				f.Author, f.AuthorTerm = a, strings.TrimRight(strings.TrimSpace(t), ":")
			}
		}
	}
	var walk func([]content.Section)
	walk = func(ss []content.Section) {
		for _, s := range ss {
			if s.Role == content.RoleKeyFacts {
				for _, b := range s.Blocks {
					for _, d := range b.Terms {
						fact(d.Term, d.Definition)
					}
					if b.Kind == content.Table && len(b.Header) == 2 {
						fact(b.Header[0], b.Header[1])
						for _, r := range b.Rows {
							fact(r[0], r[1])
						}
					}
				}
			}
			walk(s.Subsections)
		}
	}
	walk(ss)
	return f
}
