package vocab

import "github.com/guidepress/guidepress/content"

// addPolish adds the section names of Polish study guides: a school's
// "opracowanie lektury" or "karta pracy", a study site's "streszczenie"
// (a guide to Prus's Lalka had its headings read as sections of no role,
// its "Cytaty" as a section rather than the quotes, and was labelled in
// English).
func addPolish() {
	add("pl", Quotes, "", "cytaty", "najważniejsze cytaty", "ważne cytaty", "kluczowe cytaty", "wybrane cytaty", "cytaty z objaśnieniem", "cytaty i ich znaczenie")
	add("pl", FAQ, "", "często zadawane pytania", "pytania i odpowiedzi", "najczęstsze pytania")
	add("pl", Section, content.RoleSummary, "streszczenie", "streszczenie szczegółowe", "krótkie streszczenie", "streszczenie rozdziałów", "plan wydarzeń", "przebieg akcji", "fabuła", "streszczenie i analiza")
	add("pl", Section, content.RoleCharacters, "bohaterowie", "postacie", "postaci", "bohaterowie lektury", "główni bohaterowie", "charakterystyka bohaterów", "charakterystyka postaci", "osoby dramatu")
	add("pl", Section, content.RoleThemes, "motywy", "tematy", "problematyka", "motywy literackie", "motywy i symbole", "symbole", "symbolika", "środki stylistyczne")
	add("pl", Section, content.RoleAnalysis, "analiza", "interpretacja", "analiza i interpretacja", "analiza utworu", "interpretacja utworu")
	add("pl", Section, content.RoleContext, "geneza", "geneza utworu", "kontekst", "kontekst historyczny", "tło historyczne", "o autorze", "biografia autora")
	add("pl", Section, content.RoleKeyFacts, "informacje o utworze", "czas i miejsce akcji", "najważniejsze informacje", "rodzaj i gatunek", "gatunek")
	add("pl", Section, content.RoleVocabulary, "słowniczek", "słownik", "słownik pojęć", "słowniczek pojęć", "trudne słowa", "pojęcia")
	add("pl", Section, content.RoleDiscussion, "pytania", "pytania do dyskusji", "pytania do tekstu", "pytania i zadania", "zadania", "pytania sprawdzające", "pytania do lektury")
	add("pl", Section, "", "odpowiedzi", "klucz odpowiedzi")
	add("pl", Section, content.RoleActivities, "przed lekturą", "po lekturze", "ćwiczenia")
	add("pl", Section, content.RoleTimeline, "oś czasu", "chronologia", "kalendarium")
	add("pl", Section, content.RoleFurtherReading, "lektury uzupełniające", "warto przeczytać", "bibliografia")
	add("pl", Section, "", "wstęp")
}
