package vocab

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/langname"
)

// stopWords are the commonest function words of each language, chosen so
// that most of them belong to one language only ("the", "und", "está");
// words shared by several count for each (Dutch leaves out "de", "en",
// "die", "als", "er", "wie": Romance and German words too; Polish leaves
// out "i", "a", "o", "do", "to", "na", "go", "ich", "ten": English, German
// or Portuguese words too).
var stopWords = map[string][]string{
	"en": {"the", "and", "of", "to", "is", "in", "that", "it", "with", "his", "her", "was", "for", "this", "are", "he", "she", "not", "but", "they", "which", "from", "their", "has", "have", "be", "an", "who", "when", "what", "a", "as", "at", "by", "you", "we", "had", "do", "no"},
	"es": {"el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "es", "por", "con", "para", "del", "se", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ha", "muy", "sin", "sobre", "también", "está", "qué", "cuando"},
	"fr": {"le", "la", "les", "des", "de", "et", "est", "un", "une", "que", "qui", "dans", "pour", "pas", "sur", "au", "du", "il", "elle", "ce", "avec", "sont", "ne", "se", "son", "sa", "ses", "aux", "mais", "plus", "où", "cette"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "des", "auf", "für", "im", "dem", "sie", "er", "es", "von", "auch", "wird", "sein", "seine", "als", "nach", "bei", "aus", "wie", "wer", "einen"},
	"it": {"il", "lo", "la", "gli", "le", "di", "che", "e", "è", "un", "una", "per", "non", "con", "del", "della", "sono", "nel", "alla", "anche", "come", "si", "ma", "dei", "delle", "più", "suo", "sua", "questo", "nella", "degli", "perché"},
	"nl": {"het", "een", "van", "dat", "niet", "zijn", "met", "op", "voor", "hij", "zij", "ze", "maar", "ook", "aan", "bij", "om", "door", "naar", "wat", "wordt", "heeft", "hun", "deze", "dit", "geen", "nog", "werd", "hem", "zich", "tot", "uit", "wij"},
	"pl": {"się", "nie", "jest", "że", "w", "z", "jak", "ale", "po", "od", "za", "przez", "jego", "jej", "tak", "już", "tylko", "czy", "który", "która", "które", "był", "była", "było", "są", "oraz", "gdy", "dla", "też", "tego", "jako", "może", "jednak", "bardzo", "mu", "tym"},
	"pt": {"o", "a", "os", "as", "de", "que", "e", "é", "um", "uma", "para", "com", "não", "do", "da", "dos", "das", "em", "no", "na", "se", "mais", "por", "ao", "seu", "sua", "como", "mas", "também", "ele", "ela", "são"},
}

// maxLanguages and maxStopWords bound what the detector tells apart: a
// stop word's languages are bits of a uint16, and the different stop
// words seen are bits of a fixed set. Eight languages filled the uint8 it
// had and 238 stop words most of the 256 its set held; a ninth language
// needs neither to grow again.
const (
	maxLanguages = 16
	maxStopWords = 512
)

// stopWord is what a stop word says: the languages it belongs to (a bit
// per language index) and its number among all stop words (for counting
// the different ones seen).
type stopWord struct {
	bits uint16
	id   uint16
}

// detector tells the languages langs apart by their stop words.
type detector struct {
	langs []string
	words map[string]stopWord
}

// newDetector makes the detector of langs from their stop words; it
// panics past maxLanguages or maxStopWords, a vocabulary's mistake.
func newDetector(langs []string, stop map[string][]string) *detector {
	if len(langs) > maxLanguages {
		panic("vocab: more languages than a stop word's bits hold")
	}
	m := map[string]stopWord{}
	for i, l := range langs {
		for _, w := range stop[l] {
			sw, ok := m[w]
			if !ok {
				sw.id = uint16(len(m))
			}
			sw.bits |= 1 << i
			m[w] = sw
		}
	}
	if len(m) > maxStopWords {
		panic("vocab: more stop words than a seen-set holds")
	}
	return &detector{langs: langs, words: m}
}

// languages is the detector of Languages.
var languages = newDetector(Languages, stopWords)

// Detection is what DetectLanguage found.
type Detection struct {
	// Lang is the language found, "" when the text says too little or two
	// languages score too close to tell.
	Lang string
	// Best is the language that scored highest, sure or not.
	Best string
	// Score and RunnerUp are the stop-word counts of the language found
	// and of the next one; Second is that next language.
	Score, RunnerUp int
	Second          string
}

// Reason says in a few words how the language was decided.
func (d Detection) Reason() string {
	return fmt.Sprintf("%d common %s words against %d %s", d.Score, d.Best, d.RunnerUp, d.Second)
}

// maxWords bounds the words read: a few thousand tell the language as
// well as the whole text.
const maxWords = 1500

// decided reports a lead no further text can overturn in practice: the
// best count at least 60 and four times the next.
func decided(counts []int) bool {
	best, second := 0, 0
	for _, c := range counts {
		switch {
		case c > best:
			best, second = c, best
		case c > second:
			second = c
		}
	}
	return best >= 60 && best >= 4*second
}

// DetectLanguage tells which of Languages text is written in by counting
// each language's commonest function words. It is sure (Lang set) when the
// best language has at least 12 of them and half as many again as the
// next, or, in a short text, at least 6 of four different words and three
// times as many as the next: less is too thin to tell (a few lines of
// English with "a" and "as" in them are not Portuguese).
func DetectLanguage(text string) Detection { return languages.detect(text) }

