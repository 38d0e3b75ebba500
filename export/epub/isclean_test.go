package epub

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// cleanByRunes is isClean as it was written first: ValidString, then
// every character asked.
func cleanByRunes(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}

var cleanCases = []string{
	"", "plain", "tab\there", "new\nline", "cr\r", "del\x7f", "\x00", "\x1f", "café", "Ναυσικά",
	"日本語", "\u0085", "\u009f", "\u00a0", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\xff", "\xc3",
	"half \xe6\x97", "\u200b\u2028", "~ !", "\U0001F33F emoji",
}

// isClean is cleanByRunes on every case.
func TestIsClean(t *testing.T) {
	for _, s := range cleanCases {
		if got, want := isClean(s), cleanByRunes(s); got != want {
			t.Errorf("isClean(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzIsClean: isClean is cleanByRunes on any string.
func FuzzIsClean(f *testing.F) {
	for _, s := range cleanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isClean(s), cleanByRunes(s); got != want {
			t.Fatalf("isClean(%q) = %v, want %v", s, got, want)
		}
	})
}
