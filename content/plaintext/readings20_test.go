package plaintext

import "testing"

// TestReadings20 has one case per misreading session 20 fixed in the
// plain-text reader; each failed before its fix.
func TestReadings20(t *testing.T) {
	checkReadings(t, []reading{
		{
			name: "a quote's label with no quotation under it, last in the list or over the next label, is left out with a warning naming its line (it was dropped with a note that it numbered the quote under it)",
			in:   "Silas Marner\nby George Eliot\n\nKey Quotes\n\nQuote #1\n\"The gold had asked that he should sit weaving longer and longer.\" (Chapter 2)\n\nQuote #2\n\nQuote #3\n\"In old days there were angels.\" (Chapter 14)\n\n#4\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nquote: The gold had asked that he should sit weaving longer and longer. — Chapter 2\nquote: In old days there were angels. — Chapter 14\nwarning 9: a quote's number (Quote #2) has no quotation under it and was left out; put the quotation under it or delete it\nwarning 14: a quote's number (#4) has no quotation under it and was left out; put the quotation under it or delete it\n",
		},
		{
			name: "a quote's label over its quotation still only gets a note",
			in:   "Silas Marner\nby George Eliot\n\nKey Quotes\n\n#1\n\"The gold had asked that he should sit weaving longer and longer.\" (Chapter 2)\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide\nquote: The gold had asked that he should sit weaving longer and longer. — Chapter 2\n",
			note: `read "#1" as the number of the quote under it`,
		},
		{
			name: "a one-word author with the year under the title (\"Voltaire (1759)\") is the author and the year, as a name of two words is (it was no author, the line the synopsis)",
			in:   "Candide\nVoltaire (1759)\n\nSummary\n\nCandide is raised in a castle in Westphalia and taught by Pangloss that all is for the best.\n",
			want: "lang=en year=1759\nbook: Candide | Voltaire | 0 min | Candide — A Study Guide\nsection: Summary\n  paragraph: Candide is raised in a castle in Westphalia and taught by Pangloss that all is for the best.\n",
			note: `read "Voltaire (1759)", a name standing under the title, as the book's author`,
		},
		{
			name: "a one-word line under the title without a year is no author: a word alone is too like a heading",
			in:   "Candide\nVoltaire\n\nSummary\n\nCandide is raised in a castle in Westphalia and taught by Pangloss that all is for the best.\n",
			want: "lang=en year=0\nbook: Candide |  | 0 min | Candide — A Study Guide\nsynopsis: Voltaire\nsection: Summary\n  paragraph: Candide is raised in a castle in Westphalia and taught by Pangloss that all is for the best.\n" +
				"warning 1: no author found; put \"by AUTHOR\" on the line under the title\n",
		},
		{
			name: "a book's second title under its first (\"Or, The Modern Prometheus\") is no author (it was the author)",
			in:   "Frankenstein\nOr, The Modern Prometheus\n\nSummary\n\nVictor Frankenstein builds a creature from parts and then flees from it.\n",
			want: "lang=en year=0\nbook: Frankenstein |  | 0 min | Frankenstein — A Study Guide\nsynopsis: Or, The Modern Prometheus\nsection: Summary\n  paragraph: Victor Frankenstein builds a creature from parts and then flees from it.\n" +
				"warning 1: no author found; put \"by AUTHOR\" on the line under the title\n",
		},
		{
			name: "a cast list of names alone is a list of them (it was a speech of the first name, the others its lines)",
			in:   "Macbeth\nby William Shakespeare\n\nDramatis Personae\n\nDUNCAN\nMALCOLM\nDONALBAIN\n\nAct I\n\nScene 1\n\nThe witches meet on a heath.\n",
			want: "lang=en year=0\nbook: Macbeth | William Shakespeare | 0 min | Macbeth — A Study Guide\nsection: Dramatis Personae\n  list: bullets: DUNCAN | MALCOLM | DONALBAIN\nsection: Act I\n  section: Scene 1\n    paragraph: The witches meet on a heath.\n",
		},
		{
			name: "names alone among described ones: the cast as typed, one list in its order (a name alone was a speaker, the names under it his speech)",
			in:   "Macbeth\nby William Shakespeare\n\nDramatis Personae\n\nDUNCAN, King of Scotland\nMALCOLM\nDONALBAIN\nMACBETH, a general\nSEYTON\n\nAct I\n\nScene 1\n\nThe witches meet on a heath.\n",
			want: "lang=en year=0\nbook: Macbeth | William Shakespeare | 0 min | Macbeth — A Study Guide\nsection: Dramatis Personae\n  list: bullets: DUNCAN, King of Scotland | MALCOLM | DONALBAIN | MACBETH, a general | SEYTON\nsection: Act I\n  section: Scene 1\n    paragraph: The witches meet on a heath.\n",
		},
		{
			name: "a character list of names in title case is a list (each name was a paragraph)",
			in:   "Pride and Prejudice\nby Jane Austen\n\nCharacters\n\nElizabeth Bennet\nFitzwilliam Darcy\nJane Bennet\n\nSummary\n\nMr. Bingley takes Netherfield Park and the neighbourhood talks of nothing else.\n",
			want: "lang=en year=0\nbook: Pride and Prejudice | Jane Austen | 0 min | Pride and Prejudice — A Study Guide\nsection: Characters\n  list: bullets: Elizabeth Bennet | Fitzwilliam Darcy | Jane Bennet\nsection: Summary\n  paragraph: Mr. Bingley takes Netherfield Park and the neighbourhood talks of nothing else.\n",
		},
		{
			name: "a play's short guide whose cast is most of its lines is not read as a file without blank lines (each name was a heading)",
			in:   "The Importance of Being Earnest\nby Oscar Wilde\n\nDramatis Personae\n\nJohn Worthing, J.P.\nAlgernon Moncrieff\nRev. Canon Chasuble, D.D.\nMerriman, Butler\nLane, Manservant\nLady Bracknell\nHon. Gwendolen Fairfax\nCecily Cardew\nMiss Prism, Governess\n\nAct One\n\nALGERNON. Did you hear what I was playing, Lane?\nLANE. I did not think it polite to listen, sir.\n",
			want: "lang=en year=0\nbook: The Importance of Being Earnest | Oscar Wilde | 0 min | The Importance of Being Earnest — A Study Guide\nsection: Dramatis Personae\n  list: bullets: John Worthing, J.P. | Algernon Moncrieff | Rev. Canon Chasuble, D.D. | Merriman, Butler | Lane, Manservant | Lady Bracknell | Hon. Gwendolen Fairfax | Cecily Cardew | Miss Prism, Governess\nsection: Act One\n  verse: [ALGERNON] Did you hear what I was playing, Lane?\n  verse: [LANE] I did not think it polite to listen, sir.\n",
		},
		{
			name: "options lettered on from c after a note go on from c (they were a paragraph, the letters in its text)",
			in:   "Candide\nby Voltaire\n\nDiscussion Questions\n\n1. Which of these does Pangloss teach?\na. that all is for the best\nb. that the world is cruel\n\nRead Chapter 3 again before you answer the rest.\n\nc. that work keeps away boredom\nd. that gardens grow by themselves\n",
			want: "lang=en year=0\nbook: Candide | Voltaire | 0 min | Candide — A Study Guide\nsection: Discussion Questions\n  list: from 1: Which of these does Pangloss teach? (a. that all is for the best; b. that the world is cruel)\n  paragraph: Read Chapter 3 again before you answer the rest.\n  list: from c: that work keeps away boredom | that gardens grow by themselves\n",
		},
		{
			name: "one lettered option after a note goes on from the list before",
			in:   "Candide\nby Voltaire\n\nEssay Prompts\n\nA. Is Pangloss a fool?\nB. Is Martin wiser?\n\nFor the last prompt, use two chapters.\n\nC. What does the garden stand for?\n",
			want: "lang=en year=0\nbook: Candide | Voltaire | 0 min | Candide — A Study Guide\nsection: Essay Prompts\n  list: from A: Is Pangloss a fool? | Is Martin wiser?\n  paragraph: For the last prompt, use two chapters.\n  list: from C: What does the garden stand for?\n",
		},
		{
			name: "lettered with a bracket from c, as typed (it was lettered from a)",
			in:   "Candide\nby Voltaire\n\nDiscussion Questions\n\na) Pangloss\nb) Martin\n\nThe last two are harder.\n\nc) Cacambo\nd) Cunégonde\n",
			want: "lang=en year=0\nbook: Candide | Voltaire | 0 min | Candide — A Study Guide\nsection: Discussion Questions\n  list: from a: Pangloss | Martin\n  paragraph: The last two are harder.\n  list: from c: Cacambo | Cunégonde\n",
		},
		{
			name: "a book report's form under its name (\"Book Report: X\" / \"Title: X\" / \"Author: …\" / \"Year of publication: …\"): the book, its author and year (the name was the book's title, the fields the synopsis, no author)",
			in:   "Book Report: The Moonstone\n\nTitle: The Moonstone\nAuthor: Wilkie Collins\nYear of publication: 1868\n\nSummary\n\nA great yellow diamond is stolen from a country house on the night of a birthday.\n\nMy Opinion\n\nI liked Betteredge best, because he reads Robinson Crusoe for advice.\n",
			want: "lang=en year=1868\nbook: The Moonstone | Wilkie Collins | 0 min | Book Report: The Moonstone\nsection: Summary\n  paragraph: A great yellow diamond is stolen from a country house on the night of a birthday.\nsection: My Opinion\n  paragraph: I liked Betteredge best, because he reads Robinson Crusoe for advice.\n",
			note: `left out "Title: The Moonstone": it names the book again`,
		},
		{
			name: "in Dutch, a boekverslag's (\"Schrijver:\", \"Jaar van uitgave:\", \"Eigen mening\" a section, not a subsection)",
			in:   "Boekverslag: Camera Obscura\n\nTitel: Camera Obscura\nSchrijver: Hildebrand\nJaar van uitgave: 1839\n\nSamenvatting\n\nDe verteller neemt de lezer mee langs de mensen van Haarlem en omstreken, en het boek is geen roman maar een reeks schetsen.\n\nEigen mening\n\nIk vond het boek soms langdradig, maar de beschrijving van Pieter Stastok is erg grappig.\n",
			want: "lang=nl year=1839\nbook: Camera Obscura | Hildebrand | 0 min | Boekverslag: Camera Obscura\nsection: Samenvatting\n  paragraph: De verteller neemt de lezer mee langs de mensen van Haarlem en omstreken, en het boek is geen roman maar een reeks schetsen.\nsection: Eigen mening\n  paragraph: Ik vond het boek soms langdradig, maar de beschrijving van Pieter Stastok is erg grappig.\n",
		},

		{
			name: "a table's header of short cells over long rows, in tab columns, is its header (it was a heading, the rows paragraphs, their columns run together)",
			in:   "The Red Badge of Courage\nby Stephen Crane\n\nReading Journal\n\nPassage\tMy Response\n\"He had been taught that man became another thing in a battle.\"\tHenry thinks war will change him.\n\"He wished that he, too, had a wound, a red badge of courage.\"\tThe title comes from this envy.\n",
			want: "lang=en year=0\nbook: The Red Badge of Courage | Stephen Crane | 0 min | The Red Badge of Courage — A Study Guide\nsection: Reading Journal\n  table: Passage | My Response / “He had been taught that man became another thing in a battle.” | Henry thinks war will change him. / “He wished that he, too, had a wound, a red badge of courage.” | The title comes from this envy.\n",
		},
		{
			name: "a study site's chapter pages pasted tight (\"Chapters 1–6\" / \"Summary\" / text / \"Analysis\" / text): a section of the chapters with its Summary and Analysis (they were paragraphs under the character before, \"Analysis\" and its text a verse)",
			in:   "The Awakening\nby Kate Chopin\n\nCharacter List\n\nEDNA PONTELLIER\nA young wife and mother of twenty-eight who, over one summer, begins to see herself as a person apart.\n\nChapters 1–6\nSummary\nLéonce returns from the hotel to find his wife and Robert Lebrun coming up from the beach.\nAnalysis\nChopin opens with caged birds, a picture of Edna's own position in the household.\n",
			want: "lang=en year=0\nbook: The Awakening | Kate Chopin | 0 min | The Awakening — A Study Guide\nsection: Character List\n  section: EDNA PONTELLIER\n    paragraph: A young wife and mother of twenty-eight who, over one summer, begins to see herself as a person apart.\nsection: Chapters 1–6\n  section: Summary\n    paragraph: Léonce returns from the hotel to find his wife and Robert Lebrun coming up from the beach.\n  section: Analysis\n    paragraph: Chopin opens with caged birds, a picture of Edna’s own position in the household.\n",
		},
		{
			name: "a known name set tight inside a sentence's lines is no heading",
			in:   "The Awakening\nby Kate Chopin\n\nSummary\n\nEdna swims out alone at the end of the book, and the reader is left to judge her choice\nAnalysis\nof the ending has divided critics since the book appeared in 1899, to mixed reviews.\n",
			want: "lang=en year=0\nbook: The Awakening | Kate Chopin | 0 min | The Awakening — A Study Guide\nsection: Summary\n  verse: Edna swims out alone at the end of the book, and the reader is left to judge her choice / Analysis / of the ending has divided critics since the book appeared in 1899, to mixed reviews.\n",
		},
		{
			name: "a lettered option alone between blank lines, after a note, is an item from its letter (it was a heading, the section's last text)",
			in:   "La Celestina\nFernando de Rojas (1499)\n\nPreguntas\n\n1. ¿Por qué busca Calisto a Celestina?\na) por consejo de Sempronio\nb) por consejo de su padre\n\nLee el acto IV antes de responder.\n\nc) por consejo de Melibea\n",
			opts: Options{Language: "es"},
			want: "lang=es year=1499\nbook: La Celestina | Fernando de Rojas | 0 min | La Celestina — Guía de estudio\nsection: Preguntas\n  list: from 1: ¿Por qué busca Calisto a Celestina? (a. por consejo de Sempronio; b. por consejo de su padre)\n  paragraph: Lee el acto IV antes de responder.\n  list: from c: por consejo de Melibea\n",
		},
	})
}
