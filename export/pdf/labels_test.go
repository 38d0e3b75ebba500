package pdf

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/pdfobj"
	"github.com/guidepress/guidepress/templates/labels"
)

// langNode is a structure element read back with its /Lang, beside the
// text poppler gives for it.
type langNode struct {
	role, lang, text string
}

// elementLangs lists the structure elements of a PDF in reading order
// (the Document first) with the /Lang of each, read with internal/pdfobj,
// and the text of each as pdfinfo -struct-text gives it (the two walks
// are matched element by element, their roles checked against each
// other).
func elementLangs(t *testing.T, name string, out []byte) []langNode {
	t.Helper()
	f, err := pdfobj.Parse(out)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var elems []langNode
	var walk func(o pdfobj.Object, depth int)
	walk = func(o pdfobj.Object, depth int) {
		if depth > 64 {
			t.Fatalf("%s: structure tree deeper than 64", name)
		}
		switch v := f.Resolve(o).(type) {
		case pdfobj.Array:
			for _, k := range v {
				walk(k, depth)
			}
		case pdfobj.Dict:
			s, ok := f.Get(v, "S").(pdfobj.Name)
			if !ok {
				return // marked-content or object reference
			}
			l, _ := f.Get(v, "Lang").(pdfobj.String)
			elems = append(elems, langNode{role: string(s), lang: string(l)})
			walk(v["K"], depth+1)
		}
	}
	walk(f.Dict(f.Get(f.Root(), "StructTreeRoot"))["K"], 0)

	var popp []*node
	structTree(t, write(t, name, out)).walk(func(n *node) {
		// Not elements: "Object N 0" (an annotation), "/ListNumbering
		// /Decimal" (attributes).
		if n.role != "(root)" && n.role != "Object" && !strings.HasPrefix(n.role, "/") {
			popp = append(popp, n)
		}
	})
	if len(popp) != len(elems) {
		t.Fatalf("%s: poppler reads %d structure elements, pdfobj %d", name, len(popp), len(elems))
	}
	for i := range elems {
		if popp[i].role != elems[i].role {
			t.Fatalf("%s: element %d is %s to poppler, %s to pdfobj", name, i, popp[i].role, elems[i].role)
		}
		elems[i].text = spaced(popp[i].all)
	}
	return elems
}

// hebrewGuide is a Hebrew guide with every part that prints a label:
// synopsis, reading time, credits, contents, key quotes, sections, FAQ.
func hebrewGuide(t *testing.T) *content.Guide {
	return loadFile(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "megillat-rut-he.md"))
}

// englishFurniture are the words the writers print in English: none may
// be left in a guide whose language has its own labels.
var englishFurniture = []string{"Contents", "Key Quotes", "Frequently Asked", "Appendix", "Synopsis", "min read",
	"STUDY GUIDE", "A study guide to", "Guide written by", "Published by", "Worksheet", "Answer key", "Name", "Date",
	"Class", "Explain this", "Discussion"}

