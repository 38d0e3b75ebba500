package layout

import (
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/export"
)

// TestRunningHeadsShared: the running heads of a part print the same text
// on each of its pages, made once: their runs are one array. (That they
// draw the same bytes as runs made for each page is shown by building
// the corpus before and after.)
func TestRunningHeadsShared(t *testing.T) {
	g := aheadGuides(t)["never-let-me-go.txt"]
	if g == nil {
		g = aheadGuides(t)["frankenstein.txt"]
	}
	lo := layOut(t, g, export.Options{})
	first := map[string]*Item{}
	firstPage := map[string]int{}
	shared := 0
	for _, pg := range lo.lay.Pages {
		for i := range pg.Items {
			it := &pg.Items[i]
			if it.Kind != Header || len(it.Runs) == 0 {
				continue
			}
			f := first[it.Text]
			if f == nil {
				first[it.Text], firstPage[it.Text] = it, pg.Number
				continue
			}
			if &f.Runs[0] != &it.Runs[0] {
				t.Errorf("page %d: the head %q has runs of its own, not page %d's", pg.Number, it.Text, firstPage[it.Text])
			}
			if !reflect.DeepEqual(f.Runs, it.Runs) {
				t.Errorf("page %d: the head %q differs", pg.Number, it.Text)
			}
			shared++
		}
	}
	if shared < 10 {
		t.Fatalf("%d running heads repeat another page's; want a guide with parts of many pages", shared)
	}
}
