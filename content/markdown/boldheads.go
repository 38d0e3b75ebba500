package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// boldHeadings reads a guide with no headings under its title whose parts
// are named by lines wholly in bold ("**Personnages principaux**",
// "**Chapter 1**") — what Notion, Google Docs and word-processor exports
// make of headings — as a guide with those lines as its section headings.
// Without it, such a guide was one long synopsis. A bold line that asks
// (an FAQ's "**Why …?**") or ends a sentence is left as a paragraph, and
// two such lines at least are needed, so that one bold sentence in a
// guide's opening is never taken for its structure.
func (r *reader) boldHeadings(nodes []ast.Node) []ast.Node {
	var at []int
	for i, n := range nodes {
		switch n := n.(type) {
		case *ast.Heading:
			return nodes
		case *ast.Paragraph:
			if r.boldLine(n) {
				at = append(at, i)
			}
		}
	}
	if len(at) < 2 {
		return nodes
	}
	out := append([]ast.Node(nil), nodes...)
	for _, i := range at {
		p := out[i].(*ast.Paragraph)
		h := ast.NewHeading(2)
		h.SetLines(p.Lines())
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			h.AppendChild(h, c)
			c = next
		}
		if parent := p.Parent(); parent != nil {
			parent.ReplaceChild(parent, p, h)
		}
		out[i] = h
		if r.boldHeads == nil {
			r.boldHeads = map[*ast.Heading]bool{}
		}
		r.boldHeads[h] = true
	}
	r.note(r.lineOf(out[at[0]]), "the guide has no headings: read its %d lines wholly in bold as its section headings (give them \"## \" to say so)", len(at))
	return out
}

// boldLine tells a one-line paragraph that is all one bold span of plain
// text, short, not a question and not a sentence: a heading typed as bold.
func (r *reader) boldLine(p *ast.Paragraph) bool {
	if p.Lines().Len() != 1 {
		return false
	}
	var em *ast.Emphasis
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Emphasis:
			if em != nil || c.Level != 2 {
				return false
			}
			em = c
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(r.src))) != "" {
				return false
			}
		default:
			return false
		}
	}
	if em == nil {
		return false
	}
	var b strings.Builder
	plain := true
	_ = ast.Walk(em, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Emphasis:
		case *ast.Text:
			b.Write(n.Segment.Value(r.src))
		case *ast.String:
			b.Write(n.Value)
		default:
			plain = false
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	s := strings.TrimSpace(b.String())
	if !plain || s == "" || utf8.RuneCountInString(s) > 80 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?;,…？。！", last)
}
