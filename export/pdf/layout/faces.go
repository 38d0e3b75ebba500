package layout

import (
	"strconv"

	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/typeset"
)

// Face is one embedded font: a family in one style. Families with fewer
// than four styles are folded onto the files they really have
// (typeset.FaceOf), so that one file is never embedded twice under two
// names.
type Face struct {
	Family fonts.Family
	Style  fonts.Style
}

func NewFace(fam fonts.Family, st fonts.Style) Face { return fromTypeset(typeset.FaceOf(fam, st)) }

func fromTypeset(f typeset.Face) Face { return Face{f.Family, f.Style} }

func (fc Face) Typeset() typeset.Face { return typeset.Face{Family: fc.Family, Style: fc.Style} }

// fpdfStyle is fpdf's style string for a face.
func (fc Face) fpdfStyle() string {
	return [...]string{"", "I", "B", "BI"}[fc.Style]
}

func (fc Face) String() string { return fc.Family.Name() + " " + fc.Style.String() }

// ptToMM converts points to millimetres, the document's unit.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }

// ResName is the face's name in the pages' font resources.
func (fc Face) ResName() string { return string(fc.AppendResName(nil)) }

// AppendResName appends ResName to b: drawing names a face at every
// change of font, a few times a page.
func (fc Face) AppendResName(b []byte) []byte {
	b = strconv.AppendInt(append(b, 'F'), int64(fc.Family), 10)
	return strconv.AppendInt(b, int64(fc.Style), 10)
}

// BaseFont is the font's PostScript name in the file, as fpdf named it:
// "utf8" and its lower-case family and style key.
func (fc Face) BaseFont() string {
	return "utf8" + toLower(fc.Family.Name()) + fc.fpdfStyle()
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
