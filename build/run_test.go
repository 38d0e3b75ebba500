package build

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// fakeImport treats the input as a guide title; "bad" inputs fail and
// "panic" inputs panic, so the pipeline's handling of each is observable.
func fakeImport(name string, data []byte) (*content.Guide, error) {
	s := strings.TrimSpace(string(data))
	switch {
	case s == "bad":
		return nil, errors.New(name + ":1: no guide structure")
	case s == "panic":
		panic("importer bug")
	}
	return &content.Guide{Title: s + " — A Study Guide", Book: content.Book{Title: s}, Language: "en"}, nil
}

var fakeFormats = []Format{
	{Name: "txt", Ext: ".out", Magic: []byte("OUT:"), Render: func(g *content.Guide, _ export.Options) ([]byte, []content.Diagnostic, error) {
		if strings.Contains(g.Book.Title, "render-fails") {
			return nil, nil, errors.New("cannot render")
		}
		return []byte("OUT:" + g.Book.Title), []content.Diagnostic{{Line: 1, Severity: content.Warning, Message: "w"}}, nil
	}},
	{Name: "bin", Ext: ".bin", Magic: []byte("BIN"), Render: func(g *content.Guide, _ export.Options) ([]byte, []content.Diagnostic, error) {
		if strings.Contains(g.Book.Title, "render-panics") {
			panic("exporter bug")
		}
		if strings.Contains(g.Book.Title, "bad-magic") {
			return []byte("garbage"), nil, nil
		}
		return []byte("BIN" + g.Book.Title), nil, nil
	}},
}

func write(t *testing.T, path, data string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func opts(out string) Options {
	return Options{OutDir: out, Formats: fakeFormats, Import: fakeImport, Jobs: 2}
}

func TestRunWritesEveryFormatAndNothingElse(t *testing.T) {
	dir := t.TempDir()
	a := write(t, filepath.Join(dir, "in", "emma.txt"), "Emma")
	b := write(t, filepath.Join(dir, "in", "sub", "dracula.json"), "Dracula")
	out := filepath.Join(dir, "out", "nested") // created on demand
	res := Run(context.Background(), []Input{{Path: a}, {Path: b}}, opts(out))
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Input.Path, r.Err)
		}
		if r.Warnings() != 1 {
			t.Errorf("%s: warnings = %d, want the exporter's 1", r.Input.Path, r.Warnings())
		}
	}
	want := []string{"dracula.bin", "dracula.out", "emma.bin", "emma.out"}
	if got := listDir(t, out); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("output dir = %v, want %v (no temporary files)", got, want)
	}
	got, _ := os.ReadFile(filepath.Join(out, "emma.out"))
	if string(got) != "OUT:Emma" {
		t.Errorf("emma.out = %q", got)
	}
	st, _ := os.Stat(filepath.Join(out, "emma.out"))
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", st.Mode().Perm())
	}
}

func TestFailureKeepsEarlierOutputsAndLeavesNoPartialFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	in := write(t, filepath.Join(dir, "guide.txt"), "Persuasion")
	if r := Run(context.Background(), []Input{{Path: in}}, opts(out)); r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	before := listDir(t, out)
	for _, broken := range []string{"bad", "panic", "render-fails", "render-panics", "bad-magic"} {
		write(t, in, broken)
		r := Run(context.Background(), []Input{{Path: in}}, opts(out))
		if r[0].Err == nil {
			t.Fatalf("%s: want an error", broken)
		}
		if !strings.Contains(r[0].Err.Error(), in) {
			t.Errorf("%s: error %q does not name the file", broken, r[0].Err)
		}
		if got := listDir(t, out); strings.Join(got, " ") != strings.Join(before, " ") {
			t.Errorf("%s: output dir = %v, want %v", broken, got, before)
		}
		data, _ := os.ReadFile(filepath.Join(out, "guide.out"))
		if string(data) != "OUT:Persuasion" {
			t.Errorf("%s: earlier output replaced with %q", broken, data)
		}
	}
}

func TestOutputErrors(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "guide.txt"), "Emma")
	// An output path that is an existing directory.
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(filepath.Join(out, "guide.out"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := Run(context.Background(), []Input{{Path: in}}, opts(out))
	if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), "is a directory") {
		t.Errorf("output path is a directory: err = %v", r[0].Err)
	}
	// An output directory that cannot be created (a file stands in its
	// way; permission bits alone do not stop root, who runs CI).
	blocker := write(t, filepath.Join(dir, "file"), "x")
	r = Run(context.Background(), []Input{{Path: in}}, opts(filepath.Join(blocker, "sub")))
	if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), "cannot create output directory") {
		t.Errorf("unwritable output dir: err = %v", r[0].Err)
	}
}

