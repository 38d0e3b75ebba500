package pdf

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"
	"weak"

	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestStartsAlone: PageStarts, which lets each page's items go once its
// start is known (layout.Starts), gives the starts of the whole layout
// (Layout.PageStarts) for every fixture and growth shape, in every style
// (run-on sections, tail lines that make a part flow again) and in a
// duplex Letter build (blank versos).
func TestStartsAlone(t *testing.T) {
	fs := fixturesAndShapes(t)
	sets := []export.Options{{Modified: fixed}, {Modified: fixed, Paper: export.Letter, Duplex: true, Style: "large-print"},
		{Modified: fixed, Style: "compact"}, {Modified: fixed, Style: "dyslexia", NoTint: true}}
	if testing.Short() || growth.Race {
		sets = sets[:2]
	}
	for _, f := range fs {
		for _, opts := range sets {
			lo, err := layOut(f.g, opts)
			if err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
			want := lo.lay.PageStarts()
			got, err := PageStarts(f.g, opts)
			if err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s %s duplex=%v: %d page starts alone, %d from the whole layout; first difference: %v",
					f.name, opts.Style, opts.Paper, opts.Duplex, len(got), len(want), firstDiff(got, want))
			}
		}
	}
}

func firstDiff(a, b []export.PageStart) string {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return fmt.Sprintf("%+v against %+v", a[i], b[i])
		}
	}
	return "one is a prefix of the other"
}

// fixturesAndShapes are the fixtures and a 24 KB guide of each growth
// shape.
func fixturesAndShapes(t *testing.T) []fixture {
	t.Helper()
	fs := fixtures(t)
	for _, s := range growth.Shapes {
		text, _ := growth.Fill(s, 24<<10)
		g, err := importer.Load("growth"+s.Ext(), text, importer.Options{})
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		fs = append(fs, fixture{name: s.String(), g: g})
	}
	return fs
}

// TestStartsGivenNotHeld: a long guide's PDF (Streams) gives its pages'
// starts (BuildWithPageStarts) without holding them itself while the
// callback runs: a batch renders the EPUB inside the callback (batch's
// renderInside), which takes them and lets them go once its page list is
// made, and the plan held them too until the callback returned, beside
// the EPUB's container at its peak (4 MiB of one-line sections: 35 MB).
// Inside the callback, once it drops its own reference, the starts must
// be collectable (a weak pointer to them is cleared).
func TestStartsGivenNotHeld(t *testing.T) {
	g := loadGrowthText(t, growth.Guide(growth.Sections, 300))
	withStreaming(t, true, func() {
		held, given := false, false
		_, _, err := BuildWithPageStarts(g, export.Options{Modified: fixed}, func(starts []export.PageStart) {
			if len(starts) == 0 {
				return
			}
			given = true
			w := weak.Make(&starts[0])
			starts = nil
			runtime.GC()
			held = w.Value() != nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !given {
			t.Fatal("no page starts given")
		}
		if held {
			t.Error("the page starts given are still held by the build while the callback runs")
		}
	})
}
