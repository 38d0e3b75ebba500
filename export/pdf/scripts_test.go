package pdf

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
	"golang.org/x/text/unicode/norm"
)

// scriptFixtures are the right-to-left fixtures: for each, words that
// pdftotext must give back in logical (typed) order, and the faces that
// must be embedded to draw them.
var scriptFixtures = []struct {
	file  string
	words []string
	faces []string
}{
	{"kalila-wa-dimna-ar.md",
		[]string{"كليلة ودمنة", "ابن المقفع", "باب الحمامة المطوّقة", "משלי כלילה ודמנה", "Panchatantra", "1270",
			"إلى العربية", "اللاتينية"}, // lam-alef and lam-alef-maksura ligatures
		[]string{"NotoSansArabic", "NotoSansHebrew", "NotoEmoji"}},
	{"book-of-ruth.txt",
		[]string{"Ruth is רוּת in Hebrew and راعوث in Arabic", "עַמֵּךְ עַמִּי", "شَعْبُكِ شَعْبِي", "Naomi (נָעֳמִי, “pleasant”)", "Part One: Moab 🌾"},
		[]string{"NotoSansHebrew", "NotoSansArabic", "NotoEmoji"}},
}

// unmarked drops combining marks, format characters and all white space:
// pdftotext may give a base letter's marks in another order, it wraps
// right-to-left runs in bidi embedding controls (U+202B … U+202C), and
// lines break anywhere.
func unmarked(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || unicode.IsSpace(r) || r == '\ufe0f' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me) }

// squashFormat is s in NFC without format characters (bidi controls)
// and white space.
func squashFormat(s string) string {
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

// rtlWords are the Hebrew and Arabic words of a source file (letters
// and marks of those scripts, NFC as the PDF sets them), each once, in
// order of first appearance.
func rtlWords(src string) []string {
	in := func(r rune) bool {
		return (unicode.Is(unicode.Hebrew, r) || unicode.Is(unicode.Arabic, r)) && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
	}
	var words []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(norm.NFC.String(src), func(r rune) bool { return !in(r) }) {
		if !seen[w] && strings.ContainsFunc(w, unicode.IsLetter) {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// TestScriptsPrint builds the right-to-left fixtures and reads the PDF
// back: no character is reported unprintable, pdftotext gives every
// Hebrew and Arabic word of the source, and the phrases of
// scriptFixtures, in the order they were typed (lam-alef ligatures and
// pointed words included: withCarriers), and pdffonts lists the Hebrew,
// Arabic and emoji faces embedded (as subsets, with ToUnicode).
func TestScriptsPrint(t *testing.T) {
	root := filepath.Join(checkers.RepoRoot(), "testdata", "guides")
	for _, fx := range scriptFixtures {
		t.Run(fx.file, func(t *testing.T) {
			g := loadFile(t, filepath.Join(root, fx.file))
			out, _, diags := build(t, g, export.Options{})
			for _, d := range diags {
				if strings.Contains(d.Message, "cannot be printed") || strings.Contains(d.Message, "no embedded font") {
					t.Errorf("diagnostic: %s", d.Message)
				}
			}
			p := write(t, strings.TrimSuffix(fx.file, filepath.Ext(fx.file)), out)
			all := ""
			for _, page := range pagesText(t, p)[1:] {
				if strings.ContainsRune(page, replacement) {
					t.Errorf("a page still shows %q:\n%s", replacement, page)
				}
				all += page
			}
			text := unmarked(all)
			for _, w := range fx.words {
				if !strings.Contains(text, unmarked(w)) {
					t.Errorf("pdftotext does not give %q in logical order", w)
				}
			}
			src, err := os.ReadFile(filepath.Join(root, fx.file))
			if err != nil {
				t.Fatal(err)
			}
			words := rtlWords(string(src))
			if len(words) < 20 {
				t.Fatalf("only %d Hebrew and Arabic words in %s", len(words), fx.file)
			}
			pointed := squashFormat(all)
			for _, w := range words {
				if !strings.Contains(text, unmarked(w)) {
					t.Errorf("pdftotext does not give the word %q (%q) in logical order", w, unmarked(w))
				}
				// Marks too, each after its letter, but for a word's last
				// letter's: poppler's bidi takes a period for a digit and
				// sets a mark between it and the letter with the period.
				if p := strings.TrimRightFunc(w, isMark); !strings.Contains(pointed, p) {
					t.Errorf("pdftotext does not give the pointed word %q with its marks in place", p)
				}
			}
			fonts := runTool(t, "pdffonts", p)
			for _, f := range fx.faces {
				// name, type, encoding, then emb sub uni, object ID
				line := regexp.MustCompile(`(?mi)^\S*` + f + `\S*\s.*\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$`).FindString(fonts)
				if line == "" {
					t.Errorf("pdffonts: %s not embedded with ToUnicode:\n%s", f, fonts)
				}
			}
		})
	}
}

// TestScriptsDeterministic: the right-to-left fixtures build to the same
// bytes twice, concurrently (the shaper's caches are shared).
func TestScriptsDeterministic(t *testing.T) {
	root := filepath.Join(checkers.RepoRoot(), "testdata", "guides")
	for _, fx := range scriptFixtures {
		g := loadFile(t, filepath.Join(root, fx.file))
		outs := make(chan []byte, 2)
		for range 2 {
			go func() {
				out, _, _, err := BuildWithLayout(g, export.Options{Modified: fixed})
				if err != nil {
					t.Error(err)
				}
				outs <- out
			}()
		}
		if a, b := <-outs, <-outs; string(a) != string(b) {
			t.Errorf("%s: two builds differ", fx.file)
		}
	}
}
