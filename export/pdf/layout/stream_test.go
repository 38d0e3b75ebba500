package layout

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// streamed is a guide laid out twice (PlanPages, DrawPages): the plan,
// every page drawn (its items copied, as DrawPages lets them go), the
// destinations and the warnings.
type streamed struct {
	plan  *Plan
	pages []Page
	dests []Dest
	diags []content.Diagnostic
}

func layOutStreamed(t *testing.T, g *content.Guide, opts export.Options) streamed {
	t.Helper()
	th, geo := optsGeometry(t, opts)
	var s streamed
	var err error
	if s.plan, err = PlanPages(g, opts, th, geo, true, noGlyphs{}); err != nil {
		t.Fatal(err)
	}
	dests, rep, err := DrawPages(g, opts, th, geo, s.plan, func(pg *Page, _ *Layout, _ []Dest) error {
		c := *pg
		c.Items = slices.Clone(pg.Items)
		s.pages = append(s.pages, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.dests, s.diags = dests, rep.Diagnostics()
	return s
}

// TestMadeAsFlowedSameLayout: a streamed layout that makes a long
// section's blocks, and the contents' entries, as the flow reaches them
// (flowSection, flowMade) rather than all before they are flowed gives
// the same plan (each part's shortening, the pages' starts and labels),
// the same pages (every item, run and glyph), destinations and warnings:
// every guide laid out with every section and the contents made so, in
// styles whose parts are flowed again with shorter pages (tail lines:
// the blocks are then made again, quietly, their links' segments anew),
// with and without the paragraphs set ahead on a spare core.
func TestMadeAsFlowedSameLayout(t *testing.T) {
	gs := aheadGuides(t)
	for _, s := range []growth.Shape{growth.Subsections, growth.Prose, growth.Quoted, growth.Markdown} {
		text, _ := growth.Fill(s, 16<<10)
		g, err := importer.Load("growth"+s.Ext(), text, importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		gs[s.String()] = g
	}
	// Parts of different lengths with links and characters no face has,
	// some flowed again; and headings kept with headings kept with text.
	link := content.Text{{Text: "See "}, {Text: "the page", Href: "https://example.org/p"}, {Text: " for more. " + strings.Repeat("Words of a paragraph. ", 9)}}
	missing := content.Text{{Text: "Tibetan བཀྲ་ཤིས and an emoji 🦜, then " + strings.Repeat("filler text for lines. ", 7)}}
	var parts, nested []content.Section
	for i := range 40 {
		var bs []content.Block
		for j := range 4 + i%9 {
			bs = append(bs, content.Block{Kind: content.Paragraph, Text: [2]content.Text{link, missing}[j%2]})
		}
		parts = append(parts, content.Section{Title: "Part " + strconv.Itoa(i), Blocks: bs})
		nested = append(nested, content.Section{Title: "Sub " + strconv.Itoa(i), Subsections: []content.Section{{Title: "Subsub " + strconv.Itoa(i),
			Subsections: []content.Section{{Title: "Subsubsub " + strconv.Itoa(i), Blocks: bs[:1+i%3]}}}}})
	}
	gs["parts"] = &content.Guide{Title: "Parts", Book: content.Book{Title: "A Book"}, Sections: parts}
	gs["nested"] = &content.Guide{Title: "Nested", Book: content.Book{Title: "A Book"}, Sections: []content.Section{{Title: "One", Subsections: nested}}}
	styles := []string{"", "large-print", "dyslexia", "compact"}
	if testing.Short() || growth.Race {
		styles = styles[:2]
	}
	defer func(was, ahead int) { madeAsFlowed, madeAhead = was, ahead }(madeAsFlowed, madeAhead)
	for name, g := range gs {
		if growth.Race && !raceGuides[name] && name != growth.Subsections.String() {
			continue
		}
		for _, style := range styles {
			opts := export.Options{Style: style, Paper: export.Letter, SpareCore: style == "compact"}
			madeAsFlowed = 1 << 30
			want := layOutStreamed(t, g, opts)
			madeAsFlowed, madeAhead = 0, 1
			got := layOutStreamed(t, g, opts)
			if !reflect.DeepEqual(got.plan, want.plan) {
				t.Errorf("%s %q: made as flowed, the plan differs", name, style)
			}
			if len(got.pages) != len(want.pages) {
				t.Errorf("%s %q: made as flowed, %d pages; made first, %d", name, style, len(got.pages), len(want.pages))
			} else {
				for i := range got.pages {
					if !reflect.DeepEqual(got.pages[i], want.pages[i]) {
						t.Errorf("%s %q: made as flowed, page %d differs", name, style, i+1)
						break
					}
				}
			}
			if !reflect.DeepEqual(got.dests, want.dests) {
				t.Errorf("%s %q: made as flowed, the destinations differ", name, style)
			}
			if !reflect.DeepEqual(got.diags, want.diags) {
				t.Errorf("%s %q: made as flowed, the warnings differ:\n%v\n%v", name, style, got.diags, want.diags)
			}
		}
	}
}
