package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/batch"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/export/epub"
	"github.com/guidepress/guidepress/export/kepub"
	"github.com/guidepress/guidepress/export/marc"
	"github.com/guidepress/guidepress/export/pdf"
	"github.com/guidepress/guidepress/internal/deflaters"
	"github.com/guidepress/guidepress/internal/hugeheap"
	"github.com/guidepress/guidepress/internal/memlimit"
	pdftheme "github.com/guidepress/guidepress/templates/pdf"
	"github.com/spf13/cobra"
)

// formats are the outputs guidepress can write, in the order they are built.
var formats = []batch.Format{
	{Name: "epub", Ext: ".epub", Render: epub.Build, Magic: []byte("PK\x03\x04"), Warm: epub.Warm, Release: epub.Release},
	{Name: "pdf", Ext: ".pdf", Render: pdf.Build, Magic: []byte("%PDF-"), Warm: func(export.Options) { pdf.Warm() }, Pages: pdf.BuildWithPageStarts, PagesFirst: pdf.Streams},
	{Name: "kepub", Ext: ".kepub.epub", Render: kepub.Build, Magic: []byte("PK\x03\x04"), Warm: epub.Warm},
	{Name: "marc", Ext: ".marc.xml", Render: marc.Build, Magic: []byte("<?xml"), Warm: epub.Warm},
	{Name: "booklet", Ext: ".booklet.pdf", Render: pdf.BuildBooklet, Magic: []byte("%PDF-"), Warm: func(export.Options) { pdf.Warm() }},
	{Name: "worksheet", Ext: ".worksheet.pdf", Render: pdf.BuildWorksheet, Magic: []byte("%PDF-"), Warm: func(export.Options) { pdf.Warm() }},
}

// companions are formats built with another: the worksheet's answer key
// (written only for a guide with an FAQ).
var companions = map[string]batch.Format{
	"worksheet": {Name: "answers", Ext: ".answers.pdf", Render: pdf.BuildAnswers, Magic: []byte("%PDF-"), Optional: true},
}

// links are the files a guide's catalogue record (MARC 856) points at,
// by format name; the formats that are not publications have none.
var links = map[string]export.Link{
	"epub":  {Ext: ".epub", MediaType: "application/epub+zip", Label: "EPUB"},
	"pdf":   {Ext: ".pdf", MediaType: "application/pdf", Label: "PDF"},
	"kepub": {Ext: ".kepub.epub", MediaType: "application/kepub+zip", Label: "Kobo EPUB"},
}

type buildOptions struct {
	io       *IOStreams
	inputs   []string
	outDir   string
	formats  []string
	paper    string
	duplex   bool
	style    string
	noTint   bool
	author   string
	pub      string
	cover    string
	embed    bool
	baseURL  string
	catalog  bool
	jobs     int
	failFast bool
	quiet    bool
	verbose  bool
	imp      importFlags
}

