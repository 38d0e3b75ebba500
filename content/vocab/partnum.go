package vocab

import "strings"

// partNumEnd is the length of the part of the book's word and number
// that open s ("Chapter 12", "Acte II", "book one", "Szene 3"), case
// aside, or -1: the match of
//
//	(?i)^(?:WORD)\s+(?:\d{1,3}|[ivxlc]{1,6}|one|two|…|ten)\b
//
// for a WORD of partWords, read by hand. It was that expression
// (partNumRE), compiled for every guide; by hand the words of plays in
// other languages (Acte, Akt, Atto, Escena, Szene) cost the seed's heap
// nothing, and they were no parts of the book (a French handout's "Acte
// I" over its Vocabulaire was no span of the play).
func partNumEnd(s string) int {
	i := 0
	for i < len(s) && !reSpace(s[i]) {
		i++
	}
	if i == 0 || i >= len(s) || !isPartWord(s[:i]) {
		return -1
	}
	j := i
	for j < len(s) && reSpace(s[j]) {
		j++
	}
	t := s[j:]
	n := 0
	switch {
	case t == "":
		return -1
	case '0' <= t[0] && t[0] <= '9':
		for n < len(t) && '0' <= t[n] && t[n] <= '9' {
			n++
		}
		if n > 3 {
			return -1
		}
	case strings.IndexByte("ivxlcIVXLC", t[0]) >= 0:
		for n < len(t) && strings.IndexByte("ivxlcIVXLC", t[n]) >= 0 {
			n++
		}
		if n > 6 {
			return -1
		}
	default:
		for _, w := range numberWords {
			if len(t) >= len(w) && strings.EqualFold(t[:len(w)], w) {
				n = len(w)
				break
			}
		}
		if n == 0 {
			return -1
		}
	}
	if n < len(t) && asciiWord(t[n]) {
		return -1 // \b: "Chapter 12a", "Book civilisation"
	}
	return j + n
}

var numberWords = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// reSpace is \s of Go's expressions: [\t\n\f\r ].
func reSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// asciiWord is \w of Go's expressions: [0-9A-Za-z_].
func asciiWord(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// isPartWord: w, in any case, is one of partWords (PartOfBook runs on
// every heading candidate).
func isPartWord(w string) bool { return InFold(partWords, w) }

// InFold reports whether w, lowered, is in set (whose keys are in lower
// case); an ASCII word of up to 16 bytes is lowered in place, not copied.
func InFold(set map[string]bool, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return set[strings.ToLower(w)] // lowering may change its length ("İ")
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}
