package pdf

import (
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/typeset"
)

// face is one embedded font: a family in one style. Families with fewer
// than four styles are folded onto the files they really have
// (typeset.FaceOf), so that one file is never embedded twice under two
// names.
type face struct {
	fam   fonts.Family
	style fonts.Style
}

func mkface(fam fonts.Family, st fonts.Style) face { return fromTypeset(typeset.FaceOf(fam, st)) }

func fromTypeset(f typeset.Face) face { return face{f.Family, f.Style} }

func (fc face) typeset() typeset.Face { return typeset.Face{Family: fc.fam, Style: fc.style} }

// fpdfStyle is fpdf's style string for a face.
func (fc face) fpdfStyle() string {
	return [...]string{"", "I", "B", "BI"}[fc.style]
}

func (fc face) String() string { return fc.fam.Name() + " " + fc.style.String() }

// ptToMM converts points to millimetres, the document's unit.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }
