package layout

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/growth"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// aheadGuides are the guides the paragraphs-ahead tests lay out: the
// repository's fixtures and example, the seed when present, and one made
// here with what the worker must leave to the flow or report as the flow
// would (links, a paragraph met twice, characters no face has).
func aheadGuides(t *testing.T) map[string]*content.Guide {
	t.Helper()
	root := checkers.RepoRoot()
	paths, _ := filepath.Glob(filepath.Join(root, "testdata", "guides", "*"))
	// Chinese and Japanese (lines broken between characters, no spaces)
	// from the readers' fixtures: testdata/guides has none.
	paths = append(paths, filepath.Join(root, "examples", "frankenstein.txt"),
		filepath.Join(root, "content", "markdown", "testdata", "guides", "a-q-zhengzhuan-zh.md"),
		filepath.Join(root, "content", "plaintext", "testdata", "guides", "rashomon-ja.txt"))
	if d := checkers.SharedDir(); d != "" {
		paths = append(paths, filepath.Join(d, "seed", "never-let-me-go.txt"))
	}
	gs := map[string]*content.Guide{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue // the seed, when ../shared is absent
		}
		var g *content.Guide
		if strings.HasSuffix(p, ".json") {
			g, err = content.DecodeJSON(data)
		} else {
			g, err = importer.Load(filepath.Base(p), data, importer.Options{})
		}
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		gs[filepath.Base(p)] = g
	}
	twice := content.Text{{Text: "A paragraph the guide holds twice, which the flow sets where it meets it again. " + strings.Repeat("More words to fill lines. ", 8)}}
	missing := content.Text{{Text: "Tibetan བཀྲ་ཤིས, an emoji 🦜 and a combining mark a\u0360 that no face has, then "}, {Text: "emphasis", Em: true}, {Text: " and "}, {Text: "strength", Strong: true}, {Text: ". " + strings.Repeat("Filler text for a line or two. ", 6)}}
	var blocks []content.Block
	for i := range 30 {
		switch i % 5 {
		case 0:
			blocks = append(blocks, content.Block{Kind: content.Paragraph, Text: twice})
		case 1:
			blocks = append(blocks, content.Block{Kind: content.Paragraph, Text: missing})
		case 2:
			blocks = append(blocks, content.Block{Kind: content.Paragraph, Text: content.Text{{Text: "See "}, {Text: "the publisher's page", Href: "https://example.org/p"}, {Text: " for more. " + strings.Repeat("Words of a paragraph with a link. ", 5)}}})
		case 3:
			blocks = append(blocks, content.Block{Kind: content.BlockQuote, Text: content.Text{{Text: "A quotation."}}, Explanation: []content.Text{{{Text: "Its explanation, set ahead like any paragraph. " + strings.Repeat("Explaining. ", 10)}}}})
		default:
			blocks = append(blocks, content.Block{Kind: content.Paragraph, Text: content.Text{{Text: strings.Repeat("Plain prose of an ordinary paragraph. ", 3+i)}}})
		}
	}
	gs["made"] = &content.Guide{Title: "Ahead", Book: content.Book{Title: "A Book", Author: "An Author"},
		Synopsis: []content.Text{missing},
		Sections: []content.Section{{Title: "One", Role: content.RoleSummary, Blocks: blocks[:15]},
			{Title: "Two", Blocks: blocks[15:], Subsections: []content.Section{{Title: "Two, sub", Blocks: blocks[:4]}}}},
		FAQ: []content.FAQEntry{{Question: "Why?", Answer: []content.Text{twice, missing}}}}
	return gs
}

// raceGuides are the guides laid out under the race detector: the one
// made here, the seed, hostile markup and a right-to-left guide.
var raceGuides = map[string]bool{"made": true, "never-let-me-go.txt": true, "tricky-markup.txt": true, "megillat-rut-he.md": true}

type laidOut struct {
	lay   *Layout
	dests []Dest
	diags []content.Diagnostic
}

// optsGeometry is the theme and geometry a build with opts lays out with.
func optsGeometry(t *testing.T, opts export.Options) (theme.Theme, Geometry) {
	t.Helper()
	th, err := theme.Named(opts.Style)
	if err != nil {
		t.Fatal(err)
	}
	geo, _, err := PageGeometry(opts, th)
	if err != nil {
		t.Fatal(err)
	}
	if err := FitMeasure(&geo, th); err != nil {
		t.Fatal(err)
	}
	return th, geo
}

func layOut(t *testing.T, g *content.Guide, opts export.Options) laidOut {
	t.Helper()
	th, geo := optsGeometry(t, opts)
	lay, dests, rep, err := Guide(g, opts, th, geo, GuideDoc, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	return laidOut{lay, dests, rep.Diagnostics()}
}

// TestParagraphsAhead: a guide laid out with its paragraphs set ahead on
// a worker gives the same layout (every page, item, run and glyph), the
// same destinations and the same warnings in the same order as laid out
// alone; both when the worker sets every paragraph before the flow starts
// (each then taken from it: checked) and when the two run at once.
func TestParagraphsAhead(t *testing.T) {
	gs := aheadGuides(t)
	if len(gs) < 10 {
		t.Fatalf("only %d guides to lay out", len(gs))
	}
	styles := []string{"", "large-print", "dyslexia", "compact"}
	switch {
	case growth.Race: // 5–20× slower: the standard style is enough for the race detector
		styles = styles[:1]
	case testing.Short():
		styles = styles[:2]
	}
	var taken, slots int
	aheadTaken = func(n, of int) { taken, slots = n, of }
	defer func() { aheadTaken, aheadFirst = nil, false }()
	for name, g := range gs {
		if growth.Race && !raceGuides[name] {
			continue
		}
		for _, style := range styles {
			opts := export.Options{Style: style, Paper: export.Letter}
			taken, slots = 0, 0
			want := layOut(t, g, opts)
			if slots != 0 {
				t.Fatalf("%s: the worker ran without a spare core", name)
			}
			opts.SpareCore = true
			aheadFirst = true
			first := layOut(t, g, opts)
			aheadFirst = false
			if slots == 0 || taken != slots {
				t.Errorf("%s %q: the flow took %d of the worker's %d paragraphs, with the worker done first", name, style, taken, slots)
			}
			if name == "made" && slots != 14 {
				t.Errorf("made: the worker had %d paragraphs to set, want 14 (those without a link, each once)", slots)
			}
			taken, slots = 0, 0
			both := layOut(t, g, opts)
			for mode, got := range map[string]laidOut{"worker first": first, "at once": both} {
				if !reflect.DeepEqual(got.lay, want.lay) {
					t.Errorf("%s %q, %s: the layout differs from the one laid out alone", name, style, mode)
				}
				if !reflect.DeepEqual(got.dests, want.dests) {
					t.Errorf("%s %q, %s: the destinations differ", name, style, mode)
				}
				if !reflect.DeepEqual(got.diags, want.diags) {
					t.Errorf("%s %q, %s: the warnings differ:\n%v\n%v", name, style, mode, got.diags, want.diags)
				}
			}
			if name == "made" && len(want.diags) < 3 {
				t.Errorf("made: %d warnings, want at least 3 (Tibetan, the emoji, the mark)", len(want.diags))
			}
		}
	}
}
