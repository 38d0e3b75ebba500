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
