package epub

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
)

// sanitize returns g with every string made writable into XML 1.0 (§2.2
// Char): invalid UTF-8, C0 and C1 controls (other than tab, which becomes
// a space), U+FFFE and U+FFFF are removed. Each repair is reported as a
// warning, so a damaged input never reaches the book silently and never
// breaks it either. The result shares g's sections, blocks and texts but
// for those on the way to a repaired string (content.Rewrite copies on
// write: a 4 MiB guide of 195,699 one-line sections is about 72 MB of
// model, held for the whole build), and neither may be changed while the
// other is in use. Its diagnostics are not g's.
func sanitize(g *content.Guide) (*content.Guide, []content.Diagnostic) {
	var diags []content.Diagnostic
	clean := func(path content.Path, s string) string {
		if isClean(s) {
			return s
		}
		var b strings.Builder
		n := 0
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "")
			n++
		}
		for _, r := range s {
			switch {
			case r == '\t':
				b.WriteByte(' ')
			case r == '\n' || r == '\r':
				b.WriteByte(' ')
			case unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF:
				n++
			default:
				b.WriteRune(r)
			}
		}
		if n > 0 {
			diags = append(diags, content.Diagnostic{Severity: content.Warning,
				Message: fmt.Sprintf("epub: %s: removed %d character(s) that cannot appear in an e-book (control characters or invalid UTF-8)", path(), n)})
		}
		return b.String()
	}
	out := g.Rewrite(clean)
	out.Language = clean(func() string { return "language" }, g.Language)
	out.Diagnostics = nil
	return out, diags
}

// isClean reports whether s is valid UTF-8 without a control character
// (tab, newline and carriage return included) or U+FFFE/U+FFFF, in one
// pass, ASCII a byte at a time: every text of a guide is asked (seed:
// 1.06 M instructions, callgrind, when it was ValidString and then a
// decoding loop asking unicode.IsControl of every character).
func isClean(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += n
	}
	return true
}
