package pdf

import (
	"fmt"
	"slices"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/fonts"
)

// face is one registered font: a family in one style. Families with fewer
// than four styles are folded onto the files they really have, so that
// one file is never embedded twice under two names.
type face struct {
	fam   fonts.Family
	style fonts.Style
}

func mkface(fam fonts.Family, st fonts.Style) face {
	switch fam {
	case fonts.Symbols2:
		st = fonts.Regular
	case fonts.Symbols:
		if st == fonts.Italic {
			st = fonts.Regular
		} else if st == fonts.BoldItalic {
			st = fonts.Bold
		}
	}
	return face{fam, st}
}

// fpdfStyle is fpdf's style string for a face.
func (fc face) fpdfStyle() string {
	return [...]string{"", "I", "B", "BI"}[fc.style]
}

func (fc face) String() string { return fc.fam.Name() + " " + fc.style.String() }

// measurer measures characters in faces. fpdf ignores kerning (FONTS.md
// §4), so a string's width is exactly the sum of its characters' advance
// widths: per-rune widths are summed, which is what GetStringWidth does
// internally.
//
// Build's measurer is deferred: it takes fpdf's widths from sharedAdvance
// and registers nothing with fpdf, because this package embeds the fonts
// itself (embed.go), only the faces some text draws (fpdf would embed
// every registered face, used or not: FONTS.md §5). A measurer that is
// not deferred registers each face with its fpdf document on first use
// and asks fpdf (TestMeasureAgreesWithFpdf compares the two); each
// document then gets its own copy of the font bytes, because fpdf's
// subsetter writes into the file it was given.
type measurer struct {
	pdf   *fpdf.Fpdf
	reg   map[face]bool
	cw    map[face]map[rune]int // advance in 1/1000 em
	cur   face
	isSet bool
	picks map[pickKey]pick
	// fast holds the picks of the first fastRunes characters (Latin,
	// punctuation) per primary family and style, which is nearly all text:
	// an array index instead of a map lookup per character.
	fast [fonts.Count][4]*[fastRunes]pick
	// deferred: measure with the widths shared by every build
	// (sharedAdvance) and register nothing with fpdf.
	deferred bool
}

const fastRunes = 0x180 // Basic Latin to Latin Extended-A

type pickKey struct {
	fam fonts.Family
	st  fonts.Style
	r   rune
}

// pick is which face draws a character for a primary family and style,
// and its advance there: one map lookup per character once seen.
type pick struct {
	fc  face
	ok  bool
	set bool // in measurer.fast: filled in
	w   int
}

func newMeasurer(p *fpdf.Fpdf) *measurer {
	return &measurer{pdf: p, reg: map[face]bool{}, cw: map[face]map[rune]int{}, picks: map[pickKey]pick{}}
}

// glyph is the face and advance of r set in family fam, style st: the
// primary face when it has r, else a fallback (see drawable).
func (m *measurer) glyph(fam fonts.Family, st fonts.Style, r rune) (pick, error) {
	if r >= 0 && r < fastRunes && int(fam) >= 0 && int(fam) < len(m.fast) && int(st) >= 0 && int(st) < len(m.fast[0]) {
		t := m.fast[fam][st]
		if t == nil {
			t = new([fastRunes]pick)
			m.fast[fam][st] = t
		}
		if p := t[r]; p.set {
			return p, nil
		}
		p, err := m.slowGlyph(fam, st, r)
		if err != nil {
			return pick{}, err
		}
		p.set = true
		t[r] = p
		return p, nil
	}
	return m.slowGlyph(fam, st, r)
}

func (m *measurer) slowGlyph(fam fonts.Family, st fonts.Style, r rune) (pick, error) {
	k := pickKey{fam, st, r}
	if p, ok := m.picks[k]; ok {
		return p, nil
	}
	fc, ok := drawable(fam, st, r)
	p := pick{fc: fc, ok: ok}
	if ok {
		w, err := m.advance(fc, r)
		if err != nil {
			return pick{}, err
		}
		p.w = w
	}
	m.picks[k] = p
	return p, nil
}

// ensure registers fc with the document if it is not yet.
func (m *measurer) ensure(fc face) error {
	if m.reg[fc] {
		return nil
	}
	// fpdf may write into the file it is given (getMetrics appends to a
	// slice of it): give it its own copy of the shared one.
	m.pdf.AddUTF8FontFromBytes(fc.fam.Name(), fc.fpdfStyle(), slices.Clone(fonts.Bytes(fc.fam, fc.style)))
	if err := m.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: loading font %s: %w", fc, err)
	}
	// fpdf prints and swallows TrueType parse errors (FONTS.md §1); SetFont
	// is what then fails, so select the face once to find out now.
	m.pdf.SetFont(fc.fam.Name(), fc.fpdfStyle(), 10)
	if err := m.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: font %s did not load: %w", fc, err)
	}
	m.reg[fc] = true
	m.cw[fc] = map[rune]int{}
	m.cur, m.isSet = fc, true
	return nil
}

// advance is r's advance width in fc, in 1/1000 em.
func (m *measurer) advance(fc face, r rune) (int, error) {
	if m.deferred {
		return sharedAdvance(fc, r)
	}
	if w, ok := m.cw[fc][r]; ok && m.reg[fc] {
		return w, nil
	}
	if err := m.ensure(fc); err != nil {
		return 0, err
	}
	if !m.isSet || m.cur != fc {
		m.pdf.SetFont(fc.fam.Name(), fc.fpdfStyle(), 10)
		m.cur, m.isSet = fc, true
	}
	w := m.pdf.GetStringSymbolWidth(string(r))
	if err := m.pdf.Error(); err != nil {
		return 0, fmt.Errorf("pdf: measuring %U in %s: %w", r, fc, err)
	}
	m.cw[fc][r] = w
	return w, nil
}

// ptToMM converts points to millimetres, the document's unit.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }
