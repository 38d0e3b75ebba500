package pdf

import (
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/matterhorn"
)

// rtlTableGuide is a guide written in Hebrew (by its title: it names no
// language) with a table whose first column must print on the right.
const rtlTableGuide = `# מגילת רות — טבלה

## הדמויות

| דמות | קשר | פרק |
|---|---|---|
| רות | כלתה של נעמי | 1 |
| נעמי | חמותה של רות | 1 |
| בעז | קרוב משפחה | 2 |

1. פרק א: מואב
2. פרק ב: הקציר
`

// checkClean runs the PDF/UA checker and qpdf over a right-to-left build.
func checkClean(t *testing.T, name string, out []byte) {
	t.Helper()
	fs, err := matterhorn.Check(out)
	if err != nil {
		t.Fatalf("%s: reading it back: %v", name, err)
	}
	for _, f := range fs {
		t.Errorf("%s: %v", name, f)
	}
	runTool(t, "qpdf", "--check", write(t, name, out))
}

// TestRTLContents: the contents of a guide written right to left are
// mirrored: each title flush right (a subsection's one indent in from the
// right), its page number flush left, the dot leader between them, and
// the link of each row over the same span; pdftotext finds the numbers
// at the left margin.
func TestRTLContents(t *testing.T) {
	g := loadFile(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "kalila-wa-dimna-ar.md"))
	th := mustTheme(t)
	for _, opts := range []export.Options{{}, {Paper: export.Letter, Duplex: true}} {
		out, lay, _ := build(t, g, opts)
		checkClean(t, "kalila-"+string(opts.Paper), out)
		const eps = 0.05
		var entries, numbers, leaders int
		contentsPage := 0
		for _, pg := range lay.Pages {
			if pg.Kind != ContentsPage {
				continue
			}
			contentsPage = pg.Number
			left := lay.TextLeft(pg.Number)
			right := left + lay.TextWidth
			for i, it := range pg.Items {
				switch {
				case it.Kind == TOCLine && it.Line == 0:
					entries++
					want := right - float64(it.Level)*th.TOC.Indent
					if math.Abs(it.X+it.W-want) > eps {
						t.Errorf("contents entry %q (level %d) ends at %.2f, want flush right at %.2f", it.Text, it.Level, it.X+it.W, want)
					}
				case it.Kind == TOCNumber:
					numbers++
					if math.Abs(it.X-left) > eps {
						t.Errorf("page number %q of a right-to-left contents starts at %.2f, want flush left at %.2f", it.Text, it.X, left)
					}
					// The leader follows its number, and ends before the
					// entry's last line.
					var line *Item
					for k := range pg.Items {
						if l := &pg.Items[k]; l.Kind == TOCLine && l.Target == it.Target && math.Abs(l.Y-it.Y) < eps {
							line = l
						}
					}
					if line == nil {
						t.Fatalf("page number %q has no entry line beside it", it.Text)
					}
					if i+1 < len(pg.Items) && pg.Items[i+1].Kind == Rule {
						ld := pg.Items[i+1]
						leaders++
						if ld.X < it.X+it.W || ld.X+ld.W > line.X {
							t.Errorf("leader %.2f–%.2f is not between number %q (ends %.2f) and entry %q (starts %.2f)",
								ld.X, ld.X+ld.W, it.Text, it.X+it.W, line.Text, line.X)
						}
					}
				}
			}
		}
		if entries < 5 || numbers != entries || leaders != entries {
			t.Fatalf("%d contents entries, %d numbers, %d leaders: want at least 5 of each", entries, numbers, leaders)
		}
		// Read back: every page number pdftotext finds on the contents
		// page sits in the left quarter of the page.
		path := write(t, "kalila", out)
		bbox := runTool(t, "pdftotext", "-bbox", "-f", strconv.Itoa(contentsPage), "-l", strconv.Itoa(contentsPage), path, "-")
		word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([0-9]+)</word>`)
		found := 0
		for _, m := range word.FindAllStringSubmatch(bbox, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			if x > lay.PageWidth/25.4*72/2 {
				continue // the footer's page number, centred
			}
			found++
			if want := lay.TextLeft(contentsPage) / 25.4 * 72; math.Abs(x-want) > 1 {
				t.Errorf("pdftotext finds page number %s at x = %.1f pt, want the left margin %.1f pt", m[3], x, want)
			}
		}
		if found < 5 {
			t.Errorf("pdftotext finds %d page numbers on the left of the contents page, want at least 5:\n%s", found, bbox)
		}
	}
}

// TestRTLTable: in a guide written right to left a table is mirrored: its
// first column on the right, each cell's lines flush right in their
// column, the table flush right on the text block; pdfinfo -struct-text
// still gives each row's cells in their logical order.
func TestRTLTable(t *testing.T) {
	g := loadText(t, "rtl-table.md", rtlTableGuide)
	// Right to left by its text alone, under the default language (the
	// importer reads "he" from its letters; --lang en would say otherwise).
	g.Language = content.DefaultLanguage
	out, lay, _ := build(t, g, export.Options{})
	checkClean(t, "rtl-table", out)
	th := mustTheme(t)
	const eps = 0.05
	col := map[string]int{"דמות": 0, "רות": 0, "נעמי": 0, "בעז": 0, "קשר": 1, "פרק": 2}
	cells := map[int][]Item{}
	for _, pg := range lay.Pages {
		right := lay.TextLeft(pg.Number) + lay.TextWidth
		for _, it := range pg.Items {
			if it.Kind != Cell {
				continue
			}
			c, ok := col[strings.TrimSpace(it.Text)]
			if !ok {
				continue
			}
			cells[c] = append(cells[c], it)
			if c == 0 && math.Abs(it.X+it.W-(right-th.Table.PaddingX)) > eps {
				t.Errorf("first-column cell %q ends at %.2f, want flush right at %.2f", it.Text, it.X+it.W, right-th.Table.PaddingX)
			}
		}
	}
	if len(cells[0]) != 4 || len(cells[1]) != 1 || len(cells[2]) != 1 {
		t.Fatalf("found %d, %d, %d cells of columns 1–3, want 4, 1, 1", len(cells[0]), len(cells[1]), len(cells[2]))
	}
	// Right to left: column 1, then 2, then 3, each wholly left of the one before.
	if c0, c1, c2 := cells[0][0], cells[1][0], cells[2][0]; !(c1.X+c1.W < c0.X && c2.X+c2.W < c1.X) {
		t.Errorf("the header's cells are not right to left: %q at %.2f–%.2f, %q at %.2f–%.2f, %q at %.2f–%.2f",
			c0.Text, c0.X, c0.X+c0.W, c1.Text, c1.X, c1.X+c1.W, c2.Text, c2.X, c2.X+c2.W)
	}
	st := runTool(t, "pdfinfo", "-struct-text", write(t, "rtl-table", out))
	if i, j := strings.Index(st, "רות"), strings.Index(st, "כלתה של נעמי"); i < 0 || j < i {
		t.Errorf("pdfinfo -struct-text does not give the row's cells in order (רות before כלתה של נעמי):\n%s", st)
	}
}

// TestRTLListLabels: a numbered item set right to left prints its label
// on its right with the full stop after the number in reading order, on
// its left (".1", as a browser prints a right-to-left list), while the
// label's text, for extraction and the Lbl element, stays "1."; a
// left-to-right item's label is unchanged.
func TestRTLListLabels(t *testing.T) {
	guide := loadText(t, "rtl-table.md", rtlTableGuide+"\n## English\n\n1. The first item\n2. The second\n")
	out, lay, _ := build(t, guide, export.Options{})
	checkClean(t, "rtl-labels", out)
	var rtl, ltr int
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Kind != Label || !strings.HasSuffix(it.Text, ".") {
				continue
			}
			num := strings.TrimSuffix(it.Text, ".")
			var dot, digits *float64
			for k := range it.Runs {
				r := &it.Runs[k]
				switch r.Text {
				case ".":
					dot = &r.Dx
				case num:
					digits = &r.Dx
				}
			}
			// The item's direction is its first line's: the line beside
			// the label.
			itemRTL := false
			for _, l := range pg.Items {
				if l.Kind == Line && math.Abs(l.Y-it.Y) < 0.05 {
					itemRTL = rtlText(l.Text)
				}
			}
			if itemRTL {
				rtl++
				if dot == nil || digits == nil || *dot >= *digits {
					t.Errorf("right-to-left label %q: the full stop is not drawn left of the number (runs %+v)", it.Text, it.Runs)
				}
			} else {
				ltr++
				if len(it.Runs) != 1 || it.Runs[0].Text != it.Text {
					t.Errorf("left-to-right label %q is drawn as %+v, want one run", it.Text, it.Runs)
				}
			}
		}
	}
	if rtl != 2 || ltr != 2 {
		t.Fatalf("%d right-to-left and %d left-to-right numbered labels, want 2 and 2", rtl, ltr)
	}
	st := runTool(t, "pdfinfo", "-struct-text", write(t, "rtl-labels", out))
	for _, want := range []string{"1.", "2."} {
		if !regexp.MustCompile(`Lbl \(block\)\n\s*"` + regexp.QuoteMeta(want) + `"`).MatchString(st) {
			t.Errorf("pdfinfo -struct-text has no label %q:\n%s", want, st)
		}
	}
}

// TestRTLLineEndSpaces: the space a line break took from a right-to-left
// line is drawn after the line's last word in reading order, so that a
// screen reader (pdfinfo -struct-text) reads the paragraph with its words
// apart across the break ("ושם היא", not " ושםהיא"), and a right-to-left
// contents entry as its title, a space, then its page number.
func TestRTLLineEndSpaces(t *testing.T) {
	guide := loadText(t, "rtl.md", rtlGuide)
	out, lay, _ := build(t, guide, export.Options{})
	checkClean(t, "rtl-spaces", out)
	breaks := 0
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Kind == Line && it.Lines > 1 && it.Line < it.Lines-1 && rtlText(it.Text) {
				breaks++
			}
		}
	}
	if breaks == 0 {
		t.Fatal("no right-to-left paragraph breaks across lines: the test checks nothing")
	}
	st := strings.Join(strings.Fields(runTool(t, "pdfinfo", "-struct-text", write(t, "rtl-spaces", out))), " ")
	const para = "רות היא מואביה שבחרה בעמה של נעמי. היא הולכת אחריה לבית לחם, ושם היא פוגשת את בעז, קרוב משפחה עשיר, שמגן עליה ועל חמותה. הסיפור נקרא בחג השבועות."
	if !strings.Contains(st, `"`+para+`"`) {
		t.Errorf("pdfinfo -struct-text does not give the paragraph as written:\n%s", st)
	}

	g := loadFile(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "kalila-wa-dimna-ar.md"))
	out, lay, _ = build(t, g, export.Options{})
	st = runTool(t, "pdfinfo", "-struct-text", write(t, "kalila-spaces", out))
	for _, e := range lay.TOC {
		if want := `"` + e.Title + " " + strconv.Itoa(e.Page) + `"`; !strings.Contains(st, want) {
			t.Errorf("pdfinfo -struct-text has no contents entry %s", want)
		}
	}
}

// TestDirectionFollowsText: an English guide given --lang he prints
// Hebrew labels but keeps its English layout (its contents' titles flush
// left, page numbers flush right, which pdftotext finds in the right half
// of the page), while the Hebrew fixture with the same language is
// mirrored.
func TestDirectionFollowsText(t *testing.T) {
	en := loadFile(t, filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
	en.Language = "he"
	for _, tc := range []struct {
		name string
		g    *content.Guide
		rtl  bool
	}{
		{"frankenstein-he", en, false},
		{"megillat-he", hebrewGuide(t), true},
	} {
		out, lay, _ := build(t, tc.g, export.Options{})
		checkClean(t, tc.name, out)
		path := write(t, tc.name, out)
		contents := 0
		for _, pg := range lay.Pages {
			if pg.Kind != ContentsPage {
				continue
			}
			contents = pg.Number
			left := lay.TextLeft(pg.Number)
			for _, it := range pg.Items {
				if it.Kind != TOCNumber {
					continue
				}
				atLeft := math.Abs(it.X-left) < 0.05
				if atLeft != tc.rtl {
					t.Errorf("%s: page number %q at x = %.2f (text block %.2f–%.2f): mirrored = %v, want %v",
						tc.name, it.Text, it.X, left, left+lay.TextWidth, atLeft, tc.rtl)
				}
			}
		}
		if contents == 0 {
			t.Fatalf("%s has no contents page", tc.name)
		}
		text := runTool(t, "pdftotext", "-enc", "UTF-8", "-f", strconv.Itoa(contents), "-l", strconv.Itoa(contents), path, "-")
		if !strings.Contains(text, "תוכן העניינים") {
			t.Errorf("%s: the contents page does not print the Hebrew label:\n%s", tc.name, text)
		}
		bbox := runTool(t, "pdftotext", "-bbox", "-f", strconv.Itoa(contents), "-l", strconv.Itoa(contents), path, "-")
		// Page numbers are the numbers at an edge of the text block (not
		// a year inside a title, not the footer's).
		word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="[0-9.]+">([0-9]+)</word>`)
		left, right := lay.TextLeft(contents)/25.4*72, (lay.TextLeft(contents)+lay.TextWidth)/25.4*72
		footer := lay.TextBottom / 25.4 * 72
		n := 0
		for _, m := range word.FindAllStringSubmatch(bbox, -1) {
			x0, _ := strconv.ParseFloat(m[1], 64)
			x1, _ := strconv.ParseFloat(m[3], 64)
			if y, _ := strconv.ParseFloat(m[2], 64); y > footer {
				continue
			}
			atLeft, atRight := math.Abs(x0-left) < 1, math.Abs(x1-right) < 1
			if !atLeft && !atRight {
				continue
			}
			n++
			if atLeft != tc.rtl {
				t.Errorf("%s: pdftotext finds page number %s at %.1f–%.1f pt (text block %.1f–%.1f): at the left = %v, want %v",
					tc.name, m[4], x0, x1, left, right, atLeft, tc.rtl)
			}
		}
		if n < 4 {
			t.Errorf("%s: pdftotext finds %d page numbers on the contents page", tc.name, n)
		}
	}
}

