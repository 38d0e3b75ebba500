package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"
	"weak"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// fakeImport treats the input as a guide title; "bad" inputs fail and
// "panic" inputs panic, so the pipeline's handling of each is observable.
func fakeImport(name string, data []byte) (*content.Guide, error) {
	s := strings.TrimSpace(string(data))
	switch {
	case s == "bad":
		return nil, errors.New(name + ":1: no guide structure")
	case s == "panic":
		panic("importer bug")
	}
	return &content.Guide{Title: s + " — A Study Guide", Book: content.Book{Title: s}, Language: "en"}, nil
}

var fakeFormats = []Format{
	{Name: "txt", Ext: ".out", Magic: []byte("OUT:"), Render: func(g *content.Guide, _ export.Options) ([]byte, []content.Diagnostic, error) {
		if strings.Contains(g.Book.Title, "render-fails") {
			return nil, nil, errors.New("cannot render")
		}
		return []byte("OUT:" + g.Book.Title), []content.Diagnostic{{Line: 1, Severity: content.Warning, Message: "w"}}, nil
	}},
	{Name: "bin", Ext: ".bin", Magic: []byte("BIN"), Render: func(g *content.Guide, _ export.Options) ([]byte, []content.Diagnostic, error) {
		if strings.Contains(g.Book.Title, "render-panics") {
			panic("exporter bug")
		}
		if strings.Contains(g.Book.Title, "bad-magic") {
			return []byte("garbage"), nil, nil
		}
		return []byte("BIN" + g.Book.Title), nil, nil
	}},
}

func write(t *testing.T, path, data string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func opts(out string) Options {
	return Options{OutDir: out, Formats: fakeFormats, Import: fakeImport, Jobs: 2}
}

func TestRunWritesEveryFormatAndNothingElse(t *testing.T) {
	dir := t.TempDir()
	a := write(t, filepath.Join(dir, "in", "emma.txt"), "Emma")
	b := write(t, filepath.Join(dir, "in", "sub", "dracula.json"), "Dracula")
	out := filepath.Join(dir, "out", "nested") // created on demand
	res := Run(context.Background(), []Input{{Path: a}, {Path: b}}, opts(out))
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Input.Path, r.Err)
		}
		if r.Warnings() != 1 {
			t.Errorf("%s: warnings = %d, want the exporter's 1", r.Input.Path, r.Warnings())
		}
	}
	want := []string{"dracula.bin", "dracula.out", "emma.bin", "emma.out"}
	if got := listDir(t, out); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("output dir = %v, want %v (no temporary files)", got, want)
	}
	got, _ := os.ReadFile(filepath.Join(out, "emma.out"))
	if string(got) != "OUT:Emma" {
		t.Errorf("emma.out = %q", got)
	}
	st, _ := os.Stat(filepath.Join(out, "emma.out"))
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", st.Mode().Perm())
	}
}

func TestFailureKeepsEarlierOutputsAndLeavesNoPartialFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	in := write(t, filepath.Join(dir, "guide.txt"), "Persuasion")
	if r := Run(context.Background(), []Input{{Path: in}}, opts(out)); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	before := listDir(t, out)
	for _, broken := range []string{"bad", "panic", "render-fails", "render-panics", "bad-magic"} {
		write(t, in, broken)
		r := Run(context.Background(), []Input{{Path: in}}, opts(out))
		if r[0].Err == nil {
			t.Fatalf("%s: want an error", broken)
		}
		if !strings.Contains(r[0].Err.Error(), in) {
			t.Errorf("%s: error %q does not name the file", broken, r[0].Err)
		}
		if got := listDir(t, out); strings.Join(got, " ") != strings.Join(before, " ") {
			t.Errorf("%s: output dir = %v, want %v", broken, got, before)
		}
		data, _ := os.ReadFile(filepath.Join(out, "guide.out"))
		if string(data) != "OUT:Persuasion" {
			t.Errorf("%s: earlier output replaced with %q", broken, data)
		}
	}
}

func TestOutputErrors(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "guide.txt"), "Emma")
	// An output path that is an existing directory.
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(filepath.Join(out, "guide.out"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := Run(context.Background(), []Input{{Path: in}}, opts(out))
	if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), "is a directory") {
		t.Errorf("output path is a directory: err = %v", r[0].Err)
	}
	// An output directory that cannot be created (a file stands in its
	// way; permission bits alone do not stop root, who runs CI).
	blocker := write(t, filepath.Join(dir, "file"), "x")
	r = Run(context.Background(), []Input{{Path: in}}, opts(filepath.Join(blocker, "sub")))
	if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), "cannot create output directory") {
		t.Errorf("unwritable output dir: err = %v", r[0].Err)
	}
}

