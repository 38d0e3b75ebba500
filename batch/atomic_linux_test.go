//go:build linux

package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// The same on a real small file system: a batch into a 256 KiB tmpfs runs
// out of space part way. Every guide keeps either both earlier outputs or
// gets both new ones, the results count exactly the new files on disk,
// and no temporary file is left. Needs root (to mount); skipped otherwise.
func TestBatchIntoAFullFileSystem(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(out, 0o755)
	if err := syscall.Mount("tmpfs", out, "tmpfs", 0, "size=256k"); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v): needs root", err)
	}
	t.Cleanup(func() { syscall.Unmount(out, 0) })
	dir := t.TempDir()
	const n = 12
	var inputs []Input
	for i := range n {
		name := fmt.Sprintf("g%02d", i)
		inputs = append(inputs, Input{Path: write(t, filepath.Join(dir, name+".txt"), name)})
		write(t, filepath.Join(out, name+".epub"), "OLD")
		write(t, filepath.Join(out, name+".pdf"), "OLD")
	}
	big := func(magic string, size int) func(*content.Guide, export.Options) ([]byte, []content.Diagnostic, error) {
		return func(g *content.Guide, _ export.Options) ([]byte, []content.Diagnostic, error) {
			b := []byte(magic + g.Book.Title)
			return append(b, bytes.Repeat([]byte{'x'}, size)...), nil, nil
		}
	}
	o := opts(out)
	o.Formats = []Format{
		{Name: "epub", Ext: ".epub", Magic: []byte("PK"), Render: big("PK", 8<<10)},
		{Name: "pdf", Ext: ".pdf", Magic: []byte("%PDF"), Render: big("%PDF", 40<<10)},
	}
	res := Run(context.Background(), inputs, o)
	built, failed, counted := 0, 0, 0
	for i, r := range res {
		counted += len(r.Outputs)
		name := fmt.Sprintf("g%02d", i)
		epub, _ := os.ReadFile(filepath.Join(out, name+".epub"))
		pdf, _ := os.ReadFile(filepath.Join(out, name+".pdf"))
		newEPUB, newPDF := string(epub) != "OLD", string(pdf) != "OLD"
		if newEPUB != newPDF {
			t.Errorf("%s: new EPUB %v beside new PDF %v: the guide's outputs were not replaced together (err %v)", name, newEPUB, newPDF, r.Err)
		}
		if r.Err == nil {
			built++
			if !newEPUB || !newPDF || len(r.Outputs) != 2 {
				t.Errorf("%s: built, but outputs %v", name, r.Outputs)
			}
		} else {
			failed++
			if !errors.Is(r.Err, syscall.ENOSPC) {
				t.Errorf("%s: err %v, want no space left on device", name, r.Err)
			}
			if newEPUB || len(r.Outputs) != 0 {
				t.Errorf("%s: failed but outputs %v", name, r.Outputs)
			}
		}
	}
	if built == 0 || failed == 0 {
		t.Fatalf("built %d, failed %d: the file system should fill part way", built, failed)
	}
	if counted != 2*built {
		t.Errorf("counted %d files written, %d are new", counted, 2*built)
	}
	for _, name := range listDir(t, out) {
		if strings.HasPrefix(name, ".") {
			t.Errorf("left behind: %s", name)
		}
	}
}
