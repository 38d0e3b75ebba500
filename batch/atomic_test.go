package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// A full disk while the second format is written must leave the first
// format's earlier output in place: a guide's outputs are replaced
// together or not at all, and nothing is counted as written.
func TestDiskFullReplacesNoOutputOfTheGuide(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	in := write(t, filepath.Join(dir, "guide.txt"), "Persuasion")
	write(t, filepath.Join(out, "guide.out"), "old out")
	write(t, filepath.Join(out, "guide.bin"), "old bin")

	defer func(w func(*os.File, []byte) error) { writeTemp = w }(writeTemp)
	writeTemp = func(f *os.File, data []byte) error {
		if strings.Contains(f.Name(), ".bin.") {
			f.Write(data[:len(data)/2])
			return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
		}
		_, err := f.Write(data)
		return err
	}
	r := Run(context.Background(), []Input{{Path: in}}, opts(out))[0]
	if r.Err == nil || !errors.Is(r.Err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want no space left", r.Err)
	}
	for _, want := range []string{"guide.bin", "free some space", "no output of this guide was replaced"} {
		if !strings.Contains(r.Err.Error(), want) {
			t.Errorf("error %q does not say %q", r.Err, want)
		}
	}
	if len(r.Outputs) != 0 {
		t.Errorf("outputs = %v, want none", r.Outputs)
	}
	for name, want := range map[string]string{"guide.out": "old out", "guide.bin": "old bin"} {
		if got, _ := os.ReadFile(filepath.Join(out, name)); string(got) != want {
			t.Errorf("%s = %q, want the earlier %q", name, got, want)
		}
	}
	if got := listDir(t, out); strings.Join(got, " ") != "guide.bin guide.out" {
		t.Errorf("out = %v, want the two earlier outputs and nothing else", got)
	}
}

// A rename that fails after another format's succeeded is undone: the
// earlier output comes back from its hard link, and a format that had no
// earlier output is removed.
func TestFailedRenameIsRolledBack(t *testing.T) {
	for _, hadOld := range []bool{true, false} {
		t.Run(fmt.Sprint("earlier outputs ", hadOld), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			in := write(t, filepath.Join(dir, "guide.txt"), "Persuasion")
			os.MkdirAll(out, 0o755)
			if hadOld {
				write(t, filepath.Join(out, "guide.out"), "old out")
				write(t, filepath.Join(out, "guide.bin"), "old bin")
			}
			defer func(r func(string, string) error) { renameFile = r }(renameFile)
			renameFile = func(from, to string) error {
				if strings.HasSuffix(to, ".bin") {
					return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EACCES}
				}
				return os.Rename(from, to)
			}
			r := Run(context.Background(), []Input{{Path: in}}, opts(out))[0]
			if r.Err == nil || !strings.Contains(r.Err.Error(), "replacing "+filepath.Join(out, "guide.bin")) {
				t.Fatalf("err = %v", r.Err)
			}
			if len(r.Outputs) != 0 {
				t.Errorf("outputs = %v, want none", r.Outputs)
			}
			want := ""
			if hadOld {
				want = "guide.bin guide.out"
				if got, _ := os.ReadFile(filepath.Join(out, "guide.out")); string(got) != "old out" {
					t.Errorf("guide.out = %q, want the earlier output back", got)
				}
			}
			if got := listDir(t, out); strings.Join(got, " ") != want {
				t.Errorf("out = %v, want %q", got, want)
			}
		})
	}
}

// A worker renders the next guide while the last one's files are written
// and synced: here the first guide's write waits until the second guide
// has been rendered, which a worker that wrote before moving on (-j 1)
// would never do. With --fail-fast the write comes first, so that a
// failed write stops the batch; the wait then times out and fails the
// first guide, and the second is not started.
func TestBatchRendersWhileWriting(t *testing.T) {
	for _, failFast := range []bool{false, true} {
		t.Run(fmt.Sprint("fail-fast ", failFast), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			first := write(t, filepath.Join(dir, "a.txt"), "First")
			second := write(t, filepath.Join(dir, "b.txt"), "Second")
			rendered := make(chan struct{})
			wait := 60 * time.Second // ends as soon as the second guide is rendered: a bound for a loaded machine
			if failFast {
				wait = 200 * time.Millisecond // it never will be
			}
			o := opts(out)
			o.Jobs, o.FailFast = 1, failFast
			o.Formats = []Format{{Name: "txt", Ext: ".out", Magic: []byte("OUT:"),
				Render: func(g *content.Guide, _ export.Options) ([]byte, []content.Diagnostic, error) {
					if g.Book.Title == "Second" {
						close(rendered)
					}
					return []byte("OUT:" + g.Book.Title), nil, nil
				}}}
			defer func(w func(*os.File, []byte) error) { writeTemp = w }(writeTemp)
			writeTemp = func(f *os.File, data []byte) error {
				if string(data) == "OUT:First" {
					select {
					case <-rendered:
					case <-time.After(wait):
						return errors.New("the second guide was not rendered while the first was written")
					}
				}
				_, err := f.Write(data)
				return err
			}
			done := 0
			o.OnDone = func(Result) { done++ }
			res := Run(context.Background(), []Input{{Path: first}, {Path: second}}, o)
			if failFast {
				if res[0].Err == nil || !errors.Is(res[1].Err, ErrSkipped) {
					t.Fatalf("results = %v, %v; want the first write to fail and the second guide skipped", res[0].Err, res[1].Err)
				}
				return
			}
			for _, r := range res {
				if r.Err != nil || len(r.Outputs) != 1 {
					t.Fatalf("%s: outputs %v, err %v", r.Input.Path, r.Outputs, r.Err)
				}
				if got, err := os.ReadFile(r.Outputs[0]); err != nil || !strings.HasPrefix(string(got), "OUT:") {
					t.Errorf("%s = %q, %v", r.Outputs[0], got, err)
				}
			}
			if done != 2 {
				t.Errorf("OnDone called %d times, want once per guide", done)
			}
			if got := listDir(t, out); strings.Join(got, " ") != "a.out b.out" {
				t.Errorf("out = %v, want a.out b.out and no temporary file", got)
			}
		})
	}
}