func TestSizeLimit(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "big.txt"), strings.Repeat("x", 2048))
	o := opts(filepath.Join(dir, "out"))
	o.MaxBytes = 1024
	r := Run(context.Background(), []Input{{Path: in}}, o)
	if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), "1 KiB input limit") || !strings.Contains(r[0].Err.Error(), "--max-size") {
		t.Errorf("err = %v", r[0].Err)
	}
	// Streams are cut off at the limit too.
	o.Stdin = bytes.NewReader(bytes.Repeat([]byte("y"), 4096))
	r = Run(context.Background(), []Input{{Path: Stdin}}, o)
	if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), "<stdin>: larger than") {
		t.Errorf("stdin err = %v", r[0].Err)
	}
}

func TestStdinIsNamedAfterTheBookAndSafely(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	o := opts(out)
	o.Stdin = strings.NewReader("../../etc/Passwd & <Co>")
	r := Run(context.Background(), []Input{{Path: Stdin}}, o)
	if r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	if got := listDir(t, out); strings.Join(got, " ") != "etc-passwd-co.bin etc-passwd-co.out" {
		t.Errorf("outputs = %v", got)
	}
	// A stdin guide whose name collides with a file input's is refused.
	in := write(t, filepath.Join(dir, "emma.txt"), "Emma")
	o.Stdin = strings.NewReader("Emma")
	r = Run(context.Background(), []Input{{Path: in}, {Path: Stdin}}, o)
	if r[0].Err != nil || r[1].Err == nil || !strings.Contains(r[1].Err.Error(), "also that of") {
		t.Errorf("collision: %v / %v", r[0].Err, r[1].Err)
	}
}

func TestFailFastSkipsTheRest(t *testing.T) {
	dir := t.TempDir()
	var inputs []Input
	inputs = append(inputs, Input{Path: write(t, filepath.Join(dir, "a.txt"), "bad")})
	for _, n := range []string{"b", "c", "d", "e"} {
		inputs = append(inputs, Input{Path: write(t, filepath.Join(dir, n+".txt"), n)})
	}
	o := opts(filepath.Join(dir, "out"))
	o.Jobs = 1
	o.FailFast = true
	res := Run(context.Background(), inputs, o)
	if res[0].Err == nil {
		t.Fatal("first input should fail")
	}
	for _, r := range res[1:] {
		if !errors.Is(r.Err, ErrSkipped) {
			t.Errorf("%s: err = %v, want ErrSkipped", r.Input.Path, r.Err)
		}
	}
}

func TestCollectAndNames(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "lib", "b.txt"), "B")
	write(t, filepath.Join(dir, "lib", "a.json"), "A")
	write(t, filepath.Join(dir, "lib", "notes.pdf"), "skip")
	write(t, filepath.Join(dir, "lib", ".hidden.txt"), "skip")
	write(t, filepath.Join(dir, "lib", ".git", "x.txt"), "skip")
	write(t, filepath.Join(dir, "lib", "deep", "c.TXT"), "C")
	got, err := Collect([]string{filepath.Join(dir, "lib"), "-"})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, in := range got {
		paths = append(paths, strings.TrimPrefix(in.Path, dir+"/"))
	}
	want := "lib/a.json lib/b.txt lib/deep/c.TXT -"
	if strings.Join(paths, " ") != want {
		t.Errorf("Collect = %v, want %s", paths, want)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "missing.txt")}, "missing.txt: no such file or directory; check the path"},
		{[]string{filepath.Join(dir, "lib", "b")}, "b: no such file or directory; did you mean " + filepath.Join(dir, "lib", "b.txt") + "?"},
		{[]string{"-", "-"}, "more than once"},
		{nil, "no input given"},
		{[]string{filepath.Join(dir, "lib", ".git")}, "no guide files"},
	} {
		if tt.args != nil && strings.Contains(tt.want, "no guide files") {
			os.Remove(filepath.Join(dir, "lib", ".git", "x.txt"))
		}
		_, err := Collect(tt.args)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Collect(%v) err = %v, want %q", tt.args, err, tt.want)
		}
	}

	write(t, filepath.Join(dir, "x", "Emma.txt"), "E")
	write(t, filepath.Join(dir, "y", "emma.json"), "E")
	err = CheckNames([]Input{{Path: filepath.Join(dir, "x", "Emma.txt")}, {Path: filepath.Join(dir, "y", "emma.json")}})
	if err == nil || !strings.Contains(err.Error(), "would both be written as") {
		t.Errorf("CheckNames err = %v", err)
	}
}

// cancelAtEOF is standard input whose writer was stopped by the same
// Ctrl-C that interrupts the batch: the read ends early, and the context
// is cancelled as the end arrives.
type cancelAtEOF struct {
	r      io.Reader
	cancel context.CancelFunc
}

func (c *cancelAtEOF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if err == io.EOF {
		c.cancel()
	}
	return n, err
}

