package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/internal/stackgrow"
)

// DefaultMaxBytes is the largest input read unless --max-size says more. A
// real guide is 20–100 KB. Building both formats of a 4 MiB guide — forty
// times the largest real guide — peaks at 200–600 MB when it is prose,
// lists, tables or FAQ, but at 1–2 GB when it is a hundred thousand
// one-line sections (README, "The largest guides, measured"); the limit
// keeps a mistaken multi-gigabyte argument harmless.
const DefaultMaxBytes = 4 << 20

// Options configures a batch.
type Options struct {
	OutDir   string
	Formats  []Format
	Export   export.Options
	Jobs     int   // parallel workers; <= 0 means runtime.NumCPU()
	FailFast bool  // stop starting new inputs after the first failure
	MaxBytes int64 // per input; <= 0 means DefaultMaxBytes

	// Import turns an input's bytes into a validated guide. name is what
	// error messages call the input.
	Import func(name string, data []byte) (*content.Guide, error)

	Stdin io.Reader

	// OnDone is called once per input as it finishes, from the worker
	// goroutines but never concurrently.
	OnDone func(Result)

	// CollectBetween runs a garbage collection between a guide's formats,
	// so that the next format reuses the memory the last one is done with
	// rather than touching fresh pages. For a one-guide build whose
	// collector is tuned not to run (cmd's oneGuideGC): there it saves
	// about 830 of a seed build's 6,950 page faults and 3.8 MB of its
	// resident memory, for about a millisecond of marking. A batch
	// collects as it goes and leaves it off.
	CollectBetween bool

	// Overlap renders a guide's formats at once rather than in turn: the
	// format that gives the print pages (Format.Pages) on a goroutine of
	// its own, the others beside it, those that want its pages waiting
	// only until it has laid the guide out. For a one-guide build on a
	// machine with a core to spare; it takes the place of CollectBetween
	// (nothing is collected between formats that run together), and a
	// guide's memory then peaks at about the sum of its formats'.
	Overlap bool
}

// Result is the outcome for one input.
type Result struct {
	Input       Input
	Outputs     []string // files written, in Formats order
	Diagnostics []content.Diagnostic
	Err         error
	Elapsed     time.Duration
}

// Warnings counts warning diagnostics.
func (r Result) Warnings() int {
	n := 0
	for _, d := range r.Diagnostics {
		if d.Severity == content.Warning {
			n++
		}
	}
	return n
}

// ErrSkipped marks inputs not started because --fail-fast stopped the batch.
var ErrSkipped = errors.New("not built: the batch stopped after an earlier failure (--fail-fast)")

// ErrInterrupted marks inputs not started because the context passed to Run
// was cancelled (the user pressed Ctrl-C).
var ErrInterrupted = errors.New("not built: the batch was interrupted")

