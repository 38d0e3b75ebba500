package cover

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/guidepress/guidepress/internal/cpubench"
)

// BenchmarkCover measures the generated cover for "Never Let Me Go": the
// whole of PNG (draw and encode, what every EPUB build pays), the drawing
// alone, and image/png's encoding of the same image for comparison. CPU
// time per op is reported beside wall time: the machines are shared.
func BenchmarkCover(b *testing.B) {
	g := cases["nlmg"]
	b.Run("png", func(b *testing.B) {
		var n int
		stop := cpubench.Start(b)
		for b.Loop() {
			out, err := PNG(g)
			if err != nil {
				b.Fatal(err)
			}
			n = len(out)
		}
		stop()
		b.ReportMetric(float64(n), "png-bytes")
	})
	b.Run("render", func(b *testing.B) {
		stop := cpubench.Start(b)
		for b.Loop() {
			if _, err := Render(g); err != nil {
				b.Fatal(err)
			}
		}
		stop()
	})
	b.Run("image-png", func(b *testing.B) {
		img, err := Render(g)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		stop := cpubench.Start(b)
		for b.Loop() {
			buf.Reset()
			if err := png.Encode(&buf, img); err != nil {
				b.Fatal(err)
			}
		}
		stop()
		b.ReportMetric(float64(buf.Len()), "png-bytes")
	})
}
