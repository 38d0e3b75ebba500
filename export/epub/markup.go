package epub

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	tmpl "github.com/guidepress/guidepress/templates/epub"
)

// The markup that grows with the guide — each body section's element,
// heading and paragraphs, the navigation document's entries and its page
// list — is written here by an escaping writer, to exactly the bytes the
// templates give (TestMarkupAsTemplates compares the two for every
// fixture, shape and style). html/template finds every field and
// function by reflection and escapes through a chain of interfaces: for
// a 4 MiB guide of 195,699 one-line sections, executing the chapter and
// navigation templates was 5.7 s of the build's 24 s of CPU. A block
// the writer does not write itself (a quotation, list, table, verse,
// definitions, or text with a link, whose href html/template filters and
// normalises) is handed to the "blocks" template on its own: "blocks"
// writes each block of its range independently, so the bytes are the
// same.

// escapeHTML writes s as html/template escapes a string in text and in a
// quoted attribute value (htmlReplacementTable): NUL as U+FFFD, and
// " & ' + < > as references. Every byte it replaces is ASCII, so it can
// go byte by byte.
func escapeHTML(w *bytes.Buffer, s string) {
	done := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		w.WriteString(s[done:i])
		w.WriteString(r)
		done = i + 1
	}
	w.WriteString(s[done:])
}

// writeSection writes d as the "chapter" template does once render
// trims it (a body section, level 1) or as "subsection" does.
func writeSection(w *bytes.Buffer, d *sectionData) error {
	if d.Level == 1 {
		w.WriteString(`<section class="chapter" epub:type="chapter" role="doc-chapter" id="`)
		escapeHTML(w, d.ID)
		w.WriteString(`" aria-labelledby="`)
		escapeHTML(w, d.ID)
		w.WriteString("-h\">\n")
	} else {
		w.WriteString("\n<section class=\"subsection\" id=\"")
		escapeHTML(w, d.ID)
		w.WriteString("\">\n")
	}
	if err := writeSectionContent(w, d); err != nil {
		return err
	}
	w.WriteString("\n</section>")
	return nil
}

// writeSectionContent writes d's heading, blocks and subsections.
func writeSectionContent(w *bytes.Buffer, d *sectionData) error {
	h := "h4"
	switch d.Level {
	case 1:
		h = "h1"
	case 2:
		h = "h2"
	case 3:
		h = "h3"
	}
	w.WriteString("<" + h + ` id="`)
	escapeHTML(w, d.ID)
	w.WriteString(`-h" dir="auto">`)
	escapeHTML(w, d.Title)
	w.WriteString("</" + h + ">")
	for i := range d.Blocks {
		if err := writeBlock(w, &d.Blocks[i]); err != nil {
			return err
		}
	}
	for i := range d.Subsections {
		w.WriteByte('\n')
		if err := writeSection(w, &d.Subsections[i]); err != nil {
			return err
		}
	}
	return nil
}

// writeBlock writes a paragraph of unlinked text itself and hands any
// other block to the "blocks" template.
func writeBlock(w *bytes.Buffer, bd *blockData) error {
	if bd.Quote != nil || bd.Kind != content.Paragraph || hasLink(bd.Text) {
		if err := tmpl.Body().ExecuteTemplate(w, "blocks", []blockData{*bd}); err != nil {
			return fmt.Errorf("epub: template blocks: %w", err)
		}
		return nil
	}
	w.WriteString("\n<p dir=\"auto\">")
	for _, s := range bd.Text {
		if s.Strong {
			w.WriteString("<strong>")
		}
		if s.Em {
			w.WriteString("<em>")
		}
		if s.Code {
			w.WriteString("<code>")
		}
		escapeHTML(w, s.Text)
		if s.Code {
			w.WriteString("</code>")
		}
		if s.Em {
			w.WriteString("</em>")
		}
		if s.Strong {
			w.WriteString("</strong>")
		}
	}
	w.WriteString("</p>")
	return nil
}

func hasLink(t content.Text) bool {
	for _, s := range t {
		if s.Href != "" {
			return true
		}
	}
	return false
}

// plainHref reports whether href is one html/template writes unchanged
// in an href attribute (no scheme to filter, nothing to percent-encode
// or escape): every link the book makes to its own documents is
// (xhtml/chapter-01.xhtml#s2-1, nav.xhtml#page-3).
func plainHref(href string) bool {
	for i := 0; i < len(href); i++ {
		c := href[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '/' || c == '#') {
			return false
		}
	}
	return true
}

// writeNavItems writes the table of contents' entries es, each on its
// own line, as the navigation template's "navitem" does; an entry whose
// link is not plain (never one the book makes) is left to "navitem".
func writeNavItems(w *bytes.Buffer, es []*navEntry) error {
	for _, e := range es {
		w.WriteByte('\n')
		if !plainHref(e.Href) {
			if err := tmpl.Nav().ExecuteTemplate(w, "navitem", e); err != nil {
				return fmt.Errorf("epub: navigation document: %w", err)
			}
			continue
		}
		w.WriteString(`<li><a href="`)
		w.WriteString(e.Href)
		w.WriteByte('"')
		if e.Lang != "" {
			w.WriteString(` lang="`)
			escapeHTML(w, e.Lang)
			w.WriteString(`" xml:lang="`)
			escapeHTML(w, e.Lang)
			w.WriteByte('"')
		}
		w.WriteByte('>')
		escapeHTML(w, e.Title)
		w.WriteString("</a>")
		if len(e.Children) > 0 {
			w.WriteString("\n<ol>")
			if err := writeNavItems(w, e.Children); err != nil {
				return err
			}
			w.WriteString("\n</ol>")
		}
		w.WriteString("</li>")
	}
	return nil
}

// writePageItems writes the page list's entries, each on its own line.
func writePageItems(w *bytes.Buffer, pages []pageRef) error {
	for _, p := range pages {
		if !plainHref(p.Href) {
			return fmt.Errorf("epub: page list: link %q is not one the book makes", p.Href) // never reached: positional
		}
		w.WriteString("\n<li><a href=\"")
		w.WriteString(p.Href)
		w.WriteString(`">`)
		escapeHTML(w, p.Label)
		w.WriteString("</a></li>")
	}
	return nil
}

// escapeXML writes s escaped as encoding/xml escapes text and attribute
// values (printer.EscapeString): " ' & < > as references, tab, newline
// and carriage return as character references, and invalid UTF-8 or a
// character outside XML's range as U+FFFD.
func escapeXML(w *bytes.Buffer, s string) {
	done := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		switch {
		case c == '"':
			esc = "&#34;"
		case c == '\'':
			esc = "&#39;"
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\t':
			esc = "&#x9;"
		case c == '\n':
			esc = "&#xA;"
		case c == '\r':
			esc = "&#xD;"
		case c < ' ':
			esc = "\uFFFD"
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			width = n
			if !inCharRange(r) || r == utf8.RuneError && n == 1 {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			w.WriteString(s[done:i])
			w.WriteString(esc)
			done = i + width
		}
		i += width
	}
	w.WriteString(s[done:])
}
