package epub

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/internal/growth"
)

// wordKey's ASCII paths must give what the definition gives: the letters
// and digits of the word, lower-cased.
func TestWordKeyIsLettersAndDigitsLowerCased(t *testing.T) {
	def := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		return b.String()
	}
	for _, s := range []string{"", "word", "Word", "WORD", "don't", "1984", "x-ray", "—", "Élan", "naïve", "ÆSIR", "İstanbul", "٣", "ǅ"} {
		if got, want := wordKey(s), def(s); got != want {
			t.Errorf("wordKey(%q) = %q, want %q", s, got, want)
		}
	}
	alphabet := []rune("aZz09AM-'’.,é ß\u00a0İ")
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		w := make([]rune, r.IntN(8))
		for i := range w {
			w[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := wordKey(string(w)), def(string(w)); got != want {
			t.Fatalf("wordKey(%q) = %q, want %q", string(w), got, want)
		}
	}
}

// tokens splits at white space (any, not only ASCII) and after a hyphen,
// dash or slash, and a tag other than an inline one ends a word. An
// inline tag inside or at the end of a word is not part of its key:
// "<em>x</em> " is "x" and "C<sub>2</sub>H" is "c2h", as the PDF prints
// them.
func TestTokensSplitLikeThePDF(t *testing.T) {
	body := "<p>Anti-hero\u00a0and/or <em>x</em> Its\tdone\u2014now\u2003<br/>Ok&amp;co C<sub>2</sub>H</p>"
	var got []string
	keyID := func(k []byte) int32 {
		got = append(got, string(k))
		return int32(len(got) - 1)
	}
	for i, w := range tokens(nil, 0, body, keyID) {
		if int(w.key) != i {
			t.Errorf("word %d has key number %d, want the number given for its key", i, w.key)
		}
	}
	want := []string{"anti", "hero", "and", "or", "x", "its", "done", "now", "okco", "c2h"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("tokens = %q, want %q", got, want)
	}
}

// The words' array is sized from the documents' text, not their markup:
// a guide of one-line sections has a byte of text in thirteen of markup,
// and sized from the markup its array was thirteen times what the words
// need (202 MB for a 4 MiB guide).
func TestWordIndexSize(t *testing.T) {
	for _, s := range growth.Shapes {
		g, _ := sanitize(loadGrowth(t, s, 300))
		b := &book{g: g, opts: fixed, cover: cover.Image{Ext: ".png"}}
		if err := b.plan(); err != nil {
			t.Fatal(err)
		}
		x := b.words()
		if n, c := len(x.ws), cap(x.ws); c > 2*n+16 {
			t.Errorf("%s: %d words in an array of %d", s, n, c)
		}
	}
}
