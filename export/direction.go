package export

import "strings"

// RightToLeft reports whether lang (a BCP 47 tag) is a language written
// right to left: an EPUB of it turns its pages the other way and sets
// its documents right to left, and a PDF mirrors its contents and
// tables.
func RightToLeft(lang string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch primary {
	case "ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb", "sd", "ug", "syr":
		return true
	}
	return false
}
