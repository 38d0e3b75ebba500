package vocab

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// The expressions outlineNumber and oneSpace replace (Norm runs on every
// heading candidate; they were its cost): the hand matchers must agree
// with them on every string.
var (
	outlineNumberRE = regexp.MustCompile(`^(?:\d{1,3}|[ivxlc]{1,6}|[a-z])[.)]\s+`)
	spacesRE        = regexp.MustCompile(`\s+`)
)

func checkNormMatchers(t *testing.T, s string) {
	t.Helper()
	if got, want := s[outlineNumber(s):], outlineNumberRE.ReplaceAllString(s, ""); got != want {
		t.Fatalf("outlineNumber(%q) leaves %q, the expression %q", s, got, want)
	}
	if got, want := oneSpace(s), spacesRE.ReplaceAllString(s, " "); got != want {
		t.Fatalf("oneSpace(%q) = %q, the expression %q", s, got, want)
	}
}

func TestNormMatchersAgreeWithTheExpressions(t *testing.T) {
	for _, s := range []string{"", " ", "  ", "x", "a.", "a. ", "a  ", "1. a", "12)  b", "123. c", "1234. x", "iv) x", "b. c",
		"ivxlcii. x", "ivxlci. x", "ivx.\t\n y", "ic) d", "id. x", "é. x", "\f\v x", "  a  b \t c\n", "a\u00a0 b", "v.x", "0) ", "x.\r"} {
		checkNormMatchers(t, s)
	}
	// Random strings over the characters the expressions treat apart.
	const alphabet = "0123ivxlcabz.) \t\n\f\r\vé-"
	r := rand.New(rand.NewPCG(1, 2))
	runes := []rune(alphabet)
	for range 20000 {
		b := make([]rune, r.IntN(10))
		for i := range b {
			b[i] = runes[r.IntN(len(runes))]
		}
		checkNormMatchers(t, string(b))
	}
}
