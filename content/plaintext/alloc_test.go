package plaintext

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestParseAllocations: reading a guide of many one-line sections
// allocates its lines' units once (sized from the non-blank lines, not
// grown by doubling, and no unit allocated apart and copied), and counts
// a line's words and finds a play's words without copying them: bytes and
// objects allocated a section, which do not move with the machine's
// load as its time does.
func TestParseAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	const n = 6000
	cases := []struct {
		shape          growth.Shape
		bytes, objects float64 // at most, a section
	}{
		// Before (main at c41c650): 2,520 bytes and 22.4 objects a
		// section, 2,310 and 25.5 a subsection; then 1,763 and 14.6,
		// 1,456 and 13.8; with 11f41be's reader 1,758 and 14.5, 1,499
		// and 15.5.
		{growth.Sections, 1900, 16},
		{growth.Subsections, 1700, 17},
	}
	for _, c := range cases {
		text := string(growth.Guide(c.shape, n))
		parse := func() {
			if _, err := Parse(text, Options{}); err != nil {
				t.Fatal(err)
			}
		}
		parse() // warm up: the expressions are compiled once
		o, by := growth.Allocations(parse)
		perO, perB := float64(o)/n, float64(by)/n
		t.Logf("%v: %.0f bytes, %.1f objects a section", c.shape, perB, perO)
		if perB > c.bytes || perO > c.objects {
			t.Errorf("%v: %.0f bytes and %.1f objects allocated a section, want at most %.0f and %.1f", c.shape, perB, perO, c.bytes, c.objects)
		}
	}
}

// TestWordCountAndPlayWord: wordCount is len(strings.Fields) and
// isPlayWord the lowered word's lookup, for every sort of word and space.
func TestWordCountAndPlayWord(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b ", "Act", "ACT", "Scène", "SCÈNE", "AUFTRITT", "Auftritte", "akt\u00a0II", "a\u2003b\tc\nd",
		"\xff\xfe", "x\u0085y", "Heading 12", "aKt", "AUFTR\u0130TT", "szene,", "acto."} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
		if got, want := isPlayWord(s), playWords[strings.ToLower(s)]; got != want {
			t.Errorf("isPlayWord(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestWordsAcrossUnicodeSpaces: the checks that count a line's words
// (headingCase, verseLike, labelledPart) count them as strings.Fields
// does, across every space tidy leaves in a line (a no-break space, an em
// space, an ideographic space), not only ASCII ones: a title typed with a
// no-break space ("Great\u00a0Expectations") counted one word, and was
// not in title case, since c41c650 counted ASCII spaces alone.
func TestWordsAcrossUnicodeSpaces(t *testing.T) {
	for _, s := range []string{"Great Expectations", "Half sunk a shattered visage lies, whose frown,", "The Red-Headed League Analysis", "Notes on Book One"} {
		for _, sp := range []string{"\u00a0", "\u2003", "\u3000"} {
			u := strings.ReplaceAll(s, " ", sp)
			if got, want := headingCase(u), headingCase(s); got != want {
				t.Errorf("headingCase(%q) = %v, with spaces %v", u, got, want)
			}
			if got, want := verseLike(u), verseLike(s); got != want {
				t.Errorf("verseLike(%q) = %v, with spaces %v", u, got, want)
			}
			// labelledPart finds its label after the last ASCII space.
			if i := strings.LastIndexByte(s, ' '); i > 0 {
				u := strings.ReplaceAll(s[:i], " ", sp) + s[i:]
				if got, want := labelledPart(u), labelledPart(s); got != want {
					t.Errorf("labelledPart(%q) = %v, with spaces %v", u, got, want)
				}
			}
		}
	}
}

// TestSectionsGrowByDoubling: a guide's list of sections, appended one
// by one as its headings are read (newSection, newSubsection), allocates
// under three times its final size in all (doubled as it fills: 2.7),
// where append, growing a long slice by a quarter at a time, allocated
// 5.5 times it for 195,699 sections (the 4 MiB sections shape) and
// copied as much; and its room is at most twice its length.
func TestSectionsGrowByDoubling(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	const n = 195699
	var ss []content.Section
	_, by := growth.Allocations(func() {
		ss = nil
		for range n {
			ss = append(roomForOne(ss), content.Section{})
		}
	})
	final := float64(n) * float64(unsafe.Sizeof(content.Section{}))
	if r := float64(by) / final; r > 3 {
		t.Errorf("%d sections: %.1f times their size allocated, want at most 3", n, r)
	}
	if len(ss) != n || cap(ss) > 2*len(ss) {
		t.Errorf("%d sections: len %d, cap %d", n, len(ss), cap(ss))
	}
}
