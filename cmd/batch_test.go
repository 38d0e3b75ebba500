package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/guidepress/guidepress/internal/checkers"
)

// fixtures returns the repository's sample guides (plain text).
func fixtures(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(checkers.RepoRoot(), "testdata", "guides", "*.txt"))
	paths = append(paths, filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
	if len(paths) < 5 {
		t.Fatalf("want at least 4 fixtures and the example, found %v", paths)
	}
	return paths
}

// hostile files a librarian's folder may contain, each with the message
// its error line must carry.
var hostile = []struct {
	name string
	data func() []byte
	want string
}{
	{"empty.txt", func() []byte { return nil }, "empty"},
	{"binary.txt", func() []byte {
		return []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x00\x01\x08\x06\x00\x00\x00")
	}, "binary"},
	{"shopping.txt", func() []byte { return []byte("milk\neggs\nflour\n") }, "no"},
	{"broken.json", func() []byte { return []byte("{\n  \"title\": \"x\",\n  \"book\": {\n}") }, ":"},
	{"too-big.txt", func() []byte { return bytes.Repeat([]byte("All work and no play. "), 100_000) }, "--max-size"},
}

// TestBatchOfFiftyGuidesWithHostileFiles is the librarian's day: a folder
// of good guides with bad files mixed in. Every good guide must yield both
// outputs, every bad one a clear error line, the exit status must be 1, no
// partial or temporary file may remain, and a rerun in which one guide has
// become invalid must keep that guide's earlier outputs.
func TestBatchOfFiftyGuidesWithHostileFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 50 guides")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	srcs := fixtures(t)
	var good []string
	for i := 0; i < 50; i++ {
		data, err := os.ReadFile(srcs[i%len(srcs)])
		if err != nil {
			t.Fatal(err)
		}
		if i%5 == 1 { // some arrive with Windows line ends
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		}
		if i%7 == 3 { // and some with a byte-order mark
			data = append([]byte("\xef\xbb\xbf"), data...)
		}
		if i%11 == 5 { // and some saved as UTF-16 by a Windows editor
			data = utf16LE(string(data))
		}
		name := fmt.Sprintf("guide-%02d", i)
		sub := filepath.Join(in, fmt.Sprintf("shelf-%d", i%3))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, name+".txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		good = append(good, name)
	}
	for _, h := range hostile {
		os.WriteFile(filepath.Join(in, h.name), h.data(), 0o644)
	}
	// A link to nowhere stands for a file that cannot be read.
	os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(in, "dangling.txt"))

	code, _, stderr := run(t, "", "build", in, "-o", out, "-j", "2", "--max-size", "1MiB")
	if code != ExitFailed {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, h := range hostile {
		line := errorLine(stderr, h.name)
		if line == "" || !strings.Contains(line, h.want) {
			t.Errorf("%s: error line %q should name the file and contain %q", h.name, line, h.want)
		}
	}
	if line := errorLine(stderr, "dangling.txt"); !strings.Contains(line, "broken symbolic link") {
		t.Errorf("dangling link: %q", line)
	}
	if !strings.Contains(stderr, "50 guides built (100 files), 6 failed") {
		t.Errorf("summary wrong:\n%s", lastLines(stderr, 3))
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 100 {
		t.Errorf("%d files in the output directory, want 100 (no temporary or partial files)", len(entries))
	}
	for _, name := range good {
		assertEPUBWellFormed(t, filepath.Join(out, name+".epub"))
		pdf, err := os.ReadFile(filepath.Join(out, name+".pdf"))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[len(pdf)-64:], []byte("%%EOF")) {
			t.Errorf("%s.pdf is missing or incomplete", name)
		}
	}
	// Two of the fifty through the real validators (all fifty would take
	// minutes; the exporters' own tests validate every fixture).
	// EPUBCheck checks both in one JVM.
	epubs := []string{filepath.Join(out, good[0]+".epub"), filepath.Join(out, good[1]+".epub")}
	for i, r := range checkers.EPUBCheck(t, true, epubs...) {
		if !r.Passed {
			t.Errorf("EPUBCheck failed %s:\n%s", epubs[i], r.Output)
		}
	}
	for _, name := range good[:2] {
		checkers.MustPass(t, "check-pdf.sh", "--no-meta", filepath.Join(out, name+".pdf"))
	}

	// Rerun with one guide turned to garbage: its earlier outputs survive.
	victim := filepath.Join(in, "shelf-0", "guide-00.txt")
	before, _ := os.ReadFile(filepath.Join(out, "guide-00.epub"))
	os.WriteFile(victim, []byte("\x00\x01\x02 not a guide"), 0o644)
	code, _, stderr = run(t, "", "build", victim, "-o", out)
	if code != ExitFailed || errorLine(stderr, "guide-00.txt") == "" {
		t.Fatalf("rerun: exit %d\n%s", code, stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "guide-00.epub"))
	if !bytes.Equal(before, after) {
		t.Error("a failed rebuild changed the earlier good EPUB")
	}
	if entries, _ := os.ReadDir(out); len(entries) != 100 {
		t.Errorf("%d files after the failed rerun, want 100", len(entries))
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func errorLine(stderr, name string) string {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "error: ") && strings.Contains(l, name) {
			return l
		}
	}
	return ""
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// assertEPUBWellFormed opens an EPUB and parses every XML document in it.
func assertEPUBWellFormed(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) || !bytes.Contains(data[:80], []byte("mimetypeapplication/epub+zip")) {
		t.Errorf("%s: mimetype is not the first, stored entry", path)
	}
	if err := wellFormedEPUB(data); err != nil {
		t.Errorf("%s: %v", path, err)
	}
}
