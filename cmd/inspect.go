package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/guidepress/guidepress/batch"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/content/mdout"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf"
	"github.com/guidepress/guidepress/internal/termsafe"
	"github.com/spf13/cobra"
)

type inspectOptions struct {
	io    *IOStreams
	input string
	json  bool
	md    bool
	imp   importFlags
}

func newInspectCmd(ios *IOStreams) *cobra.Command {
	opts := &inspectOptions{io: ios}
	c := &cobra.Command{
		Use:   "inspect FILE",
		Short: "Show what guidepress understood of a guide, and every diagnostic",
		Long: `inspect reads one guide and prints its outline: title, author, reading time,
highlighted quotes, sections with their subsections, FAQ entries and block
quotes, followed by every diagnostic as FILE:LINE: severity: message.

With --json it prints the guide model as JSON instead, and with --markdown as
canonical Markdown (front matter and body). Both are accepted as input by
'build' and 'inspect' and read back to the same guide, so a misread guide can
be fixed by hand:

  guidepress inspect --markdown guide.txt > guide.md   # fix what was misread
  guidepress build guide.md`,
		Example: `  guidepress inspect examples/frankenstein.txt
  guidepress inspect --json guide.txt > guide.json
  guidepress inspect --markdown guide.txt > guide.md
  cat guide.txt | guidepress inspect -`,
		Args: func(c *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usagef("inspect needs one guide file, or - for standard input")
			case len(args) > 1:
				return usagef("inspect reads one guide at a time, not %d: run it once per file (for f in ...; do guidepress inspect \"$f\"; done)", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.input = args[0]
			return runInspect(opts)
		},
	}
	c.Flags().BoolVar(&opts.json, "json", false, "print the guide model as JSON (the same JSON build accepts)")
	c.Flags().BoolVar(&opts.md, "markdown", false, "print the guide as canonical Markdown that build reads back to the same guide")
	opts.imp.register(c.Flags())
	registerImportCompletions(c)
	return c
}

func runInspect(opts *inspectOptions) error {
	if opts.json && opts.md {
		return usagef("--json and --markdown each print the whole guide: give one of them")
	}
	iopts, max, err := opts.imp.options()
	if err != nil {
		return err
	}
	in := batch.Input{Path: opts.input}
	if in.Path != batch.Stdin {
		// A missing file or a directory is a wrong argument (exit 2), as
		// in build.
		if st, err := os.Stat(in.Path); err == nil && st.IsDir() {
			return usagef("%s: is a directory; inspect reads one guide file: name one inside it (guidepress build takes whole directories)", in.Path)
		} else if err != nil {
			if _, cerr := batch.Collect([]string{in.Path}); cerr != nil {
				return usageError{cerr}
			}
		}
	}
	data, err := batch.ReadInput(in, max, opts.io.In)
	if err != nil {
		return err
	}
	g, err := importer.Load(in.Name(), data, iopts)
	if err != nil {
		return err
	}
	if opts.json {
		return content.EncodeJSON(opts.io.Out, g)
	}
	if opts.md {
		return mdout.Write(opts.io.Out, g)
	}
	// Characters no embedded font can print are found by laying the guide
	// out as the default PDF: build -v reports them, and inspect must not
	// say "0 warnings" about the same file.
	if diags, err := pdf.Unprintable(g, export.Options{}); err == nil {
		g.Diagnostics = append(g.Diagnostics, diags...)
	}
	// The outline is for a person at a terminal: titles and messages from
	// the guide are shown escaped, never obeyed.
	writeOutline(termsafe.Writer{W: opts.io.Out}, in.Name(), g)
	return nil
}

func writeOutline(w io.Writer, name string, g *content.Guide) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	esc := termsafe.Escape
	p("%s\n", name)
	p("  Guide:      %s\n", esc(g.Title))
	author := g.Book.Author
	if author == "" {
		author = "(unknown)"
	}
	p("  Book:       %s\n", esc(g.Book.Title))
	p("  Author:     %s\n", esc(author))
	// The guide's own credits, which its EPUB, PDF and MARC record give
	// as its creator and publisher (never the book's author): shown so
	// that a misread credit line is seen before a catalogue takes it.
	if g.Author != "" {
		p("  Guide by:   %s\n", esc(g.Author))
	}
	if g.Publisher != "" {
		p("  Publisher:  %s\n", esc(g.Publisher))
	}
	p("  Language:   %s\n", esc(g.Language))
	if g.ReadingMinutes > 0 {
		p("  Reading:    %d min\n", g.ReadingMinutes)
	} else {
		p("  Reading:    (unknown)\n")
	}
	p("  Synopsis:   %s\n", plural(len(g.Synopsis), "paragraph"))
	attributed := 0
	for _, q := range g.Quotes {
		if q.Attribution != nil {
			attributed++
		}
	}
	if attributed > 0 {
		p("  Quotes:     %s (%d attributed)\n", plural(len(g.Quotes), "highlighted quote"), attributed)
	} else {
		p("  Quotes:     %s\n", plural(len(g.Quotes), "highlighted quote"))
	}
	subs := 0
	for _, s := range g.Sections {
		subs += len(s.Subsections)
	}
	p("  Sections:   %s, %s, %s\n", plural(len(g.Sections), "section"), plural(subs, "subsection"), plural(g.BlockQuotes(), "block quote"))
	for _, s := range g.Sections {
		writeSection(w, s, "    ")
	}
	p("  FAQ:        %s\n", plural(len(g.FAQ), "question"))
	for _, f := range g.FAQ {
		extra := ""
		if len(f.Answer) > 1 {
			extra = fmt.Sprintf("  [%d paragraphs]", len(f.Answer))
		}
		p("    ? %s%s\n", esc(f.Question), extra)
	}
	errs, warns := 0, 0
	for _, d := range g.Diagnostics {
		switch d.Severity {
		case content.Error:
			errs++
		case content.Warning:
			warns++
		}
	}
	p("  Diagnostics: %s, %s, %d info\n", plural(errs, "error"), plural(warns, "warning"), len(g.Diagnostics)-errs-warns)
	for _, d := range g.Diagnostics {
		p("%s\n", formatDiagnostic(name, d))
	}
	p("%s\n", summaryLine(g))
}

