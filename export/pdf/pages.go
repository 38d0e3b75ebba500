package pdf

import (
	"errors"
	"fmt"
	"sync"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// PageStarts lays g out as Build would with opts, without drawing it, and
// returns where each page starts (export.PageStarter). It costs the
// layout passes of a build, about half of its time, and none of the
// drawing, font embedding and compression; each page's items are let go
// once its start is known (layout.Starts).
func PageStarts(g *content.Guide, opts export.Options) ([]export.PageStart, error) {
	return layOutWith(g, opts, func(th theme.Theme, geo layout.Geometry) ([]export.PageStart, error) {
		return layout.Starts(g, opts, th, geo)
	})
}

// laidOut is a guide's layout, ready to draw; or, for a long guide
// (Streams), its first pass, to be laid out again as it is drawn.
type laidOut struct {
	th    theme.Theme
	lay   *Layout
	dests []layout.Dest
	rep   *layout.Reporter
	pd    *planned
}

// layOut lays g out as Build does. The layout measures with the widths
// every build shares and registers nothing with the fpdf document it was
// made with (typeset), so any build may draw it.
func layOut(g *content.Guide, opts export.Options) (*laidOut, error) {
	return layOutWith(g, opts, func(th theme.Theme, geo layout.Geometry) (*laidOut, error) {
		if Streams(g) {
			pd, err := plan(g, opts, th, geo, true)
			if err != nil {
				return nil, err
			}
			return &laidOut{pd: pd}, nil
		}
		lay, dests, rep, err := layout.Guide(g, opts, th, geo, layout.GuideDoc, probe)
		if err != nil {
			return nil, err
		}
		return &laidOut{th: th, lay: lay, dests: dests, rep: rep}, nil
	})
}

// layOutWith checks g, prepares its theme and geometry as a build does,
// and gives them to lay, turning a panic into an error.
func layOutWith[T any](g *content.Guide, opts export.Options, lay func(theme.Theme, layout.Geometry) (T, error)) (out T, err error) {
	defer func() {
		if r := recover(); r != nil {
			var none T
			out, err = none, fmt.Errorf("pdf: internal error laying out %q (please report it): %v", g.Title, r)
		}
	}()
	if g == nil {
		return out, errors.New("pdf: no guide")
	}
	th, geo, _, err := prepare(g, opts)
	if err != nil {
		return out, err
	}
	return lay(th, geo)
}

// LayoutShare lets a guide's PDF be drawn from the layout its EPUB made
// for its page list, when a batch builds both with the same options, the
// EPUB first: PageStarts keeps the layout it makes until Build takes it
// (and a later EPUB-based format of the same guide, before the PDF,
// reuses it). The caller must build every guide's PDF with Build after
// its EPUB-based formats, or the kept layouts outlive their guides. It is
// safe for concurrent use.
type LayoutShare struct {
	mu   sync.Mutex
	kept map[layoutKey]*laidOut
}

// layoutKey is a guide and the options its layout depends on.
type layoutKey struct {
	g                 *content.Guide
	paper             export.Paper
	duplex, noTint    bool
	style             string
	author, publisher string
}

func keyOf(g *content.Guide, opts export.Options) layoutKey {
	return layoutKey{g: g, paper: opts.Paper, duplex: opts.Duplex, noTint: opts.NoTint, style: opts.Style, author: opts.Author, publisher: opts.Publisher}
}

// NewLayoutShare returns an empty share.
func NewLayoutShare() *LayoutShare { return &LayoutShare{kept: map[layoutKey]*laidOut{}} }

// PageStarts is the package's PageStarts, keeping the layout for Build.
func (s *LayoutShare) PageStarts(g *content.Guide, opts export.Options) ([]export.PageStart, error) {
	k := keyOf(g, opts)
	s.mu.Lock()
	lo := s.kept[k]
	s.mu.Unlock()
	if lo == nil {
		var err error
		if lo, err = layOut(g, opts); err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.kept[k] = lo
		s.mu.Unlock()
	}
	if lo.pd != nil {
		return lo.pd.plan.Starts, nil
	}
	return lo.lay.PageStarts(), nil
}

// Build is the package's Build, drawing the layout PageStarts kept for
// the same guide and options when there is one (and forgetting it).
func (s *LayoutShare) Build(g *content.Guide, opts export.Options) (out []byte, diags []content.Diagnostic, err error) {
	k := keyOf(g, opts)
	s.mu.Lock()
	lo := s.kept[k]
	delete(s.kept, k)
	s.mu.Unlock()
	if lo == nil {
		return Build(g, opts)
	}
	defer func() {
		if r := recover(); r != nil {
			out, diags = nil, nil
			err = fmt.Errorf("pdf: internal error building %q (please report it): %v", g.Title, r)
		}
	}()
	_, _, p, err := prepare(g, opts)
	if err != nil {
		return nil, nil, err
	}
	if lo.pd != nil {
		lo.pd.plan.Starts = nil // the EPUB's, had
		return drawPlanned(p, g, opts, lo.pd)
	}
	out, _, diags, err = render(p, lo.th, lo.lay, lo.dests, lo.rep, true, opts.Spill)
	return out, diags, err
}