// A guide read from standard input while the batch is interrupted may be
// cut short: it is not written, and an earlier output stays as it was. A
// file read from disk in the same situation is whole and is written.
func TestInterruptedStdinIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	earlier := write(t, filepath.Join(out, "emma.out"), "OUT:Emma, the whole guide")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := opts(out)
	o.Jobs = 1
	o.Stdin = &cancelAtEOF{r: strings.NewReader("Emma"), cancel: cancel}
	r := Run(ctx, []Input{{Path: Stdin}}, o)
	if !errors.Is(r[0].Err, ErrInterrupted) || !strings.Contains(r[0].Err.Error(), "standard input") {
		t.Fatalf("err = %v, want ErrInterrupted naming standard input", r[0].Err)
	}
	if got, _ := os.ReadFile(earlier); string(got) != "OUT:Emma, the whole guide" {
		t.Errorf("the earlier output was replaced by %q", got)
	}
	if got := listDir(t, out); strings.Join(got, " ") != "emma.out" {
		t.Errorf("out = %v, want only the earlier output", got)
	}

	// A file input in progress when the interrupt comes is finished.
	in := write(t, filepath.Join(dir, "persuasion.txt"), "Persuasion")
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	o.Import = func(name string, data []byte) (*content.Guide, error) {
		cancel2() // the signal arrives while the guide is being built
		return fakeImport(name, data)
	}
	r = Run(ctx2, []Input{{Path: in}}, o)
	if r[0].Err != nil || len(r[0].Outputs) != 2 {
		t.Errorf("file input in progress: err %v, outputs %v", r[0].Err, r[0].Outputs)
	}
}

// After RemoveTemporaryFiles (a second Ctrl-C, just before exiting) the
// temporary files of writes in progress are gone and no new one is made.
func TestRemoveTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	var tf tempFiles
	f, err := tf.create(dir, ".guide.pdf.tmp-*")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	done, err := tf.create(dir, ".other.epub.tmp-*")
	if err != nil {
		t.Fatal(err)
	}
	done.Close()
	os.Rename(done.Name(), filepath.Join(dir, "other.epub")) // finished before the signal
	tf.forget(done.Name())
	tf.removeAll()
	if got := listDir(t, dir); strings.Join(got, " ") != "other.epub" {
		t.Errorf("left in the directory: %v", got)
	}
	if _, err := tf.create(dir, ".late.pdf.tmp-*"); err == nil {
		t.Error("a temporary file was created after removeAll")
	}
	if got := listDir(t, dir); strings.Join(got, " ") != "other.epub" {
		t.Errorf("left in the directory: %v", got)
	}
}

// A title that slugs to a name Windows reserves for a device gets a
// suffix: con.epub cannot be copied to a Windows machine.
func TestStdinTitleNamedLikeAWindowsDevice(t *testing.T) {
	for title, want := range map[string]string{
		"Con": "con-guide", "NUL": "nul-guide", "com1": "com1-guide", "LPT9": "lpt9-guide",
		"Aux?": "aux-guide", "Prn": "prn-guide", "Con Air": "con-air", "COM10": "com10", "Console": "console",
	} {
		out := filepath.Join(t.TempDir(), "out")
		o := opts(out)
		o.Stdin = strings.NewReader(title)
		r := Run(context.Background(), []Input{{Path: Stdin}}, o)
		if r[0].Err != nil {
			t.Fatal(r[0].Err)
		}
		if got := listDir(t, out); strings.Join(got, " ") != want+".bin "+want+".out" {
			t.Errorf("title %q: outputs %v, want %s.*", title, got, want)
		}
	}
}

