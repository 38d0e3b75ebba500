package typeset

import (
	"strings"
	"testing"

	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/internal/checkers"
)

// BenchmarkParagraphs sets every line of the seed guide (or the bundled
// example when the seed is absent) in Literata, as the PDF's body text
// is set: the per-word shaping, mostly the table's fast path.
func BenchmarkParagraphs(b *testing.B) {
	_, data, err := checkers.SeedOrExample()
	if err != nil {
		b.Skip(err)
	}
	var texts [][]rune
	var faces [][]Face
	chars := 0
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		rs := []rune(l)
		fs := make([]Face, len(rs))
		for i, r := range rs {
			fs[i], _ = Pick(fonts.Literata, fonts.Regular, r)
		}
		texts, faces = append(texts, rs), append(faces, fs)
		chars += len(rs)
	}
	var buf []Glyph
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			buf = AppendParagraph(buf[:0], t, faces[i], Levels(t))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(chars), "ns/char")
}
