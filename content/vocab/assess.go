package vocab

import (
	"github.com/guidepress/guidepress/content"
	"strings"
	"unicode"
	"unicode/utf8"
)

// assessHeads are the nouns that name a quiz or a test, in the languages
// of the vocabulary, each with the words it may take after it ("Prueba de
// lectura", "Contrôle de lecture").
var assessHeads = []string{
	"quiz", "test", "exam", "examination", "assessment", "reading check", "comprehension check", "check",
	"prueba", "prueba de lectura", "examen", "control de lectura", "cuestionario", "evaluación",
	"contrôle", "contrôle de lecture", "évaluation", "interrogation",
	"klassenarbeit", "lernkontrolle", "klausur",
	"verifica", "verifica di lettura", "compito in classe",
	"prova", "prova de leitura", "teste", "avaliação",
}

// Assessment reports a line that names a quiz or a test, alone or with
// the part of the book it covers and whom it is for: "Chapters 1–3 Quiz —
// Grade 7", "Unit Test", "Quiz: Chapters 4–6", "Final Exam for Grade 8",
// "Prueba de lectura: capítulos 1–3", "Contrôle de lecture". Under a
// guide's title it may be the guide's own name (a teacher's quiz
// handout); in the body it is a section of questions.
func Assessment(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 80 || strings.ContainsAny(s, "?!;") || strings.HasSuffix(s, ".") {
		return false
	}
	head := s
	// Whom it is for, or what it covers, after a mark: "— Grade 7",
	// ": Chapters 4–6", "(Grade 8)".
	for _, m := range []string{" — ", " – ", ": ", " | ", " - ", " (", " for ", " para ", " pour ", " für ", " per "} {
		if i := strings.Index(head, m); i > 0 {
			head = head[:i]
		}
	}
	if strings.HasSuffix(head, ":") {
		head = strings.TrimSpace(head[:len(head)-1])
	}
	n := Norm(head)
	// The noun first: "Quiz", "Prueba de lectura", "Examen de los
	// capítulos 1–3" (the rest the part of the book it covers).
	for _, h := range assessHeads {
		if rest, ok := strings.CutPrefix(n, h); ok && (rest == "" || rest[0] == ' ') {
			rest = strings.TrimSpace(rest)
			if rest == "" || partOfBookAfter(rest) {
				return true
			}
		}
	}
	// Words that describe it, then the noun: "Chapters 1–3 Quiz", "Unit
	// Test", "Reading Check Quiz", "Final Exam".
	words := strings.Fields(head)
	if len(words) < 2 || len(words) > 5 || article[strings.ToLower(words[0])] {
		return false
	}
	last := strings.ToLower(words[len(words)-1])
	if last != "quiz" && last != "test" && last != "exam" && last != "assessment" && last != "check" {
		return false
	}
	for k, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !(k > 0 && unicode.IsDigit(r)) && !(k > 0 && kindLinks[strings.ToLower(w)]) {
			return false
		}
		if strings.ContainsAny(w, ",\"“”") {
			return false
		}
	}
	return true
}

// partOfBookAfter: rest names the part of the book a quiz covers, with
// or without a preposition: "chapters 1–3", "de los capítulos 1 a 3",
// "sur les chapitres 1 à 5", "zu kapitel 1", "sui capitoli 1-3".
func partOfBookAfter(rest string) bool {
	for _, p := range []string{"de los ", "de las ", "del ", "de la ", "de ", "des ", "du ", "sur les ", "sur le ", "zu den ", "zu ", "zum ",
		"sui ", "sul ", "dei ", "del ", "dos ", "do ", "da ", "on ", "of "} {
		if r, ok := strings.CutPrefix(rest, p); ok && PartOfBook(r) {
			return true
		}
	}
	return PartOfBook(rest)
}

// afterPartOfBook is what follows the part of the book that opens n (a
// normalised heading), with its range: "quiz" of "chapters 1–3 quiz",
// "discussion questions" of "act ii discussion questions", "test" of
// "chapters 4 to 6 test".
func afterPartOfBook(n string) (string, bool) {
	w := n
	if i := strings.IndexByte(n, ' '); i > 0 {
		w = n[:i]
	}
	if !partWords[w] {
		return "", false // most headings: no expression run
	}
	end := partNumEnd(n)
	if end < 0 {
		return "", false
	}
	rest := n[end:]
	// The range's end: "–3", "-3" (a space once normalised), " to 6",
	// " and 6", "—iv".
	for _, r := range []string{"–", "—", " to ", " and ", " through ", " a ", " à ", " bis ", " al ", " ", ""} {
		if t, ok := strings.CutPrefix(rest, r); ok {
			if j := numberEnd(t); j > 0 && (j == len(t) || t[j] == ' ') {
				rest = t[j:]
				break
			}
		}
	}
	if rest == "" || rest[0] != ' ' {
		return "", false
	}
	return strings.TrimSpace(rest), true
}

