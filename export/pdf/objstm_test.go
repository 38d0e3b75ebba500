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
