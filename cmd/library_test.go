package cmd

import (
	"github.com/guidepress/guidepress/internal/checkers"
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

func TestCatalogListsEveryGuideAcrossBatches(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	out := t.TempDir()
	guides := filepath.Join(checkers.RepoRoot(), "testdata", "guides")
	code, _, stderr := run(t, "", "build", example(t), "-o", out, "--format", "epub", "--catalog", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	first, _ := os.ReadFile(filepath.Join(out, "catalog.xml"))
	if n := strings.Count(string(first), "<entry>"); n != 1 {
		t.Fatalf("first batch: %d entries", n)
	}
	// A second batch of other guides into the same folder: every guide.
	code, _, stderr = run(t, "", "build", filepath.Join(guides, "moby-dick.txt"), filepath.Join(guides, "anna-karenina.txt"), "-o", out, "--format", "epub", "--catalog", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	feed, _ := os.ReadFile(filepath.Join(out, "catalog.xml"))
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, name := range []string{"frankenstein", "moby-dick", "anna-karenina"} {
		if !strings.Contains(string(feed), `href="`+name+`.epub"`) || !strings.Contains(string(index), `href="`+name+`.epub"`) {
			t.Errorf("%s is missing from the catalogue after the second batch", name)
		}
		if _, err := os.Stat(filepath.Join(out, "covers", name+".thumb.png")); err != nil {
			t.Errorf("no thumbnail for %s: %v", name, err)
		}
	}
	if !strings.Contains(string(feed), "<updated>2023-11-14T22:13:20Z</updated>") {
		t.Error("the feed's updated time is not SOURCE_DATE_EPOCH")
	}
	// Rebuilding changes nothing.
	run(t, "", "build", filepath.Join(guides, "moby-dick.txt"), "-o", out, "--format", "epub", "--catalog", "-q")
	again, _ := os.ReadFile(filepath.Join(out, "catalog.xml"))
	if string(again) != string(feed) {
		t.Error("the same folder gave a different catalog.xml")
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %q", leftovers)
	}
}

func TestCatalogFailureLeavesEarlierCatalogue(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := run(t, "", "build", example(t), "-o", out, "--format", "epub", "--catalog", "-q"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "catalog.xml"))
	// index.html cannot be replaced: a directory stands in its place.
	os.Remove(filepath.Join(out, "index.html"))
	os.Mkdir(filepath.Join(out, "index.html"), 0o755)
	os.WriteFile(filepath.Join(out, "bad.epub"), []byte("not a zip"), 0o644)
	code, _, stderr := run(t, "", "build", example(t), "-o", out, "--format", "epub", "--catalog")
	if code != 1 || !strings.Contains(stderr, "catalogue") || !strings.Contains(stderr, "index.html") {
		t.Errorf("exit %d, stderr %q: want 1 and an error naming the catalogue file", code, stderr)
	}
	if !strings.Contains(stderr, "bad.epub") {
		t.Errorf("the unreadable EPUB is not named: %q", stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "catalog.xml"))
	if string(after) != string(before) {
		t.Error("catalog.xml was replaced although the catalogue could not be written whole")
	}
}

func TestKepubFormat(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := run(t, "", "build", example(t), "-o", out, "--format", "kepub", "--catalog", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "frankenstein.kepub.epub"))
	if err != nil || !strings.HasPrefix(string(data), "PK\x03\x04") {
		t.Fatalf("no Kobo EPUB: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "frankenstein.epub")); err == nil {
		t.Error("--format kepub also wrote the plain EPUB")
	}
	if !strings.Contains(stderr, "--catalog") {
		t.Errorf("no note that a catalogue lists guides by their EPUB: %q", stderr)
	}
}