func newBuildCmd(ios *IOStreams) *cobra.Command {
	opts := &buildOptions{io: ios}
	c := &cobra.Command{
		Use:   "build INPUT...",
		Short: "Build guides into EPUB 3 and PDF",
		Long: `build turns each INPUT into DIR/NAME.epub and DIR/NAME.pdf, where NAME is the
input's file name without its extension. An INPUT may be a guide file (plain
text; Markdown, by its .md or .markdown name; or guidepress JSON, told by its
content), a directory (searched recursively for .txt, .md, .markdown and .json
files, hidden ones skipped), or - for standard input (named after the book's
title).

Inputs are built in parallel. Every output is rendered and checked in memory,
then a guide's formats are written to temporary files, synced, and renamed into
place together only when all are complete, so a failed build (a full disk)
never leaves a partial file or replaces an earlier good one.

Exit status: 0 when every input was built, 1 when any failed, 2 when the
command line is wrong (nothing is built then), 130 (143) when interrupted by
Ctrl-C (SIGTERM): the guides in progress are finished, no others started, and a
read still waiting for standard input or a FIFO is abandoned.`,
		Example: `  guidepress build examples/frankenstein.txt -o out
  guidepress build guides/ -o out --format epub -j 4
  guidepress build handout.txt --paper letter --duplex --format pdf
  guidepress build guide.txt --author "Ms. Rivera" --publisher "Hilltop Library" --cover art.jpg
  cat guide.txt | guidepress build - -o out
  SOURCE_DATE_EPOCH=1700000000 guidepress build guide.txt   # byte-identical rebuilds`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("build needs something to build: name guide files (guide.txt), directories of guides, or - for standard input, as in: guidepress build guide.txt -o out")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.inputs = args
			return runBuild(c.Context(), opts)
		},
	}
	f := c.Flags()
	f.StringVarP(&opts.outDir, "output", "o", ".", "directory to write outputs into (created if missing)")
	f.StringSliceVar(&opts.formats, "format", []string{"epub", "pdf"}, "outputs to build: epub, pdf, kepub, marc, booklet (NAME.booklet.pdf: half-size pages two-up for folding), worksheet (NAME.worksheet.pdf, and NAME.answers.pdf when the guide has an FAQ)")
	f.StringVar(&opts.paper, "paper", "a4", "PDF paper size: a4 or letter")
	f.BoolVar(&opts.duplex, "duplex", false, "PDF for double-sided printing: mirrored margins, sections start on right-hand pages")
	f.StringVar(&opts.style, "style", "standard", "PDF print style: standard, compact (a short handout), large-print (18 pt, no italics) or dyslexia (BDA style); the EPUB's text and look do not change (readers choose their own size and font), only its print page numbers, which follow the PDF's pages")
	f.BoolVar(&opts.noTint, "no-tint", false, "no off-white page tint in the PDF (the dyslexia style's), for printing on cream paper")
	f.StringVar(&opts.author, "author", "", "the guide's own author (never the novelist), for catalogue metadata")
	f.StringVar(&opts.pub, "publisher", "", "the guide's publisher, for catalogue metadata")
	f.StringVar(&opts.cover, "cover", "", fmt.Sprintf("use this JPEG or PNG (at most %d megapixels; scaled to fit %d×%d, metadata dropped) as the EPUB cover instead of a generated one", cover.MaxUserPixels/1_000_000, cover.Width, cover.Height))
	f.StringVar(&opts.baseURL, "base-url", "", "URL the output directory will be published at: the catalogue (--catalog) and MARC records (--format marc) link to the files there")
	f.BoolVar(&opts.catalog, "catalog", false, "also write DIR/catalog.xml (an OPDS catalogue for e-reader apps) and DIR/index.html listing every guide in DIR")
	f.BoolVar(&opts.embed, "embed-fonts", false, "embed the Literata font family in the EPUB (readers use their own fonts otherwise)")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "build this many guides at once (default: number of CPUs)")
	f.BoolVar(&opts.failFast, "fail-fast", false, "stop starting new inputs after the first failure")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print only errors")
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "print every diagnostic of every input")
	opts.imp.register(f)
	registerCompletions(c)
	return c
}

// registerCompletions gives shell completion (guidepress completion bash,
// zsh, fish, powershell) the values of the flags that take a fixed set.
func registerCompletions(c *cobra.Command) {
	fixed := func(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)
	}
	c.RegisterFlagCompletionFunc("paper", fixed("a4\tISO A4, 210×297 mm", "letter\tUS Letter, 8.5×11 in"))
	c.RegisterFlagCompletionFunc("style", fixed("standard\tthe designed handout", "compact\tfewest pages, no cover", "large-print\t18 pt Atkinson Hyperlegible, no italics", "dyslexia\tBDA style: sans 13.5 pt, 1.5 spacing, tinted"))
	c.RegisterFlagCompletionFunc("format", func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
		// A list: complete the part after the last comma.
		done, _ := cutLast(typed, ",")
		var out []string
		for _, f := range formats {
			if !slices.Contains(strings.Split(done, ","), f.Name) {
				out = append(out, prefixed(done, f.Name))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	})
	registerImportCompletions(c)
	c.MarkFlagFilename("cover", "jpg", "jpeg", "png")
	c.MarkFlagDirname("output")
}

// cutLast splits s at its last sep: "epub,p" → "epub", "p".
func cutLast(s, sep string) (before, after string) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):]
	}
	return "", s
}

func prefixed(done, name string) string {
	if done == "" {
		return name
	}
	return done + "," + name
}

// registerImportCompletions completes the flags of importFlags.
func registerImportCompletions(c *cobra.Command) {
	c.RegisterFlagCompletionFunc("lang", langCompletion)
	c.RegisterFlagCompletionFunc("input-format", cobra.FixedCompletions(importer.Formats, cobra.ShellCompDirectiveNoFileComp))
}

// langCompletion offers common BCP 47 tags; any well-formed tag is
// accepted.
func langCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"en\tEnglish", "en-GB\tEnglish (UK)", "en-US\tEnglish (US)", "fr\tFrench", "de\tGerman",
		"es\tSpanish", "it\tItalian", "nl\tDutch", "pt\tPortuguese", "pt-BR\tPortuguese (Brazil)",
		"pl\tPolish", "sv\tSwedish", "da\tDanish", "nb\tNorwegian Bokmål", "fi\tFinnish", "el\tGreek",
		"ru\tRussian", "uk\tUkrainian", "tr\tTurkish", "cs\tCzech"}, cobra.ShellCompDirectiveNoFileComp
}

