package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// GuideName and GuideSubtitle were regular expressions (guideLineRE,
// guideSubRE, kept in the tests as the oracles these are checked
// against, by table and by fuzzing): case-insensitive alternations of
// some sixty phrases, which took ~260 KB of heap to compile in every
// plain-text build (a one-guide build's heap is not collected). Their
// grammar is small enough to match by hand: each is an optional article,
// one phrase of a list, and for a subtitle what follows it; every run of
// spaces in it is followed by a letter or a mark that is not a space, so
// it is taken whole, and the only choice is between phrases, which are
// all tried.

// guidePhrases are guideWords' phrases, each optional character spelled
// out: the names a study guide gives itself.
var guidePhrases = []string{
	"study guide", "reading guide", "reading companion",
	"teacher's guide", "teachers guide", "student's guide", "students guide", "students' guide",
	"literature guide", "companion", "revision guide",
	"guía de estudio", "guía de lectura", "guía didáctica",
	"guide d'étude", "guide d’étude", "guide de lecture", "fiche de lecture", "dossier pédagogique",
	"lektürehilfe", "lernhilfe", "interpretationshilfe", "lesebegleiter", "gliederung", "inhaltsgliederung",
	"guida allo studio", "guida alla lettura", "scheda di lettura",
	"guia de estudo", "guia de leitura", "roteiro de leitura", "roteiro de estudo",
	"leesdossier", "leeswijzer", "lesbrief", "studiegids", "leesverslag", "boekverslag", "book report",
	"opracowanie lektury", "opracowanie", "przewodnik po lekturze", "przewodnik do lektury", "ściąga",
	"cuaderno de lectura", "cuaderno de actividades", "cahier de lecture", "quaderno di lettura", "caderno de leitura", "lesetagebuch",
	"учебное пособие", "методическое пособие", "пособие", "путеводитель", "посібник",
	"οδηγός μελέτης", "οδηγός ανάγνωσης",
	"読書ガイド", "学習ガイド", "阅读指南", "学习指南", "अध्ययन मार्गदर्शिका",
	"دليل دراسي", "دليل القراءة", "מדריך לימוד", "מדריך קריאה",
}

// Besides those, a subtitle may be a word for whose or what notes, a
// space, and the kind of notes ("Teacher Notes", "Unit Plan"), or one of
// subtitleAlone ("Handout", "Study Outline").
var (
	subtitleWhose = []string{
		"teacher", "teacher'", "teachers", "teacher's", "teachers'", "teacher''", "teacher's'",
		"student", "student'", "students", "student's", "students'", "student''", "student's'",
		"study", "revision", "reading", "class", "lesson", "unit",
	}
	subtitleNotes = []string{"notes", "outline", "handout", "guide", "pack", "plan", "packet"}
	subtitleAlone = []string{"handout", "worksheet", "study outline", "novel study", "novel unit", "book study", "arbeitsblatt", "arbeitsheft", "ficha de trabajo", "hoja de trabajo",
		"ficha de leitura", "ficha de trabalho", "fiche pédagogique", "scheda didattica",
		"fiche de vocabulaire", "fiche d'exercices", "fiche d’exercices", "ficha de vocabulario", "ficha de vocabulário", "scheda di vocabolario", "scheda lessicale",
		"werkblad", "opdrachtenblad", "karta pracy"}
	// subtitleFor: "… for Students", "… für die Oberstufe".
	subtitleFor = []string{"for", "für", "zur", "zum", "para", "pour", "per", "de", "do", "da", "del", "della", "des", "pentru", "для", "για"}
)

// GuideName reports a line that only names a study guide ("A Study
// Guide", "Guía de lectura").
func GuideName(s string) bool {
	for _, rest := range afterArticle(s) {
		for _, p := range guidePhrases {
			if n, ok := foldPrefix(rest, p); ok && n == len(rest) {
				return true
			}
		}
	}
	return false
}

// guideSubtitle is GuideSubtitle's pattern: a guide's name, or notes of
// some kind, then nothing, or a dash, colon or bar and more, or "for"
// (in the languages of subtitleFor) and more.
func guideSubtitle(s string) bool {
	for _, rest := range afterArticle(s) {
		for _, p := range guidePhrases {
			if n, ok := foldPrefix(rest, p); ok && subtitleTail(rest[n:]) {
				return true
			}
		}
		if notesThen(rest, subtitleTail) {
			return true
		}
	}
	return false
}

