package plaintext

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/guidepress/guidepress/content/decode"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/cpubench"
)

// BenchmarkParseSeed is the plain-text reader alone on the 56 KB seed
// (the importer's BenchmarkLoadSeed adds decoding, the Markdown sniff and
// validation).
func BenchmarkParseSeed(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(checkers.Seed(b, "never-let-me-go.txt")))
	if err != nil {
		b.Fatal(err)
	}
	text, _, err := decode.Text(data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	stop := cpubench.Start(b)
	for b.Loop() {
		if _, err := Parse(text, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	stop()
}
