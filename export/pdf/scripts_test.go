package pdf

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
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
	{"golestan-fa.md", // words with a ZWNJ must keep it (zwnjKept)
		[]string{"گلستان سعدی", "می\u200cگوید", "نقل\u200cقول\u200cهای مهم", "بنی\u200cآدم", "l’Empire des roses", "۶۵۶"},
		[]string{"NotoSansArabic"}},
}

// zwnjKept is s without white space and bidi controls, but with its
// zero-width non-joiners, which unmarked drops with the other format
// characters.
func zwnjKept(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r != '\u200c' && unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
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
// Arabic and emoji faces embedded (as subsets, with ToUnicode). Each is
// built a second time with a U+FFFD at its end (as a file with a byte
// that is not UTF-8 gets): a glyph's CID is its character's code point
// if it stands for one, and numbers above U+FFFD run out at once, so
// the shaped glyphs' CIDs must come from below it (the build failed with
// "more than 65,535 glyph and text pairs" before).
func TestScriptsPrint(t *testing.T) {
	root := filepath.Join(checkers.RepoRoot(), "testdata", "guides")
	for _, fx := range scriptFixtures {
		for _, tail := range []string{"", "\n\nA character that was not UTF-8: \uFFFD\n"} {
			name := fx.file
			if tail != "" {
				name += "+FFFD"
			}
			t.Run(name, func(t *testing.T) { scriptsPrint(t, root, fx.file, tail, fx.words, fx.faces) })
		}
	}
}

func scriptsPrint(t *testing.T, root, file, tail string, wantWords, faces []string) {
	src, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	g := loadText(t, file, string(src)+tail)
	out, _, diags := build(t, g, export.Options{})
	for _, d := range diags {
		if strings.Contains(d.Message, "cannot be printed") || strings.Contains(d.Message, "no embedded font") {
			t.Errorf("diagnostic: %s", d.Message)
		}
	}
	p := write(t, strings.TrimSuffix(file, filepath.Ext(file)), out)
	all := ""
	for _, page := range pagesText(t, p)[1:] {
		if strings.ContainsRune(page, layout.Replacement) {
			t.Errorf("a page still shows %q:\n%s", layout.Replacement, page)
		}
		all += page
	}
	text := unmarked(all)
	for _, w := range wantWords {
		if !strings.Contains(text, unmarked(w)) {
			t.Errorf("pdftotext does not give %q in logical order", w)
		}
		if strings.ContainsRune(w, '\u200c') && !strings.Contains(zwnjKept(all), zwnjKept(w)) {
			t.Errorf("pdftotext gives %q without its zero-width non-joiner", w)
		}
	}
	words := rtlWords(string(src))
	if len(words) < 20 {
		t.Fatalf("only %d Hebrew and Arabic words in %s", len(words), file)
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
	for _, f := range faces {
		// name, type, encoding, then emb sub uni, object ID
		line := regexp.MustCompile(`(?mi)^\S*` + f + `\S*\s.*\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$`).FindString(fonts)
		if line == "" {
			t.Errorf("pdffonts: %s not embedded with ToUnicode:\n%s", f, fonts)
		}
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

// rtlGuide has right-to-left paragraphs of every kind place mirrors:
// a heading, running text, a bulleted and a numbered list, a quotation,
// and a left-to-right paragraph with a Hebrew phrase in it.
const rtlGuide = `# מגילת רות — מדריך

By Test Author

## פרק ראשון

רות היא מואביה שבחרה בעמה של נעמי. היא הולכת אחריה לבית לחם, ושם היא פוגשת את בעז, קרוב משפחה עשיר, שמגן עליה ועל חמותה. הסיפור נקרא בחג השבועות.

- נעמי חוזרת לבית לחם עם רות כלתה אחרי שמתו בעלה ושני בניה במואב, בימי הרעב הגדול בארץ יהודה.
- رُوث تلتقط السنابل في حقل بوعز.

1. פרק א: מואב
2. פרק ב: הקציר

> כִּי אֶל־אֲשֶׁר תֵּלְכִי אֵלֵךְ וּבַאֲשֶׁר תָּלִינִי אָלִין עַמֵּךְ עַמִּי וֵאלֹהַיִךְ אֱלֹהָי, כך אמרה רות לנעמי בדרך.

An English paragraph with a Hebrew phrase רות ונעמי in it, which stays left-aligned however long it runs on the page.
`

// rtlText reports whether s's first letter is Hebrew or Arabic: the
// direction of the paragraph s begins (UAX #9 rule P2).
func rtlText(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.In(r, unicode.Hebrew, unicode.Arabic)
		}
	}
	return false
}

// TestRTLAlignment: a paragraph set right to left is set flush right,
// its list indent and label on the right; its callouts mirrored (rule and
// mark on the right, right-to-left lines ending at the indent that holds
// them); left-to-right lines stay flush left, in the same document.
func TestRTLAlignment(t *testing.T) {
	guide := loadText(t, "rtl.md", rtlGuide)
	_, lay, _ := build(t, guide, export.Options{})
	th := mustTheme(t)
	const eps = 0.05
	type blockDir struct{ rtl, seen bool }
	dirs := map[int]*blockDir{}
	var rtlLines, ltrLines, labels, quotes, boxes, marks int
	for _, pg := range lay.Pages {
		if pg.Kind != BodyPage {
			continue
		}
		left := lay.TextLeft(pg.Number)
		right := left + lay.TextWidth
		var lines []Item
		listed := map[int]bool{} // blocks that are list items
		for _, it := range pg.Items {
			if it.Kind != Label {
				continue
			}
			for _, l := range pg.Items {
				if l.Kind == Line && math.Abs(l.Y-it.Y) < eps {
					listed[int(l.Block)] = true
				}
			}
		}
		for _, it := range pg.Items {
			if it.Kind == Line || it.Kind == Heading || it.Kind == QuoteLine {
				lines = append(lines, it)
				d := dirs[int(it.Block)]
				if d == nil {
					d = &blockDir{rtl: rtlText(it.Text)}
					dirs[int(it.Block)] = d
				}
				if strings.HasPrefix(it.Text, "—") {
					continue // an attribution: flush right in either direction
				}
				end := it.X + it.W
				switch {
				case it.Kind == QuoteLine && d.rtl:
					// The guide is right to left, so its callouts are
					// mirrored: the rule and mark stand on the right, in
					// the indent before which the lines end.
					quotes++
					if math.Abs(end-(right-th.Callout.Indent)) > eps {
						t.Errorf("right-to-left quotation line %q ends at %.2f, not at the box's indent %.2f", it.Text, end, right-th.Callout.Indent)
					}
				case d.rtl:
					rtlLines++
					if end > right+eps || it.X < left-eps {
						t.Errorf("line %q leaves the text block", it.Text)
					}
					switch {
					case listed[int(it.Block)] && end > right-1:
						t.Errorf("right-to-left list item %q ends at %.2f, its indent not on the right of %.2f", it.Text, end, right)
					case !listed[int(it.Block)] && math.Abs(end-right) > eps:
						t.Errorf("right-to-left line %q ends at %.2f, not flush right at %.2f", it.Text, end, right)
					}
				case it.Kind == Line:
					ltrLines++
					if math.Abs(it.X-left) > eps {
						t.Errorf("left-to-right line %q starts at %.2f, not flush left at %.2f", it.Text, it.X, left)
					}
				}
			}
		}
		// A callout's rule is on the box's right edge, its mark on the
		// right and mirrored.
		for _, box := range pg.Items {
			if box.Kind != Callout {
				continue
			}
			boxes++
			for _, it := range pg.Items {
				if it.Kind != Rule || it.Y < box.Y-eps || it.Y > box.Y+box.H {
					continue
				}
				switch {
				case it.Mark:
					marks++
					if it.X < box.X+box.W/2 || !it.RTL {
						t.Errorf("the quotation mark of a right-to-left guide's callout is at %.2f (box %.2f–%.2f, mirrored %v), not mirrored on its right", it.X, box.X, box.X+box.W, it.RTL)
					}
				case math.Abs(it.W-th.Callout.RuleWidth) < eps && math.Abs(it.H-box.H) < eps:
					if math.Abs(it.X+it.W-(box.X+box.W)) > eps {
						t.Errorf("the rule of a right-to-left guide's callout is at %.2f–%.2f, not on the box's right edge %.2f", it.X, it.X+it.W, box.X+box.W)
					}
				}
			}
		}
		// A label hangs after its item's first line: on the right of a
		// right-to-left one, with its indent between the label and the
		// text block's edge.
		for _, it := range pg.Items {
			if it.Kind != Label {
				continue
			}
			for _, l := range lines {
				if math.Abs(l.Y-it.Y) > eps || l.Kind != Line {
					continue
				}
				labels++
				if dirs[int(l.Block)].rtl {
					if it.X < l.X+l.W || it.X+it.W > right+eps {
						t.Errorf("label %q of right-to-left item %q is not on its right (label %.2f–%.2f, line %.2f–%.2f)", it.Text, l.Text, it.X, it.X+it.W, l.X, l.X+l.W)
					}
				} else if it.X+it.W > l.X {
					t.Errorf("label %q of left-to-right item %q is not on its left", it.Text, l.Text)
				}
			}
		}
	}
	if rtlLines < 6 || ltrLines < 2 || labels < 4 || quotes < 1 || boxes < 1 || marks < 1 {
		t.Errorf("too little checked: %d right-to-left lines, %d left-to-right, %d labels, %d quotation lines, %d callouts, %d marks", rtlLines, ltrLines, labels, quotes, boxes, marks)
	}
}
