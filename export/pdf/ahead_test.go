package pdf

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestSpareCoreSameBytes: a PDF laid out with its paragraphs set ahead on
// a second goroutine (export.Options.SpareCore, a one-guide build's) is
// the same bytes, with the same warnings, as one laid out on one.
func TestSpareCoreSameBytes(t *testing.T) {
	sets := []export.Options{
		{Modified: fixed},
		{Modified: fixed, Paper: export.Letter, Duplex: true, Style: "large-print"},
		{Modified: fixed, Style: "dyslexia"},
	}
	fs := fixtures(t)
	if growth.Race || testing.Short() {
		sets = sets[:1]
	}
	for _, f := range fs {
		if growth.Race && f.name != "seed" && f.name != "tricky" && f.name != "sample" {
			continue // 5–20× slower: the race detector sees the worker in these
		}
		for _, opts := range sets {
			want, wantDiags, err := Build(f.g, opts)
			if err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
			opts.SpareCore = true
			var starts []export.PageStart
			got, diags, err := BuildWithPageStarts(f.g, opts, func(s []export.PageStart) { starts = s })
			if err != nil {
				t.Fatalf("%s, spare core: %v", f.name, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s %+v: %d bytes with the paragraphs set ahead, %d without", f.name, opts, len(got), len(want))
			}
			if !reflect.DeepEqual(diags, wantDiags) {
				t.Errorf("%s %+v: the warnings differ:\n%v\n%v", f.name, opts, diags, wantDiags)
			}
			opts.SpareCore = false
			if alone, err := PageStarts(f.g, opts); err != nil || !reflect.DeepEqual(starts, alone) {
				t.Errorf("%s %+v: the page starts differ (%v)", f.name, opts, err)
			}
		}
	}
}
