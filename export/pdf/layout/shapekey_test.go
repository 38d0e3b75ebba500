package layout

import (
	"strings"
	"testing"

	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// TestShapeCacheIgnoresPlace: a text set in two places (a heading
// repeated under many parts, "Themes") is shaped once and cached once,
// not once a place: the cache was keyed by the place too (1 entry a
// place before, 1 in all now), and every look-up hashed it. What
// shaping warned of is still given for each place, named as that place.
func TestShapeCacheIgnoresPlace(t *testing.T) {
	th, err := theme.Named("")
	if err != nil {
		t.Fatal(err)
	}
	sh := &shaper{cache: map[shapeKey]*shaped{}, th: textStyle(th), rep: newReporter()}
	text := "Themes \u3002" // the ideographic full stop: no embedded font has it
	var first []glyph
	for i, at := range []string{`section "One"`, `section "Two"`, `section "Three"`} {
		gs, err := sh.shape(plain(text), fonts.Atkinson, 14, at)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = gs
		} else if &gs[0] != &first[0] {
			t.Errorf("%s: shaped again", at)
		}
	}
	if len(sh.cache) != 1 {
		t.Errorf("%d cache entries for one text in three places, want 1", len(sh.cache))
	}
	ds := sh.rep.Diagnostics()
	if len(ds) != 3 {
		t.Fatalf("%d warnings, want one a place: %v", len(ds), ds)
	}
	for i, at := range []string{`section "One"`, `section "Two"`, `section "Three"`} {
		found := false
		for _, d := range ds {
			found = found || strings.Contains(d.Message, " in "+at+" ")
		}
		if !found {
			t.Errorf("warning %d: no warning names %s: %v", i, at, ds)
		}
	}
}
