package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/pdfobj"
)

// shapedGuide is a guide whose text needs the shaper: Literata's
// ligatures, kerning pairs in the body and heading faces, Hebrew and
// Arabic words in English sentences, an Arabic sentence, an emoji.
const shapedGuide = `# Shaping — A Study Guide

By Test Author

An office of affluent fjords: the first flat field, AVATAR, To Wave.

## Scripts 🌾

Ruth is רוּת in Hebrew and راعوث in Arabic, read right to left.

كليلة ودمنة كتاب ابن المقفع.

Naomi (נעמי) and Ruth (רות) go to Bethlehem.
`

func buildShaped(t *testing.T) (string, []string) {
	t.Helper()
	g := loadText(t, "shaped.md", shapedGuide)
	out, _, diags := build(t, g, export.Options{})
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Message)
	}
	return write(t, "shaped", out), msgs
}

// TestShapedReadBack: a shaped PDF gives its text back in logical order
// (ligatures through ToUnicode, right-to-left words reordered by the
// reader), every font is embedded with a ToUnicode map, kerning is drawn
// as TJ adjustments, and no character is reported unprintable.
func TestShapedReadBack(t *testing.T) {
	p, diags := buildShaped(t)
	for _, d := range diags {
		if strings.Contains(d, "cannot be printed") || strings.Contains(d, "left out") {
			t.Errorf("diagnostic: %s", d)
		}
	}
	all := strings.Join(pagesText(t, p), "\n")
	if strings.ContainsRune(all, layout.Replacement) {
		t.Errorf("a page shows %q:\n%s", layout.Replacement, all)
	}
	text := unmarked(all)
	for _, w := range []string{
		"An office of affluent fjords: the first flat field, AVATAR, To Wave.",
		"Ruth is רוּת in Hebrew and راعوث in Arabic",
		"كليلة ودمنة",
		"ابن المقفع",
		// Not "(נעמי)": the parentheses, neutral between English and
		// Hebrew, are drawn on the English side of the word (UAX #9),
		// and pdftotext gives them as "( )נעמי".
		"נעמי",
		"רות",
		"Scripts 🌾",
	} {
		if !strings.Contains(text, unmarked(w)) {
			t.Errorf("pdftotext does not give %q in logical order:\n%s", w, all)
		}
	}
	fonts := runTool(t, "pdffonts", p)
	for _, f := range []string{"literata", "atkinson", "notosanshebrew", "notosansarabic", "notoemoji"} {
		// name, type, encoding, then emb sub uni, object ID
		if !regexp.MustCompile(`(?mi)^\S*` + f + `\S*\s.*\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$`).MatchString(fonts) {
			t.Errorf("pdffonts: %s not embedded with ToUnicode:\n%s", f, fonts)
		}
	}
	q := filepath.Join(t.TempDir(), "q.pdf")
	runTool(t, "qpdf", "--qdf", "--object-streams=disable", p, q)
	raw, err := os.ReadFile(q)
	if err != nil {
		t.Fatal(err)
	}
	// Kerning: TJ arrays with adjustments.
	if !regexp.MustCompile(`[>)]-?\d+[<(]`).Match(raw) || !strings.Contains(string(raw), "]TJ") {
		t.Errorf("no kerning adjustments (TJ) in the content streams")
	}
	// Literata's fi ligature: one CID whose ToUnicode entry is "fi".
	if !strings.Contains(string(raw), "<00660069>") {
		t.Errorf("no ToUnicode entry gives a glyph as \"fi\"")
	}
}

// TestSeedPages: shaping changes the seed's page count by at most one
// (31 pages before it: kerning and ligatures narrow lines slightly), and
// its PDF stays within 100 KB.
func TestSeedPages(t *testing.T) {
	d := checkers.SharedDir()
	if d == "" || !fileExists(filepath.Join(d, "seed", "never-let-me-go.txt")) {
		t.Skip("no seed guide (../shared)")
	}
	g := loadFile(t, filepath.Join(d, "seed", "never-let-me-go.txt"))
	out, lay, _ := build(t, g, export.Options{})
	if n := len(lay.Pages); n < 30 || n > 32 {
		t.Errorf("seed: %d pages, want 31 ± 1", n)
	}
	if len(out) > 100_000 {
		t.Errorf("seed PDF is %d bytes, over 100 KB", len(out))
	}
}

// TestMarksRaised: a mark the shaper moves up or down onto its letter
// (a fatha over an alef, which would sit in the alef's top otherwise) is
// drawn with a text rise, set back to 0 after it.
func TestMarksRaised(t *testing.T) {
	guide := loadText(t, "marks.md", "# Marks\n\nBy Test Author\n\n## Arabic\n\nحَيْثُمَا ذَهَبْتِ أَذْهَبُ وَحَيْثُمَا بِتِّ أَبِيتُ.\n")
	out, _, _ := build(t, guide, export.Options{})
	f, err := pdfobj.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := f.Pages()
	if err != nil {
		t.Fatal(err)
	}
	rises := regexp.MustCompile(`\] TJ (-?[0-9.]+) Ts \[`)
	up, reset := 0, 0
	for _, pg := range pages {
		c, err := f.Contents(pg)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range rises.FindAllSubmatch(c, -1) {
			switch v := string(m[1]); {
			case v == "0":
				reset++
			case !strings.HasPrefix(v, "-"):
				up++
			}
		}
	}
	if up == 0 || reset == 0 {
		t.Errorf("%d marks raised, %d rises set back: want both", up, reset)
	}
}
