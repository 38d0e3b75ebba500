package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/templates/labels"
	"github.com/guidepress/guidepress/typeset"
)

// check-pdf.sh requires Title and Author in the Info dictionary unless
// --no-meta is given. A guidepress PDF has an Author only when the user
// names the guide's author (the novelist did not write the guide), so the
// structural check builds with Author set, the way a teacher or library
// would, and TestMetadata proves the no-author case separately.
var teacher = export.Options{Author: "Ms A. Teacher", Publisher: "Hillside School Library"}

func TestCheckPDF(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			out, _, _ := build(t, f.g, teacher)
			path := write(t, f.name, out)
			checkers.MustPass(t, "check-pdf.sh", "--min-pages", "4", "--expect-text", labels.For(f.g.Language).Contents, path)
		})
	}
	t.Run("no-author", func(t *testing.T) {
		out, _, _ := build(t, sampleGuide(), export.Options{})
		checkers.MustPass(t, "check-pdf.sh", "--no-meta", write(t, "no-author", out))
	})
}

// TestTOCPages proves the printed contents: every entry's number is the
// page its heading is on, the footer of that page prints the same number,
// and pdftotext of that page finds the heading there.
func TestTOCPages(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			out, lay, _ := build(t, f.g, teacher)
			path := write(t, f.name, out)
			pages := map[int]string{} // pdftotext -f N -l N, once per page
			if len(lay.TOC) == 0 {
				t.Fatal("no contents entries")
			}
			printed := map[int]string{} // dest → number printed in the contents
			for _, pg := range lay.Pages {
				for _, it := range pg.Items {
					if it.Kind == TOCNumber {
						printed[int(it.Target)] = it.Text
					}
				}
			}
			for _, e := range lay.TOC {
				if got := printed[e.Dest]; got != fmt.Sprint(e.Page) {
					t.Errorf("%q: contents print %q, entry says %d", e.Title, got, e.Page)
				}
				pg := lay.Pages[e.Page-1]
				found := false
				for _, it := range pg.Items {
					if int(it.Dest) == e.Dest && it.Kind == Heading {
						found = true
					}
					if it.Kind == Footer && it.Text != fmt.Sprint(e.Page) {
						t.Errorf("page %d prints %q in its footer", e.Page, it.Text)
					}
				}
				if !found {
					t.Errorf("%q: heading is not on page %d of the layout", e.Title, e.Page)
				}
				txt, ok := pages[e.Page]
				if !ok {
					txt = pageText(t, path, e.Page)
					pages[e.Page] = txt
				}
				// squashFormat: pdftotext wraps right-to-left runs and the
				// digits and punctuation inside them in bidi controls.
				if !strings.Contains(squashFormat(txt), squashFormat(e.Title)) {
					t.Errorf("%q: not in pdftotext of page %d:\n%s", e.Title, e.Page, txt)
				}
			}
		})
	}
}

// flowKinds are the items the flow places (not furniture or decoration).
var flowKinds = map[ItemKind]bool{Heading: true, Line: true, Question: true, QuoteLine: true, TOCLine: true, Display: true}

