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

// A guide of very many sections is laid out twice and drawn page by
// page as the second pass lays it out (layout.PlanPages,
// layout.DrawPages), so that its layout is never held whole. Each part (a
// top-level section) starts a page, with its running head, number and
// tint: a 4 MiB guide of 195,699 one-line sections held ~500 MB of
// laid-out pages, and the collector let the heap grow to twice what was
// live. Drawn as laid out, its peak RSS fell from 1,612-1,926 MiB to
// 1,352-1,484 MiB for 15-20% more CPU (the second layout; alternating
// runs at load 5). A guide of many subsections in few parts gained
// nothing that way at first (147,215 one-line subsections in one part:
// 946 → 942 MiB) for 60% more CPU, while a part's pages were kept until
// it was placed (in case it was flowed again to leave enough lines on its
// last page) and its blocks made first: the plan now records how each
// part was flowed, the drawing flows it once, page by page, and a long
// section's blocks are made as the flow reaches them (layout's
// flowSection), which took that guide's most live heap from 361 MB (laid
// out whole) to 135 MB and its peak RSS from 842-892 MiB to 410-504 MiB (PDF, EPUB+PDF),
// its CPU no higher (TestStreamedPartMemory). So every guide of more
// than streamAbove sections, subsections counted, is built this way.
// The bytes are the same either way (TestStreamedSameBytes).

// streamAbove is the number of sections (subsections counted) above
// which a guide is laid out twice and drawn as it is laid out; a test
// sets it to -1 to build every guide that way.
var streamAbove = 50000

// Streams reports whether Build lays g out twice and draws it as it is
// laid out (more than streamAbove sections, subsections counted): its
// layout is never held whole.
func Streams(g *content.Guide) bool { return layout.CountSections(g.Sections) > streamAbove }

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
	pl, err := layout.PlanPages(g, opts, th, geo, starts, uses)
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
	defer st.Close()         // never leave the compressing running after a failure
	st.Spool()               // a long guide: its compressed pages wait in a temporary file
	st.Fast(pd.plan.Pages()) // and are compressed at a faster level
	st.Fonts(fs, toUnicode)
	probe("planned")
	p.ReservePages(pd.plan.Pages(), pd.plan.Dests) // the plan's, not grown by copying
	pages := draw.NewPages(p, pd.plan.Dests, pd.plan.Segmented, tg, pd.th.Text.LetterSpacing, st, fs, probe)
	_, rep, err := layout.DrawPages(g, opts, pd.th, pd.geo, pd.plan, pages.Page)
	if err != nil {
		return nil, nil, err
	}
	if err := p.Error(); err != nil {
		return nil, nil, err
	}
	pk := &finish.Packed{}
	// A long guide (more than chunkPages pages): fpdf's file in parts.
	// Close is a failure's: OptimizePacked takes the parts over.
	defer pk.Close()
	p.SetOutputChunks(fpdfChunk, pk.Add)
	raw, err := p.OutputChunks()
	if err != nil {
		return nil, nil, fmt.Errorf("pdf: writing: %w", err)
	}
	p = nil
	probe("written by fpdf")
	out, err = optimizePacked(opts.Spill, pk, raw, fs, toUnicode, tg, st)
	if err != nil {
		return nil, nil, err
	}
	probe("optimized")
	return out, rep.Diagnostics(), nil
}
