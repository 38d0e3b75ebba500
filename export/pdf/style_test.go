package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// The print styles (--style) are read back from the PDF itself: every
// text run's face and size from `mutool draw -F stext`, the lines as
// mupdf finds them, and the pages from the recorded layout.

// styleGuides are the guides every style is checked on: the seed (when
// ../shared is present), the bundled example and three fixtures (model
// v2 blocks, long titles with hyphens, hostile markup).
func styleGuides(t *testing.T) map[string]*content.Guide {
	t.Helper()
	root := checkers.RepoRoot()
	gs := map[string]*content.Guide{
		"frankenstein": loadFile(t, filepath.Join(root, "examples", "frankenstein.txt")),
		"hamlet-v2":    loadFile(t, filepath.Join(root, "testdata", "guides", "hamlet-v2.json")),
		"monte-cristo": loadFile(t, filepath.Join(root, "testdata", "guides", "the-count-of-monte-cristo.txt")),
		"tricky":       loadFile(t, filepath.Join(root, "testdata", "guides", "tricky-markup.txt")),
	}
	if g := seedOrSkip(t, false); g != nil {
		gs["seed"] = g
	}
	return gs
}

// seedOrSkip loads the seed guide. Without ../shared it skips the test
// when must is set (nil otherwise), and fails under CI=true, where the
// seed is required like the checkers.
func seedOrSkip(t *testing.T, must bool) *content.Guide {
	t.Helper()
	if checkers.SharedDir() == "" {
		if checkers.Required() {
			t.Fatal("../shared is absent, and the seed is required under CI=true")
		}
		if must {
			t.Skip("../shared is absent: seed test skipped")
		}
		return nil
	}
	return loadFile(t, checkers.Seed(t, "never-let-me-go.txt"))
}

// stextRun is a stretch of a line in one font, as mupdf reads it.
type stextRun struct {
	font string
	size float64
	text string
	y    float64 // baseline
}

type stextLine struct {
	page, block int
	runs        []stextRun
}

func (l stextLine) text() string {
	var b strings.Builder
	for _, r := range l.runs {
		b.WriteString(r.text)
	}
	return strings.TrimSpace(b.String())
}

// stext reads every line of the PDF at path with mutool.
func stext(t *testing.T, path string) []stextLine {
	t.Helper()
	mutool := checkers.Tool(t, "mutool")
	out, err := exec.Command(mutool, "draw", "-q", "-F", "stext", "-o", "-", path).Output()
	if err != nil {
		t.Fatalf("mutool draw -F stext: %v", err)
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	var lines []stextLine
	page, block := 0, 0
	var cur *stextLine
	var run *stextRun
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("stext: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "page":
				page++
			case "block":
				block++
			case "line":
				lines = append(lines, stextLine{page: page, block: block})
				cur = &lines[len(lines)-1]
			case "font":
				size, _ := strconv.ParseFloat(attr(e, "size"), 64)
				cur.runs = append(cur.runs, stextRun{font: attr(e, "name"), size: size})
				run = &cur.runs[len(cur.runs)-1]
			case "char":
				run.text += attr(e, "c")
				if y, err := strconv.ParseFloat(attr(e, "y"), 64); err == nil {
					run.y = y
				}
			}
		}
	}
	return lines
}

// italic reports whether an embedded font name is an italic face
// (utf8literataI, utf8atkinsonhyperlegiblenextBI, …).
func italic(font string) bool { return strings.HasSuffix(font, "I") }

func buildStyle(t *testing.T, g *content.Guide, style string, paper export.Paper, noTint bool) ([]byte, *Layout) {
	t.Helper()
	opts := teacher
	opts.Style, opts.Paper, opts.NoTint = style, paper, noTint
	out, lay, _ := build(t, g, opts)
	return out, lay
}

// TestStyles builds every style of every guide on A4 and Letter, passes
// each through check-pdf.sh, and reads the type back.
func TestStyles(t *testing.T) {
	guides := styleGuides(t)
	for _, style := range theme.Styles {
		th, err := theme.Named(style)
		if err != nil {
			t.Fatal(err)
		}
		for name, g := range guides {
			for _, paper := range []export.Paper{export.A4, export.Letter} {
				t.Run(fmt.Sprintf("%s/%s/%s", style, name, paper), func(t *testing.T) {
					out, lay := buildStyle(t, g, style, paper, false)
					path := write(t, name+"-"+style, out)
					if !testing.Short() {
						args := []string{path}
						if !hasContents(lay) {
							// no contents (compact, short guide): no internal links
							args = append([]string{"--no-links"}, args...)
						}
						checkers.MustPass(t, "check-pdf.sh", args...)
					}
					lines := stext(t, path)
					checkStyle(t, style, th, lines)
					checkPages(t, style, th, lay)
				})
			}
		}
	}
}

