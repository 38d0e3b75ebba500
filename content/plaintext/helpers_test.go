package plaintext

import "github.com/guidepress/guidepress/content"

// modelTexts lists every text of the model in document order.
func modelTexts(g *content.Guide) []string {
	out := []string{g.Title, g.Book.Title, g.Book.Author}
	out = append(out, content.PlainAll(g.Synopsis)...)
	for _, q := range g.Quotes {
		out = append(out, q.Text.Plain())
	}
	var walk func([]content.Section)
	walk = func(ss []content.Section) {
		for _, s := range ss {
			out = append(out, s.Title)
			for _, b := range s.Blocks {
				out = append(out, b.Text.Plain())
			}
			walk(s.Subsections)
		}
	}
	walk(g.Sections)
	for _, f := range g.FAQ {
		out = append(out, f.Question)
		out = append(out, content.PlainAll(f.Answer)...)
	}
	return out
}
