package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"weak"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/finish"
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
	fs := fixturesAndShapes(t)
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
// streamAbove sections, subsections counted, and laid out whole below:
// a part is drawn page by page too (TestStreamedPartMemory).
func TestStreamsLongGuides(t *testing.T) {
	for _, tc := range []struct {
		shape growth.Shape
		n     int
		want  bool
	}{{growth.Sections, 100, false}, {growth.Sections, streamAbove / 2, false}, {growth.Sections, streamAbove + 1, true},
		{growth.Subsections, streamAbove / 2, false}, {growth.Subsections, streamAbove + 1, true}} {
		g, err := importer.Load("growth.txt", growth.Guide(tc.shape, tc.n), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := Streams(g); got != tc.want {
			t.Errorf("%d %s: streams %v, want %v", tc.n, tc.shape, got, tc.want)
		}
	}
}

// TestStreamedMemory: a guide drawn as it is laid out never holds its
// layout. The most live heap at any stage (after a collection at each
// probe: independent of timing and load) is measured for one-line
// sections (a page each: what the whole layout holds is mostly the
// pages' furniture) laid out whole and drawn page by page: what the
// build keeps once planned (each destination's page, the glyphs drawn,
// the page labels) is a small part of the whole layout, and its peak
// (then the structure tree and the compressed pages, which the finishing
// pass writes) under the whole build's (6,000 sections: 16.7 → 12.4 MB).
func TestStreamedMemory(t *testing.T) {
	if growth.Race {
		t.Skip("a memory test: the race detector's shadow memory distorts it; make test runs it without -race")
	}
	if testing.Short() {
		t.Skip("builds PDFs of thousands of sections")
	}
	const n = 6000
	g := loadGrowthText(t, growth.Guide(growth.Sections, n))
	var whole, streamed, planned uint64
	var wholeAt, streamedAt string
	withStreaming(t, false, func() { whole, wholeAt = peakLive(t, g) })
	withStreaming(t, true, func() {
		base := liveHeap()
		probe = func(stage string) {
			if stage == "planned" {
				h := liveHeap()
				planned = h - min(h, base)
			}
		}
		defer func() { probe = func(string) {} }()
		if _, _, err := Build(g, export.Options{Modified: fixed}); err != nil {
			t.Fatal(err)
		}
		probe = func(string) {}
		streamed, streamedAt = peakLive(t, g)
	})
	t.Logf("%d sections: laid out whole %.1f MB live at most (%s); drawn as laid out %.1f MB (%s), %.1f MB once planned",
		n, float64(whole)/1e6, wholeAt, float64(streamed)/1e6, streamedAt, float64(planned)/1e6)
	if planned > whole/10 {
		t.Errorf("%d sections: %.1f MB live once planned, want at most a tenth of the whole layout's %.1f MB", n, float64(planned)/1e6, float64(whole)/1e6)
	}
	if streamed > whole*85/100 {
		t.Errorf("%d sections: drawn as laid out, %.1f MB live at most (%s), want at most 85%% of the %.1f MB laid out whole (%s)",
			n, float64(streamed)/1e6, streamedAt, float64(whole)/1e6, wholeAt)
	}
}

// TestChunkedSameBytes: a PDF written in chunks and joined (finish.file,
// as a long guide's is), from fpdf's file in parts (fpdf.OutputChunks),
// is the same file as one written in one slice from fpdf's one buffer.
// Every fixture and growth shape, laid out whole and drawn as laid out,
// in chunks and parts small enough that most objects start one.
func TestChunkedSameBytes(t *testing.T) {
	for _, f := range fixturesAndShapes(t) {
		for _, stream := range []bool{false, true} {
			withStreaming(t, stream, func() {
				opts := export.Options{Modified: fixed}
				one, _, err := Build(f.g, opts)
				if err != nil {
					t.Fatalf("%s: %v", f.name, err)
				}
				above, size, pages, fpdfSize := finish.ChunkAbove, finish.ChunkSize, chunkPages, fpdfChunk
				finish.ChunkAbove, finish.ChunkSize, chunkPages, fpdfChunk = -1, 256, -1, 512
				chunked, _, err := Build(f.g, opts)
				var spilled export.Spilled
				opts.Spill = func(s export.Spilled) { spilled = s }
				none, _, spillErr := Build(f.g, opts)
				finish.ChunkAbove, finish.ChunkSize, chunkPages, fpdfChunk = above, size, pages, fpdfSize
				if err != nil || spillErr != nil {
					t.Fatalf("%s: %v, %v", f.name, err, spillErr)
				}
				if !bytes.Equal(chunked, one) {
					t.Errorf("%s (drawn as laid out: %v): written in chunks, %d bytes; in one slice, %d: not the same", f.name, stream, len(chunked), len(one))
				}
				// Spilled (export.Options.Spill): no bytes, and the
				// file given copies as the same bytes.
				if spilled == nil || none != nil {
					t.Fatalf("%s (drawn as laid out: %v): with Spill, %d bytes returned and %v spilled; want none and the file", f.name, stream, len(none), spilled)
				}
				if got := copySpilled(t, spilled); !bytes.Equal(got, one) {
					t.Errorf("%s (drawn as laid out: %v): spilled, %d bytes; in one slice, %d: not the same", f.name, stream, len(got), len(one))
				}
			})
		}
	}
}

// copySpilled is what s copies to a file; s is closed.
func copySpilled(t *testing.T, s export.Spilled) []byte {
	t.Helper()
	defer s.Close()
	f, err := os.CreateTemp(t.TempDir(), "spilled")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CopyTo(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(got)) != s.Size() {
		t.Errorf("spilled: copied %d bytes, its size says %d", len(got), s.Size())
	}
	return got
}

// TestStreamedLetsGuideGo: a guide drawn as it is laid out is let go
// once drawn when the caller holds it no more (batch gives the last
// format the only reference): the finishing pass of 4 MiB of one-line
// sections held its 88 MB model to the end (live heap after a
// collection once fpdf has written its part 276 -> 193 MB). The
// recovery of a failed build held it, by its title.
func TestStreamedLetsGuideGo(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector keeps what a function was given alive longer")
	}
	withStreaming(t, true, func() {
		g := loadGrowthText(t, growth.Guide(growth.Sections, 200))
		made := weak.Make(g)
		held := map[string]bool{}
		probe = func(stage string) {
			if stage == "written by fpdf" || stage == "optimized" {
				runtime.GC()
				held[stage] = made.Value() != nil
			}
		}
		defer func() { probe = func(string) {} }()
		out, _, err := buildGiven(&g)
		if err != nil || len(out) == 0 {
			t.Fatal(err)
		}
		if len(held) != 2 {
			t.Fatalf("the build called its probe at %v, want once written by fpdf and once optimized", held)
		}
		for stage, h := range held {
			if h {
				t.Errorf("the guide is still held once %s, when only the build was given it", stage)
			}
		}
	})
}

