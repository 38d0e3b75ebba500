package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/batch"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestLiftsLimit: a one-guide build runs without the memory limit that
// follows its live heap when it draws a PDF as it lays it out (a guide of
// more than 50,000 parts), and keeps it otherwise: a smaller guide, a
// guide of many subsections of one part, or no PDF (the EPUB's page list
// is laid out once, whole or page by page, never drawn).
func TestLiftsLimit(t *testing.T) {
	named := func(names ...string) []batch.Format {
		var fs []batch.Format
		for _, f := range formats {
			if slices.Contains(names, f.Name) {
				fs = append(fs, f)
			}
		}
		if len(fs) != len(names) {
			t.Fatalf("formats %v: found %d", names, len(fs))
		}
		return fs
	}
	for _, tc := range []struct {
		name  string
		text  []byte
		fmts  []batch.Format
		lifts bool
	}{
		{"60,000 sections, EPUB and PDF", growth.Guide(growth.Sections, 60000), named("epub", "pdf"), true},
		{"60,000 sections, PDF", growth.Guide(growth.Sections, 60000), named("pdf"), true},
		{"60,000 sections, EPUB", growth.Guide(growth.Sections, 60000), named("epub"), false},
		{"60,000 subsections, PDF", growth.Guide(growth.Subsections, 60000), named("pdf"), false},
		{"2,000 sections, PDF", growth.Guide(growth.Sections, 2000), named("pdf"), false},
	} {
		g, err := importer.Load("growth.txt", tc.text, importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := liftsLimit(tc.fmts, g); got != tc.lifts {
			t.Errorf("%s: lifts the limit %v, want %v", tc.name, got, tc.lifts)
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

// TestLiftWhenDrawn: built with other formats, a PDF that gives its pages
// first (batch.Format.PagesFirst: they are rendered inside its give) has
// the memory limit lifted only once it has given them and they are done,
// so that the EPUB is built under the limit as it is alone; the import no
// longer lifts it. A PDF built alone, or one that does not give its
// pages first, is left as it was.
func TestLiftWhenDrawn(t *testing.T) {
	for _, tc := range []struct {
		name      string
		formats   []string
		first     bool
		want      string
		importing bool // the import may still lift it
	}{
		{"epub,pdf", []string{"epub", "pdf"}, true, "others at 0, drawn at 1", false},
		{"not first", []string{"epub", "pdf"}, false, "others at 0, drawn at 0", false},
		{"pdf alone", []string{"pdf"}, true, "others at 0, drawn at 0", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lifted := 0
			var order []string
			var fmts []batch.Format
			for _, name := range tc.formats {
				f := batch.Format{Name: name}
				if name == "pdf" {
					f.Pages = func(g *content.Guide, o export.Options, give func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
						give(nil)
						order = append(order, fmt.Sprint("drawn at ", lifted))
						return nil, nil, nil
					}
					f.PagesFirst = func(*content.Guide) bool { return tc.first }
				}
				fmts = append(fmts, f)
			}
			unlimit := func() { lifted++ }
			liftWhenDrawn(fmts, &unlimit)
			if (unlimit != nil) != tc.importing {
				t.Errorf("the import may lift the limit: %v, want %v", unlimit != nil, tc.importing)
			}
			pdf := fmts[slices.IndexFunc(fmts, func(f batch.Format) bool { return f.Name == "pdf" })]
			pdf.Pages(&content.Guide{}, export.Options{}, func([]export.PageStart) {
				order = append(order, fmt.Sprint("others at ", lifted))
			})
			if got := strings.Join(order, ", "); got != tc.want {
				t.Errorf("limit lifted %q, want %q", got, tc.want)
			}
		})
	}
}
