package vocab

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// The lines both readers read the same way, whatever the markup around
// them: the title that names a study guide, the by-line, a year after a
// title or a name, a quote's explanation label, the labels of a "Q: … / A:
// …" FAQ and a bracketed attribution. The plain-text reader finds them by
// layout, the Markdown reader in headings and paragraphs; the rules that
// read their words are these, in every language the vocabulary knows.

// guideWords are the names a study guide gives itself, as the expression
// that guidePhrases spells out: the readers match them by hand
// (guidename.go), and the tests keep the expressions built on it as the
// oracles they are checked against.
const guideWords = `(?:an?\s+)?(?:study guide|reading guide|reading companion|teacher'?s guide|student'?s guide|students' guide|literature guide|companion|revision guide|guía de estudio|guía de lectura|guía didáctica|guide d['’]étude|guide de lecture|fiche de lecture|dossier pédagogique|lektürehilfe|lernhilfe|interpretationshilfe|lesebegleiter|gliederung|inhaltsgliederung|guida allo studio|guida alla lettura|scheda di lettura|guia de estudo|guia de leitura|roteiro de leitura|roteiro de estudo|leesdossier|leeswijzer|lesbrief|studiegids|leesverslag|boekverslag|book report|opracowanie lektury|opracowanie|przewodnik po lekturze|przewodnik do lektury|ściąga|cuaderno de lectura|cuaderno de actividades|cahier de lecture|quaderno di lettura|caderno de leitura|lesetagebuch|учебное пособие|методическое пособие|пособие|путеводитель|посібник|οδηγός μελέτης|οδηγός ανάγνωσης|読書ガイド|学習ガイド|阅读指南|学习指南|अध्ययन मार्गदर्शिका|دليل دراسي|دليل القراءة|מדריך לימוד|מדריך קריאה)`

var (
	// byRE: "by AUTHOR", "By: AUTHOR", "Written by AUTHOR", "Author:
	// AUTHOR", the same in the other languages, or the bare word with the
	// name on the next line.
	byRE = lazyre.Hot(`(?i)^(?:(?:written )?by|author|autor|autora|auteur|autrice|autore|schrijver|escrito por|écrit par|geschrieben von|scritto da|geschreven door|escrito por|تأليف|بقلم|المؤلف|מאת|מחבר|מחברת)(?:(?:\s*:\s*|\s+)(.*))?$`)
	// foreignByRE: "de AUTHOR", "par AUTHOR", "von AUTHOR", "di AUTHOR",
	// "por AUTHOR", "da AUTHOR", Dutch "door AUTHOR", "d'Antoine de Saint-Exupéry" (de before a
	// vowel), Greek "του AUTHOR" (of): the word in lower case, then a
	// capital.
	foreignByRE = lazyre.New(`^(?:(?:de|par|von|di|por|da|dal|del|door|του|της)\s+|d['’]\s*)(\p{Lu}.*)$`)
	// yearRE: "Jane Eyre (1847)", "Bram Stoker, 1897".
	yearRE = lazyre.Hot(`^(.*?\S)\s*(?:,\s*|\s+\(|\s*\[|\s+[—–-]\s+)((?:1[0-9]|20)[0-9]{2})[)\]]?$`)
	// explRE: the label of a quote's explanation, then its text.
	explRE = lazyre.Hot(`(?i)^(?:(?:explanation for quot(?:e|ation)|explicación de la cita|explication de la citation|erklärung (?:zu[mr]?|des) zitats?|spiegazione della citazione|explicação da citação)\s*(?:#|n\.?\s*[º°o]\.?|nr\.)?\s*\d{1,3}(?:\s*(?:>>|»|›))?|explanation (?:and|&) analysis|analysis (?:and|&) explanation|explanation|analysis|commentary|meaning|significance|interpretation|why it matters|what it means|explicación|análisis|comentario|significado|explication|analyse|commentaire|signification|erklärung|erläuterung|deutung|bedeutung|spiegazione|analisi|commento|significato|explicação|análise|comentário|объяснение|комментарий|εξήγηση|σχόλιο|شرح|توضیح|הסבר|toelichting|uitleg|verklaring|betekenis|commentaar|wyjaśnienie|objaśnienie|komentarz|znaczenie)\s*[:：]\s*`)
	// questionRE and answerRE: the labels of a "Q: … / A: …" FAQ; in the
	// other languages Pregunta/Respuesta, Pergunta/Resposta,
	// Frage/Antwort, Domanda/Risposta, Question/Réponse, and their
	// one-letter forms (P:/R:, F:/A:, D:/R:), with a colon, or numbered
	// with the marks a number takes ("F2)", "P3.", "R1:"): bare, "D." or
	// "F)" would be a lettered option.
	questionRE = lazyre.Hot(`^(?:(?:Q|Question|Pregunta|Pergunta|Frage|Domanda)\s*\d{0,3}\s*[:.)–—-]|[PFD]\s*(?:\d{1,3}\s*[:.)]|:))\s+`)
	answerRE   = lazyre.Hot(`^(?:(?:A|Answer|Respuesta|Resposta|Antwort|Risposta|Réponse)\s*\d{0,3}\s*[:.)–—-]|R\s*(?:\d{1,3}\s*[:.)]|:))\s+`)
	// inlineAnswerRE: "Why? A: Because." on one line.
	inlineAnswerRE = lazyre.New(`^(.+?\?["”’')»]*)\s+(?:A|Answer|R|Respuesta|Resposta|Antwort|Risposta|Réponse)\s*[:.]\s+(.+)$`)
	// quoteLabelRE: the label some guides number their quotes with,
	// "Quote 1:", "Quotation #2 –", "#3", "Cita 1", "Zitat 2:".
	quoteLabelRE = lazyre.New(`(?i)^(?:(?:key\s+|important\s+)?(?:quote|quotation|cita|citation|zitat|citazione|citação|passage|passagem|cytat)\s*(?:n[º°o.]\s*)?#?\d{1,3}|#\d{1,3})(?:\s*[:.)–—-]\s*|\s+|$)`)
	// placeRE: the words that name a place in a book.
	placeRE = lazyre.New(`(?i)\b(?:chapter|ch|act|scene|sc|book|part|canto|letter|page|p|pp|line|lines|stanza|volume|vol|capítulo|cap|acto|escena|chapitre|acte|scène|kapitel|akt|szene|capitolo|atto|scena|ato|cena|página|pagina|seite|hoofdstuk|bedrijf|toneel|blz|rozdział|rozdz|część|księga)\b|\b[IVXLC]+\b`)
)