func checkStyle(t *testing.T, style string, th theme.Theme, lines []stextLine) {
	t.Helper()
	body := th.Body.Size
	var bodyLines, long int
	minSize := math.Inf(1)
	for _, l := range lines {
		isBody := len(l.runs) > 0
		for _, r := range l.runs {
			minSize = min(minSize, r.size)
			if (style == "large-print" || style == "dyslexia") && italic(r.font) {
				t.Errorf("page %d: %q is set in the italic face %s", l.page, l.text(), r.font)
				return
			}
			if style == "large-print" || style == "dyslexia" {
				if !strings.Contains(r.font, "atkinson") && !strings.Contains(r.font, "noto") {
					t.Errorf("page %d: %q is set in %s, not a sans serif", l.page, l.text(), r.font)
					return
				}
			}
			isBody = isBody && math.Abs(r.size-body) < 0.01
		}
		n := utf8.RuneCountInString(l.text())
		if style == "large-print" && n > 60 {
			t.Errorf("page %d: a line of %d characters (large print allows 60): %q", l.page, n, l.text())
		}
		if isBody && n > 0 {
			bodyLines++
			if n > 75 {
				long++
			}
		}
	}
	switch style {
	case "standard":
		if bodyLines < 20 {
			t.Fatalf("only %d body lines read back", bodyLines)
		}
		if long*20 > bodyLines {
			t.Errorf("%d of %d body lines are over 75 characters (at most 5%% may be)", long, bodyLines)
		}
	case "large-print":
		if minSize < 18 {
			t.Errorf("smallest text is %.1f pt; large print sets everything at 18 pt or more", minSize)
		}
		headings := 0
		for _, l := range lines {
			if len(l.runs) > 0 && strings.HasSuffix(l.runs[0].font, "B") && l.runs[0].size >= 22 {
				headings++
			}
		}
		if headings == 0 {
			t.Error("no heading of 22 pt or more")
		}
	case "dyslexia":
		if body < 13 || body > 14 {
			t.Errorf("body size %.1f pt, want 13–14", body)
		}
		// Leading: the least baseline step between consecutive body
		// lines.
		least := math.Inf(1)
		for i := 1; i < len(lines); i++ {
			a, b := lines[i-1], lines[i]
			if a.page != b.page || len(a.runs) == 0 || len(b.runs) == 0 ||
				math.Abs(a.runs[0].size-body) > 0.01 || math.Abs(b.runs[0].size-body) > 0.01 {
				continue
			}
			// (a step of more than 2.2 lines is a paragraph's space or
			// another column of text)
			if d := b.runs[0].y - a.runs[0].y; d > 0 && d < 2.2*body {
				least = min(least, d/body)
			}
		}
		if math.IsInf(least, 1) {
			t.Fatal("no two consecutive body lines read back")
		}
		if least < 1.5-0.01 {
			t.Errorf("body leading %.2f, want at least 1.5", least)
		}
	}
}

// checkPages checks the pages of the layout: the cover and title page
// carry no number, a page a part opens on no running head, a part that
// runs over a page leaves at least tail_lines lines on its last page, and
// the dyslexia style's pages are tinted.
func checkPages(t *testing.T, style string, th theme.Theme, lay *Layout) {
	t.Helper()
	for _, pg := range lay.Pages {
		if (pg.Kind == CoverPage || pg.Kind == TitlePage) && pg.Footer {
			t.Errorf("page %d (%s) prints a page number", pg.Number, pg.Kind)
		}
		if pg.Opener && pg.Header != "" {
			t.Errorf("page %d opens a part but has the running head %q", pg.Number, pg.Header)
		}
	}
	if th.Pages.Cover != (lay.Pages[0].Kind == CoverPage) {
		t.Errorf("page 1 is a %s page; the style's cover is %v", lay.Pages[0].Kind, th.Pages.Cover)
	}
	if need := th.Pages.TailLines; need > 0 {
		// A part: an opener page and the pages up to the next one.
		for i := 0; i < len(lay.Pages); i++ {
			if !lay.Pages[i].Opener {
				continue
			}
			j := i
			for j+1 < len(lay.Pages) && !lay.Pages[j+1].Opener && lay.Pages[j+1].Kind == BodyPage {
				j++
			}
			if j == i || lay.Pages[i].Kind == ContentsPage {
				continue
			}
			n := 0
			for _, it := range lay.Pages[j].Items {
				switch it.Kind {
				case Line, QuoteLine, Heading, Question, Cell:
					if it.Text != "" {
						n++
					}
				}
			}
			if n < need {
				t.Errorf("the part that opens on page %d ends on page %d with %d lines (want at least %d)", lay.Pages[i].Number, lay.Pages[j].Number, n, need)
			}
		}
	}
	tinted := 0
	for _, pg := range lay.Pages {
		if len(pg.Items) > 0 && pg.Items[0].Fill && pg.Items[0].W == lay.PageWidth && pg.Kind != CoverPage {
			tinted++
		}
	}
	if want := th.Pages.Tint != nil; want != (tinted > 0) {
		t.Errorf("%d pages tinted; the style's tint is %v", tinted, th.Pages.Tint)
	}
}

