package pdf

import (
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/matterhorn"
)

// TestWideTableRecords: a table whose columns cannot all hold their
// longest words on the measure is printed as records, one a row (its
// first cell in bold, then "Header: cell" lines), tagged as a list, never
// with its words cut letters apart ("Dor/oth/ea"); a table that fits
// stays a table. Nine columns do not fit A4; four columns of long words
// fit in the standard style and not in large print.
func TestWideTableRecords(t *testing.T) {
	tracker := content.Block{Kind: content.Table,
		Header: content.Plains("Character", "Book I", "Book II", "Book III", "Book IV", "Book V", "Book VI", "Book VII", "Book VIII"),
		Rows: [][]content.Text{
			content.Plains("Dorothea Brooke", "marries Casaubon against advice", "Rome; disillusion", "Casaubon’s illness", "the codicil looms", "Casaubon dies", "the codicil revealed", "Lydgate helped", "marries Ladislaw"),
			content.Plains("Fred Vincy", "expects Featherstone’s money", "debt to Garth", "", "disinherited", "works for Caleb", "Mary’s promise", "steadies", "marries Mary"),
		}}
	four := content.Block{Kind: content.Table,
		Header: content.Plains("Character", "Relationship", "Characteristics", "Transformation"),
		Rows: [][]content.Text{
			content.Plains("Featherstone", "Fred’s uncle, Mary’s employer", "Spiteful, suspicious, manipulative", "Disinherits everybody"),
		}}
	small := content.Block{Kind: content.Table, Header: content.Plains("Year", "Event"),
		Rows: [][]content.Text{content.Plains("1832", "the Reform Act")}}
	for _, c := range []struct {
		name    string
		table   content.Block
		style   string
		records bool
	}{
		{"nine columns", tracker, "", true},
		{"nine columns, large print", tracker, "large-print", true},
		{"four long columns", four, "", false},
		{"four long columns, large print", four, "large-print", true},
		{"two columns, large print", small, "large-print", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := &content.Guide{Title: "Middlemarch — A Study Guide", Language: "en",
				Book:     content.Book{Title: "Middlemarch", Author: "George Eliot"},
				Sections: []content.Section{{Title: "Tracker", Blocks: []content.Block{c.table}}}}
			out, _, _ := build(t, g, export.Options{Paper: export.A4, Style: c.style})
			fs, err := matterhorn.Check(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				t.Error(f)
			}
			path := write(t, "records", out)
			doc := structTree(t, path)
			tables, lists := doc.find("Table"), doc.find("L")
			if !c.records {
				if len(tables) != 1 || len(doc.find("TR")) != 1+len(c.table.Rows) {
					t.Fatalf("want the table as a table: %d Table, %d TR", len(tables), len(doc.find("TR")))
				}
				return
			}
			if len(tables) != 0 || len(lists) != 1 {
				t.Fatalf("want the table as records: %d Table, %d L", len(tables), len(lists))
			}
			items := lists[0].find("LI")
			if len(items) != len(c.table.Rows) {
				t.Fatalf("%d records, want %d", len(items), len(c.table.Rows))
			}
			// pdftotext's text, words joined by single spaces: a cell may
			// wrap, never inside a word.
			all := spaced(strings.Join(pagesText(t, path), " "))
			for ri, row := range c.table.Rows {
				lbl := items[ri].find("Lbl")
				if len(lbl) != 1 || spaced(lbl[0].all) != spaced(row[0].Plain()) {
					t.Errorf("record %d: Lbl %v, want %q", ri, lbl, row[0].Plain())
				}
				if !strings.Contains(all, spaced(row[0].Plain())) {
					t.Errorf("record %d: no %q in pdftotext", ri, row[0].Plain())
				}
				ps := items[ri].find("P")
				n := 0
				for ci := 1; ci < len(row); ci++ {
					if row[ci].Plain() == "" {
						continue
					}
					want := c.table.Header[ci].Plain() + ": " + row[ci].Plain()
					if !strings.Contains(all, spaced(want)) {
						t.Errorf("record %d: no %q in pdftotext", ri, want)
					}
					if n < len(ps) && spaced(ps[n].all) != spaced(want) {
						t.Errorf("record %d: P %q, want %q", ri, ps[n].all, want)
					}
					n++
				}
				if len(ps) != n {
					t.Errorf("record %d: %d P, want %d (empty cells left out)", ri, len(ps), n)
				}
			}
		})
	}
}
