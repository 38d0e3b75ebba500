package cmd

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// pngFile writes a w×h PNG and returns its path.
func pngFile(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadFlagValuesAreUsageErrors: a flag with a bad value is the command
// line's fault, so it must be refused once, before anything is built, with
// exit 2 and a message naming the flag and the fix — not reported as a
// failure of every input.
func TestBadFlagValuesAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	ex := example(t)
	good := pngFile(t, dir, "ok.png", 60, 90)
	data, _ := os.ReadFile(good)
	truncated := filepath.Join(dir, "truncated.png")
	os.WriteFile(truncated, data[:len(data)/2], 0o644)
	huge := pngFile(t, dir, "huge.png", 9000, 10)
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)

	for _, tt := range []struct {
		name string
		args []string
		want []string
	}{
		{"lang with a space", []string{"--lang", "x y"}, []string{"--lang", `"x y"`, "en-GB"}},
		{"lang with underscore", []string{"--lang", "en_US"}, []string{"--lang", "en-US"}},
		{"cover truncated", []string{"--cover", truncated}, []string{"--cover", "truncated.png", "cut short"}},
		{"cover too large", []string{"--cover", huge}, []string{"--cover", "huge.png", "9000", "8000"}},
		{"cover is a directory", []string{"--cover", dir}, []string{"--cover", "is a directory"}},
		{"cover is endless", []string{"--cover", "/dev/zero"}, []string{"--cover", "/dev/zero", "larger than"}},
		{"cover without the EPUB", []string{"--cover", good, "--format", "pdf"}, []string{"--cover", "does not include epub"}},
		{"author with a line break", []string{"--author", "Ms.\nRivera"}, []string{"--author", "line break"}},
		{"author with an escape", []string{"--author", "Ms. Rivera\x1b[31m"}, []string{"--author", "control character"}},
		{"publisher not UTF-8", []string{"--publisher", "Hilltop \xff"}, []string{"--publisher", "UTF-8"}},
		{"publisher very long", []string{"--publisher", strings.Repeat("P", 5000)}, []string{"--publisher", "5000 characters", "at most"}},
		{"output is a file", []string{"-o", file}, []string{"-o", file, "not a directory"}},
		{"output under a file", []string{"-o", filepath.Join(file, "sub")}, []string{"-o", file, "not a directory"}},
		{"output empty", []string{"-o", ""}, []string{"-o", "directory"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(tt.name, " ", "-"))
			args := append([]string{"build", ex, fixtures(t)[0], "-o", out}, tt.args...)
			code, _, stderr := run(t, "", args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want 2\n%s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if n := strings.Count(stderr, "\n"); n > 2 {
				t.Errorf("want one message, not one per input:\n%s", stderr)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("something was built: %v", entries)
			}
		})
	}
}

// --cover replaces the EPUB's cover only; a user building both formats is
// told the PDF keeps its own, and -q silences the note.
func TestCoverNoteForPDF(t *testing.T) {
	dir := t.TempDir()
	img := pngFile(t, dir, "art.png", 400, 640)
	for _, tt := range []struct {
		args []string
		note bool
	}{
		{[]string{"--cover", img}, true},
		{[]string{"--cover", img, "-q"}, false},
		{[]string{"--cover", img, "--format", "epub"}, false},
	} {
		args := append([]string{"build", example(t), "-o", t.TempDir()}, tt.args...)
		code, _, stderr := run(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s", tt.args, code, stderr)
		}
		if got := strings.Contains(stderr, "note: --cover is used for the EPUB"); got != tt.note {
			t.Errorf("%v: note printed %v, want %v\n%s", tt.args, got, tt.note, stderr)
		}
	}
}

