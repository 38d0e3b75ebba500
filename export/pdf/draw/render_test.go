package draw

import (
	"testing"
	"unicode/utf16"

	"github.com/guidepress/guidepress/internal/growth"
)

func TestTextStrings(t *testing.T) {
	if got := UTF16BE("A😀"); got != "\xfe\xff\x00A\xd8\x3d\xde\x00" {
		t.Errorf("utf16be = %q", got)
	}
	if got := cesu8("é😀"); got != "é\xed\xa0\xbd\xed\xb8\x80" {
		t.Errorf("cesu8 = %q", got)
	}
}

// TestUTF16BE: a bookmark's title as a PDF text string, the same units
// as utf16.Encode gives (U+FFFD for bytes that are not UTF-8), in one
// allocation: a 4 MiB guide has up to ~200,000 titles, which took four
// each ([]rune, utf16.Encode, the bytes, the string).
func TestUTF16BE(t *testing.T) {
	for _, s := range []string{"", "A", "Héloïse", "A😀", "日本語の見出し", "bad \xff byte", "🇫🇷 flag", "\u200d\ufeff"} {
		want := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			want = append(want, byte(u>>8), byte(u))
		}
		if got := UTF16BE(s); got != string(want) {
			t.Errorf("UTF16BE(%q) = %q, want %q", s, got, want)
		}
	}
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	if n := testing.AllocsPerRun(100, func() { _ = UTF16BE("Chapter 12: Héloïse 😀") }); n != 1 {
		t.Errorf("UTF16BE allocated %.0f times, want 1", n)
	}
}