// TestRTLLabelExtraction: what a reader of the PDF gets for a
// right-to-left list item's label. The label is drawn in reading order
// ("1" then "."), so readers that follow the content stream — poppler's
// structure tree (pdfinfo -struct-text) and mupdf's text — read "1."
// before the item. pdftotext, which reads by position, gives ".1": its
// reordering of a right-to-left line keeps a run of digits and full stops
// in drawn, left-to-right order (README, Fonts and scripts); the test
// logs what it reads.
func TestRTLLabelExtraction(t *testing.T) {
	out, lay, _ := build(t, hebrewGuide(t), export.Options{})
	path := write(t, "megillat-labels", out)
	page := 0
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Kind == Label && it.RTL && it.Text == "1." {
				page = pg.Number
			}
		}
	}
	if page == 0 {
		t.Fatal("no right-to-left numbered list: the test checks nothing")
	}
	const item = "נעמי שומעת"
	if st := spaced(runTool(t, "pdfinfo", "-struct-text", path)); !strings.Contains(st, `"1." LBody (block) "`+item) {
		t.Errorf("pdfinfo -struct-text does not read the label 1. before its item:\n%s", st)
	}
	mu := runTool(t, "mutool", "draw", "-q", "-F", "txt", "-o", "-", path, strconv.Itoa(page))
	if !strings.Contains(mu, "1."+item) && !strings.Contains(mu, "1. "+item) {
		t.Errorf("mutool does not read the label 1. before its item:\n%s", mu)
	}
	pt := runTool(t, "pdftotext", "-enc", "UTF-8", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-")
	for _, l := range strings.Split(pt, "\n") {
		if strings.Contains(l, item) {
			t.Logf("pdftotext reads the item's line as %q", strings.Map(dropBidiControls, l))
		}
	}
}
