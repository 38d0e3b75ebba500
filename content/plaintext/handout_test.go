package plaintext

import (
	"strings"
	"testing"
)

// TestHandoutMisreadings has one case per misreading session 13's tester
// found in teachers' handouts and poems and left; each failed before its
// fix.
func TestHandoutMisreadings(t *testing.T) {
	tests := []struct {
		name, in, want string
		author         string // the guide's own author
		opts           Options
		quoteLines     []int // the lines of each highlighted quote, when checked
	}{
		{
			name: "a form's blanks set tight together under its heading (\"Group Meeting Notes\" / \"Date: ____\" / \"Chapters read: ____\", in either order) are its text, the heading a heading: the date was dropped as a worksheet's name-and-date line, the other kept; the pupil's name and date at the top are still dropped",
			in:   "Little Women\nby Louisa May Alcott\n\nName: ________  Date: ______\n\nThe March sisters grow up.\n\nGroup Meeting Notes\nDate: ________\nChapters read: ________\n\nThemes\n\nFamily.\n",
			want: "lang=en year=0\nbook: Little Women | Louisa May Alcott | 0 min | Little Women — A Study Guide\nsynopsis: The March sisters grow up.\nsection: Group Meeting Notes\n  paragraph: Date: ________\n  paragraph: Chapters read: ________\nsection: Themes\n  paragraph: Family.\n",
		},
		{
			name: "a form's blanks, the date second, under a known heading",
			in:   "Little Women\nby Louisa May Alcott\n\nThe March sisters grow up.\n\nActivities\nPages read: ______\nDate: ______\n",
			want: "lang=en year=0\nbook: Little Women | Louisa May Alcott | 0 min | Little Women — A Study Guide\nsynopsis: The March sisters grow up.\nsection: Activities\n  paragraph: Pages read: ______\n  paragraph: Date: ______\n",
		},
		{
			name: "notes on a poem after it, one after the other (\"Form\" then \"Meter\" after \"The Poem\"), are sections side by side, noted once (Meter was Form's subsection)",
			in:   "Sonnet 18\nby William Shakespeare\n\nThe Poem\n\nShall I compare thee to a summer's day?\nThou art more lovely and more temperate:\nRough winds do shake the darling buds of May,\nAnd summer's lease hath all too short a date;\n\nForm\n•  Three quatrains and a couplet\n•  Rhymed ABAB CDCD EFEF GG\n\nMeter\n•  Iambic pentameter\n•  A stress on \"more\" in line 2\n\nQuestions\n1. Who speaks the poem?\n",
			want: "lang=en year=0\nbook: Sonnet 18 | William Shakespeare | 0 min | Sonnet 18 — A Study Guide\nsection: The Poem\n  verse: Shall I compare thee to a summer’s day? / Thou art more lovely and more temperate: / Rough winds do shake the darling buds of May, / And summer’s lease hath all too short a date;\nsection: Form\n  list: bullets: Three quatrains and a couplet | Rhymed ABAB CDCD EFEF GG\nsection: Meter\n  list: bullets: Iambic pentameter | A stress on “more” in line 2\nsection: Questions\n  list: from 1: Who speaks the poem?\n",
		},
		{
			name: "a matching quiz laid out with tabs, numbered items and lettered descriptions (\"1. Buck<TAB>a. the lead dog…\"), is a numbered list and a lettered one, as a pupil matches them (it was a table whose first row was its header)",
			in:   "The Call of the Wild\nby Jack London\n\nMatching\n\n1. Buck\ta. the lead dog who hates Buck\n2. Spitz\tb. the gardener who sells Buck\n3. Manuel\tc. a dog stolen from Judge Miller\n\nThemes\n\nThe wild.\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — A Study Guide\nsection: Matching\n  list: from 1: Buck | Spitz | Manuel\n  list: from a: the lead dog who hates Buck | the gardener who sells Buck | a dog stolen from Judge Miller\nsection: Themes\n  paragraph: The wild.\n",
		},
		{
			name: "a matching quiz without numbers under a heading that asks to match (\"Match the character to the description\"): the two lists too",
			in:   "The Adventures of Tom Sawyer\nby Mark Twain\n\nMatch the character to the description\n\nTom\tThe son of the town drunkard\nHuck\tA boy who hates school\nBecky\tThe new girl with yellow braids\n\nThemes\n\nFreedom.\n",
			want: "lang=en year=0\nbook: The Adventures of Tom Sawyer | Mark Twain | 0 min | The Adventures of Tom Sawyer — A Study Guide\nsection: Match the character to the description\n  list: from 1: Tom | Huck | Becky\n  list: from a: The son of the town drunkard | A boy who hates school | The new girl with yellow braids\nsection: Themes\n  paragraph: Freedom.\n",
		},
		{
			name: "two columns under a heading that only opens like a request to match stay a table: Spanish \"Relaciones\" (relationships) opens like \"Relacione\"",
			in:   "Great Expectations\nby Charles Dickens\n\nRelaciones entre personajes\n\nPip\tAn orphan raised by his sister\nJoe\tThe blacksmith, his friend\nEstella\tThe adopted daughter\n\nThemes\n\nAmbition.\n",
			want: "lang=en year=0\nbook: Great Expectations | Charles Dickens | 0 min | Great Expectations — A Study Guide\nsection: Relaciones entre personajes\n  table: Pip | An orphan raised by his sister / Joe | The blacksmith, his friend / Estella | The adopted daughter\nsection: Themes\n  paragraph: Ambition.\n",
		},
		{
			name: "two columns under a heading that only opens like a request to match stay a table: Italian \"Collegamenti\" (connections) opens like \"Collega\"",
			in:   "Great Expectations\nby Charles Dickens\n\nCollegamenti con altre opere\n\nPip\tAn orphan raised by his sister\nJoe\tThe blacksmith, his friend\nEstella\tThe adopted daughter\n\nThemes\n\nAmbition.\n",
			want: "lang=en year=0\nbook: Great Expectations | Charles Dickens | 0 min | Great Expectations — A Study Guide\nsection: Collegamenti con altre opere\n  table: Pip | An orphan raised by his sister / Joe | The blacksmith, his friend / Estella | The adopted daughter\nsection: Themes\n  paragraph: Ambition.\n",
		},
		{
			name: "two columns under a heading that only opens like a request to match stay a table: Italian \"Abbinamenti\" (pairings) opens like \"Abbina\"",
			in:   "Great Expectations\nby Charles Dickens\n\nAbbinamenti\n\nPip\tAn orphan raised by his sister\nJoe\tThe blacksmith, his friend\nEstella\tThe adopted daughter\n\nThemes\n\nAmbition.\n",
			want: "lang=en year=0\nbook: Great Expectations | Charles Dickens | 0 min | Great Expectations — A Study Guide\nsection: Abbinamenti\n  table: Pip | An orphan raised by his sister / Joe | The blacksmith, his friend / Estella | The adopted daughter\nsection: Themes\n  paragraph: Ambition.\n",
		},
		{
			name: "two columns under a heading that only opens like a request to match stay a table: French \"Une\" is an article, not Spanish \"Une cada…\"",
			in:   "Great Expectations\nby Charles Dickens\n\nUne chronologie\n\nPip\tAn orphan raised by his sister\nJoe\tThe blacksmith, his friend\nEstella\tThe adopted daughter\n\nThemes\n\nAmbition.\n",
			want: "lang=en year=0\nbook: Great Expectations | Charles Dickens | 0 min | Great Expectations — A Study Guide\nsection: Une chronologie\n  table: Pip | An orphan raised by his sister / Joe | The blacksmith, his friend / Estella | The adopted daughter\nsection: Themes\n  paragraph: Ambition.\n",
		},
		{
			name: "columns under another heading stay a table",
			in:   "The Adventures of Tom Sawyer\nby Mark Twain\n\nReading Schedule\n\nWeek\tChapters\nOne\t1–5\nTwo\t6–10\n",
			want: "lang=en year=0\nbook: The Adventures of Tom Sawyer | Mark Twain | 0 min | The Adventures of Tom Sawyer — A Study Guide\nsection: Reading Schedule\n  table: Week | Chapters / One | 1–5 / Two | 6–10\n",
		},
		{
			name:   "French: \"Fiche de vocabulaire — Chapitres 1 à 5\" under the by-line names the guide, \"Préparé par\" after it its author (both were the synopsis); a form's blanks with a space before the colon (\"Date : ____\") are paragraphs (they were verse)",
			opts:   Options{Language: "fr"},
			in:     "Le Tour du monde en quatre-vingts jours\nde Jules Verne\n\nFiche de vocabulaire — Chapitres 1 à 5\nPréparé par Mme Lefèvre\n\nPhileas Fogg parie.\n\nQuestions de lecture\n\n1. Quel est le montant du pari ?\n\nDate : ________\nNombre de mots appris : ________\n",
			want:   "lang=fr year=0\nbook: Le Tour du monde en quatre-vingts jours | Jules Verne | 0 min | Le Tour du monde en quatre-vingts jours — Fiche de vocabulaire — Chapitres 1 à 5\nsynopsis: Phileas Fogg parie.\nsection: Questions de lecture\n  list: from 1: Quel est le montant du pari ?\n  paragraph: Date : ________\n  paragraph: Nombre de mots appris : ________\n",
			author: "Mme Lefèvre",
		},
		{
			name:   "a class line opening with \"For\" (\"For Year 10 English — Ms. Brennan\") names the class and the teacher (it was a section over the outline); an outline's point \"C.\" after \"A.\" and \"B.\" is a letter, not the roman 100 (it was a heading)",
			in:     "Dr Jekyll and Mr Hyde: A Study Outline\nRobert Louis Stevenson (1886)\n\nFor Year 10 English — Ms. Brennan\n\nI. Setting\n   A. London\n      1. Fog\n   B. The narrator\n      1. Utterson\n   C. \"The Last Night\"\n      1. Poole's fear\n\nII. Themes\n   A. Duality\n",
			want:   "lang=en year=1886\nbook: Dr Jekyll and Mr Hyde | Robert Louis Stevenson | 0 min | Dr Jekyll and Mr Hyde: A Study Outline — Year 10 English\nsection: I. Setting\n  list: from A: London (Fog) | The narrator (Utterson) | “The Last Night” (Poole’s fear)\nsection: II. Themes\n  list: from A: Duality\n",
			author: "Ms. Brennan",
		},
		{
			name: "options ticked among empty boxes under a question (\"☐ Godfrey\" / \"☑ Dunstan\") are the quiz's answers, gathered after their questions in an Answer Key (the ticks were lost); a checklist's ticks are not",
			in:   "Silas Marner\nby George Eliot\n\nQuiz\n\n1. Who steals the gold?\n   ☐ Godfrey Cass\n   ☑ Dunstan Cass\n2. Who finds Eppie?\n   ☐ Nancy\n   ☒ Silas\n\nBefore Class\n\n1. Reading:\n   ☑ Chapter 1\n   ☐ Chapter 2\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nsection: Quiz\n  list: from 1: Who steals the gold? (Godfrey Cass; Dunstan Cass) | Who finds Eppie? (Nancy; Silas)\nsection: Before Class\n  list: from 1: Reading: (Chapter 1; Chapter 2)\nsection: Answer Key\n  list: bullets: Who steals the gold? — Dunstan Cass | Who finds Eppie? — Silas\n",
		},
		{
			name: "questions numbered \"Q1\" with no mark after the number are the numbered prompts, the label dropped (\"Q1 Why…\" kept it, in a list of bullets); in the FAQ, questions without it",
			in:   "Treasure Island\nby Robert Louis Stevenson\n\nDiscussion Questions\n\nQ1 Why does Billy Bones fear the sailor?\nQ2 What is in the chest?\nQ 3 Describe Pew.\n\nFrequently Asked Questions\n\nQ1 Who is Silver?\nA ship's cook.\n\nQ2 Where is the treasure?\nOn the island.\n",
			want: "lang=en year=0\nbook: Treasure Island | Robert Louis Stevenson | 0 min | Treasure Island — A Study Guide\nsection: Discussion Questions\n  list: from 1: Why does Billy Bones fear the sailor? | What is in the chest? | Describe Pew.\nfaq: Who is Silver?\n  answer: A ship’s cook.\nfaq: Where is the treasure?\n  answer: On the island.\n",
		},
		{
			name:   "a class line with its teacher under the by-line (\"English 10 – Mrs. Alvarez\") names the class in the guide's title and the teacher as its author (it was an empty section)",
			in:     "The Outsiders\nby S. E. Hinton\n\nEnglish 10 – Mrs. Alvarez\n\nVocabulary\n\nrumble – a gang fight\nheater – a gun\n",
			want:   "lang=en year=0\nbook: The Outsiders | S. E. Hinton | 0 min | The Outsiders — A Study Guide — English 10\nsection: Vocabulary\n  definitions: rumble = a gang fight | heater = a gun\n",
			author: "Mrs. Alvarez",
		},
		{
			name:   "a class line set tight under a bare author's name, the class after the teacher's name or before it with a middle dot, after a subtitle",
			in:     "The Outsiders\nS. E. Hinton\nYear 9 English — Ms. Okafor\n\nPonyboy tells of a fight.\n\nThemes\n\nClass.\n",
			want:   "lang=en year=0\nbook: The Outsiders | S. E. Hinton | 0 min | The Outsiders — A Study Guide — Year 9 English\nsynopsis: Ponyboy tells of a fight.\nsection: Themes\n  paragraph: Class.\n",
			author: "Ms. Okafor",
		},
		{
			name:   "a class line after the guide's subtitle, the teacher first",
			in:     "The Outsiders\nby S. E. Hinton\n\nA Study Guide for Students\nMr. Díaz · Period 3\n\nPonyboy tells of a fight.\n\nThemes\n\nClass.\n",
			want:   "lang=en year=0\nbook: The Outsiders | S. E. Hinton | 0 min | The Outsiders — A Study Guide for Students — Period 3\nsynopsis: Ponyboy tells of a fight.\nsection: Themes\n  paragraph: Class.\n",
			author: "Mr. Díaz",
		},
		{
			name: "a class line without a teacher, numbered",
			in:   "The Outsiders\nby S. E. Hinton\n\nHonors English 10, Period 3\n\nVocabulary\n\nrumble – a gang fight\nheater – a gun\n",
			want: "lang=en year=0\nbook: The Outsiders | S. E. Hinton | 0 min | The Outsiders — A Study Guide — Honors English 10, Period 3\nsection: Vocabulary\n  definitions: rumble = a gang fight | heater = a gun\n",
		},
		{
			name: "an unknown heading after the last of a span's parts (\"Map Work\" after \"Chapters 1–6\" › Vocabulary, Discussion Questions) starts a section (it was the span's subsection); the next span is a section again",
			in:   "Treasure Island\nby Robert Louis Stevenson\n\nChapters 1–6\n\nVocabulary\n\nbuccaneer – a pirate\ncutlass – a short sword\n\nDiscussion Questions\n\n1. Why does Billy Bones fear the sailor?\n\nMap Work\n\nDraw the island and mark the stockade.\n\nChapters 7–12\n\nVocabulary\n\nschooner – a sailing ship\nmutiny – a revolt\n",
			want: "lang=en year=0\nbook: Treasure Island | Robert Louis Stevenson | 0 min | Treasure Island — A Study Guide\nsection: Chapters 1–6\n  section: Vocabulary\n    definitions: buccaneer = a pirate | cutlass = a short sword\n  section: Discussion Questions\n    list: from 1: Why does Billy Bones fear the sailor?\nsection: Map Work\n  paragraph: Draw the island and mark the stockade.\nsection: Chapters 7–12\n  section: Vocabulary\n    definitions: schooner = a sailing ship | mutiny = a revolt\n",
		},
		{
			name: "\"Assessment\" set tight over its bullets, after the questions, is a section (it was a paragraph of the questions); another set tight over the line that leads into its bullets too (the two lines were verse)",
			in:   "Treasure Island\nby Robert Louis Stevenson\n\nDiscussion Questions\n\n1. Why does Jim keep the map?\n\nAssessment\n- Quiz on chapters 1–6 (20 pts)\n- Map project (30 pts)\n\nGroup Notes\n\nWe met twice.\n\nGrading\nThe project is graded with this checklist:\n- A labelled map (10 pts)\n- A key (5 pts)\n",
			want: "lang=en year=0\nbook: Treasure Island | Robert Louis Stevenson | 0 min | Treasure Island — A Study Guide\nsection: Discussion Questions\n  list: from 1: Why does Jim keep the map?\nsection: Assessment\n  list: bullets: Quiz on chapters 1–6 (20 pts) | Map project (30 pts)\nsection: Group Notes\n  paragraph: We met twice.\nsection: Grading\n  paragraph: The project is graded with this checklist:\n  list: bullets: A labelled map (10 pts) | A key (5 pts)\n",
		},
		{
			name: "a literature circle's role with a single answer box under it (\"Connector\" / \"☐ Connect the story…\", \"Word Wizard\" / \"☐ Find…\") is its heading, as a role with two boxes is (it was a paragraph)",
			in:   "Anne of the Island\nby L. M. Montgomery\n\nLiterature Circle Roles\n\nDiscussion Director\n☐ Write four questions.\n☐ Lead the discussion.\n\nConnector\n☐ Connect the story to your own life.\n\nWord Wizard\n☐ Find four new words.\n",
			want: "lang=en year=0\nbook: Anne of the Island | L. M. Montgomery | 0 min | Anne of the Island — A Study Guide\nsection: Literature Circle Roles\n  section: Discussion Director\n    list: bullets: Write four questions. | Lead the discussion.\n  section: Connector\n    list: bullets: Connect the story to your own life.\n  section: Word Wizard\n    list: bullets: Find four new words.\n",
		},
		{
			name: "\"Form\" (\"Structure\", \"Meter\") after a poem is a section of its own (it was a subsection of the poem)",
			in:   "Ozymandias\nby Percy Bysshe Shelley\n\nThe Poem\n\nI met a traveller from an antique land,\nWho said—\"Two vast and trunkless legs of stone\nStand in the desert. . . . Near them, on the sand,\n\nForm\n\nThe poem is a sonnet, fourteen lines of iambic pentameter.\n\nDiscussion Questions\n\n1. Who speaks?\n",
			want: "lang=en year=0\nbook: Ozymandias | Percy Bysshe Shelley | 0 min | Ozymandias — A Study Guide\nsection: The Poem\n  verse: I met a traveller from an antique land, / Who said—“Two vast and trunkless legs of stone / Stand in the desert…. Near them, on the sand,\nsection: Form\n  paragraph: The poem is a sonnet, fourteen lines of iambic pentameter.\nsection: Discussion Questions\n  list: from 1: Who speaks?\n",
		},
		{
			name: "the one word under a span's Vocabulary, before the questions, is a definition (it was a heading with no text under it)",
			in:   "Treasure Island\nby Robert Louis Stevenson\n\nChapters 1–6\n\nVocabulary\n\nbuccaneer – a pirate\n\nDiscussion Questions\n\n1. Why does Billy Bones fear the sailor?\n\nCharacters\n\nJim Hawkins – the narrator\n",
			want: "lang=en year=0\nbook: Treasure Island | Robert Louis Stevenson | 0 min | Treasure Island — A Study Guide\nsection: Chapters 1–6\n  section: Vocabulary\n    definitions: buccaneer = a pirate\n  section: Discussion Questions\n    list: from 1: Why does Billy Bones fear the sailor?\nsection: Characters\n  definitions: Jim Hawkins = the narrator\n",
		},
		{
			name:   "a unit plan: the class line names a room (\"Mr. Lindqvist · Room 12\": it was the synopsis); the weeks \"Week 1: …\", \"Week 2: …\" are sections side by side (the second was a key fact, then a subsection of the first); its days set tight (\"Day 1. Read…\") are a schedule's terms (they were paragraphs, one a definition of \"Day 3. Garden journal\")",
			in:     "The Secret Garden\nby Frances Hodgson Burnett\n\nNovel Unit Plan — Grade 5\nMr. Lindqvist · Room 12\n\nWeek 1: Chapters 1–9\n\nDay 1. Read Chapter 1 aloud.\nDay 3. Garden journal: describe a secret place.\n\nWeek 2: Chapters 10–18\n\nDay 1. Read Chapters 10–13.\n",
			want:   "lang=en year=0\nbook: The Secret Garden | Frances Hodgson Burnett | 0 min | The Secret Garden — Novel Unit Plan — Grade 5 — Room 12\nsection: Week 1: Chapters 1–9\n  definitions: Day 1 = Read Chapter 1 aloud. | Day 3 = Garden journal: describe a secret place.\nsection: Week 2: Chapters 10–18\n  paragraph: Day 1. Read Chapters 10–13.\n",
			author: "Mr. Lindqvist",
		},
		{
			name: "in a play, a speaker's name in capitals set tight over a speech of one long line is its speaker (it was a heading over a paragraph)",
			opts: Options{Language: "it"},
			in:   "La locandiera\ndi Carlo Goldoni\n\nAtto I\n\nScena IX\n\nMirandolina, sola, dichiara che vuole vincere la superbia del Cavaliere.\n\nMIRANDOLINA\nUh, che mai ha detto! L'eccellentissimo signor Cavaliere, nemico delle donne?\n\nScena X\n\nIl Cavaliere entra.\n",
			want: "lang=it year=0\nbook: La locandiera | Carlo Goldoni | 0 min | La locandiera — Guida allo studio\nsection: Atto I\n  section: Scena IX\n    paragraph: Mirandolina, sola, dichiara che vuole vincere la superbia del Cavaliere.\n    verse: [MIRANDOLINA] Uh, che mai ha detto! L’eccellentissimo signor Cavaliere, nemico delle donne?\n  section: Scena X\n    paragraph: Il Cavaliere entra.\n",
		},
		{
			name:       "a quotation of verse on one line, its line breaks marked \" / \", under the quotes heading, is a quote of lines (it was one line with the slashes); a slash before a word in lower case is no break",
			opts:       Options{Language: "fr"},
			quoteLines: []int{2, 0},
			in:         "Le Misanthrope\nde Molière\n\nCitations à commenter\n\n1. « La parfaite raison fuit toute extrémité, / Et veut que l'on soit sage avec sobriété. » (Philinte, acte I, scène 1)\n2. « Il faut parler / ou se taire. »\n",
			want:       "lang=fr year=0\nbook: Le Misanthrope | Molière | 0 min | Le Misanthrope — Guide d’étude\nquote: La parfaite raison fuit toute extrémité, / Et veut que l’on soit sage avec sobriété. — Philinte, acte I, scène 1\nquote: Il faut parler / ou se taire.\n",
		},
		{
			name: "German: a quotation opened with „ and closed with a straight \" (a keyboard without “) is a quote and its source in brackets its attribution (the marks and the source were the quote's text); \"Gliederung für …\" under the by-line names the guide (it was a section)",
			opts: Options{Language: "de"},
			in:   "Die Leiden des jungen Werther\nvon Johann Wolfgang von Goethe\n\nGliederung für die Oberstufe\n\nWichtige Zitate\n\n1. „Ich kehre in mich selbst zurück, und finde eine Welt!\" (Brief vom 22. Mai)\n",
			want: "lang=de year=0\nbook: Die Leiden des jungen Werther | Johann Wolfgang von Goethe | 0 min | Die Leiden des jungen Werther — Gliederung für die Oberstufe\nquote: Ich kehre in mich selbst zurück, und finde eine Welt! — Brief vom 22. Mai\n",
		},
		{
			name:   "a quiz's name set tight over its class line names the handout (both were a section over the quiz); a word bank, \"Word Bank: primordial, club, fang\", is text of its section, not a subsection over the questions",
			in:     "The Call of the Wild\nby Jack London\n\nChapters 1–3 Quiz\nEnglish 8 — Mr. Osei\n\nFill in the Blank\n\nWord Bank: primordial, club, fang\n\n1. Buck learns the law of club and ______.\n2. Buck feels a ______ longing for the wild.\n",
			want:   "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — Chapters 1–3 Quiz — English 8\nsection: Fill in the Blank\n  paragraph: Word Bank: primordial, club, fang\n  list: from 1: Buck learns the law of club and ______. | Buck feels a ______ longing for the wild.\n",
			author: "Mr. Osei",
		},
		{
			name: "a play's acts, in French too (\"Acte I\"), each directly over a handout's Vocabulary and questions, are spans holding them (each act was an empty section, its parts sections beside it)",
			opts: Options{Language: "fr"},
			in:   "Le Misanthrope\nde Molière\n\nActe I\n\nVocabulaire\n\nmisanthrope – qui déteste les hommes\nflatterie – louange fausse\n\nQuestions de lecture\n\n1. Pourquoi Alceste est-il en colère ?\n\nActe II\n\nVocabulaire\n\nmédisance – mal dit des absents\ncoquette – qui cherche à plaire\n",
			want: "lang=fr year=0\nbook: Le Misanthrope | Molière | 0 min | Le Misanthrope — Guide d’étude\nsection: Acte I\n  section: Vocabulaire\n    definitions: misanthrope = qui déteste les hommes | flatterie = louange fausse\n  section: Questions de lecture\n    list: from 1: Pourquoi Alceste est-il en colère ?\nsection: Acte II\n  section: Vocabulaire\n    definitions: médisance = mal dit des absents | coquette = qui cherche à plaire\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := checkOutline(t, tt.in, tt.opts, tt.want)
			if g.Author != tt.author {
				t.Errorf("guide author %q, want %q", g.Author, tt.author)
			}
			for k, n := range tt.quoteLines {
				if k < len(g.Quotes) && len(g.Quotes[k].Lines) != n {
					t.Errorf("quote %d has %d lines, want %d", k+1, len(g.Quotes[k].Lines), n)
				}
			}
		})
	}
}

