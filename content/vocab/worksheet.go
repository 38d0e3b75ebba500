package vocab

import (
	"strings"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
)

// A teacher names a worksheet by what it practises, and often the class
// it is for: "Wortschatz und Leseverständnis — Klasse 9", "Vocabulary and
// Comprehension — Grade 9", "Vocabulaire et compréhension — Classe de
// 4e", "Arbeitsblatt Wortschatz — 9. Klasse". Under the title such a line
// is the guide's name, as "Teacher Notes" is; it was read as the
// synopsis's first paragraph. Its parts are the skills a worksheet
// practises (skillNames) or the handout sections that practise them
// (vocabulary, questions, activities, a quiz).

// skillNames are what a worksheet practises that is not a section's name
// of its own, normalised (Norm): reading comprehension, grammar, writing.
var skillNames = map[string]bool{
	"comprehension": true, "reading comprehension": true, "reading": true, "grammar": true, "writing": true,
	"spelling": true, "word study": true, "close reading": true, "exercises": true, "word work": true,
	"leseverständnis": true, "textverständnis": true, "verständnis": true, "lesen": true, "grammatik": true,
	"schreiben": true, "rechtschreibung": true, "textarbeit": true, "übungen": true, "fragen": true, "textverstehen": true,
	"compréhension": true, "compréhension écrite": true, "compréhension du texte": true, "compréhension de texte": true,
	"lecture": true, "grammaire": true, "écriture": true, "orthographe": true, "exercices": true, "expression écrite": true,
	"comprensión": true, "comprensión lectora": true, "comprensión del texto": true, "comprensión de lectura": true,
	"lectura": true, "gramática": true, "escritura": true, "ortografía": true, "ejercicios": true, "expresión escrita": true,
	"comprensione": true, "comprensione del testo": true, "lettura": true, "grammatica": true, "scrittura": true,
	"ortografia": true, "esercizi": true, "produzione scritta": true,
	"compreensão": true, "compreensão de texto": true, "compreensão leitora": true, "interpretação": true,
	"interpretação de texto": true, "leitura": true, "escrita": true, "exercícios": true, "produção de texto": true,
	"понимание текста": true, "чтение": true, "грамматика": true, "упражнения": true, "задания": true,
	"розуміння тексту": true, "читання": true, "граматика": true, "вправи": true, "завдання": true,
	"κατανόηση κειμένου": true, "κατανόηση": true, "ασκήσεις": true, "γραμματική": true,
	"poetry analysis": true, "text analysis": true, "textanalyse": true, "gedichtanalyse": true, "analyse de texte": true,
	"commentaire de texte": true, "análisis de texto": true, "comentario de texto": true, "analisi del testo": true,
	"análise de texto": true,
}

// skillLinks join a worksheet's parts: "Wortschatz und Leseverständnis".
func skillLink(w string) bool {
	switch strings.ToLower(w) {
	case "and", "&", "+", "/", "und", "et", "y", "e", "i", "и", "і", "та", "και":
		return true
	}
	return false
}

// worksheetSheets are the words for a worksheet that may stand before
// what it practises: "Arbeitsblatt Wortschatz", "Worksheet: Vocabulary".
var worksheetSheets = []string{"worksheet", "handout", "arbeitsblatt", "arbeitsheft", "übungsblatt",
	"fiche d'exercices", "fiche d’exercices", "fiche", "ficha de trabajo", "hoja de trabajo", "ficha",
	"scheda", "scheda didattica", "ficha de trabalho", "рабочий лист", "робочий аркуш", "φύλλο εργασίας",
	"ワークシート", "学习单", "练习单", "學習單", "कार्यपत्रक", "वर्कशीट", "ورقة عمل", "דף עבודה"}

// worksheetName reports a line that names a worksheet by what it
// practises: two parts or more of which one at least is a skill
// (skillNames), or any parts after a worksheet's word, with or without
// a tail (subtitleTail: a mark and more, or "for" and more); or one part
// with a tail that names a class ("Vocabulary — Grade 9"). Handout
// sections alone ("Vocabulary and Discussion Questions") are a
// section's heading, and so is a section over the part of the book it
// covers ("Vocabulary — Chapters 1–5").
func worksheetName(s string) bool {
	if u := unglossed(s); u != s && sheetWord(u) {
		return true // "ワークシート（中学2年）": the sheet and whom it is for
	}
	head, tail := splitTail(s)
	if !subtitleTail(tail) {
		return false
	}
	sheet := false
	for _, w := range worksheetSheets {
		n, ok := foldPrefix(head, w)
		switch {
		case ok && n == len(head):
			// The word alone, with whom it is for: "Рабочий лист — 5
			// класс" ("Worksheet — Year 9" is GuideSubtitle's already).
			return tail != "" && classTail(tail)
		case ok && spaces(head[n:]) > 0:
			head, sheet = head[n+spaces(head[n:]):], true
		default:
			continue
		}
		break
	}
	parts, skill := 0, false
	var part []string
	flush := func() bool {
		if len(part) == 0 {
			return false
		}
		p := strings.Join(part, " ")
		part = part[:0]
		n := Norm(p)
		switch {
		case skillNames[n]:
			skill = true
		case handoutSection(p):
		default:
			return false
		}
		parts++
		return true
	}
	for _, w := range strings.Fields(head) {
		w, comma := strings.CutSuffix(w, ",")
		if skillLink(w) {
			if !flush() {
				return false
			}
			continue
		}
		part = append(part, w)
		if comma && !flush() {
			return false
		}
	}
	if !flush() {
		return false
	}
	switch {
	case sheet || parts >= 2 && skill:
		return true
	case tail == "":
		return false
	}
	return classTail(tail)
}

