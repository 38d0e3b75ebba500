package pdf

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/finish"
	"github.com/guidepress/guidepress/internal/checkers"
)

// TestLongObjectStreamsFast: a long document's object streams (more
// objects than finish.FastStmAbove, lowered here to take a fixture) are
// compressed at the fastest level: zlib's header says so (FLG 0x01, was
// 0x9c at level 6), the file is a little longer, and it passes
// check-pdf.sh (qpdf, poppler, mupdf, veraPDF as installed) as the
// ordinary one does; the ordinary one is unchanged.
func TestLongObjectStreamsFast(t *testing.T) {
	g := loadFile(t, filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
	opts := export.Options{Modified: fixed}
	plain, _, _ := build(t, g, opts)
	was := finish.FastStmAbove
	t.Cleanup(func() { finish.FastStmAbove = was }) // also when build fails the test
	finish.FastStmAbove = 0
	fast, _, _ := build(t, g, opts)
	finish.FastStmAbove = was
	for _, c := range []struct {
		name string
		pdf  []byte
		flg  byte
	}{{"ordinary", plain, 0x9c}, {"long", fast, 0x01}} {
		i := bytes.Index(c.pdf, []byte("/Type /ObjStm "))
		if i < 0 {
			t.Fatalf("%s: no object stream", c.name)
		}
		j := bytes.Index(c.pdf[i:], []byte(">>\nstream\n"))
		if j < 0 {
			t.Fatalf("%s: the object stream has no data", c.name)
		}
		if z := c.pdf[i+j+len(">>\nstream\n"):]; z[0] != 0x78 || z[1] != c.flg {
			t.Errorf("%s: the object stream starts % x, want 78 %02x", c.name, z[:2], c.flg)
		}
	}
	if len(fast) <= len(plain) {
		t.Errorf("at the fastest level %d bytes, at level 6 %d: want a little more", len(fast), len(plain))
	}
	checkers.MustPass(t, "check-pdf.sh", write(t, "frankenstein-fast-objstm", fast))
}

// TestLongPageStreamsFast: a long document's pages' content streams
// (more pages than finish.FastPagesAbove, lowered here to take a fixture)
// are compressed at level 3: zlib's header says so (FLG 0x5e, was 0x9c at
// level 6) on as many streams as were at level 6 less the other streams
// (fonts, ToUnicode, cross-references), and the file passes check-pdf.sh
// (qpdf, poppler, mupdf, veraPDF as installed). The bytes are the same
// whether the pages were compressed as they were drawn (laid out whole,
// or drawn as laid out) or by the finishing pass (no page streams). The
// ordinary one is unchanged: no stream at level 3. Before, every page
// stream was at level 6 (0 streams with 0x5e).
func TestLongPageStreamsFast(t *testing.T) {
	g := loadFile(t, filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
	opts := export.Options{Modified: fixed}
	plain, lay, _ := build(t, g, opts)
	was, made := finish.FastPagesAbove, newPageStreams
	t.Cleanup(func() { finish.FastPagesAbove, newPageStreams = was, made }) // also when a build fails the test
	finish.FastPagesAbove = 0
	fast, _, _ := build(t, g, opts)
	var streamed []byte
	withStreaming(t, true, func() {
		var err error
		if streamed, _, err = Build(g, opts); err != nil {
			t.Fatal(err)
		}
	})
	newPageStreams = func() *finish.PageStreams { return nil }
	unstreamed, _, _ := build(t, g, opts)
	finish.FastPagesAbove, newPageStreams = was, made

	// levels counts the streams whose zlib header has FLG 0x9c (level 6)
	// and 0x5e (levels 2-5).
	levels := func(pdf []byte) (six, three int) {
		for rest := pdf; ; {
			i := bytes.Index(rest, []byte(">>\nstream\nx"))
			if i < 0 {
				return six, three
			}
			rest = rest[i+len(">>\nstream\nx"):]
			switch rest[0] {
			case 0x9c:
				six++
			case 0x5e:
				three++
			}
		}
	}
	plainSix, plainThree := levels(plain)
	fastSix, fastThree := levels(fast)
	t.Logf("%d pages: ordinary %d streams at level 6, %d at 3, %d bytes; long %d at 6, %d at 3, %d bytes",
		len(lay.Pages), plainSix, plainThree, len(plain), fastSix, fastThree, len(fast))
	if plainThree != 0 {
		t.Errorf("ordinary: %d streams at level 3, want none", plainThree)
	}
	if fastThree != len(lay.Pages) || fastSix+fastThree != plainSix {
		t.Errorf("long: %d streams at level 3 and %d at 6, want the %d pages' at 3 and the other %d at 6",
			fastThree, fastSix, len(lay.Pages), plainSix-len(lay.Pages))
	}
	for _, c := range []struct {
		name string
		pdf  []byte
	}{{"drawn as laid out", streamed}, {"compressed by the finishing pass", unstreamed}} {
		if !bytes.Equal(c.pdf, fast) {
			t.Errorf("long, %s: %d bytes, not the same as the pages compressed as drawn (%d)", c.name, len(c.pdf), len(fast))
		}
	}
	checkers.MustPass(t, "check-pdf.sh", write(t, "frankenstein-fast-pages", fast))
}
