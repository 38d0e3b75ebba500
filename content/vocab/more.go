package vocab

import "github.com/guidepress/guidepress/content"

// addMore adds the names seen in study-site pastes, teachers' handouts and
// play guides, in every language the vocabulary knows. Names that are as
// often subsections as sections stay out (see names).
func addMore() {
	// English.
	add("en", Quotes, "", "quotes explained", "important quotes explained", "passages explained",
		"key lines", "lines to remember")
	add("en", FAQ, "", "faq", "questions and answers (faq)", "common reader questions", "frequently asked")
	add("en", Section, content.RoleSummary, "plot summary and analysis", "summary & analysis", "act summaries",
		"scene summaries", "chapter notes", "section summaries", "part summaries", "summary of the play", "summary of the novel", "chapter by chapter", "act by act")
	add("en", Section, content.RoleCharacters, "character descriptions", "character map", "characters in the play",
		"persons of the play", "the persons of the play", "the persons of the drama", "persons represented", "the cast", "cast", "character sketches",
		"characters list", "principal characters", "narrators", "the narrators", "narrator", "minor characters", "character profiles")
	add("en", Section, content.RoleThemes, "themes and ideas", "themes and messages", "symbols and imagery",
		"literary elements", "language and style")
	add("en", Section, content.RoleAnalysis, "critical essays", "critical commentary", "commentary", "interpretation",
		"analysis and interpretation", "close reading", "literary criticism")
	add("en", Section, content.RoleContext, "the author", "author's life", "biography", "about the play",
		"about the poem", "about the novel", "historical and cultural context", "social context", "the author and the work")
	add("en", Section, content.RoleKeyFacts, "key facts about the book", "book at a glance", "fast facts", "basic facts", "the facts")
	add("en", Section, content.RoleVocabulary, "vocabulary words", "key vocabulary words", "important terms", "literary terms",
		"terms and definitions", "words and phrases", "key words", "difficult words")
	add("en", Section, content.RoleDiscussion, "questions", "discussion", "discussion questions and answers",
		"comprehension questions", "study guide questions", "test your knowledge", "review questions", "quiz")
	add("en", Section, content.RoleActivities, "after reading", "before reading", "during reading", "assignments",
		"class activities", "writing activities", "prereading activities", "project ideas", "activity", "class activity",
		"group activity", "writing assignment", "project", "final project")
	add("en", Section, content.RoleTimeline, "timeline of events", "key dates", "important dates")
	add("en", Section, content.RoleFurtherReading, "further resources", "recommended reading", "suggested reading",
		"works cited", "bibliography", "read next", "if you liked this book")

	// Spanish.
	add("es", Quotes, "", "citas famosas", "citas principales", "citas memorables", "frases importantes",
		"fragmentos clave", "pasajes importantes", "citas explicadas")
	add("es", FAQ, "", "preguntas comunes", "dudas frecuentes", "preguntas más frecuentes")
	add("es", Section, content.RoleSummary, "resumen del argumento", "resumen y análisis", "resumen de la obra",
		"resumen del libro", "argumento de la obra", "resumen por actos")
	add("es", Section, content.RoleCharacters, "personajes y análisis", "los personajes", "personajes secundarios", "reparto")
	add("es", Section, content.RoleThemes, "temas y motivos", "temas centrales")
	add("es", Section, content.RoleAnalysis, "análisis de la obra", "interpretación", "comentario", "comentario de texto")
	add("es", Section, content.RoleContext, "contexto histórico y social", "biografía del autor", "biografía de la autora",
		"el autor", "la autora", "vida del autor")
	add("es", Section, content.RoleKeyFacts, "datos principales", "datos básicos", "ficha del libro")
	add("es", Section, content.RoleVocabulary, "vocabulario clave", "palabras clave", "términos clave")
	add("es", Section, content.RoleDiscussion, "preguntas de comprensión", "preguntas para reflexionar", "preguntas",
		"preguntas para la discusión", "preguntas de estudio", "temas de debate")
	add("es", Section, content.RoleActivities, "actividades", "antes de leer", "después de leer")
	add("es", Section, content.RoleTimeline, "cronología", "línea de tiempo")
	add("es", Section, content.RoleFurtherReading, "lecturas recomendadas", "para seguir leyendo", "bibliografía")
	add("es", Section, "", "introducción")

	// French.
	add("fr", Quotes, "", "citations à retenir", "extraits clés", "passages importants", "répliques célèbres",
		"phrases célèbres", "citations principales", "citations expliquées")
	add("fr", FAQ, "", "questions courantes", "questions réponses", "questions les plus fréquentes")
	add("fr", Section, content.RoleSummary, "résumé et analyse", "résumé de l'œuvre", "résumé du livre",
		"résumé par acte", "résumé par chapitres", "l'intrigue")
	add("fr", Section, content.RoleCharacters, "présentation des personnages", "les personnages", "personnages secondaires")
	add("fr", Section, content.RoleThemes, "thèmes et motifs", "les thèmes", "style et écriture")
	add("fr", Section, content.RoleAnalysis, "commentaire", "interprétation", "analyse de l'œuvre", "étude de l'œuvre")
	add("fr", Section, content.RoleContext, "biographie", "l'auteur", "l'autrice", "biographie de l'autrice",
		"contexte de l'œuvre", "contexte historique et social")
	add("fr", Section, content.RoleKeyFacts, "fiche de l'œuvre", "repères", "en bref")
	add("fr", Section, content.RoleVocabulary, "vocabulaire clé", "mots clés", "lexique de l'œuvre")
	add("fr", Section, content.RoleDiscussion, "questions de compréhension", "pistes de réflexion", "questions",
		"questions pour la discussion", "sujets de réflexion")
	add("fr", Section, content.RoleActivities, "activités", "avant la lecture", "après la lecture")
	add("fr", Section, content.RoleTimeline, "chronologie", "repères chronologiques")
	add("fr", Section, content.RoleFurtherReading, "pour aller plus loin", "lectures conseillées", "bibliographie")
	add("fr", Section, "", "introduction")

	// German.
	add("de", Quotes, "", "zitate und erklärungen", "wichtige textstellen", "zentrale zitate", "berühmte zitate",
		"wichtige textpassagen", "zitate mit erläuterung")
	add("de", FAQ, "", "oft gestellte fragen", "häufige fragen und antworten")
	add("de", Section, content.RoleSummary, "inhaltsangabe und analyse", "kurzzusammenfassung", "zusammenfassung und analyse",
		"inhalt und aufbau", "handlungsverlauf", "kapitelübersicht")
	add("de", Section, content.RoleCharacters, "personenkonstellation", "figurenübersicht", "die figuren", "die personen",
		"personen des dramas", "personen der handlung", "figurencharakterisierung")
	add("de", Section, content.RoleThemes, "themen und symbole", "motive und symbole", "sprache und stil")
	add("de", Section, content.RoleAnalysis, "textanalyse", "interpretation und analyse", "werkanalyse")
	add("de", Section, content.RoleContext, "zum autor", "zur autorin", "biografie", "autor und werk", "epoche", "literarischer kontext")
	add("de", Section, content.RoleKeyFacts, "das wichtigste in kürze", "fakten", "werkdaten")
	add("de", Section, content.RoleVocabulary, "wichtige begriffe", "vokabular", "worterklärungen", "fachbegriffe")
	add("de", Section, content.RoleDiscussion, "verständnisfragen", "fragen zur besprechung", "arbeitsaufträge",
		"fragen", "diskussionsthemen", "fragen zur interpretation")
	add("de", Section, content.RoleActivities, "aktivitäten", "vor dem lesen", "nach dem lesen")
	add("de", Section, content.RoleTimeline, "zeittafel", "zeitleiste", "chronologie")
	add("de", Section, content.RoleFurtherReading, "weiterführende literatur", "literaturhinweise", "lesetipps")
	add("de", Section, "", "einleitung", "einführung")

	// Italian.
	add("it", Quotes, "", "frasi celebri", "citazioni principali", "passi importanti", "brani chiave", "frasi famose")
	add("it", FAQ, "", "domande comuni", "domande più frequenti")
	add("it", Section, content.RoleSummary, "riassunto e analisi", "trama e analisi", "riassunto della trama",
		"riassunto del libro", "riassunto per atti")
	add("it", Section, content.RoleCharacters, "i personaggi", "personaggi secondari", "elenco dei personaggi")
	add("it", Section, content.RoleThemes, "temi e motivi", "i temi")
	add("it", Section, content.RoleAnalysis, "commento", "interpretazione", "analisi dell'opera")
	add("it", Section, content.RoleContext, "vita dell'autore", "l'autore e l'opera", "biografia", "l'autrice", "contesto storico e sociale")
	add("it", Section, content.RoleKeyFacts, "in breve", "scheda dell'opera", "scheda")
	add("it", Section, content.RoleVocabulary, "parole chiave", "termini chiave", "glossario dei termini")
	add("it", Section, content.RoleDiscussion, "domande di comprensione", "domande", "domande per riflettere", "spunti per la discussione")
	add("it", Section, content.RoleActivities, "attività", "prima della lettura", "dopo la lettura")
	add("it", Section, content.RoleTimeline, "cronologia")
	add("it", Section, content.RoleFurtherReading, "letture consigliate", "per saperne di più", "bibliografia")
	add("it", Section, "", "introduzione")

	// Arabic and Hebrew: the quotes and FAQ headings the writers print
	// (templates/labels) and their commonest variants, so that a guide
	// written out by `inspect --markdown` reads back with its parts.
	add("ar", Quotes, "", "اقتباسات مهمة", "أبرز الاقتباسات", "اقتباسات", "الاقتباسات")
	add("ar", FAQ, "", "الأسئلة الشائعة", "أسئلة شائعة", "أسئلة وأجوبة")
	add("he", Quotes, "", "ציטוטים מרכזיים", "ציטוטים", "ציטוטים חשובים")
	add("he", FAQ, "", "שאלות נפוצות", "שאלות ותשובות")
	// Persian: the same, and the commonest section names.
	add("fa", Quotes, "", "نقل\u200cقول\u200cهای مهم", "نقل\u200cقول\u200cهای برجسته", "نقل\u200cقول\u200cها", "جمله\u200cهای ماندگار")
	add("fa", FAQ, "", "پرسش\u200cهای رایج", "پرسش\u200cهای متداول", "سؤالات متداول", "سوالات متداول", "پرسش و پاسخ")
	add("fa", Section, content.RoleSummary, "خلاصه", "خلاصهٔ داستان", "خلاصه داستان")
	add("fa", Section, content.RoleCharacters, "شخصیت\u200cها", "شخصیت\u200cهای داستان")
	add("fa", Section, content.RoleThemes, "درون\u200cمایه\u200cها", "مضامین")
	add("fa", Section, content.RoleContext, "دربارهٔ نویسنده", "زندگی نویسنده")
	add("fa", Section, content.RoleVocabulary, "واژه\u200cنامه", "واژگان")
	add("fa", Section, content.RoleDiscussion, "پرسش\u200cهایی برای گفت\u200cوگو", "پرسش\u200cهای بحث")

	// Portuguese.
	add("pt", Quotes, "", "citações famosas", "frases célebres", "passagens importantes", "trechos marcantes", "frases importantes")
	add("pt", FAQ, "", "dúvidas frequentes", "perguntas comuns", "perguntas mais frequentes")
	add("pt", Section, content.RoleSummary, "resumo e análise", "resumo do livro", "resumo do enredo", "enredo e análise")
	add("pt", Section, content.RoleCharacters, "os personagens", "as personagens", "personagens secundários", "lista de personagens")
	add("pt", Section, content.RoleThemes, "temas e motivos", "os temas")
	add("pt", Section, content.RoleAnalysis, "análise da obra", "interpretação", "comentário")
	add("pt", Section, content.RoleContext, "biografia do autor", "biografia da autora", "o autor", "a autora", "contexto histórico e social")
	add("pt", Section, content.RoleKeyFacts, "ficha da obra", "dados da obra", "informações principais")
	add("pt", Section, content.RoleVocabulary, "vocabulário importante", "palavras-chave", "termos importantes")
	add("pt", Section, content.RoleDiscussion, "questões de compreensão", "perguntas de compreensão", "questões",
		"perguntas para reflexão", "questões para debate")
	add("pt", Section, content.RoleActivities, "atividades", "antes da leitura", "depois da leitura")
	add("pt", Section, content.RoleTimeline, "cronologia", "linha do tempo")
	add("pt", Section, content.RoleFurtherReading, "leituras recomendadas", "para saber mais", "bibliografia")
	add("pt", Section, "", "introdução")
}