func (o *buildOptions) exportOptions() (export.Options, error) {
	var eo export.Options
	paper, err := export.ParsePaper(o.paper)
	if err != nil {
		return eo, usagef("--paper: %v", err)
	}
	if t, _, err := export.SourceDateEpoch(); err != nil {
		return eo, usagef("%v", err)
	} else if t.Year() > 9999 {
		// EPUB's dcterms:modified and PDF dates hold four-digit years.
		return eo, usagef("SOURCE_DATE_EPOCH=%q is after the year 9999, which EPUB and PDF dates cannot hold; give seconds since 1970, such as $(date +%%s)", os.Getenv("SOURCE_DATE_EPOCH"))
	}
	author, err := metadataFlag("--author", o.author)
	if err != nil {
		return eo, err
	}
	pub, err := metadataFlag("--publisher", o.pub)
	if err != nil {
		return eo, err
	}
	base, err := baseURLFlag(o.baseURL)
	if err != nil {
		return eo, err
	}
	style := strings.ToLower(strings.TrimSpace(o.style))
	if !slices.Contains(pdftheme.Styles, style) {
		return eo, usagef("--style: unknown style %q: use %s", o.style, strings.Join(pdftheme.Styles, ", "))
	}
	eo = export.Options{Author: author, Publisher: pub, Paper: paper, Duplex: o.duplex, EmbedFonts: o.embed, BaseURL: base,
		Style: style, NoTint: o.noTint,
		PageStarts: pdf.PageStarts} // the EPUB's page list follows the PDF's pages
	if o.cover != "" {
		if eo.Cover, err = readCover(o.cover); err != nil {
			return eo, err
		}
	}
	eo.Modified = export.BuildTime()
	return eo, nil
}

