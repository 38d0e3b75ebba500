//go:build linux

package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
)

// Defect 1 through the whole command: a batch into a folder with room for
// a guide's EPUB but not for its PDF as well. Before, every guide's new EPUB
// replaced the old one beside its old PDF and the summary counted none of
// them; now each guide keeps both earlier files or gets both new ones, and
// the summary's file count is exactly what changed on disk. Needs root to
// mount a small tmpfs; skipped otherwise.
func TestDiskFullBatchKeepsEachGuideWhole(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(out, 0o755)
	if err := syscall.Mount("tmpfs", out, "tmpfs", 0, "size=4m"); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v): needs root", err)
	}
	t.Cleanup(func() { syscall.Unmount(out, 0) })
	in := filepath.Join(t.TempDir(), "in")
	os.MkdirAll(in, 0o755)
	src, _ := os.ReadFile(example(t))
	const n = 6
	for i := range n {
		os.WriteFile(filepath.Join(in, fmt.Sprintf("g%d.txt", i)), src, 0o644)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1600000000")
	if code, _, stderr := run(t, "", "build", in, "-o", out, "-j", "1"); code != 0 {
		t.Fatalf("first build: %s", stderr)
	}
	old := map[string][]byte{}
	for i := range n {
		for _, ext := range []string{".epub", ".pdf"} {
			name := fmt.Sprintf("g%d%s", i, ext)
			old[name], _ = os.ReadFile(filepath.Join(out, name))
		}
	}
	// Leave room for the EPUB (written first) but not for the EPUB and
	// the PDF at once, which a guide now needs.
	e, p := int64(len(old["g0.epub"])), int64(len(old["g0.pdf"]))
	var st syscall.Statfs_t
	syscall.Statfs(out, &st)
	free := int64(st.Bavail) * st.Bsize
	leave := (e + p) / 2
	filler, _ := os.Create(filepath.Join(out, "filler"))
	if err := syscall.Fallocate(int(filler.Fd()), 0, 0, free-leave); err != nil {
		t.Skipf("fallocate: %v", err)
	}
	filler.Close()

	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	_, _, stderr := run(t, "", "build", in, "-o", out, "-j", "1")
	changed := 0
	for i := range n {
		var isNew [2]bool
		for k, ext := range []string{".epub", ".pdf"} {
			name := fmt.Sprintf("g%d%s", i, ext)
			now, _ := os.ReadFile(filepath.Join(out, name))
			isNew[k] = !bytes.Equal(now, old[name])
			if isNew[k] {
				changed++
			}
		}
		if isNew[0] != isNew[1] {
			t.Errorf("g%d: new EPUB %v beside new PDF %v", i, isNew[0], isNew[1])
		}
	}
	m := regexp.MustCompile(`(\d+) guides? built \((\d+) files?\), (\d+) failed`).FindStringSubmatch(lastLines(stderr, 1))
	if m == nil {
		t.Fatalf("no summary:\n%s", stderr)
	}
	if files, _ := strconv.Atoi(m[2]); files != changed {
		t.Errorf("summary counts %d files, %d changed on disk", files, changed)
	}
	if failed, _ := strconv.Atoi(m[3]); failed == 0 {
		t.Errorf("nothing failed: the folder should have been too full\n%s", stderr)
	}
	entries, _ := os.ReadDir(out)
	for _, en := range entries {
		if en.Name()[0] == '.' {
			t.Errorf("left behind: %s", en.Name())
		}
	}
}
