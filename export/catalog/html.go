package catalog

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/guidepress/guidepress/internal/langname"
)

// index.html: a static page (no JavaScript) listing every guide with its
// thumbnail, what it is about, and links to its files with their sizes.
// html/template escapes every value. Accessibility: one h1, headings in
// order, landmarks (header, nav when grouped, main), the guide's title in
// its own language (lang), thumbnails marked decorative because the title
// beside them says the same, links whose text names the file and the
// guide, and colours above 7:1 contrast.
//
// The template is parsed on first use: parsing it in a package init cost
// every guidepress process ~0.5 ms and 26 KB (2.4% of --version's perf
// samples), though only a build with --catalog writes the page.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("index").Parse(pageTemplate))
})

const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="alternate" type="{{.FeedType}}" title="OPDS catalogue" href="{{.Feed}}">
<style>
body { margin: 0 auto; max-width: 48rem; padding: 1rem; font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
.guides { list-style: none; margin: 0; padding: 0; }
.guide { display: flex; gap: 1rem; align-items: flex-start; padding: 1rem 0; border-top: 1px solid #767676; }
.guide img { flex: none; width: 5rem; height: auto; border: 1px solid #767676; }
.guide h2, .guide h3 { margin: 0 0 0.25rem; font-size: 1.2rem; }
.guide p { margin: 0 0 0.25rem; }
.files { margin: 0.25rem 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.meta { color: #3d3d3d; }
.hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p>{{.Count}}. E-reader apps such as KOReader, Thorium and Moon+ Reader can browse them through the <a href="{{.Feed}}">OPDS catalogue</a>.</p>
</header>
{{- if .Groups}}
<nav aria-label="Book authors">
<ul>
{{- range .Groups}}
<li><a href="#{{.Anchor}}">{{.Label}}</a> ({{len .Guides}})</li>
{{- end}}
</ul>
</nav>
<main>
{{- range .Groups}}
<section aria-labelledby="{{.Anchor}}">
<h2 id="{{.Anchor}}">{{.Label}}</h2>
{{template "guides" .Guides}}
</section>
{{- end}}
</main>
{{- else}}
<main>
{{template "guides" .Guides}}
</main>
{{- end}}
</body>
</html>
{{define "guides"}}<ul class="guides">
{{- range .}}
<li class="guide" id="{{.Anchor}}">
{{- if .Thumb}}
<img src="{{.Thumb}}" alt="" width="{{.ThumbW}}" height="{{.ThumbH}}">
{{- end}}
<div>
{{if .Grouped}}<h3 lang="{{.Lang}}">{{.Title}}</h3>{{else}}<h2 lang="{{.Lang}}">{{.Title}}</h2>{{end}}
{{- if .Book}}
<p>A study guide to <cite>{{.Book}}</cite>{{if .BookAuthor}} by {{.BookAuthor}}{{end}}.</p>
{{- end}}
<p class="meta">{{.LangName}}{{if .Authors}} · by {{.Authors}}{{end}}{{if .Publisher}} · {{.Publisher}}{{end}} · updated <time datetime="{{.Updated}}">{{.Updated}}</time></p>
<ul class="files">
{{- range .Files}}
<li><a href="{{.Href}}" type="{{.Type}}">{{.Label}}<span class="hidden"> of {{.Of}}</span></a> ({{.Size}})</li>
{{- end}}
</ul>
</div>
</li>
{{- end}}
</ul>{{end}}`

type pageData struct {
	Title, Count   string
	Feed, FeedType string
	Groups         []pageGroup
	Guides         []pageGuide
}

type pageGroup struct {
	Label, Anchor string
	Guides        []pageGuide
}

type pageGuide struct {
	Anchor, Thumb  string
	ThumbW, ThumbH int
	Grouped        bool // under an author's h2: the title is an h3
	Lang, LangName string
	Title, Book    string
	BookAuthor     string
	Authors        string
	Publisher      string
	Updated        string
	Files          []pageFile
}

type pageFile struct {
	Href, Type, Label, Of, Size string
}

func index(entries []Entry, groups []group, byAuth bool, opts Options) ([]byte, error) {
	d := pageData{Title: opts.Title, Feed: href(opts, IndexFile, FeedFile), FeedType: acquisitionType}
	d.Count = fmt.Sprintf("%d study guides", len(entries))
	if len(entries) == 1 {
		d.Count = "1 study guide"
	}
	if byAuth {
		for _, g := range groups {
			pg := pageGroup{Label: g.Label, Anchor: "author-" + g.Slug}
			for _, e := range g.Entries {
				pg.Guides = append(pg.Guides, guideData(e, byAuth, opts))
			}
			d.Groups = append(d.Groups, pg)
		}
	} else {
		for _, e := range entries {
			d.Guides = append(d.Guides, guideData(e, byAuth, opts))
		}
	}
	var out bytes.Buffer
	if err := page().Execute(&out, d); err != nil {
		return nil, fmt.Errorf("catalogue: index.html: %w", err)
	}
	return out.Bytes(), nil
}

func guideData(e Entry, grouped bool, opts Options) pageGuide {
	m := e.Meta
	g := pageGuide{Anchor: anchor(e.Name), Grouped: grouped, Lang: m.Language, LangName: languageName(m.Language),
		Title: m.Title, Book: e.BookTitle, BookAuthor: e.BookAuthor,
		Authors: strings.Join(m.Creators, ", "), Publisher: m.Publisher}
	if !m.Modified.IsZero() {
		g.Updated = m.Modified.Format("2006-01-02")
	} else {
		g.Updated = opts.Updated.Format("2006-01-02")
	}
	if e.Thumb != nil {
		g.Thumb = href(opts, IndexFile, e.Thumb.Href)
		// Shown 80 CSS pixels wide (5rem); the file has twice the pixels.
		g.ThumbW, g.ThumbH = 80, max(1, e.Thumb.Height*80/max(1, e.Thumb.Width))
	}
	for _, a := range e.Files {
		g.Files = append(g.Files, pageFile{Href: href(opts, IndexFile, a.Href), Type: a.MediaType, Label: a.Label, Of: m.Title, Size: size(a.Size)})
	}
	if e.Record != "" {
		g.Files = append(g.Files, pageFile{Href: href(opts, IndexFile, e.Record), Type: MARCType, Label: "MARC record", Of: m.Title, Size: "catalogue data"})
	}
	return g
}

// anchor is a fragment id for a guide, unique for each name: letters,
// digits and hyphens stay, every other byte is written as _XX.
func anchor(name string) string {
	var b strings.Builder
	b.WriteString("guide-")
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "_%02X", c)
		}
	}
	return b.String()
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func languageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := langname.Tag(t); n != "" {
		return n
	}
	return tag
}
