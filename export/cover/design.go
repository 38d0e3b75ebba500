// Package cover holds the cover design both outputs share: what a cover
// says and in which colours. export/cover draws it as a raster image for
// the EPUB; export/pdf draws the same design as vectors on the PDF's first
// page, so a guide looks the same on a shelf and in print.
package cover

import (
	"image/color"
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/templates/labels"
)

// Palette is the cover's colours. They are chosen for greyscale eInk as
// much as for colour screens: every text colour differs from its
// background by at least 60% in luminance, so nothing relies on hue.
type Palette struct {
	Paper  color.RGBA // page background
	Band   color.RGBA // the solid band behind the title
	Title  color.RGBA // title text on the band
	Ink    color.RGBA // author and other text on the paper
	Accent color.RGBA // rules and the label
}

// Default is the house palette: deep ink-blue band on warm paper.
var Default = Palette{
	Paper:  color.RGBA{0xF6, 0xF1, 0xE7, 0xFF},
	Band:   color.RGBA{0x1C, 0x2B, 0x45, 0xFF},
	Title:  color.RGBA{0xFF, 0xFF, 0xFF, 0xFF},
	Ink:    color.RGBA{0x1A, 0x1A, 0x1A, 0xFF},
	Accent: color.RGBA{0xB0, 0x3A, 0x2E, 0xFF},
}

// Text is what a cover says, in reading order from the top.
type Text struct {
	Label   string // "STUDY GUIDE"
	Title   string // the book's title
	Author  string // "by AUTHOR", empty when the author is unknown
	Reading string // "41-minute read", empty when unknown
}

// TextFor derives the cover wording from a guide. The label is set in
// capitals as a design choice here, not in the model, so that screen
// readers given the alt text read normal case.
func TextFor(g *content.Guide) Text {
	l := labels.For(g.Language)
	t := Text{Label: strings.ToUpper(l.StudyGuide), Title: g.Book.Title}
	if g.Book.Author != "" {
		t.Author = l.By + " " + g.Book.Author
	}
	if g.ReadingMinutes > 0 {
		t.Reading = l.Minutes(g.ReadingMinutes)
	}
	return t
}

// AltText is the cover's text alternative for screen readers (WCAG 1.1.1).
func AltText(g *content.Guide) string {
	t := TextFor(g)
	s := labels.For(g.Language).Cover(t.Title)
	if t.Author != "" {
		s += ", " + t.Author
	}
	if t.Reading != "" {
		s += "; " + t.Reading
	}
	return s
}
