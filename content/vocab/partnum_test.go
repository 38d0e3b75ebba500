package vocab

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestPartNumEnd checks the hand-read partNumEnd against the expression
// it replaced (partNumRE), its words now partWords, on every word in
// three cases, with numbers and what may follow them.
func TestPartNumEnd(t *testing.T) {
	var ws []string
	for w := range partWords {
		ws = append(ws, regexp.QuoteMeta(w))
	}
	sort.Strings(ws)
	oracle := regexp.MustCompile(`(?i)^(?:` + strings.Join(ws, "|") + `)\s+(?:\d{1,3}|[ivxlc]{1,6}|one|two|three|four|five|six|seven|eight|nine|ten)\b`)
	words := []string{"", "Chapters", "ACTE", "chapterx", "Actes", "Akt", "Szene", "SCÈNE", "Capítulo", "book", "Section", "Kapitel", "Tratado", "Words"}
	for w := range partWords {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	seps := []string{"", " ", "  ", "\t", " \n", "\u00a0"}
	nums := []string{"", "1", "12", "123", "1234", "12a", "IV", "ii", "civil", "ivy", "vvvvvv", "vvvvvvv", "One", "ten", "tenth", "seven", "eleven", "x_", "i.", "3–5", "3é", "Un"}
	tails := []string{"", " Summary", ":", ",", "-"}
	n := 0
	for _, w := range words {
		for _, sep := range seps {
			for _, num := range nums {
				for _, tail := range tails {
					s := w + sep + num + tail
					want := -1
					if loc := oracle.FindStringIndex(s); loc != nil {
						want = loc[1]
					}
					if got := partNumEnd(s); got != want {
						t.Errorf("partNumEnd(%q) = %d, want %d", s, got, want)
					}
					n++
				}
			}
		}
	}
	for s, want := range map[string]bool{"Acte I": true, "Akt II, Szene 3": true, "Atto III": true, "Escena 2": true, "Szene 3": true,
		"Capítulo 4": true, "Chapitre 5": true, "Kapitel 6": true, "Acto I": true, "Scène 2": true, "Cena 4": true, "Aufzug 1": true,
		"Actor 1": false, "Acte": false, "Scenes from a marriage": false} {
		if got := PartOfBook(s); got != want {
			t.Errorf("PartOfBook(%q) = %v, want %v", s, got, want)
		}
	}
}