func TestSizeLimit(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "big.txt"), strings.Repeat("x", 2048))
	o := opts(filepath.Join(dir, "out"))
	o.MaxBytes = 1024
	r := Run(context.Background(), []Input{{Path: in}}, o)
	if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), "1 KiB input limit") || !strings.Contains(r[0].Err.Error(), "--max-size") {
		t.Errorf("err = %v", r[0].Err)
	}
	// Streams are cut off at the limit too.
	o.Stdin = bytes.NewReader(bytes.Repeat([]byte("y"), 4096))
	r = Run(context.Background(), []Input{{Path: Stdin}}, o)
	if r[0].Err == nil || !strings.Contains(r[0].Err.Error(), "<stdin>: larger than") {
		t.Errorf("stdin err = %v", r[0].Err)
	}
}

func TestStdinIsNamedAfterTheBookAndSafely(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	o := opts(out)
	o.Stdin = strings.NewReader("../../etc/Passwd & <Co>")
	r := Run(context.Background(), []Input{{Path: Stdin}}, o)
	if r[0].Err != nil {
		t.Fatal(r[0].Err)
	}
	if got := listDir(t, out); strings.Join(got, " ") != "etc-passwd-co.bin etc-passwd-co.out" {
		t.Errorf("outputs = %v", got)
	}
	// A stdin guide whose name collides with a file input's is refused.
	in := write(t, filepath.Join(dir, "emma.txt"), "Emma")
	o.Stdin = strings.NewReader("Emma")
	r = Run(context.Background(), []Input{{Path: in}, {Path: Stdin}}, o)
	if r[0].Err != nil || r[1].Err == nil || !strings.Contains(r[1].Err.Error(), "also that of") {
		t.Errorf("collision: %v / %v", r[0].Err, r[1].Err)
	}
}

func TestFailFastSkipsTheRest(t *testing.T) {
	dir := t.TempDir()
	var inputs []Input
	inputs = append(inputs, Input{Path: write(t, filepath.Join(dir, "a.txt"), "bad")})
	for _, n := range []string{"b", "c", "d", "e"} {
		inputs = append(inputs, Input{Path: write(t, filepath.Join(dir, n+".txt"), n)})
	}
	o := opts(filepath.Join(dir, "out"))
	o.Jobs = 1
	o.FailFast = true
	res := Run(context.Background(), inputs, o)
	if res[0].Err == nil {
		t.Fatal("first input should fail")
	}
	for _, r := range res[1:] {
		if !errors.Is(r.Err, ErrSkipped) {
			t.Errorf("%s: err = %v, want ErrSkipped", r.Input.Path, r.Err)
		}
	}
}

func TestCollectAndNames(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "lib", "b.txt"), "B")
	write(t, filepath.Join(dir, "lib", "a.json"), "A")
	write(t, filepath.Join(dir, "lib", "notes.pdf"), "skip")
	write(t, filepath.Join(dir, "lib", ".hidden.txt"), "skip")
	write(t, filepath.Join(dir, "lib", ".git", "x.txt"), "skip")
	write(t, filepath.Join(dir, "lib", "deep", "c.TXT"), "C")
	got, err := Collect([]string{filepath.Join(dir, "lib"), "-"})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, in := range got {
		paths = append(paths, strings.TrimPrefix(in.Path, dir+"/"))
	}
	want := "lib/a.json lib/b.txt lib/deep/c.TXT -"
	if strings.Join(paths, " ") != want {
		t.Errorf("Collect = %v, want %s", paths, want)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "missing.txt")}, "no such file or directory"},
		{[]string{"-", "-"}, "more than once"},
		{nil, "no input given"},
		{[]string{filepath.Join(dir, "lib", ".git")}, "no guide files"},
	} {
		if tt.args != nil && strings.Contains(tt.want, "no guide files") {
			os.Remove(filepath.Join(dir, "lib", ".git", "x.txt"))
		}
		_, err := Collect(tt.args)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Collect(%v) err = %v, want %q", tt.args, err, tt.want)
		}
	}

	write(t, filepath.Join(dir, "x", "Emma.txt"), "E")
	write(t, filepath.Join(dir, "y", "emma.json"), "E")
	err = CheckNames([]Input{{Path: filepath.Join(dir, "x", "Emma.txt")}, {Path: filepath.Join(dir, "y", "emma.json")}})
	if err == nil || !strings.Contains(err.Error(), "would both be written as") {
		t.Errorf("CheckNames err = %v", err)
	}
}