// A read that waits for a writer (sleep 25 | guidepress build -) is
// abandoned as soon as the batch is interrupted, not when the writer
// finally closes.
func TestInterruptAbandonsABlockedRead(t *testing.T) {
	pr, pw := io.Pipe() // nothing is ever written
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := opts(filepath.Join(t.TempDir(), "out"))
	o.Stdin = pr
	done := make(chan []Result, 1)
	go func() { done <- Run(ctx, []Input{{Path: Stdin}}, o) }()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case r := <-done:
		if !errors.Is(r[0].Err, ErrInterrupted) {
			t.Errorf("err = %v, want ErrInterrupted", r[0].Err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the interrupt did not end a read blocked on standard input")
	}
}

// TestPrintPagesLaidOutOnce: a format that gives its print pages (the PDF)
// is rendered first, and the others get those pages from the options'
// PageStarts instead of laying the guide out again; without PageStarts in
// the options the formats render in their order, and Pages is not used.
func TestPrintPagesLaidOutOnce(t *testing.T) {
	var order []string
	laidOut := 0
	reader := Format{Name: "book", Ext: ".book", Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
		order = append(order, "book")
		label := "none"
		if o.PageStarts != nil {
			starts, err := o.PageStarts(g, o)
			if err != nil {
				return nil, nil, err
			}
			label = starts[len(starts)-1].Label
		}
		return []byte("BOOK pages to " + label), nil, nil
	}}
	printed := Format{Name: "print", Ext: ".print", Magic: []byte("PRINT"),
		Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
			order = append(order, "print")
			return []byte("PRINT"), nil, nil
		},
		Pages: func(g *content.Guide, o export.Options, pages func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
			order = append(order, "print+pages")
			pages([]export.PageStart{{Label: "Cover"}, {Label: "2"}, {Label: "3"}})
			return []byte("PRINT"), nil, nil
		}}
	for _, tc := range []struct {
		name      string
		starts    export.PageStarter
		wantOrder string
		wantBook  string
	}{
		{"page list", func(*content.Guide, export.Options) ([]export.PageStart, error) {
			laidOut++
			return []export.PageStart{{Label: "Cover"}}, nil
		}, "print+pages book", "BOOK pages to 3"},
		{"no page list", nil, "book print", "BOOK pages to none"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			order, laidOut = nil, 0
			dir := t.TempDir()
			in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
			o := opts(filepath.Join(dir, "out"))
			o.Formats = []Format{reader, printed}
			o.Export.PageStarts = tc.starts
			o.CollectBetween = true
			res := Run(context.Background(), []Input{{Path: in}}, o)
			if res[0].Err != nil {
				t.Fatal(res[0].Err)
			}
			if got := strings.Join(order, " "); got != tc.wantOrder {
				t.Errorf("rendered %q, want %q", got, tc.wantOrder)
			}
			if laidOut != 0 {
				t.Errorf("the options' PageStarts ran %d times; the print format's pages should have been used", laidOut)
			}
			if len(res[0].Outputs) != 2 || !strings.HasSuffix(res[0].Outputs[0], ".book") || !strings.HasSuffix(res[0].Outputs[1], ".print") {
				t.Fatalf("outputs %v, want the formats' order", res[0].Outputs)
			}
			b, err := os.ReadFile(res[0].Outputs[0])
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.wantBook {
				t.Errorf("book = %q, want %q", b, tc.wantBook)
			}
		})
	}
}

// TestPrintPagesSharedWithoutAPrintFormat: with no format that gives the
// pages, the formats that want them share one layout (PageStarts runs once
// a guide), in a batch and in a one-guide build alike.
func TestPrintPagesSharedWithoutAPrintFormat(t *testing.T) {
	wants := func(name string) Format {
		return Format{Name: name, Ext: "." + name, Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
			starts, err := o.PageStarts(g, o)
			if err != nil {
				return nil, nil, err
			}
			return []byte(fmt.Sprintf("BOOK %d pages", len(starts))), nil, nil
		}}
	}
	for _, collect := range []bool{false, true} {
		laidOut := 0
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
		o := opts(filepath.Join(dir, "out"))
		o.Formats = []Format{wants("epub"), wants("kepub")}
		o.CollectBetween = collect
		o.Export.PageStarts = func(*content.Guide, export.Options) ([]export.PageStart, error) {
			laidOut++
			return []export.PageStart{{Label: "Cover"}, {Label: "2"}}, nil
		}
		res := Run(context.Background(), []Input{{Path: in}}, o)
		if res[0].Err != nil {
			t.Fatal(res[0].Err)
		}
		if laidOut != 1 {
			t.Errorf("CollectBetween %v: laid out %d times, want once", collect, laidOut)
		}
		for _, p := range res[0].Outputs {
			if b, err := os.ReadFile(p); err != nil || string(b) != "BOOK 2 pages" {
				t.Errorf("%s = %q, %v", p, b, err)
			}
		}
	}
}

