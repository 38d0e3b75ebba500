package mdout

import (
	"bytes"
	"os"
	"testing"

	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/cpubench"
)

// seedMarkdown is the seed guide (56 KB of plain text) as canonical
// Markdown: a seed-sized Markdown guide.
func seedMarkdown(b *testing.B) []byte {
	p := checkers.Seed(b, "never-let-me-go.txt")
	data, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	g, err := importer.Load(p, data, importer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var md bytes.Buffer
	if err := Write(&md, g); err != nil {
		b.Fatal(err)
	}
	return md.Bytes()
}

// BenchmarkImportMarkdownSeed is the Markdown import of a seed-sized guide
// (decode, goldmark, mapping, smart punctuation, Validate).
func BenchmarkImportMarkdownSeed(b *testing.B) {
	md := seedMarkdown(b)
	b.SetBytes(int64(len(md)))
	stop := cpubench.Start(b)
	for b.Loop() {
		if _, err := importer.Load("seed.md", md, importer.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	stop()
}

// BenchmarkWriteMarkdownSeed is inspect --markdown's writing of the seed.
func BenchmarkWriteMarkdownSeed(b *testing.B) {
	p := checkers.Seed(b, "never-let-me-go.txt")
	data, _ := os.ReadFile(p)
	g, err := importer.Load(p, data, importer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	stop := cpubench.Start(b)
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, g); err != nil {
			b.Fatal(err)
		}
	}
	stop()
}
