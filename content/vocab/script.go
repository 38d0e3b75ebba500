package vocab

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scriptLanguages are the scripts a guide's letters tell the language
// by, each with the language most written in it: the one a guide in that
// script is taken to be in unless letters only another language uses say
// otherwise (scriptLanguage). Latin is absent: the stop words tell those.
var scriptLanguages = []struct {
	script *unicode.RangeTable
	name   string
	lang   string
}{
	{unicode.Arabic, "Arabic", "ar"},
	{unicode.Hebrew, "Hebrew", "he"},
	{unicode.Cyrillic, "Cyrillic", "ru"},
	{unicode.Greek, "Greek", "el"},
	{unicode.Armenian, "Armenian", "hy"},
	{unicode.Georgian, "Georgian", "ka"},
	{unicode.Devanagari, "Devanagari", "hi"},
	{unicode.Bengali, "Bengali", "bn"},
	{unicode.Gurmukhi, "Gurmukhi", "pa"},
	{unicode.Gujarati, "Gujarati", "gu"},
	{unicode.Tamil, "Tamil", "ta"},
	{unicode.Telugu, "Telugu", "te"},
	{unicode.Kannada, "Kannada", "kn"},
	{unicode.Malayalam, "Malayalam", "ml"},
	{unicode.Sinhala, "Sinhala", "si"},
	{unicode.Thai, "Thai", "th"},
	{unicode.Lao, "Lao", "lo"},
	{unicode.Khmer, "Khmer", "km"},
	{unicode.Myanmar, "Myanmar", "my"},
	{unicode.Tibetan, "Tibetan", "bo"},
	{unicode.Ethiopic, "Ethiopic", "am"},
	{unicode.Hangul, "Hangul", "ko"},
	{unicode.Han, "Han", "zh"},
	{unicode.Hiragana, "Japanese kana", "ja"},
	{unicode.Katakana, "Japanese kana", "ja"},
}

// scriptLetters bounds the letters scriptLanguage reads: a few thousand
// tell the script as well as the whole text.
const scriptLetters = 4000

// scriptLanguage is the language of a text most of whose letters (at
// least 20, and three in five) are in one script other than Latin, and
// why; "" when there is none. Within a script, letters only some of its
// languages use decide between them: Persian's پ چ ژ گ and Urdu's ٹ ڈ ڑ ں ے
// against Arabic's ة ى; Yiddish's commonest words against Hebrew's; Ukrainian's і ї є ґ and Serbian's ђ ј љ њ ћ џ
// against Russian; kana against Chinese for
// Japanese (a Japanese text is mostly Han letters).
func scriptLanguage(text string) (lang, why string) {
	var counts [32]int
	var persian, urdu, arabic, ukrainian, serbian, russian, kana int
	latin, letters := 0, 0
	for i := 0; i < len(text) && letters < scriptLetters; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r < 0x250 {
			if r < 0x80 && ('a' <= r|0x20 && r|0x20 <= 'z') || r >= 0xC0 && unicode.IsLetter(r) {
				latin++
				letters++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		for k, s := range scriptLanguages {
			if unicode.Is(s.script, r) {
				counts[k]++
				break
			}
		}
		switch r {
		case 'پ', 'چ', 'ژ', 'گ':
			persian++
		case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے':
			urdu++
		case 'ة', 'ى':
			arabic++
		case 'і', 'ї', 'є', 'ґ':
			ukrainian++
		case 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ':
			serbian++
		case 'ы', 'э':
			russian++
		}
		if unicode.In(r, unicode.Hiragana, unicode.Katakana) {
			kana++
		}
	}
	best := 0
	for k := range scriptLanguages {
		if counts[k] > counts[best] {
			best = k
		}
	}
	n := counts[best]
	s := scriptLanguages[best]
	if s.lang == "zh" || s.lang == "ja" {
		// Japanese is written in Han and kana together.
		n = 0
		for k, s := range scriptLanguages {
			if s.lang == "zh" || s.lang == "ja" {
				n += counts[k]
			}
		}
		s.name, s.lang = "Han", "zh"
		if kana*10 >= n {
			s.name, s.lang = "Han and kana", "ja"
		}
	}
	if n < 20 || 5*n < 3*letters {
		return "", ""
	}
	lang = s.lang
	var marker string
	switch {
	case lang == "ar" && urdu >= 3 && urdu*2 >= arabic:
		lang, marker = "ur", fmt.Sprintf(", %d of them Urdu's own (ٹ ڈ ڑ ں ے)", urdu)
	case lang == "ar" && persian >= 3 && persian >= arabic:
		lang, marker = "fa", fmt.Sprintf(", %d of them Persian's own (پ چ ژ گ)", persian)
	case lang == "he":
		if y := yiddishWords(text); y >= 3 {
			lang, marker = "yi", fmt.Sprintf(", with %d more of Yiddish's commonest words than of Hebrew's", y)
		}
	case lang == "ru" && serbian >= 3:
		lang, marker = "sr", fmt.Sprintf(", %d of them Serbian's own (ђ ј љ њ ћ џ)", serbian)
	case lang == "ru" && ukrainian >= 3 && ukrainian >= russian:
		lang, marker = "uk", fmt.Sprintf(", %d of them Ukrainian's own (і ї є ґ)", ukrainian)
	}
	return lang, fmt.Sprintf("%d of its first %d letters are written in %s script%s", n, letters, s.name, marker)
}

// yiddishWords is how many more of Yiddish's commonest words than of
// Hebrew's the text's first words hold: Yiddish is written in Hebrew
// letters, often without the digraphs (װ ײ) that only it uses.
func yiddishWords(text string) int {
	n, words := 0, 0
	for len(text) > 0 && words < 2000 {
		// The next word of Hebrew letters, without splitting the whole
		// text (a 4 MiB guide) into words first.
		start := strings.IndexFunc(text, isHebrew)
		if start < 0 {
			break
		}
		text = text[start:]
		end := strings.IndexFunc(text, func(r rune) bool { return !isHebrew(r) })
		if end < 0 {
			end = len(text)
		}
		w := text[:end]
		text = text[end:]
		words++
		switch w {
		case "און", "איז", "דער", "דאָס", "דאס", "פֿון", "פון", "מיט", "ניט", "נישט", "אַ", "אַן", "ער", "זיי", "וואָס", "אויף", "צו", "ווען":
			n++
		case "של", "את", "על", "הוא", "היא", "עם", "לא", "כי", "זה", "גם", "אשר", "כל", "היה":
			n--
		}
	}
	return n
}

func isHebrew(r rune) bool { return unicode.Is(unicode.Hebrew, r) }
