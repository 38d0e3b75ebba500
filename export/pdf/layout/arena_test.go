package layout

import (
	"slices"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/internal/growth"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// TestLinesFromArena: a line set on its own (a heading's, a contents
// entry's; a page's number is finished the same way) takes its runs and
// drawn glyphs from the builder's arena, so that setting it allocates
// its text alone, not its text, its drawn glyphs and its runs (3
// allocations a line before: a 4 MiB guide of one-line sections sets
// ~780,000 such lines a pass). Each line's runs and glyphs are its own.
func TestLinesFromArena(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	b := bareBuilder(t)
	gs := b.shape(plain("Themes and motifs"), fonts.Atkinson, 14, "")
	var lines []setLine
	allocs := testing.AllocsPerRun(200, func() {
		var sl setLine
		b.set(&sl, Heading, gs, false, false, false, nil, nil)
		lines = append(lines[:0], sl)
	})
	if allocs > 1.2 {
		t.Errorf("setting a one-line heading: %.2f allocations, want its text's and a share of the arena's slabs (at most 1.2)", allocs)
	}
	var a, c setLine
	b.set(&a, Heading, gs, false, false, false, nil, nil)
	b.set(&c, Heading, gs, false, false, false, nil, nil)
	if len(a.runs) != 1 || len(c.runs) != 1 || a.runs[0].Text != "Themes and motifs" || len(a.runs[0].Glyphs) != len(gs) {
		t.Fatalf("runs %+v", a.runs)
	}
	if &a.runs[0] == &c.runs[0] || &a.runs[0].Glyphs[0] == &c.runs[0].Glyphs[0] {
		t.Error("two lines share their runs or glyphs")
	}
	if cap(a.runs) != len(a.runs) || cap(a.runs[0].Glyphs) != len(a.runs[0].Glyphs) {
		t.Error("a line's runs or glyphs have room past their end: an append would write into the next line's")
	}
}

// bareBuilder is a builder for a guide with nothing in it, in the
// standard style on A4, for a test of what it does with one line.
func bareBuilder(t *testing.T) *builder {
	t.Helper()
	th, err := theme.Named("")
	if err != nil {
		t.Fatal(err)
	}
	geo, _, err := PageGeometry(export.Options{}, th)
	if err != nil {
		t.Fatal(err)
	}
	b := newBuilder(&content.Guide{Title: "T", Language: "en"}, export.Options{}, th, geo, GuideDoc)
	return b
}

// TestHeadingSetAllocations: a heading's line, set as the flow places it
// (setLine), allocates nothing: its set line comes from a slab, its
// lines, wrapped for it (ownLines), are not copied first (3 allocations
// a heading before, with the runs and glyphs from the arena: the set
// line, the copy, the text), and its text is its display text when its
// glyphs spell it (paraText.spelled: 1 allocation before, the text
// built glyph by glyph).
func TestHeadingSetAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	b := bareBuilder(t)
	blocks := make([]flowBlock, 300)
	for i := range blocks {
		blocks[i] = b.heading("Themes", 0, -1, "section")
	}
	next := 0
	allocs := testing.AllocsPerRun(200, func() {
		b.setLine(&blocks[next], 0)
		next++
	})
	if allocs > 0 {
		t.Errorf("setting a heading's line: %.1f allocations, want none", allocs)
	}
	for i := range next {
		if sl := &blocks[i].set[0]; !sl.done || sl.text != "Themes" || len(blocks[i].set) != 1 || cap(blocks[i].set) != 1 {
			t.Fatalf("block %d: set %+v", i, blocks[i].set)
		}
	}
}

// TestShortParagraphAllocations: a one-line paragraph set (setText)
// takes its set line, runs and drawn glyphs from the shaper's slabs: 5
// allocations before (those three arrays, its text and its block's
// lines), 2 after.
func TestShortParagraphAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	b := bareBuilder(t)
	var blk flowBlock
	allocs := testing.AllocsPerRun(200, func() {
		blk = flowBlock{kind: Line}
		b.setText(&blk, plain("Text 12345."), fonts.Literata, 11, b.geo.TextW(), "")
	})
	if allocs > 2 {
		t.Errorf("setting a one-line paragraph: %.1f allocations, want at most 2 (its text and its block's lines)", allocs)
	}
	if len(blk.set) != 1 || blk.set[0].text != "Text 12345." || len(blk.set[0].runs) != 1 || cap(blk.set) != 1 {
		t.Fatalf("set %+v", blk.set)
	}
}