// summaryLine is the last line of readable inspect: what was found, and how
// many decisions are open to doubt. A doubtful decision is a warning, or a
// note of the form "read X as Y" (nesting by layout, a name taken for the
// author, commentary taken for explanation), which says how to override
// it: edit the text, or the model (inspect --json, inspect --markdown),
// and rebuild.
func summaryLine(g *content.Guide) string {
	var secs, quotes, attributed int
	kinds := map[content.BlockKind]int{}
	var walk func([]content.Section)
	walk = func(ss []content.Section) {
		for _, s := range ss {
			secs++
			for _, b := range s.Blocks {
				kinds[b.Kind]++
				if b.Kind == content.BlockQuote && b.Attribution != nil {
					attributed++
				}
			}
			walk(s.Subsections)
		}
	}
	walk(g.Sections)
	for _, q := range g.Quotes {
		quotes++
		if q.Attribution != nil {
			attributed++
		}
	}
	found := []string{plural(secs, "section"), plural(quotes+kinds[content.BlockQuote], "quote") + fmt.Sprintf(" (%d attributed)", attributed),
		plural(len(g.FAQ), "FAQ question")}
	for _, k := range []struct {
		kind content.BlockKind
		noun string
	}{{content.List, "list"}, {content.Definitions, "definition list"}, {content.Table, "table"}, {content.Verse, "verse passage"}} {
		if kinds[k.kind] > 0 {
			found = append(found, plural(kinds[k.kind], k.noun))
		}
	}
	doubtful := 0
	for _, d := range g.Diagnostics {
		if d.Severity == content.Warning || d.Severity == content.Info && strings.HasPrefix(d.Message, "read ") {
			doubtful++
		}
	}
	return fmt.Sprintf("Summary: %s; language %s; %s", strings.Join(found, ", "), g.Language, plural(doubtful, "doubtful decision"))
}

func writeSection(w io.Writer, s content.Section, indent string) {
	detail := ""
	if parts := blockCounts(s.Blocks); len(parts) > 0 {
		detail = "  (" + strings.Join(parts, ", ") + ")"
	}
	role := ""
	if s.Role != "" {
		role = "  [" + string(s.Role) + "]"
	}
	fmt.Fprintf(w, "%s%s%s%s\n", indent, s.Title, role, detail)
	for _, sub := range s.Subsections {
		writeSection(w, sub, indent+"  ")
	}
}

// blockCounts says what a section holds: paragraphs, lists, definitions,
// tables, verse and block quotes (how many of them attributed).
func blockCounts(blocks []content.Block) []string {
	n := map[content.BlockKind]int{}
	terms, attributed := 0, 0
	for _, b := range blocks {
		n[b.Kind]++
		terms += len(b.Terms)
		if b.Kind == content.BlockQuote && b.Attribution != nil {
			attributed++
		}
	}
	var parts []string
	if n[content.Paragraph] > 0 {
		parts = append(parts, plural(n[content.Paragraph], "paragraph"))
	}
	if n[content.List] > 0 {
		parts = append(parts, plural(n[content.List], "list"))
	}
	if n[content.Definitions] > 0 {
		parts = append(parts, plural(n[content.Definitions], "definition list")+" of "+plural(terms, "term"))
	}
	if n[content.Table] > 0 {
		parts = append(parts, plural(n[content.Table], "table"))
	}
	if n[content.Verse] > 0 {
		parts = append(parts, plural(n[content.Verse], "verse passage"))
	}
	if q := n[content.BlockQuote]; q > 0 {
		parts = append(parts, plural(q, "block quote")+fmt.Sprintf(" of which %d attributed", attributed))
	}
	return parts
}

// formatDiagnostic prints the compiler-style line editors and CI logs link
// to: FILE:LINE: severity: message. The message is escaped: a JSON guide's
// diagnostics are the file's own text.
func formatDiagnostic(name string, d content.Diagnostic) string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", name, d.Line, d.Severity, termsafe.Escape(d.Message))
	}
	return fmt.Sprintf("%s: %s: %s", name, d.Severity, termsafe.Escape(d.Message))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, strings.TrimSuffix(noun, "s"))
}
