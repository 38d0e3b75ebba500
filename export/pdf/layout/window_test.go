package layout

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/internal/growth"
)

// withWindows runs f with every text longer than minChars set a window
// at a time (setWindowed), windows of glyphs glyphs shaped chunk
// characters at a time.
func withWindows(minChars, glyphs, chunk int, f func()) {
	m, g, c := windowMin, windowGlyphs, windowChunk
	defer func() { windowMin, windowGlyphs, windowChunk = m, g, c }()
	windowMin, windowGlyphs, windowChunk = minChars, glyphs, chunk
	f()
}

// windows are the window sizes the tests set texts with: a window
// shorter than a line (it grows), a few lines, setWindowed's own.
var windows = []struct{ glyphs, chunk int }{{48, 5}, {200, 37}, {1 << 14, 1 << 12}}

// TestWindowedSameLines: a text shaped and broken into lines a window at
// a time (setWindowed) gives the lines, each set the same (text, runs,
// glyphs, the space after it, underlines), and the warnings that setText
// gives it whole: URLs broken across a window's end, hyphens and dashes,
// links, emphasis, ligatures, marks, a word longer than a line, runs of
// spaces, characters no face has, Greek and symbols in fallback faces.
func TestWindowedSameLines(t *testing.T) {
	long := strings.Repeat("Kathy remembers the pond, the pavilion and the sports field at Hailsham; ", 12)
	texts := append(setTextCases(),
		content.Text{{Text: "Read "}, {Text: "Never Let Me Go", Em: true}, {Text: " at "},
			{Text: "https://example.org/a/very/long/path/to-a-page-about-the-novel?with=query", Href: "https://example.org/x"},
			{Text: " (www.example.org/a-b-c/d) " + long[:90]}, {Text: "strong words", Strong: true}},
		content.Text{{Text: strings.Repeat("well-known self-evident twenty-first-century compounds — dashes—between/slashes and/or ", 9)}},
		content.Text{{Text: strings.Repeat("Glass", 60) + " " + long[:100] + strings.Repeat("x", 300)}},
		content.Text{{Text: "An office\u00a0ﬁle: q\u0303 and naïve façades.   Spaces   between " + long[:250] + "   "}},
		content.Text{{Text: "Ελληνικά και ένα σύμβολο ☞ ⚘ and 12,345 digits after them, 1984. Tibetan བཀྲ་ཤིས and an emoji 🦜 no face has. " + long[:300]}},
		content.Text{{Text: strings.Repeat("mailto:someone@example.org https://a.example/b-c/d_e?f=g&h=i#j ", 20)}})
	for _, style := range []string{"", "large-print", "dyslexia"} {
		th, geo := styleGeometry(t, style)
		set := func() ([]flowBlock, []content.Diagnostic) {
			sh := &shaper{cache: map[shapeKey]*shaped{}, th: textStyle(th), rep: newReporter()}
			b := &builder{th: th, g: &content.Guide{Title: "T"}, geo: geo, sh: sh, segs: make([]Segment, 1)}
			var out []flowBlock
			for _, tx := range texts {
				blk := flowBlock{kind: Line}
				b.setText(&blk, b.inline(tx, fonts.Regular, 0, nil), fonts.Literata, th.Body.Size, geo.TextW(), "a test")
				out = append(out, blk)
			}
			if b.err != nil {
				t.Fatal(b.err)
			}
			return out, sh.rep.Diagnostics()
		}
		want, wantDiags := set()
		if len(wantDiags) == 0 {
			t.Fatalf("style %q: no warnings for characters no face has", style)
		}
		for _, win := range windows {
			withWindows(0, win.glyphs, win.chunk, func() {
				got, diags := set()
				for i := range texts {
					if len(got[i].set) != len(want[i].set) {
						t.Fatalf("style %q, window %d, text %d: %d lines a window at a time, %d whole", style, win.glyphs, i, len(got[i].set), len(want[i].set))
					}
					for li := range want[i].set {
						if !reflect.DeepEqual(got[i].set[li], want[i].set[li]) {
							t.Errorf("style %q, window %d, text %d, line %d: set a window at a time\n%+v\nwhole\n%+v", style, win.glyphs, i, li, got[i].set[li], want[i].set[li])
						}
					}
				}
				if !reflect.DeepEqual(diags, wantDiags) {
					t.Errorf("style %q, window %d: the warnings differ:\n%v\n%v", style, win.glyphs, diags, wantDiags)
				}
			})
		}
	}
}

// TestWindowedSameLayout: every fixture, the example, the seed, a guide
// made with what the flow treats apart and the growth shapes, their
// texts set a window at a time, are laid out as with each text set
// whole: every page, item, run and glyph, the destinations, the warnings.
func TestWindowedSameLayout(t *testing.T) {
	gs := aheadGuides(t)
	for _, s := range growth.Shapes {
		text, _ := growth.Fill(s, 12<<10)
		g, err := importer.Load("growth"+s.Ext(), text, importer.Options{})
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		gs[s.String()] = g
	}
	styles := []string{"", "dyslexia"}
	wins := windows
	if testing.Short() || growth.Race {
		styles, wins = styles[:1], wins[1:2]
	}
	for name, g := range gs {
		if growth.Race && !raceGuides[name] {
			continue
		}
		for _, style := range styles {
			opts := export.Options{Style: style}
			want := layOut(t, g, opts)
			for _, win := range wins {
				withWindows(0, win.glyphs, win.chunk, func() {
					got := layOut(t, g, opts)
					what := fmt.Sprintf("%s %q, window %d", name, style, win.glyphs)
					if !reflect.DeepEqual(got.lay, want.lay) {
						t.Errorf("%s: the layout differs from the one with each text set whole", what)
					}
					if !reflect.DeepEqual(got.dests, want.dests) {
						t.Errorf("%s: the destinations differ", what)
					}
					if !reflect.DeepEqual(got.diags, want.diags) {
						t.Errorf("%s: the warnings differ:\n%v\n%v", what, got.diags, want.diags)
					}
				})
			}
		}
	}
}