// TestSpelledLines: a heading's or contents entry's line takes its text
// from the display text it was shaped from only where its glyphs spell
// it; the line's text, its runs (their texts and glyphs) and the space
// after a broken line are those built glyph by glyph (textOf), for
// texts that shaping keeps as they are, changes (spaces folded, a
// character no face has), sets with ligatures, in other alphabets or
// right to left, and breaks over lines.
func TestSpelledLines(t *testing.T) {
	b := bareBuilder(t)
	for _, text := range []string{
		"Themes",
		"Official filings of the office",
		"Two  spaces and  more",
		" Leading and trailing ",
		"Tab\there",
		"Caf\u00e9 society",
		"Chapter 3 \u2014 The Return",
		"\u05e9\u05dc\u05d5\u05dd world",
		"A heading long enough to be broken over two or three lines of the text block, and then some more words",
		"Emoji \U0001F600 here",
		"",
	} {
		for _, kind := range []ItemKind{Heading, TOCLine} {
			spelled := b.heading(text, 0, -1, "section")
			spelled.kind = kind
			plainBlk := b.heading(text, 0, -1, "section")
			plainBlk.kind, plainBlk.src = kind, ""
			if len(spelled.lines) != len(plainBlk.lines) {
				t.Fatalf("%q: %d lines against %d", text, len(spelled.lines), len(plainBlk.lines))
			}
			for li := range spelled.lines {
				a, c := b.setLine(&spelled, li), b.setLine(&plainBlk, li)
				if a.text != c.text || a.spaceAfter != c.spaceAfter || a.w != c.w || len(a.runs) != len(c.runs) {
					t.Fatalf("%q line %d: %q (space %v, %d runs) against %q (space %v, %d runs)", text, li, a.text, a.spaceAfter, len(a.runs), c.text, c.spaceAfter, len(c.runs))
				}
				for ri := range a.runs {
					ra, rc := a.runs[ri], c.runs[ri]
					if ra.Text != rc.Text || ra.Space != rc.Space || ra.Dx != rc.Dx || ra.W != rc.W || ra.Face != rc.Face || len(ra.Glyphs) != len(rc.Glyphs) {
						t.Fatalf("%q line %d run %d: %+v against %+v", text, li, ri, ra, rc)
					}
					for gi := range ra.Glyphs {
						if ra.Glyphs[gi] != rc.Glyphs[gi] {
							t.Fatalf("%q line %d run %d glyph %d: %+v against %+v", text, li, ri, gi, ra.Glyphs[gi], rc.Glyphs[gi])
						}
					}
				}
			}
		}
	}
}

// TestPageStartAllocations: where a page starts (pageStart, taken from
// every page in PlanPages' pass) builds no text for its running head and
// number, which are not where it starts, and keeps its first words in
// an array of their number: 8 allocations for this page before (the
// number's text, the head's, each line's words in a slice of their own
// first, appended to one grown as they came), 1 now (the words). The
// words are the first twelve of the flowing text, a table header
// repeated from the page before (Art) left out.
func TestPageStartAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	b := bareBuilder(t)
	pg := &Page{Number: 12, Kind: BodyPage, Items: []Item{
		{Kind: Header, gs: b.shape(plain("A Study Guide"), fonts.Atkinson, 9, "")},
		{Kind: Footer, gs: b.number(12, fonts.Literata, fonts.Regular, 9, "")},
		{Kind: Cell, Text: "Repeated header", Art: true},
		{Kind: Heading, Text: "Heading 12"},
		{Kind: Line, Text: "Text 12 with a few  more words\tthan"},
		{Kind: Line, Text: "the page's start keeps, which are left out"},
	}}
	var ps export.PageStart
	allocs := testing.AllocsPerRun(100, func() { ps = pageStart(pg) })
	if allocs > 1 {
		t.Errorf("a page's start: %.1f allocations, want 1 (its words)", allocs)
	}
	want := []string{"Heading", "12", "Text", "12", "with", "a", "few", "more", "words", "than", "the", "page's"}
	if ps.Label != "12" || ps.Kind != "body" || !slices.Equal(ps.Words, want) {
		t.Errorf("start %+v, want label 12, kind body, words %q", ps, want)
	}
}
