package layout

import (
	"path/filepath"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/cpubench"
	"github.com/guidepress/guidepress/internal/growth"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// benchLayout lays g out as Build does (standard style, A4), b.N times:
// the layout alone, without drawing, fonts or compression, so that its
// allocations are not lost among the finishing pass's. With spare, a
// worker sets its paragraphs ahead (export.Options.SpareCore).
func benchLayout(b *testing.B, g *content.Guide, spare bool) {
	th, err := theme.Named("")
	if err != nil {
		b.Fatal(err)
	}
	geo, _, err := PageGeometry(export.Options{}, th)
	if err != nil {
		b.Fatal(err)
	}
	if err := FitMeasure(&geo, th); err != nil {
		b.Fatal(err)
	}
	stop := cpubench.Start(b)
	pages := 0
	for b.Loop() {
		lay, _, _, err := Guide(g, export.Options{SpareCore: spare}, th, geo, GuideDoc, func(string) {})
		if err != nil {
			b.Fatal(err)
		}
		pages = len(lay.Pages)
	}
	stop()
	b.ReportMetric(float64(pages), "pages")
}

func benchGuide(b *testing.B, name string, data []byte) *content.Guide {
	g, err := importer.Load(name, data, importer.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return g
}

// BenchmarkLayout lays out the seed guide (or the bundled example when
// the seed is absent) and a 400-section guide of prose.
func BenchmarkLayout(b *testing.B) {
	p, data, err := checkers.SeedOrExample()
	if err != nil {
		b.Skip(err)
	}
	b.Run("seed", func(b *testing.B) { benchLayout(b, benchGuide(b, filepath.Base(p), data), false) })
	// The same with a core to spare: ns/op falls by what the worker
	// takes off the flow; cpu-ms/op shows what the worker costs.
	b.Run("seed-spare-core", func(b *testing.B) { benchLayout(b, benchGuide(b, filepath.Base(p), data), true) })
	b.Run("prose400", func(b *testing.B) {
		benchLayout(b, benchGuide(b, "prose.txt", growth.Guide(growth.Prose, 400)), false)
	})
}
