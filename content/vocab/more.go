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
		"comprehension questions", "study guide questions", "test your knowledge", "review questions", "quiz",
		"journal prompts", "journal questions", "reading journal prompts", "response journal", "quick quiz", "quick quizzes",
		"exam questions", "exam practice", "questions for thought",
		"true or false", "true/false", "true-false", "multiple choice", "multiple-choice questions", "multiple choice questions",
		"short answer", "short answer questions", "short-answer questions", "fill in the blanks", "fill in the blank", "quiz questions",
		"reading questions", "reading check questions")
	// A quiz's key: a section of its own (the worksheet does not ask it).
	add("en", Section, "", "answer key", "answer sheet", "teacher's key", "teacher key")
	// A book report ends with the pupil's view of the book.
	add("en", Section, "", "my opinion", "personal response", "my response", "my review", "personal opinion")
	add("en", Section, content.RoleActivities, "after reading", "before reading", "during reading", "assignments",
		"class activities", "writing activities", "prereading activities", "project ideas", "activity", "class activity",
		"group activity", "writing assignment", "project", "final project", "homework", "homework assignment")
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
	add("es", Section, content.RoleDiscussion, "verdadero o falso", "opción múltiple", "preguntas de opción múltiple", "preguntas de respuesta corta")
	add("es", Section, "", "respuestas", "clave de respuestas", "solucionario")
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
	add("fr", Section, content.RoleDiscussion, "vrai ou faux", "questionnaire à choix multiples", "qcm", "questions à choix multiples")
	add("fr", Section, "", "corrigé", "corrigés")
	add("fr", Section, content.RoleDiscussion, "questions de compréhension", "pistes de réflexion", "questions",
		"questions pour la discussion", "sujets de réflexion")
	add("fr", Section, content.RoleActivities, "activités", "avant la lecture", "après la lecture", "avant de lire", "après avoir lu")
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
	add("de", Section, content.RoleDiscussion, "richtig oder falsch", "multiple-choice-fragen")
	add("de", Section, "", "lösungen", "lösungsschlüssel")
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
	add("it", Section, content.RoleDiscussion, "vero o falso", "domande a risposta multipla", "risposta multipla")
	add("it", Section, "", "soluzioni", "chiave delle risposte")
	add("it", Section, content.RoleDiscussion, "domande di comprensione", "domande", "domande per riflettere", "spunti per la discussione")
	add("it", Section, content.RoleActivities, "attività", "prima della lettura", "dopo la lettura", "prima di leggere", "dopo aver letto")
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
	// Their commonest section names.
	add("ar", Section, content.RoleSummary, "ملخص", "الملخص", "ملخص القصة", "ملخص الأحداث")
	add("ar", Section, content.RoleCharacters, "الشخصيات", "الشخصيات الرئيسية", "شخصيات الرواية")
	add("ar", Section, content.RoleThemes, "الموضوعات", "الموضوعات الرئيسية", "المواضيع")
	add("ar", Section, content.RoleAnalysis, "تحليل", "التحليل")
	add("ar", Section, content.RoleContext, "عن المؤلف", "نبذة عن المؤلف", "السياق التاريخي")
	add("ar", Section, content.RoleVocabulary, "المفردات", "مفردات", "معاني الكلمات")
	add("ar", Section, content.RoleDiscussion, "أسئلة للنقاش", "أسئلة للمناقشة", "أسئلة")
	add("ar", Section, content.RoleActivities, "أنشطة", "الأنشطة")
	add("he", Section, content.RoleSummary, "תקציר העלילה", "סיכום", "העלילה", "עלילה")
	add("he", Section, content.RoleCharacters, "דמויות", "הדמויות", "דמויות מרכזיות")
	add("he", Section, content.RoleThemes, "נושאים", "נושאים מרכזיים")
	add("he", Section, content.RoleAnalysis, "ניתוח")
	add("he", Section, content.RoleContext, "על המחבר", "רקע היסטורי")
	add("he", Section, content.RoleVocabulary, "אוצר מילים", "מילון מונחים")
	add("he", Section, content.RoleDiscussion, "שאלות לדיון", "שאלות")
	add("he", Section, content.RoleActivities, "פעילויות")
	// Persian: the same, and the commonest section names.
	add("fa", Quotes, "", "نقل\u200cقول\u200cهای مهم", "نقل\u200cقول\u200cهای برجسته", "نقل\u200cقول\u200cها", "جمله\u200cهای ماندگار")
	add("fa", FAQ, "", "پرسش\u200cهای رایج", "پرسش\u200cهای متداول", "سؤالات متداول", "سوالات متداول", "پرسش و پاسخ")
	add("fa", Section, content.RoleSummary, "خلاصه", "خلاصهٔ داستان", "خلاصه داستان")
	add("fa", Section, content.RoleCharacters, "شخصیت\u200cها", "شخصیت\u200cهای داستان")
	add("fa", Section, content.RoleThemes, "درون\u200cمایه\u200cها", "مضامین")
	add("fa", Section, content.RoleContext, "دربارهٔ نویسنده", "زندگی نویسنده")
	add("fa", Section, content.RoleVocabulary, "واژه\u200cنامه", "واژگان")
	add("fa", Section, content.RoleDiscussion, "پرسش\u200cهایی برای گفت\u200cوگو", "پرسش\u200cهای بحث")

	// Russian and Greek: the labels the writers print (templates/labels)
	// and the names school guides and handouts give their parts.
	add("ru", Quotes, "", "ключевые цитаты", "цитаты", "важные цитаты", "главные цитаты", "известные цитаты", "цитаты из произведения")
	add("ru", FAQ, "", "часто задаваемые вопросы", "вопросы и ответы", "частые вопросы")
	add("ru", Section, content.RoleSummary, "краткое содержание", "пересказ", "краткий пересказ", "сюжет",
		"краткое содержание по главам", "содержание по главам")
	add("ru", Section, content.RoleCharacters, "главные герои", "герои", "персонажи", "действующие лица",
		"главные персонажи", "список персонажей", "герои произведения")
	add("ru", Section, content.RoleThemes, "темы", "основные темы", "темы и мотивы", "проблематика")
	add("ru", Section, content.RoleAnalysis, "анализ", "анализ произведения", "анализ романа", "интерпретация")
	add("ru", Section, content.RoleContext, "об авторе", "биография автора", "исторический контекст",
		"историческая справка", "история создания")
	add("ru", Section, content.RoleKeyFacts, "основные сведения", "коротко о книге", "факты о книге")
	add("ru", Section, content.RoleVocabulary, "словарь", "словарик", "глоссарий", "ключевые слова",
		"трудные слова", "словарная работа")
	add("ru", Section, content.RoleDiscussion, "вопросы для обсуждения", "вопросы", "вопросы и задания",
		"вопросы для размышления", "вопросы к тексту")
	add("ru", Section, content.RoleActivities, "задания", "творческие задания", "домашнее задание")
	add("ru", Section, content.RoleTimeline, "хронология", "хронология событий")
	add("ru", Section, content.RoleFurtherReading, "что почитать", "рекомендуемая литература", "литература")
	// The answer key ("Ответы: 1 — б, 2 — а" was an empty heading).
	add("ru", Section, "", "ответы", "ключ к тесту", "ключ ответов")
	add("uk", Section, "", "відповіді", "ключ відповідей")
	add("el", Section, "", "απαντήσεις", "λύσεις")
	add("uk", Quotes, "", "цитати", "ключові цитати", "важливі цитати")
	add("uk", FAQ, "", "часті запитання", "питання та відповіді")
	add("uk", Section, content.RoleSummary, "короткий зміст", "стислий переказ", "сюжет")
	add("uk", Section, content.RoleCharacters, "персонажі", "головні герої", "дійові особи", "герої твору")
	add("uk", Section, content.RoleThemes, "теми", "основні теми", "тематика")
	add("uk", Section, content.RoleAnalysis, "аналіз твору", "аналіз")
	add("uk", Section, content.RoleContext, "про автора", "історичний контекст")
	add("uk", Section, content.RoleVocabulary, "словник", "ключові слова")
	add("uk", Section, content.RoleDiscussion, "питання для обговорення", "питання", "запитання")
	add("uk", Section, content.RoleActivities, "завдання", "творчі завдання")
	add("el", Quotes, "", "βασικά αποσπάσματα", "σημαντικά αποσπάσματα", "αποσπάσματα", "παραθέματα",
		"σημαντικά παραθέματα", "βασικές φράσεις")
	add("el", FAQ, "", "συχνές ερωτήσεις", "ερωτήσεις και απαντήσεις")
	add("el", Section, content.RoleSummary, "περίληψη", "σύνοψη", "υπόθεση", "περίληψη του έργου", "η υπόθεση")
	add("el", Section, content.RoleCharacters, "πρόσωπα", "τα πρόσωπα", "πρόσωπα του δράματος", "τα πρόσωπα του δράματος",
		"χαρακτήρες", "οι χαρακτήρες", "ήρωες", "οι ήρωες")
	add("el", Section, content.RoleThemes, "θέματα", "βασικά θέματα", "θεματικές", "μοτίβα")
	add("el", Section, content.RoleAnalysis, "ανάλυση", "ερμηνεία", "σχολιασμός", "ερμηνευτικά σχόλια")
	add("el", Section, content.RoleContext, "ο συγγραφέας", "για τον συγγραφέα", "βιογραφία", "ιστορικό πλαίσιο")
	add("el", Section, content.RoleKeyFacts, "βασικά στοιχεία", "στοιχεία του έργου")
	add("el", Section, content.RoleVocabulary, "λεξιλόγιο", "γλωσσάριο", "λέξεις κλειδιά")
	add("el", Section, content.RoleDiscussion, "ερωτήσεις", "ερωτήσεις για συζήτηση", "ερωτήσεις κατανόησης",
		"θέματα για συζήτηση", "ερωτήσεις για τον διάλογο")
	add("el", Section, content.RoleActivities, "δραστηριότητες", "ασκήσεις", "εργασίες")
	add("el", Section, content.RoleTimeline, "χρονολόγιο")
	add("el", Section, content.RoleFurtherReading, "βιβλιογραφία", "προτεινόμενη βιβλιογραφία")
	// Japanese, Chinese and Hindi: the commonest names of a school
	// guide's parts (the writers print English labels for these
	// languages, which the PDF's fonts can print).
	add("ja", Quotes, "", "名言", "重要な引用", "名場面・名言", "心に残る言葉")
	add("ja", FAQ, "", "よくある質問", "質問と回答")
	add("ja", Section, content.RoleSummary, "あらすじ", "要約", "概要")
	add("ja", Section, content.RoleCharacters, "登場人物", "主な登場人物")
	add("ja", Section, content.RoleThemes, "テーマ", "主題")
	add("ja", Section, content.RoleAnalysis, "解説", "考察", "作品解説")
	add("ja", Section, content.RoleContext, "作者について", "作者紹介", "時代背景")
	add("ja", Section, content.RoleVocabulary, "語句", "重要語句", "語句の意味", "用語集")
	add("ja", Section, content.RoleDiscussion, "考えてみよう", "話し合おう", "設問", "発問", "問い")
	add("ja", Section, content.RoleActivities, "課題", "学習活動")
	add("zh", Quotes, "", "名句", "经典语录", "经典名句", "名言名句", "重要引文")
	add("zh", FAQ, "", "常见问题", "问答")
	add("zh", Section, content.RoleSummary, "内容简介", "故事梗概", "梗概", "章节概要", "情节概要", "内容概要")
	add("zh", Section, content.RoleCharacters, "人物", "主要人物", "人物介绍", "人物表")
	add("zh", Section, content.RoleThemes, "主题", "主题思想")
	add("zh", Section, content.RoleAnalysis, "分析", "赏析", "作品分析")
	add("zh", Section, content.RoleContext, "作者简介", "写作背景", "时代背景")
	add("zh", Section, content.RoleVocabulary, "词语解释", "词汇", "生词", "注释")
	add("zh", Section, content.RoleDiscussion, "讨论题", "思考题", "讨论问题", "思考与讨论")
	add("zh", Section, content.RoleActivities, "练习", "活动")
	add("hi", Quotes, "", "महत्वपूर्ण उद्धरण", "उद्धरण", "प्रमुख उद्धरण")
	add("hi", FAQ, "", "अक्सर पूछे जाने वाले प्रश्न")
	add("hi", Section, content.RoleSummary, "सारांश", "कथासार", "कहानी का सारांश")
	add("hi", Section, content.RoleCharacters, "पात्र", "प्रमुख पात्र", "पात्र परिचय")
	add("hi", Section, content.RoleThemes, "मुख्य विषय")
	add("hi", Section, content.RoleAnalysis, "विश्लेषण", "समीक्षा")
	add("hi", Section, content.RoleContext, "लेखक परिचय", "लेखक के बारे में")
	add("hi", Section, content.RoleVocabulary, "शब्दावली", "शब्दार्थ", "कठिन शब्द")
	add("hi", Section, content.RoleDiscussion, "प्रश्न", "चर्चा के लिए प्रश्न", "अभ्यास प्रश्न")
	add("hi", Section, content.RoleActivities, "गतिविधियाँ")

	// Portuguese.
	add("pt", Quotes, "", "citações famosas", "frases célebres", "passagens importantes", "trechos marcantes", "frases importantes")
	add("pt", FAQ, "", "dúvidas frequentes", "perguntas comuns", "perguntas mais frequentes")
	add("pt", Section, content.RoleSummary, "resumo e análise", "resumo do livro", "resumo do enredo", "enredo e análise")
	add("pt", Section, content.RoleCharacters, "os personagens", "as personagens", "personagens secundários", "lista de personagens")
	add("pt", Section, content.RoleThemes, "temas e motivos", "os temas")
	add("pt", Section, content.RoleAnalysis, "análise da obra", "interpretação", "comentário")
	add("pt", Section, content.RoleContext, "biografia do autor", "biografia da autora", "o autor", "a autora", "contexto histórico e social")
	add("pt", Section, content.RoleKeyFacts, "ficha da obra", "dados da obra", "informações principais", "fatos principais", "fatos-chave", "fatos importantes")
	add("pt", Section, content.RoleVocabulary, "vocabulário importante", "palavras-chave", "termos importantes")
	add("pt", Section, content.RoleDiscussion, "verdadeiro ou falso", "múltipla escolha", "questões de múltipla escolha")
	add("pt", Section, "", "gabarito", "respostas")
	add("pt", Section, content.RoleDiscussion, "questões de compreensão", "perguntas de compreensão", "questões",
		"perguntas para reflexão", "questões para debate")
	add("pt", Section, content.RoleActivities, "atividades", "antes da leitura", "depois da leitura", "antes de ler", "depois de ler")
	add("pt", Section, content.RoleDiscussion, "perguntas", "perguntas para discussão", "questões para discussão")
	add("pt", Section, content.RoleTimeline, "cronologia", "linha do tempo")
	add("pt", Section, content.RoleFurtherReading, "leituras recomendadas", "para saber mais", "bibliografia")
	add("pt", Section, "", "introdução")
}
