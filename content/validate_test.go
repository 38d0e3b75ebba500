package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// Validate names each bad field by its JSON path (the paths of list items
// are only formatted when there is something to report).
func TestValidatePaths(t *testing.T) {
	g := &Guide{
		Title: "T", Book: Book{Title: "B"}, Language: "en",
		Synopsis: Plains("ok", " "),
		Quotes:   []Quote{{Text: Plain("a\x01b")}},
		Sections: []Section{{Title: "S", Blocks: []Block{{Kind: Paragraph, Text: Plain("fine")}, {Kind: "poem", Text: Plain("x\u0085y")}},
			Subsections: []Section{{Title: "Sub", Blocks: []Block{{Kind: BlockQuote, Text: Plain("\xff")}}}}}},
		FAQ: []FAQEntry{{Question: "Q?", Answer: Plains("ok", "tab\tok", "del\x7f")}},
	}
	err := g.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"synopsis[1]: must not be empty",
		"quotes[0].text: contains the control character U+0001",
		"sections[0].blocks[1].kind: must be",
		"sections[0].blocks[1].text: contains the control character U+0085",
		"sections[0].subsections[0].blocks[0].text: is not valid UTF-8",
		"faq[0].answer[2]: contains the control character U+007F",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 6 {
		t.Errorf("%d problems reported, want 6:\n%v", n, err)
	}
}

// Every kind of path Validate names, exactly as before paths were built
// only for a problem: nested lists, table cells, terms, lines, links,
// nested subsections, stray fields.
func TestValidatePathShapes(t *testing.T) {
	bad := Plain("x\x01")
	g := &Guide{
		Title: "T", Book: Book{Title: "B"}, Language: "en",
		Quotes: []Quote{{Lines: []Text{Plain("ok"), bad}, Attribution: bad, Explanation: []Text{bad}}},
		Sections: []Section{{Title: "S", Subsections: []Section{{Title: "Sub", Subsections: []Section{{Title: "\x02", Role: "appendix-ish", Subsections: []Section{{Title: "deep"}}, Blocks: []Block{
			{Kind: List, Items: []ListItem{{Text: Plain("a"), Sublist: &Sublist{Items: []ListItem{{Text: bad, Sublist: &Sublist{Items: []ListItem{{Text: Plain("c")}}}}}, Start: -1, Marker: "roman"}}}},
			{Kind: Table, Header: []Text{Plain("h"), bad}, Rows: [][]Text{{Plain("a"), bad}, {Plain("short")}}, Caption: bad},
			{Kind: Definitions, Terms: []Definition{{Term: bad, Definition: Plain("d")}}, Text: Plain("stray")},
			{Kind: Verse, Lines: []Text{bad}, Speaker: "\x03"},
			{Kind: Paragraph, Text: Text{{Text: "link", Href: "javascript:x"}}},
		}}}}}}},
		FAQ:         []FAQEntry{{Question: "\x04"}},
		Diagnostics: []Diagnostic{{Severity: "fatal", Message: "m"}},
	}
	err := g.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	want := []string{
		"quotes[0].lines[1]: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"quotes[0].attribution: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"quotes[0].explanation[0]: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].title: contains the control character U+0002, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].role: \"appendix-ish\" is not a section role; use one of summary, characters, themes, analysis, context, key-facts, vocabulary, discussion, activities, timeline, further-reading, or leave it out",
		"sections[0].subsections[0].subsections[0].blocks[0].items[0].sublist.start: must be 0 or more, not -1",
		"sections[0].subsections[0].subsections[0].blocks[0].items[0].sublist.marker: must be \"lower-alpha\" or \"upper-alpha\" (or absent, for numbers), not \"roman\"",
		"sections[0].subsections[0].subsections[0].blocks[0].items[0].sublist.items[0].text: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].blocks[0].items[0].sublist.items[0].sublist: lists nest one level deep; move these items up a level",
		"sections[0].subsections[0].subsections[0].blocks[1].header[1]: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].blocks[1].rows[0][1]: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].blocks[1].rows[1]: has 1 cells; every row must have as many as the header (2)",
		"sections[0].subsections[0].subsections[0].blocks[1].caption: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].blocks[2].terms[0].term: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].blocks[2]: a definitions block has no text; remove it or change the kind",
		"sections[0].subsections[0].subsections[0].blocks[3].lines[0]: contains the control character U+0001, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].blocks[3].speaker: contains the control character U+0003, which no e-book or PDF can show; remove it",
		"sections[0].subsections[0].subsections[0].blocks[4].text[0].href: \"javascript:x\" is not an http, https or mailto link",
		"sections[0].subsections[0].subsections[0].subsections: nesting deeper than section → subsection → subsection is not supported",
		"faq[0].question: contains the control character U+0004, which no e-book or PDF can show; remove it",
		"faq[0].answer: needs at least one paragraph",
		"diagnostics[0].severity: must be error, warning or info, not \"fatal\"",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Validate of a guide with nothing to report allocates next to nothing a
// section: the paths of its fields are formatted only for a problem.
func TestValidateAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	const n = 3000
	g := &Guide{Title: "T", Book: Book{Title: "B"}, Language: "en"}
	for i := range n {
		g.Sections = append(g.Sections, Section{Title: fmt.Sprint("Section ", i),
			Blocks: []Block{
				{Kind: Paragraph, Text: Plain("Text of the section.")},
				{Kind: List, Items: []ListItem{{Text: Plain("one"), Sublist: &Sublist{Items: []ListItem{{Text: Plain("two")}}}}}},
				{Kind: Table, Header: []Text{Plain("a"), Plain("b")}, Rows: [][]Text{{Plain("1"), Plain("2")}}},
			},
			Subsections: []Section{{Title: "Sub", Blocks: []Block{{Kind: BlockQuote, Text: Plain("q"), Attribution: Plain("a")}}}}})
	}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	// The least of three: growth.Allocations counts the whole process,
	// and a helper goroutine's allocations on a loaded machine only add.
	o, by := growth.Allocations(func() { g.Validate() })
	for range 2 {
		if o2, by2 := growth.Allocations(func() { g.Validate() }); o2 < o {
			o, by = o2, by2
		}
	}
	// Before (paths built for every field): 33.1 objects and 891 bytes a
	// section; after, none.
	if per := float64(o) / n; per > 0.5 {
		t.Errorf("Validate allocated %.1f objects (%.0f bytes) a section, want at most 0.5", per, float64(by)/n)
	}
}
