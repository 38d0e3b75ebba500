package termsafe

import (
	"bytes"
	"testing"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, one, text string }{
		{"plain café 東京 — ok", "plain café 東京 — ok", "plain café 東京 — ok"},
		{"\x1b]0;PWNED\x07\x1b[2J", `\x1b]0;PWNED\x07\x1b[2J`, `\x1b]0;PWNED\x07\x1b[2J`},
		{"a\nb\tc\rd", `a\nb\tc\rd`, "a\nb\tc\\rd"},
		{"evil\u202etxt.exe", `evil\u202etxt.exe`, `evil\u202etxt.exe`},
		{"c1\u009bx", `c1\u009bx`, `c1\u009bx`},
		{"bad\xffbyte\x7f", `bad\xffbyte\x7f`, `bad\xffbyte\x7f`},
	} {
		if got := Escape(tc.in); got != tc.one {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.one)
		}
		if got := EscapeText(tc.in); got != tc.text {
			t.Errorf("EscapeText(%q) = %q, want %q", tc.in, got, tc.text)
		}
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := Writer{&b}
	msg := "guide.json:3: warning: \x1b]0;PWNED\x07\x1b[2J\n"
	n, err := w.Write([]byte(msg))
	if err != nil || n != len(msg) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if want := "guide.json:3: warning: \\x1b]0;PWNED\\x07\\x1b[2J\n"; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}
	if bytes.IndexByte(b.Bytes(), 0x1b) >= 0 {
		t.Error("an escape character reached the terminal")
	}
}
