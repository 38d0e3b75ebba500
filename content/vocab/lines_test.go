package vocab

import "testing"

func TestLines(t *testing.T) {
	for _, c := range []struct {
		in, book string
	}{
		{"Jane Eyre: A Study Guide", "Jane Eyre"},
		{"Der Schimmelreiter: Lektürehilfe", "Der Schimmelreiter"},
		{"Misericordia: guía de lectura", "Misericordia"},
		{"Candide — Fiche de lecture", "Candide"},
		{"Study Guide: Emma", "Emma"},
		{"Frankenstein Notes", "Frankenstein"},
		{"Little Dorrit — Study Guide", "Little Dorrit"},
		{"Il fu Mattia Pascal – Guida alla lettura", "Il fu Mattia Pascal"},
	} {
		if b, ok := GuideTitle(c.in); !ok || b != c.book {
			t.Errorf("GuideTitle(%q) = %q, %v; want %q", c.in, b, ok, c.book)
		}
	}
	if _, ok := GuideTitle("Pride and Prejudice"); ok {
		t.Error("a book title read as a guide's")
	}
	for in, want := range map[string]string{"by Jane Austen": "Jane Austen", "Author: Voltaire": "Voltaire", "Written by Mary Shelley": "Mary Shelley", "by": ""} {
		if a, ok := ByLine(in); !ok || a != want {
			t.Errorf("ByLine(%q) = %q, %v", in, a, ok)
		}
	}
	for in, want := range map[string]string{"von Theodor Storm": "Theodor Storm", "de Benito Pérez Galdós": "Benito Pérez Galdós", "par Voltaire": "Voltaire"} {
		if a, ok := ForeignByLine(in); !ok || a != want || !NameLike(a) {
			t.Errorf("ForeignByLine(%q) = %q, %v", in, a, ok)
		}
	}
	if _, ok := ForeignByLine("de la ciudad"); ok {
		t.Error("a phrase read as a by-line")
	}
	if NameLike("Plot Summary") || NameLike("the old man") {
		t.Error("a heading or a phrase read as a name")
	}
	if r, y, ok := Year("Jane Eyre (1847)"); !ok || r != "Jane Eyre" || y != 1847 {
		t.Errorf("Year: %q %d", r, y)
	}
	for in, want := range map[string]int{"Explanation: x": 13, "Erklärung: x": len("Erklärung: "), "Explication : x": len("Explication : "), "Explicación: x": len("Explicación: "), "Spiegazione:x": len("Spiegazione:"), "Explained: x": 0, "Analysis": 0} {
		if got := ExplanationLabel(in); got != want {
			t.Errorf("ExplanationLabel(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]int{"Q: Why?": 3, "P: ¿Por qué?": 3, "F: Warum?": 3, "Frage: Warum?": 7, "Q:": 0, "Quiet.": 0} {
		if got := QuestionLabel(in); got != want {
			t.Errorf("QuestionLabel(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]int{"A: Because.": 3, "R: Porque.": 3, "Antwort: Weil.": 9, "Aber nein.": 0} {
		if got := AnswerLabel(in); got != want {
			t.Errorf("AnswerLabel(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]bool{"(Clennam, Book 2)": true, "(p. 12)": true, "(Jane to Rochester)": true, "(which, as we saw earlier, is false.)": false} {
		if got := ParenAttribution(in); got != want {
			t.Errorf("ParenAttribution(%q) = %v", in, got)
		}
	}
}
