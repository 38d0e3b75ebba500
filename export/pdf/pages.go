package pdf

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// startWords is how many of a page's first words PageStarts reports: a
// line or two, enough to find the place again in another rendering.
const startWords = 12

// PageStarts lays g out as Build would with opts, without drawing it, and
// returns where each page starts (export.PageStarter). It costs the
// layout passes of a build, about half of its time, and none of the
// drawing, font embedding and compression.
func PageStarts(g *content.Guide, opts export.Options) ([]export.PageStart, error) {
	lo, err := layOut(g, opts)
	if err != nil {
		return nil, err
	}
	return lo.lay.PageStarts(), nil
}

// laidOut is a guide's layout, ready to draw.
type laidOut struct {
	th    theme.Theme
	lay   *Layout
	dests []dest
	rep   *reporter
}

// layOut lays g out as Build does. The layout measures with the widths
// every build shares and registers nothing with the fpdf document it was
// made with (typeset), so any build may draw it.
func layOut(g *content.Guide, opts export.Options) (lo *laidOut, err error) {
	defer func() {
		if r := recover(); r != nil {
			lo, err = nil, fmt.Errorf("pdf: internal error laying out %q (please report it): %v", g.Title, r)
		}
	}()
	if g == nil {
		return nil, errors.New("pdf: no guide")
	}
	th, geo, _, err := prepare(g, opts)
	if err != nil {
		return nil, err
	}
	lay, dests, rep, err := layout(g, opts, th, geo, guideDoc)
	if err != nil {
		return nil, err
	}
	return &laidOut{th: th, lay: lay, dests: dests, rep: rep}, nil
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
	out, _, diags, err = draw(p, lo.th, lo.lay, lo.dests, lo.rep, true)
	return out, diags, err
}

// PageStarts is where each page of the layout starts: its label and the
// first words of its flowing text (not the running header, footer, list
// labels or a table header repeated from the page before).
func (l *Layout) PageStarts() []export.PageStart {
	out := make([]export.PageStart, len(l.Pages))
	for i := range l.Pages {
		pg := &l.Pages[i]
		ps := export.PageStart{Label: pageLabel(pg), Kind: string(pg.Kind)}
		for j := range pg.Items {
			it := &pg.Items[j]
			if !flowText(it) {
				continue
			}
			ps.Words = append(ps.Words, strings.FieldsFunc(it.Text, unicode.IsSpace)...)
			if len(ps.Words) >= startWords {
				ps.Words = ps.Words[:startWords]
				break
			}
		}
		out[i] = ps
	}
	return out
}

// flowText reports whether an item is text of the guide in reading order.
func flowText(it *Item) bool {
	switch it.Kind {
	case Heading, Line, Question, QuoteLine, TOCLine, Display, Cell:
		return !it.art && it.Text != ""
	}
	return false
}

// pageLabel is a page's label: the number its footer prints, which is
// its place in the file; the cover, which prints none, is "Cover".
func pageLabel(pg *Page) string {
	if pg.Kind == CoverPage {
		return "Cover"
	}
	return strconv.Itoa(pg.Number)
}

// pageLabels is the catalogue's /PageLabels entry (PDF 32000-1 §12.4.2):
// each page's label as pageLabel gives it, so that a viewer's page box
// shows what the page prints.
func pageLabels(lay *Layout) string {
	var nums []string
	for i := range lay.Pages {
		pg := &lay.Pages[i]
		switch {
		case pg.Kind == CoverPage:
			nums = append(nums, fmt.Sprintf("%d <</P (Cover)>>", i))
		case i == 0 || lay.Pages[i-1].Kind == CoverPage:
			nums = append(nums, fmt.Sprintf("%d <</S /D /St %d>>", i, pg.Number))
		}
	}
	if len(nums) == 0 {
		return ""
	}
	return "/PageLabels <</Nums [" + strings.Join(nums, " ") + "]>>\n"
}
