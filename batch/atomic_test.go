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

// With Overlap (a one-guide build) the format done first has its file
// written and synced while the other still renders, and renamed into
// place only with the other's: the print format here waits, while it
// renders, for the reader's temporary file to hold its whole output
// (which a build that stages only once every format is rendered never
// shows), then ends as the case says. A failure after that leaves the
// earlier outputs and no temporary file; a failed stage (the file
// cannot be written early) is left to the write after rendering, which
// reports it as it always has.
func TestOverlapStagesTheFirstDoneWhileTheOtherRenders(t *testing.T) {
	for _, tc := range []struct {
		name       string
		printErr   error
		failWrite  bool   // the reader's file cannot be written, early or late
		wantErr    string // "" for none
		wantStaged bool
	}{
		{"both written", nil, false, "", true},
		{"print fails", errors.New("no paper"), false, "print export failed: no paper", true},
		{"reader's file cannot be written", nil, true, "no space left", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			in := write(t, filepath.Join(dir, "g.txt"), "Emma")
			write(t, filepath.Join(out, "g.book"), "old book")
			write(t, filepath.Join(out, "g.print"), "old print")
			if tc.failWrite {
				defer func(w func(*os.File, []byte) error) { writeTemp = w }(writeTemp)
				writeTemp = func(f *os.File, data []byte) error {
					if strings.Contains(f.Name(), ".book.") {
						return &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
					}
					_, err := f.Write(data)
					return err
				}
			}
			staged := false
			reader := Format{Name: "book", Ext: ".book", Magic: []byte("BOOK"), Render: func(g *content.Guide, o export.Options) ([]byte, []content.Diagnostic, error) {
				return []byte("BOOK " + g.Book.Title), nil, nil
			}}
			printed := Format{Name: "print", Ext: ".print", Magic: []byte("PRINT"),
				Pages: func(g *content.Guide, o export.Options, pages func([]export.PageStart)) ([]byte, []content.Diagnostic, error) {
					pages(nil)
					// Until staged, or for long enough that a loaded
					// machine has run the reader and written its file (1 s
					// could fail there); a file that cannot be written is
					// never staged, however long it is waited for.
					wait := 60 * time.Second
					if !tc.wantStaged {
						wait = time.Second
					}
					for deadline := time.Now().Add(wait); time.Now().Before(deadline) && !staged; time.Sleep(2 * time.Millisecond) {
						tmps, _ := filepath.Glob(filepath.Join(out, ".g.book.tmp-*"))
						for _, tmp := range tmps {
							if b, _ := os.ReadFile(tmp); string(b) == "BOOK Emma" {
								staged = true
							}
						}
					}
					if tc.printErr != nil {
						return nil, nil, tc.printErr
					}
					return []byte("PRINT " + g.Book.Title), nil, nil
				}}
			o := opts(out)
			o.Formats = []Format{reader, printed}
			o.Export.PageStarts = func(*content.Guide, export.Options) ([]export.PageStart, error) { return nil, nil }
			o.Overlap = true
			r := Run(context.Background(), []Input{{Path: in}}, o)[0]
			if staged != tc.wantStaged {
				t.Errorf("the reader's file staged while the print format rendered: %v, want %v", staged, tc.wantStaged)
			}
			want := map[string]string{"g.book": "BOOK Emma", "g.print": "PRINT Emma"}
			if tc.wantErr == "" {
				if r.Err != nil || len(r.Outputs) != 2 {
					t.Fatalf("outputs %v, err %v", r.Outputs, r.Err)
				}
			} else {
				if r.Err == nil || !strings.Contains(r.Err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one saying %q", r.Err, tc.wantErr)
				}
				want = map[string]string{"g.book": "old book", "g.print": "old print"}
			}
			for name, w := range want {
				if got, _ := os.ReadFile(filepath.Join(out, name)); string(got) != w {
					t.Errorf("%s = %q, want %q", name, got, w)
				}
			}
			if got := listDir(t, out); strings.Join(got, " ") != "g.book g.print" {
				t.Errorf("out = %v, want the two outputs and no temporary file", got)
			}
		})
	}
}
