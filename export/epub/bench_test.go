package epub

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/internal/checkers"
)

func loadFile(b *testing.B, path string) *content.Guide {
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

// BenchmarkBuild measures one whole EPUB build (cover, go-epub, finalise,
// verify) of the bundled example and of the seed; it reports the size.
func BenchmarkBuild(b *testing.B) {
	guides := map[string]func(*testing.B) *content.Guide{
		"example": func(b *testing.B) *content.Guide {
			return loadFile(b, filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
		},
		"seed": func(b *testing.B) *content.Guide { return loadFile(b, checkers.Seed(b, "never-let-me-go.txt")) },
	}
	for _, name := range []string{"example", "seed"} {
		b.Run(name, func(b *testing.B) {
			g := guides[name](b)
			var n int
			for b.Loop() {
				out, _, err := Build(g, fixed)
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}