// TestOverlapHandsPagesOverBeforeDrawing: with Overlap, the format that
// wants the print pages gets them as soon as the print format has laid
// the guide out, while it is still drawing (the print format here waits
// for the reader to finish, so a build that renders in turn would never
// end); when the print format fails or panics before giving its pages,
// the reader lays the guide out with the options' PageStarts, as it
// would without the print format, and nothing waits for ever.
func TestOverlapHandsPagesOverBeforeDrawing(t *testing.T) {
	for _, tc := range []struct {
		name      string
		print     func(pages func([]export.PageStart), readerDone <-chan struct{}) ([]byte, error)
		wantBook  string
		wantErr   string // in the result's error; "" for none
		wantOwnLO bool   // the reader laid the guide out itself
	}{
		{"pages before drawing", func(pages func([]export.PageStart), readerDone <-chan struct{}) ([]byte, error) {
			pages([]export.PageStart{{Label: "Cover"}, {Label: "2"}, {Label: "3"}})
			select {
			case <-readerDone: // drawn only once the reader has used the pages
			case <-time.After(10 * time.Second):
				return nil, errors.New("the reader did not run while the print format drew")
			}
			return []byte("PRINT"), nil
		}, "BOOK pages to 3", "", false},
		{"failed after layout", func(pages func([]export.PageStart), _ <-chan struct{}) ([]byte, error) {
			pages([]export.PageStart{{Label: "Cover"}, {Label: "7"}})
			return nil, errors.New("disk of ink full")
		}, "BOOK pages to 7", "print export failed: disk of ink full", false},
		{"failed before layout", func(func([]export.PageStart), <-chan struct{}) ([]byte, error) {
			return nil, errors.New("no paper")
		}, "BOOK pages to 9", "print export failed: no paper", true},
		{"panicked before layout", func(func([]export.PageStart), <-chan struct{}) ([]byte, error) {
			panic("torn page")
		}, "BOOK pages to 9", "print export failed: internal error: torn page", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var (
				mu         sync.Mutex
				ownLayouts int
				book       string
			)
			readerDone := make(chan struct{})
			reader := Format{Name: "book", Ext: ".book", Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
				defer close(readerDone)
				starts, err := o.PageStarts(g, o)
				if err != nil {
					return nil, nil, err
				}
				mu.Lock()
				book = "BOOK pages to " + starts[len(starts)-1].Label
				mu.Unlock()
				return []byte(book), nil, nil
			}}
			printed := Format{Name: "print", Ext: ".print", Magic: []byte("PRINT"),
				Render: func(*content.Guide, export.Options) ([]byte, []content.Diagnostic, error) {
					return nil, nil, errors.New("Render used where Pages should be")
				},
				Pages: func(g *content.Guide, o export.Options, pages func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
					b, err := tc.print(pages, readerDone)
					return b, nil, err
				}}
			dir := t.TempDir()
			in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
			o := opts(filepath.Join(dir, "out"))
			o.Formats = []Format{reader, printed}
			o.Export.PageStarts = func(*content.Guide, export.Options) ([]export.PageStart, error) {
				mu.Lock()
				ownLayouts++
				mu.Unlock()
				return []export.PageStart{{Label: "Cover"}, {Label: "9"}}, nil
			}
			o.Overlap, o.CollectBetween = true, true
			res := Run(context.Background(), []Input{{Path: in}}, o)
			if tc.wantErr == "" {
				if res[0].Err != nil {
					t.Fatal(res[0].Err)
				}
				if len(res[0].Outputs) != 2 || !strings.HasSuffix(res[0].Outputs[0], ".book") || !strings.HasSuffix(res[0].Outputs[1], ".print") {
					t.Fatalf("outputs %v, want the formats' order", res[0].Outputs)
				}
			} else {
				if res[0].Err == nil || !strings.Contains(res[0].Err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want one containing %q", res[0].Err, tc.wantErr)
				}
				if got := listDir(t, filepath.Join(dir, "out")); len(got) != 0 {
					t.Errorf("a failed build wrote %v", got)
				}
			}
			if book != tc.wantBook {
				t.Errorf("book = %q, want %q", book, tc.wantBook)
			}
			if (ownLayouts == 1) != tc.wantOwnLO || ownLayouts > 1 {
				t.Errorf("the options' PageStarts ran %d times, want %v", ownLayouts, tc.wantOwnLO)
			}
		})
	}
}

// readAll reads everything whatever the size hint says: the file's size
// (the usual case), a size taken before the file grew or shrank, none.
func TestReadAllWithSizeHint(t *testing.T) {
	text := strings.Repeat("Never Let Me Go. ", 4000) // 68 KB
	for _, tt := range []struct {
		name string
		size int64
	}{
		{"exact", int64(len(text))}, {"grew since", 100}, {"shrank since", int64(len(text)) * 2},
		{"empty hint", 0}, {"no hint", -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(iotest.OneByteReader(strings.NewReader(text[:len(text)/3])), tt.size)
			if err != nil || string(got) != text[:len(text)/3] {
				t.Errorf("one byte at a time: %d bytes, %v; want %d bytes", len(got), err, len(text)/3)
			}
			got, err = readAll(strings.NewReader(text), tt.size)
			if err != nil || string(got) != text {
				t.Errorf("%d bytes, %v; want %d bytes", len(got), err, len(text))
			}
		})
	}
	got, err := readAll(iotest.ErrReader(io.ErrUnexpectedEOF), 10)
	if err != io.ErrUnexpectedEOF || len(got) != 0 {
		t.Errorf("failing reader: %q, %v; want its error", got, err)
	}
}