// TestTranslatedLabels: an Arabic and a Hebrew guide print every word
// the writers supply in their own language, on the cover, the title page,
// the contents, the key quotes, the FAQ, the worksheet and the answer
// key: pdftotext finds the translations and none of the English; no
// character is replaced by □ and no missing-glyph diagnostic is given;
// no structure element says it is in another language than the
// document's (the labels are the guide's language); the Matterhorn
// checker and qpdf pass.
func TestTranslatedLabels(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *content.Guide
	}{
		{"kalila-ar", loadFile(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "kalila-wa-dimna-ar.md"))},
		{"megillat-he", hebrewGuide(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.g
			l := labels.For(g.Language)
			if l.Lang != g.Language {
				t.Fatalf("labels for %q are %q", g.Language, l.Lang)
			}
			if len(g.Quotes) == 0 || len(g.FAQ) == 0 || g.ReadingMinutes == 0 || g.Book.Author == "" {
				t.Fatalf("the fixture lacks quotes, FAQ, reading time or author: the test checks less than it says")
			}
			opts := teacher
			opts.Author, opts.Publisher = "", "مكتبة / ספרייה"
			th := mustTheme(t)
			type doc struct {
				name string
				kind layout.DocKind
				want []string
			}
			docs := []doc{
				{"handout", layout.GuideDoc, []string{l.StudyGuide, l.By + " " + g.Book.Author, l.Minutes(g.ReadingMinutes),
					l.StudyGuideTo + " " + g.Book.Title, l.Synopsis, l.Contents, l.KeyQuotes, l.Appendix + " – " + l.FAQ,
					l.GuideBy, l.PublishedBy}},
				{"worksheet", layout.WorksheetDoc, []string{l.Worksheet, l.Name, l.Date, l.Class, l.Discussion, l.KeyQuotes, l.ExplainQuote}},
				{"answers", layout.AnswersDoc, []string{l.AnswerKey}},
			}
			for _, d := range docs {
				out, lay, diags, err := buildDoc(g, opts, d.kind, func(*Layout) {}, true, nil)
				if err != nil {
					t.Fatal(err)
				}
				name := tc.name + "-" + d.name
				checkClean(t, name, out)
				for _, dg := range diags {
					if strings.Contains(dg.Message, "cannot be printed") {
						t.Errorf("%s: %s", name, dg.Message)
					}
				}
				answerLines := 0
				for _, pg := range lay.Pages {
					left := lay.TextLeft(pg.Number)
					for _, it := range pg.Items {
						if strings.ContainsRune(it.Text, layout.Replacement) {
							t.Errorf("%s page %d prints □ in %q", name, pg.Number, it.Text)
						}
						// An answer's ruled lines, mirrored: the indent
						// that holds a question's number is on the right.
						if it.Kind == layout.Rule && it.Fill && it.H == th.Worksheet.RuleWidth && it.W > lay.TextWidth/2 {
							answerLines++
							if math.Abs(it.X-left) > 0.05 || it.X+it.W > left+lay.TextWidth+0.05 {
								t.Errorf("%s page %d: an answer line spans %.2f–%.2f, not from the text block's left %.2f with the indent on the right", name, pg.Number, it.X, it.X+it.W, left)
							}
						}
					}
				}
				if d.kind == layout.WorksheetDoc && answerLines == 0 {
					t.Errorf("%s: no answer lines found", name)
				}
				// pdftotext wraps right-to-left lines in embedding marks
				// and its bidi may move a run of digits or punctuation, so
				// the marks go and the words are looked for one by one.
				text := spaced(strings.Map(dropBidiControls, runTool(t, "pdftotext", "-enc", "UTF-8", write(t, name, out), "-")))
				for _, w := range d.want {
					for _, word := range strings.Fields(w) {
						if word = strings.Trim(word, ":.،,"); word != "" && !strings.Contains(text, word) {
							t.Errorf("%s: pdftotext finds no %q (of %q)", name, word, w)
						}
					}
				}
				for _, en := range englishFurniture {
					if strings.Contains(text, en) {
						t.Errorf("%s prints the English %q", name, en)
					}
				}
				for _, e := range elementLangs(t, name, out) {
					if e.lang != "" {
						t.Errorf("%s: %s %q is marked /Lang (%s) in a guide whose labels are its language's", name, e.role, e.text, e.lang)
					}
				}
			}
		})
	}
}

// dropBidiControls drops the bidi embedding, override and isolate
// controls pdftotext puts around right-to-left text.
func dropBidiControls(r rune) rune {
	if r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F {
		return -1
	}
	return r
}

// urduGuide is in a right-to-left language that has no labels file:
// its labels are English.
const urduGuide = `---
title: باغ و بہار — رہنما
language: ur
author: کتب خانہ
book:
  title: باغ و بہار
  author: میر امن
reading_minutes: 5
---

# باغ و بہار — رہنما

چار درویشوں کی داستان۔

## Key Quotes

> «اچھی بات»
>
> — پہلا درویش

## خلاصہ

بادشاہ آزاد بخت کی کہانی۔

## Frequently Asked Questions

### یہ کتاب کب لکھی گئی؟

سن 1803 میں۔
`

