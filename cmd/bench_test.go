package cmd

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/guidepress/guidepress/batch"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
	"github.com/guidepress/guidepress/export/pdf"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/cpubench"
)

// benchGuide is the seed when ../shared is there, else the bundled example.
func benchGuide(b *testing.B) (string, []byte) {
	path := filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt")
	if d := checkers.SharedDir(); d != "" {
		if _, err := os.Stat(filepath.Join(d, "seed", "never-let-me-go.txt")); err == nil {
			path = checkers.Seed(b, "never-let-me-go.txt")
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, data
}

var benchOpts = export.Options{Modified: time.Unix(1700000000, 0)}

// BenchmarkWholeBuild is one guide to EPUB and PDF in memory: import,
// epub.Build, pdf.Build, as buildOne does minus the file writes. cpu-ms/op
// is the figure the batch target is budgeted in (2 cores × 1 s / 100
// guides = 20 ms of CPU a guide).
func BenchmarkWholeBuild(b *testing.B) {
	path, data := benchGuide(b)
	b.SetBytes(int64(len(data)))
	var epubN, pdfN int
	stop := cpubench.Start(b)
	for b.Loop() {
		g, err := importer.Load(path, data, importer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		e, _, err := epub.Build(g, benchOpts)
		if err != nil {
			b.Fatal(err)
		}
		p, _, err := pdf.Build(g, benchOpts)
		if err != nil {
			b.Fatal(err)
		}
		epubN, pdfN = len(e), len(p)
	}
	stop()
	b.ReportMetric(float64(epubN), "epub-bytes")
	b.ReportMetric(float64(pdfN), "pdf-bytes")
}

// BenchmarkBatch runs batch.Run, the CLI's worker pool, over a folder of
// copies of the benchmark guide (100, or GUIDEPRESS_BENCH_BATCH) with one
// worker per CPU, writing both formats. It reports guides per second of
// wall time, which depends on the machine's load, and CPU milliseconds per
// guide, which does not much.
func BenchmarkBatch(b *testing.B) {
	n := 100
	if v, err := strconv.Atoi(os.Getenv("GUIDEPRESS_BENCH_BATCH")); err == nil && v > 0 {
		n = v
	}
	_, data := benchGuide(b)
	dir := b.TempDir()
	var inputs []batch.Input
	for i := 0; i < n; i++ {
		p := filepath.Join(dir, "in", "g"+strconv.Itoa(i)+".txt")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, batch.Input{Path: p})
	}
	opts := batch.Options{
		OutDir:  filepath.Join(dir, "out"),
		Formats: formats,
		Export:  benchOpts,
		Jobs:    runtime.NumCPU(),
		Import: func(name string, data []byte) (*content.Guide, error) {
			return importer.Load(name, data, importer.Options{})
		},
	}
	b.ResetTimer()
	cpu0, wall0 := cpubench.CPU(), time.Now()
	for b.Loop() {
		for _, r := range batch.Run(context.Background(), inputs, opts) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	guides := float64(n * b.N)
	b.ReportMetric(guides/time.Since(wall0).Seconds(), "guides/s")
	b.ReportMetric(float64(cpubench.CPU()-cpu0)/float64(time.Millisecond)/guides, "cpu-ms/guide")
}
