package importer

import (
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// BenchmarkGrowth imports guides of 400, 4,000 and 40,000 sections of
// each shape (100× prose is 4.2 MiB): cpu-µs/section stays flat when the
// cost is linear.
func BenchmarkGrowth(b *testing.B) {
	growth.Bench(b, 400, []growth.Shape{growth.Subsections, growth.Sections, growth.Prose, growth.Wrapped, growth.Quoted},
		func(b *testing.B, text []byte) []byte { return text },
		func(b *testing.B, text []byte) {
			if _, err := Load("growth.txt", text, Options{MaxBytes: 16 << 20}); err != nil {
				b.Fatal(err)
			}
		})
}