// checkLayout proves the keep-together rules and that nothing leaves the
// text block.
func checkLayout(t *testing.T, lay *Layout) {
	t.Helper()
	th := mustTheme(t)
	const eps = 0.05
	type share struct{ pages, lines []int }
	blocks := map[int]*share{}
	for pi, pg := range lay.Pages {
		if pg.Kind == BlankPage && len(pg.Items) > 0 {
			t.Errorf("blank page %d has %d items", pg.Number, len(pg.Items))
		}
		left, right := lay.TextLeft(pg.Number), lay.TextLeft(pg.Number)+lay.TextWidth
		var last *Item
		for i := range pg.Items {
			it := &pg.Items[i]
			if pg.Kind == CoverPage {
				if it.X < -eps || it.X+it.W > lay.PageWidth+eps || it.Y+it.H > lay.PageHeight+eps {
					t.Errorf("cover item %q overflows the page", it.Text)
				}
				continue
			}
			if !flowKinds[it.Kind] && it.Kind != Callout {
				continue
			}
			if it.X < left-eps || it.X+it.W > right+eps {
				t.Errorf("page %d: %s %q spans x %.1f–%.1f outside the text block %.1f–%.1f", pg.Number, it.Kind, trim(it.Text), it.X, it.X+it.W, left, right)
			}
			if it.Y < lay.TextTop-eps || it.Y+it.H > lay.TextBottom+eps {
				t.Errorf("page %d: %s %q spans y %.1f–%.1f outside the text block", pg.Number, it.Kind, trim(it.Text), it.Y, it.Y+it.H)
			}
			if it.Kind == Callout && it.Line == 0 {
				lh := th.Callout.Size * th.Callout.Leading * 25.4 / 72
				need := float64(min(2, it.Lines))*lh + 2*th.Callout.PaddingY
				if room := lay.TextBottom - it.Y; room+eps < need || (it.Lines >= 2 && room+eps < 2*lh+2*th.Callout.PaddingY) {
					t.Errorf("page %d: a callout starts with %.1f mm of room, less than two lines", pg.Number, room)
				}
			}
			if it.Kind == Callout && it.Line > 0 && it.Lines <= 6 {
				t.Errorf("page %d: a callout of %d lines is split (%d on the page before)", pg.Number, it.Lines, it.Line)
			}
			if it.Kind == Callout {
				continue
			}
			last = it
			if it.Block >= 0 && it.Kind != Display {
				s := blocks[int(it.Block)]
				if s == nil {
					s = &share{}
					blocks[int(it.Block)] = s
				}
				if n := len(s.pages); n == 0 || s.pages[n-1] != pg.Number {
					s.pages = append(s.pages, pg.Number)
					s.lines = append(s.lines, 0)
				}
				s.lines[len(s.lines)-1]++
			}
		}
		if last != nil && (last.Kind == Heading || last.Kind == Question) {
			// An empty section (a heading with nothing under it) may end
			// its page: nothing follows it in its own part.
			nextSame := pi+1 < len(lay.Pages) && lay.Pages[pi+1].Chapter == pg.Chapter && lay.Pages[pi+1].Kind != BlankPage
			if nextSame {
				t.Errorf("page %d ends with the %s %q", pg.Number, last.Kind, trim(last.Text))
			}
		}
	}
	for id, s := range blocks {
		if len(s.pages) < 2 {
			continue
		}
		for i, n := range s.lines {
			if n < 2 {
				t.Errorf("block %d is split %v over pages %v: a single line is left alone on page %d", id, s.lines, s.pages, s.pages[i])
			}
		}
	}
}

func trim(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func TestKeepTogether(t *testing.T) {
	configs := []export.Options{
		{Paper: export.A4}, {Paper: export.Letter},
		{Paper: export.A4, Duplex: true}, {Paper: export.Letter, Duplex: true},
	}
	for _, f := range fixtures(t) {
		for _, o := range configs {
			t.Run(fmt.Sprintf("%s/%s/duplex=%v", f.name, o.Paper, o.Duplex), func(t *testing.T) {
				_, lay, _ := build(t, f.g, o)
				checkLayout(t, lay)
			})
		}
	}
}

// TestTextInOrder finds every highlighted quote, block quote and FAQ
// question of the model in the extracted text, in the model's order.
func TestTextInOrder(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			out, lay, diags := build(t, f.g, teacher)
			if f.printable && len(diags) > 0 {
				t.Fatalf("printable fixture has diagnostics: %v", diags)
			}
			// Without hyphens: pdftotext joins a word hyphenated at a
			// line's end and drops the hyphen (घटते-घटते read as
			// घटतेघटते).
			text := unhyphen(squash(bodyText(t, write(t, f.name, out), lay)))
			var want []string
			for _, q := range f.g.Quotes {
				want = append(want, q.Text.Plain())
			}
			var walk func([]content.Section)
			walk = func(ss []content.Section) {
				for _, s := range ss {
					for _, b := range s.Blocks {
						if b.Kind == content.BlockQuote {
							want = append(want, b.Text.Plain())
						}
					}
					walk(s.Subsections)
				}
			}
			walk(f.g.Sections)
			for _, e := range f.g.FAQ {
				want = append(want, e.Question)
			}
			if len(want) == 0 {
				t.Fatal("fixture has nothing to look for")
			}
			at := 0
			for _, w := range want {
				if !printable(w) || rightToLeft(w) {
					// Shown with replacements, or read back by pdftotext
					// in its own order around right-to-left words:
					// TestTricky and TestShapedReadBack check those.
					continue
				}
				sw := unhyphen(squash(set(w)))
				i := strings.Index(text[at:], sw)
				if i < 0 {
					t.Errorf("not found (in order) in the extracted text: %q", trim(w))
					continue
				}
				at += i + len(sw)
			}
		})
	}
}

func unhyphen(s string) string { return strings.ReplaceAll(s, "-", "") }

