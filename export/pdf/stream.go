package pdf

import (
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

// A long guide is laid out twice and drawn page by page as the second
// pass lays it out (layout.PlanPages, layout.DrawPages), so that its
// layout is never held whole: a 4 MiB guide of one-line sections held
// ~500 MB of laid-out pages (and the collector let the heap grow to
// twice what was live). That costs a second layout's CPU, so a guide of
// a few thousand blocks, whose layout is a few megabytes, is laid out
// once (the seed's speed). The bytes are the same either way
// (TestStreamedSameBytes).

// streamAbove is the number of headings and blocks above which a guide
// is laid out twice and drawn as it is laid out; a test sets it to -1
// to build every guide that way.
var streamAbove = 100000

// streams reports whether g is built page by page (streamAbove).
func streams(g *content.Guide) bool {
	n := len(g.Synopsis) + len(g.Quotes) + 2*len(g.FAQ)
	var walk func(ss []content.Section)
	walk = func(ss []content.Section) {
		for i := range ss {
			n += 1 + len(ss[i].Blocks)
			walk(ss[i].Subsections)
		}
	}
	walk(g.Sections)
	return n > streamAbove
}

// planned is a guide's first pass (layout.PlanPages) with the glyphs its
// pages draw, ready to be drawn by a second.
type planned struct {
	th   theme.Theme
	geo  layout.Geometry
	plan *layout.Plan
	uses *fontembed.Uses
}

// plan is the first pass over g, prepared as a build is (prepare); with
// starts, the plan has where each page starts.
func plan(g *content.Guide, opts export.Options, th theme.Theme, geo layout.Geometry, starts bool) (*planned, error) {
	uses := &fontembed.Uses{}
	pl, err := layout.PlanPages(g, opts, th, geo, starts, uses.Runs)
	if err != nil {
		return nil, err
	}
	return &planned{th: th, geo: geo, plan: pl, uses: uses}, nil
}

// drawPlanned lays g out again and draws each page into p as it is
// finished, then writes the PDF: render's work, page by page.
func drawPlanned(p *fpdf.Fpdf, g *content.Guide, opts export.Options, pd *planned) (out []byte, diags []content.Diagnostic, err error) {
	fs, toUnicode, err := pd.uses.Faces()
	if err != nil {
		return nil, nil, err
	}
	pd.uses = nil
	tg := tags.New()
	tg.Labels = pd.plan.Labels
	st := newPageStreams()
	defer st.Done() // never leave the compressing running after a failure
	st.Fonts(fs, toUnicode)
	probe("planned")
	pages := draw.NewPages(p, pd.plan.Dests, pd.plan.Segmented, tg, pd.th.Text.LetterSpacing, st, fs, probe)
	_, rep, err := layout.DrawPages(g, opts, pd.th, pd.geo, pd.plan, pages.Page)
	if err != nil {
		return nil, nil, err
	}
	if err := p.Error(); err != nil {
		return nil, nil, err
	}
	var raw keep
	if err := p.Output(&raw); err != nil {
		return nil, nil, fmt.Errorf("pdf: writing: %w", err)
	}
	p = nil
	probe("written by fpdf")
	out, err = finish.Optimize(raw.b, fs, toUnicode, tg, st)
	if err != nil {
		return nil, nil, err
	}
	probe("optimized")
	return out, rep.Diagnostics(), nil
}
