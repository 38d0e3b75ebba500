package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
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
			return r.boldParts(nodes)
		case *ast.Paragraph:
			if _, ok := r.boldLine(n); ok {
				at = append(at, i)
			}
		}
	}
	if len(at) < 2 {
		return nodes
	}
	// Parts of the book under a summary's bold heading ("**Trama per
	// capitoli**" over "**Capitolo 1**", "**Capitolo 7**") are its
	// subsections, as under a "## " heading (they were sections beside an
	// empty one).
	levels := map[int]int{}
	summary := false
	for _, i := range at {
		s, _ := r.boldLine(nodes[i].(*ast.Paragraph))
		h := vocab.Classify(s)
		switch {
		case summary && vocab.PartOfBook(s) && h.Kind == vocab.Unknown:
			levels[i] = 3
		default:
			summary = h.Kind == vocab.Section && h.Role == content.RoleSummary
			levels[i] = 2
		}
	}
	out := r.toHeadings(nodes, at, func(i int) int { return levels[i] })
	r.note(r.lineOf(out[at[0]]), "the guide has no headings: read its %d lines wholly in bold as its section headings (give them \"## \" to say so)", len(at))
	return out
}

// boldParts reads lines wholly in bold that name a part of the book
// ("**Chapter 1**", "**Kapitel II**"), two or more under one heading and
// each over text of its own, as headings one level under it: a
// "## Chapter Summaries" so written is its chapters, not paragraphs. Not
// under the quotes or the FAQ, whose subheadings are quotes and questions.
func (r *reader) boldParts(nodes []ast.Node) []ast.Node {
	var at, levels []int
	var run []int // the bold parts under the current heading
	level := 0
	end := func() {
		if len(run) >= 2 {
			at = append(at, run...)
			for range run {
				levels = append(levels, min(level+1, 6))
			}
		}
		run = nil
	}
	for i, n := range nodes {
		switch n := n.(type) {
		case *ast.Heading:
			end()
			level = n.Level
			if k := vocab.Classify(r.rawHeading(n)).Kind; k == vocab.Quotes || k == vocab.FAQ {
				level = 0
			}
		case *ast.Paragraph:
			if level == 0 || i+1 >= len(nodes) {
				continue
			}
			s, ok := r.boldLine(n)
			if !ok || !vocab.PartOfBook(s) {
				continue
			}
			if next, ok := nodes[i+1].(*ast.Paragraph); ok {
				if _, bold := r.boldLine(next); bold {
					continue
				}
			} else if _, ok := nodes[i+1].(*ast.Heading); ok {
				continue
			}
			run = append(run, i)
		}
	}
	end()
	if len(at) == 0 {
		return nodes
	}
	k := 0
	out := r.toHeadings(nodes, at, func(int) int { k++; return levels[k-1] })
	r.note(r.lineOf(out[at[0]]), "read %d lines wholly in bold that name a part of the book (%q) as headings (give them \"#\"s to say so)", len(at), r.rawHeading(out[at[0]].(*ast.Heading)))
	return out
}

// toHeadings makes the paragraphs at the indexes at of nodes headings, of
// the level level gives for each in turn.
func (r *reader) toHeadings(nodes []ast.Node, at []int, level func(int) int) []ast.Node {
	out := append([]ast.Node(nil), nodes...)
	for _, i := range at {
		p := out[i].(*ast.Paragraph)
		h := ast.NewHeading(level(i))
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
	return out
}

// boldLine tells a one-line paragraph that is all one bold span of plain
// text, short, not a question and not a sentence: a heading typed as bold.
func (r *reader) boldLine(p *ast.Paragraph) (string, bool) {
	if p.Lines().Len() != 1 {
		return "", false
	}
	var em *ast.Emphasis
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Emphasis:
			if em != nil || c.Level != 2 {
				return "", false
			}
			em = c
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(r.src))) != "" {
				return "", false
			}
		default:
			return "", false
		}
	}
	if em == nil {
		return "", false
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
		return "", false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return s, !strings.ContainsRune(".!?;,…？。！", last)
}

// htmlHeadingRE: a heading written in HTML on a line of its own,
// "<h2>Sonnet 18</h2>", with plain text inside.
var htmlHeadingRE = lazyre.New(`^[ \t]*<[hH]([1-6])(?:\s[^<>]*)?>([^<>]*)</[hH]([1-6])>[ \t]*\r?\n?$`)

// htmlHeading is the heading an HTML block of one <hN> element stands for
// (pasted from a web page or written by hand), or nil: it was left out
// with a warning and its text read as a paragraph — in the synopsis, where
// it ran the verse under it into one line.
func (r *reader) htmlHeading(b *ast.HTMLBlock) *ast.Heading {
	if b.Lines().Len() != 1 {
		return nil
	}
	seg := b.Lines().At(0)
	m := htmlHeadingRE.FindStringSubmatchIndex(string(seg.Value(r.src)))
	if m == nil || r.src[seg.Start+m[2]] != r.src[seg.Start+m[6]] {
		return nil
	}
	inner := text.NewSegment(seg.Start+m[4], seg.Start+m[5])
	inner = inner.TrimLeftSpace(r.src)
	inner = inner.TrimRightSpace(r.src)
	if inner.Len() == 0 {
		return nil
	}
	h := ast.NewHeading(int(r.src[seg.Start+m[2]] - '0'))
	h.Lines().Append(inner)
	h.AppendChild(h, ast.NewTextSegment(inner))
	return h
}
