// Package termsafe escapes the characters that a terminal or a log viewer
// would act on rather than show: control characters (ESC starts the
// sequences that set a window's title, clear the screen or rewrite what was
// printed), the Unicode controls that reorder text on screen, and bytes
// that are not UTF-8. Everything guidepress prints for a person goes
// through it, since file names, titles and diagnostic messages all come
// from files that may be hostile.
package termsafe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every control character written as a Go-style
// escape (\x1b, \n, \u202e) and each invalid byte as \xNN, so that it
// prints as one line of visible text. Printable text, including every
// letter of every script, is returned as it is.
func Escape(s string) string { return escape(s, false) }

// EscapeText is Escape for text of several lines: line feeds and tabs are
// kept.
func EscapeText(s string) string { return escape(s, true) }

func escape(s string, keepLines bool) string {
	if safe(s, keepLines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func safe(s string, keepLines bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				if !keepLines || (c != '\n' && c != '\t') {
					return false
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

// unsafeRune reports the characters a terminal acts on: C0 and C1 controls,
// DEL, and the bidirectional formatting characters that can make text read
// differently from what it is (file names shown backwards).
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f,
		r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Writer passes what is written to W through EscapeText: line feeds and
// tabs stay, every other control character is escaped. Each Write is
// escaped on its own, so write whole messages (as fmt.Fprintf does).
type Writer struct{ W io.Writer }

func (w Writer) Write(p []byte) (int, error) {
	s := string(p)
	if safe(s, true) {
		return w.W.Write(p)
	}
	if _, err := io.WriteString(w.W, EscapeText(s)); err != nil {
		return 0, err
	}
	return len(p), nil
}
