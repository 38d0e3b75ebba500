package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMarcFormatAndBaseURL(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := run(t, "", "build", example(t), "-o", out, "--format", "marc,epub", "--base-url", "https://lib.example.org/guides/", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "frankenstein.marc.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<record xmlns="http://www.loc.gov/MARC21/slim"`, "https://lib.example.org/guides/frankenstein.epub"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("record lacks %q", want)
		}
	}
	for _, bad := range []string{"ftp://x", "library/guides", "https://x.example/?q=1"} {
		code, _, stderr := run(t, "", "build", example(t), "-o", t.TempDir(), "--format", "marc", "--base-url", bad)
		if code != 2 || !strings.Contains(stderr, "--base-url") {
			t.Errorf("--base-url %q: exit %d, %q; want a usage error naming the flag", bad, code, stderr)
		}
	}
}
