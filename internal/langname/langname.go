// Package langname gives the English names of languages and language tags
// exactly as golang.org/x/text/language/display's English dictionary does
// ("en-GB" → "British English", "sr-Latn" → "Serbian (Latin)"), from
// tables generated from it (go generate), without linking display: its
// package initialiser builds a matcher over every supported language in
// every guidepress process (~2 ms of start-up, 3,000 allocations, ~80 page
// faults), for the two writers (MARC, the catalogue) that name a language.
// TestMatchesDisplay compares every tag display knows.
package langname

//go:generate go run ./gen

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"
)

// Language is display.English.Languages().Name(base): the name of a base
// language, "" when there is none.
func Language(base language.Base) string {
	t, _ := language.All.Compose(base)
	for {
		if s := own(t); s != "" {
			return s
		}
		if t = t.Parent(); t == language.Und {
			return ""
		}
	}
}

// Tag is display.English.Tags().Name(t): the language's name, with the
// script and region it does not imply in parentheses; "" when there is
// none.
func Tag(t language.Tag) string {
	const form = language.All &^ language.SuppressScript
	if c, err := form.Canonicalize(t); err == nil {
		t = c
	}
	_, sRaw, rRaw := t.Raw()
	name, scr, reg := entry(t.Raw())
	for {
		if name != "" {
			hasS, hasR := scr != (language.Script{}), reg != (language.Region{})
			if !hasS && !hasR {
				return name
			}
			ss, sr := "", ""
			if hasS {
				ss = find(scripts, scr.String())
			}
			if hasR {
				sr = find(regions, reg.String())
			}
			switch {
			case ss != "" && sr != "":
				return fmt.Sprintf("%s (%s, %s)", name, ss, sr)
			case ss != "" || sr != "":
				return fmt.Sprintf("%s (%s%s)", name, ss, sr)
			}
			return name
		}
		scr, reg = sRaw, rRaw
		if t = t.Parent(); t == language.Und {
			return ""
		}
		name = own(t)
	}
}

var (
	zzzz = language.MustParseScript("Zzzz")
	zz   = language.MustParseRegion("ZZ")
)

// entry is display's tagSet.index for the English names: the name of the
// tag's entry (base-script or base-region when there is one, else the
// base), and the script and region the entry does not account for.
func entry(base language.Base, scr language.Script, reg language.Region) (string, language.Script, language.Region) {
	lang := base.String()
	if scr != (language.Script{}) || reg != (language.Region{}) {
		if scr == zzzz {
			scr = language.Script{}
		}
		if reg == zz {
			reg = language.Region{}
		}
		// The first of the base's longer entries (display's long tags:
		// each has a script or a region, never both) that names the
		// tag's script or region.
		scrStr, regStr := scr.String(), reg.String()
		i, _ := index(languages, lang+"-")
		for ; i < len(languages) && strings.HasPrefix(languages[i], lang+"-"); i++ {
			switch sub := key(languages[i])[len(lang)+1:]; sub {
			case scrStr:
				return value(languages[i]), language.Script{}, reg
			case regStr:
				return value(languages[i]), scr, language.Region{}
			}
		}
	}
	return find(languages, lang), scr, reg
}

// own is the name t's entry has of its own.
func own(t language.Tag) string {
	name, _, _ := entry(t.Raw())
	return name
}

func index(table []string, code string) (int, bool) {
	i := sort.Search(len(table), func(i int) bool { return key(table[i]) >= code })
	return i, i < len(table) && key(table[i]) == code
}

func find(table []string, code string) string {
	if i, ok := index(table, code); ok {
		return value(table[i])
	}
	return ""
}

func key(row string) string   { k, _, _ := strings.Cut(row, "\t"); return k }
func value(row string) string { _, v, _ := strings.Cut(row, "\t"); return v }
