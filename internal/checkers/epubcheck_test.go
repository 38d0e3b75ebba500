package checkers_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
	"github.com/guidepress/guidepress/internal/checkers"
)

// TestEPUBCheckBatch: one JVM checks several books and reports each in
// its place: the example passes, the same book with a content document
// that is not well-formed fails with EPUBCheck's message, and a warning
// fails only with failOnWarnings, as check-epub.sh --fail-on-warnings.
func TestEPUBCheckBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("starts EPUBCheck")
	}
	data, err := os.ReadFile(filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := importer.Load("frankenstein.txt", data, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	good, _, err := epub.Build(g, export.Options{Modified: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// The broken book: the title page loses its closing tags.
	bad := rezip(t, good, func(name string, b []byte) []byte {
		if strings.HasSuffix(name, "title.xhtml") {
			return bytes.TrimSuffix(bytes.TrimSpace(b), []byte("</html>"))
		}
		return b
	})
	files := []string{write("good.epub", good), write("bad.epub", bad), write("good-again.epub", good)}
	res := checkers.EPUBCheck(t, true, files...)
	if len(res) != 3 || !res[0].Passed || res[1].Passed || !res[2].Passed {
		t.Fatalf("want pass, fail, pass; got %+v", res)
	}
	if !strings.Contains(res[1].Output, "FATAL") && !strings.Contains(res[1].Output, "ERROR") || !strings.Contains(res[1].Output, "check-epub: FAIL file=bad.epub") {
		t.Errorf("the broken book's report:\n%s", res[1].Output)
	}
	if !strings.Contains(res[0].Output, "check-epub: PASS file=good.epub epubcheck=5.") {
		t.Errorf("the good book's report:\n%s", res[0].Output)
	}
}

// rezip copies an EPUB, passing every file through edit.
func rezip(t *testing.T, data []byte, edit func(string, []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		h := f.FileHeader
		w, err := zw.CreateHeader(&h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(edit(f.Name, b))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
