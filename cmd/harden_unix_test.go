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
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/guidepress/guidepress/batch"
)

// Defect 4: the first SIGTERM or SIGINT ends a build blocked reading its
// input (a FIFO with no writer, a pipe whose writer is idle) at once, with
// the interrupted summary and 143 or 130.
//
// Nothing here is timed: the signal is sent once the build watches for
// signals (signalsWatched) and, for standard input, once its read has
// begun (the FIFO's open blocks where the test cannot see it: a short
// wait, and a signal that comes before the open still ends the build
// the same way, the input not started). Before the fix the read never
// returned (the FIFO has no writer, the pipe's writer never writes) and
// the test failed on its deadline, which only catches that hang. It had
// slept 300 ms for the build to reach its read and wanted the exit within
// 2 s of the signal: on a loaded machine a signal sent before the build
// watched for it was taken by the test's guard, and the build waited on.
func TestSignalAbandonsABlockedRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "guide.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// Release the open left waiting for a writer.
	releaseFIFO := func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}
	defer releaseFIFO()
	pr, pw := io.Pipe()
	defer pw.Close()
	stdinRead := make(chan struct{})
	for _, tc := range []struct {
		name    string
		sig     syscall.Signal
		arg     string
		in      io.Reader
		reading <-chan struct{} // closed once the read has begun, or nil
		release func()          // ends the read
		code    int
	}{
		{"FIFO with no writer, SIGTERM", syscall.SIGTERM, fifo, strings.NewReader(""), nil, releaseFIFO, 143},
		{"idle standard input, SIGINT", syscall.SIGINT, "-", &readBegun{r: pr, begun: stdinRead}, stdinRead, func() { pw.Close() }, 130},
	} {
		t.Run(tc.name, func(t *testing.T) {
			guard := make(chan os.Signal, 1)
			signal.Notify(guard, tc.sig) // a late signal must not kill the test
			defer signal.Stop(guard)
			watched := make(chan struct{})
			var once sync.Once
			signalsWatched = func() { once.Do(func() { close(watched) }) }
			defer func() { signalsWatched = func() {} }()
			var errb syncBuffer
			ios := &IOStreams{In: tc.in, Out: &bytes.Buffer{}, Err: &errb}
			done := make(chan int, 1)
			go func() { done <- Main(ios, []string{"build", tc.arg, "-o", filepath.Join(dir, "out")}) }()
			select {
			case <-watched:
			case code := <-done:
				t.Fatalf("exit %d before the build watched for signals\n%s", code, errb.String())
			}
			if tc.reading != nil {
				<-tc.reading
			} else {
				time.Sleep(300 * time.Millisecond) // most likely in the FIFO's open by now
			}
			syscall.Kill(os.Getpid(), tc.sig)
			select {
			case code := <-done:
				if code != tc.code {
					t.Errorf("exit %d, want %d\n%s", code, tc.code, errb.String())
				}
				last := lastLines(errb.String(), 1)
				if !strings.HasPrefix(last, "interrupted:") || !strings.Contains(last, "1 not started") {
					t.Errorf("summary %q, want the interrupted one", last)
				}
				if strings.Contains(errb.String(), "empty") {
					t.Errorf("reported as an empty file:\n%s", errb.String())
				}
			case <-time.After(60 * time.Second):
				// Ended, so that its signal handler does not take the
				// next subtest's signal for a second one and exit.
				tc.release()
				<-done
				t.Fatal("the signal did not end the blocked read")
			}
		})
	}
}

// readBegun is r, closing begun at its first Read.
type readBegun struct {
	r     io.Reader
	begun chan struct{}
	once  sync.Once
}

func (b *readBegun) Read(p []byte) (int, error) {
	b.once.Do(func() { close(b.begun) })
	return b.r.Read(p)
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
