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
)

//go:embed style.css fonts.css body.xhtml.tmpl nav.xhtml.tmpl
var files embed.FS

// Body holds the content-document body templates: "cover", "titlepage",
// "quotes", "chapter", "faq".
var Body = template.Must(template.ParseFS(files, "body.xhtml.tmpl"))

// Nav is the navigation document template.
var Nav = template.Must(template.ParseFS(files, "nav.xhtml.tmpl"))

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