// ByLine reads a by-line with its label ("by Jane Austen", "Author: Jane
// Austen", "Written by …", "Autor: …", "écrit par …") and returns the
// author; ok with an empty author is the bare label, the name on the next
// line.
func ByLine(s string) (author string, ok bool) {
	m := byRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// ForeignByLine reads "de Benito Pérez Galdós", "par Voltaire", "von
// Theodor Storm", "di …", "por …", "da …": a preposition in lower case,
// then what may be a name. The caller checks that it is one (NameLike).
func ForeignByLine(s string) (name string, ok bool) {
	m := foreignByRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// Year splits a year of publication off the end of a title or a name:
// "Jane Eyre (1847)", "Bram Stoker, 1897", "Emma [1815]".
func Year(s string) (rest string, year int, ok bool) {
	m := yearRE.FindStringSubmatch(s)
	if m == nil {
		return s, 0, false
	}
	y, err := strconv.Atoi(m[2])
	if err != nil || y < 1000 || y > 2100 {
		return s, 0, false
	}
	return m[1], y, true
}

// GuideTitle reads a title that names a study guide and returns the book
// it is about: "Study Guide: Jane Eyre", "Jane Eyre: A Study Guide",
// "Candide — Fiche de lecture", "Der Schimmelreiter: Lektürehilfe", "Jane
// Eyre Study Guide", "Frankenstein Notes".
func GuideTitle(s string) (book string, ok bool) {
	// "Study Guide: Jane Eyre" (guidePrefix), "Jane Eyre: A Study Guide"
	// (guideSuffix), "Great Expectations: A Study Outline" (guideNoteSuffix),
	// "Dracula — A Comprehensive Study Guide for AP Students"
	// (guideSeparated), "Jane Eyre Study Guide" (guideTail), in that order.
	for _, read := range []func(string) (string, bool){guidePrefix, guideSuffix, guideNoteSuffix, guideSeparated, guideTail} {
		if b, ok := read(s); ok && !article[strings.ToLower(strings.TrimSpace(b))] {
			return strings.TrimSpace(b), true
		}
	}
	return "", false
}

// article: "The Guide" is a novel, not a guide to "The".
var article = map[string]bool{"the": true, "a": true, "an": true, "el": true, "la": true, "le": true, "les": true, "der": true, "die": true, "das": true, "il": true, "lo": true, "o": true, "os": true}

// ExplanationLabel is the length in bytes of the label that opens a
// quote's explanation ("Explanation: ", "Analysis:", "Erklärung: ",
// "Explication : ", "Explicação:"), spaces after it included; 0 when s has
// none.
func ExplanationLabel(s string) int {
	// (strings.ContainsAny with a non-ASCII set walks the line rune by
	// rune: this runs on every line.)
	if strings.IndexByte(s, ':') < 0 && !strings.Contains(s, "：") {
		return 0
	}
	// The label is short: try the expression on the head of the line only
	// (its cost grows with the length of what it is given).
	if loc := explRE.FindStringIndex(s[:min(len(s), 64)]); loc != nil {
		return loc[1]
	}
	return 0
}

// QuestionLabel is the length in bytes of the label of an FAQ question
// ("Q: ", "Q1. ", "Question: ", "P: ", "F: ", "Frage: ", "Domanda: "),
// spaces after it included; 0 when s has none or nothing follows it.
func QuestionLabel(s string) int {
	if n := labelLen(questionRE, s); n > 0 {
		return n
	}
	return BareQuestionNumber(s)
}

// labelLen is the length in bytes of re's label at the start of s, spaces
// after it included, with the emphasis marks a plain-text file keeps as
// typed when the label is set in bold or italics ("**F2:** Was …", "**Q1**:
// Why …", "__A:__ Because …", as a Markdown paste or a word processor's
// export types it): the marks go with the label. 0 when there is none, or
// nothing follows it, or the marks close after the label's text (a line
// set in bold).
func labelLen(re *lazyre.Regexp, s string) int {
	if loc := re.FindStringIndex(s); loc != nil {
		if loc[1] < len(s) {
			return loc[1]
		}
		return 0
	}
	if s == "" || s[0] != '*' && s[0] != '_' {
		return 0
	}
	for _, m := range []string{"**", "__", "*", "_"} {
		rest, ok := strings.CutPrefix(s, m)
		if !ok {
			continue
		}
		j := strings.Index(rest, m)
		if j <= 0 || j > 24 {
			return 0
		}
		inner := rest[:j] + rest[j+len(m):] // the label without its marks
		loc := re.FindStringIndex(inner)
		if loc == nil || loc[1] >= len(inner) || loc[1] < j {
			return 0
		}
		return loc[1] + 2*len(m)
	}
	return 0
}

// BareQuestionNumber is the length in bytes of a question's number typed
// without a mark after it ("Q1 Why does…", "Q 12 Describe…"), spaces
// after it included: a "Q", at most one space, one to three digits,
// spaces, then a capital letter (so "Q1 2024" or "Q3s" are not labels);
// 0 when s opens otherwise.
func BareQuestionNumber(s string) int {
	if len(s) < 4 || s[0] != 'Q' {
		return 0
	}
	i := 1
	if s[i] == ' ' {
		i++
	}
	d := i
	for i < len(s) && i-d < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == d || i-d > 3 || i >= len(s) || s[i] != ' ' && s[i] != '\t' {
		return 0
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsUpper(r) {
		return 0
	}
	return i
}

// AnswerLabel is the length in bytes of the label of an FAQ answer ("A: ",
// "Answer: ", "R: ", "Respuesta: ", "Antwort: "); 0 when s has none or
// nothing follows it. "A." counts too: callers that find it after an
// unlabelled question ask for a colon.
func AnswerLabel(s string) int {
	return labelLen(answerRE, s)
}

// InlineAnswer splits "Why does she leave? A: Because …" into the question
// and its answer.
func InlineAnswer(s string) (question, answer string, ok bool) {
	m := inlineAnswerRE.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// QuoteLabel is the length in bytes of the label a highlighted quote is
// numbered with ("Quote 1: ", "Quotation #2 – ", "#3 ", "Cita 1", "Zitat
// 2:"), spaces after it included; len(s) for a label alone; 0 when s has
// none.
func QuoteLabel(s string) int {
	if len(s) < 2 {
		return 0
	}
	if loc := quoteLabelRE.FindStringIndex(s); loc != nil {
		return loc[1]
	}
	return 0
}

// ParenAttribution reports a bracketed line that names a place in the book
// or a speaker: "(Chapter 3)", "(p. 12)", "(Act 2, Scene 1)", "(Jane to
// Rochester)", "(Clennam, Book 2)".
func ParenAttribution(s string) bool {
	if len(s) < 3 || s[0] != '(' || s[len(s)-1] != ')' || utf8.RuneCountInString(s) > 100 || strings.Count(s, "(") != 1 {
		return false
	}
	inner := s[1 : len(s)-1]
	if strings.ContainsAny(inner, "0123456789") || placeRE.MatchString(inner) {
		return true
	}
	// "(Jane to Rochester)": a few capitalised words.
	return len(strings.Fields(inner)) <= 5 && !strings.ContainsAny(inner, ".?!")
}

// particles are the words in lower case a personal name may hold.
var particles = map[string]bool{"de": true, "da": true, "di": true, "du": true, "del": true, "della": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "y": true, "e": true, "bin": true, "ibn": true, "al": true, "el": true, "ten": true, "ter": true, "zu": true, "and": true, "&": true}

// Particle reports a word in lower case that a personal name may hold
// ("de", "van", "von", "y", "ibn").
func Particle(w string) bool { return particles[strings.ToLower(w)] }

// NameLike reports a line that may be a personal name: at most seven
// words, each capitalised but for particles, no sentence punctuation or
// quotation marks, and no known heading.
func NameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 7 || utf8.RuneCountInString(s) > 80 || strings.ContainsAny(s, "?!;:\"“”") {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !Particle(w) {
			return false
		}
	}
	return Classify(s).Kind == Unknown
}

var (
	// publishedRE: "Published: 1886", "First published 1847", "Publicado en 1554".
	publishedRE = lazyre.New(`(?i)^(?:(?:first\s+)?published|publication|date of (?:first )?publication|year(?: of publication)?|publicado|publicada|publié|publiée|parution|erschienen|veröffentlicht|erstveröffentlichung|pubblicato|pubblicazione|publicação|jaar van uitgave|jaar van verschijnen|verschenen|uitgegeven)(?:\s+(?:in|en|em|nel|im))?\s*[:：]?\s*(?:[\p{L}]+\s+)?(?:\d{1,2}\s+)?((?:1[0-9]|20)[0-9]{2})\.?$`)
)

// GuideSubtitle reports a short line that names the guide, with or
// without whom it is for ("A Study Guide for Students", "Teacher Notes",
// "Lektürehilfe für die Oberstufe", "Reading Companion — Grades 9–12"):
// written under the title or the by-line, it is the guide's own title,
// not a section.
func GuideSubtitle(s string) bool {
	if utf8.RuneCountInString(s) > 80 || strings.HasSuffix(s, ".") || Classify(s).Kind != Unknown {
		return false
	}
	return guideSubtitle(s) || describedGuide(s) || guideSubtitle(unglossed(s)) || attachedFor(s) || worksheetName(s) || partedGuide(s) || classFirst(s)
}

// classFirst: the class, a mark, then the guide's name ("Year 7 English –
// Unit 3 Handout"), the order of "Unit 3 Handout – Year 7 English" turned
// round (it was a section, the guide's synopsis under it).
func classFirst(s string) bool {
	for _, m := range []string{" – ", " — ", " - ", ": ", " | "} {
		if i := strings.Index(s, m); i > 0 {
			if _, teacher, ok := ClassLine(s[:i]); ok && teacher == "" && GuideSubtitle(s[i+len(m):]) {
				return true
			}
		}
	}
	return false
}

// attachedFor: a guide's name in Arabic or Hebrew, then whom it is for in
// a word that carries its "for" as a prefix ("دليل دراسي للمرحلة
// الثانوية", "מדריך לימוד לכיתה י'"), where guideSubtitle wants "for" as
// a word of its own.
func attachedFor(s string) bool {
	for _, p := range []string{"دليل دراسي", "دليل القراءة", "מדריך לימוד", "מדריך קריאה"} {
		if rest, ok := strings.CutPrefix(s, p+" "); ok && (strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ל")) {
			return true
		}
	}
	return false
}

// unglossed is s without a bracketed gloss at its end, written with no
// space before it as Chinese and Japanese do: "読書ガイド（中学生向け）" is
// "読書ガイド"; s itself when it has none.
func unglossed(s string) string {
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasSuffix(s, b[1]) {
			if i := strings.LastIndex(s, b[0]); i > 0 {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	return s
}

// describedGuide: "A Scene-by-Scene Guide for Drama Students", "The
// Complete Reader's Companion", "A Classroom Guide — Year 9", "Quick
// Revision Notes — Year 12": a guide, a companion or notes of a kind
// (notesThen) described by up to three words, then nothing, a mark and
// more, or "for …" as guideSubtitle's tails.
func describedGuide(s string) bool {
	f := strings.Fields(s)
	for k := 1; k < len(f) && k <= 4; k++ {
		w := strings.ToLower(f[k])
		// "… Guide", "… Companion", or notes of a kind after a word or
		// two ("Quick Revision Notes", "GCSE Study Notes").
		if w != "guide" && w != "companion" && !sheetKind(w, k < len(f)-1) && (k < 2 || !notesThen(strings.Join(f[k-1:k+1], " "), func(t string) bool { return t == "" })) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(f[0]); !unicode.IsUpper(r) {
			return false
		}
		for _, x := range f[:k] {
			if strings.ContainsAny(x, ".,;:!?\"“”()—–|") {
				return false
			}
		}
		i := 0 // the end of f[k] in s
		for _, x := range f[:k+1] {
			i += strings.Index(s[i:], x) + len(x)
		}
		return subtitleTail(s[i:])
	}
	return false
}

// sheetKind: w, a guide's last word but its tail, names a guide by its
// kind: a worksheet, handout or packet always ("Poetry Analysis
// Worksheet"); notes or an outline only with a tail that says whom or
// what they are for ("Scene-by-Scene Notes for Year 10"), since
// "Character Notes" alone is a section's name.
func sheetKind(w string, tail bool) bool {
	switch w {
	case "worksheet", "handout", "packet":
		return true
	case "notes", "outline":
		return tail
	}
	return false
}

// Published reads a line that gives the year of publication: "Published:
// 1886", "First published 1847", "Date of first publication: December
// 1847", "Publicado en 1554".
func Published(s string) (year int, ok bool) {
	if len(s) > 80 {
		return 0, false
	}
	m := publishedRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	y, err := strconv.Atoi(m[1])
	if err != nil {
		return 0, false
	}
	return y, true
}

// anonymous are the words that stand for an unknown author.
var anonymous = map[string]string{"anonymous": "Anonymous", "anon": "Anonymous", "anon.": "Anonymous", "unknown": "Unknown",
	"anónimo": "Anónimo", "anónima": "Anónima", "anonyme": "Anonyme", "anonym": "Anonym", "anonimo": "Anonimo", "anônimo": "Anônimo",
	"autor anónimo": "Anónimo", "auteur anonyme": "Anonyme", "autore anonimo": "Anonimo", "autor anônimo": "Anônimo", "autor desconocido": "Anónimo",
	"مجهول": "مجهول", "مؤلف مجهول": "مجهول", "אלמוני": "אלמוני", "מחבר אלמוני": "אלמוני"}

// Anonymous reads a line (or a by-line's name) that says the author is
// unknown ("Anonymous", "Anónimo", "anónimo") and returns the word
// capitalised.
func Anonymous(s string) (author string, ok bool) {
	if len(s) > 40 {
		return "", false
	}
	a, ok := anonymous[strings.ToLower(strings.TrimSpace(s))]
	return a, ok
}

// contentsNames are the headings of a table of contents, which a guide's
// readers make from its headings: a copied one is page residue.
var contentsNames = map[string]bool{"contents": true, "table of contents": true, "in this guide": true, "on this page": true,
	"índice": true, "contenido": true, "contenidos": true, "tabla de contenidos": true, "índice de contenidos": true,
	"sommaire": true, "table des matières": true, "dans ce guide": true, "inhaltsverzeichnis": true, "inhaltsübersicht": true,
	"indice": true, "sommario": true, "sumário": true, "índice geral": true}

// Contents reports the heading of a table of contents ("Contents", "Table
// of Contents", "Índice", "Sommaire", "Inhaltsverzeichnis", "Sumário").
func Contents(heading string) bool { return contentsNames[Norm(heading)] }

var (
	pubLabelRE = lazyre.New(`(?i)^(?:(?:date|year) of (?:first )?publication|year|año|année|jahr|anno|ano|(?:first )?published|publication(?: date| year)?|year published|fecha de (?:primera )?publicación|año de publicación|publicación|publicado|date de (?:première )?publication|première publication|parution|publication|erscheinungsjahr|erstveröffentlichung|erschienen|veröffentlichung|anno di pubblicazione|prima pubblicazione|pubblicazione|data de publicação|ano de publicação|publicação)$`)
	yearInRE   = lazyre.New(`\b(1[0-9]{3}|20[0-9]{2})\b`)
)

// PublicationYear reads a Key Facts entry that gives the date of
// publication ("Date of first publication" = "December 1847", "Published"
// = "1886 (London)") and returns the year.
func PublicationYear(term, def string) (year int, ok bool) {
	if len(term) > 60 {
		return 0, false
	}
	if !pubLabelRE.MatchString(strings.TrimSpace(strings.TrimRight(term, ": "))) {
		return 0, false
	}
	m := yearInRE.FindStringSubmatch(def[:min(len(def), 120)])
	if m == nil {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	return y, true
}
