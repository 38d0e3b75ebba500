package decode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestText(t *testing.T) {
	const guide = "Émile & “Zoë”\n\nby Ана Σοφία\n"
	tests := []struct {
		name  string
		in    []byte
		want  string
		err   error  // exact sentinel, or nil
		errIn string // substring of a non-sentinel error
		diags []string
	}{
		{name: "plain UTF-8", in: []byte(guide), want: guide},
		{name: "UTF-8 BOM", in: append([]byte{0xEF, 0xBB, 0xBF}, guide...), want: guide},
		{name: "UTF-16 LE BOM", in: utf16Bytes(guide, false, true), want: guide},
		{name: "UTF-16 BE BOM", in: utf16Bytes(guide, true, true), want: guide},
		{name: "UTF-16 LE no BOM", in: utf16Bytes("Title\r\n\r\nby Someone\r\n", false, false), want: "Title\n\nby Someone\n",
			diags: []string{"UTF-16 without a byte-order mark"}},
		{name: "UTF-32 LE BOM", in: []byte{0xFF, 0xFE, 0, 0, 'H', 0, 0, 0, 'i', 0, 0, 0}, want: "Hi"},
		{name: "CRLF", in: []byte("a\r\nb\r\n\r\nc"), want: "a\nb\n\nc"},
		{name: "lone CR", in: []byte("a\rb\r\rc"), want: "a\nb\n\nc"},
		{name: "Windows-1252", in: []byte("Caf\xe9 \x93quoted\x94\nna\xefve \x97 dash"), want: "Café “quoted”\nnaïve — dash",
			diags: []string{"1:warning:the file is not valid UTF-8: read 5 byte(s) as Windows-1252"}},
		{name: "mostly UTF-8 with one Latin-1 byte", in: []byte("Zoë\nand Caf\xe9"), want: "Zoë\nand Café",
			diags: []string{"2:warning:the file is not valid UTF-8: read 1 byte(s) as Windows-1252"}},
		{name: "stray controls", in: []byte("Ti\x00tle\n\nb\x07y\x1b x"), want: "Title\n\nby x",
			diags: []string{"1:warning:removed 3 control character(s)"}},
		{name: "form feed is a line break", in: []byte("a\fb"), want: "a\nb"},
		{name: "C1 control from Latin-1 decoding", in: []byte("a\u0085b\u0090c"), want: "a\nbc",
			diags: []string{"2:warning:removed 1 control"}},
		{name: "empty", in: nil, err: ErrEmpty},
		{name: "BOM only", in: []byte{0xEF, 0xBB, 0xBF}, err: ErrEmpty},
		{name: "whitespace only", in: []byte(" \r\n\t\n  \n"), err: ErrBlank},
		{name: "UTF-16 whitespace only", in: utf16Bytes(" \n ", false, true), err: ErrBlank},
		{name: "NUL run", in: []byte("abc\x00\x00\x00def"), err: ErrBinary},
		{name: "control soup", in: []byte("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 some text"), err: ErrBinary},
		{name: "random high bytes", in: []byte("\x8f\xa0\xfe\xc3\x28\xff\xfe\xfd\x80\x81\x82\x83 a"), err: ErrBinary},
		{name: "PDF", in: []byte("%PDF-1.7\n%âãÏÓ\n"), errIn: "looks like a PDF document"},
		{name: "PNG", in: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), errIn: "looks like a PNG image"},
		{name: "EPUB", in: []byte("PK\x03\x04\x14\x00mimetypeapplication/epub+zip"), errIn: "ZIP archive"},
		{name: "HTML page", in: []byte("<!DOCTYPE html>\n<html><body><h1>Emma</h1></body></html>\n"), err: ErrHTML},
		{name: "HTML without a doctype, after blank lines", in: []byte("\n\n  <HTML lang=\"en\">\n<p>Emma</p>\n"), err: ErrHTML},
		{name: "HTML page in UTF-16", in: utf16Bytes("<html>\n<p>Emma</p>\n</html>\n", false, true), err: ErrHTML},
		{name: "a guide that mentions HTML", in: []byte("Emma\n\nby Jane Austen\n\n<html> is not a tag here.\n"), want: "Emma\n\nby Jane Austen\n\n<html> is not a tag here.\n"},
		{name: "Markdown opening with an HTML comment", in: []byte("<!-- notes -->\n# Emma\n"), want: "<!-- notes -->\n# Emma\n"},
		{name: "odd UTF-16", in: []byte{0xFF, 0xFE, 'a', 0, 'b'}, err: ErrOddUTF16},
		{name: "unpaired surrogate", in: []byte{0xFF, 0xFE, 'a', 0, 0x00, 0xD8, 'b', 0}, want: "a\uFFFDb",
			diags: []string{"1:warning:the text holds 1 replacement character"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags, err := Text(tt.in)
			switch {
			case tt.err != nil:
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			case tt.errIn != "":
				if err == nil || !strings.Contains(err.Error(), tt.errIn) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.errIn)
				}
				return
			case err != nil:
				t.Fatalf("unexpected error: %v", err)
			}
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if len(diags) != len(tt.diags) {
				t.Fatalf("diagnostics = %v, want %d matching %q", diags, len(tt.diags), tt.diags)
			}
			for i, d := range diags {
				s := diagString(d)
				if !strings.Contains(s, tt.diags[i]) {
					t.Errorf("diagnostic %d = %q, want it to contain %q", i, s, tt.diags[i])
				}
			}
		})
	}
}

func diagString(d content.Diagnostic) string {
	return strings.Join([]string{itoa(d.Line), string(d.Severity), d.Message}, ":")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("Title\r\n\r\nby Author\r\n"))
	f.Add([]byte("Caf\xe9"))
	f.Add(utf16Bytes("Zoë\n", false, true))
	f.Add(utf16Bytes("Zoë\n", true, true))
	f.Add([]byte{0xFF, 0xFE, 0, 0, 'H', 0, 0, 0})
	f.Add([]byte("a\x00b\rc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, diags, err := Text(data)
		if err != nil {
			if text != "" || diags != nil {
				t.Fatalf("error %v with output %q %v", err, text, diags)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out: %q", text)
		}
		if strings.TrimSpace(text) == "" {
			t.Fatalf("blank text accepted: %q", text)
		}
		for _, r := range text {
			if r == '\r' || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || r == 0xFFFE || r == 0xFFFF {
				t.Fatalf("control %U survived in %q", r, text)
			}
		}
		lines := strings.Count(text, "\n") + 1
		for _, d := range diags {
			if d.Line < 0 || d.Line > lines {
				t.Fatalf("diagnostic line %d outside 0..%d", d.Line, lines)
			}
		}
	})
}