// TestTricky: markup characters, emoji, right-to-left text, a long word
// and a long line come out right, and every character that cannot be
// printed is reported.
func TestTricky(t *testing.T) {
	g := trickyGuide()
	out, lay, diags := build(t, g, teacher)
	path := write(t, "tricky", out)
	all := runTool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	// Displayed titles have typographic quotes; the metadata keeps the
	// title as typed (below).
	for _, s := range []string{`The <Glass> & “Iron” Garden`, `<script>alert("x")</script>`, "softhyphen", "⏱ ★ ✓ →", "Пушкин", "ξεῖν", "Ελληνικά & Кириллица <b>", strings.Repeat("x", 200), "é composed"} {
		if !strings.Contains(squash(all), squash(s)) {
			t.Errorf("extracted text lacks %q", s)
		}
	}
	if strings.ContainsRune(all, '\uFFFD') || strings.ContainsRune(all, '\u00AD') {
		t.Error("extracted text has U+FFFD or a soft hyphen")
	}
	info := pdfinfo(t, path)
	if info["Title"] != g.Title {
		t.Errorf("Title = %q, want %q", info["Title"], g.Title)
	}
	msgs := ""
	for _, d := range diags {
		if d.Severity != content.Warning {
			t.Errorf("diagnostic is not a warning: %+v", d)
		}
		msgs += d.Message + "\n"
	}
	// Emoji, Hebrew and Arabic print (Noto Emoji, Noto Sans Hebrew and
	// Arabic, through the shaper); Tibetan and private-use characters
	// do not, and are reported.
	for _, s := range []string{"Tibetan", "in Key Quotes", "U+0F56 TIBETAN LETTER BA", "U+E000", "U+E001 (in an emoji sequence)"} {
		if !strings.Contains(msgs, s) {
			t.Errorf("diagnostics do not mention %q:\n%s", s, msgs)
		}
	}
	for _, s := range []string{"BOOKS", "GRINNING", "Hebrew", "Arabic", "U+1F389", "WOMAN"} {
		if strings.Contains(msgs, s) {
			t.Errorf("diagnostics mention %q, which prints:\n%s", s, msgs)
		}
	}
	for _, s := range []string{"📚", "😀", "🎉", "שלום עולם", "مرحبا بالعالم"} {
		if !strings.Contains(unmarked(all), unmarked(s)) {
			t.Errorf("extracted text lacks %q", s)
		}
	}
	// One replacement per sequence: the two private-use characters joined
	// by U+200D are one □.
	if !strings.Contains(all, "□ and □ are beyond") {
		t.Errorf("a joined sequence not folded into one replacement:\n%s", all)
	}
	// The emoji stays in the outline (bookmarks are shown in the viewer's
	// own fonts) thanks to the surrogate pairs.
	if ol := runTool(t, "qpdf", "--json", "--json-key=outlines", path); !strings.Contains(ol, "Emoji 🎉 in a heading") {
		t.Errorf("outline lacks the emoji heading:\n%s", ol)
	}
	checkLayout(t, lay)
}

// rightToLeft reports whether s holds a Hebrew or Arabic letter.
func rightToLeft(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hebrew, unicode.Arabic) {
			return true
		}
	}
	return false
}

// printable reports whether every character of s is drawn as itself.
func printable(s string) bool {
	for _, r := range layout.Clean(s) {
		if _, ok := typeset.Pick(fonts.Literata, fonts.Regular, r); !ok && r != ' ' && r != '\u00A0' {
			return false
		}
	}
	return true
}

func TestPaper(t *testing.T) {
	for _, c := range []struct {
		paper export.Paper
		w, h  float64 // points
	}{{export.A4, 595.28, 841.89}, {export.Letter, 612, 792}, {"", 595.28, 841.89}, {"Letter", 612, 792}} {
		out, lay, _ := build(t, sampleGuide(), export.Options{Paper: c.paper})
		path := write(t, "paper", out)
		info := pdfinfo(t, path, "-f", "1", "-l", fmt.Sprint(len(lay.Pages)))
		for n := 1; n <= len(lay.Pages); n++ {
			var w, h float64
			fmt.Sscanf(info[fmt.Sprintf("Page %4d size", n)], "%g x %g", &w, &h)
			if math.Abs(w-c.w) > 0.5 || math.Abs(h-c.h) > 0.5 {
				t.Errorf("%q page %d is %gx%g pt, want %gx%g", c.paper, n, w, h, c.w, c.h)
			}
		}
	}
	if _, _, err := Build(sampleGuide(), export.Options{Paper: "a5"}); err == nil {
		t.Error("unknown paper accepted")
	}
}

