package pdf

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/internal/checkers"
	"golang.org/x/text/unicode/norm"
)

// devaWord is a Devanagari word, with its danda-free letters and signs,
// and a hyphenated compound (बाप-बेटा) as one.
var devaWord = regexp.MustCompile(`[\x{0900}-\x{0963}\x{0966}-\x{097F}]+(?:-[\x{0900}-\x{0963}\x{0966}-\x{097F}]+)*`)

// TestDevanagariPrints builds the Hindi fixture (an original guide to
// Premchand's stories: conjuncts, the i-sign drawn before its consonant,
// reph, nukta, candrabindu, Devanagari digits, the danda) and reads it
// back page by page with pdftotext: every Devanagari word of the guide
// as read comes back as typed, and pdftotext finds no Devanagari word
// the guide does not have (a word cut in two where a vowel sign set back
// under or over its consonant ended its box before the next letter:
// "दे ने", "कु त्ते"; or a cluster's text put apart by /ActualText: "क़र्ज़"
// on a line of its own). No character is reported unprintable, no glyph
// drawn is .notdef, both weights are embedded with a ToUnicode map, and
// the PDF/UA checker, qpdf and MuPDF read it cleanly.
func TestDevanagariPrints(t *testing.T) {
	g := loadFile(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "premchand-kahaniyan-hi.md"))
	out, lay, diags := build(t, g, export.Options{})
	for _, d := range diags {
		if strings.Contains(d.Message, "cannot be printed") || strings.Contains(d.Message, "no embedded font") {
			t.Errorf("diagnostic: %s", d.Message)
		}
	}
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			for _, r := range it.Runs {
				for _, gl := range r.Glyphs {
					if gl.GID == 0 {
						t.Errorf("page %d: .notdef drawn in %s for %q", pg.Number, r.Face, r.Text)
					}
				}
			}
		}
	}
	model, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, w := range devaWord.FindAllString(norm.NFC.String(string(model)), -1) {
		want[w] = true
	}
	if len(want) < 200 {
		t.Fatalf("only %d Devanagari words in the fixture", len(want))
	}
	p := write(t, "premchand-kahaniyan-hi", out)
	got := map[string]bool{}
	for n, page := range pagesText(t, p) {
		if n == 0 {
			continue
		}
		if strings.ContainsRune(page, layout.Replacement) {
			t.Errorf("page %d shows %q:\n%s", n, layout.Replacement, page)
		}
		for _, w := range devaWord.FindAllString(page, -1) {
			got[w] = true
			// pdftotext joins a compound hyphenated at a line's end
			// (घटते-घटते read as घटतेघटते); a word of the guide's, not
			// a piece of one.
			if !want[w] && !joined(want, w) {
				t.Errorf("page %d: pdftotext gives %q, which the guide does not have (a word cut apart?)", n, w)
			}
		}
	}
	for w := range want {
		if !got[w] && !got[strings.ReplaceAll(w, "-", "")] {
			t.Errorf("pdftotext does not give %q", w)
		}
	}
	fonts := runTool(t, "pdffonts", p)
	for _, f := range []string{"notosansdevanagari", "notosansdevanagariB"} {
		if !regexp.MustCompile(`(?m)^\S*` + f + `\s.*\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$`).MatchString(fonts) {
			t.Errorf("pdffonts: %s not embedded with ToUnicode:\n%s", f, fonts)
		}
	}
	checkClean(t, "premchand-kahaniyan-hi", out)
	// MuPDF draws every page without a complaint (a glyph it cannot find,
	// a broken font); a MuPDF built without colour management says so,
	// which is not about this file.
	msg := runTool(t, "mutool", "draw", "-q", "-o", filepath.Join(t.TempDir(), "p%d.png"), "-r", "50", p)
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		if l != "" && !strings.Contains(l, "ICC support is not available") {
			t.Errorf("mutool draw: %s", l)
		}
	}
}

// joined reports whether w is a hyphenated compound of want written
// without its hyphen.
func joined(want map[string]bool, w string) bool {
	for k := range want {
		if strings.Contains(k, "-") && strings.ReplaceAll(k, "-", "") == w {
			return true
		}
	}
	return false
}
