package plaintext

import (
	"fmt"
	"testing"
)

// TestParseGuideShapes has one case per rule of issue 12 (the guides people
// paste: study sites, handouts, plays, outlines, wrapped text, other
// languages); each failed before the rule was written.
func TestParseGuideShapes(t *testing.T) {
	tests := []reading{
		{
			name: "a \"Study Guide: X by Y\" title line names the guide; the book and author come from it",
			opts: Options{},
			in: `Study Guide: Jane Eyre by Charlotte Brontë

Plot Summary

An orphan.
`,
			want: `lang=en year=0
book: Jane Eyre | Charlotte Brontë | 0 min | Study Guide: Jane Eyre by Charlotte Brontë
section: Plot Summary
  paragraph: An orphan.
`,
		},
		{
			name: "\"X: A Study Guide\" with a bare name and year under it",
			opts: Options{},
			in: `The Scarlet Letter: A Study Guide
Nathaniel Hawthorne (1850)

Plot Summary

A letter.
`,
			want: `lang=en year=1850
book: The Scarlet Letter | Nathaniel Hawthorne | 0 min | The Scarlet Letter: A Study Guide
section: Plot Summary
  paragraph: A letter.
`,
		},
		{
			name: "a German by-line \"von NAME, YEAR\", the language detected, the guide title in German",
			opts: Options{},
			in: `Effi Briest
von Theodor Fontane, 1896

Inhaltsangabe

Die siebzehnjährige Effi heiratet den viel älteren Baron, und sie ist in dem Haus nicht glücklich. Sie hat eine Affäre mit dem Major, die erst Jahre später entdeckt wird, und die Gesellschaft verzeiht ihr nicht.
`,
			want: `lang=de year=1896
book: Effi Briest | Theodor Fontane | 0 min | Effi Briest — Lektürehilfe
section: Inhaltsangabe
  paragraph: Die siebzehnjährige Effi heiratet den viel älteren Baron, und sie ist in dem Haus nicht glücklich. Sie hat eine Affäre mit dem Major, die erst Jahre später entdeckt wird, und die Gesellschaft verzeiht ihr nicht.
`,
		},
		{
			name: "key-fact lines of 40 characters or more without a full stop are items, not wrapped prose",
			opts: Options{},
			in: `Jane Eyre
by Charlotte Brontë

Key Facts

Full title: Jane Eyre, An Autobiography by Currer Bell
Narrator: Jane, looking back after ten years of marriage
Setting: Gateshead, Lowood, Thornfield and Moor House
`,
			want: `lang=en year=0
book: Jane Eyre | Charlotte Brontë | 0 min | Jane Eyre — A Study Guide
section: Key Facts
  definitions: Full title = Jane Eyre, An Autobiography by Currer Bell | Narrator = Jane, looking back after ten years of marriage | Setting = Gateshead, Lowood, Thornfield and Moor House
`,
		},
		{
			name: "a paragraph wrapped by hand is joined; the label lines after it are not",
			opts: Options{},
			in: `Silas Marner
by George Eliot

Plot Summary

Silas Marner, falsely accused of theft by his friend William Dane, loses
his faith and his fiancee and leaves Lantern Yard for Raveloe, where he
weaves and hoards gold for fifteen years.
Published: 1861
Setting: Raveloe, a village in the English Midlands, in the years after
`,
			want: `lang=en year=0
book: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide
section: Plot Summary
  paragraph: Silas Marner, falsely accused of theft by his friend William Dane, loses his faith and his fiancee and leaves Lantern Yard for Raveloe, where he weaves and hoards gold for fifteen years.
  definitions: Published = 1861 | Setting = Raveloe, a village in the English Midlands, in the years after
`,
		},
		{
			name: "bullets and numbers are lists; a list may start at 3; lettered items are a sublist",
			opts: Options{},
			in: `X
by Y

Before You Read

- Find Missouri on a map.
* Read chapter one.

Discussion Questions

3. Why does Tom trick the boys?
   (a) What does he gain?
   (b) What do they lose?
4. Is Tom brave?
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
section: Before You Read
  list: bullets: Find Missouri on a map. | Read chapter one.
section: Discussion Questions
  list: from 3: Why does Tom trick the boys? (a. What does he gain?; b. What do they lose?) | Is Tom brave?
`,
		},
		{
			name: "vocabulary \"term — definition\" lines are definitions",
			opts: Options{},
			in: `X
by Y

Vocabulary

truant — a pupil who stays away from school
melancholy – a deep, lasting sadness
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
section: Vocabulary
  definitions: truant = a pupil who stays away from school | melancholy = a deep, lasting sadness
`,
		},
		{
			name: "tab-aligned columns with a header row are a table",
			opts: Options{},
			in: `X
by Y

Timeline

Year	Event
1794	The creature wakes
1797	The glacier
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
section: Timeline
  table: Year | Event / 1794 | The creature wakes / 1797 | The glacier
`,
		},
		{
			name: "SPEAKER: line is verse with a speaker; tight lines of a poem are verse",
			opts: Options{},
			in: `X
by Y

Summary

The witches meet on the heath, and the first of them asks when.

FIRST WITCH: When shall we three meet again
In thunder, lightning, or in rain?

Once upon a midnight dreary, while I pondered, weak and weary,
Over many a quaint and curious volume of forgotten lore,
While I nodded, nearly napping, suddenly there came a tapping.
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
section: Summary
  paragraph: The witches meet on the heath, and the first of them asks when.
  verse: [FIRST WITCH] When shall we three meet again / In thunder, lightning, or in rain?
  verse: Once upon a midnight dreary, while I pondered, weak and weary, / Over many a quaint and curious volume of forgotten lore, / While I nodded, nearly napping, suddenly there came a tapping.
`,
		},
		{
			name: "numbered study questions are an ordered list in a discussion section, never FAQ entries",
			opts: Options{},
			in: `X
by Y

Study Questions

1. Why does Pip leave the forge?

2. Who is his benefactor?

Frequently Asked Questions

Is Pip a snob?
For a while.
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
section: Study Questions
  list: from 1: Why does Pip leave the forge? | Who is his benefactor?
faq: Is Pip a snob?
  answer: For a while.
`,
		},
		{
			name: "quotes with a trailing or following attribution and an Explanation:/Analysis: label",
			opts: Options{},
			in: `X
by Y

Key Passages

"Reader, I married him." — Chapter 38
Explanation: Jane is the subject.

"I am no bird."
(Chapter 23)

Analysis: A claim to freedom.

Plot Summary

Text.
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
quote: Reader, I married him. — Chapter 38
  explanation: Jane is the subject.
quote: I am no bird. — Chapter 23
  explanation: A claim to freedom.
section: Plot Summary
  paragraph: Text.
`,
		},
		{
			name: "consecutive unnumbered lines each in quotation marks are separate quotes",
			opts: Options{},
			in: `X
by Y

Memorable Quotes
"Christmas won't be Christmas without any presents, grumbled Jo lying on the rug"
"I want to do something splendid before I go into my castle and stay there"
"Women have minds and souls as well as just hearts"
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
quote: Christmas won’t be Christmas without any presents, grumbled Jo lying on the rug
quote: I want to do something splendid before I go into my castle and stay there
quote: Women have minds and souls as well as just hearts
`,
		},
		{
			name: "outline headings I., II., A., B. are siblings at their level, whatever the layout",
			opts: Options{},
			in: `X
by Y

I. The Frame

Five men wait.

II. The Journey

A. Brussels

The office.

B. The Station

The manager.

III. The Intended

A lie.
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
section: I. The Frame
  paragraph: Five men wait.
section: II. The Journey
  section: A. Brussels
    paragraph: The office.
  section: B. The Station
    paragraph: The manager.
section: III. The Intended
  paragraph: A lie.
`,
		},
		{
			name: "a play: Dramatis Personae as definitions, Act and Scene as levels, a speech never a heading",
			opts: Options{},
			in: `Macbeth
by William Shakespeare

Dramatis Personae

DUNCAN, King of Scotland
MACBETH, a general

Summary and Analysis

Act I

Scene 1

The witches meet.

Scene 2

A battle.

MACBETH: So foul and fair a day I have not seen.

Act II

Scene 1

The dagger.
`,
			want: `lang=en year=0
book: Macbeth | William Shakespeare | 0 min | Macbeth — A Study Guide
section: Dramatis Personae
  definitions: DUNCAN = King of Scotland | MACBETH = a general
section: Summary and Analysis
  section: Act I
    section: Scene 1
      paragraph: The witches meet.
    section: Scene 2
      paragraph: A battle.
      verse: [MACBETH] So foul and fair a day I have not seen.
  section: Act II
    section: Scene 1
      paragraph: The dagger.
`,
		},
		{
			name: "web furniture is dropped",
			opts: Options{},
			in: `X
by Y

Home › Literature › X › Summary
Advertisement

Plot Summary

Text one.

Advertisement
Continue reading below

Text two.

Advertisement
Page 2 of 3
Share on Facebook
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
section: Plot Summary
  paragraph: Text one.
  paragraph: Text two.
`,
		},
		{
			name: "Spanish: a \"de\" by-line, reading time, quotes and FAQ headings, ¿…? questions",
			opts: Options{},
			in: `Don Quijote
de Miguel de Cervantes
8 min de lectura

Un hidalgo de La Mancha enloquece de tanto leer libros de caballerías y sale por los caminos con su escudero, Sancho Panza, que es un labrador de la aldea.

Citas destacadas

«En un lugar de la Mancha, de cuyo nombre no quiero acordarme.» — Capítulo 1

Preguntas frecuentes

¿Por qué ataca los molinos?
Porque los ve como gigantes y cree que son enemigos de la fe y del rey.
`,
			want: `lang=es year=0
book: Don Quijote | Miguel de Cervantes | 8 min | Don Quijote — Guía de estudio
synopsis: Un hidalgo de La Mancha enloquece de tanto leer libros de caballerías y sale por los caminos con su escudero, Sancho Panza, que es un labrador de la aldea.
quote: En un lugar de la Mancha, de cuyo nombre no quiero acordarme. — Capítulo 1
faq: ¿Por qué ataca los molinos?
  answer: Porque los ve como gigantes y cree que son enemigos de la fe y del rey.
`,
		},
		{
			name: "a \"15-minute read\" reading time",
			opts: Options{},
			in: `X
by Y
15-minute read

Plot Summary

Text.
`,
			want: `lang=en year=0
book: X | Y | 15 min | X — A Study Guide
section: Plot Summary
  paragraph: Text.
`,
		},
		{
			name: "a .txt that looks like Markdown is read as plain text, with a warning",
			opts: Options{},
			in: `# X
by Y

## Plot Summary

**Bold** text.

## Themes

See [here](https://example.org).
`,
			want: `lang=en year=0
book: # X | Y | 0 min | # X — A Study Guide
section: ## Plot Summary
  paragraph: **Bold** text.
  section: ## Themes
    paragraph: See [here](https://example.org).
warning 1: this text looks like Markdown (5 lines with #, ** or link marks); it was read as plain text, so the marks stay as typed; name the file .md to read it as Markdown, or check it with inspect --markdown
`,
		},
		{
			name: "a character list of \"Name - description\" lines",
			opts: Options{},
			in: `X
by Y

Character List

Jo March - the writer
Beth March - the musician

Themes

Family.
`,
			want: `lang=en year=0
book: X | Y | 0 min | X — A Study Guide
section: Character List
  definitions: Jo March = the writer | Beth March = the musician
section: Themes
  paragraph: Family.
`,
		},
		{
			name: "a language given is kept: no detection, English labels",
			opts: Options{Language: "en"},
			in: `Don Quijote
de Miguel de Cervantes

Resumen

Un hidalgo de La Mancha enloquece de tanto leer libros de caballerías y sale por los caminos con su escudero, que es un labrador de la aldea y no sabe leer.
`,
			want: `lang=en year=0
book: Don Quijote | Miguel de Cervantes | 0 min | Don Quijote — A Study Guide
section: Resumen
  paragraph: Un hidalgo de La Mancha enloquece de tanto leer libros de caballerías y sale por los caminos con su escudero, que es un labrador de la aldea y no sabe leer.
`,
		},
		{
			name: "key facts with labels in capitals are definitions, not speeches, outside a play",
			in:   "Jane Eyre\nby Charlotte Brontë\n\nKey Facts\n\nAUTHOR: Charlotte Brontë\nGENRE: Bildungsroman\n",
			want: "lang=en year=0\nbook: Jane Eyre | Charlotte Brontë | 0 min | Jane Eyre — A Study Guide\nsection: Key Facts\n  definitions: AUTHOR = Charlotte Brontë | GENRE = Bildungsroman\n",
		},
		{
			name: "numbered titles standing over paragraphs are subsections, not a list",
			in:   "Jane Eyre\nby Charlotte Brontë\n\nChapter Summaries\n\n1. Gateshead\n\nJane lives with her cruel aunt, Mrs. Reed, and is locked in the red-room after fighting her cousin.\n\n2. Lowood\n\nAt Lowood School Jane meets Helen Burns, whose patience she admires but cannot share with anyone.\n",
			want: "lang=en year=0\nbook: Jane Eyre | Charlotte Brontë | 0 min | Jane Eyre — A Study Guide\nsection: Chapter Summaries\n  section: 1. Gateshead\n    paragraph: Jane lives with her cruel aunt, Mrs. Reed, and is locked in the red-room after fighting her cousin.\n  section: 2. Lowood\n    paragraph: At Lowood School Jane meets Helen Burns, whose patience she admires but cannot share with anyone.\n",
		},
		{
			name: "a Spanish FAQ with P:/R: labels, on separate lines and on one line",
			in:   "La Regenta\nde Leopoldo Alas\n\nPreguntas frecuentes\n\nP: ¿Quién es Ana Ozores?\nR: La esposa del regente, atrapada entre el deseo y la religión en una ciudad de provincias.\n\nP: ¿Dónde ocurre la novela? R: En Vetusta, que es el nombre que da el autor a la ciudad de Oviedo.\n",
			want: "lang=es year=0\nbook: La Regenta | Leopoldo Alas | 0 min | La Regenta — Guía de estudio\nfaq: ¿Quién es Ana Ozores?\n  answer: La esposa del regente, atrapada entre el deseo y la religión en una ciudad de provincias.\nfaq: ¿Dónde ocurre la novela?\n  answer: En Vetusta, que es el nombre que da el autor a la ciudad de Oviedo.\n",
		},
		{
			name: "a guide named by its title's tail; chapter headings after the character list are sections, not its subsections",
			in:   "Emma Summary & Analysis\nby Jane Austen\n\nCharacters\n\nEmma Woodhouse – a clever, rich matchmaker\nGeorge Knightley – her neighbour and critic\n\nChapter 1 Summary\n\nMiss Taylor marries Mr. Weston, and Emma, left alone with her father, takes credit for the match.\n\nChapter 1 Analysis\n\nEmma's pride in matchmaking is the flaw the whole novel will correct, gently and at length.\n",
			want: "lang=en year=0\nbook: Emma | Jane Austen | 0 min | Emma Summary & Analysis\nsection: Characters\n  definitions: Emma Woodhouse = a clever, rich matchmaker | George Knightley = her neighbour and critic\nsection: Chapter 1 Summary\n  paragraph: Miss Taylor marries Mr. Weston, and Emma, left alone with her father, takes credit for the match.\nsection: Chapter 1 Analysis\n  paragraph: Emma’s pride in matchmaking is the flaw the whole novel will correct, gently and at length.\n",
		},
		{
			name: "an Analysis label alone on its line under a quote starts the quote's explanation, not a section",
			in:   "X\nby Y\n\nKey Quotes\n\n1. \"The sea is everything.\"\n\nAnalysis\n\nNemo rejects the land.\n\n2. \"I am not what you call a civilized man!\"\n\nAnalysis\n\nHis anger drives the plot.\n\nPlot Summary\n\nA submarine.\n",
			want: "lang=en year=0\nbook: X | Y | 0 min | X — A Study Guide\nquote: The sea is everything.\n  explanation: Nemo rejects the land.\nquote: I am not what you call a civilized man!\n  explanation: His anger drives the plot.\nsection: Plot Summary\n  paragraph: A submarine.\n",
		},
	}
	checkReadings(t, tests)
}

// Web furniture is reported once per kind, with a count, at its first line.
func TestFurnitureReportedOnce(t *testing.T) {
	in := "X\nby Y\n\nAdvertisement\n\nPlot Summary\n\nText one.\n\nAdvertisement\nContinue reading below\n\nText two.\n\nAdvertisement\n"
	g, err := Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range g.Diagnostics {
		got = append(got, fmt.Sprintf("%d %s", d.Line, d.Message))
	}
	want := []string{
		"4 dropped 3 lines of advertisement labels, the first on this line (page residue, not part of the guide)",
		"11 dropped the \"continue reading\" line on this line (page residue, not part of the guide)",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("diagnostics\n got %q\nwant %q", got, want)
	}
}
