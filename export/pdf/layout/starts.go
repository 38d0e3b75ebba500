package layout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// startWords is how many of a page's first words PageStarts reports: a
// line or two, enough to find the place again in another rendering.
const startWords = 12

// PageStarts is where each page of the layout starts: its label and the
// first words of its flowing text (not the running header, footer, list
// labels or a table header repeated from the page before).
func (l *Layout) PageStarts() []export.PageStart {
	out := make([]export.PageStart, len(l.Pages))
	for i := range l.Pages {
		out[i] = pageStart(&l.Pages[i])
	}
	return out
}

// flowKind reports whether it's text, if it has any, is text of the
// guide in reading order.
func flowKind(it *Item) bool {
	switch it.Kind {
	case Heading, Line, Question, QuoteLine, TOCLine, Display, Cell:
		return !it.Art
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

// PageLabels is the catalogue's /PageLabels entry (PDF 32000-1 §12.4.2):
// each page's label as pageLabel gives it, so that a viewer's page box
// shows what the page prints.
func PageLabels(lay *Layout) string {
	return pageLabels(len(lay.Pages), func(i int) (PageKind, int) { return lay.Pages[i].Kind, lay.Pages[i].Number })
}

// pageLabels is PageLabels for n pages, page i of the kind and number
// page gives.
func pageLabels(n int, page func(i int) (PageKind, int)) string {
	var nums []string
	prev := PageKind("")
	for i := range n {
		k, num := page(i)
		switch {
		case k == CoverPage:
			nums = append(nums, fmt.Sprintf("%d <</P (Cover)>>", i))
		case i == 0 || prev == CoverPage:
			nums = append(nums, fmt.Sprintf("%d <</S /D /St %d>>", i, num))
		}
		prev = k
	}
	if len(nums) == 0 {
		return ""
	}
	return "/PageLabels <</Nums [" + strings.Join(nums, " ") + "]>>\n"
}

// Starts lays the guide out as Guide does for where its pages start
// (Layout.PageStarts), keeping of each page only its start: the same
// starts, without holding the whole layout until the end. Its warnings
// are Guide's and are not reported.
func Starts(g *content.Guide, opts export.Options, th theme.Theme, geo Geometry) ([]export.PageStart, error) {
	b := newBuilder(g, opts, th, geo, GuideDoc)
	b.startsOnly, b.sh.textOnly = true, true
	b.build()
	if b.err != nil {
		return nil, b.err
	}
	b.sealStarts(len(b.pages))
	return b.starts, nil
}

// sealStarts takes the starts of the pages before page index n not taken
// yet and lets them go.
func (b *builder) sealStarts(n int) {
	for i := len(b.starts); i < n; i++ {
		b.starts = append(b.starts, pageStart(b.pages[i]))
		b.pages[i] = nil
	}
}

// pageStart is where pg starts: its label and the first words of its
// flowing text, from an item's glyphs while it has them (they become its
// Text in the finished layout, textAndRunsIn).
func pageStart(pg *Page) export.PageStart {
	ps := export.PageStart{Label: pageLabel(pg), Kind: string(pg.Kind)}
	// The words are gathered here, one by one up to startWords, and
	// kept in an array of their number: each line's words were a slice
	// of their own first, appended to one grown as they came.
	var words [startWords]string
	n := 0
	for j := range pg.Items {
		it := &pg.Items[j]
		if n == startWords {
			break
		}
		if !flowKind(it) {
			continue // its text, a running head's or a number's, is not built: one a page
		}
		text := it.Text
		if it.gs != nil {
			text = textOf(it.gs)
		}
		for w := range strings.FieldsFuncSeq(text, unicode.IsSpace) {
			if n == startWords {
				break
			}
			words[n] = w
			n++
		}
	}
	if n > 0 {
		ps.Words = slices.Clone(words[:n])
	}
	return ps
}
