package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/cpubench"
)

func benchLoad(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	stop := cpubench.Start(b)
	for b.Loop() {
		if _, err := Load(path, data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	stop()
}

// BenchmarkLoadExample reads the bundled Frankenstein guide (22 KB).
func BenchmarkLoadExample(b *testing.B) { benchLoad(b, "../../examples/frankenstein.txt") }

// BenchmarkLoadTricky reads the fixture with a 5,000-character line.
func BenchmarkLoadTricky(b *testing.B) { benchLoad(b, "../../testdata/guides/tricky-markup.txt") }

// BenchmarkLoadSeed reads the 56 KB reference guide when ../shared is there.
func BenchmarkLoadSeed(b *testing.B) { benchLoad(b, checkers.Seed(b, "never-let-me-go.txt")) }

// BenchmarkImport is the import step of a build: the seed when ../shared
// is there, else the bundled example.
func BenchmarkImport(b *testing.B) {
	path := filepath.Join(checkers.SharedDir(), "seed", "never-let-me-go.txt")
	if _, err := os.Stat(path); checkers.SharedDir() == "" || err != nil {
		path = "../../examples/frankenstein.txt"
	}
	benchLoad(b, path)
}