// numberEnd is the length of the arabic or roman number that opens t, or 0.
func numberEnd(t string) int {
	j := 0
	for j < len(t) && '0' <= t[j] && t[j] <= '9' {
		j++
	}
	if j == 0 {
		for j < len(t) && strings.IndexByte("ivxlc", t[j]) >= 0 {
			j++
		}
	}
	return j
}

// addAssessments adds the names of a quiz or test a handout's section
// has (its questions, which the worksheet asks), and other names of
// handouts' sections seen in session 13's guides.
func addAssessments() {
	add("en", Section, content.RoleDiscussion, "test", "unit test", "reading check", "reading quiz", "chapter quiz",
		"vocabulary quiz", "comprehension check", "pop quiz")
	add("es", Section, content.RoleDiscussion, "prueba", "prueba de lectura", "control de lectura")
	add("fr", Section, content.RoleDiscussion, "contrôle de lecture")
	add("de", Section, content.RoleDiscussion, "lernkontrolle", "klassenarbeit")
	add("it", Section, content.RoleDiscussion, "verifica", "verifica di lettura")
	add("pt", Section, content.RoleDiscussion, "prova", "teste", "prova de leitura")

	// Other names of teachers' handouts: passages to comment on, reading
	// questions, exercises, a short summary, an anticipation guide (a
	// pre-reading activity, not the guide's name).
	add("en", Section, content.RoleActivities, "anticipation guide", "exercises", "exit ticket")
	add("es", Quotes, "", "citas para comentar", "frases para comentar", "fragmentos para comentar")
	add("es", Section, content.RoleDiscussion, "preguntas de lectura", "preguntas sobre la lectura")
	add("es", Section, content.RoleActivities, "ejercicios")
	add("fr", Quotes, "", "citations à commenter", "phrases à commenter", "extraits à commenter")
	add("fr", Section, content.RoleDiscussion, "questions de lecture", "questions sur le texte")
	add("fr", Section, content.RoleActivities, "exercices")
	add("fr", Section, content.RoleAnalysis, "analyse du texte")
	add("de", Quotes, "", "zitate zum kommentieren", "textstellen zum kommentieren")
	add("de", Section, content.RoleSummary, "inhalt in kürze", "der inhalt in kürze", "inhalt")
	add("de", Section, content.RoleActivities, "übungen")
	add("it", Quotes, "", "citazioni da commentare", "frasi da commentare", "passi da commentare")
	add("it", Section, content.RoleDiscussion, "comprensione del testo", "domande sul testo")
	add("it", Section, content.RoleActivities, "esercizi")
	add("pt", Quotes, "", "frases para comentar", "citações para comentar", "trechos para comentar")
	add("pt", Section, content.RoleDiscussion, "questões de interpretação", "perguntas de interpretação", "interpretação de texto")
	add("pt", Section, content.RoleActivities, "exercícios")
	// A handout's one quote or passage, named in the singular; and the
	// word alone, "Zitat", "Quote", "Citation", "Cita" (it was a section
	// holding a block quote).
	for _, q := range singularQuotes {
		add(q[0], Quotes, "", q[1])
	}
	for _, q := range quoteWords {
		add(q[0], Quotes, "", q[1])
	}
	// A lesson or unit plan's parts, of no role of their own: how the
	// class is assessed, the rubric, the objectives and the materials
	// ("Assessment" set tight over its bullets was a verse passage).
	add("en", Section, "", "assessment", "assessments", "assessment criteria", "grading", "grading rubric", "rubric", "essay rubric",
		"evaluation", "objectives", "learning objectives", "lesson objectives", "materials")
	add("es", Section, "", "evaluación", "criterios de evaluación", "rúbrica", "objetivos", "materiales")
	add("fr", Section, "", "évaluation", "critères d'évaluation", "grille d'évaluation", "objectifs", "matériel")
	add("de", Section, "", "bewertung", "bewertungskriterien", "bewertungsraster", "lernziele", "materialien")
	add("it", Section, "", "valutazione", "criteri di valutazione", "griglia di valutazione", "obiettivi", "materiali")
	add("pt", Section, "", "avaliação", "critérios de avaliação", "rubrica", "objetivos", "materiais")
	// Questions to answer in writing, beside a quiz's closed ones.
	add("en", Section, content.RoleDiscussion, "open questions", "open-ended questions")
	add("es", Section, content.RoleDiscussion, "preguntas abiertas")
	add("fr", Section, content.RoleDiscussion, "questions ouvertes")
	add("de", Section, content.RoleDiscussion, "offene fragen")
	add("it", Section, content.RoleDiscussion, "domande aperte", "domande a risposta aperta")
	add("pt", Section, content.RoleDiscussion, "perguntas abertas", "questões abertas", "questões dissertativas")
}

