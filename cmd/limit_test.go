package cmd

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/batch"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestLongPDFDrawnUnderTheLimit: a one-guide build of a PDF drawn as it
// is laid out (pdf.Streams: more than 50,000 sections, subsections
// counted) is drawn under the memory limit that follows its live heap
// (largeGuideLimit), alone and
// after the EPUB it gives its page starts to, as every other build of a
// larger file is. The limit was lifted for it, once imported or once the
// EPUB was done, when its live heap passed 448 MiB in the finishing pass;
// it stays under ~300 MB now, and without the limit the collector let
// the heap grow to twice that (4 MiB of one-line sections: 600-700 MiB).
// The formats are stand-ins that note the limit where the PDF would draw.
func TestLongPDFDrawnUnderTheLimit(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	dir := t.TempDir()
	guide := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(guide, growth.Guide(growth.Sections, 60000), 0o644); err != nil {
		t.Fatal(err)
	}
	var limits []int64 // the limit in force each time the PDF is drawn
	drawn := func() {
		// memlimit.Follow lifts the limit for a moment at each collection,
		// to read what is live (memlimit.live), and sets the next one; a
		// reading in that moment sees none (under load, 2 runs in 30 read
		// math.MaxInt64 here). The limit in force is what the next
		// readings see: a lifted one stays lifted. They are read for up
		// to 5 s (not 100 ms): a loaded machine may leave the collector's
		// finalizer waiting for a core in that moment.
		l := debug.SetMemoryLimit(-1)
		for i := 0; i < 5000 && l == math.MaxInt64; i++ {
			time.Sleep(time.Millisecond)
			l = debug.SetMemoryLimit(-1)
		}
		limits = append(limits, l)
	}
	saved := slices.Clone(formats)
	defer func() { formats = saved }()
	for i, f := range formats {
		switch f.Name {
		case "pdf":
			pdfMagic := f.Magic
			formats[i] = batch.Format{Name: f.Name, Ext: f.Ext, Magic: pdfMagic, PagesFirst: f.PagesFirst,
				Render: func(*content.Guide, export.Options) ([]byte, []content.Diagnostic, error) {
					drawn()
					return pdfMagic, nil, nil
				},
				Pages: func(g *content.Guide, o export.Options, give func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
					give(nil) // planned: the EPUB is built here
					drawn()
					return pdfMagic, nil, nil
				}}
		case "epub":
			epubMagic := f.Magic
			formats[i] = batch.Format{Name: f.Name, Ext: f.Ext, Magic: epubMagic,
				Render: func(*content.Guide, export.Options) ([]byte, []content.Diagnostic, error) { return epubMagic, nil, nil }}
		}
	}
	for _, fmts := range []string{"pdf", "epub,pdf"} {
		limits = nil
		if code, _, stderr := run(t, "", "build", guide, "-o", dir, "--format", fmts, "-q"); code != 0 {
			t.Fatalf("--format %s: exit %d: %s", fmts, code, stderr)
		}
		if len(limits) != 1 || limits[0] == math.MaxInt64 {
			t.Errorf("--format %s: memory limits while the PDF was drawn %v, want one, below math.MaxInt64 (largeGuideLimit: %d)", fmts, limits, int64(largeGuideLimit))
		}
	}
}

// TestBatchGC: a batch of ordinary guides runs at GOGC=batchGOGC, and
// the setting is restored after it; a batch with a larger file or
// standard input, or a user's own GOGC or GOMEMLIMIT, keeps the collector
// as it was.
func TestBatchGC(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.txt")
	large := filepath.Join(dir, "large.txt")
	if err := os.WriteFile(small, []byte("Emma\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, make([]byte, 300<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	in := func(paths ...string) []batch.Input {
		var ins []batch.Input
		for _, p := range paths {
			ins = append(ins, batch.Input{Path: p})
		}
		return ins
	}
	for _, tc := range []struct {
		name   string
		inputs []batch.Input
		env    string // GOGC or GOMEMLIMIT=…
		tuned  bool
	}{
		{"ordinary guides", in(small, small), "", true},
		{"one larger file", in(small, large), "", false},
		{"standard input", in(small, batch.Stdin), "", false},
		{"GOGC set", in(small, small), "GOGC=50", false},
		{"GOMEMLIMIT set", in(small, small), "GOMEMLIMIT=1GiB", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if k, v, ok := strings.Cut(tc.env, "="); ok {
				t.Setenv(k, v)
			} else {
				t.Setenv("GOGC", "")
				t.Setenv("GOMEMLIMIT", "")
			}
			before := debug.SetGCPercent(100)
			defer debug.SetGCPercent(before)
			restore := batchGC(tc.inputs)
			during := debug.SetGCPercent(100)
			debug.SetGCPercent(during)
			restore()
			after := debug.SetGCPercent(before)
			want := 100
			if tc.tuned {
				want = batchGOGC
			}
			if during != want || after != 100 {
				t.Errorf("GOGC during the batch %d, after %d; want %d, 100", during, after, want)
			}
		})
	}
}
