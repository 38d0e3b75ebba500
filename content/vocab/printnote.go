package vocab

import (
	"fmt"
	"strings"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// printNoteRE: what a bracket says to whoever prints a handout, "(print
// double-sided)", "(photocopy on A3)", "(recto verso)", "(beidseitig
// drucken)": an instruction for paper, not a word of the guide's name. An
// edition's description, "(large print)", "(Year 9)", is not one.
var printNoteRE = lazyre.New(`(?i)^(?:please\s+|bitte\s+|por favor,?\s+|merci d['’]\s*)?(?:print|photocopy|imprimir|imprime[rz]?|stampare|stampa|drucken|ausdrucken|kopieren|afdrukken|printen)\b` +
	`|double[- ]sided|single[- ]sided|two[- ]sided|one[- ]sided|back[- ]to[- ]back|recto[- ]verso|fronte[- ]retro|frente e verso|doble cara|una cara|beidseitig|doppelseitig|einseitig|dubbelzijdig|enkelzijdig|dupla face`)

// PrintNote splits s, a line that may name a guide, at a bracketed
// instruction for printing that ends it ("Handout (print double-sided)"):
// the name without it, and the instruction with its brackets; s and ""
// when it has none.
func PrintNote(s string) (name, note string) {
	s = strings.TrimSpace(s)
	for _, b := range [][2]string{{"(", ")"}, {"[", "]"}, {"（", "）"}} {
		if !strings.HasSuffix(s, b[1]) {
			continue
		}
		i := strings.LastIndex(s, b[0])
		if i <= 0 {
			continue
		}
		inner := strings.TrimSpace(s[i+len(b[0]) : len(s)-len(b[1])])
		if inner != "" && len(inner) <= 60 && printNoteRE.MatchString(inner) {
			return strings.TrimRight(strings.TrimSpace(s[:i]), " —–:|-"), s[i:]
		}
	}
	return s, ""
}

// PrintNoteLeftOut is the note a reader gives when it leaves note, a
// printing instruction (PrintNote), out of the guide's name.
func PrintNoteLeftOut(note, name string) string {
	return fmt.Sprintf("left %q out of the guide's name %q: it says how to print the handout (an EPUB has no sides to print)", note, name)
}
