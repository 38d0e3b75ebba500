package pdf

import (
	"slices"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/fonts"
)

// TestFontDesc: readFontDesc gives the descriptor fpdf works out when the
// face is registered with it, for every embedded face.
func TestFontDesc(t *testing.T) {
	for fam := fonts.Literata; fam <= fonts.Symbols; fam++ {
		for st := fonts.Regular; st <= fonts.BoldItalic; st++ {
			fc := mkface(fam, st)
			p := fpdf.New("P", "mm", "A4", "")
			p.AddUTF8FontFromBytes(fc.fam.Name(), fc.fpdfStyle(), slices.Clone(fonts.Bytes(fc.fam, fc.style)))
			p.SetFont(fc.fam.Name(), fc.fpdfStyle(), 10)
			if err := p.Error(); err != nil {
				t.Fatalf("%s: %v", fc, err)
			}
			want := p.GetFontDesc(fc.fam.Name(), fc.fpdfStyle())
			got, err := readFontDesc(fonts.Bytes(fc.fam, fc.style))
			if err != nil {
				t.Fatalf("%s: %v", fc, err)
			}
			if got != want {
				t.Errorf("%s: descriptor %+v, fpdf says %+v", fc, got, want)
			}
		}
	}
}
