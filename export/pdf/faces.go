package pdf

import (
	"strconv"

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

// resName is the face's name in the pages' font resources.
func (fc face) resName() string {
	return "F" + strconv.Itoa(int(fc.fam)) + strconv.Itoa(int(fc.style))
}

// baseFont is the font's PostScript name in the file, as fpdf named it:
// "utf8" and its lower-case family and style key.
func (fc face) baseFont() string {
	return "utf8" + toLower(fc.fam.Name()) + fc.fpdfStyle()
}

func toLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
