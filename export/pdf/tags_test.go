package pdf

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/typography"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/templates/labels"
)

// node is an element of the structure tree as poppler reads it back.
type node struct {
	role string
	text string // the element's own text, its pieces joined
	all  string // the text of the element and everything in it, in order
	kids []*node
}

// structTree parses `pdfinfo -struct-text`: an element per line ("H1
// (block)"), its text on the lines below it in quotes, two spaces of
// indent per level.
func structTree(t *testing.T, path string) *node {
	t.Helper()
	out := runTool(t, "pdfinfo", "-enc", "UTF-8", "-struct-text", path)
	root := &node{role: "(root)"}
	stack := []*node{root}
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		depth := (len(l) - len(strings.TrimLeft(l, " "))) / 2
		l = strings.TrimSpace(l)
		if depth+1 > len(stack) {
			t.Fatalf("struct-text: unexpected indent at %q", l)
		}
		stack = stack[:depth+1]
		parent := stack[depth]
		if strings.HasPrefix(l, `"`) {
			txt := strings.TrimSuffix(strings.TrimPrefix(l, `"`), `"`)
			parent.text += txt
			for _, a := range stack {
				a.all += txt
			}
			continue
		}
		n := &node{role: strings.TrimSuffix(strings.Fields(l)[0], ":")} // "TH:" when attributes follow
		parent.kids = append(parent.kids, n)
		stack = append(stack, n)
	}
	return root
}

func (n *node) walk(f func(*node)) {
	f(n)
	for _, k := range n.kids {
		k.walk(f)
	}
}

// collect lists the normalised texts of the elements with the role (with
// the text of the elements inside them, such as a paragraph's links).
func (n *node) collect(role string) []string {
	var out []string
	n.walk(func(m *node) {
		if m.role == role {
			out = append(out, spaced(m.all))
		}
	})
	return out
}

// find lists the elements with the role, in order.
func (n *node) find(role string) []*node {
	var out []*node
	n.walk(func(m *node) {
		if m.role == role {
			out = append(out, m)
		}
	})
	return out
}

func spaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestTagged reads each PDF's structure tree back with poppler: it is
// tagged, reading order follows the model (headings, quotes, paragraphs,
// FAQ), words across line breaks stay apart, contents entries carry their
// page numbers, and running headers and page numbers are artifacts.
func TestTagged(t *testing.T) {
	bareNumber := regexp.MustCompile(`^[0-9ivx]+$`)
	for _, fx := range fixtures(t) {
		t.Run(fx.name, func(t *testing.T) {
			g := fx.g
			out, lay, _ := build(t, g, teacher)
			path := write(t, fx.name, out)
			if got := pdfinfo(t, path)["Tagged"]; got != "yes" {
				t.Fatalf("pdfinfo Tagged: %q", got)
			}
			root := structTree(t, path)
			if len(root.kids) != 1 || root.kids[0].role != "Document" {
				t.Fatalf("the tree's root is not one Document: %+v", root.kids)
			}
			doc := root.kids[0]

			// Headings, in order: the guide's title, the contents, key
			// quotes, each section (H1) with its subsections (H2), the
			// FAQ and its questions.
			var h1, h2, h3 []string
			words := labels.For(g.Language)
			h1 = append(h1, g.Title, words.Contents)
			if len(g.Synopsis) > 0 {
				h2 = append(h2, words.Synopsis)
			}
			if len(g.Quotes) > 0 {
				h1 = append(h1, words.KeyQuotes)
			}
			nquote := len(g.Quotes)
			var paras []string
			paras = append(paras, content.PlainAll(g.Synopsis)...)
			var sec func(s content.Section, depth int)
			sec = func(s content.Section, depth int) {
				switch depth {
				case 0:
					h1 = append(h1, s.Title)
				case 1:
					h2 = append(h2, typography.Smart(s.Title))
				default:
					h3 = append(h3, s.Title)
				}
				for _, b := range s.Blocks {
					switch b.Kind {
					case content.BlockQuote:
						nquote++
					case content.Paragraph:
						paras = append(paras, b.Text.Plain())
					}
				}
				for _, sub := range s.Subsections {
					sec(sub, depth+1)
				}
			}
			for _, s := range g.Sections {
				sec(s, 0)
			}
			if len(g.FAQ) > 0 {
				h1 = append(h1, words.Appendix+" — "+words.FAQ)
				for _, e := range g.FAQ {
					h2 = append(h2, e.Question)
					paras = append(paras, content.PlainAll(e.Answer)...)
				}
			}
			if fx.printable {
				for i := range h1 {
					h1[i] = spaced(setTitle(h1[i]))
				}
				for i := range h2 {
					h2[i] = spaced(set(h2[i]))
				}
				if got := doc.collect("H1"); !slices.Equal(got, h1) {
					t.Errorf("H1s\n got %q\nwant %q", got, h1)
				}
				if got := doc.collect("H2"); !slices.Equal(got, h2) {
					t.Errorf("H2s\n got %q\nwant %q", got, h2)
				}
				for i := range h3 {
					h3[i] = spaced(setTitle(h3[i]))
				}
				if got := doc.collect("H3"); !slices.Equal(got, h3) {
					t.Errorf("H3s\n got %q\nwant %q", got, h3)
				}
				// Every paragraph of the model is one P, word for word
				// (no words run together across a line break), in order.
				ps := doc.collect("P")
				k := 0
				for _, p := range paras {
					want := spaced(set(p))
					for k < len(ps) && ps[k] != want {
						k++
					}
					if k == len(ps) {
						t.Errorf("no P (in order) reads %.80q…", want)
						break
					}
				}
			} else if got, want := len(doc.collect("H1")), len(h1); got != want {
				t.Errorf("%d H1 elements, want %d", got, want)
			}
			if got := len(doc.collect("BlockQuote")); got != nquote {
				t.Errorf("%d BlockQuote elements, want %d (key quotes and block quotes)", got, nquote)
			}

			// The contents: one TOC whose entries end with the page the
			// printed contents show.
			var tocs []*node
			doc.walk(func(m *node) {
				if m.role == "TOC" {
					tocs = append(tocs, m)
				}
			})
			if len(tocs) != 1 {
				t.Fatalf("%d TOC elements, want 1", len(tocs))
			}
			if len(tocs[0].kids) != len(lay.TOC) {
				t.Fatalf("%d TOCI, want %d", len(tocs[0].kids), len(lay.TOC))
			}
			for i, e := range lay.TOC {
				// TOCI > Reference > Link, which holds the text and refers
				// to the entry's link annotations (OBJR: "Object N 0").
				toci := tocs[0].kids[i]
				if toci.role != "TOCI" || len(toci.kids) != 1 || toci.kids[0].role != "Reference" ||
					len(toci.kids[0].kids) != 1 || toci.kids[0].kids[0].role != "Link" {
					t.Fatalf("contents entry %d is not a TOCI holding a Reference to one Link: %+v", i, toci)
				}
				link := toci.kids[0].kids[0]
				objs := 0
				for _, k := range link.kids {
					if k.role == "Object" {
						objs++
					}
				}
				if objs == 0 {
					t.Errorf("the Link of contents entry %d refers to no annotation", i)
				}
				want := " " + strconv.Itoa(e.Page)
				if rightToLeft(e.Title) {
					// pdfinfo -struct-text puts no space between a
					// right-to-left title, whose last glyph drawn is its
					// leftmost, and the page number far to its right.
					want = strings.TrimPrefix(want, " ")
				}
				if got := spaced(link.text); !strings.HasSuffix(got, want) || !strings.HasPrefix(got, spaced(e.Title)) {
					t.Errorf("TOCI %d reads %q, want %q then %q", i, got, e.Title, want)
				}
			}

			// Running headers and page numbers are artifacts: no element
			// is a bare page number, and the guide's title is read twice
			// at most (cover, title page), not once per page. A table cell
			// or a definition may hold a number of the guide's own
			// ("Published" — "1902").
			titles := 0
			doc.walk(func(m *node) {
				if m.role != "Link" && m.role != "TD" && m.role != "LBody" && bareNumber.MatchString(spaced(m.text)) {
					t.Errorf("%s element holds a bare number %q: a page number not marked as an artifact?", m.role, m.text)
				}
				if spaced(m.text) == spaced(layout.Clean(g.Title)) {
					titles++
				}
			})
			if titles > 2 {
				t.Errorf("the guide's title is read %d times: running headers are not artifacts", titles)
			}
		})
	}
}

// TestTaggedTextKeepsWords: the text a screen reader gets from each
// paragraph is the paragraph, whatever the line breaks were — at spaces
// (the space comes back), after hyphens, dashes and ellipses, or inside a
// word too long for any line (no space is invented in either case).
func TestTaggedTextKeepsWords(t *testing.T) {
	long := strings.Repeat("Supercalifragilistic", 12) // 240 letters: cut to fit
	paras := []string{
		"A long word " + long + " runs across lines and must read back whole, as must the words around it.",
		strings.Repeat("The well-known, much-loved, twice-told and self-made tale goes on—and on—and on/off. ", 6),
		strings.Repeat("She waited…and waited…then waited again for the letter that never came. ", 6),
	}
	g := &content.Guide{Title: "Words — A Study Guide", Book: content.Book{Title: "Words", Author: "A. Writer"}, Language: "en",
		Sections: []content.Section{{Title: "Breaks", Blocks: []content.Block{
			{Kind: content.Paragraph, Text: content.Plain(paras[0])}, {Kind: content.Paragraph, Text: content.Plain(paras[1])}, {Kind: content.Paragraph, Text: content.Plain(paras[2])},
		}}}}
	out, lay, _ := build(t, g, teacher)
	lines := 0
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			if it.Kind == Line {
				lines++
			}
		}
	}
	if lines < 10 {
		t.Fatalf("only %d lines: the paragraphs do not wrap enough to test breaks", lines)
	}
	ps := structTree(t, write(t, "words", out)).collect("P")
	for _, p := range paras {
		want := spaced(set(p))
		if !slices.Contains(ps, want) {
			t.Errorf("no P reads\n%q\ngot\n%q", want, ps)
		}
	}
}