// TestEnglishLabelsMarked: in a guide whose language has no labels (an
// Urdu guide) the English words the writers print are marked
// /Lang (en) on their structure elements — the contents heading and the
// contents entries of the key quotes and the FAQ, those parts' headings,
// the synopsis heading, the reading time, the credits, the worksheet's
// headings, blanks and prompts — and nothing written in Urdu is.
func TestEnglishLabelsMarked(t *testing.T) {
	g := loadText(t, "ur.md", urduGuide)
	if labels.Has(g.Language) {
		t.Fatalf("%s has labels: the test needs a language without", g.Language)
	}
	for _, d := range []struct {
		name string
		kind layout.DocKind
		want []string // the English texts, as poppler reads their elements
	}{
		{"handout", layout.GuideDoc, []string{"5 min read", "Synopsis", "Guide written by کتب خانہ.", "Contents",
			"Key Quotes 4", "Appendix – Frequently Asked Questions 6", "Key Quotes", "Appendix – Frequently Asked Questions"}},
		{"worksheet", layout.WorksheetDoc, []string{"Name Date Class", "Discussion Questions", "Key Quotes",
			"Explain this quotation: who says it, when, and what does it show?"}},
	} {
		out, _, _, err := buildDoc(g, teacher, d.kind, func(*Layout) {}, true, nil)
		if err != nil {
			t.Fatal(err)
		}
		if d.kind == layout.GuideDoc {
			// The teacher's name replaces the guide's own author.
			for i, w := range d.want {
				d.want[i] = strings.Replace(w, "کتب خانہ", teacher.Author, 1)
			}
			d.want = append(d.want, "Published by "+teacher.Publisher+".")
		}
		checkClean(t, "ur-"+d.name, out)
		var marked []string
		for _, e := range elementLangs(t, "ur-"+d.name, out) {
			switch {
			case e.role == "Document" && e.lang != "":
				t.Errorf("the Document element has /Lang (%s)", e.lang)
			case e.lang == "en":
				marked = append(marked, e.text)
			case e.lang != "":
				t.Errorf("%s %q is marked /Lang (%s)", e.role, e.text, e.lang)
			}
		}
		for _, w := range d.want {
			found := false
			for _, m := range marked {
				found = found || m == w
			}
			if !found {
				t.Errorf("%s: no element %q marked /Lang (en); marked: %q", d.name, w, marked)
			}
		}
		if len(marked) != len(d.want) {
			t.Errorf("%s: %d elements marked /Lang (en), want %d: %q", d.name, len(marked), len(d.want), marked)
		}
	}
	// The same words in an English guide are not marked.
	out, _, _ := build(t, sampleGuide(), teacher)
	for _, e := range elementLangs(t, "sample", out) {
		if e.lang != "" {
			t.Errorf("English guide: %s %q is marked /Lang (%s)", e.role, e.text, e.lang)
		}
	}
}

// TestCoverBlocksApart: the cover's blocks (label, title, author, reading
// time) are read apart, in order, from the cover's Figure by poppler
// (pdfinfo -struct-text) and by mupdf: "STUDY GUIDE מגילת רות …", not
// "STUDY GUIDEמגילת רות".
func TestCoverBlocksApart(t *testing.T) {
	guide := loadText(t, "rtl-table.md", rtlTableGuide)
	for name, g := range map[string]*content.Guide{"megillat-he": hebrewGuide(t), "untagged-hebrew": guide, "sample": sampleGuide()} {
		out, _, _ := build(t, g, export.Options{})
		ct := cover.TextFor(g)
		var want []string
		for _, s := range []string{ct.Label, ct.Title, ct.Author, ct.Reading} {
			if s != "" {
				want = append(want, set(s))
			}
		}
		path := write(t, name, out)
		fig := structTree(t, path).find("Figure")
		if len(fig) != 1 {
			t.Fatalf("%s: %d Figure elements, want the cover's one", name, len(fig))
		}
		if got := spaced(fig[0].all); got != strings.Join(want, " ") {
			t.Errorf("%s: the cover reads %q, want %q", name, got, strings.Join(want, " "))
		}
		// Debian's mupdf warns on stderr that it has no ICC support.
		mu := strings.ReplaceAll(runTool(t, "mutool", "draw", "-q", "-F", "txt", "-o", "-", path, "1"), "warning: ICC support is not available", "")
		if got := spaced(mu); got != strings.Join(want, " ") {
			t.Errorf("%s: mutool reads the cover as %q, want %q", name, got, strings.Join(want, " "))
		}
	}
}
