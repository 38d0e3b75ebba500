package pdf

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/export/pdf/tags"
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/internal/checkers"
)

func hamlet(t testing.TB) *content.Guide {
	t.Helper()
	return loadJSON(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "hamlet-v2.json"))
}

// TestV2CheckPDF: the v2 fixture passes check-pdf.sh on A4 simplex and
// Letter duplex, with its own author in the metadata (no flag given).
func TestV2CheckPDF(t *testing.T) {
	g := hamlet(t)
	for _, o := range []export.Options{{Paper: export.A4}, {Paper: export.Letter, Duplex: true}} {
		t.Run(fmt.Sprintf("%s/duplex=%v", o.Paper, o.Duplex), func(t *testing.T) {
			out, lay, _ := build(t, g, o)
			checkLayout(t, lay)
			path := write(t, "hamlet", out)
			checkers.MustPass(t, "check-pdf.sh", "--min-pages", "8", "--expect-text", "Revenge tragedy",
				"--expect-text", "Churchyard, hall", "--expect-text", "— Hamlet, Act 3, Scene 1", path)
		})
	}
}

// v2Expect is what the fixture's blocks must read as, in order: each
// list item, term, cell, attribution and verse line.
func v2Expect(g *content.Guide) []string {
	var want []string
	quote := func(text content.Text, lines []content.Text, attr content.Text, expl []content.Text) {
		want = append(want, text.Plain())
		want = append(want, content.PlainAll(lines)...)
		if len(attr) > 0 {
			want = append(want, "— "+attr.Plain())
		}
		want = append(want, content.PlainAll(expl)...)
	}
	for _, q := range g.Quotes {
		quote(q.Text, q.Lines, q.Attribution, q.Explanation)
	}
	var items func([]content.ListItem, bool, content.Marker, int, int)
	items = func(its []content.ListItem, ordered bool, marker content.Marker, start, level int) {
		for i, it := range its {
			want = append(want, layout.ListLabel(ordered, marker, start, i, level)+" "+it.Text.Plain())
			if it.Sublist != nil {
				items(it.Sublist.Items, it.Sublist.Ordered, it.Sublist.Marker, it.Sublist.Start, level+1)
			}
		}
	}
	for _, s := range g.Sections {
		for _, b := range s.Blocks {
			switch b.Kind {
			case content.Paragraph:
				want = append(want, b.Text.Plain())
			case content.BlockQuote:
				quote(b.Text, b.Lines, b.Attribution, b.Explanation)
			case content.List:
				items(b.Items, b.Ordered, b.Marker, b.Start, 0)
			case content.Definitions:
				for _, d := range b.Terms {
					want = append(want, d.Term.Plain(), d.Definition.Plain())
				}
			case content.Table:
				// A cell may wrap in the measure, and pdftotext reads a
				// row line by line across the columns: each cell's first
				// word comes in order (TestV2Structure reads whole cells
				// from the structure tree).
				want = append(want, b.Caption.Plain())
				for _, r := range append([]content.Text{}, b.Header...) {
					want = append(want, firstWord(r.Plain()))
				}
				for _, r := range b.Rows {
					for _, c := range r {
						want = append(want, firstWord(c.Plain()))
					}
				}
			case content.Verse:
				want = append(want, b.Speaker)
				want = append(want, content.PlainAll(b.Lines)...)
			}
		}
	}
	return want
}

// TestV2Text: pdftotext finds every item, term, cell, attribution and
// verse line of the fixture, in order; the numbers of an ordered list
// keep their start.
func TestV2Text(t *testing.T) {
	g := hamlet(t)
	for _, o := range []export.Options{{Paper: export.A4}, {Paper: export.Letter, Duplex: true}} {
		out, lay, diags := build(t, g, o)
		if len(diags) > 0 {
			t.Fatalf("diagnostics: %v", diags)
		}
		// -layout: a table's rows come out as lines, cell after cell
		// (without it, pdftotext may read a column with an empty cell as
		// a block of its own).
		pt := func(mm float64) string { return fmt.Sprint(int(mm * 72 / 25.4)) }
		text := squash(runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", "-r", "72", "-x", "0", "-y", pt(lay.TextTop-1),
			"-W", pt(lay.PageWidth), "-H", pt(lay.TextBottom-lay.TextTop+2), write(t, "hamlet", out), "-"))
		at := 0
		for _, w := range v2Expect(g) {
			w = squash(w)
			i := strings.Index(text[at:], w)
			if i < 0 {
				t.Errorf("%s: not found (in order) in the extracted text: %q", o.Paper, w)
				continue
			}
			at += i + len(w)
		}
		// Lettered lists print their letters (ListLabel gives the wants
		// above; these say what it must give).
		for _, w := range []string{"a. Claudius", "b. Polonius", "A. Project: stage", "B. Project: a letter"} {
			if !strings.Contains(text, squash(w)) {
				t.Errorf("%s: no %q in the extracted text", o.Paper, w)
			}
		}
	}
}

