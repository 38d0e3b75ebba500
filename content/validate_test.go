package content

import (
	"strings"
	"testing"
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