// TestLongTextMemory: a text far longer than a paragraph (one of a guide
// hard-wrapped over thousands of lines) allocates about what its set
// lines keep, not its whole text's glyphs beside its typeset glyphs and
// its set lines: a 4 MiB guide of one paragraph peaked at 453–603 MiB
// resident for 192 MB of glyphs, 112 of typeset glyphs and 80 of set
// lines held at once. 400,000 characters (about 400 bytes a line): at
// most 64 bytes a character allocated, where setting it whole allocated
// over 100.
func TestLongTextMemory(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping (61.8 bytes a character under it, 48.7 without); `make test` runs this again without -race")
	}
	th, geo := styleGeometry(t, "")
	words := strings.Fields("the pond pavilion sports field Hailsham remembers Kathy Tommy Ruth carers donors Norfolk lost corner")
	var sb strings.Builder
	for i := 0; sb.Len() < 400_000; i++ {
		sb.WriteString(words[(i*7+i/3)%len(words)])
		sb.WriteByte(' ')
	}
	text := content.Text{{Text: sb.String()}}
	sh := &shaper{cache: map[shapeKey]*shaped{}, th: textStyle(th), rep: newReporter()}
	b := &builder{th: th, g: &content.Guide{Title: "T"}, geo: geo, sh: sh}
	spans := b.inline(text, fonts.Regular, 0, nil)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	blk := flowBlock{kind: Line}
	b.setText(&blk, spans, fonts.Literata, th.Body.Size, geo.TextW(), "a test")
	runtime.ReadMemStats(&after)
	if b.err != nil {
		t.Fatal(b.err)
	}
	if len(blk.set) < 1000 {
		t.Fatalf("%d lines, want over 1,000", len(blk.set))
	}
	perChar := float64(after.TotalAlloc-before.TotalAlloc) / float64(sb.Len())
	t.Logf("%d lines, %.1f bytes allocated a character", len(blk.set), perChar)
	if perChar > 64 {
		t.Errorf("setting a text of %d characters allocated %.1f bytes a character, want at most 64", sb.Len(), perChar)
	}
	runtime.KeepAlive(blk)
}

// TestStartsPartMemory: laid out for where its pages start alone
// (Starts), a section of many one-line subsections holds a few pages and
// a few hundred blocks of it at a time, not the part: its blocks are
// made as the flow reaches them (flowSection) and its pages' starts
// taken as each is finished, tentatively (taken back if the part is
// flowed again with shorter pages, flowPart), as a PDF's plan does. The
// most live heap as each page is begun (after a collection: not
// timing), above what was live before, is what the layout keeps a
// subsection: its destination and heading's title, the pages' starts.
// 20,000 subsections: 1,484 bytes a subsection before (every block of
// the part held until it was placed, and every page of it), 253 after.
// A 4 MiB guide of 147,215 subsections, EPUB alone, peaked at 297 MB
// live (453-518 MiB resident), 207 MB after.
func TestStartsPartMemory(t *testing.T) {
	if growth.Race {
		t.Skip("a memory test: the race detector's shadow memory and bookkeeping distort it; `make test` runs this again without -race")
	}
	const n = 20000
	subs := make([]content.Section, n)
	for i := range subs {
		subs[i] = content.Section{Title: fmt.Sprintf("Heading %d", i+1),
			Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Text{{Text: fmt.Sprintf("Text %d.", i+1)}}}}}
	}
	g := &content.Guide{Title: "Big Guide", Book: content.Book{Title: "A Book", Author: "Some Author"},
		Sections: []content.Section{{Title: "Plot Summary", Role: content.RoleSummary, Subsections: subs}}}
	th, geo := styleGeometry(t, "")
	if err := FitMeasure(&geo, th); err != nil {
		t.Fatal(err)
	}
	var before, m runtime.MemStats
	var held uint64
	taken := 0
	pageMade = func() {
		if taken++; taken%32 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&m)
			held = max(held, m.HeapAlloc-min(m.HeapAlloc, before.HeapAlloc))
		}
	}
	defer func() { pageMade = nil }()
	runtime.GC()
	runtime.ReadMemStats(&before)
	starts, err := Starts(g, export.Options{}, th, geo)
	if err != nil {
		t.Fatal(err)
	}
	if len(starts) < 100 {
		t.Fatalf("%d pages, want over 100", len(starts))
	}
	per := held / n
	t.Logf("%d pages; %d bytes a subsection held at most", len(starts), per)
	if per > 400 {
		t.Errorf("%d bytes a subsection held at most while laid out for the pages' starts, want at most 400", per)
	}
}