// TestNoTint: --no-tint removes the dyslexia style's page tint and
// changes nothing else.
func TestNoTint(t *testing.T) {
	g := sampleGuide()
	_, tinted := buildStyle(t, g, "dyslexia", export.A4, false)
	_, plain := buildStyle(t, g, "dyslexia", export.A4, true)
	if len(tinted.Pages) != len(plain.Pages) {
		t.Fatalf("%d pages tinted, %d without", len(tinted.Pages), len(plain.Pages))
	}
	for i := range plain.Pages {
		a, b := tinted.Pages[i].Items, plain.Pages[i].Items
		if tinted.Pages[i].Kind != CoverPage {
			if len(a) == 0 || !a[0].Fill || a[0].W != tinted.PageWidth {
				t.Fatalf("page %d is not tinted", i+1)
			}
			a = a[1:]
		}
		if len(a) != len(b) {
			t.Fatalf("page %d: %d items tinted, %d without", i+1, len(a), len(b))
		}
		for k := range b {
			if b[k].Fill && b[k].W == plain.PageWidth && b[k].H == plain.PageHeight && plain.Pages[i].Kind != CoverPage {
				t.Errorf("page %d is tinted under --no-tint", i+1)
			}
		}
	}
}

// TestCompactPages: the compact handout prints the seed in at most 60% of
// the standard style's pages.
func TestCompactPages(t *testing.T) {
	g := seedOrSkip(t, true)
	for _, paper := range []export.Paper{export.A4, export.Letter} {
		_, std := buildStyle(t, g, "standard", paper, false)
		_, cmp := buildStyle(t, g, "compact", paper, false)
		t.Logf("%s: standard %d pages, compact %d", paper, len(std.Pages), len(cmp.Pages))
		if len(cmp.Pages)*10 > len(std.Pages)*6 {
			t.Errorf("%s: compact takes %d pages, standard %d: more than 60%%", paper, len(cmp.Pages), len(std.Pages))
		}
	}
}

// TestUnknownStyle: a style that does not exist is an error, not the
// standard style.
func TestUnknownStyle(t *testing.T) {
	if _, _, err := Build(sampleGuide(), export.Options{Style: "tiny"}); err == nil || !strings.Contains(err.Error(), "tiny") {
		t.Errorf("Build with style tiny: %v", err)
	}
}

// TestDisplayBreaks: display lines break by sense, contents runovers
// hang and never break at a hyphen.
func TestDisplayBreaks(t *testing.T) {
	g := sampleGuide()
	g.Title = "\"Never\" Let Me Go — A Study Guide"
	g.Sections[0].Title = "Saint-Denis, Montmartre and the Faubourg Saint-Germain: The Parisian Chapters of a Very Long Novel, Retold in Order"
	_, lay, _ := build(t, g, teacher)
	var title []string
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Title {
				title = append(title, strings.TrimSpace(it.Text))
			}
		}
	}
	if len(title) < 2 || !strings.HasSuffix(title[0], "–") {
		t.Errorf("title lines %q: want a break after the dash", title)
	}
	if got := strings.Join(title, " "); !strings.HasPrefix(got, "“Never”") {
		t.Errorf("title %q lacks typographic quotes", got)
	}
	var toc []Item
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Kind == TOCLine {
				toc = append(toc, it)
			}
		}
	}
	found := false
	for i := 1; i < len(toc); i++ {
		a, b := toc[i-1], toc[i]
		if a.Block != b.Block {
			continue
		}
		for k := i - 1; k >= 0 && toc[k].Block == b.Block; k-- {
			a.X = toc[k].X // the entry's first line
		}
		found = true
		if strings.HasSuffix(strings.TrimSpace(a.Text), "-") {
			t.Errorf("contents entry breaks at a hyphen: %q / %q", a.Text, b.Text)
		}
		if b.X <= a.X {
			t.Errorf("contents runover %q is not indented (x %.1f, first line %.1f)", b.Text, b.X, a.X)
		}
	}
	if !found {
		t.Error("no contents entry runs over a line")
	}
}

func hasContents(lay *Layout) bool {
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Kind == TOCLine {
				return true
			}
		}
	}
	return false
}