// TestDuplex: every part starts on a right-hand (odd) page, inserted
// blanks are clean, margins mirror.
func TestDuplex(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			o := teacher
			o.Duplex, o.Paper = true, export.Letter
			out, lay, _ := build(t, f.g, o)
			path := write(t, f.name, out)
			checkers.MustPass(t, "check-pdf.sh", path)
			pages := pagesText(t, path)
			starts := 0
			prev := "-"
			for _, pg := range lay.Pages {
				first := pg.Chapter != prev || pg.Kind == TitlePage || pg.Kind == CoverPage
				if pg.Kind != BlankPage {
					prev = pg.Chapter
				}
				if pg.Kind == BlankPage {
					if pg.Number%2 != 0 {
						t.Errorf("blank page %d is a recto", pg.Number)
					}
					if txt := strings.TrimSpace(pages[pg.Number]); txt != "" {
						t.Errorf("blank page %d has text %q", pg.Number, txt)
					}
					continue
				}
				if first && pg.Kind != BlankPage {
					starts++
					if pg.Number%2 != 1 {
						t.Errorf("%q starts on page %d, a verso", pg.Chapter, pg.Number)
					}
				}
			}
			if starts < 4 {
				t.Errorf("only %d parts found", starts)
			}
			if lay.TextLeft(1) == lay.TextLeft(2) {
				t.Error("duplex margins do not mirror")
			}
			_, simplex, _ := build(t, f.g, export.Options{Paper: export.Letter})
			if simplex.TextLeft(1) != simplex.TextLeft(2) {
				t.Error("simplex margins move between pages")
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	g := sampleGuide()
	a, _, _ := build(t, g, teacher)
	b, _, _ := build(t, g, teacher)
	if !bytes.Equal(a, b) {
		t.Fatal("two builds with the same time differ")
	}
	// With SOURCE_DATE_EPOCH set and no explicit time, rebuilds match and
	// carry that date.
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	c, _, err := Build(g, export.Options{Author: teacher.Author})
	if err != nil {
		t.Fatal(err)
	}
	d, _, _ := Build(g, export.Options{Author: teacher.Author})
	if !bytes.Equal(c, d) {
		t.Fatal("two builds under SOURCE_DATE_EPOCH differ")
	}
	info := pdfinfo(t, write(t, "sde", c), "-isodates")
	if info["CreationDate"] != "2023-11-14T22:13:20Z" && info["CreationDate"] != "2023-11-14T22:13:20" {
		t.Errorf("CreationDate = %q, want SOURCE_DATE_EPOCH's 2023-11-14T22:13:20", info["CreationDate"])
	}
}

// TestParallel builds different guides at once (run with -race) and
// checks each against its serial build.
func TestParallel(t *testing.T) {
	gs := []*content.Guide{sampleGuide(), trickyGuide(), stressGuide(), sampleGuide()}
	want := make([][]byte, len(gs))
	for i, g := range gs {
		want[i], _, _ = build(t, g, export.Options{Modified: fixed, Duplex: i%2 == 1})
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(gs))
	for r := 0; r < 4; r++ {
		for i, g := range gs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, _, err := Build(g, export.Options{Modified: fixed, Duplex: i%2 == 1})
				if err != nil {
					errs <- err
				} else if !bytes.Equal(got, want[i]) {
					errs <- fmt.Errorf("guide %d: parallel build differs from serial", i)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestMetadata(t *testing.T) {
	g := sampleGuide()
	out, _, _ := build(t, g, export.Options{})
	path := write(t, "meta", out)
	info := pdfinfo(t, path)
	want := map[string]string{
		"Title":    g.Title,
		"Subject":  "A study guide to Never Let Me Go by Kazuo Ishiguro",
		"Keywords": "study guide; Never Let Me Go; Kazuo Ishiguro; quotes; FAQ",
		"Creator":  "guidepress",
		"Producer": Producer,
	}
	for k, v := range want {
		if info[k] != v {
			t.Errorf("%s = %q, want %q", k, info[k], v)
		}
	}
	if a, ok := info["Author"]; ok {
		t.Errorf("Author = %q without opts.Author: the novelist must not be named as the guide's author", a)
	}
	if !bytes.Contains(out, []byte("/Lang (en)")) {
		t.Error("catalogue has no /Lang (en)")
	}
	out, _, _ = build(t, g, teacher)
	if a := pdfinfo(t, write(t, "meta2", out))["Author"]; a != teacher.Author {
		t.Errorf("Author = %q, want %q", a, teacher.Author)
	}
	// A language tag that could break out of the catalogue's string is
	// never written as is.
	g.Language = "fr-CA"
	out, _, _ = build(t, g, export.Options{})
	if !bytes.Contains(out, []byte("/Lang (fr-CA)")) {
		t.Error("catalogue has no /Lang (fr-CA)")
	}
}

func TestBadInput(t *testing.T) {
	if _, _, err := Build(nil, export.Options{}); err == nil {
		t.Error("nil guide accepted")
	}
	g := sampleGuide()
	g.Title = ""
	if _, _, err := Build(g, export.Options{}); err == nil {
		t.Error("invalid guide accepted")
	}
	// A guide with nothing but a synopsis still builds.
	min := &content.Guide{Title: "Bare", Book: content.Book{Title: "Bare"}, Language: "en", Synopsis: content.Plains("Only this.")}
	_, lay, _, err := BuildWithLayout(min, export.Options{})
	if err != nil {
		t.Fatalf("minimal guide: %v", err)
	}
	for _, pg := range lay.Pages {
		if pg.Kind == ContentsPage {
			t.Error("a guide with nothing to list has a contents page")
		}
	}
}

// FuzzBuild: whatever the text, Build returns a PDF or an error, never
// panics, and the layout keeps inside the text block.
func FuzzBuild(f *testing.F) {
	f.Add("The <Glass> & \"Iron\" Garden", "x\u00ad y 😀 שלום", "Why?")
	f.Add(strings.Repeat("W", 300), strings.Repeat("word ", 1000), "")
	f.Add("\u200f\u202e", "e\u0301\u0301\u0301", "🇫🇷")
	f.Fuzz(func(t *testing.T, title, body, q string) {
		g := &content.Guide{Title: title, Book: content.Book{Title: title}, Language: "en",
			Quotes:   []content.Quote{{Text: content.Plain(body)}},
			Sections: []content.Section{{Title: title, Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain(body)}, {Kind: content.BlockQuote, Text: content.Plain(q + body)}}}},
			FAQ:      []content.FAQEntry{{Question: q + "?", Answer: content.Plains(body)}}}
		if g.Validate() != nil {
			return
		}
		out, lay, _, err := BuildWithLayout(g, export.Options{Modified: fixed})
		if err != nil {
			t.Fatalf("valid guide failed: %v", err)
		}
		if !bytes.HasPrefix(out, []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
		checkLayout(t, lay)
	})
}

func BenchmarkBuild(b *testing.B) {
	gs := map[string]*content.Guide{"sample": sampleGuide()}
	if p := checkers.RepoRoot() + "/examples/frankenstein.txt"; fileExists(p) {
		gs["frankenstein"] = loadFile(b, p)
	}
	if d := checkers.SharedDir(); d != "" && fileExists(d+"/seed/never-let-me-go.txt") {
		gs["seed"] = loadFile(b, d+"/seed/never-let-me-go.txt")
	}
	for name, g := range gs {
		b.Run(name, func(b *testing.B) {
			var size int
			for b.Loop() {
				out, _, err := Build(g, export.Options{Modified: fixed})
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.ReportMetric(float64(size), "bytes/pdf")
		})
	}
}

// TestTrickyMarkupFixture runs the repository's tricky plain-text guide
// through the real importer and checks what a reader would copy out.
func TestTrickyMarkupFixture(t *testing.T) {
	p := checkers.RepoRoot() + "/testdata/guides/tricky-markup.txt"
	if !fileExists(p) {
		t.Skip("testdata/guides/tricky-markup.txt is absent")
	}
	g := loadFile(t, p)
	out, lay, diags := build(t, g, teacher)
	path := write(t, "tricky-markup", out)
	checkers.MustPass(t, "check-pdf.sh", "--expect-text", `The <Glass> & “Iron” Garden`, "--expect-text", "<script>alert(1)</script>", path)
	all := squash(runTool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if !strings.Contains(all, strings.Repeat("Glass", 40)) {
		t.Error("the 200-character word is not in the text")
	}
	msgs := ""
	for _, d := range diags {
		msgs += d.Message + "\n"
	}
	// The emoji, Hebrew and Arabic print (Noto Emoji, Noto Sans Hebrew
	// and Arabic, through the shaper).
	for _, s := range []string{"U+1F600 GRINNING FACE", "Hebrew", "Arabic"} {
		if strings.Contains(msgs, s) {
			t.Errorf("diagnostics mention %q, which prints:\n%s", s, msgs)
		}
	}
	for _, s := range []string{"😀", "שלום"} {
		if !strings.Contains(unmarked(all), s) {
			t.Errorf("extracted text lacks %q", s)
		}
	}
	checkLayout(t, lay)
}

// TestRandomInput builds guides of random text mixing the characters that
// need care (soft hyphens, emoji and their joiners, Hebrew, combining
// marks, dashes and slashes that allow breaks, long runs without spaces):
// each builds, quickly, and keeps to the text block.
func TestRandomInput(t *testing.T) {
	alpha := []rune("ab cd\u00ad😀שx-—/… \u200d\ufe0fΩ\u0301🇫ffffffffff")
	seed := uint64(1)
	rnd := func(n int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int((seed >> 33) % uint64(n))
	}
	gen := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alpha[rnd(len(alpha))])
		}
		return b.String()
	}
	built := 0
	for built < 40 {
		title, body, q := gen(rnd(120)+1), gen(rnd(600)), gen(rnd(40))
		g := &content.Guide{Title: title, Book: content.Book{Title: title, Author: q}, Language: "en",
			Quotes:   []content.Quote{{Text: content.Plain(body)}},
			Sections: []content.Section{{Title: title, Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain(body)}, {Kind: content.BlockQuote, Text: content.Plain(q + body)}}}},
			FAQ:      []content.FAQEntry{{Question: q + "?", Answer: content.Plains(body)}}}
		if g.Validate() != nil {
			continue
		}
		built++
		_, lay, _ := build(t, g, export.Options{Duplex: built%2 == 0})
		checkLayout(t, lay)
	}
}

