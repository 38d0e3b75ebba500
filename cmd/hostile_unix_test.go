//go:build unix

package cmd

import (
	"bytes"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptLeavesNoTemporaryFiles sends SIGINT to the process while a
// batch runs: the guides in progress finish (their files are complete),
// no new one starts, no temporary file is left, the summary says the batch
// was interrupted and the exit status is 130.
func TestInterruptLeavesNoTemporaryFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a batch")
	}
	// Should the signal arrive after Main has returned, it must not kill
	// the test binary.
	guard := make(chan os.Signal, 1)
	signal.Notify(guard, os.Interrupt)
	defer signal.Stop(guard)

	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	src, _ := os.ReadFile(fixtures(t)[0])
	const n = 200
	for i := range n {
		os.WriteFile(filepath.Join(in, fmt.Sprintf("g%03d.txt", i)), src, 0o644)
	}
	var errb syncBuffer
	ios := &IOStreams{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &errb}
	done := make(chan int)
	go func() { done <- Main(ios, []string{"build", in, "-o", out, "-j", "1", "--format", "epub"}) }()
	deadline := time.Now().Add(20 * time.Second)
	for {
		entries, _ := os.ReadDir(out)
		if len(entries) >= 3 || time.Now().After(deadline) {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	code := <-done
	stderr := errb.String()
	if code != 130 {
		t.Errorf("exit %d, want 130\n%s", code, lastLines(stderr, 3))
	}
	entries, _ := os.ReadDir(out)
	if len(entries) >= n {
		t.Fatalf("the whole batch was built: the interrupt was not seen")
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".epub") || strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	last := lastLines(stderr, 1)
	if !strings.Contains(last, "interrupted") || !strings.Contains(last, "not started") {
		t.Errorf("summary %q should say the batch was interrupted and how many were not started", last)
	}
	if strings.Count(stderr, "error:") > 0 {
		t.Errorf("inputs not started are not errors:\n%s", lastLines(stderr, 5))
	}
}