// Run builds every input with a pool of workers and returns one result per
// input, in input order. Each input is independent: its formats are all
// rendered and verified in memory before any file is written, so a guide
// that fails leaves no partial output and keeps its earlier good files.
// When ctx is cancelled no further input is started; those in progress are
// finished (and written whole), and the rest get ErrInterrupted.
func Run(ctx context.Context, inputs []Input, opts Options) []Result {
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	// Reading and importing the first input leave the other cores idle:
	// let one of them do the formats' one-time work meanwhile. One, not a
	// goroutine per format: a third runnable goroutine on two cores can
	// keep the importing one waiting for a time slice.
	warmed := make(chan struct{})
	go func() {
		stackgrow.To32K()
		defer close(warmed)
		defer func() { recover() }() // Render meets and reports any failure
		for _, f := range opts.Formats {
			if f.Warm != nil {
				f.Warm(opts.Export)
			}
		}
	}()
	defer func() { <-warmed }() // leave nothing running behind
	outer := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	results := make([]Result, len(inputs))
	names := &nameTable{taken: map[string]string{}}
	for _, in := range inputs {
		if in.Path != Stdin && in.Err == nil {
			names.taken[NameKey(BaseName(in.Path))] = in.Path
		}
	}

	// A worker hands a rendered guide's files to a goroutine that writes
	// and syncs them, and renders the next guide meanwhile: syncing a
	// guide's files waits about 11 ms for the disk (two files and the
	// directory, measured on the 2-core VM's ext4), a third of the CPU
	// time of rendering a small guide, during which its core would stand
	// idle. Several guides' writes may wait at once (the file system
	// commits them together); each holds only its outputs, and
	// pendingWrites bounds them. With --fail-fast a guide is written
	// before the next starts, so that a failed write stops the batch as
	// a failed render does.
	overlap := len(inputs) > 1 && !opts.FailFast
	writing := newPendingWrites(maxPendingGuides, maxPendingBytes)
	var writes sync.WaitGroup
	var doneMu sync.Mutex
	finish := func(i int, r Result) {
		results[i] = r
		if r.Err != nil && opts.FailFast {
			cancel()
		}
		if opts.OnDone != nil {
			doneMu.Lock()
			opts.OnDone(r)
			doneMu.Unlock()
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(opts.Jobs, len(inputs)); w++ {
		wg.Add(1)
		go func() {
			stackgrow.To32K()
			defer wg.Done()
			for i := range jobs {
				var (
					r   Result
					out *outputs
				)
				if outer.Err() != nil {
					r = Result{Input: inputs[i], Err: ErrInterrupted}
				} else if ctx.Err() != nil {
					r = Result{Input: inputs[i], Err: ErrSkipped}
				} else {
					r, out = buildOne(outer, inputs[i], opts, names)
				}
				if out == nil || !overlap {
					out.write(&r)
					finish(i, r)
					continue
				}
				size := out.size()
				writing.acquire(size)
				writes.Add(1)
				go func() {
					defer writes.Done()
					out.write(&r)
					writing.release(size)
					finish(i, r)
				}()
			}
		}()
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	writes.Wait()
	return results
}

// outputs are a rendered guide's files, to be written together
// (writeOutputs).
type outputs struct {
	paths []string
	data  []output
	ready []*staged // by path: staged already while rendering (stageEarly), or nil
}

// output is one file's content: bytes, or a format's output spilled to
// a temporary file (export.Options.Spill).
type output struct {
	data  []byte
	spill export.Spilled
}

// size is how many bytes of outputs o holds (a spilled output counted
// whole, as it was when it was held in memory).
func (o *outputs) size() int64 {
	var n int64
	for _, d := range o.data {
		n += int64(len(d.data))
		if d.spill != nil {
			n += d.spill.Size()
		}
	}
	return n
}

// The rendered guides whose files may wait to be written at once. A
// guide's write waits for the disk (fsync of its files and of the
// directory) about 20–30 ms on the 2-core VM's ext4 when other processes
// write too, while a worker renders a small guide in ~12 ms: with at most
// four writes waiting (2 per worker, until session 12) the workers of a
// 1,000-guide batch at -j 2 spent ~0.45 s waiting to hand over a guide
// (execution trace, 300 guides under chrt, load ~8: idle P-time 0.98 s,
// of which 0.44 s with both workers blocked on that hand-over). Bounded
// by bytes as well, since each holds its outputs in memory: 64 MiB is
// hundreds of ordinary guides' outputs, and a guide larger than that
// alone is still written (one pending write is always admitted).
const (
	maxPendingGuides = 32
	maxPendingBytes  = 64 << 20
)

// pendingWrites counts the guides whose files are waiting to be written,
// and their bytes, and makes a worker wait while either bound is reached.
type pendingWrites struct {
	mu       sync.Mutex
	cond     sync.Cond
	n        int
	bytes    int64
	maxN     int
	maxBytes int64
}

func newPendingWrites(maxN int, maxBytes int64) *pendingWrites {
	p := &pendingWrites{maxN: maxN, maxBytes: maxBytes}
	p.cond.L = &p.mu
	return p
}

// acquire waits until a guide of size bytes may join the pending writes:
// at once when none is pending, so that a guide over the byte bound is
// written all the same.
func (p *pendingWrites) acquire(size int64) {
	p.mu.Lock()
	for p.n > 0 && (p.n >= p.maxN || p.bytes+size > p.maxBytes) {
		p.cond.Wait()
	}
	p.n++
	p.bytes += size
	p.mu.Unlock()
}

// release ends a pending write of size bytes.
func (p *pendingWrites) release(size int64) {
	p.mu.Lock()
	p.n--
	p.bytes -= size
	p.mu.Unlock()
	p.cond.Broadcast()
}

// write writes o, if any, and records the outcome and its time in r.
func (o *outputs) write(r *Result) {
	if o == nil {
		return
	}
	start := time.Now()
	defer func() {
		for _, d := range o.data {
			if d.spill != nil {
				d.spill.Close()
			}
		}
	}()
	var err error
	r.Outputs, err = writeOutputs(o.paths, o.data, o.ready)
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", r.Input.Name(), err)
	}
	r.Elapsed += time.Since(start)
}

type nameTable struct {
	mu    sync.Mutex
	taken map[string]string
}

// claimStdin picks the output name for standard input, which is only known
// once the guide's title has been read.
func (n *nameTable) claimStdin(title string) (string, error) {
	name := windowsSafe(export.Slug(title, "guide"))
	n.mu.Lock()
	defer n.mu.Unlock()
	if prev, ok := n.taken[NameKey(name)]; ok {
		return "", fmt.Errorf("<stdin>: its output name %q is also that of %s: build it separately or into another -o directory", name, prev)
	}
	n.taken[NameKey(name)] = "<stdin>"
	return name, nil
}

// windowsSafe gives a name that Windows reserves for a device (CON, NUL,
// COM1…, with any extension) a suffix, so that a guide titled "Con" or
// "Nul" can be copied to a Windows machine or a USB stick: "con-guide".
func windowsSafe(name string) string {
	stem, _, _ := strings.Cut(name, ".")
	switch u := strings.ToUpper(stem); {
	case u == "CON", u == "PRN", u == "AUX", u == "NUL",
		len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '0' && u[3] <= '9':
		return name + "-guide"
	}
	return name
}

// buildOne reads, imports and renders one input, and returns its outputs
// for writing (nil when it failed: r says why).
func buildOne(ctx context.Context, in Input, opts Options, names *nameTable) (r Result, out *outputs) {
	start := time.Now()
	r.Input = in
	var early []*staged // by format: staged while the others rendered
	var rendered []rendering
	defer func() {
		// A bug in one exporter must not take down a batch of hundreds:
		// report it against this input and carry on.
		if p := recover(); p != nil {
			r.Err = fmt.Errorf("%s: internal error: %v (please report this with the input file)\n%s", in.Name(), p, debug.Stack())
			r.Outputs, out = nil, nil
		}
		if out == nil {
			discard(early)
			for _, o := range rendered { // written, out's write closes them
				if o.spill != nil {
					o.spill.Close()
				}
			}
		}
		r.Elapsed = time.Since(start)
	}()
	if in.Err != nil {
		r.Err = in.Err
		return r, nil
	}
	data, err := ReadInputContext(ctx, in, opts.MaxBytes, opts.Stdin)
	if err != nil {
		r.Err = err
		return r, nil
	}
	g, err := opts.Import(in.Name(), data)
	if err != nil {
		r.Err = err
		return r, nil
	}
	r.Diagnostics = append(r.Diagnostics, g.Diagnostics...)

	base := BaseName(in.Path)
	if in.Path == Stdin {
		if base, err = names.claimStdin(g.Book.Title); err != nil {
			r.Err = err
			return r, nil
		}
	}

	// Writers that link to the guide's other files (MARC 856) name them.
	opts.Export.Name = base
	if g.Cover != "" && opts.Export.Cover == nil {
		// A cover the guide names (Markdown front matter or a cover
		// image), relative to the guide's file; --cover wins.
		cov, d := guideCover(in, g.Cover)
		opts.Export.Cover = cov
		if d != nil {
			r.Diagnostics = append(r.Diagnostics, *d)
		}
	}

	// Formats rendered at once (Overlap) stage their files as each is
	// done, while the others still render: the first done is written and
	// synced meanwhile, and only the last is on the way to the renames.
	var stage func(i int, data output)
	if opts.Overlap && len(opts.Formats) > 1 {
		early = make([]*staged, len(opts.Formats))
		stage = func(i int, data output) {
			early[i] = stageEarly(filepath.Join(opts.OutDir, base+opts.Formats[i].Ext), data)
		}
	}
	rendered = renderAll(g, opts, stage)
	for i, f := range opts.Formats {
		r.Diagnostics = append(r.Diagnostics, rendered[i].diags...)
		if err := rendered[i].err; err != nil {
			r.Err = fmt.Errorf("%s: %s export failed: %w", in.Name(), f.Name, err)
			return r, nil
		}
	}
	if in.Path == Stdin && ctx.Err() != nil {
		// Ctrl-C reaches the whole pipeline: the program feeding standard
		// input was likely stopped by the same signal, so what was read
		// may be cut short. A file read from disk is whole; stdin is not
		// trusted, and an earlier good output is not replaced by it.
		r.Err = fmt.Errorf("%s: %w (standard input may have been cut short by the interrupt)", in.Name(), ErrInterrupted)
		return r, nil
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		r.Err = fmt.Errorf("%s: cannot create output directory %s: %v", in.Name(), Display(opts.OutDir), unwrapPath(err))
		return r, nil
	}
	o := &outputs{paths: make([]string, 0, len(opts.Formats)), data: make([]output, 0, len(opts.Formats))}
	for i, f := range opts.Formats {
		if f.Optional && len(rendered[i].data) == 0 && rendered[i].spill == nil {
			continue // nothing of this kind for this guide
		}
		o.paths = append(o.paths, filepath.Join(opts.OutDir, base+f.Ext))
		o.data = append(o.data, output{data: rendered[i].data, spill: rendered[i].spill})
		if early != nil {
			o.ready = append(o.ready, early[i])
		}
	}
	// All the formats are replaced together or none is: a full disk
	// while writing the PDF must not leave a new EPUB beside an old PDF.
	return r, o
}

// maxGuideCover bounds the cover image a guide names (as --cover's).
const maxGuideCover = 64 << 20

// guideCover reads and checks the cover image named by a guide, as a path
// relative to the guide's file (to the working directory for standard
// input). A cover that cannot be used is a warning, and the generated cover
// is used instead.
func guideCover(in Input, name string) ([]byte, *content.Diagnostic) {
	p := filepath.FromSlash(name)
	if !filepath.IsAbs(p) && in.Path != Stdin {
		p = filepath.Join(filepath.Dir(in.Path), p)
	}
	warn := func(format string, args ...any) *content.Diagnostic {
		return &content.Diagnostic{Severity: content.Warning, Message: fmt.Sprintf(format, args...) + "; used a generated cover instead"}
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, warn("cannot read the cover image %s: %v", name, unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxGuideCover+1))
	if err != nil {
		return nil, warn("cannot read the cover image %s: %v", name, unwrapPath(err))
	}
	if len(data) > maxGuideCover {
		return nil, warn("the cover image %s is larger than %s", name, FormatSize(maxGuideCover))
	}
	if _, err := cover.UserImage(data); err != nil {
		return nil, warn("the cover image %s is not a usable JPEG or PNG (%v)", name, err)
	}
	return data, nil
}

type rendering struct {
	data  []byte
	spill export.Spilled // given instead of data (export.Options.Spill)
	diags []content.Diagnostic
	err   error
}

// caught is the output a format gave export.Options.Spill as it
// rendered, if any.
type caught struct{ s export.Spilled }

func (c *caught) spill(s export.Spilled) {
	if c.s != nil {
		c.s.Close()
	}
	c.s = s
}

// renderAll renders a guide's formats one after the other, or with
// Options.Overlap at once. They are independent renderings of one
// read-only guide, but rendered at once a guide's memory peaks at the sum
// of theirs: rendered in turn, the second reuses what the first has done
// with, and a batch's workers keep the cores busy anyway (measured on the
// seed, one process: 6,950 → 6,110 page faults and 39.3 → 35.5 MB
// resident with CollectBetween, CPU time the same within the noise of a
// loaded machine). A one-guide build has a core to spare, and overlaps
// them.
//
// When the options ask for the print pages (export.Options.PageStarts: the
// EPUB's page list follows the PDF's pages) and a format can give them
// (Format.Pages: the PDF), that format is started first and the pages of
// its layout are handed to the others, so that a guide is laid out for
// print once, not once for the PDF and again for the EPUB (measured on
// the seed: about 1,800 page faults and a layout pass of CPU fewer). The
// pages are those PageStarts would compute: the same guide, the same
// options, the same layout; when that format fails before it has laid the
// guide out, the others lay it out with PageStarts as they would alone.
//
// stage, if not nil, is given each format's verified output as soon as
// it is rendered, on the goroutine that rendered it, when the formats
// are rendered at once (Options.Overlap); not otherwise.
func renderAll(g *content.Guide, opts Options, stage func(i int, data output)) []rendering {
	out := make([]rendering, len(opts.Formats))
	eo := opts.Export
	if len(opts.Formats) == 1 && opts.Formats[0].Pages != nil {
		// The format that gives the print pages, alone (--format pdf):
		// no other format reads them, so it is not asked for them. Asked,
		// a PDF drawn as laid out took every page's start in its first
		// pass and they were held here, beside the whole drawing (46 MB
		// for 4 MiB of 195,699 one-line sections); rendered as the last
		// format it also has the only reference to the guide (below). It
		// still sets paragraphs ahead on the core it leaves idle.
		eo.PageStarts = nil
		eo.SpareCore = opts.Overlap
	}
	first := -1
	if eo.PageStarts != nil {
		first = slices.IndexFunc(opts.Formats, func(f Format) bool { return f.Pages != nil })
	}
	overlap := opts.Overlap && first >= 0
	collect := opts.CollectBetween && !overlap && len(opts.Formats) > 1
	if eo.PageStarts != nil && first < 0 {
		// No format gives the pages: the formats that want them (EPUB,
		// Kobo EPUB) share one layout. A one-guide build lays it out now,
		// alone, and collects its garbage before the first format (else
		// the EPUB lays it out beside its own work and its cover: 6,600
		// page faults for --format epub, measured, against 5,600 so).
		if opts.CollectBetween {
			ps := eo.PageStarts
			starts, err := ps(g, eo) // its error, if any, is the first format's to report
			runtime.GC()
			eo.PageStarts = laidOutPages(starts, err, ps, len(opts.Formats) == 1)
		} else if len(opts.Formats) > 1 {
			eo.PageStarts = oncePages(eo.PageStarts)
		} // else the one format lays them out itself, and lets them go when done with them (laidOutPages)
	}
	var (
		pages *printPages
		drawn chan struct{}
	)
	if first >= 0 {
		pages = &printPages{ready: make(chan struct{}), fallback: oncePages(eo.PageStarts)}
		pdfOpts := eo
		eo.PageStarts = pages.wait
		// A PDF built alone leaves this goroutine's core idle while it is
		// laid out: its layout then sets paragraphs ahead on a goroutine
		// of its own (export.Options.SpareCore). Beside the EPUB, whose
		// cover is drawn meanwhile, the whole build measured no faster
		// beyond the noise (seed, quiet, 41 alternating runs: 44.4 →
		// 44.2 ms under chrt, 41.5 → 39.1 ms without, IQR ±3-5 ms);
		// alone it did (44.8 → 40.5 ms). A batch's workers keep both
		// cores busy.
		pdfOpts.SpareCore = overlap && len(opts.Formats) == 1
		if pf := opts.Formats[first].PagesFirst; !overlap && pf != nil && pf(g) {
			return renderInside(g, opts, first, pdfOpts, eo, pages)
		}
		if overlap {
			drawn = make(chan struct{})
			go func() {
				stackgrow.To16K()
				defer close(drawn)
				out[first] = renderPages(opts.Formats[first], g, pdfOpts, pages)
				stageRendered(stage, first, out[first])
			}()
		} else {
			out[first] = renderPages(opts.Formats[first], g, pdfOpts, pages)
		}
	}
	prev := first // the format rendered last, in this goroutine
	if overlap {
		prev = -1
	}
	// The last format renders with the only reference to the guide left
	// here dropped, so that it can let the guide go before it is done:
	// an EPUB checks its whole container at its end, where a 4 MiB
	// guide's model (70-90 MB) is needed no more.
	// Rendered in turn, the format that gives the pages was rendered
	// first, and when it is the last in order the one before it renders
	// last: with the guide and, handed over, the page starts (a PDF of
	// 147,215 subsections, laid out whole, and then its EPUB).
	// Overlapped, the format that gives the pages renders on its own
	// goroutine with its own reference; the last of the others is the
	// last here all the same.
	guide, last := g, lastOther(len(opts.Formats), first)
	var staging sync.WaitGroup
	for i, f := range opts.Formats {
		if i == first {
			continue
		}
		gi, fo := guide, eo
		if i == last {
			guide = nil
			// A guide's only format owns it: nothing reads it after
			// (a long PDF lets its sections go as it draws them).
			fo.Owned = len(opts.Formats) == 1
			if pages != nil && !overlap {
				pages.handOver(true)
			}
		}
		if collect && prev >= 0 {
			// Between formats rendered in turn: the next one reuses the
			// memory the last is done with.
			if r := opts.Formats[prev].Release; r != nil {
				r()
			}
			runtime.GC()
		}
		out[i] = render(f, gi, fo)
		if overlap && i == last {
			stageRendered(stage, i, out[i]) // nothing else to do here but wait
		} else if overlap {
			// Not in the way of the next format (a sync waits ~3 ms).
			staging.Add(1)
			go func() {
				defer staging.Done()
				stageRendered(stage, i, out[i])
			}()
		}
		prev = i
	}
	staging.Wait()
	if drawn != nil {
		<-drawn
	}
	return out
}

// stageRendered hands a format's rendering to stage (renderAll), if it is good
// and not empty.
func stageRendered(stage func(int, output), i int, r rendering) {
	if stage != nil && r.err == nil && (len(r.data) > 0 || r.spill != nil) {
		stage(i, output{data: r.data, spill: r.spill})
	}
}

// renderInside renders the guide's formats in turn, the others while the
// format that gives the print pages waits for its give to return
// (Format.PagesFirst): once it has planned the guide, before it draws.
// Rendered after it, an EPUB held the PDF's finished file (100 MB for
// 4 MiB of one-line sections), and the PDF's drawing the guide's model
// and the page starts (~88 + 46 MB) that only the EPUB read: EPUB+PDF
// peaked far above either alone. Rendered inside, the others are done
// before the drawing starts, the page starts are let go, and the format
// owns the guide (it empties each section once drawn). If it fails
// before it gives its pages, the others are rendered after it, their
// pages laid out again (printPages' fallback).
func renderInside(g *content.Guide, opts Options, first int, pdfOpts, eo export.Options, pages *printPages) []rendering {
	out := make([]rendering, len(opts.Formats))
	done := false
	others := func() {
		last := lastOther(len(opts.Formats), first)
		for i, f := range opts.Formats {
			if i == first {
				continue
			}
			// The last of them is handed the page starts (an EPUB then
			// checks its container without them).
			pages.handOver(i == last)
			out[i] = render(f, g, eo)
		}
		pages.letGo() // not held through the drawing
		done = true
	}
	pdfOpts.Owned = true
	f := opts.Formats[first]
	c := &caught{}
	pdfOpts.Spill = c.spill
	out[first] = renderWith(f, c, func() ([]byte, []content.Diagnostic, error) {
		defer pages.failed()
		return f.Pages(g, pdfOpts, func(starts []export.PageStart) {
			if !done {
				pages.give(starts)
				others()
			}
		})
	})
	if !done {
		others()
	}
	return out
}

// lastOther is the last of n formats in order but for first, the format
// that gives the print pages (-1 when none does), which renders apart:
// the one rendered last beside it, handed what only the last reader needs
// (the guide alone, the page starts). -1 when first is the only format.
func lastOther(n, first int) int {
	last := n - 1
	if last == first {
		last--
	}
	return last
}

// printPages hands the print pages of the format that gives them
// (Format.Pages) to the formats that want them (export.Options.PageStarts),
// which may wait for them on other goroutines.
type printPages struct {
	ready    chan struct{} // closed when starts is set or will never be
	once     sync.Once
	mu       sync.Mutex // guards starts, ok and last once ready
	starts   []export.PageStart
	ok       bool
	last     bool               // the next wait takes them: they are let go
	fallback export.PageStarter // when the format failed before giving them, or they were let go
}

func (p *printPages) give(starts []export.PageStart) {
	p.once.Do(func() { p.starts, p.ok = starts, true; close(p.ready) })
}

func (p *printPages) failed() { p.once.Do(func() { close(p.ready) }) }

func (p *printPages) wait(g *content.Guide, o export.Options) ([]export.PageStart, error) {
	<-p.ready
	p.mu.Lock()
	starts, ok := p.starts, p.ok
	if p.last {
		p.starts, p.ok = nil, false
	}
	p.mu.Unlock()
	if !ok {
		return p.fallback(g, o)
	}
	return starts, nil
}

// handOver says whether the next wait is the last reader of the pages:
// it then takes them, and a later wait lays them out again (fallback).
func (p *printPages) handOver(last bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = last
}

// letGo lets go of the pages once every format that reads them has: a
// later wait lays them out again (fallback).
func (p *printPages) letGo() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.starts, p.ok = nil, false
}

// laidOutPages gives the starts (and err) ps gave, computed ahead of
// the formats. With handOver (one format to render) they are given once
// and let go, so that the format does not finish beside them (an EPUB
// holds its whole container and its self-check's index at its end: a
// 4 MiB guide of 195,699 one-line sections has 46 MB of page starts); a
// later call computes them again, with ps.
func laidOutPages(starts []export.PageStart, err error, ps export.PageStarter, handOver bool) export.PageStarter {
	var (
		mu    sync.Mutex
		given bool
	)
	return func(g *content.Guide, o export.Options) ([]export.PageStart, error) {
		mu.Lock()
		defer mu.Unlock()
		if given {
			return ps(g, o)
		}
		s, e := starts, err
		if handOver {
			given, starts, err = true, nil, nil
		}
		return s, e
	}
}

// oncePages is ps computed once, for the first caller's guide and options
// (renderAll passes every format the same ones), safe for concurrent use.
func oncePages(ps export.PageStarter) export.PageStarter {
	var (
		once   sync.Once
		starts []export.PageStart
		err    error
	)
	return func(g *content.Guide, o export.Options) ([]export.PageStart, error) {
		once.Do(func() { starts, err = ps(g, o) })
		return starts, err
	}
}

// render renders one format and checks its magic, turning a panic into
// an error (buildOne reports it against the input and the batch goes on).
// It calls f.Render itself, not through a closure holding g, so that
// nothing here keeps the guide while the format renders it.
func render(f Format, g *content.Guide, eo export.Options) (r rendering) {
	c := &caught{}
	defer recoverRendering(&r, c)
	eo.Spill = c.spill
	data, diags, err := f.Render(g, eo)
	return verified(f, data, c, diags, err)
}

// renderPages is render for the format that gives the print pages,
// handing them to pages; whatever happens, pages is settled when it
// returns, so that no format waits for them for ever.
func renderPages(f Format, g *content.Guide, eo export.Options, pages *printPages) rendering {
	defer pages.failed()
	c := &caught{}
	eo.Spill = c.spill
	return renderWith(f, c, func() ([]byte, []content.Diagnostic, error) { return f.Pages(g, eo, pages.give) })
}

// renderWith is render of a format that run renders, with c as its
// options' Spill.
func renderWith(f Format, c *caught, run func() ([]byte, []content.Diagnostic, error)) (r rendering) {
	defer recoverRendering(&r, c)
	data, diags, err := run()
	return verified(f, data, c, diags, err)
}

// recoverRendering, deferred, turns a panic into the rendering's error
// (and lets go of an output given to Spill).
func recoverRendering(r *rendering, c *caught) {
	if p := recover(); p != nil {
		c.spill(nil)
		*r = rendering{err: fmt.Errorf("internal error: %v (please report this with the input file)\n%s", p, debug.Stack())}
	}
}

// verified is a rendering, its output checked (Format.verify): the bytes
// returned, or what c caught. An output that fails is let go.
func verified(f Format, data []byte, c *caught, diags []content.Diagnostic, err error) rendering {
	s := c.s
	c.s = nil
	if err == nil {
		err = f.verify(data, s)
	}
	if err != nil && s != nil {
		s.Close()
		s = nil
	}
	return rendering{data: data, spill: s, diags: diags, err: err}
}

// ReadInputContext is ReadInput for a read that may wait: standard input,
// a FIFO or a device can block until a writer comes (sleep 25 | guidepress
// build -). When ctx is cancelled (the first Ctrl-C or SIGTERM) such a
// read is abandoned at once and an error wrapping ErrInterrupted returned;
// what it would have read is never used. A regular file is read whole, as
// ReadInput does.
func ReadInputContext(ctx context.Context, in Input, maxBytes int64, stdin io.Reader) ([]byte, error) {
	if in.Path != Stdin {
		if st, err := os.Stat(in.Path); err != nil || st.Mode().IsRegular() || st.IsDir() {
			return ReadInput(in, maxBytes, stdin)
		}
	}
	if ctx.Done() == nil {
		return ReadInput(in, maxBytes, stdin)
	}
	type read struct {
		data []byte
		err  error
	}
	// Opening a FIFO blocks too, so the open is on the reading goroutine.
	// An abandoned read is left to end with the process, which is exiting.
	done := make(chan read, 1)
	go func() {
		data, err := ReadInput(in, maxBytes, stdin)
		done <- read{data, err}
	}()
	select {
	case r := <-done:
		return r.data, r.err
	case <-ctx.Done():
		from := "standard input"
		if in.Path != Stdin {
			from = "the file (a FIFO or device)"
		}
		return nil, fmt.Errorf("%s: %w while waiting to read %s", in.Name(), ErrInterrupted, from)
	}
}

// ReadInput reads an input whole, refusing anything over maxBytes before
// reading it (files) or as soon as the limit is passed (streams).
func ReadInput(in Input, maxBytes int64, stdin io.Reader) ([]byte, error) {
	var (
		rd   io.Reader
		size int64 = -1 // a regular file's, known ahead
	)
	if in.Path == Stdin {
		if stdin == nil {
			return nil, errors.New("<stdin>: no standard input")
		}
		rd = stdin
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot read: %v (check that it exists and is readable)", Display(in.Path), unwrapPath(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s: is a directory, not a guide file", Display(in.Path))
		} else if err == nil && st.Size() > maxBytes {
			return nil, tooBig(in, maxBytes)
		} else if err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		rd = f
	}
	// Read one byte past the limit so that a stream (stdin, a FIFO) that is
	// too large is caught without ever holding more than the limit.
	data, err := readAll(io.LimitReader(rd, maxBytes+1), size)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v", in.Name(), unwrapPath(err))
	}
	if int64(len(data)) > maxBytes {
		return nil, tooBig(in, maxBytes)
	}
	return data, nil
}

// readAll is io.ReadAll with the buffer sized ahead when size, a regular
// file's, is known (>= 0): one read of the whole file and one to see its
// end, where io.ReadAll starts at 512 bytes and grows (the 60 KB seed: 15
// reads and as many copies). A file that grew since its size was taken is
// read whole all the same (bytes.Buffer grows).
func readAll(r io.Reader, size int64) ([]byte, error) {
	if size < 0 {
		return io.ReadAll(r)
	}
	var buf bytes.Buffer
	buf.Grow(int(size) + bytes.MinRead) // MinRead: room for the read that finds the end
	_, err := buf.ReadFrom(r)
	return buf.Bytes(), err
}

func tooBig(in Input, limit int64) error {
	return fmt.Errorf("%s: larger than the %s input limit; a study guide is rarely over 1 MB, so check this is the right file, or raise the limit with --max-size", in.Name(), FormatSize(limit))
}

// FormatSize renders a byte count for messages ("16 MiB").
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