// notesThen: rest opens with notes of a kind (subtitleAlone, or
// subtitleWhose, spaces and subtitleNotes) and tail accepts what follows.
func notesThen(rest string, tail func(string) bool) bool {
	for _, p := range subtitleAlone {
		if n, ok := foldPrefix(rest, p); ok && tail(rest[n:]) {
			return true
		}
	}
	for _, w := range subtitleWhose {
		n, ok := foldPrefix(rest, w)
		if !ok {
			continue
		}
		sp := spaces(rest[n:])
		if sp == 0 {
			continue
		}
		after := rest[n+sp:]
		for _, k := range subtitleNotes {
			if m, ok := foldPrefix(after, k); ok && tail(after[m:]) {
				return true
			}
		}
	}
	return false
}

// afterArticle is s, and s after "a" or "an" and spaces when it opens so.
func afterArticle(s string) []string {
	out := []string{s}
	for _, a := range []string{"a", "an"} {
		if n, ok := foldPrefix(s, a); ok {
			if sp := spaces(s[n:]); sp > 0 {
				out = append(out, s[n+sp:])
			}
		}
	}
	return out
}

// subtitleTail reports whether t is what may follow a subtitle's name:
// nothing; spaces, one of — – : |, spaces and a line; spaces, a hyphen,
// spaces and a line; spaces, a word of subtitleFor, spaces and a line
// (a line: a character that is not a space, then any but a newline).
func subtitleTail(t string) bool {
	if t == "" {
		return true
	}
	sp := spaces(t)
	rest := t[sp:]
	for _, mark := range []string{"—", "–", ":", "|"} {
		if strings.HasPrefix(rest, mark) {
			after := rest[len(mark):]
			if line(after[spaces(after):]) {
				return true
			}
		}
	}
	if sp == 0 {
		return false
	}
	if strings.HasPrefix(rest, "-") {
		after := rest[1:]
		if n := spaces(after); n > 0 && line(after[n:]) {
			return true
		}
	}
	for _, w := range subtitleFor {
		if n, ok := foldPrefix(rest, w); ok {
			after := rest[n:]
			if m := spaces(after); m > 0 && line(after[m:]) {
				return true
			}
		}
	}
	return false
}

// spaces is the length of the run of \s (regexp's: \t \n \f \r and
// space) that opens s.
func spaces(s string) int {
	i := 0
	for i < len(s) {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
			i++
			continue
		}
		break
	}
	return i
}

// line reports whether s is regexp's \S.*: a character other than \s,
// then none that is a newline.
func line(s string) bool {
	return s != "" && spaces(s[:1]) == 0 && !strings.Contains(s, "\n")
}

// foldPrefix reports whether s opens with lit under simple case folding
// (regexp's (?i): each character matches those of its fold orbit), and
// how many bytes of s that takes. A byte of s that is not UTF-8 matches
// nothing of lit (regexp reads it as U+FFFD, which no phrase has).
func foldPrefix(s, lit string) (int, bool) {
	i := 0
	for _, c := range lit {
		if i >= len(s) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !sameFold(r, c) {
			return 0, false
		}
		i += n
	}
	return i, true
}

