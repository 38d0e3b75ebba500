package layout

import (
	"strings"

	"github.com/guidepress/guidepress/content"
)

// The words the PDF prints itself come from templates/labels in the
// guide's language, or in English when the language has no file
// (Persian, Urdu, Japanese…). A screen reader reads the document in its
// /Lang, so such English words are marked /Lang (en) on their structure
// element (ISO 32000-1 14.9.2, PDF/UA-1 7.2, WCAG 3.1.2): a block whose
// lang is set is recorded in Layout.Langs, which the tagger writes.

// otherLang is the language to mark on words in language words printed
// in a guide in language guide: "" when they are in the guide's language
// (its primary subtag: "pt" words in a "pt-BR" guide are the guide's).
func otherLang(words, guide string) string {
	if guide == "" {
		guide = content.DefaultLanguage
	}
	primary, _, _ := strings.Cut(strings.ToLower(guide), "-")
	primary, _, _ = strings.Cut(primary, "_")
	if primary == words {
		return ""
	}
	return words
}

// withLang marks blk as printed in lang ("" for the guide's language).
func withLang(blk flowBlock, lang string) flowBlock {
	blk.lang = lang
	return blk
}

// langAttr is the /Lang entry of a structure element whose text is in
// lang, "" for the guide's language.
func langAttr(lang string) string {
	if lang == "" {
		return ""
	}
	return "/Lang (" + lang + ")"
}
