package tags

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/internal/growth"
)

// tagged is a tree of n paragraphs, each marked once, on pages of ten.
func tagged(t *testing.T, n int) *Tagger {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	tg := New()
	for i := range n {
		if i%10 == 0 {
			tg.Close(p)
			p.AddPage()
			tg.Page()
		}
		tg.Mark(p, "P", i, nil, false, nil)
	}
	tg.Close(p)
	if err := tg.Complete((n + 9) / 10); err != nil {
		t.Fatal(err)
	}
	return tg
}

// TestStructObjectsStream: the tree's objects are handed over one at a
// time from one buffer, never held all at once beside the tree. They were
// returned as a slice of one allocation each: 195,699 one-line sections
// made ~1.4 million objects, which with fpdf's file and the output took
// the live heap at the end of a build from ~510 MB to ~1,010 MB.
func TestStructObjectsStream(t *testing.T) {
	if growth.Race {
		t.Skip("it counts allocations, which the race detector adds to (its sync.Pool drops items at random); `make test` runs this again without -race")
	}
	const n = 20000
	tg := tagged(t, n)
	pages := make([]int, (n+9)/10)
	for i := range pages {
		pages[i] = 3 + i
	}
	count, size := 0, 0
	var past string // an element past the first chunk of elements
	emit := func(i int, obj []byte) {
		if i != count {
			t.Fatalf("object %d given as %d", count, i)
		}
		if i == 3+elemChunk+904 {
			past = string(obj)
		}
		count++
		size += len(obj)
	}
	allocs := testing.AllocsPerRun(1, func() {
		count, size = 0, 0
		if err := tg.StructObjects(100000, 200000, pages, emit); err != nil {
			t.Fatal(err)
		}
	})
	if count != tg.ObjectCount() {
		t.Errorf("%d objects given, ObjectCount says %d", count, tg.ObjectCount())
	}
	if want := "<</Type /StructElem /S /P /P 100002 0 R /Pg 503 0 R /K [0]>>"; past != want {
		t.Errorf("element %d:\n got %s\nwant %s", elemChunk+904, past, want)
	}
	if allocs > n/100 {
		t.Errorf("writing %d elements' objects (%d bytes) made %.0f allocations, want at most %d (one buffer, not one per object)", n, size, allocs, n/100)
	}
}

// TestStructObjectsText: what each object says.
func TestStructObjectsText(t *testing.T) {
	tg := tagged(t, 12)
	var objs [][]byte
	err := tg.StructObjects(50, 90, []int{3, 7}, func(i int, obj []byte) { objs = append(objs, bytes.Clone(obj)) })
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range map[int]string{
		0:  "<</Type /StructTreeRoot /K 52 0 R /ParentTree 51 0 R /ParentTreeNextKey 2>>",
		1:  "<</Nums [0 [53 0 R 54 0 R 55 0 R 56 0 R 57 0 R 58 0 R 59 0 R 60 0 R 61 0 R 62 0 R] 1 [63 0 R 64 0 R] ]>>",
		2:  "<</Type /StructElem /S /Document /P 50 0 R /K [53 0 R 54 0 R 55 0 R 56 0 R 57 0 R 58 0 R 59 0 R 60 0 R 61 0 R 62 0 R 63 0 R 64 0 R]>>",
		3:  "<</Type /StructElem /S /P /P 52 0 R /Pg 3 0 R /K [0]>>",
		14: "<</Type /StructElem /S /P /P 52 0 R /Pg 7 0 R /K [1]>>",
	} {
		if got := string(objs[i]); got != want {
			t.Errorf("object %d:\n got %s\nwant %s", i, got, want)
		}
	}
	if err := tg.StructObjects(50, 90, []int{3}, func(int, []byte) {}); err == nil || !bytes.Contains(fmt.Append(nil, err), []byte("tagged 2 pages but the file has 1")) {
		t.Errorf("a page count that differs: %v, want an error", err)
	}
}