// buildGiven builds *pg with Build after dropping the caller's reference
// to it, so that Build's is the only one.
//
//go:noinline
func buildGiven(pg **content.Guide) ([]byte, []content.Diagnostic, error) {
	g := *pg
	*pg = nil
	return Build(g, export.Options{Modified: fixed})
}

// TestStreamedOwnedLetsSectionsGo: a guide drawn as it is laid out, given
// with Owned (the build has the only reference: a batch's one format),
// lets each top-level section go once laid out for drawing, rather than
// holding the guide's model to the drawing's end (4 MiB of one-line
// sections: ~84 MB). The PDF is the same bytes; without Owned the guide
// is left as it was given.
func TestStreamedOwnedLetsSectionsGo(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector keeps what a function was given alive longer")
	}
	withStreaming(t, true, func() {
		text := growth.Guide(growth.Sections, 400)
		g := loadGrowthText(t, text)
		want, _, err := Build(g, export.Options{Modified: fixed})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, loadGrowthText(t, text)) {
			t.Fatal("Build without Owned changed the guide it was given")
		}
		first := weak.Make(&g.Sections[0].Blocks[0])
		drawing, early := 0, 0
		probe = func(stage string) {
			if stage == "drawing" {
				drawing++
				runtime.GC()
				if first.Value() == nil {
					early++
				}
			}
		}
		defer func() { probe = func(string) {} }()
		got, _, err := Build(g, export.Options{Modified: fixed, Owned: true})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Error("an owned guide's PDF differs from the same guide's built without Owned")
		}
		if drawing < 3 {
			t.Fatalf("the build called its probe while drawing %d times, want 3 or more", drawing)
		}
		// The first section's blocks are let go once its page is drawn:
		// by the drawing's probes (every 64 pages) but the first.
		if early < drawing-1 {
			t.Errorf("the first section's blocks were let go by %d of %d probes while drawing, want %d", early, drawing, drawing-1)
		}
		if g.Sections != nil {
			t.Errorf("an owned guide keeps its %d sections once drawn", len(g.Sections))
		}
	})
}

