package epub

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/cpubench"
)

func loadFile(b testing.TB, path string) *content.Guide {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	g, err := importer.Load(path, data, importer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// benchGuides are the bundled example, the seed when ../shared is
// present, and the model v2 fixture (every block kind).
var benchGuides = []struct {
	name string
	load func(*testing.B) *content.Guide
}{
	{"example", func(b *testing.B) *content.Guide {
		return loadFile(b, filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
	}},
	{"seed", func(b *testing.B) *content.Guide { return loadFile(b, checkers.Seed(b, "never-let-me-go.txt")) }},
	{"hamlet-v2", func(b *testing.B) *content.Guide { return hamletGuide(b) }},
}

// BenchmarkEPUB measures one whole EPUB build (cover, finalise, verify) of
// each guide, with the CPU time per build (the wall time on a shared
// machine mostly measures the neighbours) and the book's size.
func BenchmarkEPUB(b *testing.B) {
	for _, bg := range benchGuides {
		b.Run(bg.name, func(b *testing.B) {
			g := bg.load(b)
			var n int
			stop := cpubench.Start(b)
			for b.Loop() {
				out, _, err := Build(g, fixed)
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			stop()
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// BenchmarkEPUBParallel builds the seed (or the example) on every core at
// once, as a batch does.
func BenchmarkEPUBParallel(b *testing.B) {
	g := benchGuides[0].load(b)
	if _, err := os.Stat(filepath.Join(checkers.SharedDir(), "seed", "never-let-me-go.txt")); err == nil {
		g = benchGuides[1].load(b)
	}
	stop := cpubench.Start(b)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, _, err := Build(g, fixed); err != nil {
				b.Error(err)
			}
		}
	})
	stop()
}