// partWords are the words that name a part of the book before its
// number (partNumEnd), in lower case: a novel's and an epic's, and a
// play's acts and scenes in the languages of the vocabulary (Dutch
// "hoofdstuk", "deel", "bedrijf" and "toneel" too).
var partWords = map[string]bool{"chapter": true, "chapters": true, "part": true, "book": true, "act": true, "scene": true, "section": true,
	"letter": true, "volume": true, "canto": true, "stave": true, "capítulo": true, "capítulos": true, "chapitre": true, "chapitres": true,
	"kapitel": true, "capitolo": true, "capitoli": true, "parte": true, "partie": true, "teil": true, "livre": true, "libro": true, "livro": true, "tratado": true,
	"acto": true, "acte": true, "akt": true, "atto": true, "ato": true, "aufzug": true, "escena": true, "scène": true, "szene": true,
	"auftritt": true, "scena": true, "cena": true,
	"hoofdstuk": true, "hoofdstukken": true, "deel": true, "boek": true, "bedrijf": true, "toneel": true,
	"rozdział": true, "rozdziały": true, "część": true, "księga": true}

// ordinals are the ordinal numbers in words that number a part of the
// book in Spanish, French, Italian and Portuguese ("Tratado primero",
// "Capítulo segundo", "Chapitre premier", "Capitolo primo", "Parte
// terceira"), read by hand: as alternatives of partNumRE, compiled for
// every guide, they cost its program some kilobytes.
var ordinals = map[string]bool{"primero": true, "primera": true, "primer": true, "segundo": true, "segunda": true, "tercero": true,
	"tercera": true, "tercer": true, "cuarto": true, "cuarta": true, "quinto": true, "quinta": true, "sexto": true, "sexta": true,
	"séptimo": true, "séptima": true, "octavo": true, "octava": true, "noveno": true, "novena": true, "décimo": true, "décima": true,
	"premier": true, "première": true, "deuxième": true, "troisième": true, "primo": true, "prima": true, "secondo": true, "seconda": true,
	"terzo": true, "terza": true, "primeiro": true, "primeira": true, "terceiro": true, "terceira": true}

// ordinalPart: s opens with a part's word and an ordinal in words
// ("Tratado primero: Lázaro y el ciego"), case aside.
func ordinalPart(s string) bool {
	return ordinals[strings.ToLower(WordAfter(s, partWords))]
}

// WordAfter is the word after s's first when that is one of first (in
// lower case, at most 12 bytes): "primero" of "Tratado primero: Lázaro
// y el ciego", "1" of "Week 1 — Book the First"; "" when s opens with no
// such word or nothing follows it. The readers ask it of a line's
// opening words by hand, as an expression compiled for every guide
// costs its program some kilobytes.
func WordAfter(s string, first map[string]bool) string {
	i := strings.IndexByte(s, ' ')
	if i <= 0 || i > 12 || !first[strings.ToLower(s[:i])] {
		return ""
	}
	w := strings.TrimLeft(s[i:], " ")
	if j := strings.IndexAny(w, " :,.;—–-"); j >= 0 {
		w = w[:j]
	}
	return w
}

// quoteWords are the word for a quote alone, by language: over a
// handout's one quotation it names the quotes ("Zitat", "Quote",
// "Citation", "Cita"); under the quotes heading, over each quote of a
// study site's "Quote" / "Explanation" pairs, it labels the quote.
var quoteWords = [][2]string{{"en", "quote"}, {"en", "quotation"}, {"es", "cita"}, {"fr", "citation"}, {"de", "zitat"},
	{"it", "citazione"}, {"pt", "citação"}, {"ru", "цитата"}, {"uk", "цитата"}, {"el", "απόσπασμα"}, {"ar", "اقتباس"}, {"he", "ציטוט"}}

// QuoteWord reports a line that is only the word for a quote, in the
// singular ("Quote", "Zitat:", "Cita").
func QuoteWord(s string) bool {
	n := Norm(s)
	for _, q := range quoteWords {
		if n == q[1] {
			return true
		}
	}
	return false
}

// singularQuotes are a handout's one quote or passage, named in the
// singular, by language.
var singularQuotes = [][2]string{{"en", "key passage"}, {"en", "key quote"}, {"en", "key quotation"}, {"en", "important quote"},
	{"en", "important quotation"}, {"en", "important passage"}, {"en", "passage for analysis"}, {"en", "passage to study"},
	{"es", "cita clave"}, {"es", "cita importante"}, {"es", "fragmento clave"},
	{"fr", "citation clé"}, {"fr", "citation importante"}, {"fr", "extrait clé"},
	{"de", "wichtiges zitat"}, {"de", "zentrale textstelle"},
	{"it", "citazione chiave"}, {"it", "citazione importante"}, {"it", "brano chiave"},
	{"pt", "citação importante"}, {"pt", "citação-chave"}, {"pt", "trecho importante"}}

// SingularQuotes reports a quotes heading in the singular ("Zitat", "Key
// Quote", "Citation clé"): a handout's one quote, what follows it its
// commentary.
func SingularQuotes(heading string) bool {
	if QuoteWord(heading) {
		return true
	}
	n := Norm(heading)
	for _, q := range singularQuotes {
		if n == Norm(q[1]) {
			return true
		}
	}
	return false
}