// TestRender writes every page of each fixture as PNG into
// $GUIDEPRESS_PDF_RENDER/<fixture>/ for a person to look at (check-pdf.sh
// --render); it does nothing unless that variable is set.
func TestRender(t *testing.T) {
	dir := os.Getenv("GUIDEPRESS_PDF_RENDER")
	if dir == "" {
		t.Skip("set GUIDEPRESS_PDF_RENDER=DIR to render every fixture's pages to PNG")
	}
	for _, f := range fixtures(t) {
		out, _, _ := build(t, f.g, teacher)
		checkers.MustPass(t, "check-pdf.sh", "--render", filepath.Join(dir, f.name), write(t, f.name, out))
	}
}

// TestOutline reads the bookmarks back (qpdf --json): the sections with
// their subsections, Key Quotes, and the FAQ with every question, each on
// the page its heading is on.
func TestOutline(t *testing.T) {
	g := sampleGuide()
	out, lay, _ := build(t, g, teacher)
	var doc struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(runTool(t, "qpdf", "--json", "--json-key=outlines", write(t, "outline", out))), &doc); err != nil {
		t.Fatal(err)
	}
	top := map[string]outline{}
	for _, o := range doc.Outlines {
		top[o.Title] = o
	}
	for _, name := range []string{"Synopsis", "Contents", "Key Quotes", "Appendix — Frequently Asked Questions"} {
		if _, ok := top[name]; !ok {
			t.Errorf("no top-level bookmark %q", name)
		}
	}
	for _, s := range g.Sections {
		o, ok := top[s.Title]
		if !ok {
			t.Errorf("no bookmark for section %q", s.Title)
			continue
		}
		if len(o.Kids) != len(s.Subsections) {
			t.Errorf("%q has %d child bookmarks, want %d", s.Title, len(o.Kids), len(s.Subsections))
		}
	}
	faq := top["Appendix — Frequently Asked Questions"]
	if len(faq.Kids) != len(g.FAQ) {
		t.Fatalf("FAQ has %d question bookmarks, want %d", len(faq.Kids), len(g.FAQ))
	}
	for i, q := range faq.Kids {
		if q.Title != g.FAQ[i].Question {
			t.Errorf("question bookmark %d = %q", i, q.Title)
		}
		if txt := pageText(t, write(t, "o", out), q.Page); !strings.Contains(squash(txt), squash(q.Title)) {
			t.Errorf("bookmark %q points at page %d, which does not show it", q.Title, q.Page)
		}
	}
	for _, e := range lay.TOC {
		if o, ok := top[e.Title]; ok && e.Level == 0 && o.Page != e.Page {
			t.Errorf("bookmark %q goes to page %d, contents say %d", e.Title, o.Page, e.Page)
		}
	}
}

type outline struct {
	Title string    `json:"title"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}