// TestDroppedTicksNoted: options ticked among empty boxes under a line
// that asks no question ("Choose the man who steals the gold." /
// "☐ Godfrey" / "☑ Dunstan", a checklist's "Reading:") keep their text
// without the boxes, as any bullet, and the ticks' dropping is said once,
// on the first ticked option's line, with the fix (they were dropped
// silently: a teacher's answers under an imperative prompt were lost
// without a word). Under a question they are the answer key's, noted so;
// boxes none of which is ticked lose nothing.
func TestDroppedTicksNoted(t *testing.T) {
	const head = "Silas Marner\nby George Eliot\n\nQuiz\n\n"
	for _, tc := range []struct {
		name, body string
		line       int // of the note on dropped ticks; 0: none
	}{
		{"an imperative prompt", "1. Choose the man who steals the gold.\n   ☐ Godfrey Cass\n   ☑ Dunstan Cass\n2. Silas lives in:\n   ☒ Raveloe\n   ☐ Lantern Yard\n", 8},
		{"a checklist", "1. Reading:\n   ☐ Chapter 1\n   ☐ Chapter 2\n   ☑ Chapter 3\n", 9},
		{"a question: the answer key", "1. Who steals the gold?\n   ☐ Godfrey Cass\n   ☑ Dunstan Cass\n", 0},
		{"no tick", "1. Choose the man who steals the gold.\n   ☐ Godfrey Cass\n   ☐ Dunstan Cass\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Parse(head+tc.body, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			line := 0
			for _, d := range g.Diagnostics {
				if strings.Contains(d.Message, "dropped the ticks") {
					if line != 0 {
						t.Errorf("noted twice: %v", g.Diagnostics)
					}
					line = d.Line
					if !strings.Contains(d.Message, `end the question with "?"`) {
						t.Errorf("the note gives no fix: %s", d.Message)
					}
				}
			}
			if line != tc.line {
				t.Errorf("ticks' dropping noted on line %d, want %d (%v)", line, tc.line, g.Diagnostics)
			}
		})
	}
}
