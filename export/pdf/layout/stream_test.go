package layout

import (
	"fmt"
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
// with and without the paragraphs set ahead on a spare core; and the
// pages' starts laid out alone (Starts), made so, are the plan's.
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
	defer func(was, starts, ahead int) { madeAsFlowed, startsMadeAsFlowed, madeAhead = was, starts, ahead }(madeAsFlowed, startsMadeAsFlowed, madeAhead)
	for name, g := range gs {
		if growth.Race && !raceGuides[name] && name != growth.Subsections.String() {
			continue
		}
		for _, style := range styles {
			opts := export.Options{Style: style, Paper: export.Letter, SpareCore: style == "compact"}
			madeAsFlowed, startsMadeAsFlowed = 1<<30, 1<<30
			want := layOutStreamed(t, g, opts)
			madeAsFlowed, startsMadeAsFlowed, madeAhead = 0, 0, 1
			got := layOutStreamed(t, g, opts)
			// Laid out for the pages' starts alone, made as flowed too.
			th, geo := optsGeometry(t, opts)
			if starts, err := Starts(g, opts, th, geo); err != nil {
				t.Fatal(err)
			} else if !reflect.DeepEqual(starts, want.plan.Starts) {
				t.Errorf("%s %q: made as flowed, Starts differs from the plan's starts", name, style)
			}
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

// givenRuns records the runs a plan gives (Glyphs), taking back those
// given since its checkpoint on a rollback.
type givenRuns struct {
	runs       []string
	mark       int
	rollbacks  int
	checkpoint bool
}

// runKey is what the fonts take of a run: its face, size, glyphs and the
// space after it (PlanPages gives some without their texts: glyphRuns).
func runKey(r Run) string { return fmt.Sprint(r.Face, r.Size, r.Glyphs, r.Space) }

func (g *givenRuns) Runs(rs []Run) {
	for _, r := range rs {
		g.runs = append(g.runs, runKey(r))
	}
}
func (g *givenRuns) Checkpoint() { g.mark, g.checkpoint = len(g.runs), true }
func (g *givenRuns) Rollback() {
	if !g.checkpoint {
		panic("a rollback without a checkpoint")
	}
	g.runs = g.runs[:g.mark]
	g.rollbacks++
}

// TestPlanGivesDrawnRuns: what PlanPages gives the fonts (Glyphs), less
// what it takes back when a part whose pages it gave is flowed again
// (tail lines: Checkpoint, Rollback), is every run the whole layout
// draws, each as many times: no run of a page given and then flowed
// anew is kept (a page number only the first flow reached would be
// embedded), none is missing. TestStreamedSameBytes compares the PDFs,
// which cannot tell: every fixture's rolled-back glyphs are drawn again
// by the final flow (with Rollback doing nothing, it passed; this test
// then finds thousands of runs given twice). Fixtures, growth shapes and
// parts empty, of one page and of many (flowed again), their blocks made
// first and as flowed (flowSection).
func TestPlanGivesDrawnRuns(t *testing.T) {
	gs := aheadGuides(t)
	for _, s := range growth.Shapes {
		text, _ := growth.Fill(s, 16<<10)
		g, err := importer.Load("growth"+s.Ext(), text, importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		gs[s.String()] = g
	}
	var empty, sizes []content.Section
	for i := range 30 {
		empty = append(empty, content.Section{Title: "Empty " + strconv.Itoa(i)})
		var bs []content.Block
		for range i {
			bs = append(bs, content.Block{Kind: content.Paragraph, Text: content.Text{{Text: strings.Repeat("Lines of a part. ", 10+i)}}})
		}
		sizes = append(sizes, content.Section{Title: "Part " + strconv.Itoa(i), Blocks: bs})
	}
	gs["empty"] = &content.Guide{Title: "Empty", Book: content.Book{Title: "B"}, Sections: empty}
	gs["sizes"] = &content.Guide{Title: "Sizes", Book: content.Book{Title: "B"}, Sections: sizes}
	styles := []string{"", "large-print", "dyslexia"}
	if testing.Short() || growth.Race {
		styles = styles[:2]
	}
	defer func(was, starts, ahead int) { madeAsFlowed, startsMadeAsFlowed, madeAhead = was, starts, ahead }(madeAsFlowed, startsMadeAsFlowed, madeAhead)
	rollbacks := 0
	for name, g := range gs {
		if growth.Race && !raceGuides[name] && name != "sizes" {
			continue
		}
		for _, style := range styles {
			for _, lazy := range []bool{false, true} {
				madeAsFlowed, madeAhead = 1<<30, 256
				if lazy {
					madeAsFlowed, madeAhead = 0, 1
				}
				opts := export.Options{Style: style, Paper: export.Letter}
				th, geo := optsGeometry(t, opts)
				given := &givenRuns{}
				if _, err := PlanPages(g, opts, th, geo, false, given); err != nil {
					t.Fatal(err)
				}
				rollbacks += given.rollbacks
				lay, _, _, err := Guide(g, opts, th, geo, GuideDoc, func(string) {})
				if err != nil {
					t.Fatal(err)
				}
				drawn := map[string]int{}
				for _, pg := range lay.Pages {
					for _, it := range pg.Items {
						for _, r := range it.Runs {
							drawn[runKey(r)]++
						}
					}
				}
				got := map[string]int{}
				for _, k := range given.runs {
					got[k]++
				}
				bad := 0
				for k, n := range drawn {
					if got[k] != n {
						bad++
					}
				}
				for k := range got {
					if drawn[k] == 0 {
						bad++
					}
				}
				if bad > 0 {
					t.Errorf("%s %q, made as flowed %v: %d runs given other than drawn (%d given, %d drawn)", name, style, lazy, bad, len(given.runs), len(drawn))
				}
			}
		}
	}
	if rollbacks == 0 {
		t.Error("no part was flowed again: the test tests nothing")
	}
}

// TestDrawPagesChecksThePlan: a second pass that does not lay the guide
// out as the plan did (fewer parts flowed with tail lines than planned,
// or another number of pages) is an error, not a PDF drawn with the
// plan's labels, contents' numbers and fonts for other pages. Before,
// only a second pass that flowed more parts was caught.
func TestDrawPagesChecksThePlan(t *testing.T) {
	g := aheadGuides(t)["made"]
	opts := export.Options{Paper: export.Letter}
	th, geo := optsGeometry(t, opts)
	draw := func(pl *Plan) error {
		_, _, err := DrawPages(g, opts, th, geo, pl, func(*Page, *Layout, []Dest) error { return nil })
		return err
	}
	pl, err := PlanPages(g, opts, th, geo, false, noGlyphs{})
	if err != nil {
		t.Fatal(err)
	}
	if err := draw(pl); err != nil {
		t.Fatalf("as planned: %v", err)
	}
	extraCut := *pl
	extraCut.cuts = append(slices.Clone(pl.cuts), 0)
	morePages := *pl
	morePages.pages++
	for name, bad := range map[string]*Plan{"a part more planned": &extraCut, "a page more planned": &morePages} {
		if err := draw(bad); err == nil || !strings.Contains(err.Error(), "internal error") {
			t.Errorf("%s: %v, want an internal error", name, err)
		}
	}
}
