package pdf

import (
	"fmt"
	"reflect"
	"testing"

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
