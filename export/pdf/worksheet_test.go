package pdf

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/internal/checkers"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// TestWorksheet: every question comes out in order, numbered, with its
// answer lines under it (as many as its length asks for), then every key
// quote with its prompt; the file is tagged, the questions a list, and
// passes check-pdf.sh, in every style.
func TestWorksheet(t *testing.T) {
	guides := map[string]*content.Guide{
		"sample":    sampleGuide(),
		"hamlet-v2": loadFile(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "hamlet-v2.json")),
	}
	if g := seedOrSkip(t, false); g != nil {
		guides["seed"] = g
	}
	for name, g := range guides {
		for _, style := range theme.Styles {
			t.Run(name+"/"+style, func(t *testing.T) {
				th, _ := theme.Named(style)
				opts := teacher
				opts.Style = style
				out, lay, _, err := buildDoc(g, opts, layout.WorksheetDoc, func(*Layout) {}, true, nil)
				if err != nil {
					t.Fatal(err)
				}
				qs := layout.WorksheetQuestions(g)
				if name == "hamlet-v2" && len(qs) == len(g.FAQ) {
					t.Fatal("hamlet-v2 has discussion questions: the worksheet asks the FAQ instead")
				}
				if name == "hamlet-v2" {
					// A multiple-choice question's options keep their letters.
					const mc = "Whom does Hamlet kill behind the arras? a) Claudius; b) Polonius; c) Laertes"
					if !slices.ContainsFunc(qs, func(q content.Text) bool { return q.Plain() == mc }) {
						t.Errorf("no worksheet question %q", mc)
					}
				}
				checkWorksheet(t, th, lay, qs, len(g.Quotes))
				path := write(t, name+"-worksheet-"+style, out)
				if style == "standard" {
					checkers.MustPass(t, "check-pdf.sh", "--no-links", path)
					text := squash(runTool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
					at := 0
					for i, q := range qs {
						w := squash(strconv.Itoa(i+1) + "." + set(q.Plain()))
						k := strings.Index(text[at:], w)
						if k < 0 {
							t.Fatalf("question %d %q not found in order", i+1, trim(q.Plain()))
						}
						at += k + len(w)
					}
					doc := structTree(t, path)
					if got, want := len(doc.find("LI")), len(qs)+len(g.Quotes); got != want {
						t.Errorf("%d LI elements, want %d (questions and quotation prompts)", got, want)
					}
					if len(doc.find("H1")) != 1 {
						t.Error("no one H1")
					}
				}
			})
		}
	}
}

// checkWorksheet reads the layout: each numbered label, the question's
// lines, then its ruled lines.
func checkWorksheet(t *testing.T, th theme.Theme, lay *Layout, qs []content.Text, quotes int) {
	t.Helper()
	type entry struct {
		num   string
		text  string
		rules int
	}
	var es []entry
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			switch {
			case it.Kind == Label:
				es = append(es, entry{num: strings.TrimSpace(it.Text)})
			case it.Kind == Line && len(es) > 0 && es[len(es)-1].rules == 0 && it.X > lay.TextLeft(pg.Number):
				es[len(es)-1].text += " " + it.Text
			case it.Kind == Rule && it.Fill && it.H == th.Worksheet.RuleWidth && it.Y > lay.TextTop && len(es) > 0: // (not the running head's rule)
				es[len(es)-1].rules++
			}
		}
	}
	if len(es) != len(qs)+quotes {
		t.Fatalf("%d numbered items, want %d questions and %d quotations", len(es), len(qs), quotes)
	}
	for i, e := range es {
		if e.num != strconv.Itoa(i+1)+"." {
			t.Errorf("item %d is numbered %q", i+1, e.num)
		}
		want := th.Worksheet.QuoteLines
		if i < len(qs) {
			want = layout.AnswerLines(th.Worksheet, qs[i].Plain())
			if got := strings.Join(strings.Fields(e.text), " "); got != strings.Join(strings.Fields(set(qs[i].Plain())), " ") {
				t.Errorf("question %d reads %q, want %q", i+1, got, qs[i].Plain())
			}
		}
		if e.rules != want {
			t.Errorf("item %d has %d answer lines, want %d", i+1, e.rules, want)
		}
	}
}

