package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// guideSeparated reads a title whose part after a mark names the guide
// in words of its own: "Dracula — A Comprehensive Study Guide for AP
// Students", "Dracula: The Complete Study Guide", "Dracula (A Study
// Guide)", "Dracula: A Student's Guide to the Novel". The mark is ":",
// "—", "–", "|", a spaced "-", or an opening bracket closed at the end;
// of several, the last whose part names a guide ("The Lion, the Witch and
// the Wardrobe: Narnia 2 — A Study Guide" is a guide to "The Lion, the
// Witch and the Wardrobe: Narnia 2"). The part names a guide when a
// guide's name (GuideName's phrases, "student's guide", notes of a kind,
// a handout, a worksheet) stands in it as words. These titles were read
// whole as the book's ("Dracula — A Comprehensive", "… — A Study Guide
// for Year 9 Students — A Study Guide").
func guideSeparated(s string) (string, bool) {
	if strings.Contains(s, "\n") {
		return "", false
	}
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 && s[i-1] == ' ' && (namesGuide(s[i+1:len(s)-1]) || guideKind(s[i+1:len(s)-1])) {
			return strings.TrimSpace(s[:i]), true
		}
	}
	for end := len(s); end > 0; {
		i, m := lastMark(s[:end])
		if i <= 0 {
			break
		}
		if rest := strings.TrimSpace(s[i+m:]); rest != "" && (namesGuide(rest) || guideKind(rest)) {
			if book := strings.TrimSpace(s[:i]); book != "" {
				return book, true
			}
		}
		end = i
	}
	return "", false
}

// lastMark finds the last mark in s that separates a title from a
// subtitle: its index and length, or -1.
func lastMark(s string) (int, int) {
	best, size := -1, 0
	for _, m := range []string{":", "—", "–", "|", " - "} {
		if i := strings.LastIndex(s, m); i > best {
			if m == ":" && i+1 < len(s) && s[i+1] != ' ' {
				continue // "10:30", "Vol.2:3": not a subtitle's colon
			}
			best, size = i, len(m)
		}
	}
	return best, size
}

// namesGuide: a guide's name stands in s as words.
func namesGuide(s string) bool {
	for i := 0; i < len(s); {
		if i == 0 || wordStart(s, i) {
			t := s[i:]
			for _, p := range guideNameWords {
				if n, ok := foldPrefix(t, p); ok && wordEnd(t, n) {
					return true
				}
			}
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return false
}

// guideNameWords: guidePhrases and the guides of subtitleAlone, and a
// guide for someone ("A Student's Guide to the Novel").
var guideNameWords = func() []string {
	out := append([]string(nil), guidePhrases...)
	out = append(out, subtitleAlone...)
	for _, who := range []string{"student's", "students'", "students", "student", "teacher's", "teachers'", "teachers", "teacher", "reader's", "readers'", "readers", "parent's", "parents'", "classroom", "beginner's"} {
		out = append(out, who+" guide", who+" companion", who+" handbook")
	}
	return out
}()

// wordStart: s[i] begins a word (the character before it is not a
// letter or digit).
func wordStart(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// wordEnd: t[n:] does not continue a word.
func wordEnd(t string, n int) bool {
	if n >= len(t) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t[n:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// kindWords are the nouns that say what kind of guide a title's part
// after a mark is: "Walden — Chapter Outline", "Walden: Vocabulary
// Worksheet", "Walden | Reading Packet", "Walden — Chapters 1–3 Quiz".
var kindWords = map[string]bool{"outline": true, "outlines": true, "notes": true, "handout": true, "handouts": true,
	"worksheet": true, "worksheets": true, "packet": true, "pack": true, "guide": true, "companion": true,
	"quiz": true, "quizzes": true, "test": true, "exam": true, "questions": true, "summaries": true,
	"workbook": true, "booklet": true, "plan": true, "plans": true, "unit": true}

// kindLinks are the small words a guide's kind may hold among its
// capitalised ones ("Chapter by Chapter Notes", "Questions and Answers").
var kindLinks = map[string]bool{"by": true, "and": true, "&": true, "of": true, "a": true, "an": true, "the": true}

// guideKind: s, a title's part after a mark, names the guide by its
// kind: up to five words ending in a kind of guide (kindWords), the
// others capitalised words, numbers or ranges ("Chapters 1–3"), or
// kindLinks; optionally a further mark and more ("Chapters 1–3 Quiz —
// Grade 7"). The first word is a word, not a number: "Walden —
// Chapters 1–3 Quiz" is not cut at the dash of "1–3". Such titles were
// read whole as the book's ("Walden — Chapter Outline").
func guideKind(s string) bool {
	for _, m := range []string{" — ", " – ", ": ", " | ", " - "} {
		if i := strings.Index(s, m); i > 0 {
			s = s[:i]
		}
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || !kindWords[strings.ToLower(words[len(words)-1])] {
		return false
	}
	for k, w := range words[:len(words)-1] {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case kindLinks[strings.ToLower(w)] && k > 0, k == 0 && (w == "A" || w == "An" || w == "The"):
		case unicode.IsUpper(r):
		case unicode.IsDigit(r) && k > 0:
		default:
			return false
		}
		if strings.ContainsAny(w, ".,;!?\"“”") {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(words[len(words)-1])
	return unicode.IsUpper(r)
}
