package export

import (
	"strings"
	"unicode"

	"github.com/guidepress/guidepress/content"
)

// RightToLeft reports whether lang (a BCP 47 tag) is a language written
// right to left.
func RightToLeft(lang string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch primary {
	case "ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb", "sd", "ug", "syr":
		return true
	}
	return false
}

// GuideRightToLeft reports whether g is written right to left: an EPUB
// of it turns its pages the other way and sets its documents right to
// left, and a PDF mirrors its contents, tables and worksheet blanks.
//
// The text decides, the language tag breaks ties. Its words are read
// where a guide's direction shows: its title, its headings and the
// first paragraph under each (and the synopsis's first), each counting
// once by its first letter (Unicode's paragraph rule P2). A guide in a
// right-to-left language is right to left unless more of those begin
// with a left-to-right letter than with a right-to-left one: an English
// guide given --lang he keeps its English layout (its labels are still
// Hebrew). A guide in a left-to-right language it names is left to
// right. A guide that names no language (or the default, English) is
// right to left when its title begins with a right-to-left letter.
func GuideRightToLeft(g *content.Guide) bool {
	if RightToLeft(g.Language) {
		rtl, ltr := 0, 0
		count := func(s string) {
			switch firstStrong(s) {
			case 1:
				rtl++
			case -1:
				ltr++
			}
		}
		count(g.Title)
		if len(g.Synopsis) > 0 {
			count(g.Synopsis[0].Plain())
		}
		var walk func(ss []content.Section)
		walk = func(ss []content.Section) {
			for _, s := range ss {
				count(s.Title)
				for _, b := range s.Blocks {
					if b.Kind == content.Paragraph {
						count(b.Text.Plain())
						break
					}
				}
				walk(s.Subsections)
			}
		}
		walk(g.Sections)
		return ltr <= rtl
	}
	if g.Language != "" && g.Language != content.DefaultLanguage {
		return false
	}
	return firstStrong(g.Title) == 1
}

// firstStrong is the direction of s's first letter: 1 right to left
// (Hebrew, Arabic, Syriac, Thaana, N'Ko), -1 left to right, 0 when s has
// no letter.
func firstStrong(s string) int {
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko) {
				return 1
			}
			return -1
		}
	}
	return 0
}