// TestAnswerKey: the key lists the FAQ, each question numbered and
// followed by its answer, in order; a guide without an FAQ has none.
func TestAnswerKey(t *testing.T) {
	g := sampleGuide()
	out, _, err := BuildAnswers(g, teacher)
	if err != nil {
		t.Fatal(err)
	}
	path := write(t, "answers", out)
	checkers.MustPass(t, "check-pdf.sh", "--no-links", path)
	text := squash(runTool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	at := 0
	for i, e := range g.FAQ {
		for _, w := range append([]string{strconv.Itoa(i+1) + ". " + e.Question}, content.PlainAll(e.Answer)...) {
			w = squash(set(w))
			k := strings.Index(text[at:], w)
			if k < 0 {
				t.Fatalf("FAQ %d: %q not found in order in the key", i+1, trim(w))
			}
			at += k + len(w)
		}
	}
	// The worksheet of a guide without discussion sections asks the FAQ,
	// so its numbers are the key's.
	qs := layout.WorksheetQuestions(g)
	if len(qs) != len(g.FAQ) || qs[0].Plain() != g.FAQ[0].Question {
		t.Errorf("worksheet questions %d, FAQ %d", len(qs), len(g.FAQ))
	}
	g.FAQ = nil
	if out, diags, err := BuildAnswers(g, teacher); out != nil || diags != nil || err != nil {
		t.Errorf("a guide without an FAQ has a key: %d bytes, %v", len(out), err)
	}
	if _, _, err := BuildWorksheet(g, export.Options{}); err != nil {
		t.Errorf("worksheet without an FAQ: %v", err)
	}
}

// TestEmptyWorksheetWarns: a guide with no discussion question, FAQ or
// key quote gets a worksheet of blanks alone, with a warning that says
// so and what to add; a guide with any of them gets none. The empty
// worksheet was written without a word before.
func TestEmptyWorksheetWarns(t *testing.T) {
	para := func(s string) content.Block { return content.Block{Kind: content.Paragraph, Text: content.Plain(s)} }
	bare := &content.Guide{Title: "Emma", Language: "en", Book: content.Book{Title: "Emma"},
		Sections: []content.Section{{Title: "Summary", Blocks: []content.Block{para("Emma meets Harriet.")}}}}
	withFAQ := *bare
	withFAQ.FAQ = []content.FAQEntry{{Question: "Who is Emma?", Answer: []content.Text{content.Plain("A young woman.")}}}
	withQuote := *bare
	withQuote.Quotes = []content.Quote{{Text: content.Plain("Badly done, Emma!")}}
	withQuestion := *bare
	withQuestion.Sections = append(slices.Clone(bare.Sections), content.Section{Title: "Discussion Questions", Role: content.RoleDiscussion,
		Blocks: []content.Block{para("Why does Emma meddle?")}})
	for _, tc := range []struct {
		name string
		g    *content.Guide
		warn bool
	}{{"nothing to ask", bare, true}, {"an FAQ", &withFAQ, false}, {"a key quote", &withQuote, false}, {"a discussion question", &withQuestion, false}} {
		_, diags, err := BuildWorksheet(tc.g, export.Options{Modified: fixed})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		warned := slices.ContainsFunc(diags, func(d content.Diagnostic) bool {
			return d.Severity == content.Warning && strings.Contains(d.Message, "holds only the name, date and class lines") && strings.Contains(d.Message, "Discussion Questions")
		})
		if warned != tc.warn {
			t.Errorf("%s: warned %v, want %v: %v", tc.name, warned, tc.warn, diags)
		}
	}
}
