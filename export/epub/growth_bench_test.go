package epub

import (
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/growth"
)

// BenchmarkGrowth builds EPUBs of 400, 4,000 and 40,000 sections of each
// shape (100× prose is a 4.2 MiB guide): cpu-µs/section stays flat when the
// cost is linear.
func BenchmarkGrowth(b *testing.B) {
	growth.Bench(b, 400, []growth.Shape{growth.Subsections, growth.Sections, growth.Prose, growth.Quoted},
		func(b *testing.B, text []byte) *content.Guide { return loadGrowthText(b, text) },
		func(b *testing.B, g *content.Guide) {
			if _, _, err := Build(g, fixed); err != nil {
				b.Fatal(err)
			}
		})
}
