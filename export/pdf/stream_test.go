package pdf

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// withStreaming builds with every guide laid out twice and drawn page by
// page (stream) or every guide laid out whole (!stream).
func withStreaming(t *testing.T, stream bool, f func()) {
	t.Helper()
	was := streamAbove
	defer func() { streamAbove = was }()
	streamAbove = 1 << 62
	if stream {
		streamAbove = -1
	}
	f()
}

// TestStreamedSameBytes: a guide drawn page by page as it is laid out a
// second time (layout.PlanPages, layout.DrawPages) is the same PDF, with
// the same warnings, as when laid out whole and then drawn; the page
// starts a batch gives the EPUB (BuildWithPageStarts, LayoutShare) are
// the same too. Every fixture and growth shape, in four styles (run-on
// sections, tail lines that make a part flow again), duplex Letter
// (blank versos), without tint, with the paragraphs set ahead on a
// spare core (both passes).
func TestStreamedSameBytes(t *testing.T) {
	fs := fixtures(t)
	for _, s := range growth.Shapes {
		text, _ := growth.Fill(s, 24<<10)
		g, err := importer.Load("growth"+s.Ext(), text, importer.Options{})
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		fs = append(fs, fixture{name: s.String(), g: g})
	}
	sets := []export.Options{{Modified: fixed}, {Modified: fixed, Paper: export.Letter, Duplex: true, Style: "large-print"},
		{Modified: fixed, Style: "compact", SpareCore: true}, {Modified: fixed, Style: "dyslexia", NoTint: true}}
	if testing.Short() || growth.Race {
		sets = sets[:2]
	}
	type built struct {
		out    []byte
		diags  []content.Diagnostic
		starts []export.PageStart
		shared []byte
	}
	buildAll := func(g *content.Guide, opts export.Options) (b built) {
		var err error
		if b.out, b.diags, err = Build(g, opts); err != nil {
			t.Fatalf("%s: %v", g.Title, err)
		}
		withStarts, _, err := BuildWithPageStarts(g, opts, func(ps []export.PageStart) { b.starts = ps })
		if err != nil {
			t.Fatalf("%s: %v", g.Title, err)
		}
		if !bytes.Equal(withStarts, b.out) {
			t.Errorf("%s: BuildWithPageStarts gives other bytes than Build", g.Title)
		}
		sh := NewLayoutShare()
		ps, err := sh.PageStarts(g, opts)
		if err != nil {
			t.Fatalf("%s: %v", g.Title, err)
		}
		if !reflect.DeepEqual(ps, b.starts) {
			t.Errorf("%s: LayoutShare's page starts are not BuildWithPageStarts'", g.Title)
		}
		if b.shared, _, err = sh.Build(g, opts); err != nil {
			t.Fatalf("%s: %v", g.Title, err)
		}
		return b
	}
	for _, f := range fs {
		for _, opts := range sets {
			name := fmt.Sprintf("%s, %s %s duplex=%v tint=%v", f.name, opts.Style, opts.Paper, opts.Duplex, !opts.NoTint)
			var whole, streamed built
			withStreaming(t, false, func() { whole = buildAll(f.g, opts) })
			withStreaming(t, true, func() { streamed = buildAll(f.g, opts) })
			if !bytes.Equal(streamed.out, whole.out) {
				t.Errorf("%s: drawn as laid out, %d bytes; laid out whole, %d: not the same", name, len(streamed.out), len(whole.out))
			}
			if !bytes.Equal(streamed.shared, whole.out) {
				t.Errorf("%s: drawn as laid out after the EPUB's page starts (LayoutShare), not the same bytes", name)
			}
			if !reflect.DeepEqual(streamed.diags, whole.diags) {
				t.Errorf("%s: warnings drawn as laid out %v, laid out whole %v", name, streamed.diags, whole.diags)
			}
			if !reflect.DeepEqual(streamed.starts, whole.starts) {
				t.Errorf("%s: %d page starts drawn as laid out, %d laid out whole; first difference: %v",
					name, len(streamed.starts), len(whole.starts), firstDiff(streamed.starts, whole.starts))
			}
		}
	}
}

// TestStreamsLongGuides: a guide is drawn as it is laid out past
// streamAbove headings and blocks, and laid out whole below.
func TestStreamsLongGuides(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want bool
	}{{100, false}, {streamAbove / 4, false}, {streamAbove/2 + 1, true}} { // a one-line section is a heading and a paragraph
		g, err := importer.Load("growth.txt", growth.Guide(growth.Sections, tc.n), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := streams(g); got != tc.want {
			t.Errorf("%d one-line sections: streams %v, want %v", tc.n, got, tc.want)
		}
	}
}
