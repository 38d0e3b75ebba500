package layout

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/guidepress/guidepress/export"
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
		return !it.Art && it.Text != ""
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
