package plaintext

import (
	"strings"
	"testing"
)

// TestReadings18 has one case per misreading session 18 fixed in the
// plain-text reader; each failed before its fix (the outline ends with the
// guide's warnings).
func TestReadings18(t *testing.T) {
	tests := []reading{
		{
			name: "an FAQ's only question, unanswered, is kept as text under the FAQ's name with one warning, the question's (a first one said it was text \"before its first question\")",
			in:   "Silas Marner\nby George Eliot\n\nSummary\n\nSilas is a weaver in Raveloe.\n\nFrequently Asked Questions\n\nWhy does Silas leave Lantern Yard?\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nsection: Summary\n  paragraph: Silas is a weaver in Raveloe.\nsection: Frequently Asked Questions\n  paragraph: Why does Silas leave Lantern Yard?\nwarning 10: the question \"Why does Silas leave Lantern Yard?\" has no answer; kept it as text in a section \"Frequently Asked Questions\"\n",
		},
		{
			name: "an FAQ's first question, unanswered, before answered ones: one warning",
			in:   "Silas Marner\nby George Eliot\n\nFAQ\n\nQ: Why does Silas leave Lantern Yard?\n\nQ: Who is Eppie?\nA: The child Silas raises.\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nsection: FAQ\n  paragraph: Why does Silas leave Lantern Yard?\nfaq: Who is Eppie?\n  answer: The child Silas raises.\nwarning 6: the question \"Why does Silas leave Lantern Yard?\" has no answer; kept it as text in a section \"FAQ\"\n",
		},
		{
			name: "text before the FAQ's first question keeps its warning",
			in:   "Silas Marner\nby George Eliot\n\nFAQ\n\nReaders ask these most.\n\nWho is Eppie?\n\nThe child Silas raises.\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nsection: FAQ\n  paragraph: Readers ask these most.\nfaq: Who is Eppie?\n  answer: The child Silas raises.\nwarning 6: text under \"FAQ\" before its first question (a line ending in \"?\") was kept as a section of that name\n",
		},
		{
			name: "an empty numbered quote (\"2.\" alone) is left out with a warning naming its line (it was kept as a quote \"2.\" with a warning that it was neither numbered nor quoted)",
			in:   "Silas Marner\nby George Eliot\n\nKey Quotes\n\n1. \"The gold had asked that he should sit weaving longer and longer.\" (Chapter 2)\n\n2.\n\n3. \"In old days there were angels who came and took men away from the city of destruction.\" (Chapter 14)\n\n4)\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nquote: The gold had asked that he should sit weaving longer and longer. — Chapter 2\nquote: In old days there were angels who came and took men away from the city of destruction. — Chapter 14\nwarning 8: an empty item (2.) of the quotes list was left out; give it its quotation or delete it\nwarning 12: an empty item (4)) of the quotes list was left out; give it its quotation or delete it\n",
		},
		{
			name: "a quote's number on a line of its own numbers the quote under it, without a warning",
			in:   "Silas Marner\nby George Eliot\n\nKey Quotes\n\n1.\n\n\"The gold had asked that he should sit weaving longer and longer.\" (Chapter 2)\n\n2.\n\"In old days there were angels.\" (Chapter 14)\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nquote: The gold had asked that he should sit weaving longer and longer. — Chapter 2\nquote: In old days there were angels. — Chapter 14\n",
		},
		{
			name: "a printing instruction in brackets after the handout's name under the by-line is no part of the guide's name, as in Markdown (it named the guide \"… — Handout (print double-sided)\")",
			in:   "The Call of the Wild\nby Jack London\nHandout (print double-sided)\n\nChapter 1\n\nBuck lives at Judge Miller's place.\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — Handout\nsection: Chapter 1\n  paragraph: Buck lives at Judge Miller’s place.\n",
			note: `left "(print double-sided)" out of the guide's name "Handout"`,
		},
		{
			name: "the guide's name under the title, before the by-line, with an instruction in square brackets",
			in:   "The Call of the Wild\nStudy Guide [please print single-sided]\nby Jack London\n\nChapter 1\n\nBuck lives at Judge Miller's place.\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — Study Guide\nsection: Chapter 1\n  paragraph: Buck lives at Judge Miller’s place.\n",
			note: `left "[please print single-sided]" out`,
		},
		{
			name: "the book's title and the guide's name on one line under the by-line, with an instruction",
			in:   "The Call of the Wild\nby Jack London\nThe Call of the Wild – Worksheet (photocopy back to back)\n\nChapter 1\n\nBuck lives at Judge Miller's place.\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild – Worksheet\nsection: Chapter 1\n  paragraph: Buck lives at Judge Miller’s place.\n",
			note: `left "(photocopy back to back)" out`,
		},
		{
			name: "a bracket that describes the handout stays in its name",
			in:   "The Call of the Wild\nby Jack London\nHandout (large print)\n\nChapter 1\n\nBuck lives at Judge Miller's place.\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — Handout (large print)\nsection: Chapter 1\n  paragraph: Buck lives at Judge Miller’s place.\n",
		},
		{
			name: "two words and their meanings in tab columns under a vocabulary heading are its definitions, as three are (they were verse lines)",
			in:   "The Wind in the Willows\nby Kenneth Grahame\n\nVocabulary\n\nwhitewash\tto paint with lime and water\nbolster\ta long, firm pillow\n\nSummary\n\nMole leaves his spring-cleaning.\n",
			want: "lang=en year=0\nbook: The Wind in the Willows | Kenneth Grahame | 0 min | The Wind in the Willows — A Study Guide\nsection: Vocabulary\n  definitions: whitewash = to paint with lime and water | bolster = a long, firm pillow\nsection: Summary\n  paragraph: Mole leaves his spring-cleaning.\n",
		},
		{
			name: "numbered, pasted from Word (they were a numbered list, the word run into its meaning)",
			in:   "The Wind in the Willows\nby Kenneth Grahame\n\nCharacters\n\n1.\tMole\ta shy creature who leaves his burrow\n2.\tRat\ta Water Rat who loves boats\n",
			want: "lang=en year=0\nbook: The Wind in the Willows | Kenneth Grahame | 0 min | The Wind in the Willows — A Study Guide\nsection: Characters\n  definitions: Mole = a shy creature who leaves his burrow | Rat = a Water Rat who loves boats\n",
		},
		{
			name: "two tab rows elsewhere, or under a header row, read as before",
			in:   "The Wind in the Willows\nby Kenneth Grahame\n\nSummary\n\nwhitewash\tto paint with lime and water\nbolster\ta long, firm pillow\n\nVocabulary\n\nWord\tMeaning\nbolster\ta long, firm pillow\n",
			want: "lang=en year=0\nbook: The Wind in the Willows | Kenneth Grahame | 0 min | The Wind in the Willows — A Study Guide\nsection: Summary\n  verse: whitewash to paint with lime and water / bolster a long, firm pillow\nsection: Vocabulary\n  verse: Word Meaning / bolster a long, firm pillow\n",
		},
		{
			name: "a heading that names acts (\"Summary of Acts III–V\") after the last act's scenes is a section beside the acts (it was the last act's next scene)",
			in:   "She Stoops to Conquer\nby Oliver Goldsmith\n\nAct I\n\nScene 1\n\nThe Hardcastles argue.\n\nScene 2\n\nTony sends them astray.\n\nAct II\n\nScene 1\n\nMarlow arrives.\n\nSummary of Acts III–V\n\nKate wins Marlow.\n\nThemes\n\nClass and manners.\n",
			want: "lang=en year=0\nbook: She Stoops to Conquer | Oliver Goldsmith | 0 min | She Stoops to Conquer — A Study Guide\nsection: Act I\n  section: Scene 1\n    paragraph: The Hardcastles argue.\n  section: Scene 2\n    paragraph: Tony sends them astray.\nsection: Act II\n  section: Scene 1\n    paragraph: Marlow arrives.\nsection: Summary of Acts III–V\n  paragraph: Kate wins Marlow.\nsection: Themes\n  paragraph: Class and manners.\n",
			note: `read "Summary of Acts III–V", which names acts, beside the act headings, not as a part of "Act II"`,
		},
		{
			name: "acts that are parts of a plot summary: the heading is its part beside them",
			in:   "She Stoops to Conquer\nby Oliver Goldsmith\n\nPlot Summary\n\nAct I\n\nScene 1\n\nThe Hardcastles argue.\n\nAct II\n\nScene 1\n\nMarlow arrives.\n\nActs 3 to 5 in Brief\n\nKate wins Marlow.\n",
			want: "lang=en year=0\nbook: She Stoops to Conquer | Oliver Goldsmith | 0 min | She Stoops to Conquer — A Study Guide\nsection: Plot Summary\n  section: Act I\n    section: Scene 1\n      paragraph: The Hardcastles argue.\n  section: Act II\n    section: Scene 1\n      paragraph: Marlow arrives.\n  section: Acts 3 to 5 in Brief\n    paragraph: Kate wins Marlow.\n",
		},
		{
			name: "a guide too short for its words to tell its language is told it by its known section names, as in Markdown (a short Polish guide was English: \"… — A Study Guide\")",
			in:   "Pan Tadeusz\nAdam Mickiewicz\n\nStreszczenie\n\nTadeusz wraca do domu stryja.\n\nBohaterowie\n\nTadeusz – młody szlachcic\nZosia – wychowanica Telimeny\n",
			want: "lang=pl year=0\nbook: Pan Tadeusz | Adam Mickiewicz | 0 min | Pan Tadeusz — Opracowanie lektury\nsection: Streszczenie\n  paragraph: Tadeusz wraca do domu stryja.\nsection: Bohaterowie\n  definitions: Tadeusz = młody szlachcic | Zosia = wychowanica Telimeny\n",
			note: "the guide is in Polish (2 of its headings are Polish names",
		},
		{
			name: "section names of two languages settle nothing",
			in:   "Pan Tadeusz\nAdam Mickiewicz\n\nStreszczenie\n\nTadeusz wraca do domu stryja.\n\nCharacters\n\nTadeusz – młody szlachcic\nZosia – wychowanica Telimeny\n",
			want: "lang=en year=0\nbook: Pan Tadeusz | Adam Mickiewicz | 0 min | Pan Tadeusz — A Study Guide\nsection: Streszczenie\n  paragraph: Tadeusz wraca do domu stryja.\nsection: Characters\n  definitions: Tadeusz = młody szlachcic | Zosia = wychowanica Telimeny\n",
		},
	}
	checkReadings(t, tests)
}