// TestTreeMemory: the tree a long document holds until its objects are
// written is small per element. A 4 MiB guide of one-line sections tags
// about a million elements and two million children; with each element's
// role and attributes as strings and its children in a slice of their
// own, the tree was ~180 MB of the finishing pass's ~490 MB live. A tree
// of paragraphs, each with a link annotation, a /Lang attribute and an
// annotation as a contents row has, is measured after a collection: 253
// bytes a paragraph; 344 with the contents rows' texts kept in a map by
// entry as well (for a paragraph and its link alone: 298 bytes with
// elements of strings and slices, 201 now); 228 with each block's
// element kept in a slice by block rather than a map (253 with the map).
// Each page's MCIDs' owners in one slice for all pages, not a slice a
// page: 228 → 217 bytes a paragraph at ten a page, and 272 → 237 at one
// a page, the long guide of one-line sections' shape (~6.8 MB of its
// 195,699 pages).
func TestTreeMemory(t *testing.T) {
	if growth.Race {
		t.Skip("a memory test: the race detector's shadow memory distorts it")
	}
	for _, tc := range []struct {
		name    string
		perPage int // paragraphs a page
		bound   float64
	}{
		{"ten paragraphs a page", 10, 240},
		// A long guide of one-line sections: a page of each.
		{"a paragraph a page", 1, 250},
	} {
		const n = 40000
		p := fpdf.New("P", "mm", "A4", "")
		links := make([]Node, n) // the layout's, not the tree's
		for i := range links {
			links[i] = Node{Role: "Link", Contents: "a link"}
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		tg := New()
		tg.Langs = map[int]string{}
		for i := range n {
			if i%tc.perPage == 0 {
				tg.Close(p)
				p.AddPage()
				tg.Page()
			}
			if i%10 == 0 {
				tg.Langs[i] = "fr"
			}
			tg.Mark(p, "P", i, nil, false, nil)
			tg.LinkNode(&links[i])
			tg.Link(i, "a contents row") // as a contents entry's row is
		}
		tg.Close(p)
		*p = fpdf.Fpdf{} // what fpdf holds is not the tree's
		runtime.GC()
		runtime.ReadMemStats(&after)
		per := float64(after.HeapAlloc-min(after.HeapAlloc, before.HeapAlloc)) / n
		t.Logf("%s: %d paragraphs with a link each: %.0f bytes a paragraph", tc.name, n, per)
		if per > tc.bound {
			t.Errorf("%s: the tree holds %.0f bytes a paragraph (two elements, four children, two annotations), want at most %.0f", tc.name, per, tc.bound)
		}
		runtime.KeepAlive(tg)
		runtime.KeepAlive(links)
	}
}

// TestHexText pins HexText's encoding (UTF-16BE after a byte order mark,
// a surrogate pair beyond the BMP, U+FFFD for invalid UTF-8) now that it
// encodes rune by rune rather than through []rune and utf16.Encode.
func TestHexText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "<FEFF>"},
		{"Ab 1", "<FEFF0041006200200031>"},
		{"é–", "<FEFF00E92013>"},
		{"𝄞", "<FEFFD834DD1E>"},
		{"a\xffb", "<FEFF0061FFFD0062>"},
	} {
		if got := string(HexText([]byte("x"), c.in)); got != "x"+c.want {
			t.Errorf("HexText(%q) = %s, want x%s", c.in, got, c.want)
		}
	}
}

// TestAppendText: printable ASCII is a literal string, its backslashes
// and parentheses escaped (balanced or not); anything else (a control
// character, DEL, any byte above 0x7E) is HexText's UTF-16.
func TestAppendText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", "()"},
		{"Themes 497", "(Themes 497)"},
		{`a (b) \c) (`, `(a \(b\) \\c\) \()`},
		{"tab\there", "<FEFF00740061006200090068006500720065>"},
		{"del\x7f", "<FEFF00640065006C007F>"},
		{"Café", "<FEFF00430061006600E9>"},
	} {
		if got := string(AppendText([]byte("x"), c.in)); got != "x"+c.want {
			t.Errorf("AppendText(%q) = %s, want x%s", c.in, got, c.want)
		}
	}
}

// TestParentTreeAllocation: the parent tree, one object (16 MB for
// 195,699 pages and 391,398 link annotations), is written into a buffer
// made to its estimated size, not grown from nothing by doubling, which
// allocated about twice its length and copied it as it went. Bytes
// allocated by StructObjects over the parent tree's length.
func TestParentTreeAllocation(t *testing.T) {
	if growth.Race {
		t.Skip("it counts allocations, which the race detector adds to; `make test` runs this again without -race")
	}
	const n = 200000
	tg := tagged(t, n)
	pages := make([]int, (n+9)/10)
	for i := range pages {
		pages[i] = 3 + 2*i
	}
	treeLen := 0
	emit := func(i int, obj []byte) {
		if i == 1 {
			treeLen = len(obj)
		}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := tg.StructObjects(1000000, 2000000, pages, emit); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(treeLen)
	t.Logf("parent tree %d bytes; StructObjects allocated %.2f times that", treeLen, ratio)
	if ratio > 1.4 {
		t.Errorf("StructObjects allocated %.2f times the parent tree's %d bytes, want at most 1.4 (one buffer of its size)", ratio, treeLen)
	}
}
