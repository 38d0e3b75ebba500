package vocab

import "testing"

// TestPrintNote: the bracketed instructions for printing that end a
// handout's name, and brackets that are part of it.
func TestPrintNote(t *testing.T) {
	for _, c := range []struct{ in, name, note string }{
		{"Handout (print double-sided)", "Handout", "(print double-sided)"},
		{"Worksheet (please print single-sided)", "Worksheet", "(please print single-sided)"},
		{"Study Guide — (photocopy back to back)", "Study Guide", "(photocopy back to back)"},
		{"Fiche de lecture [imprimer recto verso]", "Fiche de lecture", "[imprimer recto verso]"},
		{"Arbeitsblatt (beidseitig drucken)", "Arbeitsblatt", "(beidseitig drucken)"},
		{"Scheda didattica (stampare fronte-retro)", "Scheda didattica", "(stampare fronte-retro)"},
		{"Ficha de leitura (imprimir frente e verso)", "Ficha de leitura", "(imprimir frente e verso)"},
		{"Werkblad (dubbelzijdig afdrukken)", "Werkblad", "(dubbelzijdig afdrukken)"},
		{"Handout (large print)", "Handout (large print)", ""},
		{"Study Guide (Year 9)", "Study Guide (Year 9)", ""},
		{"読書ガイド（中学生向け）", "読書ガイド（中学生向け）", ""},
		{"(print double-sided)", "(print double-sided)", ""},
		{"Handout (printed in 1998 by the county)", "Handout (printed in 1998 by the county)", ""},
	} {
		if name, note := PrintNote(c.in); name != c.name || note != c.note {
			t.Errorf("PrintNote(%q) = %q, %q; want %q, %q", c.in, name, note, c.name, c.note)
		}
	}
}
