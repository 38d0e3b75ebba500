package langname

import (
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Every tag display names, every base language, and those combined with
// scripts and regions (including ones that override the language's
// default, unknown ones and Zzzz/ZZ) are named as display.English names
// them. A mismatch means tables.go is stale: go generate ./internal/langname.
func TestMatchesDisplay(t *testing.T) {
	tags := display.Values.Tags()
	scripts := []string{"Latn", "Cyrl", "Arab", "Hans", "Hant", "Deva", "Zzzz", "Qaaa"}
	regions := []string{"GB", "US", "BR", "CA", "419", "001", "TW", "CN", "ZZ", "XK", "QO"}
	n := 0
	check := func(tag language.Tag) {
		n++
		if got, want := Tag(tag), display.English.Tags().Name(tag); got != want {
			t.Errorf("Tag(%s) = %q, display says %q", tag, got, want)
		}
	}
	seen := map[language.Base]bool{}
	for _, tag := range tags {
		check(tag)
		base, _ := tag.Base()
		if seen[base] {
			continue
		}
		seen[base] = true
		if got, want := Language(base), display.English.Languages().Name(base); got != want {
			t.Errorf("Language(%s) = %q, display says %q", base, got, want)
		}
		for _, s := range scripts {
			for _, r := range append(regions, "") {
				sub := s
				if r != "" {
					sub += "-" + r
				}
				if tag, err := language.Parse(base.String() + "-" + sub); err == nil {
					check(tag)
				}
			}
		}
		for _, r := range regions {
			if tag, err := language.Parse(base.String() + "-" + r); err == nil {
				check(tag)
			}
		}
	}
	for _, s := range []string{"en", "en-GB", "pt-BR", "zh-Hant", "es-419", "sr-Latn", "ar", "he", "und", "x-klingon", "de-CH-1996", "en-Latn-US-u-ca-gregory"} {
		if tag, err := language.Parse(s); err == nil {
			check(tag)
		}
	}
	if n < 10000 {
		t.Errorf("compared %d tags, want the whole of display's tables and more", n)
	}
}
