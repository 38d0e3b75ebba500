package pdf

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// wellFormedTag decides as the expression it replaced, which fpdf's
// unescaped /Lang relies on: cases, then 200,000 random strings over an
// alphabet of the classes it tells apart.
func TestWellFormedTagMatchesTheExpression(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"en", true}, {"eng", true}, {"en-GB", true}, {"zh-Hant-TW", true}, {"es-419", true},
		{"de-CH-1901", true}, {"x-abcdefgh", false}, {"en-abcdefghi", false}, {"", false},
		{"e", false}, {"engl", false}, {"en-", false}, {"-en", false}, {"en--GB", false},
		{"12", false}, {"en_GB", false}, {"en GB", false}, {"é", false}, {"en-GB)", false},
		{"en\n", false}, {"EN-gb", true},
	} {
		if got := wellFormedTag(tt.s); got != tt.want || got != re.MatchString(tt.s) {
			t.Errorf("wellFormedTag(%q) = %v, want %v (expression: %v)", tt.s, got, tt.want, re.MatchString(tt.s))
		}
	}
	alphabet := []string{"a", "Z", "q", "0", "9", "-", "_", " ", "é", ")"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		b := make([]byte, 0, 16)
		for range r.IntN(14) {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		}
		if s := string(b); wellFormedTag(s) != re.MatchString(s) {
			t.Fatalf("wellFormedTag(%q) = %v, the expression says %v", s, wellFormedTag(s), re.MatchString(s))
		}
	}
}
