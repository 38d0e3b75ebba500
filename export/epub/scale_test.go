package epub

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/internal/growth"
)

func loadGrowth(t testing.TB, s growth.Shape, n int) *content.Guide {
	t.Helper()
	return loadGrowthText(t, growth.Guide(s, n))
}

func loadGrowthText(t testing.TB, text []byte) *content.Guide {
	t.Helper()
	g, err := importer.Load("growth.txt", text, importer.Options{MaxBytes: 16 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestLinearCost builds guides of n and 4n sections, of many subsections
// and of many top-level sections, and fails when the cost grows faster
// than linearly. The self-check searched a whole document for the id of
// every navigation link (n²: 10,000 subsections took 4 s, 40,000 took 90
// s), and go-epub's AddSection re-reads every document added before
// (n²: 20,000 sections took 30 s), and each quote was searched for in the
// whole body (quotes × body).
func TestLinearCost(t *testing.T) {
	if growth.Race {
		t.Skip("a cost test: the race detector distorts it; make test runs it without -race")
	}
	if testing.Short() {
		t.Skip("times builds of thousands of sections")
	}
	for _, c := range []struct {
		shape growth.Shape
		n     int
	}{{growth.Subsections, 2500}, {growth.Sections, 1500}, {growth.Quoted, 1500}} {
		t.Run(c.shape.String(), func(t *testing.T) {
			guides := map[int]*content.Guide{}
			growth.Linear(t, "EPUB of "+c.shape.String(), c.n, 4, 1.4, func(n int) {
				g := guides[n]
				if g == nil {
					g = loadGrowth(t, c.shape, n)
					guides[n] = g
				}
				build(t, g, fixed)
			})
		})
	}
}

// TestManySections: past maxChapterDocs body sections, runs of sections
// share a content document, and every section keeps its TOC entry, which
// leads to its own heading.
func TestManySections(t *testing.T) {
	for _, n := range []int{maxChapterDocs, maxChapterDocs + 1, 3*maxChapterDocs + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			g := loadGrowth(t, growth.Sections, n)
			if len(g.Sections) != n {
				t.Fatalf("%d sections imported, want %d", len(g.Sections), n)
			}
			u := unpack(t, build(t, g, fixed))
			chapters := 0
			for _, href := range u.spine() {
				if strings.HasPrefix(href, xhtmlDir+"chapter-") {
					chapters++
				}
			}
			per := (n + maxChapterDocs - 1) / maxChapterDocs
			if want := (n + per - 1) / per; chapters != want || chapters > maxChapterDocs {
				t.Errorf("%d chapter documents, want %d (at most %d)", chapters, want, maxChapterDocs)
			}
			var entries []string
			for _, line := range u.navOutline(t, "toc") {
				if strings.Contains(line, "chapter-") {
					entries = append(entries, strings.TrimSpace(line))
				}
			}
			if len(entries) != n {
				t.Fatalf("%d TOC entries lead to chapters, want %d", len(entries), n)
			}
			for i, e := range entries {
				title, href, _ := strings.Cut(e, " → ")
				file, frag, _ := strings.Cut(href, "#")
				if title != g.Sections[i].Title || file != xhtmlDir+chapterFile(i/per) {
					t.Fatalf("entry %d is %q, want %q in %s", i, e, g.Sections[i].Title, chapterFile(i/per))
				}
				if want := ""; i%per != 0 {
					want = fmt.Sprintf("s%d", i+1)
					if frag != want {
						t.Fatalf("entry %d leads to #%s, want #%s", i, frag, want)
					}
					if doc := u.files[opfDir+file]; !strings.Contains(string(doc), `<section class="chapter" epub:type="chapter" role="doc-chapter" id="`+want+`"`) {
						t.Fatalf("entry %d: %s has no chapter %s", i, file, want)
					}
				} else if frag != "" {
					t.Fatalf("entry %d, first of its document, leads to #%s", i, frag)
				}
			}
		})
	}
}

// TestBookKeepsNoSpareRoom: the book Build returns holds no more than
// zipSlack of unused buffer. Its container's buffer is sized for text
// deflating to half, and one-line sections deflate to a tenth or less:
// the book (held until the build's files are written, through the PDF's
// drawing in EPUB+PDF) kept eight times its size, 56 MB for 4 MiB.
func TestBookKeepsNoSpareRoom(t *testing.T) {
	g := loadGrowth(t, growth.Sections, 12000)
	out := build(t, g, fixed)
	if spare := cap(out) - len(out); spare > zipSlack {
		t.Errorf("the %d-byte book holds %d bytes of unused room, want at most %d", len(out), spare, zipSlack)
	}
	if b := trimmed(make([]byte, 10, 10+zipSlack)); cap(b) != 10+zipSlack {
		t.Errorf("a small book's buffer was copied (cap %d): it is trimmed only past zipSlack", cap(b))
	}
}

// TestContainerBufferFollowsItsSize: the container of a large book whose
// files deflate well is written into a buffer about its size, not half
// its files' (zipFirst). 48 MB of repeated markup (a sixteenth of it
// once deflated, as one-line sections are): bytes allocated by
// zipDeterministic, a warm deflater pool, at most 8 MB beyond three
// times the container: 5.0 MB for a 0.4 MB container, 25.9 MB before (a
// buffer for half the files). 4 MiB of one-line sections, EPUB+PDF, held
// 59 MB of it beside the EPUB's 118 MB of files and the PDF's plan.
func TestContainerBufferFollowsItsSize(t *testing.T) {
	if growth.Race {
		t.Skip("a memory test: the race detector's bookkeeping distorts it; `make test` runs this again without -race")
	}
	files := map[string][]byte{containerXML: []byte(containerDocument)}
	page := []byte(strings.Repeat("<section><h2>Heading</h2><p>Text of a one-line section.</p></section>\n", 1000))
	for i := range 48 << 20 / len(page) {
		files[fmt.Sprintf("EPUB/xhtml/chapter-%d.xhtml", i)] = page
	}
	if _, err := zipDeterministic(map[string][]byte{"a": page}, fixed.Time()); err != nil { // the deflaters made
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	out, err := zipDeterministic(files, fixed.Time())
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d files, %.1f MB; container %.1f MB; %.1f MB allocated", len(files), 48.0, float64(len(out))/1e6, float64(alloc)/1e6)
	if want := uint64(8<<20 + 3*len(out)); alloc > want {
		t.Errorf("zipping %.1f MB of files into a %.1f MB container allocated %.1f MB, want at most %.1f MB",
			48.0, float64(len(out))/1e6, float64(alloc)/1e6, float64(want)/1e6)
	}
}
