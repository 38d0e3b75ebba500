package epub

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
)

// sanitize returns a deep copy of g whose every string can be written into
// XML 1.0 (§2.2 Char): invalid UTF-8, C0 and C1 controls (other than tab,
// which becomes a space), U+FFFE and U+FFFF are removed. Each repair is
// reported as a warning, so a damaged input never reaches the book
// silently and never breaks it either.
func sanitize(g *content.Guide) (*content.Guide, []content.Diagnostic) {
	var diags []content.Diagnostic
	clean := func(path, s string) string {
		if isClean(s) {
			return s
		}
		var b strings.Builder
		n := 0
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "")
			n++
		}
		for _, r := range s {
			switch {
			case r == '\t':
				b.WriteByte(' ')
			case r == '\n' || r == '\r':
				b.WriteByte(' ')
			case unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF:
				n++
			default:
				b.WriteRune(r)
			}
		}
		if n > 0 {
			diags = append(diags, content.Diagnostic{Severity: content.Warning,
				Message: fmt.Sprintf("epub: %s: removed %d character(s) that cannot appear in an e-book (control characters or invalid UTF-8)", path, n)})
		}
		return b.String()
	}
	out := *g
	out.Title = clean("title", g.Title)
	out.Book.Title = clean("book.title", g.Book.Title)
	out.Book.Author = clean("book.author", g.Book.Author)
	out.Language = clean("language", g.Language)
	out.Synopsis = make([]string, len(g.Synopsis))
	for i, p := range g.Synopsis {
		out.Synopsis[i] = clean(fmt.Sprintf("synopsis[%d]", i), p)
	}
	out.Quotes = make([]content.Quote, len(g.Quotes))
	for i, q := range g.Quotes {
		out.Quotes[i] = content.Quote{Text: clean(fmt.Sprintf("quotes[%d].text", i), q.Text)}
	}
	var sections func(prefix string, ss []content.Section) []content.Section
	sections = func(prefix string, ss []content.Section) []content.Section {
		if ss == nil {
			return nil
		}
		res := make([]content.Section, len(ss))
		for i, s := range ss {
			p := fmt.Sprintf("%s[%d]", prefix, i)
			res[i].Title = clean(p+".title", s.Title)
			res[i].Blocks = make([]content.Block, len(s.Blocks))
			for j, b := range s.Blocks {
				res[i].Blocks[j] = content.Block{Kind: b.Kind, Text: clean(fmt.Sprintf("%s.blocks[%d].text", p, j), b.Text)}
			}
			res[i].Subsections = sections(p+".subsections", s.Subsections)
		}
		return res
	}
	out.Sections = sections("sections", g.Sections)
	out.FAQ = make([]content.FAQEntry, len(g.FAQ))
	for i, f := range g.FAQ {
		p := fmt.Sprintf("faq[%d]", i)
		e := content.FAQEntry{Question: clean(p+".question", f.Question), Answer: make([]string, len(f.Answer))}
		for j, a := range f.Answer {
			e.Answer[j] = clean(fmt.Sprintf("%s.answer[%d]", p, j), a)
		}
		out.FAQ[i] = e
	}
	out.Diagnostics = nil
	return &out, diags
}

func isClean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}
