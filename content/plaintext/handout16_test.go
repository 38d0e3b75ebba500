package plaintext

import "testing"

// TestWorksheetShapes has one case per misreading of a teacher's
// worksheet that session 16 fixed; each failed before its fix.
func TestWorksheetShapes(t *testing.T) {
	tests := []struct {
		name, in, want string
		opts           Options
	}{
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkOutline(t, tt.in, tt.opts, tt.want)
		})
	}
}
