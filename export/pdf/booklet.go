package pdf

import (
	"bytes"
	"errors"
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/draw"
	"github.com/guidepress/guidepress/export/pdf/finish"
	"github.com/guidepress/guidepress/export/pdf/fontembed"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/export/pdf/tags"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// A booklet is the guide typeset at half size (A5 for A4 paper, 5.5×8.5
// in for Letter: set at that size, not shrunk, with the theme's margins
// scaled by half_scale and mirrored as in a book) and imposed two-up on
// landscape sheets in saddle-stitch order, padded with blank pages to a
// multiple of four: printed on both sides, flipped on the short edge,
// folded and stapled, the pages read in order.
//
// The imposition is this package's own, not pdfcpu's: the layout already
// records every page's items with their coordinates, so each half of a
// sheet is the same drawing translated by half the sheet's width (the
// heights agree: A5's 210 mm is A4's width). That costs one layout and
// one render, as the handout does, where imposing with pdfcpu would mean
// writing the A5 PDF, parsing it again and rewriting it (and pdfcpu
// v0.15.0 is served here only from an unapproved copy). The booklet is a
// print companion: its content is marked as artifacts, without links or
// outline; the handout PDF is the accessible one.

// BuildBooklet writes g as NAME.booklet.pdf.
func BuildBooklet(g *content.Guide, opts export.Options) (out []byte, diags []content.Diagnostic, err error) {
	out, _, diags, err = buildBooklet(g, opts)
	return out, diags, err
}

func buildBooklet(g *content.Guide, opts export.Options) (out []byte, lay *Layout, diags []content.Diagnostic, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, lay, diags = nil, nil, nil
			err = fmt.Errorf("pdf: internal error building the booklet of %q (please report it): %v", g.Title, r)
		}
	}()
	if g == nil {
		return nil, nil, nil, errors.New("pdf: no guide")
	}
	if err := g.Validate(); err != nil {
		return nil, nil, nil, fmt.Errorf("pdf: the guide is not valid: %w", err)
	}
	th, err := theme.Named(opts.Style)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("pdf: %w", err)
	}
	if opts.NoTint {
		th.Pages.Tint = nil
	}
	geo, _, err := layout.PaperGeometry(opts, th, true)
	if err != nil {
		return nil, nil, nil, err
	}
	sheet := "A4"
	if geo.W < 145 {
		sheet = "Letter"
	}
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "mm", SizeStr: sheet})
	p.SetCompression(false)
	p.SetCatalogSort(true)
	t := opts.Time()
	p.SetCreationDate(t)
	p.SetModificationDate(t)
	p.SetMargins(0, 0, 0)
	p.SetAutoPageBreak(false, 0)
	metadata(p, g, opts, false) // print artifacts: no PDF/UA claim
	if err := p.Error(); err != nil {
		return nil, nil, nil, fmt.Errorf("pdf: %w", err)
	}
	if err := layout.FitMeasure(&geo, th); err != nil {
		return nil, nil, nil, err
	}
	lay, _, rep, err := layout.Guide(g, opts, th, geo, layout.GuideDoc, probe)
	if err != nil {
		return nil, nil, nil, err
	}
	fs, toUnicode, err := fontembed.UsedFaces(lay)
	if err != nil {
		return nil, nil, nil, err
	}
	tg := tags.New()
	draw.Impose(p, lay, tg, th.Text.LetterSpacing, fs)
	if err := p.Error(); err != nil {
		return nil, nil, nil, fmt.Errorf("pdf: drawing the booklet: %w", err)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, nil, nil, fmt.Errorf("pdf: writing: %w", err)
	}
	out, err = finish.Optimize([][]byte{buf.Bytes()}, fs, toUnicode, tg, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	return out, lay, rep.Diagnostics(), nil
}