// baseURLFlag checks --base-url: an absolute http or https URL, returned
// without a trailing slash.
func baseURLFlag(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", usagef("--base-url %q: give the absolute http or https address the output directory is published at, such as https://library.example.org/guides", v)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", usagef("--base-url %q: the address of a directory has no ?query or #fragment; remove them", v)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}

// maxMetadata is the longest --author or --publisher accepted, in
// characters: catalogue names are short, and a longer value is almost
// always a mistake such as --publisher "$(cat file)".
const maxMetadata = 300

// metadataFlag checks a one-line catalogue value and returns it trimmed.
// Control characters would be dropped or mangled on the way into the EPUB
// and PDF metadata, so they are refused rather than silently altered.
func metadataFlag(flag, v string) (string, error) {
	v = strings.TrimSpace(v)
	if !utf8.ValidString(v) {
		return "", usagef("%s: the value is not valid UTF-8 text; retype it, or check the terminal's or script's encoding", flag)
	}
	for _, r := range v {
		switch {
		case r == '\n' || r == '\r':
			return "", usagef("%s: the value contains a line break; give the name on one line", flag)
		case unicode.IsControl(r):
			return "", usagef("%s: the value contains a control character (%U, such as a tab or a terminal escape); give plain text", flag, r)
		}
	}
	if n := utf8.RuneCountInString(v); n > maxMetadata {
		return "", usagef("%s: the value is %d characters long; give at most %d (a name, not a description)", flag, n, maxMetadata)
	}
	return v, nil
}

// maxCoverBytes bounds what --cover reads: a cover of the largest accepted
// size (cover.MaxUserPixels) as a JPEG is a few megabytes; metadata beyond
// that is dropped anyway.
const maxCoverBytes = 64 << 20

// readCover reads, checks and prepares the --cover image once, before
// anything is built, so that a bad image is one usage error rather than a
// failure of every input, and the image is decoded once per batch: what it
// returns is the picture re-encoded without its metadata and scaled to the
// EPUB cover's size, which every guide's EPUB takes as it is.
func readCover(path string) ([]byte, error) {
	shown := batch.Display(path)
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usagef("--cover: %s: no such file; give the path of a JPEG or PNG image", shown)
		}
		return nil, usagef("--cover: cannot read %s: %v", shown, unwrapPathErr(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, usagef("--cover: %s is a directory; give the path of a JPEG or PNG image", shown)
	}
	// A stream (a FIFO, /dev/zero) is read only up to the limit.
	data, err := io.ReadAll(io.LimitReader(f, maxCoverBytes+1))
	if err != nil {
		return nil, usagef("--cover: cannot read %s: %v", shown, unwrapPathErr(err))
	}
	if len(data) > maxCoverBytes {
		return nil, usagef("--cover: %s is larger than %s; a cover image is a few megabytes at most, so check this is the right file", shown, batch.FormatSize(maxCoverBytes))
	}
	im, err := cover.UserImage(data)
	switch {
	case errors.Is(err, cover.ErrTruncated):
		return nil, usagef("--cover: %s is cut short (an incomplete download or copy?); save the image again", shown)
	case errors.Is(err, cover.ErrNotImage) && !strings.Contains(err.Error(), "damaged"):
		return nil, usagef("--cover: %s is not a JPEG or PNG image; convert it (for example to PNG) and try again", shown)
	case err != nil:
		return nil, usagef("--cover: %s: %s", shown, strings.TrimPrefix(strings.TrimPrefix(err.Error(), cover.ErrNotImage.Error()+": "), "cover image: "))
	}
	return im.Data, nil
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (o *buildOptions) selectedFormats() ([]batch.Format, error) {
	var out []batch.Format
	for _, want := range o.formats {
		want = strings.ToLower(strings.TrimSpace(want))
		if want == "" { // "epub," or "epub,,pdf"
			continue
		}
		found := false
		for _, f := range formats {
			if f.Name == want {
				found = true
				dup := false
				for _, have := range out {
					dup = dup || have.Name == want
				}
				if !dup {
					out = append(out, f)
					if c, ok := companions[f.Name]; ok {
						out = append(out, c)
					}
				}
			}
		}
		if !found {
			return nil, usagef("--format: unknown format %q: use epub, pdf, kepub, marc, booklet or worksheet, alone or joined with commas (epub,pdf)", want)
		}
	}
	if len(out) == 0 {
		return nil, usagef("--format: name at least one of epub, pdf, kepub, marc, booklet, worksheet")
	}
	return out, nil
}

// pageListFormats are the formats that write an EPUB, with its page list.
var pageListFormats = []string{"epub", "kepub", "marc"}

// shareLayout has the PDF drawn from the layout the EPUB made for its
// page list (pdf.LayoutShare) when a batch builds both: a guide's formats
// render one after the other in fmts' order, so this is done only when
// the PDF comes after every format that writes an EPUB, which the share
// needs; otherwise each lays the guide out itself.
func shareLayout(fmts []batch.Format, eo *export.Options) {
	at := slices.IndexFunc(fmts, func(f batch.Format) bool { return f.Name == "pdf" })
	if at < 0 || !slices.ContainsFunc(fmts[:at], func(f batch.Format) bool { return slices.Contains(pageListFormats, f.Name) }) ||
		slices.ContainsFunc(fmts[at:], func(f batch.Format) bool { return slices.Contains(pageListFormats, f.Name) }) {
		return
	}
	share := pdf.NewLayoutShare()
	eo.PageStarts = share.PageStarts
	fmts[at].Render = share.Build
}

// maxJobsPerCPU bounds -j: building is CPU-bound, so workers beyond a few
// per core only add memory (each holds a whole guide and its outputs).
const maxJobsPerCPU = 4

func runBuild(ctx context.Context, o *buildOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.quiet && o.verbose {
		return usagef("--quiet and --verbose cannot be used together; choose one")
	}
	if o.jobs < 0 {
		return usagef("--jobs must be 1 or more (or 0 for one per CPU)")
	}
	// The reader's one-time work, on the core that is idle until the
	// formats' own (batch.Run's Warm) start beside the first import.
	importer.Warm()
	fmts, err := o.selectedFormats()
	if err != nil {
		return err
	}
	eo, err := o.exportOptions()
	if err != nil {
		return err
	}
	shareLayout(fmts, &eo)
	for _, f := range fmts {
		if l, ok := links[f.Name]; ok {
			eo.Links = append(eo.Links, l)
		}
	}
	if o.cover != "" {
		// The PDF's cover is drawn as vectors from the guide's own text;
		// an image is used for the EPUB only.
		names := map[string]bool{}
		for _, f := range fmts {
			names[f.Name] = true
		}
		if !names["epub"] {
			return usagef("--cover sets the EPUB's cover image, but --format does not include epub; add epub, or leave --cover out")
		}
		if names["pdf"] && !o.quiet {
			fmt.Fprintf(o.io.Err, "note: --cover is used for the EPUB; the PDF keeps its printed cover drawn from the guide's title and author\n")
		}
	}
	iopts, max, err := o.imp.options()
	if err != nil {
		return err
	}
	inputs, err := batch.Collect(o.inputs)
	if err != nil {
		return usageError{err}
	}
	if err := batch.CheckNames(inputs); err != nil {
		return usageError{err}
	}
	var exts []string
	for _, f := range fmts {
		exts = append(exts, f.Ext)
	}
	if err := batch.CheckOutputs(inputs, o.outDir, exts); err != nil {
		return usageError{err}
	}
	if err := batch.PrepareOutDir(o.outDir); err != nil {
		return usageError{err}
	}
	if swept := batch.SweepAbandoned(o.outDir); len(swept) > 0 && !o.quiet {
		fmt.Fprintf(o.io.Err, "note: removed %s left in %s by earlier runs that were killed before they finished\n",
			plural(len(swept), "temporary file"), batch.Display(o.outDir))
	}
	jobs := o.jobs
	if limit := maxJobsPerCPU * runtime.NumCPU(); jobs > limit {
		if !o.quiet && len(inputs) > limit {
			fmt.Fprintf(o.io.Err, "note: -j %d lowered to %d (%d per CPU): more workers would only use more memory\n", jobs, limit, maxJobsPerCPU)
		}
		jobs = limit
	}

	tuned, overlap := false, false
	if len(inputs) == 1 {
		var restore func()
		restore, tuned = oneGuideGC(inputs[0])
		defer restore()
		overlap = ordinaryGuide(inputs[0])
	} else {
		defer batchGC(inputs)()
	}
	ctx, stop := interruptContext(ctx)
	defer stop()
	rep := newReporter(o, len(inputs))
	noticed := make(chan struct{})
	stopNotice := context.AfterFunc(ctx, func() {
		defer close(noticed)
		if !o.quiet && interruptedBy(ctx) != nil {
			rep.printf("guidepress: interrupted: finishing the guides in progress (press Ctrl-C again to stop at once)\n")
		}
	})
	start := time.Now()
	results := batch.Run(ctx, inputs, batch.Options{
		OutDir:   o.outDir,
		Formats:  fmts,
		Export:   eo,
		Jobs:     jobs,
		FailFast: o.failFast,
		MaxBytes: max,
		// With the collector tuned not to run, a collection between the
		// formats lets the PDF reuse the EPUB's memory.
		CollectBetween: tuned,
		// One guide leaves a core idle: the EPUB and its cover are made
		// while the PDF is drawn.
		Overlap: overlap,
		Stdin:   o.io.In,
		Import: func(name string, data []byte) (*content.Guide, error) {
			return importer.Load(name, data, iopts)
		},
		OnDone: rep.done,
	})
	if !stopNotice() {
		<-noticed // the notice is printed before the summary, never after
	}
	catalogFailed := false
	if o.catalog && interruptedBy(ctx) == nil {
		catalogFailed = !writeCatalog(o, eo, rep)
	}
	err = rep.finish(results, time.Since(start), interruptedBy(ctx))
	if err == nil && catalogFailed {
		return silentError{ExitFailed}
	}
	return err
}

// interrupted is the cancel cause of interruptContext's context.
type interrupted struct{ sig os.Signal }

func (e interrupted) Error() string { return "interrupted by " + e.sig.String() }

// interruptContext returns a context cancelled by the first SIGINT or
// SIGTERM, so that a batch stops starting inputs and finishes the ones in
// progress (each written whole, no temporary file left). A second signal
// ends the process at once.
func interruptContext(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	signalsWatched()
	done := make(chan struct{})
	go func() {
		var sig os.Signal
		select {
		case sig = <-ch:
			cancel(interrupted{sig})
		case <-done:
			return
		}
		select {
		case <-ch:
			batch.RemoveTemporaryFiles()
			os.Exit(exitStatus(sig))
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// signalsWatched, when a test sets it, is called once interruptContext
// receives SIGINT and SIGTERM: a signal sent before would not reach it.
var signalsWatched = func() {}

// interruptedBy reports the signal that cancelled ctx, if one did.
func interruptedBy(ctx context.Context) os.Signal {
	var in interrupted
	if errors.As(context.Cause(ctx), &in) {
		return in.sig
	}
	return nil
}

// exitStatus is the shell's status for a process ended by sig: 128 + its
// number (130 for Ctrl-C).
func exitStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// reporter prints per-input lines, or a progress bar on a terminal, and the
// closing summary.
type reporter struct {
	o   *buildOptions
	mu  sync.Mutex // the interrupt notice comes from another goroutine
	bar *progressBar
}

func newReporter(o *buildOptions, n int) *reporter {
	r := &reporter{o: o}
	if o.io.ErrIsTerminal && !o.quiet && !o.verbose && n > 1 {
		r.bar = newProgressBar(o.io.raw(), n)
	}
	return r
}

func (r *reporter) printf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.printfLocked(format, args...)
}

func (r *reporter) printfLocked(format string, args ...any) {
	if r.bar != nil {
		r.bar.Clear()
	}
	fmt.Fprintf(r.o.io.Err, format, args...) // escaped: see IOStreams.safe
}

func (r *reporter) done(res batch.Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name := res.Input.Name()
	switch {
	case errors.Is(res.Err, batch.ErrInterrupted), errors.Is(res.Err, batch.ErrSkipped):
		// Counted in the summary: not started is not a failure.
	case res.Err != nil:
		r.printfLocked("error: %v\n", res.Err)
	case r.o.quiet || r.bar != nil:
	default:
		w := ""
		if n := res.Warnings(); n > 0 {
			w = fmt.Sprintf(" (%s; see guidepress inspect %s)", plural(n, "warning"), name)
		}
		outs := make([]string, len(res.Outputs))
		for i, o := range res.Outputs {
			outs[i] = batch.Display(o)
		}
		r.printfLocked("built %s → %s%s\n", name, strings.Join(outs, ", "), w)
	}
	if r.o.verbose || (res.Err != nil && !r.o.quiet) {
		for _, d := range res.Diagnostics {
			if r.o.verbose || d.Severity == content.Error {
				r.printfLocked("%s\n", formatDiagnostic(name, d))
			}
		}
	}
	if r.bar != nil {
		r.bar.Add(1)
	}
}

func (r *reporter) finish(results []batch.Result, elapsed time.Duration, sig os.Signal) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bar != nil {
		r.bar.Finish()
	}
	built, failed, notStarted, warnings, files := 0, 0, 0, 0, 0
	var warned []string
	for _, res := range results {
		switch {
		case errors.Is(res.Err, batch.ErrInterrupted), errors.Is(res.Err, batch.ErrSkipped):
			notStarted++
		case res.Err != nil:
			failed++
		default:
			built++
		}
		// Exactly the files written: a failed guide has none, unless a
		// failed rename could not be undone (its error says which).
		files += len(res.Outputs)
		warnings += res.Warnings()
		if n := res.Warnings(); n > 0 && res.Err == nil {
			warned = append(warned, fmt.Sprintf("%s (%d)", res.Input.Name(), n))
		}
	}
	if r.bar != nil && len(warned) > 0 {
		// The progress bar stood in for the per-guide lines that name
		// the guides with warnings: name them here.
		fmt.Fprintf(r.o.io.Err, "warnings in %s; see guidepress inspect FILE\n", listSome(warned, maxListed))
	}
	if sig != nil {
		fmt.Fprintf(r.o.io.Err, "interrupted: %s built (%s), %d failed, %d not started, %s, in %s\n",
			plural(built, "guide"), plural(files, "file"), failed, notStarted, plural(warnings, "warning"), elapsed.Round(time.Millisecond))
		return silentError{exitStatus(sig)}
	}
	if !r.o.quiet || failed > 0 {
		skipped := ""
		if notStarted > 0 {
			skipped = fmt.Sprintf(", %d not started (--fail-fast)", notStarted)
		}
		fmt.Fprintf(r.o.io.Err, "%s built (%s), %d failed%s, %s, in %s\n",
			plural(built, "guide"), plural(files, "file"), failed, skipped, plural(warnings, "warning"), elapsed.Round(time.Millisecond))
	}
	if failed > 0 {
		return silentError{ExitFailed}
	}
	return nil
}

// maxListed is how many guides the terminal summary names.
const maxListed = 10

// listSome joins the first max of names, and says how many more there are.
func listSome(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}

// oneGuideGC tunes the garbage collector for a build of one guide of
// ordinary size, unless the user tuned it with GOGC or GOMEMLIMIT, and
// returns what restores the settings. Only a file of at most oneGuideMax
// bytes is built so (building takes about 100 bytes of memory per input
// byte), and the memory limit bounds what a guide that grows unexpectedly
// can hold; a larger one, or standard input, keeps GOGC's default under
// a memory limit that follows its live heap (largeGuideLimit).
// tuned says the settings were changed: the build then collects once
// between its formats (batch.Options.CollectBetween), the one collection
// that frees much (the first format's buffers and output), so that the
// second reuses that memory rather than faulting in fresh pages.
//
// What a one-guide build costs is mostly the fresh memory it touches: on
// the 2-core EPYC VM each page fault costs about 8 µs of system time, a
// seed build's ~4,500 faults most of its 40–60 ms of sys. GOGC is chosen
// by measured faults, RSS and task-clock (seed build, medians of 15
// alternating runs, load ~37, after the lazy expressions and without
// go-epub): 800: 4,552 faults, 29.4 MB, 178 ms; 200: 4,198 faults, 27.8
// MB, 183 ms; 100: 4,355 faults, 27.1 MB, 207 ms (the collector's idle
// workers take the second core). 200 collected two or three times, where
// the heap has garbage to give back, for about the CPU it saved in
// faults.
//
// With the heap on huge pages (oneGuideHeap) fresh memory costs a fault
// per 2 MB, not per 4 KB, and a collection saves little: seed build,
// task-clock, faults and peak RSS, medians of 11-15 alternating runs
// (load 12-15): 100: 140.4 ms, 2,265, 29.2 MB; 200: 119.5 ms, 2,000, 30.7
// MB; 300: 104.8 ms, 1,836, 32.4 MB; 400: 97.8-105.5 ms, 1,804-1,860,
// 32.6-33.3 MB; 800: 105.0 ms, 1,743, 33.2 MB. 400 takes the CPU time
// for ~2 MB of resident memory (the budget is 40 MiB).
//
// With 24 MB of huge pages (oneGuideHeap) the seed's build need not
// collect at all: it allocates ~26 MB after the reservation's collection,
// and at 400 collected once more at 16 MB (the first goal, 4 MB, times
// 4), a collection that gave back little the build still needed, for its
// own CPU and ~250 page faults of runtime metadata: each collection moves
// the size classes in use to span sets not touched yet
// (runtime.(*spanSet).push took ~460 of a seed build's ~1,150 faults).
// At 1000 the first goal is 40 MB and the seed is built without that
// collection (800, a 32 MB goal, is close: its trigger may come at 22
// MB). A larger guide collects as before, at 11 times what it holds, and
// the memory limit bounds it; the collector is not turned off, which
// would leave a process holding more than the limit (a test binary, a
// program calling the build) collecting all the time. Seed build, 400 →
// 1000 (no second collection in 3 of 3 runs; -1, off, the same): faults
// 1,125-1,278 → 894-997, peak RSS 36.0-36.7 → 39.2-39.8 MB (the ~2 MB
// that collection gave back are not reused); 11 alternating runs under
// chrt -f 50 of off against 400 (load 6): task-clock 83.2 → 74.3 ms,
// wall 67.6 → 62.5 ms. A 221 KB guide (4 times the seed): 58 MB peak
// RSS either way.
// oneGuideGOGC is the GOGC of a one-guide build (see oneGuideGC).
const oneGuideGOGC = 1000

// oneGuideHeap is how much of a one-guide build's heap is backed by huge
// pages (hugeheap.Reserve). Seed build, medians of 9 runs (load ~11):
// none 4,314 faults, 29.7 MB; 8 MB 2,775, 29.1 MB; 16 MB 2,279, 30.2 MB;
// 24 MB 2,128, 30.8 MB (before the first chunk was collapsed too). The
// seed's heap peaks near 13 MB; 16 MB covers it and an ordinary guide's,
// and what a larger guide needs beyond it is faulted in as before. With
// it, 11 alternating runs (load 12.5): 4,372 → 2,003 faults, task-clock
// 132.7 → 111.1 ms, peak RSS 29.6 → 31.4 MB (2 MB pages are resident
// whole). Since the EPUB and its cover are made while the PDF is drawn
// (batch.Options.Overlap) the seed's heap peaks near 18 MB, past 16 MB;
// 24 MB, 15 alternating runs under chrt -f 50 (load 7): 2,072 → 1,552
// faults, task-clock 103.2 → 92.6 ms, peak RSS 35.1 → 35.5 MB.
//
// Session 9 (the build allocating ~12 MB after the reservation; its heap
// then spans nine huge pages, ~18.4 of the ~31.8 MB peak RSS, the
// executable's own pages ~11.8), the same binary with other values,
// alternating runs (load 8–15): 24 MB (21 runs) 31,548 KiB median RSS,
// 939 faults, 68.3 ms task-clock; 16 MB 31,640 KiB, 946, 67.1 ms; 14 MB
// 29,888 KiB, 1,371 faults, 74.2 ms (past 14 MB the heap is faulted in
// 4 KB at a time: 1.7 MB less resident for ~430 more faults). GOGC (15
// runs, load 9–15): 1000 31,712 KiB, 933 faults; 300 30,776 KiB, 1,164;
// 200 30,680 KiB, 1,176 (a collection frees ~1 MB that is reused, for
// ~240 faults of runtime metadata and its CPU). Both kept.
const oneGuideHeap = 24 << 20

// largeGuideLimit and largeGuideNear bound the memory of a one-guide
// build of a larger file (memlimit.Follow): 448 MiB, or 1.5 times what
// the last collection found live, while that is at most 448 MiB; past it
// no limit (memlimit.Limit), GOGC=100 as before. Guides whose layout
// holds less than ~300 MB keep under 512 MiB. 4 MiB guides on one core,
// load 20–40, peak RSS without → with: EPUB of 47,251 callouts 566 →
// 456 MiB, of a 95,828-row table 570 → 506 MiB, of prose 517 → 451 MiB;
// EPUB+PDF of 147,215 one-line subsections 1,312 → 1,167 MiB, CPU 22.7 →
// 25.1 s (one run each: the load moves it by that much). A limit that
// kept binding past 448 MiB live (twice the live heap less 224 MiB) took
// that guide to 40.9 s and 925 MiB, the scavenger giving back memory that
// is faulted in again; a factor of 2 left the first three over 512 MiB.
//
// A PDF drawn as laid out (pdf.Streams: more than 50,000 sections, subsections counted) is built
// under the limit too. It ran without it (lifted once imported, or once
// its EPUB was done) while its live heap passed 448 MiB in the finishing
// pass; since session 15 it stays under ~300 MB (gctrace, 4 MiB of
// one-line sections: 205-265 MB live at the collections of the drawing
// and the finishing pass), and without the limit the collector let the
// heap grow to twice that. One core, 5 alternating runs each at load
// 10-19, peak RSS median without → with (user+sys within the load's
// noise): one-line sections PDF 588 → 456 MiB, EPUB+PDF 696 → 499 MiB
// (462-521: its peak is now the EPUB's and the plan's part, ~330 MB
// live, where the limit is 1.5 times that); Markdown sections PDF 466 →
// 440 MiB, EPUB+PDF 567 → 457 MiB (TestLongPDFDrawnUnderTheLimit).
const (
	largeGuideLimit = 448 << 20
	largeGuideNear  = 1.5
)

func oneGuideGC(in batch.Input) (restore func(), tuned bool) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}, false
	}
	if !ordinaryGuide(in) {
		return memlimit.Follow(largeGuideLimit, largeGuideNear), false
	}
	hugeheap.Reserve(oneGuideHeap)
	pct := debug.SetGCPercent(oneGuideGOGC)
	limit := debug.SetMemoryLimit(256 << 20)
	oneWriter := deflaters.Limit(1)
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
		oneWriter()
	}, true
}

