// Package vocab is the one vocabulary the readers share: the section names
// study guides use, in the languages guidepress reads, and what each name
// means for the model (the highlighted quotes, the FAQ appendix, or a body
// section with a role). The plain-text reader uses it to anchor structure
// that layout alone leaves ambiguous; the Markdown reader uses it to map
// `## Key Quotes` and `## FAQ`. One copy, so the two never disagree.
package vocab

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/guidepress/guidepress/templates/labels"
)

// Kind is what a known heading introduces.
type Kind int

const (
	// Unknown is a heading the vocabulary does not know.
	Unknown Kind = iota
	// Section is a known body section; its Role says which.
	Section
	// Quotes is the highlighted quotes.
	Quotes
	// FAQ is the Frequently Asked Questions appendix.
	FAQ
)

// Heading is what the vocabulary knows about a heading.
type Heading struct {
	Kind Kind
	// Role is the section role for Kind Section (RoleDiscussion for
	// discussion questions, which are never FAQ entries); it may be empty
	// for a known name with no role of its own ("Introduction").
	Role content.Role
	// Lang is the language the name is in ("en", "es", …), or "" when it
	// is shared by several.
	Lang string
}

// Classify looks a heading up. Decoration (emoji, a leading "1." or "II.",
// a trailing colon, case, "&" for "and") does not matter.
//
// A heading met twice running in its slot has its answer remembered
// (classified): a guide's headings repeat (a part's name over each of its
// chapters), and a reader asks about each more than once (the Markdown
// reader three times: for its section, its language and its bold parts).
// A 4 MiB guide of 195,699 sections named alike spent 0.2-0.3 s here,
// ~7,000 instructions a call.
func Classify(heading string) Heading {
	k := maphash.String(classSeed, heading)
	slot := &classified[k%uint64(len(classified))]
	if e := slot.answer.Load(); e != nil && e.key == k && e.heading == heading {
		return e.h
	}
	h := classify(heading)
	if slot.seen.Swap(k) == k {
		// A copy of the heading: the slot outlives the guide, whose
		// whole text a slice of it would keep.
		slot.answer.Store(&classEntry{key: k, heading: strings.Clone(heading), h: h})
	}
	return h
}

// classified holds, for each slot, the hash of the last heading met in it
// and the answer for a heading met there twice running. Classify depends
// on nothing but the heading (the vocabulary is fixed), so an answer
// found is the answer. A heading met once costs its hash and a swap,
// nothing kept: a guide of 195,699 headings all different (one a
// chapter) asks about each again only after the others, when its slot has
// long been taken, and an answer kept for each then cost ~1,400
// instructions a call (an allocation, a copy, their collection). Each
// field is loaded and stored whole, so that builds running at once share
// the slots without a lock.
var classified [512]struct {
	seen   atomic.Uint64
	answer atomic.Pointer[classEntry]
}

var classSeed = maphash.MakeSeed()

type classEntry struct {
	key     uint64
	heading string
	h       Heading
}

func classify(heading string) Heading {
	if utf8.RuneCountInString(heading) > 80 {
		return Heading{}
	}
	n := Norm(heading)
	if n == "" {
		return Heading{}
	}
	load()
	if patternWord(n) {
		for _, p := range patterns {
			if p.match(n) {
				return p.h
			}
		}
	}
	if h, ok := names[n]; ok {
		return h
	}
	// "Preguntas frecuentes (FAQ)", "Personajes (lista)": the name before
	// a bracketed gloss.
	if i := strings.LastIndexByte(n, '('); i > 0 && strings.HasSuffix(n, ")") {
		if h, ok := names[strings.TrimSpace(n[:i])]; ok {
			return h
		}
	}
	// "Vocabulary — Chapters 1–5", "Discussion Questions: Part 2": a
	// teacher's section, a mark and the part of the book it covers. Only
	// for the sections a handout repeats by chapters (vocabulary,
	// questions, activities): "Summary: Chapter 1" stays a chapter's
	// heading, placed by layout.
	for _, m := range []string{" — ", " – ", ": ", " | ", "—", "–"} {
		if i := strings.Index(n, m); i > 0 {
			h := Classify(strings.TrimSpace(n[:i]))
			if h.Kind == Section && (h.Role == content.RoleVocabulary || h.Role == content.RoleDiscussion || h.Role == content.RoleActivities) &&
				PartOfBook(strings.TrimSpace(n[i+len(m):])) {
				return h
			}
		}
	}
	// "Chapters 1–3 Quiz", "Act II Discussion Questions": the part of the
	// book first, then such a section's name.
	if rest, ok := afterPartOfBook(n); ok {
		if h := Classify(rest); h.Kind == Section && (h.Role == content.RoleVocabulary || h.Role == content.RoleDiscussion || h.Role == content.RoleActivities) {
			return h
		}
	}
	// "Part A – Vocabulary", "Section B: Discussion Questions": a
	// worksheet's lettered part, then a section's name (the parts were
	// unknown headings, the second and later read as subsections of the
	// first).
	if rest, ok := afterLetteredPart(n); ok {
		if h := Classify(rest); h.Kind != Unknown {
			return h
		}
	}
	return Heading{}
}

