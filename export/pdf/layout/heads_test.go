package layout

import (
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestRunningHeadsShared: the running heads of a part print the same text
// on each of its pages, made once: their runs are one array. (That they
// draw the same bytes as runs made for each page is shown by building
// the corpus before and after.)
func TestRunningHeadsShared(t *testing.T) {
	// 3,000 subsections shape more texts than the shaper caches
	// (maxCached) before the running heads are made.
	big, err := importer.Load("growth.txt", growth.Guide(growth.Subsections, 3000), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	guides := map[string]*content.Guide{"3,000 subsections": big}
	for name, g := range aheadGuides(t) {
		if name == "never-let-me-go.txt" || name == "frankenstein.txt" {
			guides[name] = g
		}
	}
	for name, g := range guides {
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
					t.Errorf("%s, page %d: the head %q has runs of its own, not page %d's", name, pg.Number, it.Text, firstPage[it.Text])
				}
				if !reflect.DeepEqual(f.Runs, it.Runs) {
					t.Errorf("%s, page %d: the head %q differs", name, pg.Number, it.Text)
				}
				shared++
			}
		}
		if shared < 5 {
			t.Errorf("%s: %d running heads repeat another page's; want a guide with parts of many pages", name, shared)
		}
	}
}
