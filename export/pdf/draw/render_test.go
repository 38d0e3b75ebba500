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

// TestAppendCID: a CID inside a literal string, its two bytes escaped
// where a string cannot hold them (backslash, parentheses, carriage
// return) and written as they are otherwise (appendCID writes the
// ordinary ones two at once).
func TestAppendCID(t *testing.T) {
	for _, tc := range []struct {
		id   uint16
		want string
	}{
		{'A', "\x00A"},
		{'(', "\x00\\("},
		{')', "\x00\\)"},
		{'\\', "\x00\\\\"},
		{'\r', "\x00\\r"},
		{'\n', "\x00\n"},
		{0x2829, "\\(\\)"},
		{0x0D5C, "\\r\\\\"},
		{0x2841, "\\(A"},
		{0x4129, "A\\)"},
		{0xFFFF, "\xff\xff"},
	} {
		if got := string(appendCID([]byte("x"), tc.id)); got != "x"+tc.want {
			t.Errorf("appendCID(%#04x) = %q, want %q", tc.id, got, "x"+tc.want)
		}
	}
	// Every CID: read back as a literal string reads it (a backslash
	// and the byte after it, \r a carriage return), the string gives
	// the CID's two bytes, and only the four bytes are escaped.
	var got []byte
	for id := range 1 << 16 {
		got = appendCID(got[:0], uint16(id))
		var read []byte
		escapes := 0
		for i := 0; i < len(got); i++ {
			c := got[i]
			if c == '\\' && i+1 < len(got) {
				i++
				c = got[i]
				if c == 'r' {
					c = '\r'
				}
				escapes++
			}
			read = append(read, c)
		}
		want := 0
		for _, c := range [2]byte{byte(id >> 8), byte(id)} {
			if c == '\\' || c == '(' || c == ')' || c == '\r' {
				want++
			}
		}
		if string(read) != string([]byte{byte(id >> 8), byte(id)}) || escapes != want {
			t.Fatalf("appendCID(%#04x) = %q: reads as %q with %d escapes, want %q with %d", id, got, read, escapes, []byte{byte(id >> 8), byte(id)}, want)
		}
	}
}
