package pdf

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
)

// TestAnonymousBook: a guide to an anonymous book (book-of-ruth's
// "Anonymous" is the book's author) names no author of the guide, so its
// PDF has no /Author and its XMP no dc:creator (the novelist, or here the
// anonymous writer of the Bible's book, is never recorded as the guide's
// author); the book's author is in the Subject. check-pdf.sh, which asks
// for an Author, says exactly that and passes with --no-meta; given the
// guide's author (--author) the PDF carries it and passes without.
func TestAnonymousBook(t *testing.T) {
	g := loadFile(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "book-of-ruth.txt"))
	if g.Book.Author != "Anonymous" || g.Author != "" {
		t.Fatalf("book-of-ruth: book author %q, guide author %q: want Anonymous and none", g.Book.Author, g.Author)
	}
	out, _, _ := build(t, g, export.Options{})
	path := write(t, "book-of-ruth", out)
	info := pdfinfo(t, path)
	if a, ok := info["Author"]; ok {
		t.Errorf("the PDF names %q as its author", a)
	}
	if s := info["Subject"]; !strings.Contains(s, "by Anonymous") {
		t.Errorf("Subject %q does not name the book's author", s)
	}
	if strings.Contains(string(out), "<dc:creator>") {
		t.Error("the XMP has a dc:creator")
	}
	r := checkers.Run(t, "check-pdf.sh", path)
	if r.Passed || !strings.Contains(r.Output, "FAIL metadata missing: Author") || len(regexp.MustCompile(`(?m)^\s*FAIL `).FindAllString(r.Output, -1)) != 1 {
		t.Errorf("check-pdf.sh without --no-meta should fail on the missing Author alone:\n%s", r.Output)
	}
	checkers.MustPass(t, "check-pdf.sh", "--no-meta", path)

	out, _, _ = build(t, g, export.Options{Author: "Ms A. Teacher"})
	path = write(t, "book-of-ruth-author", out)
	if a := pdfinfo(t, path)["Author"]; a != "Ms A. Teacher" {
		t.Errorf("with --author the PDF's Author is %q", a)
	}
	checkers.MustPass(t, "check-pdf.sh", path)
}

// TestExampleMetadata: the bundled example (examples/frankenstein.txt,
// what `make run` builds, with no --author) credits its own authors under
// the by-line, so its PDF names them as /Author and dc:creator and passes
// check-pdf.sh with its metadata check; Mary Shelley stays the subject.
// Before the credit line the example's PDF had no Author and check-pdf.sh
// failed it ("metadata missing: Author").
func TestExampleMetadata(t *testing.T) {
	g := loadFile(t, filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt"))
	const want = "the guidepress authors"
	if g.Author != want || g.Book.Author != "Mary Shelley" {
		t.Fatalf("example: guide author %q, book author %q: want %q and Mary Shelley", g.Author, g.Book.Author, want)
	}
	out, _, _ := build(t, g, export.Options{})
	path := write(t, "example", out)
	info := pdfinfo(t, path)
	if info["Author"] != want || !strings.Contains(info["Subject"], "by Mary Shelley") {
		t.Errorf("Author %q, Subject %q: want %q and the book's author in the Subject", info["Author"], info["Subject"], want)
	}
	if !strings.Contains(string(out), "<dc:creator><rdf:Seq><rdf:li>"+want+"</rdf:li>") {
		t.Error("the XMP's dc:creator is not the guide's author")
	}
	checkers.MustPass(t, "check-pdf.sh", path)
}
