package vocab

import (
	"strings"
	"testing"
)

func TestFurniture(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Advertisement", Advertisement},
		{"- ADVERTISEMENT -", Advertisement},
		{"Publicidad", Advertisement},
		{"Continue reading below", ContinueLine},
		{"Take a Study Break", StudyBreak},
		{"Previous section: Chapter 3 Summary", SectionLink},
		{"Next section » Characters", SectionLink},
		{"Sección anterior", SectionLink},
		{"« Previous", SectionLink},
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