// TestSpareCoreOnlyForPrintAlone: the print format is told it has a core
// to spare (export.Options.SpareCore) in a one-guide build (Overlap) of it
// alone, never beside another format or when the formats are rendered in
// turn (a batch, whose workers keep the cores busy); the other formats are
// never told.
func TestSpareCoreOnlyForPrintAlone(t *testing.T) {
	for _, tc := range []struct {
		name    string
		overlap bool
		reader  bool
		want    bool
	}{
		{"alone, overlapped", true, false, true},
		{"beside a reader", true, true, false},
		{"beside a reader, in turn", false, true, false},
		{"alone, in turn", false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got atomic.Bool
			got.Store(!tc.want)
			printed := Format{Name: "print", Ext: ".print", Magic: []byte("PRINT"),
				Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
					if tc.reader {
						return nil, nil, errors.New("Render used where Pages should be")
					}
					got.Store(o.SpareCore) // alone, it gives no pages (TestAloneGivesNoPages)
					return []byte("PRINT"), nil, nil
				},
				Pages: func(g *content.Guide, o export.Options, pages func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
					got.Store(o.SpareCore)
					pages(nil)
					return []byte("PRINT"), nil, nil
				}}
			reader := Format{Name: "book", Ext: ".book", Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
				if o.SpareCore {
					return nil, nil, errors.New("the reader was told of a spare core")
				}
				return []byte("BOOK"), nil, nil
			}}
			dir := t.TempDir()
			in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
			o := opts(filepath.Join(dir, "out"))
			o.Formats = []Format{printed}
			if tc.reader {
				o.Formats = []Format{reader, printed}
			}
			o.Export.PageStarts = func(*content.Guide, export.Options) ([]export.PageStart, error) { return nil, nil }
			o.Overlap = tc.overlap
			res := Run(context.Background(), []Input{{Path: in}}, o)
			if res[0].Err != nil {
				t.Fatal(res[0].Err)
			}
			if got.Load() != tc.want {
				t.Errorf("SpareCore = %v, want %v", got.Load(), tc.want)
			}
		})
	}
}

// TestPendingWritesBounds checks when a worker may hand over a rendered
// guide for writing: within both bounds at once, an oversized guide only
// when nothing else is pending, and otherwise only after a release.
func TestPendingWritesBounds(t *testing.T) {
	for _, tc := range []struct {
		name    string
		held    []int64 // sizes already pending
		size    int64   // the next guide's
		waits   bool
		release int // which held write's release lets it in, when it waits
	}{
		{"nothing pending, small", nil, 10, false, 0},
		{"nothing pending, over the byte bound", nil, 500, false, 0},
		{"within both bounds", []int64{10, 20}, 30, false, 0},
		{"count bound reached", []int64{1, 1, 1}, 1, true, 1},
		{"byte bound passed", []int64{60, 30}, 20, true, 0},
		{"oversized waits for the others", []int64{5}, 500, true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newPendingWrites(3, 100)
			for _, h := range tc.held {
				p.acquire(h)
			}
			in := make(chan struct{})
			go func() {
				p.acquire(tc.size)
				close(in)
			}()
			if !tc.waits {
				// Admitted at once, however long the goroutine takes to
				// run: a 50 ms bound here failed only when the machine
				// was too loaded to run it in time.
				select {
				case <-in:
				case <-time.After(60 * time.Second):
					t.Fatalf("%d bytes beside %v still waiting, want it admitted", tc.size, tc.held)
				}
				return
			}
			select {
			case <-in:
				t.Fatalf("admitted %d bytes beside %v, want it to wait", tc.size, tc.held)
			case <-time.After(50 * time.Millisecond): // waiting, as far as can be seen
			}
			p.release(tc.held[tc.release])
			select {
			case <-in:
			case <-time.After(10 * time.Second):
				t.Fatalf("still waiting after a release")
			}
			p.mu.Lock()
			n, b := p.n, p.bytes
			p.mu.Unlock()
			var want int64 = tc.size
			for i, h := range tc.held {
				if i != tc.release {
					want += h
				}
			}
			if n != len(tc.held) || b != want {
				t.Errorf("pending %d guides, %d bytes; want %d, %d", n, b, len(tc.held), want)
			}
		})
	}
}

// TestPrintPagesLetGo: in a one-guide build of one format that wants the
// print pages (--format epub), the pages laid out ahead are handed to it
// and not kept for the rest of its rendering; asked again, they are laid
// out again. With two such formats both get the one layout
// (TestPrintPagesSharedWithoutAPrintFormat).
func TestPrintPagesLetGo(t *testing.T) {
	for _, collect := range []bool{false, true} {
		var kept weak.Pointer[export.PageStart]
		laidOut := 0
		f := Format{Name: "epub", Ext: ".epub", Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
			starts, err := o.PageStarts(g, o)
			if err != nil || len(starts) != 2 {
				return nil, nil, fmt.Errorf("%d starts, %v", len(starts), err)
			}
			starts = nil
			runtime.GC()
			if kept.Value() != nil {
				return nil, nil, errors.New("the page starts are still held while the format renders")
			}
			if again, err := o.PageStarts(g, o); err != nil || len(again) != 2 {
				return nil, nil, fmt.Errorf("asked again: %d starts, %v", len(again), err)
			}
			return []byte("BOOK"), nil, nil
		}}
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
		o := opts(filepath.Join(dir, "out"))
		o.Formats = []Format{f}
		o.CollectBetween = collect
		o.Export.PageStarts = func(*content.Guide, export.Options) ([]export.PageStart, error) {
			laidOut++
			s := []export.PageStart{{Label: "Cover"}, {Label: "2"}}
			if laidOut == 1 {
				kept = weak.Make(&s[0])
			}
			return s, nil
		}
		res := Run(context.Background(), []Input{{Path: in}}, o)
		if res[0].Err != nil {
			t.Errorf("CollectBetween %v: %v", collect, res[0].Err)
		}
		if laidOut != 2 {
			t.Errorf("CollectBetween %v: laid out %d times, want twice (asked again)", collect, laidOut)
		}
	}
}