// TestV2Structure reads the fixture's structure tree back: lists as L >
// LI > Lbl + LBody (nested lists inside their item's LBody), definitions
// as lists whose Lbl is the term, the table as Table > Caption + TR > TH
// (/Scope /Column) / TD with empty cells kept, each attribution a P
// inside its BlockQuote, verse a Div of one P per line, links Link
// elements owning their annotations, which carry /Contents and the URI.
func TestV2Structure(t *testing.T) {
	g := hamlet(t)
	out, _, _ := build(t, g, export.Options{})
	path := write(t, "hamlet", out)
	doc := structTree(t, path)

	// Lists and definitions, in order, each LI exactly Lbl then LBody.
	var want [][2]string // label, body
	var items func([]content.ListItem, bool, content.Marker, int, int)
	items = func(its []content.ListItem, ordered bool, marker content.Marker, start, level int) {
		for i, it := range its {
			want = append(want, [2]string{layout.ListLabel(ordered, marker, start, i, level), it.Text.Plain()})
			if it.Sublist != nil {
				items(it.Sublist.Items, it.Sublist.Ordered, it.Sublist.Marker, it.Sublist.Start, level+1)
			}
		}
	}
	for _, s := range g.Sections {
		for _, b := range s.Blocks {
			switch b.Kind {
			case content.List:
				items(b.Items, b.Ordered, b.Marker, b.Start, 0)
			case content.Definitions:
				sep := " –"
				if s.Role == content.RoleKeyFacts {
					sep = ":"
				}
				for _, d := range b.Terms {
					want = append(want, [2]string{d.Term.Plain() + sep, d.Definition.Plain()})
				}
			}
		}
	}
	var got [][2]string
	for _, li := range doc.find("LI") {
		if len(li.kids) != 2 || li.kids[0].role != "Lbl" || li.kids[1].role != "LBody" {
			t.Errorf("LI is not Lbl + LBody: %+v", li)
			continue
		}
		if li.kids[0].all == "" {
			t.Errorf("empty Lbl")
		}
		body := li.kids[1].text // its own text: a nested L is its own LI
		got = append(got, [2]string{spaced(li.kids[0].all), spaced(body)})
	}
	if !slices.Equal(got, want) {
		t.Errorf("list items\n got %q\nwant %q", got, want)
	}
	nested := 0
	for _, l := range doc.find("LBody") {
		for _, k := range l.kids {
			if k.role == "L" {
				nested++
			}
		}
	}
	if nested != 2 {
		t.Errorf("%d lists nested in an LBody, want 2", nested)
	}

	// The table.
	tables := doc.find("Table")
	if len(tables) != 1 {
		t.Fatalf("%d Table elements, want 1", len(tables))
	}
	var tb content.Block
	for _, b := range g.Sections[2].Blocks {
		if b.Kind == content.Table {
			tb = b
		}
	}
	tab := tables[0]
	if len(tab.kids) != 1+1+len(tb.Rows) || tab.kids[0].role != "Caption" || spaced(tab.kids[0].all) != tb.Caption.Plain() {
		t.Fatalf("Table is not Caption + %d TR: %+v", 1+len(tb.Rows), tab.kids)
	}
	for r, tr := range tab.kids[1:] {
		wantRole, wantRow := "TD", content.PlainAll(tb.Header)
		if r == 0 {
			wantRole = "TH"
		} else {
			wantRow = content.PlainAll(tb.Rows[r-1])
		}
		if tr.role != "TR" || len(tr.kids) != len(wantRow) {
			t.Fatalf("row %d: %s with %d cells, want TR with %d", r, tr.role, len(tr.kids), len(wantRow))
		}
		for c, cell := range tr.kids {
			if cell.role != wantRole || spaced(cell.all) != wantRow[c] {
				t.Errorf("row %d cell %d: %s %q, want %s %q", r, c, cell.role, cell.all, wantRole, wantRow[c])
			}
			if wantRole == "TH" && (len(cell.kids) == 0 || cell.kids[0].role != "/Scope") {
				t.Errorf("TH %q has no /Scope attribute", cell.all)
			}
		}
	}

	// Quotes: the attribution is a P inside its BlockQuote.
	var attrs []string
	for _, q := range g.Quotes {
		if len(q.Attribution) > 0 {
			attrs = append(attrs, "— "+q.Attribution.Plain())
		}
	}
	attrs = append(attrs, "— Hamlet, Act 2, Scene 2")
	var gotAttrs []string
	for _, bq := range doc.find("BlockQuote") {
		for _, k := range bq.kids {
			if k.role == "P" {
				gotAttrs = append(gotAttrs, spaced(k.all))
			}
		}
	}
	if !slices.Equal(gotAttrs, attrs) {
		t.Errorf("attributions in BlockQuotes\n got %q\nwant %q", gotAttrs, attrs)
	}
	verseQuote := spaced(strings.Join(content.PlainAll(g.Quotes[1].Lines), " "))
	if bq := doc.find("BlockQuote")[1]; spaced(bq.text) != verseQuote {
		t.Errorf("verse quote reads %q, want %q", bq.text, verseQuote)
	}

	// Verse: a Div of one P per line, the speaker's first.
	divs := doc.find("Div")
	if len(divs) != 1 {
		t.Fatalf("%d Div elements, want 1", len(divs))
	}
	var lines []string
	for _, p := range divs[0].kids {
		lines = append(lines, spaced(p.all))
	}
	if want := []string{"Ophelia", "There's rosemary, that's for remembrance.", "Pray you, love, remember.", "And there is pansies, that's for thoughts."}; !slices.Equal(lines, want) {
		t.Errorf("verse\n got %q\nwant %q", lines, want)
	}

	// Links: a Link per link span, in its P, owning an annotation per
	// line it is set on.
	links := doc.find("Link")
	var ext []*node
	for _, l := range links {
		if strings.Contains(l.all, "Gutenberg") || strings.Contains(l.all, "folger") {
			ext = append(ext, l)
		}
	}
	if len(ext) != 2 || spaced(ext[0].all) != "Project Gutenberg" || squash(ext[1].all) != "https://www.folger.edu/explore/shakespeares-works/hamlet/read/" {
		t.Fatalf("external links read %+v", ext)
	}
	for _, l := range ext {
		if !slices.ContainsFunc(l.kids, func(k *node) bool { return k.role == "Object" }) {
			t.Errorf("Link %q owns no annotation", l.all)
		}
	}
	js := runTool(t, "qpdf", "--json", "--json-key=qpdf", path)
	for _, s := range []string{`"/URI": "u:https://www.gutenberg.org/ebooks/1524"`, `"/Contents": "u:Project Gutenberg (https://www.gutenberg.org/ebooks/1524)"`,
		`"/URI": "u:https://www.folger.edu/explore/shakespeares-works/hamlet/read/"`, `"/Contents": "u:https://www.folger.edu/explore/shakespeares-works/hamlet/read/"`} {
		if !strings.Contains(js, s) {
			t.Errorf("no annotation has %s", s)
		}
	}
}

