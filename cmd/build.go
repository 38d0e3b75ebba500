package cmd

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg" // --cover accepts JPEG
	_ "image/png"  // and PNG
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/guidepress/guidepress/build"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
	"github.com/guidepress/guidepress/export/pdf"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

// formats are the outputs guidepress can write, in the order they are built.
var formats = []build.Format{
	{Name: "epub", Ext: ".epub", Render: epub.Build, Magic: []byte("PK\x03\x04"), Warm: epub.Warm},
	{Name: "pdf", Ext: ".pdf", Render: pdf.Build, Magic: []byte("%PDF-"), Warm: func(export.Options) { pdf.Warm() }},
}

type buildOptions struct {
	io       *IOStreams
	inputs   []string
	outDir   string
	formats  []string
	paper    string
	duplex   bool
	author   string
	pub      string
	cover    string
	embed    bool
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
text or guidepress JSON, told apart by content), a directory (searched
recursively for .txt and .json files), or - for standard input (named after
the book's title).

Inputs are built in parallel. Every output is rendered and checked in memory,
then written to a temporary file and renamed into place, so a failed build
never leaves a partial file or replaces an earlier good one.

Exit status: 0 when every input was built, 1 when any failed, 2 when the
command line is wrong (nothing is built then).`,
		Example: `  guidepress build examples/frankenstein.txt -o out
  guidepress build guides/ -o out --format epub -j 4
  guidepress build handout.txt --paper letter --duplex --format pdf
  guidepress build guide.txt --author "Ms. Rivera" --publisher "Hilltop Library" --cover art.jpg
  cat guide.txt | guidepress build - -o out
  SOURCE_DATE_EPOCH=1700000000 guidepress build guide.txt   # byte-identical rebuilds`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.inputs = args
			return runBuild(c.Context(), opts)
		},
	}
	f := c.Flags()
	f.StringVarP(&opts.outDir, "output", "o", ".", "directory to write outputs into (created if missing)")
	f.StringSliceVar(&opts.formats, "format", []string{"epub", "pdf"}, "outputs to build: epub, pdf, or both")
	f.StringVar(&opts.paper, "paper", "a4", "PDF paper size: a4 or letter")
	f.BoolVar(&opts.duplex, "duplex", false, "PDF for double-sided printing: mirrored margins, sections start on right-hand pages")
	f.StringVar(&opts.author, "author", "", "the guide's own author (never the novelist), for catalogue metadata")
	f.StringVar(&opts.pub, "publisher", "", "the guide's publisher, for catalogue metadata")
	f.StringVar(&opts.cover, "cover", "", "use this JPEG or PNG as the EPUB cover instead of a generated one")
	f.BoolVar(&opts.embed, "embed-fonts", false, "embed the Literata font family in the EPUB (readers use their own fonts otherwise)")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "build this many guides at once (default: number of CPUs)")
	f.BoolVar(&opts.failFast, "fail-fast", false, "stop starting new inputs after the first failure")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "print only errors")
	f.BoolVarP(&opts.verbose, "verbose", "v", false, "print every diagnostic of every input")
	opts.imp.register(f)
	return c
}

func (o *buildOptions) exportOptions() (export.Options, error) {
	var eo export.Options
	paper, err := export.ParsePaper(o.paper)
	if err != nil {
		return eo, usagef("--paper: %v", err)
	}
	if _, _, err := export.SourceDateEpoch(); err != nil {
		return eo, usagef("%v", err)
	}
	eo = export.Options{Author: strings.TrimSpace(o.author), Publisher: strings.TrimSpace(o.pub), Paper: paper, Duplex: o.duplex, EmbedFonts: o.embed}
	if o.cover != "" {
		data, err := os.ReadFile(o.cover)
		if err != nil {
			return eo, usagef("--cover: cannot read %s: %v", o.cover, err)
		}
		if _, kind, err := image.DecodeConfig(bytes.NewReader(data)); err != nil || (kind != "jpeg" && kind != "png") {
			return eo, usagef("--cover: %s is not a JPEG or PNG image; convert it (for example to PNG) and try again", o.cover)
		}
		eo.Cover = data
	}
	eo.Modified = export.BuildTime()
	return eo, nil
}

func (o *buildOptions) selectedFormats() ([]build.Format, error) {
	var out []build.Format
	for _, want := range o.formats {
		want = strings.ToLower(strings.TrimSpace(want))
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
				}
			}
		}
		if !found {
			return nil, usagef("--format: unknown format %q: use epub, pdf, or epub,pdf", want)
		}
	}
	if len(out) == 0 {
		return nil, usagef("--format: name at least one of epub, pdf")
	}
	return out, nil
}

