package vocab

import (
	"fmt"
	"strings"
	"testing"
)

func TestFurniture(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Advertisement", Advertisement},
		{"Name: ____________________   Date: ___________", FormLine},
		{"Nombre: ________ Curso: ____", FormLine},
		{"Name: Buck", ""},
		{"- ADVERTISEMENT -", Advertisement},
		{"Publicidad", Advertisement},
		{"Continue reading below", ContinueLine},
		{"Take a Study Break", StudyBreak},
		{"Previous section: Chapter 3 Summary", SectionLink},
		{"Next section » Characters", SectionLink},
		{"Sección anterior", SectionLink},
		{"« Previous", SectionLink},
		{"Previous: Themes | Next: Chapters 10–14", SectionLink},
		{"« Prev: Key Facts · Next: Character List »", SectionLink},
		{"Précédent : Résumé | Suivant : Personnages", SectionLink},
		{"Previous chapters showed Jane at school; next she goes to Thornfield.", ""},
		{"Next: \u201cA Case of Identity\u201d Summary \u2192", SectionLink},
		{"\u2190 Previous: Chapter 3", SectionLink},
		{"Siguiente: Capítulo 4 »", SectionLink},
		{"Next: the storm breaks", ""},
		{"Share on Facebook", ShareLine},
		{"Share: Facebook Twitter Email", ShareLine},
		{"Tweet", ShareLine},
		{"Print this page", ShareLine},
		{"We use cookies to improve your experience. Accept all cookies to continue.", CookieNotice},
		{"Accept all", CookieNotice},
		{"Page 3 of 12", PageNumber},
		{"- 14 -", PageNumber},
		{"Home › Literature › Jane Eyre › Summary", Navigation},
		{"Home | Study Guides | Contact", Navigation},
		{"Subscribe to our newsletter", SignUp},
		{"Advertisement - Continue Reading Below", ContinueLine},
		{"Skip to content", Navigation},
		{"Related Study Guides", Navigation},
		{"Read more about the novel's reception in the next section.", ""},
		// Content that only looks like it.
		{"Next section of the novel, Jane leaves Thornfield.", ""},
		{"She shares her bread with Helen.", ""},
		{"Mrs. Reed bakes cookies for the children.", ""},
		{"The page of the letter is torn", ""},
		{"Act I > Scene 2", ""},
		{"Ad astra per aspera", ""},
		{"[Ad]", Advertisement},
		{"(Advertisement)", Advertisement},
		{"Ad ()", ""}, // a paragraph's lines "Ad" and "()" written as one (FuzzMarkdown)
		{"] Ad", ""},
		{"Print", ShareLine},
		{"Rochester: Jane's employer", ""},
		{"Advertisement for the lecture appears in Chapter 3", ""},
		{"Was this page helpful?", Feedback},
		{"Was this page helpful? Yes / No", Feedback},
		{"Yes  No", Feedback},
		{"¿Te ha resultado útil?", Feedback},
		{"© 2024 StudyNotes. All rights reserved.", Footer},
		{"Copyright 2023 LitGuides", Footer},
		{"Privacy Policy | Terms of Use", Footer},
		{"About Us | Contact | Privacy Policy", Footer},
		{"Share on Twitter | Share on Facebook", ShareLine},
		{"Was Heathcliff ever helpful?", ""},
		{"Yes, for the British.", ""},
		{"Copyright law in the novel", ""},
		{"Terms of the will", ""},
		{"About the Author", ""},
	}
	for _, tt := range tests {
		if got := Furniture(tt.in); got != tt.want {
			t.Errorf("Furniture(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReadingMinutes(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"⏱ 12 min read", 12},
		{"⏱️ 12 min read", 12},
		{"Lectura de 5 minutos", 5},
		{"Reading time: about 15 minutes", 15},
		{"15-minute read", 15},
		{"15 min", 15},
		{"Estimated reading time: 7 min", 7},
		{"8 min de lectura", 8},
		{"Tiempo de lectura: 9 minutos", 9},
		{"Temps de lecture : 6 min", 6},
		{"10 min de lecture", 10},
		{"Lesezeit: 5 Min.", 5},
		{"12 Min. Lesezeit", 12},
		{"Tempo di lettura: 4 minuti", 4},
		{"11 minuti di lettura", 11},
		{"Tempo de leitura: 3 minutos", 3},
		{"14 min de leitura", 14},
		{"15 minutes of fame", 0},
		{"Chapter 15", 0},
		{"In 15 minutes she leaves.", 0},
		{"0 min", 0},
	}
	for _, tt := range tests {
		got, ok := ReadingMinutes(tt.in)
		if got != tt.want || ok != (tt.want > 0) {
			t.Errorf("ReadingMinutes(%q) = %d, %v; want %d", tt.in, got, ok, tt.want)
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	texts := map[string]string{
		"en": "The novel follows Jane from her childhood at Gateshead to her marriage. She is an orphan who is sent to a school where the girls are cold and hungry, and it is there that she meets Helen, who teaches her patience with the world and with herself.",
		"es": "La novela sigue a Lázaro desde su infancia hasta su vida adulta. El muchacho sirve a varios amos y con cada uno aprende algo nuevo sobre el hambre, la astucia y la hipocresía de una sociedad que se preocupa más por la honra que por la caridad.",
		"fr": "Le roman raconte l'histoire de Jean Valjean, un ancien forçat qui cherche à se racheter. Il est poursuivi par l'inspecteur Javert pendant des années, et ce conflit entre la loi et la grâce est au centre de l'œuvre, qui ne cesse de poser la question de la justice.",
		"de": "Der Roman erzählt die Geschichte von Effi Briest, die mit siebzehn Jahren einen viel älteren Mann heiratet. Sie fühlt sich in der neuen Umgebung einsam und beginnt eine Affäre, die erst Jahre später entdeckt wird und ihr Leben zerstört, weil die Gesellschaft nicht verzeiht.",
		"it": "Il romanzo racconta la storia di Renzo e Lucia, due giovani che vogliono sposarsi ma sono ostacolati da un signore potente. La vicenda si svolge nella Lombardia del Seicento, durante la dominazione spagnola, e mostra come la provvidenza guida le vite degli umili.",
		"pt": "O romance conta a história de Bentinho, que narra a sua vida já velho. Ele se apaixona por Capitu na infância e, depois de casado, começa a desconfiar que a mulher o traiu com o seu melhor amigo. O leitor nunca sabe se a dúvida é justa ou não.",
	}
	for want, text := range texts {
		d := DetectLanguage(text)
		if d.Lang != want {
			t.Errorf("%s text detected as %q (%s)", want, d.Lang, d.Reason())
		}
	}
	if d := DetectLanguage("Hamlet\nby William Shakespeare\n\nKey Facts"); d.Lang != "" {
		t.Errorf("too little text detected as %q", d.Lang)
	}
	// The count is bounded: a long text costs no more than maxWords.
	if d := DetectLanguage(strings.Repeat("the cat and the dog ", 10000)); d.Score > maxWords {
		t.Errorf("score %d above the %d-word bound", d.Score, maxWords)
	}
}

// TestShortTextLanguage: a guide of a line or two tells its language only
// when its words say so clearly; a few lines of English with "a" and "as"
// in them are English, never Portuguese (they were: "a", "as", "do", "no"
// were Portuguese's words only), and a thin count keeps the fallback.
func TestShortTextLanguage(t *testing.T) {
	for _, tt := range []struct{ want, text string }{
		{"en", "Kim\nby Rudyard Kipling\n\nA boy grows up as a spy in a land of a thousand castes. Do as a lama does: a long road, a river, a wheel.\n\nThemes\n\nA search for a self. As a boy, Kim has no home; as a man, he has a role to play in a game."},
		{"en", "Emma\nby Jane Austen\n\nA young woman plays matchmaker in a small village, with a lot of harm done as a result.\n\nQuestions\n\n1. Is Emma a snob?\n2. Do you like Mr. Knightley?"},
		{"en", "A Study Guide\n\nA ship, a whale, a captain on a quest. As a sailor, Ishmael tells us a tale no one else could tell."},
		{"en", "Heidi\nby Johanna Spyri\n\nAn orphan goes to live with her grandfather in the Alps."},
		{"de", "Die Verwandlung\nvon Franz Kafka\n\nGregor Samsa erwacht als Käfer. Die Familie wendet sich von ihm ab."},
		{"de", "Emil und die Detektive\nvon Erich Kästner\n\nEin Junge wird im Zug bestohlen und jagt den Dieb mit seinen Freunden durch Berlin."},
		{"it", "Pinocchio\ndi Carlo Collodi\n\nUn burattino di legno vuole diventare un bambino vero, ma non smette di dire bugie."},
		{"pt", "O Alienista\nde Machado de Assis\n\nUm médico abre um hospício e interna a cidade inteira."},
		// Too thin to tell from its neighbours: the fallback, with a
		// warning that names the likelier language.
		{"en", "Marianela\nde Benito Pérez Galdós\n\nUna joven pobre guía a un ciego por las minas. Cuando él recupera la vista, ella se esconde."},
		{"en", "Candide\nde Voltaire\n\nUn jeune homme naïf parcourt le monde et découvre que tout ne va pas pour le mieux."},
		{"en", "Dom Casmurro\nde Machado de Assis\n\nBentinho conta a sua vida e a dúvida sobre Capitu."},
	} {
		lang, sev, msg := DecideLanguage(tt.text, "en")
		if lang != tt.want {
			t.Errorf("%.40q: %s, want %s (%s)", tt.text, lang, tt.want, msg)
		}
		// English kept says nothing; a thin count of another language
		// keeps English with a warning naming that language.
		if english := strings.Contains(tt.text, "\nby ") || strings.HasPrefix(tt.text, "A Study"); english != (msg == "") {
			t.Errorf("%.40q: %s %q", tt.text, sev, msg)
		}
	}
}

// TestScriptLanguage: a guide in a script other than Latin is taken to be
// in that script's language, and letters only some of a script's
// languages use tell them apart; a Latin-script guide quoting a few
// words in another script keeps its stop-word language.
func TestScriptLanguage(t *testing.T) {
	for _, tt := range []struct{ want, text string }{
		{"ar", "كتاب حكايات على ألسنة الحيوان، نقله عبد الله بن المقفع إلى العربية من الفارسية الوسطى نحو سنة 750 للميلاد."},
		{"fa", "گلستان کتابی است به نثر آمیخته با شعر که سعدی شیرازی نوشت. او می‌گوید که گل زود پژمرده می‌شود."},
		{"ur", "مرزا غالب اردو اور فارسی کے بڑے شاعر تھے۔ ان کے خطوط بھی اردو نثر میں بہت اہم سمجھے جاتے ہیں اور آج بھی پڑھے جاتے ہیں۔"},
		{"he", "מגילת רות היא סיפור קצר מן התנ״ך על נאמנותה של רות המואביה לחמותה נעמי בימי הקציר בבית לחם."},
		{"yi", "טבֿיה דער מילכיקער איז אַ בוך פֿון שלום־עליכם וועגן אַ ייִדישן מילכיקער און זײַנע זיבן טעכטער אין אַ קליין שטעטל."},
		{"ru", "Роман рассказывает историю Анны Карениной, которая влюбляется в молодого офицера Вронского и разрушает свою семью."},
		{"uk", "Поема розповідає про дівчину Катерину, яку покинув москаль. Її історія стала символом долі українського села."},
		{"sr", "Роман прати живот људи у једном босанском граду кроз четири века, а мост на Дрини је сведок свих њихових судбина."},
		{"el", "Η Οδύσσεια αφηγείται το ταξίδι του Οδυσσέα πίσω στην Ιθάκη μετά τον Τρωικό πόλεμο, που κράτησε δέκα χρόνια."},
		{"ja", "この物語は、平安時代の宮廷を舞台に、光源氏という美しい皇子の恋と人生を描いている。作者は紫式部である。"},
		{"zh", "本書講述賈寶玉與林黛玉的愛情故事，以及賈府由盛轉衰的過程，是中國古典小說的高峰之作。"},
		{"ko", "이 소설은 조선 시대의 한 여인이 겪는 고난과 사랑을 그리고 있으며, 춘향은 끝까지 자신의 약속을 지킨다."},
		{"hi", "गोदान प्रेमचंद का अंतिम पूर्ण उपन्यास है, जिसमें होरी नाम के एक गरीब किसान के जीवन का चित्रण किया गया है।"},
		{"en", "Naomi (נָעֳמִי, “pleasant”) leaves Bethlehem for Moab with her husband and two sons; Ruth (רוּת) refuses to leave her, and her name in Arabic is راعوث."},
	} {
		lang, _, msg := DecideLanguage(tt.text, "en")
		if lang != tt.want {
			t.Errorf("%s text taken for %q (%s)", tt.want, lang, msg)
		}
		if tt.want != "en" && !strings.Contains(msg, fmt.Sprintf("%q", tt.want)) {
			t.Errorf("%s: the message does not name the language: %q", tt.want, msg)
		}
	}
	// Twenty letters at least: a title alone does not decide.
	if lang, _, _ := DecideLanguage("Гамлет", "en"); lang != "en" {
		t.Errorf("a one-word Cyrillic text taken for %q", lang)
	}
}

// readingMinutesRef is ReadingMinutes by its expressions alone, without
// the test for an m that spares most numbered lines them.
func readingMinutesRef(line string) (int, bool) {
	if len(line) > 80 || !strings.ContainsAny(line, "0123456789") {
		return 0, false
	}
	return readingByExpressions(line)
}

var readingLines = []string{"⏱ 12 min read", "15-MINUTE READ", "Lesezeit: 5 Min.", "Text 1234.", "Chapter 15", "12 m",
	"3 M", "Lectura de 5 minutos", "ca. 7 min", "1:02 / 12:34", "Page 3 of 9", "15", "⏱ 9", "minutes 3", "ᴍ 4", "4 ｍ"}

// TestReadingMinutesAgrees: ReadingMinutes answers as its expressions do.
func TestReadingMinutesAgrees(t *testing.T) {
	for _, s := range readingLines {
		sameReadingMinutes(t, s)
	}
}

func sameReadingMinutes(t *testing.T, s string) {
	n, ok := ReadingMinutes(s)
	if rn, rok := readingMinutesRef(s); n != rn || ok != rok {
		t.Errorf("ReadingMinutes(%q) = %d, %v; the expressions give %d, %v", s, n, ok, rn, rok)
	}
}

func FuzzReadingMinutes(f *testing.F) {
	for _, s := range readingLines {
		f.Add(s)
	}
	f.Fuzz(sameReadingMinutes)
}

// TestDecideLanguageByAsksHeadingsLast: the headings are asked for only
// when the words settle nothing, and the words read once.
func TestDecideLanguageByAsksHeadingsLast(t *testing.T) {
	for _, c := range []struct {
		name, text, lang string
		asked            int
	}{
		{"words settle it", "It is a truth universally acknowledged, that a single man in possession of a good fortune must be in want of a wife, and that is the way of the world as it is in the book.", "en", 0},
		{"letters settle it", "Анна Каренина — роман Льва Толстого.", "ru", 0},
		{"names settle it", "Tadeusz wraca.", "pl", 1},
	} {
		asked, reads := 0, 0
		lang, _, _ := DecideLanguageBy(c.text, "en", func(s string) Detection { reads++; return DetectLanguage(s) },
			func() []string { asked++; return []string{"Streszczenie", "Bohaterowie"} })
		if lang != c.lang || asked != c.asked || reads > 1 {
			t.Errorf("%s: %q, headings asked %d times, words read %d; want %q, %d, at most once", c.name, lang, asked, reads, c.lang, c.asked)
		}
	}
}

// TestNinthDetectorLanguage: the detector takes a ninth language (and the
// stop words it adds): eight filled the uint8 of a stop word's languages
// and 238 stop words most of the 256 its seen-set held, so a ninth
// language's bit was 0 and its words never counted (or the set's bound
// panicked). Swedish here is a test's, not the vocabulary's.
func TestNinthDetectorLanguage(t *testing.T) {
	langs := append(append([]string(nil), Languages...), "sv")
	stop := map[string][]string{"sv": {"och", "att", "det", "som", "är", "för", "med", "har", "inte", "på", "jag", "till", "av", "om", "hon", "han", "var", "ett", "men", "sig", "från", "så", "kan", "när", "vid", "hade", "eller", "efter", "mot", "också", "hans", "hennes", "sitt", "sedan", "under", "över"}}
	for l, ws := range stopWords {
		stop[l] = ws
	}
	d := newDetector(langs, stop)
	for _, c := range []struct{ text, lang string }{
		{"Nils är en pojke som inte vill arbeta. Han blir liten och reser med gässen över hela Sverige. Under resan lär han sig att hjälpa andra, och när han kommer hem är han en annan pojke än han var när han for. Boken skrevs för att barn skulle lära sig om sitt land, och den har lästs i skolor sedan dess.", "sv"},
		{"It is a truth universally acknowledged, that a single man in possession of a good fortune must be in want of a wife, and that is the way of the world as it is in the book.", "en"},
		{"Tadeusz wraca z Wilna do domu stryja i zakochuje się w Zosi, ale spór o zamek nie jest tylko sprawą sąsiadów, a ksiądz Robak jest jego ojcem, który był w młodości zabójcą.", "pl"},
	} {
		if got := d.detect(c.text); got.Lang != c.lang {
			t.Errorf("%s read as %q (%s), want %q", c.text[:20], got.Lang, got.Reason(), c.lang)
		}
	}
	if got := DetectLanguage("Nils är en pojke som inte vill arbeta, och han reser med gässen över hela Sverige."); got.Lang == "sv" {
		t.Errorf("the vocabulary's detector knows no Swedish: %+v", got)
	}
}
