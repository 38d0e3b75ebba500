//go:build unix

package cmd

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/guidepress/guidepress/batch"
)

// Defect 4: the first SIGTERM or SIGINT ends a build blocked reading its
// input (a FIFO with no writer, a pipe whose writer is idle) at once, with
// the interrupted summary and 143 or 130.
func TestSignalAbandonsABlockedRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "guide.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	defer func() {
		// Release the open left waiting for a writer.
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}()
	pr, pw := io.Pipe()
	defer pw.Close()
	for _, tc := range []struct {
		name string
		sig  syscall.Signal
		arg  string
		in   io.Reader
		code int
	}{
		{"FIFO with no writer, SIGTERM", syscall.SIGTERM, fifo, strings.NewReader(""), 143},
		{"idle standard input, SIGINT", syscall.SIGINT, "-", pr, 130},
	} {
		t.Run(tc.name, func(t *testing.T) {
			guard := make(chan os.Signal, 1)
			signal.Notify(guard, tc.sig) // a late signal must not kill the test
			defer signal.Stop(guard)
			var errb syncBuffer
			ios := &IOStreams{In: tc.in, Out: &bytes.Buffer{}, Err: &errb}
			done := make(chan int, 1)
			go func() { done <- Main(ios, []string{"build", tc.arg, "-o", filepath.Join(dir, "out")}) }()
			time.Sleep(300 * time.Millisecond) // blocked in the read by now
			sent := time.Now()
			syscall.Kill(os.Getpid(), tc.sig)
			select {
			case code := <-done:
				if code != tc.code {
					t.Errorf("exit %d, want %d\n%s", code, tc.code, errb.String())
				}
				if d := time.Since(sent); d > 2*time.Second {
					t.Errorf("took %v after the signal", d)
				}
				last := lastLines(errb.String(), 1)
				if !strings.HasPrefix(last, "interrupted:") || !strings.Contains(last, "1 not started") {
					t.Errorf("summary %q, want the interrupted one", last)
				}
				if strings.Contains(errb.String(), "empty") {
					t.Errorf("reported as an empty file:\n%s", errb.String())
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the signal did not end the blocked read")
			}
		})
	}
}

// Defect 7: the next build into a folder removes the temporary files of a
// killed run (its PID is gone), says so, and leaves other files alone.
func TestBuildSweepsTemporaryFilesOfKilledRuns(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip(err)
	}
	out := t.TempDir()
	// What a run that was SIGKILLed while writing leaves.
	left := filepath.Join(out, batch.TempName("frankenstein.pdf", dead.Process.Pid))
	os.WriteFile(left, []byte("%PDF-partial"), 0o600)
	other := filepath.Join(out, ".notes.txt")
	os.WriteFile(other, []byte("mine"), 0o644)
	code, _, stderr := run(t, "", "build", example(t), "-o", out, "--format", "epub")
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	if _, err := os.Stat(left); err == nil {
		t.Error("the killed run's temporary file is still there")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("a file of another shape was removed")
	}
	if !strings.Contains(stderr, "removed 1 temporary file left in "+out) {
		t.Errorf("no note of the sweep:\n%s", stderr)
	}
}