func runBuild(ctx context.Context, o *buildOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.quiet && o.verbose {
		return usagef("--quiet and --verbose cannot be used together")
	}
	if o.jobs < 0 {
		return usagef("--jobs must be 1 or more")
	}
	fmts, err := o.selectedFormats()
	if err != nil {
		return err
	}
	eo, err := o.exportOptions()
	if err != nil {
		return err
	}
	iopts, max, err := o.imp.options()
	if err != nil {
		return err
	}
	inputs, err := build.Collect(o.inputs)
	if err != nil {
		return usageError{err}
	}
	if err := build.CheckNames(inputs); err != nil {
		return usageError{err}
	}

	if len(inputs) == 1 {
		defer oneGuideGC(inputs[0])()
	}
	rep := newReporter(o, len(inputs))
	start := time.Now()
	results := build.Run(ctx, inputs, build.Options{
		OutDir:   o.outDir,
		Formats:  fmts,
		Export:   eo,
		Jobs:     o.jobs,
		FailFast: o.failFast,
		MaxBytes: max,
		Stdin:    o.io.In,
		Import: func(name string, data []byte) (*content.Guide, error) {
			return importer.Load(name, data, iopts)
		},
		OnDone: rep.done,
	})
	return rep.finish(results, time.Since(start))
}

// reporter prints per-input lines, or a progress bar on a terminal, and the
// closing summary.
type reporter struct {
	o   *buildOptions
	bar *progressbar.ProgressBar
}

func newReporter(o *buildOptions, n int) *reporter {
	r := &reporter{o: o}
	if o.io.ErrIsTerminal && !o.quiet && !o.verbose && n > 1 {
		r.bar = progressbar.NewOptions(n,
			progressbar.OptionSetWriter(o.io.Err),
			progressbar.OptionSetDescription("building"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(80*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return r
}

func (r *reporter) printf(format string, args ...any) {
	if r.bar != nil {
		r.bar.Clear()
	}
	fmt.Fprintf(r.o.io.Err, format, args...)
}

func (r *reporter) done(res build.Result) {
	name := res.Input.Name()
	switch {
	case res.Err != nil:
		r.printf("error: %v\n", res.Err)
	case r.o.quiet || r.bar != nil:
	default:
		w := ""
		if n := res.Warnings(); n > 0 {
			w = fmt.Sprintf(" (%s; see guidepress inspect %s)", plural(n, "warning"), name)
		}
		r.printf("built %s → %s%s\n", name, strings.Join(res.Outputs, ", "), w)
	}
	if r.o.verbose || (res.Err != nil && !r.o.quiet) {
		for _, d := range res.Diagnostics {
			if r.o.verbose || d.Severity == content.Error {
				r.printf("%s\n", formatDiagnostic(name, d))
			}
		}
	}
	if r.bar != nil {
		r.bar.Add(1)
	}
}

func (r *reporter) finish(results []build.Result, elapsed time.Duration) error {
	if r.bar != nil {
		r.bar.Finish()
	}
	built, failed, warnings, files := 0, 0, 0, 0
	for _, res := range results {
		if res.Err != nil {
			failed++
		} else {
			built++
			files += len(res.Outputs)
		}
		warnings += res.Warnings()
	}
	if !r.o.quiet || failed > 0 {
		fmt.Fprintf(r.o.io.Err, "%s built (%s), %d failed, %s, in %s\n",
			plural(built, "guide"), plural(files, "file"), failed, plural(warnings, "warning"), elapsed.Round(time.Millisecond))
	}
	if failed > 0 {
		return silentError{ExitFailed}
	}
	return nil
}

// oneGuideGC tunes the garbage collector for a build of one guide of
// ordinary size, unless the user tuned it with GOGC or GOMEMLIMIT, and
// returns what restores the settings. A seed-sized guide's heap peaks near
// 20 MB, most of it (the cover's pixels, compressors, fonts' tables) live
// until the end; with the default GOGC of 100 the collector runs three or
// four times to free little, taking a core from the build for a few of its
// 30 milliseconds (and, started by the warm-up's allocations, slowing the
// import). With GOGC=800 such a build finishes before the first
// collection, its resident memory no larger (about 34 MB either way).
// Only a file of at most oneGuideMax bytes is built so (building takes
// about 100 bytes of memory per input byte): a larger one, or standard
// input, keeps the defaults, and the memory limit bounds what a guide that
// grows unexpectedly can hold.
func oneGuideGC(in build.Input) (restore func()) {
	const oneGuideMax = 256 << 10
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || in.Err != nil || in.Path == build.Stdin {
		return func() {}
	}
	if st, err := os.Stat(in.Path); err != nil || !st.Mode().IsRegular() || st.Size() > oneGuideMax {
		return func() {}
	}
	pct := debug.SetGCPercent(800)
	limit := debug.SetMemoryLimit(256 << 20)
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}
}