// letteredParts are the words a worksheet names its lettered parts with.
var letteredParts = map[string]bool{"part": true, "section": true, "task": true, "activity": true, "exercise": true, "teil": true, "abschnitt": true,
	"aufgabe": true, "partie": true, "parte": true, "sección": true, "sezione": true, "seção": true, "część": true, "deel": true, "onderdeel": true}

// afterLetteredPart: n (normalised) opens with a worksheet's lettered part
// ("part a", a word of letteredParts and one letter from a to h), then a
// mark or a space and a name; it returns the name. A book's parts are
// numbered or worded ("Part One", "Part 2"), never lettered so.
func afterLetteredPart(n string) (string, bool) {
	word, rest, ok := strings.Cut(n, " ")
	if !ok || !letteredParts[word] || len(rest) < 3 || rest[0] < 'a' || rest[0] > 'h' {
		return "", false
	}
	rest = rest[1:]
	if r, _ := utf8.DecodeRuneInString(rest); !strings.ContainsRune(" –—:.)", r) {
		return "", false // "part about", "section ch"
	}
	rest = strings.TrimLeft(rest, " –—:.)")
	return rest, rest != ""
}

// PartOfBook: s names a chapter, act, book or part with its number
// ("Chapter 1 Summary", "Book III", "chapters 1–5"), case aside.
func PartOfBook(s string) bool { return partNumEnd(s) >= 0 || ordinalPart(s) }

// outlineNumber is the length in bytes of the outline number that starts
// s ("1. ", "iv) ", "b. "), spaces after it included, or 0: the match of
// ^(?:\d{1,3}|[ivxlc]{1,6}|[a-z])[.)]\s+ (\s being [\t\n\f\r ]), read
// without the expression because Norm runs on every heading candidate
// (and 400 times to build the vocabulary).
func outlineNumber(s string) int {
	dot := func(i int) bool { return i < len(s) && (s[i] == '.' || s[i] == ')') }
	n := 0
	for n < len(s) && '0' <= s[n] && s[n] <= '9' {
		n++
	}
	switch {
	case n > 0:
		if n > 3 || !dot(n) {
			return 0
		}
	default:
		for n < len(s) && strings.IndexByte("ivxlc", s[n]) >= 0 {
			n++
		}
		switch {
		case n > 0 && n <= 6 && dot(n):
		case len(s) > 0 && 'a' <= s[0] && s[0] <= 'z' && dot(1):
			n = 1
		default:
			return 0
		}
	}
	n++ // the "." or ")"
	end := n
	for end < len(s) && asciiSpace(s[end]) {
		end++
	}
	if end == n {
		return 0
	}
	return end
}

// asciiSpace is the expressions' \s: tab, newline, form feed, carriage
// return, space.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// oneSpace replaces every run of \s (asciiSpace) in s with one space, as
// regexp `\s+` replaced with " " does.
func oneSpace(s string) string {
	i := 0
	for i < len(s) && !(asciiSpace(s[i]) && (s[i] != ' ' || i+1 < len(s) && asciiSpace(s[i+1]))) {
		i++
	}
	if i == len(s) {
		return s // nothing to replace: no allocation
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if !asciiSpace(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for i < len(s) && asciiSpace(s[i]) {
			i++
		}
	}
	return b.String()
}

// Norm folds a heading for comparison with known names: lower case, "&"
// read as "and", no outline number ("1.", "II.", "A)"), no trailing colon,
// a trailing "?" or "!" (with "¿"/"¡"), single spaces, no hyphens, and no emoji or other pictographs decorating
// either end ("📖 Plot Summary", "FAQ ❓").
func Norm(s string) string {
	s = strings.TrimFunc(s, decoration)
	s = strings.ToLower(s)
	s = s[outlineNumber(s):]
	s = strings.TrimRight(s, ":?!. ")
	s = strings.TrimLeft(s, "¿¡")
	s = strings.ReplaceAll(s, "&", " and ")
	s = strings.ReplaceAll(s, "-", " ")
	s = strings.ReplaceAll(s, "’", "'")
	if strings.ContainsAny(s, "\u200cيك") {
		// Persian: a ZWNJ joins a word's parts where others type a space
		// or nothing ("نقل‌قول‌ها", "نقل قول ها"), and an Arabic
		// keyboard types yeh and kaf as ي and ك for ی and ک.
		s = strings.NewReplacer("\u200c", " ", "ي", "ی", "ك", "ک").Replace(s)
	}
	return strings.TrimSpace(oneSpace(s))
}

// decoration reports the runes that ornament a heading without being part
// of its name: spaces, pictographs and symbols (emoji are mostly So), and
// the joiners, variation selectors and skin-tone modifiers emoji are built
// with.
func decoration(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) ||
		r == '\u200d' || unicode.Is(unicode.Variation_Selector, r)
}

