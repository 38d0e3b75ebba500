package plaintext

import "testing"

// TestWorksheetShapes has one case per misreading of a teacher's
// worksheet that session 16 fixed; each failed before its fix.
func TestWorksheetShapes(t *testing.T) {
	tests := []reading{
		{
			name: "German: a worksheet named by what it practises and its class (\"Wortschatz und Leseverständnis — Klasse 9\") under the by-line names the guide (it was the synopsis's first paragraph)",
			opts: Options{Language: "de"},
			in:   "Der Schimmelreiter\nvon Theodor Storm\nWortschatz und Leseverständnis — Klasse 9\n\nHauke Haien wird Deichgraf.\n\nWortschatz\n\nDeichgraf: Aufseher über die Deiche\nKoog: eingedeichtes Land\n",
			want: "lang=de year=0\nbook: Der Schimmelreiter | Theodor Storm | 0 min | Der Schimmelreiter — Wortschatz und Leseverständnis — Klasse 9\nsynopsis: Hauke Haien wird Deichgraf.\nsection: Wortschatz\n  definitions: Deichgraf = Aufseher über die Deiche | Koog = eingedeichtes Land\n",
		},
		{
			name: "the same on the title line, the by-line set tight under it in German (\"von Theodor Storm\" was joined to the title, the author lost)",
			opts: Options{Language: "de"},
			in:   "Der Schimmelreiter — Wortschatz und Leseverständnis — Klasse 9\nvon Theodor Storm\n\nHauke Haien wird Deichgraf.\n\nWortschatz\n\nDeichgraf: Aufseher über die Deiche\nKoog: eingedeichtes Land\n",
			want: "lang=de year=0\nbook: Der Schimmelreiter | Theodor Storm | 0 min | Der Schimmelreiter — Wortschatz und Leseverständnis — Klasse 9\nsynopsis: Hauke Haien wird Deichgraf.\nsection: Wortschatz\n  definitions: Deichgraf = Aufseher über die Deiche | Koog = eingedeichtes Land\n",
		},
		{
			name: "a worksheet's word before what it practises, the class after \"für\" (\"Arbeitsblatt Wortschatz für die 9. Klasse\")",
			in:   "Immensee\nvon Theodor Storm\n\nArbeitsblatt Wortschatz für die 9. Klasse\n\nReinhard erinnert sich an Elisabeth.\n\nFragen zum Text\n\n1. Wer ist Erich?\n",
			want: "lang=de year=0\nbook: Immensee | Theodor Storm | 0 min | Immensee — Arbeitsblatt Wortschatz für die 9. Klasse\nsynopsis: Reinhard erinnert sich an Elisabeth.\nsection: Fragen zum Text\n  list: from 1: Wer ist Erich?\n",
		},
		{
			name: "French, Spanish, Italian, Portuguese: a skill and a section with the class",
			opts: Options{Language: "fr"},
			in:   "Candide\npar Voltaire\n\nVocabulaire et compréhension — Classe de 4e\n\nCandide est chassé du château.\n\nQuestions de lecture\n\n1. Pourquoi ?\n",
			want: "lang=fr year=0\nbook: Candide | Voltaire | 0 min | Candide — Vocabulaire et compréhension — Classe de 4e\nsynopsis: Candide est chassé du château.\nsection: Questions de lecture\n  list: from 1: Pourquoi ?\n",
		},
		{
			name: "Spanish",
			opts: Options{Language: "es"},
			in:   "Marianela\nde Benito Pérez Galdós\n\nVocabulario y comprensión lectora — 3.º ESO\n\nPablo es ciego.\n\nPreguntas de reflexión\n\n1. ¿Quién es Nela?\n",
			want: "lang=es year=0\nbook: Marianela | Benito Pérez Galdós | 0 min | Marianela — Vocabulario y comprensión lectora — 3.º ESO\nsynopsis: Pablo es ciego.\nsection: Preguntas de reflexión\n  list: from 1: ¿Quién es Nela?\n",
		},
		{
			name: "handout sections alone, without a skill or a class, stay a heading",
			in:   "The Call of the Wild\nby Jack London\n\nVocabulary and Discussion Questions\n\n1. primordial – original\n2. Why is Buck stolen?\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — A Study Guide\nsection: Vocabulary and Discussion Questions\n  list: from 1: primordial – original | Why is Buck stolen?\n",
		},
		{
			name: "a singular quote heading (\"Zitat\") is the highlighted quotes (it was a section holding a block quote)",
			opts: Options{Language: "de"},
			in:   "Der Schimmelreiter\nvon Theodor Storm\n\nHauke wird Deichgraf.\n\nZitat\n\n„Wer nicht will deichen, der muss weichen.“ (S. 12)\n\nFragen zum Text\n\n1. Warum?\n",
			want: "lang=de year=0\nbook: Der Schimmelreiter | Theodor Storm | 0 min | Der Schimmelreiter — Lektürehilfe\nsynopsis: Hauke wird Deichgraf.\nquote: Wer nicht will deichen, der muss weichen. — S. 12\nsection: Fragen zum Text\n  list: from 1: Warum?\n",
		},
		{
			name: "English, Spanish, French: Quote, Cita, Citation",
			opts: Options{Language: "es"},
			in:   "Marianela\nde Benito Pérez Galdós\n\nPablo es ciego.\n\nCita\n\n«Yo no sirvo para nada.» (Capítulo 4)\n",
			want: "lang=es year=0\nbook: Marianela | Benito Pérez Galdós | 0 min | Marianela — Guía de estudio\nsynopsis: Pablo es ciego.\nquote: Yo no sirvo para nada. — Capítulo 4\n",
		},
		{
			name: "\"Quote\" alone over each quote under the quotes heading, an \"Explanation\" after each, labels the quote: the next quote is not the last one's explanation (the second quote was, after a label \"Quote #2\" too)",
			in:   "Emma\nby Jane Austen\n\nEmma meddles.\n\nKey Quotes\n\nQuote\n\"Badly done, Emma!\" (Chapter 43)\nExplanation\nKnightley rebukes her.\n\nQuote\n\"I may have lost my heart.\" (Chapter 49)\nExplanation\nShe admits it.\n\nThemes\n\nMarriage.\n",
			want: "lang=en year=0\nbook: Emma | Jane Austen | 0 min | Emma — A Study Guide\nsynopsis: Emma meddles.\nquote: Badly done, Emma! — Chapter 43\n  explanation: Knightley rebukes her.\nquote: I may have lost my heart. — Chapter 49\n  explanation: She admits it.\nsection: Themes\n  paragraph: Marriage.\n",
		},
		{
			name: "options without tick boxes after a labelled question (\"F2: Was baut Hauke?\" / \"- einen Deich\") are its options, the question's sublist; so are bullets set tight under a \"Q3:\" question (both were lists of their own)",
			opts: Options{Language: "de"},
			in:   "Der Schimmelreiter\nvon Theodor Storm\n\nHauke wird Deichgraf.\n\nFragen zum Text\n\nF1: Wer erzählt die Geschichte?\n\nF2: Was baut Hauke?\n\n- einen Deich\n- eine Mühle\n\nQ3: Wer stirbt?\n• Hauke\n• Elke\n",
			want: "lang=de year=0\nbook: Der Schimmelreiter | Theodor Storm | 0 min | Der Schimmelreiter — Lektürehilfe\nsynopsis: Hauke wird Deichgraf.\nsection: Fragen zum Text\n  list: from 1: Wer erzählt die Geschichte? | Was baut Hauke? (einen Deich; eine Mühle)\n  list: from 3: Wer stirbt? (Hauke; Elke)\n",
		},
		// Found writing new sample guides (testdata/guides: the Scuderi,
		// Doña Perfecta and Lady of Shalott handouts); each failed before.
		{
			name: "options lettered \"a)\", \"A.\" or \"(a)\" indented under a question are its sublist (they were run into the question; only \"a.\" was not)",
			in:   "The Lady of Shalott\nby Alfred, Lord Tennyson\n\nMultiple Choice\n\n1. What does the Lady see?\n   a) a window\n   b) a mirror\n2. Who makes her leave?\n   A. Sir Lancelot\n   B. the reapers\n3. Where does she float?\n   (a) to Camelot\n   (b) to the sea\n",
			want: "lang=en year=0\nbook: The Lady of Shalott | Alfred, Lord Tennyson | 0 min | The Lady of Shalott — A Study Guide\nsection: Multiple Choice\n  list: from 1: What does the Lady see? (a. a window; b. a mirror) | Who makes her leave? (A. Sir Lancelot; B. the reapers) | Where does she float? (a. to Camelot; b. to the sea)\n",
		},
		{
			name: "a skill and a quiz with the class (\"Poetry Analysis and Quiz — Year 10\") name the handout, the teacher under it its author (both were the synopsis)",
			in:   "The Lady of Shalott\nby Alfred, Lord Tennyson (1842)\nPoetry Analysis and Quiz — Year 10\nTeacher: Mr. Adeyemi\n\nVocabulary\n\nwold – open, high ground\nchurls – peasants\n",
			want: "lang=en year=1842\nbook: The Lady of Shalott | Alfred, Lord Tennyson | 0 min | The Lady of Shalott — Poetry Analysis and Quiz — Year 10\nsection: Vocabulary\n  definitions: wold = open, high ground | churls = peasants\n",
		},
		{
			name: "a study site's header in parts (\"Resumen y análisis · Guía de lectura\") under a bare author names the guide (it was a section holding the synopsis); its \"Explicación de la cita n.º 2 >>\" labels the explanation (it was a quote)",
			opts: Options{Language: "es"},
			in:   "Doña Perfecta\nBenito Pérez Galdós\n\nResumen y análisis · Guía de lectura\n\nPepe Rey llega a Orbajosa.\n\nCitas destacadas\n\n1. «¡Orbajosa! ¡Qué nombre tan bonito!» (Capítulo 2)\n2. «Aquí no hay más ley que la voluntad de mi tía.» (Capítulo 14)\n\nExplicación de la cita n.º 2 >>\nRosario comprende que su madre gobierna la ciudad.\n",
			want: "lang=es year=0\nbook: Doña Perfecta | Benito Pérez Galdós | 0 min | Doña Perfecta — Resumen y análisis · Guía de lectura\nsynopsis: Pepe Rey llega a Orbajosa.\nquote: ¡Orbajosa! ¡Qué nombre tan bonito! — Capítulo 2\nquote: Aquí no hay más ley que la voluntad de mi tía. — Capítulo 14\n  explanation: Rosario comprende que su madre gobierna la ciudad.\n",
		},
		{
			name: "under a singular quote heading, the paragraph after the one quote is its commentary (it was a second quote, with a warning); a paragraph's short last line after a long line broken off mid-sentence goes on with it (\"…, Olivier\" / \"Brusson, verhaftet wird.\" was a paragraph of its own)",
			opts: Options{Language: "de"},
			in:   "Das Fräulein von Scuderi\nvon E. T. A. Hoffmann\n\nDas alte Fräulein von Scuderi gerät in die Ermittlungen, als ein junger Mann, Olivier\nBrusson, verhaftet wird.\n\nZitat\n\n„Un amant qui craint les voleurs n'est point digne d'amour.“ (S. 12)\n\nMit diesem Vers antwortet die Scuderi auf die Bittschrift der Liebhaber.\n",
			want: "lang=de year=0\nbook: Das Fräulein von Scuderi | E. T. A. Hoffmann | 0 min | Das Fräulein von Scuderi — Lektürehilfe\nsynopsis: Das alte Fräulein von Scuderi gerät in die Ermittlungen, als ein junger Mann, Olivier Brusson, verhaftet wird.\nquote: Un amant qui craint les voleurs n’est point digne d’amour. — S. 12\n  explanation: Mit diesem Vers antwortet die Scuderi auf die Bittschrift der Liebhaber.\n",
		},
		{
			name: "a quotation of verse whose first line closes its marks on a speech tag (\"\\\"I am half sick of shadows,\\\" said\" / \"The Lady of Shalott.\" / \"(Part II, lines 71–72)\") is one quote of those lines and its source (each line was a quote, with a warning)",
			in:   "The Lady of Shalott\nby Alfred, Lord Tennyson\n\nQuote\n\n\"I am half sick of shadows,\" said\nThe Lady of Shalott.\n(Part II, lines 71–72)\n\nExplanation: the Lady first doubts the mirror.\n",
			want: "lang=en year=0\nbook: The Lady of Shalott | Alfred, Lord Tennyson | 0 min | The Lady of Shalott — A Study Guide\nquote: “I am half sick of shadows,” said / The Lady of Shalott. — Part II, lines 71–72\n  explanation: the Lady first doubts the mirror.\n",
		},
		{
			name: "Russian: a worksheet's word with the class (\"Рабочий лист — 5 класс\") names the guide, \"Учитель:\" its author (both were the synopsis); options lettered in Cyrillic (\"а)\", \"б)\") under a question are its sublist, their letters kept (they were run into the question); \"Ответы:\" is the answer key with its answers (an empty heading)",
			in:   "Муму\nИ. С. Тургенев\nРабочий лист — 5 класс\nУчитель: Анна Сергеевна Петрова\n\nГерасим живёт в Москве.\n\nВопросы\n\n1. Кого полюбил Герасим?\n   а) Татьяну\n   б) Барыню\n2. Почему Герасим ушёл в деревню?\n\nОтветы: 1 — а\n",
			want: "lang=ru year=0\nbook: Муму | И. С. Тургенев | 0 min | Муму — Рабочий лист — 5 класс\nsynopsis: Герасим живёт в Москве.\nsection: Вопросы\n  list: from 1: Кого полюбил Герасим? (а) Татьяну; б) Барыню) | Почему Герасим ушёл в деревню?\nsection: Ответы\n  paragraph: 1 — а\n",
		},
		{
			name: "Japanese: a worksheet's word and its class in brackets (\"ワークシート（中学2年）\") under the author names the guide (it was the synopsis's first paragraph)",
			in:   "羅生門\n芥川龍之介\n\nワークシート（中学2年）\n\n下人が羅生門の下で雨やみを待っている。\n\n語句\n\n下人：身分の低い者\n",
			want: "lang=ja year=0\nbook: 羅生門 | 芥川龍之介 | 0 min | 羅生門 — ワークシート（中学2年）\nsynopsis: 下人が羅生門の下で雨やみを待っている。\nsection: 語句\n  definitions: 下人 = 身分の低い者\n",
		},
		{
			name: "letters set tight under a labelled question (\"F2: Was baut Hauke?\" / \"a) einen Deich\") are its options (they were a lettered list of their own)",
			opts: Options{Language: "de"},
			in:   "Der Schimmelreiter\nvon Theodor Storm\n\nHauke wird Deichgraf.\n\nFragen zum Text\n\nF1: Wer erzählt?\n\nF2: Was baut Hauke?\na) einen Deich\nb) eine Mühle\n",
			want: "lang=de year=0\nbook: Der Schimmelreiter | Theodor Storm | 0 min | Der Schimmelreiter — Lektürehilfe\nsynopsis: Hauke wird Deichgraf.\nsection: Fragen zum Text\n  list: from 1: Wer erzählt? | Was baut Hauke? (a. einen Deich; b. eine Mühle)\n",
		},
	}
	checkReadings(t, tests)
}
