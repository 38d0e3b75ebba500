package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestManPages(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"guidepress.1", "guidepress-build.1", "guidepress-inspect.1"} {
		data, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil || !bytes.Contains(data, []byte(".TH")) || !bytes.Contains(data, []byte("guidepress")) {
			t.Errorf("%s missing or not a man page: %v", page, err)
		}
	}
	build, _ := os.ReadFile(filepath.Join(dir, "guidepress-build.1"))
	if !bytes.Contains(build, []byte("duplex")) {
		t.Error("the build page does not document --duplex")
	}
}