// patternWord reports whether n has a word one of the patterns needs,
// so that most headings skip the expressions: Classify runs on every
// short line of every input.
func patternWord(n string) bool {
	for _, w := range []string{"quot", "passage", "excerpt", "speech", "lines", "question", "faq", "q", "topics", "prompts", "points", "understanding", "discussion", "ideas", "assignments", "think", "character", "theme", "to ", "glance", "brief", "nutshell"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

type pattern struct {
	match func(string) bool // an expression's MatchString, or one by hand
	h     Heading
}

// patterns are the families of names that vary too much for a list: quote
// and FAQ headings in their many English phrasings, and discussion
// questions. Each is matched against Norm of the heading, and compiled
// when first needed.
var patterns = []pattern{
	{quotesHeading, Heading{Kind: Quotes, Lang: "en"}},
	{charactersHeading,
		Heading{Kind: Section, Role: content.RoleCharacters, Lang: "en"}},
	{themesHeading,
		Heading{Kind: Section, Role: content.RoleThemes, Lang: "en"}},
	{wordsToKnowHeading,
		Heading{Kind: Section, Role: content.RoleVocabulary, Lang: "en"}},
	{atAGlanceHeading,
		Heading{Kind: Section, Role: content.RoleKeyFacts, Lang: "en"}},
	{faqHeading,
		Heading{Kind: FAQ, Lang: "en"}},
	{discussionHeading, Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
	{lazyre.Hot(`^(?:[\p{L}']+\s+){0,3}questions(?:\s+(?:for|on|about|to)\s.+)?$`).MatchString,
		Heading{Kind: Section, Role: content.RoleDiscussion, Lang: "en"}},
}

// load builds the names on first use, not at start-up: a JSON build or
// `--version` never needs them (issue 16: no init work a run does not use).
var load = sync.OnceFunc(func() {
	if len(names) == 0 {
		names = make(map[string]Heading, knownNames)
	}
	addNames()
	prepared.Store(true)
})

// knownNames is about how many names addNames adds (1,271), so that the
// map is made at its size once, not grown by doubling as they are added.
const knownNames = 1400

// prepared says that load has run.
var prepared atomic.Bool

// Prepare builds the known names now, where they would be built by the
// first heading classified (on the reader's way: 1,271 names normalised,
// ~6.7 M instructions of a seed build's import). A build calls it on a
// core the reader leaves idle, before the guide is read; a Classify
// meanwhile waits for it.
func Prepare() { load() }

// Prepared reports whether the known names are built (Prepare, or a
// first Classify, has run).
func Prepared() bool { return prepared.Load() }

// names maps exact (normalised) names to what they introduce. Names that
// are as often subsections as sections (Symbols, Setting, Conclusion) are
// deliberately absent: a known name anchors a top-level section.
var names = map[string]Heading{}

func add(lang string, kind Kind, role content.Role, list ...string) {
	for _, n := range list {
		k := n
		if !normal(n) {
			k = Norm(n)
		}
		h := Heading{Kind: kind, Role: role, Lang: lang}
		if old, ok := names[k]; ok && old.Lang != lang {
			h.Lang = "" // "temas", "analyse": the name says nothing of the language
		}
		names[k] = h
	}
}

// normal reports, without computing it, that Norm(n) is n: lower-case
// ASCII letters and apostrophes in words one space apart, as 752 of the
// 1,271 known names are typed. Norm finds nothing to do in such a name
// (no space or ornament at either end, no capital, no outline number,
// which needs a digit, "." or ")", no closing punctuation, no "&", "-",
// "’" or Arabic letter, no run of spaces) and costs ~4,500 instructions a
// name (a seed build: 5.7 M of its 6.7 M building the names). Any other
// name is normalised.
func normal(n string) bool {
	if n == "" || n[0] == ' ' || n[len(n)-1] == ' ' {
		return false
	}
	for i := 0; i < len(n); i++ {
		switch c := n[i]; {
		case 'a' <= c && c <= 'z', c == '\'':
		case c == ' ' && n[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

func addNames() {
	// English.
	add("en", Section, content.RoleSummary, "plot summary", "plot overview", "summary", "synopsis", "overview",
		"chapter summary", "chapter summaries", "summary and analysis", "chapter by chapter summary",
		"detailed summary", "book summary", "act by act summary", "scene by scene summary")
	add("en", Section, content.RoleCharacters, "character analysis", "characters", "character list", "main characters",
		"major characters", "list of characters", "the characters", "character guide", "characters and analysis",
		"dramatis personae", "cast of characters", "key characters", "who's who")
	add("en", Section, content.RoleThemes, "themes", "major themes", "key themes", "main themes", "central themes",
		"themes and motifs", "themes and symbols", "themes and literary devices", "themes, motifs and symbols",
		"themes motifs and symbols", "literary devices", "literary techniques", "style and technique",
		"motifs and symbols", "symbols and motifs")
	add("en", Section, content.RoleAnalysis, "critical analysis", "analysis", "literary analysis", "critical reception",
		"reception", "legacy")
	add("en", Section, content.RoleContext, "context", "historical context", "background", "historical background",
		"cultural context", "about the author", "author biography", "about the book", "setting and context")
	add("en", Section, "", "introduction")
	add("en", Section, content.RoleKeyFacts, "key facts", "quick facts", "facts", "book facts", "at a glance")
	add("en", Section, content.RoleVocabulary, "vocabulary", "glossary", "key terms", "vocabulary list", "word list",
		"key vocabulary", "terms to know", "words to know")
	add("en", Section, content.RoleActivities, "before you read", "activities", "pre reading activities",
		"after you read", "projects", "extension activities", "classroom activities")
	add("en", Section, content.RoleTimeline, "timeline", "chronology")
	add("en", Section, content.RoleFurtherReading, "further reading", "related reading", "what to read next", "resources")

	// Spanish.
	add("es", Quotes, "", "citas", "citas destacadas", "citas clave", "citas importantes", "frases célebres",
		"frases destacadas", "pasajes clave")
	add("es", FAQ, "", "preguntas frecuentes", "preguntas y respuestas")
	add("es", Section, content.RoleSummary, "resumen", "resumen de la trama", "argumento", "sinopsis", "resumen por capítulos")
	add("es", Section, content.RoleCharacters, "personajes", "personajes principales", "análisis de personajes", "lista de personajes")
	add("es", Section, content.RoleThemes, "temas", "temas principales", "temas y símbolos", "recursos literarios")
	add("es", Section, content.RoleAnalysis, "análisis", "análisis crítico", "análisis literario")
	add("es", Section, content.RoleContext, "contexto", "contexto histórico", "sobre el autor", "sobre la autora")
	add("es", Section, content.RoleKeyFacts, "datos clave", "ficha técnica")
	add("es", Section, content.RoleVocabulary, "vocabulario", "glosario")
	add("es", Section, content.RoleDiscussion, "preguntas de discusión", "preguntas para el debate", "preguntas de reflexión", "temas de ensayo")

	// French.
	add("fr", Quotes, "", "citations", "citations clés", "citations importantes", "citations célèbres", "passages clés")
	add("fr", FAQ, "", "questions fréquentes", "foire aux questions", "questions et réponses")
	add("fr", Section, content.RoleSummary, "résumé", "résumé de l'intrigue", "résumé détaillé", "résumé par chapitre", "synopsis")
	add("fr", Section, content.RoleCharacters, "personnages", "personnages principaux", "analyse des personnages", "liste des personnages")
	add("fr", Section, content.RoleThemes, "thèmes", "thèmes principaux", "thèmes et symboles", "procédés littéraires")
	add("fr", Section, content.RoleAnalysis, "analyse", "analyse critique", "analyse littéraire")
	add("fr", Section, content.RoleContext, "contexte", "contexte historique", "à propos de l'auteur", "biographie de l'auteur")
	add("fr", Section, content.RoleKeyFacts, "faits clés", "fiche technique", "l'essentiel")
	add("fr", Section, content.RoleVocabulary, "vocabulaire", "glossaire", "lexique")
	add("fr", Section, content.RoleDiscussion, "questions de discussion", "questions de réflexion", "sujets de dissertation")

	// German.
	add("de", Quotes, "", "zitate", "wichtige zitate", "schlüsselzitate", "bekannte zitate", "schlüsselstellen")
	add("de", FAQ, "", "häufig gestellte fragen", "häufige fragen", "fragen und antworten")
	add("de", Section, content.RoleSummary, "zusammenfassung", "inhaltsangabe", "handlung", "inhalt", "kapitelzusammenfassung")
	add("de", Section, content.RoleCharacters, "figuren", "personen", "charaktere", "hauptfiguren", "figurenkonstellation", "charakterisierung")
	add("de", Section, content.RoleThemes, "themen", "motive", "themen und motive", "stilmittel")
	add("de", Section, content.RoleAnalysis, "analyse", "interpretation", "deutung")
	add("de", Section, content.RoleContext, "hintergrund", "historischer hintergrund", "über den autor", "über die autorin", "entstehung")
	add("de", Section, content.RoleKeyFacts, "auf einen blick", "wichtige fakten", "steckbrief")
	add("de", Section, content.RoleVocabulary, "vokabeln", "glossar", "wortschatz", "begriffe")
	add("de", Section, content.RoleDiscussion, "diskussionsfragen", "fragen zur diskussion", "fragen zum text", "aufgaben")

	// Italian.
	add("it", Quotes, "", "citazioni", "citazioni chiave", "citazioni importanti", "citazioni famose", "passi chiave")
	add("it", FAQ, "", "domande frequenti", "domande e risposte")
	add("it", Section, content.RoleSummary, "riassunto", "trama", "sintesi", "riassunto per capitoli", "trama per capitoli", "riassunto dei capitoli")
	add("it", Section, content.RoleCharacters, "personaggi", "personaggi principali", "analisi dei personaggi")
	add("it", Section, content.RoleThemes, "temi", "temi principali", "temi e simboli", "figure retoriche")
	add("it", Section, content.RoleAnalysis, "analisi", "analisi critica", "analisi del testo")
	add("it", Section, content.RoleContext, "contesto", "contesto storico", "l'autore", "biografia dell'autore")
	add("it", Section, content.RoleKeyFacts, "dati chiave", "scheda del libro")
	add("it", Section, content.RoleVocabulary, "vocabolario", "glossario", "lessico")
	add("it", Section, content.RoleDiscussion, "domande per la discussione", "domande di discussione", "spunti di riflessione", "tracce per il tema")

	// Portuguese.
	add("pt", Quotes, "", "citações", "citações importantes", "citações principais", "frases marcantes", "trechos importantes")
	add("pt", FAQ, "", "perguntas frequentes", "perguntas e respostas")
	add("pt", Section, content.RoleSummary, "resumo", "resumo da obra", "enredo", "sinopse", "resumo por capítulo")
	add("pt", Section, content.RoleCharacters, "personagens", "personagens principais", "análise dos personagens", "análise das personagens")
	add("pt", Section, content.RoleThemes, "temas", "temas principais", "temas e símbolos", "figuras de linguagem")
	add("pt", Section, content.RoleAnalysis, "análise", "análise crítica", "análise literária")
	add("pt", Section, content.RoleContext, "contexto", "contexto histórico", "sobre o autor", "sobre a autora")
	add("pt", Section, content.RoleKeyFacts, "dados principais", "ficha técnica")
	add("pt", Section, content.RoleVocabulary, "vocabulário", "glossário")
	add("pt", Section, content.RoleDiscussion, "questões para discussão", "perguntas para discussão", "questões de reflexão")
	addMore()
	addAssessments()
	addDutch()
	addPolish()
}

// Languages lists the languages the vocabulary knows, English first.
var Languages = []string{"en", "es", "fr", "de", "it", "pt", "nl", "pl"}

// Name is the heading a writer gives kind (Quotes or FAQ) in a guide in
// lang ("fr", "pt-BR"); English when the language is not one of Languages.
func Name(k Kind, lang string) string {
	// The writers' printed labels are the one source for these words, so
	// `inspect --markdown`, the EPUB and the PDF never disagree.
	l := labels.For(lang)
	if k == FAQ {
		return l.FAQ
	}
	return l.KeyQuotes
}
