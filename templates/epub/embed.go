// Package epub holds the EPUB's templates and stylesheets as embedded data
// (in the way Pandoc keeps data/templates): the XHTML bodies and the
// navigation document (html/template, so all text is escaped), the
// reflowable stylesheet and the @font-face rules used when fonts are
// embedded. export/epub executes them; it never pastes text into markup.
//
// Import it under another name beside export/epub, e.g.
// `tmpl "github.com/guidepress/guidepress/templates/epub"`.
package epub

import (
	"bytes"
	"embed"
	"html/template"
	"strings"
	"sync"
)

//go:embed style.css fonts.css body.xhtml.tmpl nav.xhtml.tmpl
var files embed.FS

// Body holds the content-document body templates: "cover", "titlepage",
// "quotes", "chapter", "faq". The templates are parsed on first use, not
// at start-up (about 0.7 ms and 120 KB of allocations that a process
// building no EPUB, or only asked for --version, need not pay).
var Body = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("body.xhtml.tmpl").Funcs(template.FuncMap{"urlParts": URLParts, "blank": blank}).ParseFS(files, "body.xhtml.tmpl"))
})

// URLParts splits link text that is a URL after each '/' not followed by
// another (so "https://" stays whole), for the template to join with <wbr/>:
// a long URL on a narrow screen then breaks between its parts rather than
// wherever the line ends (overflow-wrap). Other text is one part.
func URLParts(s string) []string {
	if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "www.") {
		return []string{s}
	}
	var parts []string
	start := 0
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '/' && s[i+1] != '/' {
			parts = append(parts, s[start:i+1])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// Nav is the navigation document template, parsed on first use.
var Nav = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(files, "nav.xhtml.tmpl"))
})

// StyleCSS is the main stylesheet.
func StyleCSS() []byte { return read("style.css") }

// FontsCSS is the @font-face block appended when fonts are embedded.
func FontsCSS() []byte { return read("fonts.css") }

func read(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("templates/epub: " + name + " missing: " + err.Error())
	}
	return bytes.Clone(b)
}

// blank reports whether s has nothing to show: a link around it would be a
// link without a name (WCAG 2.4.4; Ace's link-name rule), so the template
// sets such a span as plain text.
func blank(s string) bool { return strings.TrimSpace(s) == "" }