// TestSpooledPages: a long document's pages, compressed as they are drawn,
// wait for the finishing pass in a temporary file (finish.PageStreams.
// Spool), not in memory; where no temporary file can be made they are
// kept in memory, and the PDF is the same bytes. 6,000 one-line sections,
// drawn as laid out and laid out whole.
//
// What is counted is the compressed pages' bytes the streams kept in
// memory and gave the spool (PageStreams.Kept), not the live heap: that
// moved with the load (the pages queued for the compressing goroutine,
// which P a pooled buffer went back to), and the heap check this test
// made (spooled, a fourth of the PDF less live once fpdf had written its
// part) failed at load 19 by 0.005 MB with a quiet margin of 0.5 MB.
// Without the spool (Spool not called) it fails: 0 bytes spooled.
func TestSpooledPages(t *testing.T) {
	g := loadGrowthText(t, growth.Guide(growth.Sections, 3000))
	dir := t.TempDir()
	made := newPageStreams
	defer func() { newPageStreams = made }()
	for _, stream := range []bool{true, false} {
		withStreaming(t, stream, func() {
			pages := chunkPages
			chunkPages = 100 // laid out whole: a long document
			defer func() { chunkPages = pages }()
			var memory, spooled [2]int64
			var out [2][]byte
			for i, tmp := range []string{dir, filepath.Join(dir, "absent")} {
				t.Setenv("TMPDIR", tmp)
				var st *finish.PageStreams
				newPageStreams = func() *finish.PageStreams { st = made(); return st }
				var err error
				out[i], _, err = Build(g, export.Options{Modified: fixed})
				newPageStreams = made
				if err != nil {
					t.Fatal(err)
				}
				memory[i], spooled[i] = st.Kept()
			}
			if !bytes.Equal(out[0], out[1]) {
				t.Errorf("drawn as laid out %v: the pages spooled, %d bytes; kept in memory, %d: not the same", stream, len(out[0]), len(out[1]))
			}
			t.Logf("drawn as laid out %v: compressed pages %d bytes spooled, %d in memory; with no temporary file %d spooled, %d in memory; PDF %d bytes",
				stream, spooled[0], memory[0], spooled[1], memory[1], len(out[0]))
			// Every page spooled, and they are a good part of the PDF.
			if memory[0] != 0 || spooled[0] < int64(len(out[0]))/4 {
				t.Errorf("drawn as laid out %v: %d bytes of compressed pages spooled, %d kept in memory; want none in memory and at least a fourth of the %d-byte PDF spooled",
					stream, spooled[0], memory[0], len(out[0]))
			}
			if all := memory[0] + spooled[0]; spooled[1] != 0 || memory[1] != all {
				t.Errorf("drawn as laid out %v, no temporary file: %d bytes of compressed pages spooled, %d kept in memory; want none spooled and all %d in memory",
					stream, spooled[1], memory[1], all)
			}
		})
	}
}

// TestStreamedPartMemory: a guide of one part drawn as it is laid out
// holds a few pages of it at a time, not the part. The plan records how
// each part was flowed (its pages shortened or not, to leave enough
// lines on its last), so that the drawing flows it once and gives each
// page as it is finished, and a long section's blocks (and the
// contents') are made as the flow reaches them. Before, the part's pages
// were kept until it was placed, in case it had to be flowed again, and
// its blocks made first: 4 MiB of 147,215 one-line subsections in one
// section held 361 MB live laid out whole, 335 MB drawn as laid out;
// now 135 MB drawn as laid out (what the drawing accumulates for the
// finishing pass: links, outline, structure tree). The most live heap at
// any stage after a collection (independent of timing and load), 6,000
// subsections: laid out whole, and drawn as laid out, which must be at
// most three quarters of it (before 14.6 and 14.1 MB, 97%; now 9.2 MB,
// 63%).
func TestStreamedPartMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds PDFs of thousands of subsections")
	}
	if growth.Race {
		t.Skip("a memory test: the race detector's shadow memory distorts it; make test runs it without -race")
	}
	n := 6000
	whole, wholeAt, streamed, streamedAt := peaksWholeAndStreamed(t, loadGrowthText(t, growth.Guide(growth.Subsections, n)))
	t.Logf("%d subsections in one part: laid out whole %.1f MB live at most (%s); drawn as laid out %.1f MB (%s)",
		n, float64(whole)/1e6, wholeAt, float64(streamed)/1e6, streamedAt)
	if streamed > whole*3/4 {
		t.Errorf("%d subsections in one part: drawn as laid out, %.1f MB live at most (%s), want at most three quarters of the %.1f MB laid out whole (%s)",
			n, float64(streamed)/1e6, streamedAt, float64(whole)/1e6, wholeAt)
	}
}

// peaksWholeAndStreamed is the most live heap building g adds (peakLive)
// laid out whole and drawn as laid out, with the stages they were met.
func peaksWholeAndStreamed(t *testing.T, g *content.Guide) (whole uint64, wholeAt string, streamed uint64, streamedAt string) {
	withStreaming(t, false, func() { whole, wholeAt = peakLive(t, g) })
	withStreaming(t, true, func() { streamed, streamedAt = peakLive(t, g) })
	return whole, wholeAt, streamed, streamedAt
}
