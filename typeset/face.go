package typeset

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/guidepress/guidepress/fonts"
)

// Face is one embedded face: a family in a style. Families with fewer than
// four styles are folded onto the files they have (FaceOf), so that one
// file is one Face.
type Face struct {
	Family fonts.Family
	Style  fonts.Style
}

func (f Face) String() string { return f.Family.Name() + " " + f.Style.String() }

// FaceOf is family fam in style st, folded onto the nearest style the
// family has a file for (Noto Sans Symbols2 has only Regular).
func FaceOf(fam fonts.Family, st fonts.Style) Face {
	p := fonts.Path(fam, st)
	for s := fonts.Regular; s < st; s++ {
		if fonts.Path(fam, s) == p {
			return Face{fam, s}
		}
	}
	return Face{fam, st}
}

// Has reports whether f has a glyph for r (read from its character map in
// place, without parsing the face).
func (f Face) Has(r rune) bool { return fonts.Has(f.Family, f.Style, r) }

// Glyph is r's nominal glyph in f (0: none).
func (f Face) Glyph(r rune) uint16 {
	g, err := fonts.GlyphIndex(f.Family, f.Style, r)
	if err != nil {
		return 0
	}
	return uint16(g)
}

// parsed holds each face parsed by go-text, once per process, on first
// need: parsing costs 1–9 ms a face (Literata Regular 3.5 ms, Noto Sans
// 9 ms), so a face is parsed only when a word really needs the shaper
// (see shape.go); *font.Font is safe for concurrent use.
var parsed sync.Map // Face → *parsedFont

type parsedFont struct {
	once sync.Once
	f    *font.Font
	err  error
}

func (f Face) font() (*font.Font, error) {
	v, _ := parsed.LoadOrStore(f, &parsedFont{})
	p := v.(*parsedFont)
	p.once.Do(func() {
		fc, err := font.ParseTTF(bytes.NewReader(fonts.Bytes(f.Family, f.Style)))
		if err != nil {
			p.err = fmt.Errorf("typeset: font %s does not parse: %w", f, err)
			return
		}
		p.f = fc.Font
	})
	return p.f, p.err
}

// Warm reads ahead what setting text in f first needs (its metrics and
// character map), so that a process can do it while it waits for input.
func Warm(f Face) {
	f.metrics()
	for r := rune(' '); r < 0x7F; r++ {
		f.Glyph(r)
	}
}