// batchGOGC is the GOGC of a batch of ordinary guides (batchGC).
const batchGOGC = 200

// batchGC sets GOGC to batchGOGC for a batch whose inputs are all
// ordinary guides (ordinaryGuide: regular files of at most 256 KB),
// unless the user tuned the collector with GOGC or GOMEMLIMIT, and
// returns what restores it. A batch's live heap holds the guides in
// progress and the outputs waiting to be written (~25 MB at -j 2, steady
// over 1,000 guides), and at GOGC=100 the collector ran ~136 times in a
// 1,000-guide batch, ~6% of its CPU (gctrace), with its write barrier on
// for ~30 ms of every ~130. 1,000 guides at -j 2, 3 alternating runs each
// under chrt -f 50 at load 28-48 (other helpers' tests): GOGC 100 / 200 /
// 300: 169, 178, 135 / 188, 184, 143 / 183, 176, 143 guides/s; CPU
// 10.7, 10.2, 13.4 / 9.7, 9.8, 12.8 / 10.0, 10.3, 12.5 ms a guide; peak
// RSS 76 / 100-107 / 127-128 MiB. 300 gave no more than 200 for 25 MiB
// more. A batch with a larger file or standard input keeps the default,
// so that a large guide's heap does not grow to three times what it
// holds.
func batchGC(inputs []batch.Input) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	for _, in := range inputs {
		if !ordinaryGuide(in) {
			return func() {}
		}
	}
	pct := debug.SetGCPercent(batchGOGC)
	return func() { debug.SetGCPercent(pct) }
}

// ordinaryGuide says whether in is a guide file of ordinary size, at most
// oneGuideMax bytes (building takes about 100 bytes of memory per input
// byte), rather than standard input, whose size is not known ahead, or a
// larger file.
func ordinaryGuide(in batch.Input) bool {
	const oneGuideMax = 256 << 10
	if in.Err != nil || in.Path == batch.Stdin {
		return false
	}
	st, err := os.Stat(in.Path)
	return err == nil && st.Mode().IsRegular() && st.Size() <= oneGuideMax
}
