package vocab

import (
	"strconv"
	"sync"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/growth"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want Heading
	}{
		{"Key Quotes", Heading{Kind: Quotes, Lang: "en"}},
		// A worksheet's lettered parts, by the name after the letter
		// (session 17: they were unknown, the later parts read as
		// subsections of the first); a book's parts are not lettered.
		{"Part A – Vocabulary", Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "en"}},
		{"Part B - Reading Questions (Chapters 1–4)", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Section C: Discussion Questions", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"PART D — KEY QUOTATIONS", Heading{Kind: Quotes, Lang: "en"}},
		{"Teil A: Wortschatz", Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "de"}},
		{"Homework", Heading{Kind: Section, Role: content.RoleActivities, Lang: "en"}},
		{"Part About Love", Heading{}},
		{"Part One – The Riverbank", Heading{}},
		{"Part Z – Vocabulary", Heading{}},
		{"📖 Important Quotations Explained:", Heading{Kind: Quotes, Lang: "en"}},
		{"Frequently Asked Questions (FAQ)", Heading{Kind: FAQ, Lang: "en"}},
		{"II. Plot Overview", Heading{Kind: Section, Role: content.RoleSummary, Lang: "en"}},
		{"Discussion Questions", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		// A unit plan's parts, of no role (session 14's QA round).
		{"Assessment", Heading{Kind: Section, Lang: "en"}},
		{"Grading Rubric", Heading{Kind: Section, Lang: "en"}},
		{"Lernziele", Heading{Kind: Section, Lang: "de"}},
		{"Critères d'évaluation", Heading{Kind: Section, Lang: "fr"}},
		// A quiz handout's headings (session 12's QA round).
		{"True or False", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Multiple Choice", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Answer Key", Heading{Kind: Section, Lang: "en"}},
		{"Vero o falso", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "it"}},
		{"Gabarito", Heading{Kind: Section, Lang: "pt"}},
		{"Perguntas", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "pt"}},
		{"Antes de ler", Heading{Kind: Section, Role: content.RoleActivities, Lang: "pt"}},
		{"Avant de lire", Heading{Kind: Section, Role: content.RoleActivities, Lang: "fr"}},
		{"Prima di leggere", Heading{Kind: Section, Role: content.RoleActivities, Lang: "it"}},
		{"Dramatis Personae", Heading{Kind: Section, Role: content.RoleCharacters, Lang: "en"}},
		// A handout's section with the chapters it covers after a mark.
		{"Vocabulary — Chapters 1–5", Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "en"}},
		{"Vocabulary: Chapters 1-5", Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "en"}},
		{"Discussion Questions — Part II", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Study Questions: Chapters 4–6", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Vocabulario: capítulos 1-3", Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "es"}},
		// The part of the book first, then the section's name; a quiz or test.
		{"Chapters 1–3 Quiz", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Chapter 5 Vocabulary", Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "en"}},
		{"Act II Discussion Questions", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Chapters 4 to 6 Quiz", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Unit Test", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Reading Check", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Prueba de lectura", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "es"}},
		// Other handouts' names (session 13's QA round).
		{"Frases para comentar", Heading{Kind: Quotes}}, // es and pt alike
		{"Citations à commenter", Heading{Kind: Quotes, Lang: "fr"}},
		{"Inhalt in Kürze", Heading{Kind: Section, Role: content.RoleSummary, Lang: "de"}},
		{"Questions de lecture", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "fr"}},
		{"Questões de interpretação", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "pt"}},
		{"Anticipation Guide", Heading{Kind: Section, Role: content.RoleActivities, Lang: "en"}},
		{"Esercizi", Heading{Kind: Section, Role: content.RoleActivities, Lang: "it"}},
		{"Key Passage", Heading{Kind: Quotes, Lang: "en"}},
		{"Important Quote", Heading{Kind: Quotes, Lang: "en"}},
		{"Citation clé", Heading{Kind: Quotes, Lang: "fr"}},
		{"Fatos Principais", Heading{Kind: Section, Role: content.RoleKeyFacts, Lang: "pt"}}, // a study site's Key Facts
		{"Fatos-chave", Heading{Kind: Section, Role: content.RoleKeyFacts, Lang: "pt"}},
		{"Chapters 1–3 Summary", Heading{}},                // a chapter's heading, placed by layout
		{"Chapters 1–3 Quiz — Grade 7", Heading{}},         // the handout's name, not a section's
		{"Summary: Chapter 1", Heading{}},                  // a chapter's heading, placed by layout
		{"Vocabulary — a word a day", Heading{}},           // no part of the book after the mark
		{"Discussion Questions: Who is Kurtz?", Heading{}}, // a question, not a range
		{"KEY FACTS", Heading{Kind: Section, Role: content.RoleKeyFacts, Lang: "en"}},
		{"Citas destacadas", Heading{Kind: Quotes, Lang: "es"}},
		{"¿Preguntas frecuentes?", Heading{Kind: FAQ, Lang: "es"}},
		{"Questions fréquentes", Heading{Kind: FAQ, Lang: "fr"}},
		{"Häufig gestellte Fragen", Heading{Kind: FAQ, Lang: "de"}},
		{"Domande frequenti", Heading{Kind: FAQ, Lang: "it"}},
		{"Perguntas frequentes", Heading{Kind: FAQ, Lang: "pt"}},
		{"Temas", Heading{Kind: Section, Role: content.RoleThemes}},
		{"Vocabulário", Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "pt"}},
		{"JOURNAL PROMPTS", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Quick Quizzes", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
		{"Главные герои", Heading{Kind: Section, Role: content.RoleCharacters, Lang: "ru"}},
		{"Питання для обговорення", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "uk"}},
		{"Πρόσωπα του δράματος", Heading{Kind: Section, Role: content.RoleCharacters, Lang: "el"}},
		{"登場人物", Heading{Kind: Section, Role: content.RoleCharacters, Lang: "ja"}},
		{"讨论题", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "zh"}},
		{"शब्दावली", Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "hi"}},
		{"الشخصيات", Heading{Kind: Section, Role: content.RoleCharacters, Lang: "ar"}},
		{"שאלות לדיון", Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "he"}},
		{"Quotes and Analysis", Heading{}},
		{"Kathy H.", Heading{}},
		{"", Heading{}},
	}
	for _, tt := range tests {
		if got := Classify(tt.in); got != tt.want {
			t.Errorf("Classify(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

// Every role a name maps to is a role of the model.
func TestNamesUseModelRoles(t *testing.T) {
	load()
	for n, h := range names {
		if !h.Role.Valid() {
			t.Errorf("%q has role %q", n, h.Role)
		}
		if h.Kind != Section && h.Role != "" {
			t.Errorf("%q: kind %d with a role", n, h.Kind)
		}
	}
}

// A known name typed in Norm's form is added as typed, without Norm
// (normal), and only such a name: every key is its own Norm, and normal
// says a string is normal only where Norm leaves it as it is, for every
// string of up to four of the bytes Norm acts on.
func TestNormalNamesAreTheirOwnNorm(t *testing.T) {
	load()
	for k := range names {
		if n := Norm(k); n != k {
			t.Errorf("known name %q is not normalised (Norm: %q)", k, n)
		}
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"plot summary", true}, {"what's it about", true}, {"a", true},
		{"", false}, {" summary", false}, {"summary ", false}, {"plot  summary", false},
		{"Summary", false}, {"i. summary", false}, {"a) summary", false}, {"summary:", false},
		{"q&a", false}, {"short-answer", false}, {"it’s", false}, {"résumé", false}, {"plot\tsummary", false},
	} {
		if got := normal(tc.s); got != tc.want {
			t.Errorf("normal(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
	const bytes = "aiA1.) '-&\t"
	var walk func(s string)
	walk = func(s string) {
		if normal(s) && Norm(s) != s {
			t.Errorf("normal(%q), but Norm gives %q", s, Norm(s))
		}
		if len(s) < 4 {
			for i := range len(bytes) {
				walk(s + bytes[i:i+1])
			}
		}
	}
	walk("")
}

func TestNameReadsBack(t *testing.T) {
	for _, lang := range append(Languages, "pt-BR", "xx", "ar", "he", "he-IL") {
		for _, k := range []Kind{Quotes, FAQ} {
			if got := Classify(Name(k, lang)).Kind; got != k {
				t.Errorf("Name(%d, %s) = %q classifies as %d", k, lang, Name(k, lang), got)
			}
		}
	}
}

func TestAssessment(t *testing.T) {
	for in, want := range map[string]bool{
		"Chapters 1–3 Quiz — Grade 7": true, "Chapters 1-3 Quiz": true, "Unit Test": true, "Quiz": true, "Quiz: Chapters 4–6": true,
		"Final Exam for Grade 8": true, "Reading Check Quiz": true, "Act II Test (Year 9)": true, "Prueba de lectura: capítulos 1–3": true,
		"Examen de los capítulos 1 a 3": true, "Contrôle de lecture": true, "Verifica di lettura — classe 2ª": true, "Klassenarbeit": true,
		"Test your knowledge.": false, "Testament": false, "The Test": false, "Buck passes the test": false, "Quizzes and games": false,
		"What is the test?": false, "Chapters 1–3 Summary": false, "Quiz night at the Miller place, then a long journey north": false,
	} {
		if got := Assessment(in); got != want {
			t.Errorf("Assessment(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestGuideCredit(t *testing.T) {
	for in, want := range map[string]string{
		"Prepared by Mrs. Alvarez": "Mrs. Alvarez", "Study guide prepared by Mrs. Alvarez": "Mrs. Alvarez", "Teacher: Mr. Okafor": "Mr. Okafor",
		"Compiled by: the English Department": "the English Department", "Guide by Ms. Lee": "Ms. Lee", "Elaborado por: Departamento de Lengua": "Departamento de Lengua",
		"Préparé par Mme Dubois": "Mme Dubois", "Erstellt von Frau Becker": "Frau Becker", "A cura di prof.ssa Bianchi": "prof.ssa Bianchi",
		"Teacher Notes": "", "by Jane Austen": "", "Written by Mary Shelley": "", "Teacher's Guide": "", "Prepared by whom?": "",
	} {
		if got, _ := GuideCredit(in); got != want {
			t.Errorf("GuideCredit(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassLine(t *testing.T) {
	for in, want := range map[string][2]string{
		"English 10 – Mrs. Alvarez": {"English 10", "Mrs. Alvarez"}, "Period 3 · Mr. Díaz": {"Period 3", "Mr. Díaz"},
		"Year 9 English — Ms. Okafor": {"Year 9 English", "Ms. Okafor"}, "Mr. Díaz · Period 3": {"Period 3", "Mr. Díaz"},
		"Honors English 10, Period 3": {"Honors English 10, Period 3", ""}, "AP Literature | Dr. Chen": {"AP Literature", "Dr. Chen"},
		"3.º de ESO – Prof.ª Ruiz": {"3.º de ESO", "Prof.ª Ruiz"}, "Klasse 9b – Frau Becker": {"Klasse 9b", "Frau Becker"},
		"Grade 7":            {"Grade 7", ""},
		"English Literature": {}, "Chapter 10 – Mr. Hyde": {}, "Mrs. Alvarez": {}, "Teacher: Mr. Okafor": {}, "Period 3 · the Socs": {},
		"A Study Guide for Students": {}, "Year of the Tiger – Mr. Lee": {}, "Form 4 — who wrote it?": {},
	} {
		c, teacher, ok := ClassLine(in)
		if ok != (want[0] != "") || c != want[0] || teacher != want[1] {
			t.Errorf("ClassLine(%q) = %q, %q, %v; want %q", in, c, teacher, ok, want)
		}
	}
}

// TestWordAfter: the word after a line's first, when that is one of a
// set, cut at a space or a mark, case aside in the first.
func TestWordAfter(t *testing.T) {
	set := map[string]bool{"week": true, "tratado": true}
	for _, c := range []struct{ in, want string }{
		{"Tratado primero: Lázaro y el ciego", "primero"},
		{"TRATADO Segundo", "Segundo"},
		{"Week 1 — Book the First", "1"},
		{"Week   12, Chapters 3–5", "12"},
		{"Week IV-V", "IV"},
		{"Week ", ""},
		{"Week", ""},
		{"Weekly 1", ""},
		{" Week 1", ""},
		{"Month 1", ""},
		{"Averyveryverylongword 1", ""},
	} {
		if got := WordAfter(c.in, set); got != c.want {
			t.Errorf("WordAfter(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestClassifyRemembers: Classify gives the answer classify gives, for
// headings that share slots and for builds asking at once.
func TestClassifyRemembers(t *testing.T) {
	headings := []string{"Heading 12345", "Key Quotes", "II. Plot Overview", "Discussion Questions — Chapters 1–5",
		"Chapters 1–3 Quiz", "Themes", "Perguntas", "Text 12345.", "", "📖 Important Quotations Explained:"}
	for i := range 2000 { // four times the slots: headings take each other's
		headings = append(headings, "Heading "+strconv.Itoa(i))
	}
	for range 2 {
		for _, h := range headings {
			if got, want := Classify(h), classify(h); got != want {
				t.Fatalf("Classify(%q) = %+v, classify gives %+v", h, got, want)
			}
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range headings {
				h := headings[(i*7+g*13)%len(headings)]
				if got, want := Classify(h), classify(h); got != want {
					t.Errorf("Classify(%q) = %+v at once with others, classify gives %+v", h, got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestClassifyAllocates: Classify answers a heading met twice from its
// slot, allocating nothing (Norm's allocation went with every call
// before).
func TestClassifyAllocates(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	Classify("Heading 12345")
	Classify("Heading 12345")
	if n := testing.AllocsPerRun(100, func() { Classify("Heading 12345") }); n != 0 {
		t.Errorf("Classify of a heading met twice: %v allocations, want 0", n)
	}
}
