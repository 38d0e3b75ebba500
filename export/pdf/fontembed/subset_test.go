package fontembed

import (
	"slices"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/fonts"
)

// TestFontDesc: readFontDesc gives the descriptor fpdf works out when the
// face is registered with it, for every embedded face.
func TestFontDesc(t *testing.T) {
	for fam := fonts.Literata; fam <= fonts.Symbols; fam++ {
		for st := fonts.Regular; st <= fonts.BoldItalic; st++ {
			fc := layout.NewFace(fam, st)
			style := [...]string{"", "I", "B", "BI"}[fc.Style] // fpdf's style string
			p := fpdf.New("P", "mm", "A4", "")
			p.AddUTF8FontFromBytes(fc.Family.Name(), style, slices.Clone(fonts.Bytes(fc.Family, fc.Style)))
			p.SetFont(fc.Family.Name(), style, 10)
			if err := p.Error(); err != nil {
				t.Fatalf("%s: %v", fc, err)
			}
			want := p.GetFontDesc(fc.Family.Name(), style)
			got, err := readFontDesc(fonts.Bytes(fc.Family, fc.Style))
			if err != nil {
				t.Fatalf("%s: %v", fc, err)
			}
			if got != want {
				t.Errorf("%s: descriptor %+v, fpdf says %+v", fc, got, want)
			}
		}
	}
}