// TestLastFormatHoldsTheGuideAlone: the last format renders with no
// reference to the guide left but its own, so that it can let the guide
// go before it is done (an EPUB checking its container: 70-90 MB of a
// 4 MiB guide's model); a format before it still gets the guide.
func TestLastFormatHoldsTheGuideAlone(t *testing.T) {
	var made weak.Pointer[content.Guide]
	titles := []string{}
	format := func(name string, last bool) Format {
		return Format{Name: name, Ext: "." + name, Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
			titles = append(titles, g.Title)
			if o.Owned {
				return nil, nil, errors.New("a format told it owns the guide when another format renders it too")
			}
			if last {
				g = nil
				runtime.GC()
				if made.Value() != nil {
					return nil, nil, errors.New("the guide is still held elsewhere while the last format renders")
				}
			}
			return []byte("BOOK"), nil, nil
		}}
	}
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
	o := opts(filepath.Join(dir, "out"))
	o.Formats = []Format{format("one", false), format("two", true)}
	watchGuides(&o, &made)
	res := Run(context.Background(), []Input{{Path: in}}, o)
	if res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
	if len(titles) != 2 || titles[0] != titles[1] || titles[0] == "" {
		t.Errorf("the formats got the guides %q, want the same one twice", titles)
	}
}

// TestAloneGivesNoPages: the format that gives the print pages (the PDF),
// built alone, is rendered as any last format, not asked for pages no
// other format reads: asked, a PDF of 4 MiB of one-line sections took
// 46 MB of page starts that the batch held beside its whole drawing.
// It has the only reference to the guide, and is told so (Owned), and
// still the core it leaves idle when formats would overlap.
func TestAloneGivesNoPages(t *testing.T) {
	for _, overlap := range []bool{false, true} {
		var made weak.Pointer[content.Guide]
		var got []string
		f := Format{Name: "pdf", Ext: ".pdf", Magic: []byte("BOOK"),
			Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
				got = append(got, fmt.Sprintf("render pages asked %v spare core %v owned %v", o.PageStarts != nil, o.SpareCore, o.Owned))
				g = nil
				runtime.GC()
				if made.Value() != nil {
					return nil, nil, errors.New("the guide is still held elsewhere while the format renders")
				}
				return []byte("BOOK"), nil, nil
			},
			Pages: func(g *content.Guide, o export.Options, pages func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
				got = append(got, "pages")
				pages(nil)
				return []byte("BOOK"), nil, nil
			}}
		dir := t.TempDir()
		in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
		o := opts(filepath.Join(dir, "out"))
		o.Formats, o.Overlap = []Format{f}, overlap
		o.Export.PageStarts = func(*content.Guide, export.Options) ([]export.PageStart, error) {
			got = append(got, "page starts")
			return nil, nil
		}
		watchGuides(&o, &made)
		res := Run(context.Background(), []Input{{Path: in}}, o)
		if res[0].Err != nil {
			t.Fatalf("overlap %v: %v", overlap, res[0].Err)
		}
		want := []string{fmt.Sprintf("render pages asked false spare core %v owned true", overlap)}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("overlap %v: the format alone was called %q, want %q", overlap, got, want)
		}
	}
}

// watchGuides has o's import keep a weak pointer to the guide it makes
// last in *made, for a test to see when it is let go.
func watchGuides(o *Options, made *weak.Pointer[content.Guide]) {
	imp := o.Import
	o.Import = func(name string, data []byte) (*content.Guide, error) {
		g, err := imp(name, data)
		if g != nil {
			*made = weak.Make(g)
		}
		return g, err
	}
}

