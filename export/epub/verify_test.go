package epub

import (
	"bytes"
	"errors"
	"hash/crc32"
	"maps"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/export/cover"
)

// Build's own check: each file is checked as it is made and zipped (the
// content checks, check), and the container's directory read back and
// compared with the files it was written from (verifyEntries), which
// must catch an entry that does not hold its file, a missing or an extra
// file. A book with a broken document is not returned.
func TestVerifyBuilt(t *testing.T) {
	good := build(t, sampleGuide(), fixed)
	files, err := unzip(good)
	if err != nil {
		t.Fatal(err)
	}
	sums := func(f map[string][]byte) map[string]entrySum {
		s := map[string]entrySum{}
		for name, b := range f {
			s[name] = entrySum{uint64(len(b)), crc32.ChecksumIEEE(b)}
		}
		return s
	}
	if err := verifyEntries(good, sums(files)); err != nil {
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
		if err := verifyEntries(good, sums(c)); err == nil {
			t.Errorf("%s: verifyEntries passed", name)
		}
	}
	if err := verifyEntries([]byte("not a zip"), sums(files)); err == nil {
		t.Error("verifyEntries passed garbage")
	}

	// The content checks run as the book is made: a document that is not
	// well-formed, one whose language is gone, a contents entry whose
	// target is gone.
	for name, spoil := range map[string]func(b *book){
		"malformed document": func(b *book) { b.docs[len(b.docs)-1].Body += "<p>" },
		"no language":        func(b *book) { b.g.Language = "" },
		"contents to no id":  func(b *book) { b.toc[len(b.toc)-1].Href += "-gone" },
	} {
		planned := func() *book {
			gc, _ := sanitize(sampleGuide())
			b := &book{g: gc, opts: fixed, cover: cover.Image{MediaType: "image/png", Ext: ".png", Data: pngOf(t, 2, 2)}}
			if err := b.plan(); err != nil {
				t.Fatal(err)
			}
			return b
		}
		if _, err := planned().finalise(); err != nil {
			t.Fatalf("%s, unspoilt: %v", name, err)
		}
		b := planned()
		spoil(b)
		if _, err := b.finalise(); err == nil || !strings.Contains(err.Error(), "failed its own check") {
			t.Errorf("%s: finalise gives %v, want the self-check's error", name, err)
		}
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
		// Links are read in place and what is known of a file kept for
		// the next link to it (linksResolve, tocOrder): an id that is not
		// there after a good link to the same file, and a file that is
		// not there after a link to one whose name it starts (which the
		// document's own reference check finds first).
		{"contents link to no id after one to the same file", replace(opfDir+navFile, `#s1-2"`, `#s1-9"`), ""},
		{"contents link to a file whose name the one before's starts", replace(opfDir+navFile, `chapter-01.xhtml#s1-1"`, `chapter-01.xhtm#s1-1"`), ""},
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

// The contents' order is checked on each entry (tocOrder), its links read
// in place and what is known of a document kept for the next entry in it:
// the preflight alone (without verifyFiles' link check, which would speak
// first) must still find an entry to no id, or out of order, after a good
// entry to the same document, and an entry outside the reading order.
func TestTOCOrderChecksEachEntry(t *testing.T) {
	files := goodFiles(t)
	for _, tc := range []struct{ name, old, new, want string }{
		{"no id after an entry to the same document", `#s1-2"`, `#s1-9"`, "names no id"},
		{"a file outside the reading order after an entry to a document", `"xhtml/chapter-01.xhtml#s1-1"`, `"css/style.css"`, "not in the reading order"},
		{"an entry before the one before in the same document", `chapter-01.xhtml#s1-2"`, `chapter-01.xhtml"`, "comes before"},
		{"an entry that is not plain, to no id", `#s1-2"`, `#s1-%39"`, "names no id"},
	} {
		c := maps.Clone(files)
		nav := opfDir + navFile
		if !bytes.Contains(c[nav], []byte(tc.old)) {
			t.Fatalf("%s: the navigation document has no %q", tc.name, tc.old)
		}
		c[nav] = bytes.Replace(c[nav], []byte(tc.old), []byte(tc.new), 1)
		err := preflight(c)
		var pe *PreflightError
		if !errors.As(err, &pe) || pe.Rule != RuleTOCOrder || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: preflight = %v, want rule %s saying %q", tc.name, err, RuleTOCOrder, tc.want)
		}
	}
}
