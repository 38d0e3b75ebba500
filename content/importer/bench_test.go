package importer

import (
	"os"
	"testing"

	"github.com/guidepress/guidepress/internal/checkers"
)

func benchLoad(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(path, data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadExample reads the bundled Frankenstein guide (22 KB).
func BenchmarkLoadExample(b *testing.B) { benchLoad(b, "../../examples/frankenstein.txt") }

// BenchmarkLoadTricky reads the fixture with a 5,000-character line.
func BenchmarkLoadTricky(b *testing.B) { benchLoad(b, "../../testdata/guides/tricky-markup.txt") }

// BenchmarkLoadSeed reads the 56 KB reference guide when ../shared is there.
func BenchmarkLoadSeed(b *testing.B) { benchLoad(b, checkers.Seed(b, "never-let-me-go.txt")) }
