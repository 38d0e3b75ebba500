package export

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug turns a title into a safe, portable file or fragment name: lower-case
// ASCII letters and digits joined by single hyphens, accents folded
// ("Les Misérables" → "les-miserables"), at most 64 bytes. Path separators,
// dots and NUL can never survive, so a hostile title cannot name a file
// outside the output directory. It returns fallback when nothing is left
// (a title in a non-Latin script, say).
func Slug(s, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Mn, r):
			// combining accent split off by NFKD: drop it, keep the letter
		default:
			dash = true
		}
		if b.Len() >= 64 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 64 {
		out = strings.Trim(out[:64], "-")
	}
	if out == "" {
		return fallback
	}
	return out
}
