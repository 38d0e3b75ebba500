//go:build unix

package batch

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Temporary files left by a run that was killed (SIGKILL) are removed by
// the next build into the folder, but only those provably abandoned: a
// live process's (a concurrent run's), another host's, and files of any
// other shape stay.
func TestSweepRemovesOnlyAbandonedTemporaryFiles(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip(err)
	}
	alive := exec.Command("sleep", "30")
	if err := alive.Start(); err != nil {
		t.Skip(err)
	}
	defer func() { alive.Process.Kill(); alive.Wait() }()

	dir := t.TempDir()
	name := func(kind string, pid int, tag string) string {
		return fmt.Sprintf(".guide.epub.%s-%d-%s-123456", kind, pid, tag)
	}
	gone := []string{
		name("tmp", dead.Process.Pid, processTag()),
		name("old", dead.Process.Pid, processTag()),
		fmt.Sprintf(".guidepress.probe-%d-%s-42", dead.Process.Pid, processTag()),
	}
	kept := []string{
		name("tmp", alive.Process.Pid, processTag()), // a concurrent run
		name("tmp", os.Getpid(), processTag()),       // this process's own write
		name("tmp", dead.Process.Pid, "0badc0de"),    // another host's
		".guide.epub.tmp-123456",                     // no PID: cannot tell
		"guide.epub",
	}
	for _, n := range append(append([]string{}, gone...), kept...) {
		write(t, filepath.Join(dir, n), "partial")
	}
	removed := SweepAbandoned(dir)
	if strings.Join(removed, " ") != strings.Join(sorted(gone), " ") {
		t.Errorf("removed %v, want %v", removed, sorted(gone))
	}
	if got := listDir(t, dir); strings.Join(got, " ") != strings.Join(sorted(kept), " ") {
		t.Errorf("left %v, want %v", got, sorted(kept))
	}
}

// The temporary files a build makes carry what SweepAbandoned needs.
func TestTemporaryNamesCarryThePID(t *testing.T) {
	dir := t.TempDir()
	f, err := temps.create(dir, tempPattern("guide.epub", "tmp"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { f.Close(); os.Remove(f.Name()); temps.forget(f.Name()) }()
	m := abandonedName.FindStringSubmatch(filepath.Base(f.Name()))
	if m == nil || m[2] != fmt.Sprint(os.Getpid()) || m[3] != processTag() {
		t.Errorf("temporary name %s does not carry this process's PID and tag", f.Name())
	}
	long := strings.Repeat("é", 200) + ".epub"
	g, err := temps.create(dir, tempPattern(long, "tmp"))
	if err != nil {
		t.Fatalf("a long output name gives a temporary name too long: %v", err)
	}
	g.Close()
	os.Remove(g.Name())
	temps.forget(g.Name())
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	sort.Strings(out)
	return out
}
