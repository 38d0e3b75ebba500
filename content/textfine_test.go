package content

import (
	"strings"
	"testing"
)

// slowFine is what textChecks says: nothing wrong with s.
func slowFine(s string) bool {
	f, _ := textChecks(s)
	return f == ""
}

var textFineCases = []string{
	"", " ", "\t", "        ", "                 x", "x", "plain words of a paragraph",
	"eight ch", "eight chars plus", "tab\tinside a longer line", "\t\t\t\t\t\t\t\t\t",
	"new\nline", "cr\r", "del\x7f in it", "a long line then del at the end ......\x7f",
	"\x00 nul first", "bell \x07 here........", "café au lait", "Ναυσικά", "日本語のテキスト",
	"\u00a0", "\u00a0\u2003\u3000", "\u00a0x", "\u0085 next line", "x\u0085", "\ufeff bom",
	"\ufffe", "\uffff", "\ufffd replacement is fine", "bad \xff byte in a long enough line",
	"\xc3", "ends with half a rune \xe6\x97", "\u200b zero width", "\u2028 line sep",
	"                                \u00a0", "~~~~~~~~", "!!!!!!!! ~~~~~~~~ ````````",
	"\x1f unit separator sits below space", "        \x1f", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f",
	"\x20\x20\x20\x20\x20\x20\x20\x21", "\x80\x80\x80\x80\x80\x80\x80\x80", "\x9f control C1 \u009f",
}

// textFine is textChecks' "nothing wrong": on every case, and on each
// case at other offsets of a longer line (the eight-byte steps meet each
// character at each position).
func TestTextFine(t *testing.T) {
	for _, c := range textFineCases {
		for _, s := range []string{c, "12345" + c, c + "1234567", strings.Repeat("ab", 9) + c + strings.Repeat(" ", 13), "       " + c + "\x7f"} {
			if got, want := textFine(s), slowFine(s); got != want {
				t.Errorf("textFine(%q) = %v, textChecks says %v", s, got, want)
			}
		}
	}
}

// FuzzTextFine: textFine agrees with textChecks on any string.
func FuzzTextFine(f *testing.F) {
	for _, c := range textFineCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := textFine(s), slowFine(s); got != want {
			t.Fatalf("textFine(%q) = %v, textChecks says %v", s, got, want)
		}
	})
}
