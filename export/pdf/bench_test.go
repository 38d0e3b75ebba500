package pdf

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
)

// seedGuide is the seed study guide, or the bundled example when the
// seed is absent.
func seedGuide(b *testing.B) *content.Guide {
	b.Helper()
	if d := checkers.SharedDir(); d != "" {
		if p := filepath.Join(d, "seed", "never-let-me-go.txt"); fileExists(p) {
			return loadFile(b, checkers.Seed(b, "never-let-me-go.txt"))
		}
	}
	return loadFile(b, filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPDF builds the seed guide. The machines it runs on are shared
// and loaded, so it reports CPU time per build (cpu-ms/op: every thread,
// GC included) beside wall time, and the size of the PDF, which it also
// writes to $GUIDEPRESS_BENCH_PDF when that is set.
func BenchmarkPDF(b *testing.B) {
	g := seedGuide(b)
	b.ReportAllocs()
	var size int
	t0 := cpuTime()
	for b.Loop() {
		out, _, err := Build(g, export.Options{Modified: fixed})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	if t0 >= 0 && b.N > 0 {
		b.ReportMetric(float64(cpuTime()-t0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
	b.ReportMetric(float64(size), "bytes/pdf")
	if p := os.Getenv("GUIDEPRESS_BENCH_PDF"); p != "" {
		out, _, _ := Build(g, export.Options{Modified: fixed})
		os.WriteFile(p, out, 0o644)
	}
}

// BenchmarkPDFParallel builds the seed on every core at once, as a batch
// build does: 1e9 / ns/op is guides per second (wall time, so only
// meaningful on an idle machine; cpu-ms/op is CPU time per guide).
func BenchmarkPDFParallel(b *testing.B) {
	g := seedGuide(b)
	b.ReportAllocs()
	t0 := cpuTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, _, err := Build(g, export.Options{Modified: fixed}); err != nil {
				b.Error(err)
				return
			}
		}
	})
	if t0 >= 0 && b.N > 0 {
		b.ReportMetric(float64(cpuTime()-t0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkBooklet builds the seed as a booklet (half-size layout,
// imposed two-up); compare with BenchmarkPDF.
func BenchmarkBooklet(b *testing.B) {
	g := seedGuide(b)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		out, _, err := BuildBooklet(g, export.Options{Modified: fixed})
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}