func sameFold(r, c rune) bool {
	if r == c {
		return true
	}
	for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

// guidePrefix is FindStringSubmatch's group of guidePrefixRE, which it
// was: a guide's name, spaces, a mark or word that leads to the book
// (":", "-", "to", "for", "pour", "zu"…), spaces, and the book's name,
// "Study Guide: Jane Eyre". The expression's parse is the only one: no
// phrase opens with "a", no two open the same way, the marks and words
// are not spaces; only its last run of spaces may give back its last
// character when nothing else follows, as the expression's backtracking
// does.
func guidePrefix(s string) (string, bool) {
	for _, rest := range afterArticle(s) {
		for _, p := range guidePhrases {
			n, ok := foldPrefix(rest, p)
			if !ok {
				continue
			}
			t := rest[n:]
			t = t[spaces(t):]
			m := prefixMark(t)
			if m == 0 {
				continue
			}
			t = t[m:]
			w := spaces(t)
			switch book := t[w:]; {
			case w == 0:
			case book != "":
				if !strings.Contains(book, "\n") {
					return book, true
				}
			case w >= 2 && t[w-1] != '\n':
				return t[w-1:], true
			}
		}
	}
	return "", false
}

// prefixMark is the length of the mark or word that opens t, as
// guidePrefixRE's (?:[:—–|-]|to|for|on|de|pour|zu|per|para|a), or 0.
func prefixMark(t string) int {
	for _, m := range []string{":", "—", "–", "|", "-"} {
		if strings.HasPrefix(t, m) {
			return len(m)
		}
	}
	for _, w := range []string{"to", "for", "on", "de", "pour", "zu", "per", "para", "a"} {
		if n, ok := foldPrefix(t, w); ok {
			return n
		}
	}
	return 0
}

// guideSuffix is FindStringSubmatch's group of guideSuffixRE, which it
// was: the book's name, a mark (":", "—", "–", "|", or a space and "-")
// and a guide's name, "Jane Eyre: A Study Guide". The book's name is the
// shortest that leaves such an ending, as the expression's lazy group
// takes it, and has no newline.
func guideSuffix(s string) (string, bool) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			break
		}
		i += n
		if suffixEnding(s[i:]) {
			return s[:i], true
		}
	}
	return "", false
}

// suffixEnding reports whether t is \s*(?:[:—–|]|\s-)\s* and a guide's
// name (GuideName): after its run of spaces a mark, or a hyphen that the
// last space leads to.
func suffixEnding(t string) bool {
	w := spaces(t)
	u := t[w:]
	for _, m := range []string{":", "—", "–", "|"} {
		if strings.HasPrefix(u, m) {
			v := u[len(m):]
			return GuideName(v[spaces(v):])
		}
	}
	if w >= 1 && strings.HasPrefix(u, "-") {
		v := u[1:]
		return GuideName(v[spaces(v):])
	}
	return false
}

// guideNoteSuffix reads "Great Expectations: A Study Outline", "Macbeth —
// Teacher Notes", "Beowulf | Handout": the book's name (the shortest), a
// mark as guideSuffix's, and notes of a kind that GuideSubtitle knows
// (subtitleAlone, or subtitleWhose and subtitleNotes), with nothing after.
func guideNoteSuffix(s string) (string, bool) {
	if strings.Contains(s, "\n") {
		return "", false
	}
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		t := s[i:]
		w := spaces(t)
		u := t[w:]
		var v string
		switch {
		case strings.HasPrefix(u, ":"), strings.HasPrefix(u, "|"):
			v = u[1:]
		case strings.HasPrefix(u, "—"), strings.HasPrefix(u, "–"):
			v = u[len("—"):]
		case w >= 1 && strings.HasPrefix(u, "-"):
			v = u[1:]
		default:
			continue
		}
		if v = v[spaces(v):]; guideNotes(v) || worksheetName(v) {
			return s[:i], true
		}
	}
	return "", false
}

// guideNotes: s is only a name of notes, "A Study Outline", "Teacher
// Notes", "Worksheet".
func guideNotes(s string) bool {
	for _, rest := range afterArticle(s) {
		if notesThen(rest, func(t string) bool { return t == "" }) {
			return true
		}
	}
	return false
}

// guideTailWords are what guideTail finds at the end of a title, the
// optional characters spelled out.
var guideTailWords = []string{
	"study guide", "reading guide", "handout", "worksheet", "study notes", "revision notes", "reading notes",
	"teacher's notes", "teachers notes", "unit plan", "lesson plan", "summary and analysis", "summary & analysis",
	"summary", "notes", "guide",
}

// guideTail is FindStringSubmatch's group of guideTailRE, which it was:
// the book's name, spaces and one of guideTailWords, "Jane Eyre Study
// Guide". The name is the shortest that leaves such an ending, as the
// expression's lazy group takes it, and has no newline.
func guideTail(s string) (string, bool) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			break
		}
		i += n
		t := s[i:]
		w := spaces(t)
		if w == 0 {
			continue
		}
		for _, word := range guideTailWords {
			if m, ok := foldPrefix(t[w:], word); ok && m == len(t)-w {
				return s[:i], true
			}
		}
	}
	return "", false
}
