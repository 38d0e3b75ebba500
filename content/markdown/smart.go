package markdown

import (
	"cmp"
	"slices"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/typography"
)

// Smarten returns a copy of g with the project's smart punctuation
// (typography.SmartText, typography.Smart) applied to every text a reader
// sees, as the reader does unless told not to. The Markdown writer uses it
// to tell whether a model would read back unchanged.
func Smarten(g *content.Guide) *content.Guide { return smarten(g, nil) }

// smarten is Smarten keeping as typed the code typed in the guide's and
// the book's titles, section titles and FAQ questions, which the model
// holds as strings: code maps such a
// title or question to where its code spans are (reader.keepCode).
func smarten(g *content.Guide, code map[string][][2]int) *content.Guide {
	out := *g
	s := typography.Smart
	title := s
	if len(code) > 0 {
		title = func(t string) string { return smartKeeping(t, code[t]) }
	}
	out.Title, out.Author, out.Publisher = title(g.Title), s(g.Author), s(g.Publisher)
	out.Book.Title, out.Book.Author = title(g.Book.Title), s(g.Book.Author)
	out.Synopsis = texts(g.Synopsis)
	if g.Quotes != nil {
		out.Quotes = make([]content.Quote, len(g.Quotes))
		for i, q := range g.Quotes {
			out.Quotes[i] = content.Quote{Text: typography.SmartText(q.Text), Lines: texts(q.Lines),
				Attribution: typography.SmartText(q.Attribution), Explanation: texts(q.Explanation)}
		}
	}
	out.Sections = sections(g.Sections, title)
	if g.FAQ != nil {
		out.FAQ = make([]content.FAQEntry, len(g.FAQ))
		for i, f := range g.FAQ {
			out.FAQ[i] = content.FAQEntry{Question: title(f.Question), Answer: texts(f.Answer)}
		}
	}
	return &out
}

func texts(ts []content.Text) []content.Text {
	if ts == nil {
		return nil
	}
	out := make([]content.Text, len(ts))
	for i, t := range ts {
		out[i] = typography.SmartText(t)
	}
	return out
}

func sections(ss []content.Section, title func(string) string) []content.Section {
	if ss == nil {
		return nil
	}
	out := make([]content.Section, len(ss))
	for i, s := range ss {
		out[i] = content.Section{Title: title(s.Title), Role: s.Role, Subsections: sections(s.Subsections, title)}
		if s.Blocks != nil {
			out[i].Blocks = make([]content.Block, len(s.Blocks))
			for j, b := range s.Blocks {
				out[i].Blocks[j] = block(b)
			}
		}
	}
	return out
}

func block(b content.Block) content.Block {
	out := b
	out.Text = typography.SmartText(b.Text)
	out.Lines = texts(b.Lines)
	out.Speaker = typography.Smart(b.Speaker)
	out.Attribution = typography.SmartText(b.Attribution)
	out.Explanation = texts(b.Explanation)
	out.Items = items(b.Items)
	if b.Terms != nil {
		out.Terms = make([]content.Definition, len(b.Terms))
		for i, d := range b.Terms {
			out.Terms[i] = content.Definition{Term: typography.SmartText(d.Term), Definition: typography.SmartText(d.Definition)}
		}
	}
	out.Caption = typography.SmartText(b.Caption)
	out.Header = texts(b.Header)
	if b.Rows != nil {
		out.Rows = make([][]content.Text, len(b.Rows))
		for i, row := range b.Rows {
			out.Rows[i] = texts(row)
		}
	}
	return out
}

func items(its []content.ListItem) []content.ListItem {
	if its == nil {
		return nil
	}
	out := make([]content.ListItem, len(its))
	for i, it := range its {
		out[i] = content.ListItem{Text: typography.SmartText(it.Text)}
		if it.Sublist != nil {
			sub := *it.Sublist
			sub.Items = items(it.Sublist.Items)
			out[i].Sublist = &sub
		}
	}
	return out
}

// smartKeeping is typography.Smart on s but for the code in it: the
// byte ranges code (keepCode's; they may overlap or repeat) are kept as
// typed, and the text beside them is set as typography.SmartText sets
// text beside a code span.
func smartKeeping(s string, code [][2]int) string {
	if len(code) == 0 {
		return typography.Smart(s)
	}
	code = slices.Clone(code)
	slices.SortFunc(code, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var t content.Text
	plain := 0 // where the text not yet in t starts
	for _, c := range code {
		a, b := max(c[0], plain), c[1]
		if a >= b {
			continue // within the last range
		}
		if plain < a {
			t = append(t, content.Span{Text: s[plain:a]})
		}
		t = append(t, content.Span{Text: s[a:b], Code: true})
		plain = b
	}
	if plain < len(s) {
		t = append(t, content.Span{Text: s[plain:]})
	}
	return typography.SmartText(t).Plain()
}
