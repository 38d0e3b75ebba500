package pdf

import (
	"slices"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/fonts"
)

// TestSharedWidths: the widths layout uses are exactly fpdf's, for every
// character of the Basic Multilingual Plane in every embedded face.
func TestSharedWidths(t *testing.T) {
	seen := map[face]bool{}
	for fam := fonts.Literata; fam <= fonts.Symbols; fam++ {
		for st := fonts.Regular; st <= fonts.BoldItalic; st++ {
			fc := mkface(fam, st)
			if seen[fc] {
				continue
			}
			seen[fc] = true
			p := fpdf.New("P", "mm", "A4", "")
			p.AddUTF8FontFromBytes(fc.fam.Name(), fc.fpdfStyle(), slices.Clone(fonts.Bytes(fc.fam, fc.style)))
			p.SetFont(fc.fam.Name(), fc.fpdfStyle(), 10)
			if err := p.Error(); err != nil {
				t.Fatalf("%s: %v", fc, err)
			}
			bad := 0
			for r := rune(1); r < 0xFFFF; r++ {
				if r >= 0xD800 && r <= 0xDFFF {
					continue
				}
				want := p.GetStringSymbolWidth(string(r))
				got, err := sharedAdvance(fc, r)
				if err != nil {
					t.Fatalf("%s %U: %v", fc, r, err)
				}
				if got != want {
					if bad++; bad <= 5 {
						t.Errorf("%s %U: width %d, fpdf says %d", fc, r, got, want)
					}
				}
			}
			if bad > 5 {
				t.Errorf("%s: %d characters differ", fc, bad)
			}
		}
	}
}

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