func TestSourceDateEpochBeyondYear9999(t *testing.T) {
	for _, v := range []string{"253402300800", "99999999999999", "9223372036854775807"} {
		t.Setenv("SOURCE_DATE_EPOCH", v)
		code, _, stderr := run(t, "", "build", example(t), "-o", t.TempDir())
		if code != ExitUsage || !strings.Contains(stderr, "SOURCE_DATE_EPOCH") || !strings.Contains(stderr, "9999") {
			t.Errorf("SOURCE_DATE_EPOCH=%s: exit %d, stderr %q; want exit 2 naming the year 9999 limit", v, code, stderr)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "253402300799") // the last second of 9999 is fine
	if code, _, stderr := run(t, "", "build", example(t), "-o", t.TempDir(), "--format", "epub"); code != 0 {
		t.Errorf("SOURCE_DATE_EPOCH at the end of 9999: exit %d %s", code, stderr)
	}
}

// An input named like an output (guide.pdf holding a plain-text guide,
// which is allowed: content decides the format) must not be overwritten by
// its own output.
func TestOutputNeverOverwritesItsInput(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(example(t))
	in := filepath.Join(dir, "guide.pdf")
	os.WriteFile(in, src, 0o644)
	code, _, stderr := run(t, "", "build", in, "-o", dir)
	if code != ExitUsage || !strings.Contains(stderr, in) || !strings.Contains(stderr, "-o") {
		t.Errorf("exit %d, stderr %q; want exit 2 naming the input and -o", code, stderr)
	}
	if got, _ := os.ReadFile(in); !bytes.Equal(got, src) {
		t.Error("the input was overwritten by its own output")
	}
}

// The same file named twice (directly, through ./, or as a file and its
// directory) is one input: it is built once, not refused as a name clash.
func TestSameFileTwiceIsBuiltOnce(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(example(t))
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	g := filepath.Join(in, "emma.txt")
	os.WriteFile(g, src, 0o644)
	for _, args := range [][]string{
		{g, g},
		{g, filepath.Join(in, ".", "emma.txt")},
		{g, in},
	} {
		out := t.TempDir()
		code, _, stderr := run(t, "", append([]string{"build", "--format", "epub", "-o", out}, args...)...)
		if code != 0 || !strings.Contains(stderr, "1 guide built (1 file)") {
			t.Errorf("%v: exit %d\n%s", args, code, stderr)
		}
	}
}

// Names that differ only in Unicode normalisation are one file on macOS
// (APFS and HFS+), so they would overwrite each other there.
func TestNamesDifferingInNormalisationClash(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(example(t))
	nfc := filepath.Join(dir, "a", "caf\u00e9.txt")
	nfd := filepath.Join(dir, "b", "cafe\u0301.txt")
	for _, p := range []string{nfc, nfd} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, src, 0o644)
	}
	code, _, stderr := run(t, "", "build", nfc, nfd, "-o", filepath.Join(dir, "out"))
	if code != ExitUsage || !strings.Contains(stderr, "would both be written") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestBrokenLinksAreNamedAsSuch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(in, "dangling.txt"))
	os.Symlink("loop-b.txt", filepath.Join(in, "loop-a.txt"))
	os.Symlink("loop-a.txt", filepath.Join(in, "loop-b.txt"))
	// Named on the command line: a usage error that says it is a link.
	code, _, stderr := run(t, "", "build", filepath.Join(in, "dangling.txt"), "-o", filepath.Join(dir, "out"))
	if code != ExitUsage || !strings.Contains(stderr, "symbolic link") || !strings.Contains(stderr, "gone.txt") {
		t.Errorf("dangling link argument: exit %d, stderr %q", code, stderr)
	}
	// Found in a directory: that entry fails, saying so.
	code, _, stderr = run(t, "", "build", in, "-o", filepath.Join(dir, "out"))
	if code != ExitFailed {
		t.Errorf("exit %d", code)
	}
	for _, name := range []string{"dangling.txt", "loop-a.txt", "loop-b.txt"} {
		if line := errorLine(stderr, name); !strings.Contains(line, "symbolic link") || !strings.Contains(line, "fix or remove the link") {
			t.Errorf("%s: error line %q should say it is a broken symbolic link", name, line)
		}
	}
}

func TestInspectArgumentErrors(t *testing.T) {
	dir := t.TempDir()
	ex := example(t)
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"inspect", ex, ex}, []string{"one guide", "once per file"}},
		{[]string{"inspect", dir}, []string{dir, "is a directory", "build"}},
		{[]string{"inspect", filepath.Join(dir, "nope.txt")}, []string{"nope.txt", "no such file"}},
		{[]string{"inspect", "--lang", "x y", ex}, []string{"--lang", `"x y"`}},
	} {
		code, _, stderr := run(t, "", tt.args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want 2\n%s", tt.args, code, stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", tt.args, w, stderr)
			}
		}
	}
}

// A file whose name starts with a dash is read as a flag; the message must
// say how to name it.
func TestLeadingDashFileHint(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	src, _ := os.ReadFile(example(t))
	os.WriteFile("-dash.txt", src, 0o644)
	code, _, stderr := run(t, "", "build", "-dash.txt")
	if code != ExitUsage || !strings.Contains(stderr, "./-dash.txt") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestFormatListToleratesEmptyEntries(t *testing.T) {
	code, _, stderr := run(t, "", "build", example(t), "-o", t.TempDir(), "--format", "epub,")
	if code != 0 {
		t.Errorf("--format epub,: exit %d %s", code, stderr)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// --fail-fast: the inputs it does not start are neither failures nor
// nameless error lines; the summary counts them apart.
func TestFailFastSummaryCountsNotStarted(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	src, _ := os.ReadFile(fixtures(t)[0])
	os.WriteFile(filepath.Join(in, "a0.txt"), nil, 0o644)
	for _, n := range []string{"b", "c", "d"} {
		os.WriteFile(filepath.Join(in, n+".txt"), src, 0o644)
	}
	code, _, stderr := run(t, "", "build", in, "-o", filepath.Join(dir, "out"), "-j", "1", "--fail-fast")
	if code != ExitFailed {
		t.Errorf("exit %d, want 1", code)
	}
	if n := strings.Count(stderr, "error:"); n != 1 {
		t.Errorf("%d error lines, want the one real failure:\n%s", n, stderr)
	}
	if last := lastLines(stderr, 1); !strings.Contains(last, "1 failed, 3 not started (--fail-fast)") {
		t.Errorf("summary %q", last)
	}
}
