package content

import "fmt"

// Path names a field of the model by its JSON path ("sections[2].blocks[0].
// items[1].text"). It is formatted only when called: a guide has thousands
// of text fields and most rewrites change none of them.
type Path func() string

// Rewrite returns a deep copy of g in which every piece of text a reader
// sees — titles, names, paragraphs, spans, list items, terms, cells, verse
// lines, attributions, questions and answers — has been passed through f.
// Links, styles, numbers, roles and diagnostics are copied as they are.
// f must not return "" for a non-empty string if the result is to stay
// valid.
//
// One walk for every rewrite (sanitising for XML, typography, tests) keeps a
// new field of the model from being missed by one of them.
func (g *Guide) Rewrite(f func(path Path, s string) string) *Guide {
	r := rewriter{f: f}
	out := *g
	out.Title = r.str(g.Title, "title")
	out.Author = r.str(g.Author, "author")
	out.Publisher = r.str(g.Publisher, "publisher")
	out.Book.Title = r.str(g.Book.Title, "book.title")
	out.Book.Author = r.str(g.Book.Author, "book.author")
	out.Synopsis = r.texts(g.Synopsis, "synopsis")
	if g.Quotes != nil {
		out.Quotes = make([]Quote, len(g.Quotes))
		for i, q := range g.Quotes {
			p := fmt.Sprintf("quotes[%d]", i)
			out.Quotes[i] = Quote{
				Text:        r.text(q.Text, p+".text"),
				Lines:       r.texts(q.Lines, p+".lines"),
				Attribution: r.text(q.Attribution, p+".attribution"),
				Explanation: r.texts(q.Explanation, p+".explanation"),
			}
		}
	}
	out.Sections = r.sections(g.Sections, "sections")
	if g.FAQ != nil {
		out.FAQ = make([]FAQEntry, len(g.FAQ))
		for i, e := range g.FAQ {
			p := fmt.Sprintf("faq[%d]", i)
			out.FAQ[i] = FAQEntry{Question: r.str(e.Question, p+".question"), Answer: r.texts(e.Answer, p+".answer")}
		}
	}
	out.Diagnostics = append([]Diagnostic(nil), g.Diagnostics...)
	return &out
}

type rewriter struct {
	f func(Path, string) string
}

func (r rewriter) str(s, path string) string {
	if s == "" {
		return ""
	}
	return r.f(func() string { return path }, s)
}

func (r rewriter) text(t Text, path string) Text {
	if t == nil {
		return nil
	}
	out := make(Text, len(t))
	for i, s := range t {
		i := i
		if len(t) == 1 {
			s.Text = r.f(func() string { return path }, s.Text)
		} else {
			s.Text = r.f(func() string { return fmt.Sprintf("%s[%d].text", path, i) }, s.Text)
		}
		out[i] = s
	}
	return out
}

func (r rewriter) texts(ts []Text, path string) []Text {
	if ts == nil {
		return nil
	}
	out := make([]Text, len(ts))
	for i, t := range ts {
		out[i] = r.text(t, fmt.Sprintf("%s[%d]", path, i))
	}
	return out
}

func (r rewriter) sections(ss []Section, path string) []Section {
	if ss == nil {
		return nil
	}
	out := make([]Section, len(ss))
	for i, s := range ss {
		p := fmt.Sprintf("%s[%d]", path, i)
		out[i] = Section{Title: r.str(s.Title, p+".title"), Role: s.Role, Subsections: r.sections(s.Subsections, p+".subsections")}
		if s.Blocks != nil {
			out[i].Blocks = make([]Block, len(s.Blocks))
			for j, b := range s.Blocks {
				out[i].Blocks[j] = r.block(b, fmt.Sprintf("%s.blocks[%d]", p, j))
			}
		}
	}
	return out
}

func (r rewriter) block(b Block, p string) Block {
	out := b
	out.Text = r.text(b.Text, p+".text")
	out.Lines = r.texts(b.Lines, p+".lines")
	out.Speaker = r.str(b.Speaker, p+".speaker")
	out.Attribution = r.text(b.Attribution, p+".attribution")
	out.Explanation = r.texts(b.Explanation, p+".explanation")
	out.Items = r.items(b.Items, p+".items")
	if b.Terms != nil {
		out.Terms = make([]Definition, len(b.Terms))
		for i, d := range b.Terms {
			dp := fmt.Sprintf("%s.terms[%d]", p, i)
			out.Terms[i] = Definition{Term: r.text(d.Term, dp+".term"), Definition: r.text(d.Definition, dp+".definition")}
		}
	}
	out.Caption = r.text(b.Caption, p+".caption")
	out.Header = r.texts(b.Header, p+".header")
	if b.Rows != nil {
		out.Rows = make([][]Text, len(b.Rows))
		for i, row := range b.Rows {
			out.Rows[i] = r.texts(row, fmt.Sprintf("%s.rows[%d]", p, i))
		}
	}
	return out
}

func (r rewriter) items(items []ListItem, p string) []ListItem {
	if items == nil {
		return nil
	}
	out := make([]ListItem, len(items))
	for i, it := range items {
		ip := fmt.Sprintf("%s[%d]", p, i)
		out[i] = ListItem{Text: r.text(it.Text, ip+".text")}
		if it.Sublist != nil {
			sub := *it.Sublist
			sub.Items = r.items(it.Sublist.Items, ip+".sublist.items")
			out[i].Sublist = &sub
		}
	}
	return out
}
