// Command tomd converts a guide to pandoc Markdown, so that `make bench`
// can time pandoc and WeasyPrint on exactly the content guidepress builds.
// It is a benchmark aid, not a supported output format.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tomd GUIDE > guide.md")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	g, err := importer.Load(os.Args[1], data, importer.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.WriteString(markdown(g))
}

func markdown(g *content.Guide) string {
	var b strings.Builder
	esc := func(s string) string {
		r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `<`, `\<`, `>`, `\>`, `#`, `\#`, `[`, `\[`, `]`, `\]`)
		return r.Replace(s)
	}
	yaml := func(s string) string { return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"` }
	fmt.Fprintf(&b, "---\ntitle: %s\nauthor: %s\nlang: %s\n---\n\n", yaml(g.Title), yaml(g.Book.Author), g.Language)
	for _, p := range g.Synopsis {
		b.WriteString(esc(p.Plain()) + "\n\n")
	}
	if len(g.Quotes) > 0 {
		b.WriteString("# Key Quotes\n\n")
		for _, q := range g.Quotes {
			b.WriteString("> " + esc(q.Text.Plain()) + "\n\n")
		}
	}
	var section func(s content.Section, level int)
	section = func(s content.Section, level int) {
		fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", level), esc(s.Title))
		for _, bl := range s.Blocks {
			if bl.Kind == content.BlockQuote {
				b.WriteString("> ")
			}
			b.WriteString(esc(bl.Text.Plain()) + "\n\n")
		}
		for _, sub := range s.Subsections {
			section(sub, level+1)
		}
	}
	for _, s := range g.Sections {
		section(s, 1)
	}
	if len(g.FAQ) > 0 {
		b.WriteString("# Appendix — Frequently Asked Questions\n\n")
		for _, f := range g.FAQ {
			fmt.Fprintf(&b, "## %s\n\n", esc(f.Question))
			for _, a := range f.Answer {
				b.WriteString(esc(a.Plain()) + "\n\n")
			}
		}
	}
	return b.String()
}