// sheetWord: s is only a word for a worksheet.
func sheetWord(s string) bool {
	for _, w := range worksheetSheets {
		if n, ok := foldPrefix(s, w); ok && n == len(s) {
			return true
		}
	}
	return false
}

// handoutSection: p names a section a handout practises with: vocabulary,
// questions, activities or a quiz.
func handoutSection(p string) bool {
	h := Classify(p)
	if h.Kind == Section && (h.Role == content.RoleVocabulary || h.Role == content.RoleDiscussion || h.Role == content.RoleActivities) {
		return true
	}
	return Assessment(p)
}

// splitTail parts s at its first mark (" — ", ": " …), or before a word
// for whom ("for", "für", "pour" …) that a class follows ("für die 9.
// Klasse"): the head, and the tail with its mark or word, "" when there is
// none. (A "for" before anything else may be part of a name: "Preguntas
// para el debate".)
func splitTail(s string) (head, tail string) {
	end := len(s)
	for _, m := range []string{" — ", " – ", "—", "–", ": ", " | ", " - "} {
		if i := strings.Index(s, m); i > 0 && i < end {
			end = i
		}
	}
	if i := strings.LastIndex(s[:end], ", "); i > 0 && classTail(s[i+2:end]) {
		// ", Grade 9" (a comma between parts joins them): subtitleTail
		// knows no comma; read it as a dash.
		return s[:i], " — " + s[i+2:]
	}
	for _, w := range []string{"for", "für", "para", "pour", "per", "для", "για"} {
		if i := strings.Index(strings.ToLower(s[:end]), " "+w+" "); i > 0 && classTail(s[i:end]) {
			return s[:i], s[i:]
		}
	}
	return s[:end], s[end:]
}

// classTail: t, a subtitle's tail, names the class it is for ("— Klasse
// 9", "für die 9. Klasse", ": Classe de 4e", "— 9 класс", "for Year 10
// English — Ms. Brennan"), not the part of the book.
func classTail(t string) bool {
	t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "—–:|-"))
	var kept []string
	for i, w := range strings.Fields(t) {
		if i == 0 && (subtitleForWord(w) || article[strings.ToLower(w)]) {
			continue
		}
		if i <= 1 && article[strings.ToLower(w)] {
			continue
		}
		kept = append(kept, w)
	}
	t = strings.Join(kept, " ")
	if _, _, ok := ClassLine(t); ok {
		return true
	}
	return classOf(t, false) || schoolYear(t)
}

// schoolYear: t names a school's year in a language whose words for it
// classOf does not split into words: "中学2年", "八年级", "高一", "Α΄
// Λυκείου", "कक्षा 8", "الصف التاسع".
func schoolYear(t string) bool {
	if utf8.RuneCountInString(t) > 24 {
		return false
	}
	for _, w := range []string{"年级", "年級", "年生", "中学", "高校", "小学", "初中", "高中", "初一", "初二", "初三", "高一", "高二", "高三",
		"λυκείου", "γυμνασίου", "δημοτικού", "τάξη", "कक्षा", "الصف", "כיתה"} {
		if strings.Contains(strings.ToLower(t), w) {
			return true
		}
	}
	return false
}

func subtitleForWord(w string) bool {
	for _, f := range subtitleFor {
		if strings.EqualFold(w, f) {
			return true
		}
	}
	return false
}

// partedGuide: a line of a few parts set apart by " · ", " • " or " | ",
// one of which names the guide ("Resumen y análisis · Guía de lectura",
// "Chapter Notes | Study Guide"), as a study site heads its page; it was
// a section.
func partedGuide(s string) bool {
	for _, sep := range []string{" · ", " • ", " | "} {
		parts := strings.Split(s, sep)
		if len(parts) < 2 || len(parts) > 4 {
			continue
		}
		named := false
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" || len(strings.Fields(p)) > 6 || strings.ContainsAny(p, ".?!;") {
				return false
			}
			named = named || GuideName(p) || guideSubtitle(p)
		}
		return named
	}
	return false
}
