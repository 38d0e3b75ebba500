package epub

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/templates/labels"
)

// TestTranslatedLabels reads back the EPUB of an Arabic and a Hebrew
// guide (unzip, XML): the contents' heading, the title page's words and
// the credits are the labels of the guide's language and carry no lang
// of their own; in an Urdu guide (no labels) the credits' English words
// are marked lang="en" and the names in them the guide's language.
func TestTranslatedLabels(t *testing.T) {
	root := filepath.Join(checkers.RepoRoot(), "testdata", "guides")
	opts := export.Options{Modified: fixed.Modified, Author: "مكتبة الحيّ", Publisher: "ספריית השכונה"}
	for _, file := range []string{"kalila-wa-dimna-ar.md", "megillat-rut-he.md"} {
		g := mustLoad(t, filepath.Join(root, file))
		l := labels.For(g.Language)
		if l.Lang != g.Language || l.GuideBy == "" {
			t.Fatalf("%s: labels for %q are %q, credits %q", file, g.Language, l.Lang, l.GuideBy)
		}
		u := unpack(t, build(t, g, opts))
		nav := elements(t, u.files[opfDir+"nav.xhtml"])
		if h := named(nav, "h1"); len(h) == 0 || h[0].text != l.Contents || h[0].attrs["lang"] != "" {
			t.Errorf("%s: the contents heading is %+v, want %q without lang", file, h, l.Contents)
		}
		title := elements(t, u.files[opfDir+xhtmlDir+titleFile])
		var credits []element
		for _, e := range named(title, "p") {
			if e.attrs["class"] == "credits" {
				credits = append(credits, e)
			}
		}
		want := []string{l.GuideBy + " " + opts.Author, l.PublishedBy + " " + opts.Publisher}
		if len(credits) != 2 {
			t.Fatalf("%s: %d credits, want 2", file, len(credits))
		}
		for i, c := range credits {
			if c.text != want[i] || c.attrs["lang"] != "" {
				t.Errorf("%s: credit %q (lang %q), want %q without lang", file, c.text, c.attrs["lang"], want[i])
			}
		}
		for _, e := range title {
			for _, en := range []string{"Guide by", "Published by", "A study guide to", "min read", "Synopsis"} {
				if strings.Contains(e.text, en) {
					t.Errorf("%s: the title page prints the English %q in <%s>", file, en, e.name)
				}
			}
		}
	}

	g := mustLoad(t, filepath.Join(root, "kalila-wa-dimna-ar.md"))
	g.Language = "ur" // right to left, no labels of its own
	u := unpack(t, build(t, g, opts))
	var n int
	title := elements(t, u.files[opfDir+xhtmlDir+titleFile])
	for i, e := range title {
		if e.name != "p" || e.attrs["class"] != "credits" {
			continue
		}
		n++
		if !strings.HasPrefix(e.text, "Guide by ") && !strings.HasPrefix(e.text, "Published by ") || e.attrs["lang"] != "en" {
			t.Errorf("Urdu guide: credit %q has lang %q, want English marked en", e.text, e.attrs["lang"])
		}
		if b := title[i+1]; b.name != "bdi" || b.attrs["lang"] != "ur" {
			t.Errorf("Urdu guide: the name in %q is <%s lang=%q>, want <bdi lang=\"ur\">", e.text, b.name, b.attrs["lang"])
		}
	}
	if n != 2 {
		t.Errorf("Urdu guide: %d credits, want 2", n)
	}
}

// TestDirectionFollowsText: the EPUB's direction is the PDF's
// (export.GuideRightToLeft): an English guide given --lang he turns its
// pages left to right and sets its documents left to right, with Hebrew
// labels; a guide that names no language but whose title is Hebrew turns
// right to left, as its PDF is mirrored.
func TestDirectionFollowsText(t *testing.T) {
	root := checkers.RepoRoot()
	en := mustLoad(t, filepath.Join(root, "examples", "frankenstein.txt"))
	en.Language = "he"
	he := mustLoad(t, filepath.Join(root, "testdata", "guides", "megillat-rut-he.md"))
	he.Language = content.DefaultLanguage // what a guide naming none gets
	for _, tc := range []struct {
		name string
		g    *content.Guide
		rtl  bool
	}{{"frankenstein --lang he", en, false}, {"megillat, no language", he, true}} {
		u := unpack(t, build(t, tc.g, export.Options{Modified: fixed.Modified}))
		if got := strings.Contains(string(u.files[opfPath]), `page-progression-direction="rtl"`); got != tc.rtl {
			t.Errorf("%s: page-progression-direction rtl = %v, want %v", tc.name, got, tc.rtl)
		}
		for _, doc := range []string{opfDir + "nav.xhtml", opfDir + xhtmlDir + titleFile} {
			html := named(elements(t, u.files[doc]), "html")
			if len(html) != 1 || (html[0].attrs["dir"] == "rtl") != tc.rtl {
				t.Errorf("%s: %s has <html dir=%q>, want rtl = %v", tc.name, doc, html[0].attrs["dir"], tc.rtl)
			}
		}
	}
	nav := elements(t, unpack(t, build(t, en, export.Options{Modified: fixed.Modified})).files[opfDir+"nav.xhtml"])
	if h := named(nav, "h1"); len(h) == 0 || h[0].text != "תוכן העניינים" {
		t.Errorf("frankenstein --lang he: contents heading %+v, want the Hebrew label", h)
	}
}
