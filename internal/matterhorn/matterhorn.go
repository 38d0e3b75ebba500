// Package matterhorn checks a finished PDF against the machine-checkable
// failure conditions of the Matterhorn Protocol 1.1 (the PDF Association's
// test for PDF/UA-1, ISO 14289-1), the ones a tagged text document like a
// study guide can fail: content tagged or an artifact, the structure tree
// and its parent tree, standard structure types, metadata and the
// PDF/UA identifier, language, figures' alternative text, headings,
// lists, tables, the table of contents, annotations and links, fonts.
// veraPDF does all of this and more, but it is a Java program that cannot
// be installed here; this is the subset guidepress's output can get wrong.
//
// What no program can check (is the alternative text right, is the
// reading order the logical one, is a heading really a heading) the
// Matterhorn Protocol calls human checks; README says how those were
// covered.
package matterhorn

import (
	"fmt"
	"sort"
	"strings"

	"github.com/guidepress/guidepress/internal/pdfobj"
)

// Failure is one failed checkpoint: Checkpoint is the Matterhorn number
// ("01-005") or, for a PDF/UA requirement the protocol does not number, the
// clause ("ISO 14289-1 7.1"); Check names the test (stable, for tests to
// match); Where is the page or object.
type Failure struct {
	Checkpoint string
	Check      string
	Where      string
	Detail     string
}

func (f Failure) String() string {
	cp := f.Checkpoint
	if !strings.HasPrefix(cp, "ISO") {
		cp = "Matterhorn " + cp
	}
	return fmt.Sprintf("%s [%s] %s: %s", cp, f.Check, f.Where, f.Detail)
}

// Check reads data as a PDF and checks it. The error is for a file that
// cannot be read at all.
func Check(data []byte) ([]Failure, error) {
	f, err := pdfobj.Parse(data)
	if err != nil {
		return nil, err
	}
	return CheckFile(f), nil
}

// CheckFile checks a parsed file; the failures come in a stable order.
func CheckFile(f *pdfobj.File) []Failure {
	c := &checker{f: f}
	c.run()
	sort.SliceStable(c.out, func(i, j int) bool { return c.out[i].Checkpoint < c.out[j].Checkpoint })
	return c.out
}

// Checks names every check CheckFile runs, by check name, with its
// checkpoint: the list the mutation tests must cover.
var Checks = map[string]string{
	"content-untagged":        "01-005",
	"content-artifact-in-tag": "01-003",
	"content-tag-in-artifact": "01-004",
	"content-unbalanced":      "01-005",
	"mcid-duplicate":          "01-005",
	"mcid-unclaimed":          "01-005",
	"suspects":                "01-007",
	"marked":                  "ISO 14289-1 7.1",
	"struct-tree":             "01-005",
	"role-nonstandard":        "02-001",
	"role-circular":           "02-003",
	"role-remapped":           "02-004",
	"xmp-missing":             "06-001",
	"xmp-pdfuaid":             "06-002",
	"xmp-title":               "06-003",
	"display-doc-title":       "07-001",
	"display-doc-title-false": "07-002",
	"table-structure":         "09-004",
	"list-structure":          "09-005",
	"toc-structure":           "09-006",
	"font-tounicode":          "10-001",
	"lang":                    "11-001",
	"figure-alt":              "13-004",
	"heading-first":           "14-002",
	"heading-skip":            "14-003",
	"heading-mixed":           "14-007",
	"th-scope":                "15-003",
	"annot-struct":            "28-002",
	"tabs-missing":            "28-008",
	"tabs-not-s":              "28-009",
	"link-struct":             "28-011",
	"link-contents":           "28-012",
	"font-embedded":           "31-009",
}

type checker struct {
	f    *pdfobj.File
	out  []Failure
	root pdfobj.Dict
	tree *elem
	// roles maps a structure type through the role map.
	roleMap map[string]string
	// claims: page object → MCID → the element that claims it.
	claims map[int]map[int]*elem
	// objrs: annotation object → the element that has it as an OBJR.
	objrs map[int]*elem
	// elemByNum: element object number → element.
	elemByNum map[int]*elem
}

func (c *checker) fail(check, where, format string, args ...any) {
	cp, ok := Checks[check]
	if !ok {
		panic("matterhorn: unknown check " + check)
	}
	c.out = append(c.out, Failure{Checkpoint: cp, Check: check, Where: where, Detail: fmt.Sprintf(format, args...)})
}

func (c *checker) run() {
	c.root = c.f.Root()
	if c.root == nil {
		c.fail("struct-tree", "catalogue", "the file has no catalogue")
		return
	}
	c.catalogue()
	c.metadata()
	c.readTree()
	pages, err := c.f.Pages()
	if err != nil {
		c.fail("struct-tree", "page tree", "%v", err)
		return
	}
	for i, p := range pages {
		c.content(i+1, p)
		c.annotations(i+1, p)
	}
	c.fonts(pages)
	if c.tree != nil {
		c.structure()
	}
}

func (c *checker) catalogue() {
	mi := c.f.Dict(c.root["MarkInfo"])
	if m, _ := c.f.Get(mi, "Marked").(bool); !m {
		c.fail("marked", "catalogue", "/MarkInfo has no /Marked true")
	}
	if s, _ := c.f.Get(mi, "Suspects").(bool); s {
		c.fail("suspects", "catalogue", "/MarkInfo /Suspects is true")
	}
	vp := c.f.Dict(c.root["ViewerPreferences"])
	switch v := c.f.Get(vp, "DisplayDocTitle").(type) {
	case nil:
		c.fail("display-doc-title", "catalogue", "/ViewerPreferences has no /DisplayDocTitle")
	case bool:
		if !v {
			c.fail("display-doc-title-false", "catalogue", "/DisplayDocTitle is false")
		}
	}
	if l, _ := c.f.Get(c.root, "Lang").(pdfobj.String); strings.TrimSpace(string(l)) == "" {
		c.fail("lang", "catalogue", "no /Lang: the natural language of the text cannot be determined")
	}
}
