package vocab

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A teacher's handout names the class it is for under the book's title,
// often with the teacher: "English 10 – Mrs. Alvarez", "Period 3 · Mr.
// Díaz", "Year 9 English — Ms. Okafor", "3.º de ESO – Prof.ª Ruiz". It is
// front matter, as a by-line is, not a heading (it was an empty section).
// Read by hand, like GuideName: an expression compiled for every guide
// costs the seed's heap, and the words are switches, not maps a guide
// builds when it starts.

// Honorific: w is a title set before a name ("mrs", "dr", "herr"), in the
// languages of the vocabulary (lower case, without the stop): a teacher's
// name on a class line, a speaker's in a play ("MRS. CHEVELEY.").
func Honorific(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sr", "sra", "srta", "profe", "profesor", "profesora",
		"prof.ª", "prof.ª.", "mme", "mlle", "m", "monsieur", "madame", "herr", "frau", "prof.ssa", "sig", "sig.ra",
		"signora", "maestra", "maestro", "professora", "professor":
		return true
	}
	return false
}

// classWord: w names a school subject or a class's place in the school.
func classWord(w string) bool {
	switch w {
	case "english", "ela", "literature", "lit", "language", "arts", "honors", "honours", "ap", "ib", "gcse",
		"igcse", "period", "year", "grade", "class", "block", "homeroom", "group", "set", "form", "humanities",
		"reading", "room", "unit", "curso", "clase", "grupo", "eso", "bachillerato", "lengua", "literatura", "classe", "seconde",
		"première", "terminale", "français", "lettres", "klasse", "jahrgang", "jahrgangsstufe", "stufe", "deutsch",
		"deutschkurs", "kurs", "sezione", "anno", "italiano", "turma", "série", "ano", "português", "grades", "years",
		"klassenstufe", "schuljahr", "класс", "клас", "τάξη":
		return true
	}
	return false
}

// classLink: w may join a class's words: "Language & Literature", "3.º de ESO".
func classLink(w string) bool {
	switch w {
	case "&", "and", "of", "de", "di", "y", "et", "und", "e":
		return true
	}
	return false
}

// classSeps part the class from the teacher.
var classSeps = []string{" – ", " — ", " - ", " · ", " | ", " • ", " / ", ", "}

// ClassLine reads a line that names the class a handout is for, and
// perhaps its teacher: "English 10 – Mrs. Alvarez" is the class "English
// 10" and the teacher "Mrs. Alvarez". A line without a teacher must
// number its class ("English 10, Period 3"). A "For" before it ("For Year
// 10 English — Ms. Brennan", "Pour la classe de 4e") is left out.
func ClassLine(s string) (class, teacher string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 || strings.ContainsAny(s, "?!;:\"“”") {
		return "", "", false
	}
	for _, w := range []string{"For ", "Pour ", "Para ", "Für ", "Per "} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			// "For Year 10 English — Ms. Brennan": whom it is for.
			return ClassLine(rest)
		}
	}
	class = s
	for _, sep := range classSeps {
		if i := strings.LastIndex(s, sep); i > 0 && teacherName(s[i+len(sep):]) {
			class, teacher = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
			break
		}
		if i := strings.Index(s, sep); i > 0 && teacherName(s[:i]) {
			class, teacher = strings.TrimSpace(s[i+len(sep):]), strings.TrimSpace(s[:i])
			break
		}
		// "English 12 · Ms. Alvarez · Period 3": the teacher between
		// the class's parts.
		if parts := strings.Split(s, sep); len(parts) > 2 {
			if k := slices.IndexFunc(parts[1:len(parts)-1], teacherName); k >= 0 {
				teacher = strings.TrimSpace(parts[k+1])
				class = strings.TrimSpace(strings.Join(slices.Delete(parts, k+1, k+2), sep))
				break
			}
		}
	}
	if !classOf(class, teacher != "") {
		return "", "", false
	}
	return class, teacher, true
}

// teacherName: an honorific and one to three capitalised names ("Mrs.
// Alvarez", "Mr. Díaz", "Frau Becker", "Ms. J. Okafor").
func teacherName(s string) bool {
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 4 || !Honorific(strings.TrimSuffix(strings.ToLower(w[0]), ".")) {
		return false
	}
	for _, n := range w[1:] {
		r, _ := utf8.DecodeRuneInString(n)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// classOf: every word of s names a school subject or a class's place, a
// number or a letter ("10", "9th", "3.º", "10A", "B", "IV"), or links
// them; one at least is a class word, and without a teacher one is a
// number.
func classOf(s string, teacher bool) bool {
	named, numbered := false, false
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '·' || r == '–' || r == '—' || r == '|' || r == '/'
	}) {
		l := strings.ToLower(w)
		switch {
		case classWord(l):
			named = true
		case classLink(l):
		case classNumber(w):
			numbered = true
		default:
			return false
		}
	}
	return named && (numbered || teacher)
}

// classNumber: a class's number or letter: "10", "9th", "3.º", "3e",
// "4ème", "10A", "7b", "B", "IV".
func classNumber(w string) bool {
	if w == "" || len(w) > 8 {
		return false
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true // "B"
	}
	digits := 0
	for digits < len(w) && '0' <= w[digits] && w[digits] <= '9' {
		digits++
	}
	if digits == 0 {
		for _, r := range w {
			if !strings.ContainsRune("IVX", r) {
				return false
			}
		}
		return true
	}
	switch rest := strings.ToLower(w[digits:]); rest {
	case "", "st", "nd", "rd", "th", ".º", ".ª", "º", "ª", "e", "ème", "a", "b", "c", "d", ".":
		// "." is German's ordinal: "9. Klasse".
		return true
	}
	// A range of years: "9–12", "10-11".
	for _, d := range []string{"–", "-"} {
		if r, ok := strings.CutPrefix(w[digits:], d); ok && r != "" && strings.Trim(r, "0123456789") == "" {
			return true
		}
	}
	return false
}

// TeacherName reports a teacher's name as a handout writes it after the
// guide's name ("Handout for Year 7 — Ms. Okafor"): an honorific and one
// to three capitalised names.
func TeacherName(s string) bool { return teacherName(strings.TrimSpace(s)) }
