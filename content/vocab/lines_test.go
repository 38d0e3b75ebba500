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
		// Notes of a kind named after the book: a Study Outline, Teacher
		// Notes, a Handout, an Arbeitsblatt.
		{"Great Expectations: A Study Outline", "Great Expectations"},
		{"Macbeth — Teacher Notes", "Macbeth"},
		{"Beowulf | Handout", "Beowulf"},
		{"Der Schimmelreiter: Arbeitsblatt", "Der Schimmelreiter"},
		// A guide named in words of its own after a mark (guideSeparated).
		{"Dracula — A Study Guide for Year 9 Students", "Dracula"},
		{"Dracula — A Comprehensive Study Guide", "Dracula"},
		{"Dracula: The Complete Study Guide", "Dracula"},
		{"Dracula (A Study Guide)", "Dracula"},
		{"Dracula: A Student's Guide to the Novel", "Dracula"},
		{"Dracula | Teacher’s Companion, Grades 9–12", "Dracula"},
		{"The Lion, the Witch and the Wardrobe: Narnia 2 — A Study Guide for Readers", "The Lion, the Witch and the Wardrobe: Narnia 2"},
		{"Don Quijote — Una guía de estudio para 4º de ESO", "Don Quijote"},
		// The part after the mark names the guide by its kind.
		{"Walden — Chapter Outline", "Walden"},
		{"Walden: Chapter-by-Chapter Notes", "Walden"},
		{"Walden | Reading Packet", "Walden"},
		{"Walden – Vocabulary Worksheet", "Walden"},
		{"Walden: A Discussion Guide", "Walden"},
		{"The Call of the Wild — Chapters 1–3 Quiz", "The Call of the Wild"},
		{"The Call of the Wild: Chapters 1–3 Quiz — Grade 7", "The Call of the Wild"},
		{"Hamlet (Act 1 Notes)", "Hamlet"},
		{"Walden, or Life in the Woods - Lecture Notes", "Walden, or Life in the Woods"},
	} {
		if b, ok := GuideTitle(c.in); !ok || b != c.book {
			t.Errorf("GuideTitle(%q) = %q, %v; want %q", c.in, b, ok, c.book)
		}
	}
	for _, in := range []string{"Pride and Prejudice", "Notes: Teacher Notes for Later", "Macbeth: Teacher Notes on Act 1",
		"The Hitchhiker's Guide to the Galaxy", "Zen and the Art of Motorcycle Maintenance: An Inquiry into Values",
		"Dracula: A Study Guidebook Parody", "Frankenstein: or, The Modern Prometheus",
		"Walden: Notes on Economy and Solitude", "Moby-Dick: The Whale's Notes, Collected.", "Ivanhoe: A Romance"} {
		if b, ok := GuideTitle(in); ok {
			t.Errorf("GuideTitle(%q) read as a guide to %q", in, b)
		}
	}
	for in, want := range map[string]bool{
		"A Scene-by-Scene Guide for Drama Students": true, "The Complete Reader's Companion": true,
		"A Classroom Guide — Year 9": true, "Quick Revision Notes  —  Year 12": true, "GCSE Study Notes": true,
		"Novel Study — Grade 5": true, "A Novel Unit for Grades 6–8": true,
		"Character Notes": false, "Jane's Revision Notes.": false, "Great Expectations — Teacher's Handout": false, "Arbeitsblatt für die 9. Klasse": true, "Ficha de trabajo para 3º de ESO": true,
		"Guide to the Themes": false, "guide for students": false, "Chapter Notes": false,
		"Scene-by-Scene Notes for Year 10": true, "Poetry Analysis Worksheet": true, "Chapter Outline — Grade 8": true, "Close Reading Packet": true,
		"Roteiro de estudo — Capítulos 1 a 20": true, "Cuaderno de lectura — 2.º de Bachillerato": true, "Quaderno di lettura": true, "Lesetagebuch für die 7. Klasse": true, "Anticipation Guide": false,
		"Character Notes for": false, "Notes for Year 10": false,
		"Jane, Rochester's Guide": false, "A guide, as he says, to the heart": false, "The Guide Dog": false,
		// A worksheet named by what it practises, and the class.
		"Wortschatz und Leseverständnis — Klasse 9": true, "Wortschatz und Leseverständnis": true, "Leseverständnis — Klasse 9": true,
		"Vocabulary and Comprehension — Grade 9": true, "Vocabulary — Grade 9": true, "Arbeitsblatt Wortschatz — 9. Klasse": true,
		"Wortschatz und Grammatik für die 9. Klasse": true, "Vocabulaire et compréhension — Classe de 4e": true,
		"Vocabulario y comprensión lectora — 3.º ESO": true, "Lessico e comprensione del testo — Classe 2ª": true,
		"Vocabulário e interpretação de texto — 9.º ano": true, "Словарь и вопросы — 9 класс": true, "Vocabulary, Grammar and Writing": true,
		"Vocabulary and Discussion Questions": false, "Leseverständnis": false, "Vocabulary — Chapters 1–5": false,
		"Рабочий лист — 5 класс": true, "Φύλλο εργασίας — Α΄ Λυκείου": true, "ワークシート（中学2年）": true, "学习单 — 八年级": true,
		"कार्यपत्रक — कक्षा 8": true, "ورقة عمل — الصف التاسع": true, "דף עבודה — כיתה ח'": true, "Рабочий лист": false, "ワークシート": false,
		"Wortschatz und Leseverständnis sind wichtig": false, "Comprehension — Chapter 3": false, "Preguntas para el debate": false,
		// The class first, then the guide's name (session 17).
		"Year 7 English – Unit 3 Handout": true, "Grade 9 English: Reading Packet": true, "Year 7 English – Chapter 3": false, "English 10 – Mrs. Alvarez": false,
	} {
		if got := GuideSubtitle(in); got != want {
			t.Errorf("GuideSubtitle(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]string{"by Jane Austen": "Jane Austen", "Author: Voltaire": "Voltaire", "Written by Mary Shelley": "Mary Shelley", "by": ""} {
		if a, ok := ByLine(in); !ok || a != want {
			t.Errorf("ByLine(%q) = %q, %v", in, a, ok)
		}
	}
	for in, want := range map[string]string{"von Theodor Storm": "Theodor Storm", "de Benito Pérez Galdós": "Benito Pérez Galdós", "par Voltaire": "Voltaire",
		"d'Antoine de Saint-Exupéry": "Antoine de Saint-Exupéry", "d’Honoré de Balzac": "Honoré de Balzac", "του Σοφοκλή": "Σοφοκλή"} {
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
	for _, c := range []struct {
		in, rest string
		year     int
	}{
		{"Jane Eyre (1847)", "Jane Eyre", 1847}, {"Bram Stoker, 1897", "Bram Stoker", 1897},
		// After a dash, as a name line is often typed.
		{"Guy de Maupassant — 1887", "Guy de Maupassant", 1887}, {"Guy de Maupassant - 1887", "Guy de Maupassant", 1887},
		{"Machado de Assis – 1881", "Machado de Assis", 1881},
		{"Fahrenheit-1887", "Fahrenheit-1887", 0}, {"Chapters 1–1887", "Chapters 1–1887", 0},
	} {
		if r, y, _ := Year(c.in); r != c.rest || y != c.year {
			t.Errorf("Year(%q) = %q, %d; want %q, %d", c.in, r, y, c.rest, c.year)
		}
	}
	for in, want := range map[string]int{"Explanation: x": 13, "Erklärung: x": len("Erklärung: "), "Explication : x": len("Explication : "), "Explicación: x": len("Explicación: "), "Spiegazione:x": len("Spiegazione:"), "Explained: x": 0, "Analysis": 0} {
		if got := ExplanationLabel(in); got != want {
			t.Errorf("ExplanationLabel(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]int{"Q: Why?": 3, "P: ¿Por qué?": 3, "F: Warum?": 3, "Frage: Warum?": 7, "Q:": 0, "Quiet.": 0,
		// The one-letter forms numbered as "Q" is ("F2)", "P3."), and
		// labels in bold or italics as a plain-text file keeps them; a
		// bare letter with a bracket or a stop is an option.
		"F2) Was baut Hauke?": 4, "F 12. Warum?": 6, "P3: ¿Quién?": 4, "D1) Perché?": 4, "F) Warum?": 0, "D. Perché?": 0, "P.S. Bring it.": 0,
		"**F2:** Was baut Hauke?": 8, "**F2**: Was?": 8, "**Q1.** Why?": 8, "__Frage 3:__ Warum?": 13, "*Q4:* Why?": 6,
		"**Q1: Who is Pip?**": 0, "**F2:**": 0, "**Note:** Read it.": 0, "** Q1: Why?": 0} {
		if got := QuestionLabel(in); got != want {
			t.Errorf("QuestionLabel(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]int{"A: Because.": 3, "R: Porque.": 3, "Antwort: Weil.": 9, "Aber nein.": 0, "A1. Yes, for the British.": 4, "Answer 2: No.": 10, "A 10) Yes.": 6, "A1 is a road.": 0,
		"R2) Porque sí.": 4, "R. Porque.": 0, "**A:** Because.": 7, "**Antwort:** Weil.": 13} {
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
