package plaintext

import "testing"

// TestReadings17 has one case per misreading session 17 fixed in the
// plain-text reader; each failed before its fix.
func TestReadings17(t *testing.T) {
	tests := []reading{
		{
			name: "German questions numbered \"F1)\" and labelled in bold as pasted (\"**F3:**\") are the section's prompts, as \"Q1)\" and \"F2:\" are (they were paragraphs, label and all)",
			opts: Options{Language: "de"},
			in:   "Der Schimmelreiter\nvon Theodor Storm\n\nFragen zum Text\n\nF1) Wer erzählt die Geschichte?\nEin Schulmeister erzählt sie einem Reisenden.\n\nF2) Was baut Hauke?\nEinen neuen Deich.\n\n**F3:** Warum fürchten die Leute den Schimmel?\nSie halten ihn für ein Gespenst.\n",
			want: "lang=de year=0\nbook: Der Schimmelreiter | Theodor Storm | 0 min | Der Schimmelreiter — Lektürehilfe\nsection: Fragen zum Text\n  list: from 1: Wer erzählt die Geschichte?\n  paragraph: Ein Schulmeister erzählt sie einem Reisenden.\n  list: from 2: Was baut Hauke?\n  paragraph: Einen neuen Deich.\n  list: from 3: Warum fürchten die Leute den Schimmel?\n  paragraph: Sie halten ihn für ein Gespenst.\n",
		},
		{
			name: "English \"**Q3:**\" between \"Q2)\" and \"F4:\" is the third prompt (the next was numbered 3)",
			in:   "The Rider on the White Horse\nby Theodor Storm\n\nQuestions\n\nQ1) Who tells the story?\nA schoolmaster.\n\nQ2) What does Hauke build?\nA new dike.\n\n**Q3:** Why do people fear the horse?\nThey think it is a ghost.\n\n**Q4**: Who is Elke?\nHauke's wife.\n",
			want: "lang=en year=0\nbook: The Rider on the White Horse | Theodor Storm | 0 min | The Rider on the White Horse — A Study Guide\nsection: Questions\n  list: from 1: Who tells the story?\n  paragraph: A schoolmaster.\n  list: from 2: What does Hauke build?\n  paragraph: A new dike.\n  list: from 3: Why do people fear the horse?\n  paragraph: They think it is a ghost.\n  list: from 4: Who is Elke?\n  paragraph: Hauke’s wife.\n",
		},
		{
			name: "an FAQ's questions and answers labelled in bold (\"**Q:**\", \"**A:**\") are its entries, without the labels, and the marks taken with them are no sign of Markdown (a warning said they stayed as typed)",
			in:   "Dracula\nby Bram Stoker\n\nFrequently Asked Questions\n\n**Q:** Who is Renfield?\n**A:** A patient of Dr. Seward's asylum.\n\n**Q:** Where does the novel end?\n**A:** In Transylvania.\n",
			want: "lang=en year=0\nbook: Dracula | Bram Stoker | 0 min | Dracula — A Study Guide\nfaq: Who is Renfield?\n  answer: A patient of Dr. Seward’s asylum.\nfaq: Where does the novel end?\n  answer: In Transylvania.\n",
		},
		{
			name: "German quotes: „…“ with its speech tag after the comma keeps the comma against the mark (a space was put before it); »…« with its source is split (the closing « was not seen: one quote, marks, dash and name); a straight mark closing „ or ‚ closes it with “ or ‘ (it was ” and ’)",
			opts: Options{Language: "de"},
			in:   "Der Schimmelreiter\nvon Theodor Storm\n\nWichtige Zitate\n\n1. „Ein Deich ist kein Spielzeug“, sagt Hauke. – Kapitel 5\n\n2. »Das ist der Schimmelreiter!« – Elke\n\nInhalt\n\nDie Leute sagen „Deichgraf\" zu ihm, und Elke meint es ‚nur so'.\n",
			want: "lang=de year=0\nbook: Der Schimmelreiter | Theodor Storm | 0 min | Der Schimmelreiter — Lektürehilfe\nquote: „Ein Deich ist kein Spielzeug“, sagt Hauke. — Kapitel 5\nquote: Das ist der Schimmelreiter! — Elke\nsection: Inhalt\n  paragraph: Die Leute sagen „Deichgraf“ zu ihm, und Elke meint es ‚nur so‘.\n",
		},
		{
			name: "Polish: the straight mark closing „ is ” there",
			opts: Options{Language: "pl"},
			in:   "Lalka\nBolesław Prus\n\nStreszczenie\n\nWokulski mówi „Tak\" i odchodzi.\n",
			want: "lang=pl year=0\nbook: Lalka | Bolesław Prus | 0 min | Lalka — Opracowanie lektury\nsection: Streszczenie\n  paragraph: Wokulski mówi „Tak” i odchodzi.\n",
		},
		{
			name: "Japanese quotes 「…」 with their source in full-width brackets or after a dash are split (each was one quote, marks and source and all)",
			opts: Options{Language: "ja"},
			in:   "羅生門\n芥川龍之介\n\n名言\n\n1. 「下人の行方は、誰も知らない。」（第五段落）\n\n2. 「きっと、そうか。」—下人\n",
			want: "lang=ja year=0\nbook: 羅生門 | 芥川龍之介 | 0 min | 羅生門 — A Study Guide\nquote: 下人の行方は、誰も知らない。 — 第五段落\nquote: きっと、そうか。 — 下人\n",
		},
		{
			name: "a quiz's boxes at the margin under their question (a Word paste loses the indent) are its options, the ticked one its answer (the boxes were bullets, the tick lost without a word); the answers go after the guide's own key's parts, in a part named after the quiz's section (they were set before the parts), and the note says where",
			in:   "Silas Marner\nby George Eliot\n\nQuiz\n\n1. Who steals the gold?\n☐ Godfrey Cass\n☑ Dunstan Cass\n\n2. Where is the gold found?\n☑ In the drained Stone-pit\n☐ Under the floor\n\nAnswer Key\n\nChapters 1–5\n\n1. William Dane frames Silas.\n\nChapters 6–10\n\n2. The villagers gather at the Rainbow.\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nsection: Quiz\n  list: from 1: Who steals the gold? (Godfrey Cass; Dunstan Cass) | Where is the gold found? (In the drained Stone-pit; Under the floor)\nsection: Answer Key\n  section: Chapters 1–5\n    list: from 1: William Dane frames Silas.\n  section: Chapters 6–10\n    list: from 2: The villagers gather at the Rainbow.\n  section: Quiz\n    list: bullets: Who steals the gold? — Dunstan Cass | Where is the gold found? — In the drained Stone-pit\n",
			note: `they are gathered at the end of the guide's own section "Answer Key", after its parts, in a last part, "Quiz", each after its question`,
		},
		{
			name: "a worksheet pasted from Word: the class before the guide's name is the guide's title (it was a section, the synopsis under it); lettered parts (\"Part A – Vocabulary\") are sections by their names (the later ones were subsections of the first); a numbered word list in tab columns is the words and their meanings (the number was the term's)",
			in:   "The Wind in the Willows\nKenneth Grahame\n\nYear 7 English – Unit 3 Handout\n\nMole leaves his spring-cleaning.\n\nPart A – Vocabulary\n\n1.\twhitewash\tto paint with lime and water\n2.\tbolster\ta long, firm pillow\n3.\timperious\texpecting to be obeyed\n\nPart B – Reading Questions\n\n1.\tWhy does Mole leave his house?\n\nPart C – Key Quotations\n\n1.\t“Poop-poop!” (Chapter 2)\n\nHomework\n\nRead Chapters 5–7.\n",
			want: "lang=en year=0\nbook: The Wind in the Willows | Kenneth Grahame | 0 min | The Wind in the Willows — Year 7 English – Unit 3 Handout\nsynopsis: Mole leaves his spring-cleaning.\nquote: Poop-poop! — Chapter 2\nsection: Part A – Vocabulary\n  definitions: whitewash = to paint with lime and water | bolster = a long, firm pillow | imperious = expecting to be obeyed\nsection: Part B – Reading Questions\n  list: from 1: Why does Mole leave his house?\nsection: Homework\n  paragraph: Read Chapters 5–7.\n",
		},
		{
			name: "a play's heading naming an act and a scene (\"ACT II. SCENE I.\") after another act's scenes opens that act (it was the last act's next scene); one naming the open act is its scene",
			in:   "She Stoops to Conquer\nby Oliver Goldsmith\n\nAct I\n\nScene 1\n\nThe Hardcastles argue.\n\nAct I, Scene 2\n\nTony sends them astray.\n\nACT II. SCENE I.\n\nMarlow arrives.\n\nScene 2\n\nKate dresses plainly.\n",
			want: "lang=en year=0\nbook: She Stoops to Conquer | Oliver Goldsmith | 0 min | She Stoops to Conquer — A Study Guide\nsection: Act I\n  section: Scene 1\n    paragraph: The Hardcastles argue.\n  section: Act I, Scene 2\n    paragraph: Tony sends them astray.\nsection: ACT II. SCENE I.\n  paragraph: Marlow arrives.\n  section: Scene 2\n    paragraph: Kate dresses plainly.\n",
		},
	}
	checkReadings(t, tests)
}