// TestV2Inline: emphasis and strong pick the faces, inside roman and
// italic text alike; links are drawn in the link colour and underlined.
func TestV2Inline(t *testing.T) {
	_, lay, _ := build(t, hamlet(t), export.Options{})
	faceOf := func(word string) []layout.Face {
		var fs []layout.Face
		for _, pg := range lay.Pages {
			for _, it := range pg.Items {
				for _, r := range it.Runs {
					if strings.Contains(r.Text, word) {
						fs = append(fs, r.Face)
					}
				}
			}
		}
		return fs
	}
	for word, want := range map[string]layout.Face{
		"Macbeth":       {Family: fonts.Literata, Style: fonts.Italic},     // em in an explanation
		"once":          {Family: fonts.Literata, Style: fonts.Bold},       // strong in a definition
		"<Tales> from":  {Family: fonts.Literata, Style: fonts.BoldItalic}, // em + strong
		"Full title":    {Family: fonts.Literata, Style: fonts.Bold},       // a term
		"Brevity is":    {Family: fonts.Literata, Style: fonts.Italic},     // a quotation
		"Hamlet, Act 3": {Family: fonts.Literata, Style: fonts.Regular},    // its attribution
		"Churchyard,":   {Family: fonts.Literata, Style: fonts.Regular},
		"What happens":  {Family: fonts.Atkinson, Style: fonts.Bold},
	} {
		got := faceOf(word)
		if len(got) == 0 || got[0] != want {
			t.Errorf("%q is set in %v, want %v", word, got, want)
		}
	}
	underlines := 0
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Kind == Rule && it.Fill && it.Color == mustTheme(t).Blocks.LinkColor {
				underlines++
			}
		}
	}
	if underlines != 3 { // Project Gutenberg; the Folger URL over two lines
		t.Errorf("%d link underlines, want 3", underlines)
	}
}

