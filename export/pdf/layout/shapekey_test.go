package layout

import (
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/internal/growth"
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

// TestShapePastFullCache: a text shaped once the cache is full
// (maxCached: a long guide's headings and contents entries) is not kept,
// and shaping it allocates its glyphs alone, not the cache entry it
// would have had (2 allocations a text before, 1 now); each call's
// glyphs are its own, and what shaping warned of is given for each
// place, as for a text the cache keeps.
func TestShapePastFullCache(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	th, err := theme.Named("")
	if err != nil {
		t.Fatal(err)
	}
	sh := &shaper{cache: map[shapeKey]*shaped{}, th: textStyle(th), rep: newReporter()}
	for i := range maxCached {
		if _, err := sh.shape(plain("Heading "+strconv.Itoa(i)), fonts.Atkinson, 14, "x"); err != nil {
			t.Fatal(err)
		}
	}
	texts := make([]string, 300)
	for i := range texts {
		texts[i] = "Chapter " + strconv.Itoa(100000+i)
	}
	next := 0
	spans := plain("")
	allocs := testing.AllocsPerRun(200, func() {
		spans[0].text = texts[next]
		next++
		if _, err := sh.shape(spans, fonts.Atkinson, 14, "x"); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 1 {
		t.Errorf("shaping a text past a full cache: %.1f allocations, want 1 (its glyphs)", allocs)
	}
	if len(sh.cache) != maxCached {
		t.Errorf("%d cache entries, want %d", len(sh.cache), maxCached)
	}
	a, _ := sh.shape(plain("One \u3002"), fonts.Atkinson, 14, `section "One"`)
	b, _ := sh.shape(plain("Two \u3002"), fonts.Atkinson, 14, `section "Two"`)
	if &a[0] == &b[0] || a[0].r != 'O' || b[0].r != 'T' {
		t.Error("two texts share their glyphs")
	}
	ds := sh.rep.Diagnostics()
	for _, at := range []string{`section "One"`, `section "Two"`} {
		found := false
		for _, d := range ds {
			found = found || strings.Contains(d.Message, " in "+at+" ")
		}
		if !found {
			t.Errorf("no warning names %s: %v", at, ds)
		}
	}
}