// TestPagesFirstRendersTheOthersBeforeDrawing: when the format that gives
// the print pages says it gives them before it holds much
// (Format.PagesFirst: a PDF drawn as laid out, once planned), the other
// formats are rendered inside its give, before it draws, rather than
// after it: an EPUB no longer holds the finished PDF, nor the PDF's
// drawing the page starts, which are let go once read, and the guide,
// which the format is told it owns. Without it, or when the format fails
// before giving its pages, they are rendered after it, as before.
func TestPagesFirstRendersTheOthersBeforeDrawing(t *testing.T) {
	for _, tc := range []struct {
		name        string
		first, fail bool
		want        string
	}{
		{"pages first", true, false, "plan book(3 pages) draw(owned true, starts let go true)"},
		{"pages after", false, false, "plan draw(owned false, starts let go false) book(3 pages)"},
		{"fails before its pages", true, true, "plan book(1 pages)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var (
				order []string
				kept  weak.Pointer[export.PageStart]
			)
			book := Format{Name: "book", Ext: ".book", Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
				starts, err := o.PageStarts(g, o)
				if err != nil {
					return nil, nil, err
				}
				order = append(order, fmt.Sprintf("book(%d pages)", len(starts)))
				return []byte("BOOK"), nil, nil
			}}
			printed := Format{Name: "print", Ext: ".print", Magic: []byte("PRINT"),
				Render: func(*content.Guide, export.Options) ([]byte, []content.Diagnostic, error) {
					return nil, nil, errors.New("rendered without its pages")
				},
				Pages: func(g *content.Guide, o export.Options, pages func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
					order = append(order, "plan")
					if tc.fail {
						return nil, nil, errors.New("cannot plan")
					}
					s := []export.PageStart{{Label: "Cover"}, {Label: "1"}, {Label: "2"}}
					kept = weak.Make(&s[0])
					pages(s)
					s = nil
					runtime.GC()
					order = append(order, fmt.Sprintf("draw(owned %v, starts let go %v)", o.Owned, kept.Value() == nil))
					return []byte("PRINT"), nil, nil
				},
				PagesFirst: func(*content.Guide) bool { return tc.first }}
			dir := t.TempDir()
			in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
			o := opts(filepath.Join(dir, "out"))
			o.Formats = []Format{book, printed}
			o.Export.PageStarts = func(*content.Guide, export.Options) ([]export.PageStart, error) {
				return []export.PageStart{{Label: "Cover"}}, nil
			}
			res := Run(context.Background(), []Input{{Path: in}}, o)
			if err := res[0].Err; (err != nil) != tc.fail {
				t.Fatalf("error %v, want one %v", err, tc.fail)
			}
			if got := strings.Join(order, " "); got != tc.want {
				t.Errorf("rendered %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRenderedLastAfterThePages: rendered in turn after the format that
// gives the print pages, which is last in order, the format before it
// renders last: with the only reference to the guide left and the page
// starts handed over (an EPUB after a PDF laid out whole checks its
// container without the guide's model and the pages).
func TestRenderedLastAfterThePages(t *testing.T) {
	var (
		made weak.Pointer[content.Guide]
		kept weak.Pointer[export.PageStart]
	)
	book := Format{Name: "book", Ext: ".book", Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
		starts, err := o.PageStarts(g, o)
		if err != nil || len(starts) != 2 {
			return nil, nil, fmt.Errorf("%d starts, %v", len(starts), err)
		}
		g, starts = nil, nil
		runtime.GC()
		if made.Value() != nil {
			return nil, nil, errors.New("the guide is still held elsewhere while the last format renders")
		}
		if kept.Value() != nil {
			return nil, nil, errors.New("the page starts are still held elsewhere while the last format renders")
		}
		return []byte("BOOK"), nil, nil
	}}
	printed := Format{Name: "print", Ext: ".print", Magic: []byte("PRINT"),
		Pages: func(g *content.Guide, o export.Options, pages func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
			s := []export.PageStart{{Label: "Cover"}, {Label: "1"}}
			kept = weak.Make(&s[0])
			pages(s)
			return []byte("PRINT"), nil, nil
		}}
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in", "g.txt"), "Emma")
	o := opts(filepath.Join(dir, "out"))
	o.Formats = []Format{book, printed}
	o.Export.PageStarts = func(*content.Guide, export.Options) ([]export.PageStart, error) {
		return nil, errors.New("laid out again")
	}
	watchGuides(&o, &made)
	if res := Run(context.Background(), []Input{{Path: in}}, o); res[0].Err != nil {
		t.Fatal(res[0].Err)
	}
}

// TestLastOther: the last format rendered beside the one that gives the
// print pages, as renderAll and renderInside both pick it.
func TestLastOther(t *testing.T) {
	for _, c := range []struct{ n, first, want int }{
		{1, -1, 0}, // one format, none gives pages
		{1, 0, -1}, // --format pdf: nothing beside it
		{2, -1, 1}, // EPUB and Kobo EPUB
		{2, 0, 1},  // PDF first, EPUB last
		{2, 1, 0},  // EPUB, PDF: the EPUB
		{3, 1, 2},  // the pages' format in the middle
		{3, 2, 1},  // the pages' format last
		{4, 3, 2},  // …and one before it
		{4, -1, 3}, // none gives pages
	} {
		if got := lastOther(c.n, c.first); got != c.want {
			t.Errorf("lastOther(%d, %d) = %d, want %d", c.n, c.first, got, c.want)
		}
	}
}