// longTable is a guide whose table runs over several pages, with one row
// taller than a page.
func longTable(rows int, tall bool) *content.Guide {
	tb := content.Block{Kind: content.Table, Caption: content.Plain("Chronology"),
		Header: content.Plains("Year", "Event", "Notes")}
	for i := range rows {
		notes := lorem(i, 3+i%9)
		if tall && i == rows/2 {
			notes = lorem(i, 1200)
		}
		tb.Rows = append(tb.Rows, content.Plains(fmt.Sprint(1600+i), fmt.Sprintf("Event number %d", i), notes))
	}
	return &content.Guide{Title: "Tables — A Study Guide", Book: content.Book{Title: "Tables"}, Language: "en",
		Sections: []content.Section{{Title: "Timeline", Blocks: []content.Block{
			{Kind: content.Paragraph, Text: content.Plain(lorem(1, 60))}, tb,
			{Kind: content.Paragraph, Text: content.Plain("After the table.")},
		}}}}
}

// TestTablePages: a table continued over pages repeats its header at the
// top of each continuation (drawn, but an artifact: read once), and no
// row is split — except one taller than a page, which is cut where the
// page is full and carries on, without panic, inside the text block.
func TestTablePages(t *testing.T) {
	for _, tall := range []bool{false, true} {
		t.Run(fmt.Sprintf("tall=%v", tall), func(t *testing.T) {
			g := longTable(90, tall)
			for _, o := range []export.Options{{Paper: export.A4}, {Paper: export.Letter, Duplex: true}} {
				out, lay, _ := build(t, g, o)
				checkLayout(t, lay)
				rowPages := map[*tags.Node][]int{}
				headerOn := map[int]bool{}
				tablePages := []int{}
				for _, pg := range lay.Pages {
					first := true
					for _, it := range pg.Items {
						if it.Kind != Cell || it.Tag == nil || it.Tag.Role == "Caption" {
							continue
						}
						if first {
							tablePages = append(tablePages, pg.Number)
							headerOn[pg.Number] = it.Tag.Role == "TH" && it.Text == "Year"
							first = false
						}
						if it.Tag.Role == "TH" {
							continue // the header, repeated on purpose
						}
						tr := it.Tag.Parent
						if ps := rowPages[tr]; len(ps) == 0 || ps[len(ps)-1] != pg.Number {
							rowPages[tr] = append(ps, pg.Number)
						}
					}
				}
				if len(tablePages) < 3 {
					t.Fatalf("the table spans pages %v: too few to test", tablePages)
				}
				for _, n := range tablePages {
					if !headerOn[n] {
						t.Errorf("%s: page %d of the table does not start with its header", o.Paper, n)
					}
				}
				split := 0
				for tr, ps := range rowPages {
					if len(ps) > 1 && tr != nil {
						split++
					}
				}
				if want := map[bool]int{false: 0, true: 1}[tall]; split != want {
					t.Errorf("%s: %d rows split across pages, want %d", o.Paper, split, want)
				}
				path := write(t, "table", out)
				doc := structTree(t, path)
				if ths := doc.find("TH"); len(ths) != 3 {
					t.Errorf("%d TH elements: the repeated header is not an artifact", len(ths))
				}
				if trs := doc.find("TR"); len(trs) != 91 {
					t.Errorf("%d TR elements, want 91", len(trs))
				}
				if tall {
					cells := doc.find("TD")
					wantTall := spaced(lorem(45, 1200))
					if !slices.ContainsFunc(cells, func(n *node) bool { return spaced(n.all) == wantTall }) {
						t.Error("the tall cell does not read back whole")
					}
				}
				if !strings.Contains(pageText(t, path, tablePages[1]), "Event") {
					t.Errorf("pdftotext of page %d does not show the repeated header", tablePages[1])
				}
			}
		})
	}
}

