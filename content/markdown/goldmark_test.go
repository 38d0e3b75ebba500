package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The copy of goldmark in third_party/goldmark builds its regular
// expressions and its case folding table on first use rather than in
// package inits. Every one of them still decides what it decided: table
// alignments, task check boxes, the seven kinds of HTML block, inline raw
// HTML, e-mail autolinks, and link labels matched under Unicode case
// folding.
func TestGoldmarkLazyExpressions(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"table alignments", "| a | b | c | d |\n|:--|--:|:-:|---|\n| 1 | 2 | 3 | 4 |\n",
			"Table[left right center none]"},
		{"task check boxes", "- [x] done\n- [ ] to do\n", "TaskCheckBox[true] TaskCheckBox[false]"},
		{"html block 1", "<script>\nx\n</script>\n", "HTMLBlock[1]"},
		{"html block 2", "<!-- a\nb -->\n", "HTMLBlock[2]"},
		{"html block 3", "<?php x ?>\n", "HTMLBlock[3]"},
		{"html block 4", "<!DOCTYPE html>\n", "HTMLBlock[4]"},
		{"html block 5", "<![CDATA[\nx\n]]>\n", "HTMLBlock[5]"},
		{"html block 6", "<div>\nx\n</div>\n", "HTMLBlock[6]"},
		{"html block 7", "<custom-tag a=\"1\">\n", "HTMLBlock[7]"},
		{"no html block", "< div>\n", ""},
		{"raw html", "a <span class=\"x\">b</span> c\n", "RawHTML[<span class=\"x\">] RawHTML[</span>]"},
		{"not raw html", "a <3 b\n", ""},
		{"email autolink", "<kathy@hailsham.example.org>\n", "AutoLink[email kathy@hailsham.example.org]"},
		{"case folded label", "[Straße][]\n\n[STRASSE]: /x\n", "Link[/x]"},
		{"unmatched label", "[Strasse][]\n\n[Strasze]: /x\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			p := parsers.Get().(parser.Parser)
			doc := p.Parse(text.NewReader(src))
			parsers.Put(p)
			var got []string
			ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n := n.(type) {
				case *east.Table:
					var al []string
					for _, a := range n.Alignments {
						al = append(al, a.String())
					}
					got = append(got, fmt.Sprintf("Table%v", al))
				case *east.TaskCheckBox:
					got = append(got, fmt.Sprintf("TaskCheckBox[%v]", n.IsChecked))
				case *ast.HTMLBlock:
					got = append(got, fmt.Sprintf("HTMLBlock[%d]", n.HTMLBlockType))
				case *ast.RawHTML:
					var b strings.Builder
					for i := 0; i < n.Segments.Len(); i++ {
						s := n.Segments.At(i)
						b.Write(s.Value(src))
					}
					got = append(got, fmt.Sprintf("RawHTML[%s]", b.String()))
				case *ast.AutoLink:
					kind := "url"
					if n.AutoLinkType == ast.AutoLinkEmail {
						kind = "email"
					}
					got = append(got, fmt.Sprintf("AutoLink[%s %s]", kind, n.URL(src)))
				case *ast.Link:
					got = append(got, fmt.Sprintf("Link[%s]", n.Destination))
				}
				return ast.WalkContinue, nil
			})
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("%q parses to %q, want %q", tt.src, s, tt.want)
			}
		})
	}
	// The package's default Markdown, made on first use.
	var b strings.Builder
	if err := goldmark.Convert([]byte("# Hailsham\n\n*Kathy*\n"), &b); err != nil || b.String() != "<h1>Hailsham</h1>\n<p><em>Kathy</em></p>\n" {
		t.Errorf("goldmark.Convert = %q, %v", b.String(), err)
	}
}

// The heading attribute option (`# Heading {#id}`) reads a heading's
// last line for a `{`: a heading without one costs no allocation more
// than without the option (third_party/goldmark: it made a text.Reader
// of every heading's line and the heading's lines twice, two allocations
// a heading: here 1,812 against 1,412; 267,668 of the 1.2 million of a
// 4 MiB Markdown guide's parse), and one with attributes still has them
// and loses them from its text.
func TestHeadingAttributesCostNothingWithout(t *testing.T) {
	if growth.Race {
		t.Skip("counts allocations; the race detector allocates for itself (run without -race: the Makefile's race-free line)")
	}
	var doc strings.Builder
	for i := range 200 {
		fmt.Fprintf(&doc, "## Chapter %d: the cottages\n\nKathy remembers.\n\n", i)
	}
	src := []byte(doc.String())
	with := goldmark.New(goldmark.WithParserOptions(parser.WithHeadingAttribute())).Parser()
	without := goldmark.New().Parser()
	allocs := func(p parser.Parser) float64 {
		return testing.AllocsPerRun(5, func() { p.Parse(text.NewReader(src)) })
	}
	if a, b := allocs(with), allocs(without); a > b {
		t.Errorf("200 headings without attributes: %.0f allocations with the attribute option, %.0f without; want no more", a, b)
	}
	src = []byte("# Chapter 1: Hailsham {#hailsham .part}\n\nKathy remembers.\n")
	h := with.Parse(text.NewReader(src)).FirstChild()
	if id, ok := h.AttributeString("id"); !ok || string(id.([]byte)) != "hailsham" {
		t.Errorf("id attribute = %v (%v), want hailsham", id, ok)
	}
	if got := string(h.Lines().Value(src)); got != "Chapter 1: Hailsham" {
		t.Errorf("heading text = %q, want %q", got, "Chapter 1: Hailsham")
	}
}
