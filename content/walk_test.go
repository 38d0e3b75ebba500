package content

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// walkGuide has one of every text field Rewrite visits, a two-span text,
// a table's rows, a sublist and a subsection among them.
func walkGuide() *Guide {
	two := Text{{Text: "one "}, {Text: "two", Em: true}}
	return &Guide{
		Title: "T", Author: "A", Publisher: "P", Book: Book{Title: "BT", Author: "BA"},
		Synopsis: []Text{Plain("syn")},
		Quotes:   []Quote{{Text: two, Lines: []Text{Plain("l0"), Plain("l1")}, Attribution: Plain("at"), Explanation: []Text{Plain("ex")}}},
		Sections: []Section{{
			Title:       "S0",
			Subsections: []Section{{Title: "S0.0", Blocks: []Block{{Kind: Paragraph, Text: Plain("p")}}}},
			Blocks: []Block{
				{Kind: List, Items: []ListItem{{Text: Plain("i0"), Sublist: &Sublist{Items: []ListItem{{Text: two}}}}}},
				{Kind: Definitions, Terms: []Definition{{Term: Plain("t"), Definition: Plain("d")}}},
				{Kind: Table, Caption: Plain("c"), Header: []Text{Plain("h0"), Plain("h1")}, Rows: [][]Text{{Plain("r0"), Plain("r1")}, {Plain("r2"), two}}},
				{Kind: Verse, Lines: []Text{Plain("v")}, Speaker: "sp", Attribution: Plain("va"), Explanation: []Text{Plain("ve")}},
			},
		}},
		FAQ:         []FAQEntry{{Question: "q", Answer: []Text{Plain("an")}}},
		Diagnostics: []Diagnostic{{Severity: Info, Message: "m"}},
	}
}

// TestRewritePaths: the path Rewrite names for each text, in the order it
// visits them (diagnostics quote these paths, so they must not change).
func TestRewritePaths(t *testing.T) {
	var got []string
	walkGuide().Rewrite(func(p Path, s string) string {
		got = append(got, p()+"="+s)
		return s
	})
	want := []string{
		"title=T", "author=A", "publisher=P", "book.title=BT", "book.author=BA",
		"synopsis[0]=syn",
		"quotes[0].text[0].text=one ", "quotes[0].text[1].text=two",
		"quotes[0].lines[0]=l0", "quotes[0].lines[1]=l1", "quotes[0].attribution=at", "quotes[0].explanation[0]=ex",
		"sections[0].title=S0",
		"sections[0].subsections[0].title=S0.0", "sections[0].subsections[0].blocks[0].text=p",
		"sections[0].blocks[0].items[0].text=i0",
		"sections[0].blocks[0].items[0].sublist.items[0].text[0].text=one ",
		"sections[0].blocks[0].items[0].sublist.items[0].text[1].text=two",
		"sections[0].blocks[1].terms[0].term=t", "sections[0].blocks[1].terms[0].definition=d",
		"sections[0].blocks[2].caption=c", "sections[0].blocks[2].header[0]=h0", "sections[0].blocks[2].header[1]=h1",
		"sections[0].blocks[2].rows[0][0]=r0", "sections[0].blocks[2].rows[0][1]=r1",
		"sections[0].blocks[2].rows[1][0]=r2", "sections[0].blocks[2].rows[1][1][0].text=one ", "sections[0].blocks[2].rows[1][1][1].text=two",
		"sections[0].blocks[3].lines[0]=v", "sections[0].blocks[3].speaker=sp",
		"sections[0].blocks[3].attribution=va", "sections[0].blocks[3].explanation[0]=ve",
		"faq[0].question=q", "faq[0].answer[0]=an",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paths:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRewriteCopiesOnWrite: a rewrite that changes one text copies only
// the slices on that text's way down and leaves the input as it was; one
// that changes nothing shares every part of the input.
func TestRewriteCopiesOnWrite(t *testing.T) {
	g := walkGuide()
	same := g.Rewrite(func(_ Path, s string) string { return s })
	if same == g || &same.Sections[0] != &g.Sections[0] || &same.Quotes[0] != &g.Quotes[0] || &same.FAQ[0] != &g.FAQ[0] {
		t.Error("a rewrite that changed nothing copied the model (or returned g itself)")
	}
	if &same.Diagnostics[0] == &g.Diagnostics[0] {
		t.Error("the result's diagnostics are g's")
	}
	out := g.Rewrite(func(_ Path, s string) string {
		if s == "r2" {
			return "R2"
		}
		return s
	})
	if got := out.Sections[0].Blocks[2].Rows[1][0].Plain(); got != "R2" {
		t.Fatalf("rewritten cell %q", got)
	}
	if got := g.Sections[0].Blocks[2].Rows[1][0].Plain(); got != "r2" {
		t.Errorf("the input's cell became %q", got)
	}
	if &out.Sections[0] == &g.Sections[0] || &out.Sections[0].Blocks[2] == &g.Sections[0].Blocks[2] {
		t.Error("the changed cell's section or block is shared with the input")
	}
	if &out.Sections[0].Blocks[2].Rows[0][0] != &g.Sections[0].Blocks[2].Rows[0][0] || &out.Quotes[0] != &g.Quotes[0] ||
		&out.Sections[0].Subsections[0] != &g.Sections[0].Subsections[0] {
		t.Error("an unchanged row, quote or subsection was copied")
	}
}

// TestRewriteUnchangedAllocs: a rewrite that changes nothing (sanitising
// a clean guide, the usual case) allocates nothing per section or block:
// a 4 MiB guide has ~200,000 of them, and its model is ~72 MB.
func TestRewriteUnchangedAllocs(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	g := &Guide{Title: "T"}
	const n = 200
	for i := 0; i < n; i++ {
		g.Sections = append(g.Sections, Section{Title: fmt.Sprint("S", i), Blocks: []Block{
			{Kind: Paragraph, Text: Plain("para")},
			{Kind: List, Items: []ListItem{{Text: Plain("a")}, {Text: Plain("b")}}},
		}})
	}
	// The least of three: AllocsPerRun counts the whole process, and
	// what else runs on a loaded machine only adds.
	allocs := math.Inf(1)
	for range 3 {
		allocs = min(allocs, testing.AllocsPerRun(5, func() {
			g.Rewrite(func(_ Path, s string) string { return s })
		}))
	}
	if perBlock := allocs / (2 * n); perBlock > 0.05 {
		t.Errorf("%.0f allocations for %d blocks (%.2f a block), want a handful in all", allocs, 2*n, perBlock)
	}
}
