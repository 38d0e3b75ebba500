package batch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// memSpilled is an output given to export.Options.Spill, held in memory,
// that counts its closes.
type memSpilled struct {
	data   []byte
	closed *atomic.Int32
}

func (m *memSpilled) Size() int64 { return int64(len(m.data)) }
func (m *memSpilled) Head(n int) ([]byte, error) {
	return m.data[:min(n, len(m.data))], nil
}
func (m *memSpilled) CopyTo(f *os.File) error { _, err := f.Write(m.data); return err }
func (m *memSpilled) Close()                  { m.closed.Add(1) }

// TestSpilledOutputs: a format that gives its output to Options.Spill
// (a long PDF, kept in a temporary file) has it copied to its output
// beside the other formats' bytes, committed with them as one, and
// closed whatever happens: written; another format failing; its copy
// failing on a full disk (the earlier outputs stay, nothing is left
// behind); its magic wrong. Rendered in turn, and at once (Overlap: the
// format done first is staged while the other renders).
func TestSpilledOutputs(t *testing.T) {
	var closed atomic.Int32
	spilling := Format{Name: "bin", Ext: ".bin", Magic: []byte("BIN"),
		Render: func(g *content.Guide, eo export.Options) ([]byte, []content.Diagnostic, error) {
			data := "BIN" + g.Book.Title
			if strings.Contains(g.Book.Title, "bad-magic") {
				data = "garbage"
			}
			eo.Spill(&memSpilled{data: []byte(data), closed: &closed})
			return nil, nil, nil
		}}
	cases := []struct {
		title, diskFull string
		wantErr         string
		wantOut         string // the .bin output after, "" for the earlier one
	}{
		{title: "Emma", wantOut: "BINEmma"},
		{title: "render-fails", wantErr: "cannot render"},
		{title: "Persuasion", diskFull: ".bin.", wantErr: "free some space"},
		{title: "Persuasion", diskFull: ".out.", wantErr: "free some space"},
		{title: "bad-magic", wantErr: "does not start like a bin file"},
	}
	for _, overlap := range []bool{false, true} {
		for _, c := range cases {
			t.Run(fmt.Sprint(c.title, c.diskFull, " overlap ", overlap), func(t *testing.T) {
				closed.Store(0)
				dir := t.TempDir()
				out := filepath.Join(dir, "out")
				in := write(t, filepath.Join(dir, "guide.txt"), c.title)
				write(t, filepath.Join(out, "guide.out"), "old out")
				write(t, filepath.Join(out, "guide.bin"), "old bin")
				defer func(w func(*os.File, []byte) error, cp func(*os.File, export.Spilled) error) {
					writeTemp, copyTemp = w, cp
				}(writeTemp, copyTemp)
				full := func(f *os.File) bool { return c.diskFull != "" && strings.Contains(f.Name(), c.diskFull) }
				writeTemp = func(f *os.File, data []byte) error {
					if full(f) {
						return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
					}
					_, err := f.Write(data)
					return err
				}
				copyTemp = func(f *os.File, s export.Spilled) error {
					if full(f) {
						f.Write([]byte("BI"))
						return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
					}
					return s.CopyTo(f)
				}
				o := opts(out)
				o.Formats = []Format{fakeFormats[0], spilling}
				o.Overlap = overlap
				r := Run(context.Background(), []Input{{Path: in}}, o)[0]
				if closed.Load() != 1 {
					t.Errorf("the spilled output was closed %d times, want once", closed.Load())
				}
				if c.wantErr != "" {
					if r.Err == nil || !strings.Contains(r.Err.Error(), c.wantErr) {
						t.Fatalf("err = %v, want %q", r.Err, c.wantErr)
					}
					for name, want := range map[string]string{"guide.out": "old out", "guide.bin": "old bin"} {
						if got, _ := os.ReadFile(filepath.Join(out, name)); string(got) != want {
							t.Errorf("%s = %q, want the earlier %q", name, got, want)
						}
					}
				} else {
					if r.Err != nil {
						t.Fatal(r.Err)
					}
					if got, _ := os.ReadFile(filepath.Join(out, "guide.bin")); string(got) != c.wantOut {
						t.Errorf("guide.bin = %q, want %q", got, c.wantOut)
					}
					if got, _ := os.ReadFile(filepath.Join(out, "guide.out")); string(got) != "OUT:"+c.title {
						t.Errorf("guide.out = %q", got)
					}
				}
				if got := listDir(t, out); strings.Join(got, " ") != "guide.bin guide.out" {
					t.Errorf("out = %v, want the two outputs and nothing else", got)
				}
			})
		}
	}
}
