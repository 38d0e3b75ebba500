package layout

import (
	"strings"
	"testing"
	"unicode"
)

// TestDashes: one dash convention, a spaced en dash.
func TestDashes(t *testing.T) {
	for in, want := range map[string]string{
		"love—and loss":        "love – and loss",
		"fate—“donations”—and": "fate – “donations” – and",
		"Go — A Study":         "Go – A Study",
		"I was—":               "I was—",
		"“—and then”":          "“—and then”",
		"said—”":               "said—”",
	} {
		if got := Dashes(in); got != want {
			t.Errorf("dashes(%q) = %q, want %q", in, got, want)
		}
	}
}

// dashesRunes is Dashes as it was written over runes, the reference
// TestDashesMatchesRunes holds the byte version to.
func dashesRunes(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs)+4)
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i, r := range rs {
		if r != '—' {
			out = append(out, r)
			continue
		}
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case prev == ' ' && next == ' ':
			out = append(out, '–')
		case (word(prev) || strings.ContainsRune("”’)", prev)) && (word(next) || strings.ContainsRune("“‘(", next)):
			out = append(out, ' ', '–', ' ')
		default:
			out = append(out, r)
		}
	}
	return string(out)
}

// TestDashesMatchesRunes: every string of up to five characters from
// em dashes and what may stand beside them (letters of one and two
// bytes, digits, spaces, quotation marks, brackets, an en dash) gives
// what the rune version gave.
func TestDashesMatchesRunes(t *testing.T) {
	alphabet := []rune{'—', 'a', 'é', '1', ' ', '”', '“', '’', '(', ')', '.', '–'}
	var walk func(prefix []rune)
	n := 0
	walk = func(prefix []rune) {
		s := string(prefix)
		if got, want := Dashes(s), dashesRunes(s); got != want {
			t.Fatalf("Dashes(%q) = %q, the rune version %q", s, got, want)
		}
		n++
		if len(prefix) == 5 {
			return
		}
		for _, r := range alphabet {
			walk(append(prefix, r))
		}
	}
	walk(nil)
	if n < 100000 {
		t.Fatalf("only %d strings tried", n)
	}
}

func TestClean(t *testing.T) {
	if got := Clean(" a\u00ad b\t\n c\u200b\u00a0d "); got != "a b c\u00a0d" {
		t.Errorf("clean = %q", got)
	}
}

// TestCleanASCII: the strings Clean returns without setting them rune by
// rune are those the rune-by-rune clean leaves unchanged, and no others.
func TestCleanASCII(t *testing.T) {
	for _, s := range []string{"", "a", " ", "Heading 12", "Heading  12", " Heading", "Heading ", "a\tb", "a\nb",
		"Text 1.", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", "caf\u00e9", "a\u00a0b", "a\u00adb", "\x7f", "a\x00b", "a b c d"} {
		rs, _, _ := cleanSpans(nil, nil, nil, plain(s))
		slow := string(rs)
		if got := Clean(s); got != slow {
			t.Errorf("Clean(%q) = %q, want %q", s, got, slow)
		}
		ascii := !strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r > '~' })
		if fast := cleanASCII(s); fast != (slow == s && ascii) {
			t.Errorf("cleanASCII(%q) = %v, clean gives %q", s, fast, slow)
		}
	}
}

// TestMissingGlyphAdvice: every warning about text the PDF cannot print
// says what the PDF shows, that the EPUB keeps the text, and what to do
// for print: a single character's, a dropped combining mark's and a
// script's without an advice of its own (Tibetan) said only what was
// wrong. A count of times comes before the advice.
func TestMissingGlyphAdvice(t *testing.T) {
	rp := newReporter()
	rp.add('\u3002', `section "A"`, false, false)
	rp.add('\u3002', `section "A"`, false, false)
	rp.add('\u0360', `section "B"`, true, false)
	rp.add('བ', "the synopsis", false, false)
	rp.add('漢', "the synopsis", false, false)
	ds := rp.Diagnostics()
	if len(ds) != 4 {
		t.Fatalf("%d warnings, want 4: %v", len(ds), ds)
	}
	for _, d := range ds {
		if !strings.Contains(d.Message, "EPUB keeps") || !strings.Contains(d.Message, "for print,") {
			t.Errorf("no advice: %s", d.Message)
		}
	}
	if !strings.Contains(ds[0].Message, `"□" (2 times); the EPUB`) {
		t.Errorf("the count is not where it is read: %s", ds[0].Message)
	}
}