// TestCalloutsKeepWhole: at every position on the page, a callout of six
// lines or fewer is never split, and a paragraph that leads into a quote
// (ending with a colon) ends on the page where the quote starts.
func TestCalloutsKeepWhole(t *testing.T) {
	for filler := 1; filler <= 40; filler++ {
		var blocks []content.Block
		blocks = append(blocks, content.Block{Kind: content.Paragraph, Text: content.Plain(lorem(filler, filler*9))})
		for q := range 4 {
			blocks = append(blocks,
				content.Block{Kind: content.Paragraph, Text: content.Plain(lorem(q, 20+q*25) + " as he says:")},
				content.Block{Kind: content.BlockQuote, Text: content.Plain(lorem(q+7, 30+q*15)), Attribution: content.Plain("Chapter 3")},
				content.Block{Kind: content.Paragraph, Text: content.Plain(lorem(q+3, 50))})
		}
		g := &content.Guide{Title: "Callouts", Book: content.Book{Title: "Callouts"}, Language: "en",
			Sections: []content.Section{{Title: "Quotes", Blocks: blocks}}}
		_, lay, _ := build(t, g, export.Options{})
		checkLayout(t, lay)
		leadPage := -1
		for _, pg := range lay.Pages {
			for _, it := range pg.Items {
				if it.Kind == Line && strings.HasSuffix(it.Text, "as he says:") {
					leadPage = pg.Number
				}
				if it.Kind == Callout && it.Line == 0 && leadPage >= 0 {
					if leadPage != pg.Number {
						t.Errorf("filler %d: a lead-in ends on page %d, its quote starts on page %d", filler, leadPage, pg.Number)
					}
					leadPage = -1
				}
			}
		}
	}
}

// TestV2Metadata: the guide's own author goes to /Author unless a flag
// overrides it; the book's author never does.
func TestV2Metadata(t *testing.T) {
	g := hamlet(t)
	out, _, _ := build(t, g, export.Options{})
	path := write(t, "meta", out)
	if a := pdfinfo(t, path)["Author"]; a != g.Author {
		t.Errorf("Author = %q, want the guide's %q", a, g.Author)
	}
	if txt := strings.Join(strings.Fields(pageText(t, path, 2)), " "); !strings.Contains(txt, "by William Shakespeare (1603)") || !strings.Contains(txt, "Published by Northfield School Library") || !strings.Contains(txt, "Guide written by Ms. R. Okafor") {
		t.Errorf("title page credits:\n%s", txt)
	}
	out, _, _ = build(t, g, teacher)
	if a := pdfinfo(t, write(t, "meta2", out))["Author"]; a != teacher.Author {
		t.Errorf("Author = %q, want the flag's %q", a, teacher.Author)
	}
	g.Author = ""
	out, _, _ = build(t, g, export.Options{})
	if a, ok := pdfinfo(t, write(t, "meta3", out))["Author"]; ok {
		t.Errorf("Author = %q with no guide author: the book's author must not be named", a)
	}
	a, _, _ := build(t, hamlet(t), export.Options{Paper: export.Letter, Duplex: true})
	b, _, _ := build(t, hamlet(t), export.Options{Paper: export.Letter, Duplex: true})
	if !bytes.Equal(a, b) {
		t.Error("two builds of the v2 fixture differ")
	}
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