// TestPolishGuide: a Polish guide is told from its words, its headings
// have their roles (Streszczenie, Bohaterowie, Motywy, Pytania do
// dyskusji), "Najważniejsze cytaty" are its quotes with "Wyjaśnienie:"
// their explanation, "Często zadawane pytania" its FAQ, and it is named in
// Polish. Before, it was read as Portuguese ("Pan Tadeusz — Guia de
// estudo"), every heading after the first a subsection of "Streszczenie",
// no quotes and no FAQ.
func TestPolishGuide(t *testing.T) {
	g, err := Parse("Pan Tadeusz\nAdam Mickiewicz\n\nStreszczenie\n\nTadeusz wraca z Wilna do domu stryja i zakochuje się w Zosi. Spór o zamek nie jest tylko sprawą sąsiadów: podsyca go stary klucznik Gerwazy, który pamięta dawną krzywdę. Ksiądz Robak, jak się okazuje, jest ojcem Tadeusza; po bitwie z Rosjanami umiera, ale jego wina zostaje odkupiona.\n\nBohaterowie\n\nTadeusz – młody szlachcic, syn Jacka\nZosia – wychowanica Telimeny\n\nNajważniejsze cytaty\n\n1. „Kochajmy się!” (Księga XII)\nWyjaśnienie: Wezwanie do zgody zamyka spory i cały utwór.\n\nMotywy\n\nTęsknota za ojczyzną, wina i odkupienie.\n\nPytania do dyskusji\n\n1. Dlaczego Jacek ukrywa się pod habitem?\n\nCzęsto zadawane pytania\n\nKto jest narratorem?\nGawędziarz, który wspomina Litwę z perspektywy emigracji.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Language != "pl" || g.Title != "Pan Tadeusz — Opracowanie lektury" {
		t.Errorf("language %q, title %q", g.Language, g.Title)
	}
	var roles []string
	for _, s := range g.Sections {
		roles = append(roles, s.Title+"="+string(s.Role))
	}
	if got, want := strings.Join(roles, ", "), "Streszczenie=summary, Bohaterowie=characters, Motywy=themes, Pytania do dyskusji=discussion"; got != want {
		t.Errorf("sections %s\nwant %s", got, want)
	}
	if len(g.Quotes) != 1 || g.Quotes[0].Attribution.Plain() != "Księga XII" || len(g.Quotes[0].Explanation) != 1 {
		t.Errorf("quotes %+v", g.Quotes)
	}
	if len(g.FAQ) != 1 || g.FAQ[0].Question != "Kto jest narratorem?" {
		t.Errorf("FAQ %+v", g.FAQ)
	}
}
