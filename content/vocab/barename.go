package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// BareName reports whether s, a line standing alone under a guide's
// title, may be its author's name without a "by": two to five
// capitalised words (particles and initials allowed), or one such word
// with the year after it ("Voltaire (1759)", "Molière, 1664": one word
// alone is too like a heading to be taken for a name). No digits,
// brackets or guide's name; not opening as a title or a heading does
// ("The …", "Chapter …"); no word that no name is made of ("Summary",
// "Or, The Modern Prometheus"). The readers add what they know of the
// line's place (NameLike's or their own tests of the words).
func BareName(s string) bool {
	rest, _, year := Year(s)
	words := strings.Fields(rest)
	if len(words) > 5 || len(words) < 2 && !(year && len(words) == 1 && utf8.RuneCountInString(rest) >= 3) || utf8.RuneCountInString(rest) > 50 {
		return false
	}
	if strings.ContainsAny(rest, "0123456789()[]/|") || GuideName(rest) || shortHeadingWord[strings.ToLower(strings.Trim(words[0], ".,"))] {
		return false
	}
	for _, w := range words {
		if notNameWord[strings.ToLower(strings.Trim(w, ".,"))] {
			return false
		}
	}
	return true
}

// shortHeadingWord are first words that make a short capitalised line a
// heading or a title, not a name.
var shortHeadingWord = map[string]bool{"the": true, "a": true, "an": true, "chapter": true, "part": true, "act": true, "scene": true,
	"book": true, "volume": true, "section": true, "el": true, "la": true, "los": true, "las": true, "le": true, "les": true,
	"der": true, "die": true, "das": true, "il": true, "lo": true, "gli": true, "o": true, "os": true, "as": true, "capítulo": true,
	"chapitre": true, "kapitel": true, "capitolo": true, "acto": true, "acte": true, "akt": true, "atto": true, "ato": true}

// notNameWord are words no personal name is made of; "or" opens a book's
// second title ("Or, The Modern Prometheus"), which stands where a name
// would.
var notNameWord = map[string]bool{"summary": true, "guide": true, "study": true, "analysis": true, "introduction": true,
	"overview": true, "notes": true, "questions": true, "quotes": true, "themes": true, "characters": true, "contents": true,
	"edition": true, "unit": true, "lesson": true, "handout": true, "worksheet": true, "grade": true, "class": true,
	"english": true, "literature": true, "novel": true, "play": true, "poem": true, "story": true, "of": true, "and": true,
	"or": true}

// CastName reports a name alone as a cast or character list sets it,
// one a line: "MALCOLM", "First Witch", "Lady Macbeth", "MRS.
// CHEVELEY", "Ghost of Hamlet's Father". Up to six capitalised words
// (particles and small words allowed), no description after a comma,
// colon or dash, no digits, no sentence's end.
func CastName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(s) > 40 || strings.ContainsAny(s, ",:;!?\"“”()[]—–=0123456789") || strings.Contains(s, " - ") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	if last := words[len(words)-1]; strings.HasSuffix(last, ".") && strings.Count(last, ".") == 1 && utf8.RuneCountInString(last) > 3 {
		return false // "Macbeth dies." ends a sentence; "Jr.", "J.P." do not
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !Particle(w) && !castSmallWord[w] {
			return false
		}
	}
	return true
}

// castSmallWord are the small words a character's name may hold ("Ghost
// of Hamlet's Father", "Duke of Venice").
var castSmallWord = map[string]bool{"of": true, "the": true, "in": true, "to": true, "for": true, "a": true, "an": true, "on": true, "at": true, "and": true}

// TitleField reads a form's field for the book's title, "Title: The
// Moonstone", "Titel: Camera Obscura", as a book report repeats it under
// its own name ("Book Report: The Moonstone"): the title it gives.
func TitleField(s string) (title string, ok bool) {
	label, value, ok := strings.Cut(s, ":")
	if !ok || !titleLabel[strings.ToLower(strings.TrimSpace(label))] {
		return "", false
	}
	value = strings.TrimSpace(value)
	return value, value != ""
}

// titleLabel are the labels of a form's field for the book's title.
var titleLabel = map[string]bool{"title": true, "book title": true, "titel": true, "titre": true, "título": true, "titolo": true, "tytuł": true}
