package epub

import (
	"bytes"
	"errors"
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

// The package document is read once for verifyFiles' checks and
// preflight's, and the NCX only up to its head: both still catch what
// they did. Each case breaks one file of a good book.
func TestVerifyFilesContent(t *testing.T) {
	files, err := unzip(build(t, sampleGuide(), fixed))
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyFiles(files); err != nil {
		t.Fatalf("a good book: %v", err)
	}
	replace := func(name, old, new string) func(map[string][]byte) {
		return func(f map[string][]byte) {
			if !bytes.Contains(f[name], []byte(old)) {
				t.Fatalf("%s has no %q", name, old)
			}
			f[name] = bytes.Replace(f[name], []byte(old), []byte(new), 1)
		}
	}
	for _, tc := range []struct {
		name  string
		spoil func(map[string][]byte)
		rule  string // a preflight rule, or "" for verifyFiles' own
	}{
		{"NCX uid", replace(opfDir+ncxFile, `name="dtb:uid" content="`, `name="dtb:uid" content="x`), ""},
		{"NCX second uid meta", replace(opfDir+ncxFile, `<meta name="dtb:uid"`, `<meta name="dtb:uid" content="other"/><meta name="x"`), ""},
		{"no language", func(f map[string][]byte) {
			replace(opfPath, "<dc:language>", "<dc:subject>")(f)
			replace(opfPath, "</dc:language>", "</dc:subject>")(f)
		}, RuleLanguage},
		{"bad language", replace(opfPath, "<dc:language>en", "<dc:language>en_not a tag"), RuleLanguage},
		// The navigation document is read once for the links' check and
		// the contents' order.
		{"contents link to no id", replace(opfDir+navFile, `#s1-1"`, `#s1-9"`), ""},
		{"contents link to no file", replace(opfDir+navFile, `href="xhtml/faq.xhtml"`, `href="xhtml/none.xhtml"`), ""},
		{"landmark link to no id", replace(opfDir+navFile, `href="nav.xhtml#toc"`, `href="nav.xhtml#nothing"`), ""},
		{"contents entry with no label", replace(opfDir+navFile, `>Themes</a>`, `> </a>`), ""},
		{"contents out of order", func(f map[string][]byte) {
			replace(opfDir+navFile, `#s1-1"`, `#s1-x"`)(f)
			replace(opfDir+navFile, `#s1-2"`, `#s1-1"`)(f)
			replace(opfDir+navFile, `#s1-x"`, `#s1-2"`)(f)
		}, RuleTOCOrder},
	} {
		c := maps.Clone(files)
		tc.spoil(c)
		err := verifyFiles(c)
		var pe *PreflightError
		switch {
		case err == nil:
			t.Errorf("%s: verifyFiles passed", tc.name)
		case tc.rule != "" && (!errors.As(err, &pe) || pe.Rule != tc.rule):
			t.Errorf("%s: %v, want preflight rule %s", tc.name, err, tc.rule)
		}
	}
}