func (dt *detector) detect(text string) Detection {
	var counts, distinct [maxLanguages]int
	var seen [maxStopWords / 64]uint64 // the stop words seen, by id
	var buf [24]byte
	words := 0
	for i := 0; i < len(text) && words < maxWords; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		// One word: lower-cased into buf when short enough to be a stop word.
		n, long, start := 0, false, i
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			i += size
			if long {
				continue
			}
			if n+utf8.UTFMax > len(buf) {
				long = true
				continue
			}
			n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
		}
		words++
		if words%250 == 0 && decided(counts[:len(dt.langs)]) {
			break // one language leads by far: reading on changes nothing
		}
		if long || n == 1 && buf[0] == 'o' && wordBullet(text, start, i) {
			continue
		}
		if sw, ok := dt.words[string(buf[:n])]; ok {
			for j := range dt.langs {
				if sw.bits&(1<<j) != 0 {
					counts[j]++
					if seen[sw.id/64]&(1<<(sw.id%64)) == 0 {
						distinct[j]++
					}
				}
			}
			seen[sw.id/64] |= 1 << (sw.id % 64)
		}
	}
	best, second := -1, -1
	for j := range dt.langs {
		switch {
		case best < 0 || counts[j] > counts[best]:
			best, second = j, best
		case second < 0 || counts[j] > counts[second]:
			second = j
		}
	}
	d := Detection{Best: dt.langs[best], Score: counts[best], RunnerUp: counts[second], Second: dt.langs[second]}
	switch {
	case d.Score >= 12 && 2*d.Score >= 3*d.RunnerUp:
		d.Lang = dt.langs[best]
	case d.Score >= 6 && d.Score >= 3*d.RunnerUp && distinct[best] >= 4:
		// A short text (a synopsis of a line or two) that uses four
		// different function words of one language and few of any other.
		d.Lang = dt.langs[best]
	}
	return d
}

// DecideLanguage is the language of a guide that names none, read from its
// words, and what to tell its writer: an Info diagnostic's message when a
// language other than fallback was found, a Warning's when the words lean
// to another language without settling it (fallback is kept), no message
// when the text is in fallback or says too little. The guide's headings,
// when given, settle a text too short to tell: two or more names the
// vocabulary knows in one language ("Personajes", "Citas destacadas") and
// none in another.
func DecideLanguage(text, fallback string, headings ...string) (lang string, sev content.Severity, msg string) {
	return DecideLanguageBy(text, fallback, DetectLanguage, func() []string { return headings })
}

// DecideLanguageBy is DecideLanguage with the words read by detect
// (DetectLanguage, once) and the headings asked for only when the words
// settle nothing: a reader whose headings cost work to gather (plain
// text's lines standing alone) gathers them for a short text only.
func DecideLanguageBy(text, fallback string, detect func(string) Detection, headings func() []string) (lang string, sev content.Severity, msg string) {
	if l, why := scriptLanguage(text); l != "" {
		// Stop words would find nothing in Arabic or Cyrillic letters,
		// and the guide would be taken for English.
		if l == fallback {
			return fallback, "", ""
		}
		return l, content.Info, fmt.Sprintf("the guide is in %s (%s); set its language to %q; give --lang to say otherwise", LanguageName(l), why, l)
	}
	d := detect(text)
	if d.Lang == "" {
		if l, n := headingLanguage(headings()); l != "" {
			if l == fallback {
				return fallback, "", ""
			}
			return l, content.Info, fmt.Sprintf("the guide is in %s (%d of its headings are %s names; %s); set its language to %q; give --lang to say otherwise", LanguageName(l), n, LanguageName(l), d.Reason(), l)
		}
	}
	switch {
	case d.Lang != "" && d.Lang != fallback:
		return d.Lang, content.Info, fmt.Sprintf("the guide is in %s (%s); set its language to %q; give --lang to say otherwise", LanguageName(d.Lang), d.Reason(), d.Lang)
	case d.Lang == "" && d.Best != fallback && d.Score >= 5:
		return fallback, content.Warning, fmt.Sprintf("could not tell the guide's language for sure (%s); kept %q; give --lang %s if it is in %s", d.Reason(), fallback, d.Best, LanguageName(d.Best))
	}
	return fallback, "", ""
}

// LanguageName is the English name of one of Languages ("German" for
// "de") or of a language whose headings the vocabulary knows (Arabic,
// Hebrew), or the tag itself.
func LanguageName(tag string) string {
	switch tag {
	case "en":
		return "English"
	case "es":
		return "Spanish"
	case "fr":
		return "French"
	case "de":
		return "German"
	case "it":
		return "Italian"
	case "pt":
		return "Portuguese"
	case "nl":
		return "Dutch"
	case "pl":
		return "Polish"
	case "ar":
		return "Arabic"
	case "he":
		return "Hebrew"
	}
	if b, err := language.ParseBase(tag); err == nil {
		if n := langname.Language(b); n != "" {
			return n
		}
	}
	return tag
}

// headingLanguage is the one language the known names among headings are
// in, when two or more are and none is in another, with their count.
func headingLanguage(headings []string) (string, int) {
	votes := map[string]int{}
	for _, h := range headings {
		if l := Classify(h).Lang; l != "" {
			votes[l]++
		}
	}
	if len(votes) != 1 {
		return "", 0
	}
	for l, n := range votes {
		if n >= 2 {
			return l, n
		}
	}
	return "", 0
}

// wordBullet: the "o" at text[start:end] is Word's hollow bullet as
// pasted, alone at the start of its line before a tab, not the Portuguese
// article or the Spanish "or".
func wordBullet(text string, start, end int) bool {
	if end >= len(text) || text[end] != '\t' {
		return false
	}
	for j := start - 1; j >= 0; j-- {
		switch text[j] {
		case ' ', '\t':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}
