package epub

import (
	"maps"
	"testing"
)

// Build's own check compares the container with the files it was written
// from and runs Verify's content checks on them: it must pass a good book
// and catch an entry that does not hold its file, a missing or an extra
// file, and broken content.
func TestVerifyBuilt(t *testing.T) {
	good := build(t, sampleGuide(), fixed)
	files, err := unzip(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyBuilt(good, files); err != nil {
		t.Fatalf("a good book: %v", err)
	}
	for name, br := range map[string]func(map[string][]byte){
		"changed file": func(f map[string][]byte) { f["EPUB/css/style.css"] = append([]byte("x"), f["EPUB/css/style.css"]...) },
		"missing file": func(f map[string][]byte) { delete(f, "EPUB/xhtml/faq.xhtml") },
		"extra file":   func(f map[string][]byte) { f["EPUB/stray.txt"] = []byte("x") },
		"bad mimetype": func(f map[string][]byte) { f["mimetype"] = []byte("application/zip") },
	} {
		c := maps.Clone(files)
		br(c)
		if err := verifyBuilt(good, c); err == nil {
			t.Errorf("%s: verifyBuilt passed", name)
		}
	}
	// Content checks run too: a book whose container matches its broken
	// files.
	c := maps.Clone(files)
	c["EPUB/xhtml/faq.xhtml"] = []byte("<html><p>")
	bad, err := zipDeterministic(c, fixed.Time())
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyBuilt(bad, c); err == nil {
		t.Error("verifyBuilt passed malformed XML")
	}
	if err := verifyBuilt([]byte("not a zip"), files); err == nil {
		t.Error("verifyBuilt passed garbage")
	}
}
