package plaintext

import (
	"testing"
)

// TestParseProbes has one case per misreading found by probing the reader
// with guides it had not seen (the tester's report on issue 12); each
// failed before its fix.
func TestParseProbes(t *testing.T) {
	tests := []reading{
		{
			name: "an outline's lowest level in small roman numerals (i., ii.) is its point's sublist, the numeral kept as text (i. was the letter i, printed a., and ii. began a verse block)",
			in:   "The Jungle Book\nby Rudyard Kipling\n\nUnit Outline\n\nI. Mowgli's Brothers\n   A. The wolves adopt the man-cub\n      i. Father Wolf and Mother Wolf\n      ii. The Council Rock\n   B. Shere Khan's claim\n\nII. Kaa's Hunting\n   A. The Bandar-log carry Mowgli off\n   B. Baloo to the rescue\n",
			want: "lang=en year=0\nbook: The Jungle Book | Rudyard Kipling | 0 min | The Jungle Book — Unit Outline\nsection: I. Mowgli’s Brothers\n  list: from A: The wolves adopt the man-cub (i. Father Wolf and Mother Wolf; ii. The Council Rock) | Shere Khan’s claim\nsection: II. Kaa’s Hunting\n  list: from A: The Bandar-log carry Mowgli off | Baloo to the rescue\n",
		},
		{
			name: "a quiz handout: the Name/Date blanks are dropped, a prompt of two sentences under Before You Read is its text (it was a heading with no text), True or False, Multiple Choice and Answer Key are sections (they were subsections of Vocabulary)",
			in:   "The Call of the Wild\nby Jack London\n\nName: ____________   Date: ________\n\nBefore You Read\n\nThink about a time you had to adapt to a new place. What helped you?\n\nVocabulary\n\nprimordial – existing from the beginning\nfawning – flattering\n\nTrue or False\n\n1. Buck was born in the Klondike.\n2. Curly is killed by the other dogs.\n\nMultiple Choice\n\n3. Who sells Buck?\na) Manuel\nb) Perrault\n\nAnswer Key\n\n1. F\n2. T\n3. a\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — A Study Guide\nsection: Before You Read\n  paragraph: Think about a time you had to adapt to a new place. What helped you?\nsection: Vocabulary\n  definitions: primordial = existing from the beginning | fawning = flattering\nsection: True or False\n  list: from 1: Buck was born in the Klondike. | Curly is killed by the other dogs.\nsection: Multiple Choice\n  list: from 3: Who sells Buck? (a. Manuel; b. Perrault)\nsection: Answer Key\n  list: from 1: F | T | a\n",
		},
		{
			name: "a multiple-choice quiz keeps its options' letters: a) under one question, A. set tight under the next (they were numbered 1-4, and the A. options a list of their own)",
			in:   "The Call of the Wild\nby Jack London\n\nMultiple Choice\n\n1. Where does Buck live at the start?\na) In the Yukon\nb) On Judge Miller's estate\nc) In Seattle\n\n2. Who sells Buck?\nA. Manuel\nB. Perrault\nC. Spitz\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — A Study Guide\nsection: Multiple Choice\n  list: from 1: Where does Buck live at the start? (a. In the Yukon; b. On Judge Miller’s estate; c. In Seattle) | Who sells Buck? (A. Manuel; B. Perrault; C. Spitz)\n",
		},
		{
			name: "a subtitle under the by-line names the guide; the paragraph after it is the synopsis",
			in:   "Silas Marner\nby George Eliot\n\nA Study Guide for Students\n\nA weaver hoards gold until a child takes its place.\n\nThemes\n\nCommunity.\n",
			want: "lang=en year=0\nbook: Silas Marner | George Eliot | 0 min | Silas Marner — A Study Guide for Students\nsynopsis: A weaver hoards gold until a child takes its place.\nsection: Themes\n  paragraph: Community.\n",
		},
		{
			name: "a teacher's subtitle under a bare name with a year",
			in:   "Northanger Abbey\nJane Austen (1817)\n\nTeacher Notes\n\nCatherine reads too many novels and sees a Gothic plot everywhere.\n\nThemes\n\nReading.\n",
			want: "lang=en year=1817\nbook: Northanger Abbey | Jane Austen | 0 min | Northanger Abbey — Teacher Notes\nsynopsis: Catherine reads too many novels and sees a Gothic plot everywhere.\nsection: Themes\n  paragraph: Reading.\n",
		},
		{
			name: "a subtitle with its audience after a dash, in German with für",
			opts: Options{Language: "de"},
			in:   "Die Verwandlung\nvon Franz Kafka\n\nLektürehilfe für die Oberstufe\n\nGregor Samsa erwacht eines Morgens als Ungeziefer, und die Familie wendet sich von ihm ab.\n\nThemen\n\nEntfremdung.\n",
			want: "lang=de year=0\nbook: Die Verwandlung | Franz Kafka | 0 min | Die Verwandlung — Lektürehilfe für die Oberstufe\nsynopsis: Gregor Samsa erwacht eines Morgens als Ungeziefer, und die Familie wendet sich von ihm ab.\nsection: Themen\n  paragraph: Entfremdung.\n",
		},
		{
			name: "the guide's name after an em dash, and a Published line under the author",
			in:   "Jekyll and Hyde — Reading Companion\nAuthor: Robert Louis Stevenson\nPublished: 1886\n\nA lawyer investigates his friend.\n\nThemes\n\nDuality.\n",
			want: "lang=en year=1886\nbook: Jekyll and Hyde | Robert Louis Stevenson | 0 min | Jekyll and Hyde — Reading Companion\nsynopsis: A lawyer investigates his friend.\nsection: Themes\n  paragraph: Duality.\n",
		},
		{
			name: "the book's title and the guide's name on the line under the author",
			in:   "Great Expectations\nCharles Dickens, 1861\n\nGreat Expectations — Teacher's Handout\n\nPip, an orphan, is raised by his sister.\n\nThemes\n\nGuilt.\n",
			want: "lang=en year=1861\nbook: Great Expectations | Charles Dickens | 0 min | Great Expectations — Teacher's Handout\nsynopsis: Pip, an orphan, is raised by his sister.\nsection: Themes\n  paragraph: Guilt.\n",
		},
		{
			name: "an anonymous author with a year, in Spanish",
			opts: Options{Language: "es"},
			in:   "Lazarillo de Tormes\nAnónimo, 1554\n\nLázaro cuenta su vida de criado de varios amos.\n\nTemas\n\nEl hambre.\n",
			want: "lang=es year=1554\nbook: Lazarillo de Tormes | Anónimo | 0 min | Lazarillo de Tormes — Guía de estudio\nsynopsis: Lázaro cuenta su vida de criado de varios amos.\nsection: Temas\n  paragraph: El hambre.\n",
		},
		{
			name: "an anonymous author after a label, capitalised",
			opts: Options{Language: "es"},
			in:   "Lazarillo de Tormes\nAutor anónimo\n\nLázaro cuenta su vida de criado de varios amos.\n\nTemas\n\nEl hambre.\n",
			want: "lang=es year=0\nbook: Lazarillo de Tormes | Anónimo | 0 min | Lazarillo de Tormes — Guía de estudio\nsynopsis: Lázaro cuenta su vida de criado de varios amos.\nsection: Temas\n  paragraph: El hambre.\n",
		},
		{
			name: "a guide named in words of its own after a dash (\"A Comprehensive Study Guide\"): the book is the part before it (it was \"Dracula — A Comprehensive\")",
			in:   "Dracula — A Comprehensive Study Guide\nby Bram Stoker\n\nJonathan Harker travels to Transylvania.\n\nThemes\n\nFear.\n",
			want: "lang=en year=0\nbook: Dracula | Bram Stoker | 0 min | Dracula — A Comprehensive Study Guide\nsynopsis: Jonathan Harker travels to Transylvania.\nsection: Themes\n  paragraph: Fear.\n",
		},
		{
			name: "a title line long enough to run into its by-line: the guide's name after the dash, the author from the by-line (the book was the whole line, its guide title \"… Students — A Study Guide\")",
			in:   "The Strange Case of Dr Jekyll and Mr Hyde — A Comprehensive Study Guide for Advanced Placement Literature and Composition Students\nby Robert Louis Stevenson\n\nUtterson investigates.\n\nThemes\n\nDuality.\n",
			want: "lang=en year=0\nbook: The Strange Case of Dr Jekyll and Mr Hyde | Robert Louis Stevenson | 0 min | The Strange Case of Dr Jekyll and Mr Hyde — A Comprehensive Study Guide for Advanced Placement Literature and Composition Students\nsynopsis: Utterson investigates.\nsection: Themes\n  paragraph: Duality.\n",
		},
		{
			name: "a study site's page titles \"BOOK: Part N Summary & Analysis\" are section headings over their Summary and Analysis (they were verse spoken by \"Heart of Darkness\", the first the synopsis)",
			in:   "Heart of Darkness\nby Joseph Conrad\n\nHeart of Darkness: Part 1 Summary & Analysis\n\nSummary\n\nMarlow remembers the Congo.\n\nAnalysis\n\nThe frame narrator is calm.\n\nHeart of Darkness: Part 2 Summary & Analysis\n\nSummary\n\nMarlow overhears the manager.\n\nAnalysis\n\nConrad delays Kurtz.\n",
			want: "lang=en year=0\nbook: Heart of Darkness | Joseph Conrad | 0 min | Heart of Darkness — A Study Guide\nsection: Heart of Darkness: Part 1 Summary & Analysis\n  section: Summary\n    paragraph: Marlow remembers the Congo.\n  section: Analysis\n    paragraph: The frame narrator is calm.\nsection: Heart of Darkness: Part 2 Summary & Analysis\n  section: Summary\n    paragraph: Marlow overhears the manager.\n  section: Analysis\n    paragraph: Conrad delays Kurtz.\n",
		},
		{
			name: "an outline's roman heading set tight after the points of the one before it, over points of its own, is a heading (it was a verse line with its points)",
			in:   "The Jungle Book\nby Rudyard Kipling\n\nOutline\n\nI. Mowgli's Brothers\n   A. Father Wolf finds the man-cub\n   B. Shere Khan claims him\nII. Kaa's Hunting\n   A. The Bandar-log carry Mowgli off\n   B. Kaa and Bagheera rescue him\n",
			want: "lang=en year=0\nbook: The Jungle Book | Rudyard Kipling | 0 min | The Jungle Book — A Study Guide\nsection: Outline\n  section: I. Mowgli’s Brothers\n    list: from A: Father Wolf finds the man-cub | Shere Khan claims him\n  section: II. Kaa’s Hunting\n    list: from A: The Bandar-log carry Mowgli off | Kaa and Bagheera rescue him\n",
		},
		{
			name: "a handout's section named with the chapters it covers (\"Vocabulary — Chapters 1–5\") is that section, first under the by-line (it and its words were the synopsis)",
			in:   "The Secret Garden\nby Frances Hodgson Burnett\n\nVocabulary — Chapters 1–5\n\n1. contrary – doing the opposite of what is wanted\n2. sullen – bad-tempered and silent\n\nDiscussion Questions\n\n1. Why is Mary called contrary?\n2. How does the moor change Mary?\n",
			want: "lang=en year=0\nbook: The Secret Garden | Frances Hodgson Burnett | 0 min | The Secret Garden — A Study Guide\nsection: Vocabulary — Chapters 1–5\n  definitions: contrary = doing the opposite of what is wanted | sullen = bad-tempered and silent\nsection: Discussion Questions\n  list: from 1: Why is Mary called contrary? | How does the moor change Mary?\n",
		},
		{
			name: "a page's closing furniture is dropped, not read as an FAQ question and its answer",
			in:   "Kim\nby Rudyard Kipling\n\nA boy spy.\n\nFAQ\n\nIs Kim a spy?\n\nYes, for the British.\n\nWas this page helpful?\nYes  No\n\n© 2024 StudyNotes. All rights reserved.\nPrivacy Policy | Terms of Use\nShare on Twitter | Share on Facebook\n",
			want: "lang=en year=0\nbook: Kim | Rudyard Kipling | 0 min | Kim — A Study Guide\nsynopsis: A boy spy.\nfaq: Is Kim a spy?\n  answer: Yes, for the British.\n",
		},
		{
			name: "chapters under Summary and Analysis, each with its Summary and Analysis headings, are parts with labelled parts",
			in:   "Kim\nby Rudyard Kipling\n\nA boy spy.\n\nSummary and Analysis\n\nChapter 1\n\nSummary\n\nKim sits astride the gun.\n\nAnalysis\n\nThe gun stands for power.\n\nChapter 2\n\nSummary\n\nKim and the lama take the train.\n\nAnalysis\n\nThe railway mixes castes.\n",
			want: "lang=en year=0\nbook: Kim | Rudyard Kipling | 0 min | Kim — A Study Guide\nsynopsis: A boy spy.\nsection: Summary and Analysis\n  section: Chapter 1\n    section: Summary\n      paragraph: Kim sits astride the gun.\n    section: Analysis\n      paragraph: The gun stands for power.\n  section: Chapter 2\n    section: Summary\n      paragraph: Kim and the lama take the train.\n    section: Analysis\n      paragraph: The railway mixes castes.\n",
		},
		{
			name: "chapter headings over Summary and Analysis after a characters section are sections of their own",
			in:   "Kim\nby Rudyard Kipling\n\nCharacters\n\nKim - an orphan\nThe lama - a monk\n\nChapter 1\n\nSummary\n\nKim sits astride the gun.\n\nAnalysis\n\nThe gun stands for power.\n",
			want: "lang=en year=0\nbook: Kim | Rudyard Kipling | 0 min | Kim — A Study Guide\nsection: Characters\n  definitions: Kim = an orphan | The lama = a monk\nsection: Chapter 1\n  section: Summary\n    paragraph: Kim sits astride the gun.\n  section: Analysis\n    paragraph: The gun stands for power.\n",
		},
		{
			name: "glossary words in lower case, with a part of speech, after a colon or an equals sign",
			opts: Options{Language: "en"},
			in:   "Kim\nby Rudyard Kipling\n\nVocabulary\n\nlama (n.): a Tibetan Buddhist monk\nchela: a disciple or pupil\n\nGlossary\n\nbazaar (n.) = a market in an Eastern town\nghat = a flight of steps down to a river\n",
			want: "lang=en year=0\nbook: Kim | Rudyard Kipling | 0 min | Kim — A Study Guide\nsection: Vocabulary\n  definitions: lama (n.) = a Tibetan Buddhist monk | chela = a disciple or pupil\nsection: Glossary\n  definitions: bazaar (n.) = a market in an Eastern town | ghat = a flight of steps down to a river\n",
		},
		{
			name: "glossary entries in lower case with an indented continuation line",
			opts: Options{Language: "en"},
			in:   "Emma\nby Jane Austen\n\nVocabulary\n\nsensible (adj.): having good sense; also, in Austen's day, able to\n    feel deeply\ngothic (adj.): a style of fiction with gloomy settings, mystery and\n    terror\n",
			want: "lang=en year=0\nbook: Emma | Jane Austen | 0 min | Emma — A Study Guide\nsection: Vocabulary\n  definitions: sensible (adj.) = having good sense; also, in Austen’s day, able to feel deeply | gothic (adj.) = a style of fiction with gloomy settings, mystery and terror\n",
		},
		{
			name: "a quotation with a speech tag before its source, under a quotes heading, numbered and not",
			in:   "Kim\nby Rudyard Kipling\n\nImportant Quotes\n\n\"Who is Kim—Kim—Kim?\" he asked himself. — Chapter 11\n\n\"The Great Game is so large that one sees but a little at a time.\" — Chapter 12\n\nKey Passages\n\n1. \"I am Kim,\" he said. — Chapter 1\n2. \"Nay, but I am a Sahib,\" said Kim. (Chapter 7)\n",
			want: "lang=en year=0\nbook: Kim | Rudyard Kipling | 0 min | Kim — A Study Guide\nquote: “Who is Kim—Kim—Kim?” he asked himself. — Chapter 11\nquote: The Great Game is so large that one sees but a little at a time. — Chapter 12\nquote: “I am Kim,” he said. — Chapter 1\nquote: “Nay, but I am a Sahib,” said Kim. — Chapter 7\n",
		},
		{
			name: "the date of publication in the key facts gives the book's year when the header has none",
			in:   "Wuthering Heights\nby Emily Brontë\n\nKey Facts\n\nGenre: Gothic novel\nDate of first publication: December 1847\n",
			want: "lang=en year=1847\nbook: Wuthering Heights | Emily Brontë | 0 min | Wuthering Heights — A Study Guide\nsection: Key Facts\n  definitions: Genre = Gothic novel | Date of first publication = December 1847\n",
		},
		{
			name: "essay prompts lettered A. B. C. are an ordered list",
			in:   "Great Expectations\nby Charles Dickens\n\nEssay Prompts\n\nA. Trace the theme of guilt through Pip's life. Use at least three scenes.\nB. \"Great Expectations is a novel about snobbery.\" Agree or disagree, with evidence.\nC. Compare Joe Gargery and Magwitch as father figures.\n",
			want: "lang=en year=0\nbook: Great Expectations | Charles Dickens | 0 min | Great Expectations — A Study Guide\nsection: Essay Prompts\n  list: from A: Trace the theme of guilt through Pip’s life. Use at least three scenes. | “Great Expectations is a novel about snobbery.” Agree or disagree, with evidence. | Compare Joe Gargery and Magwitch as father figures.\n",
		},
		{
			name: "an unknown heading after a list of questions, prompts or words is the next section, not their subsection",
			in:   "Emma\nby Jane Austen\n\nDiscussion Questions\n\n1. Why does Emma meddle?\n2. Is Mr. Knightley right?\n\nAnswer Key\n\n1. Boredom and pride.\n2. Mostly.\n\nVocabulary\n\nCurate: an assistant priest\nAccomplished: skilled in music and drawing\n\nWriting Assignment\n\nWrite Harriet's letter to Mr. Martin.\n",
			want: "lang=en year=0\nbook: Emma | Jane Austen | 0 min | Emma — A Study Guide\nsection: Discussion Questions\n  list: from 1: Why does Emma meddle? | Is Mr. Knightley right?\nsection: Answer Key\n  list: from 1: Boredom and pride. | Mostly.\nsection: Vocabulary\n  definitions: Curate = an assistant priest | Accomplished = skilled in music and drawing\nsection: Writing Assignment\n  paragraph: Write Harriet’s letter to Mr. Martin.\n",
		},
		{
			name: "a name after the character list stays its subsection",
			in:   "Emma\nby Jane Austen\n\nCharacters\n\nEmma Woodhouse: a rich young woman\nHarriet Smith: her friend\n\nEmma Woodhouse\n\nClever, rich and sure of herself.\n",
			want: "lang=en year=0\nbook: Emma | Jane Austen | 0 min | Emma — A Study Guide\nsection: Characters\n  definitions: Emma Woodhouse = a rich young woman | Harriet Smith = her friend\n  section: Emma Woodhouse\n    paragraph: Clever, rich and sure of herself.\n",
		},
		{
			name: "a quotation interrupted by its speech tag, then its source, is a quote",
			in:   "Jekyll and Hyde\nby Robert Louis Stevenson\n\nImportant Quotes\n\n\"If he be Mr. Hyde,\" he had thought, \"I shall be Mr. Seek.\" — Chapter 2\n\n\"Man is not truly one, but truly two.\" — Chapter 10\n",
			want: "lang=en year=0\nbook: Jekyll and Hyde | Robert Louis Stevenson | 0 min | Jekyll and Hyde — A Study Guide\nquote: “If he be Mr. Hyde,” he had thought, “I shall be Mr. Seek.” — Chapter 2\nquote: Man is not truly one, but truly two. — Chapter 10\n",
		},
		// Session 11's QA round: guides pasted from word processors and
		// typed by teachers.
		{
			name: "a tab after the number of a question is padding, not a column: the questions are a list, not a table",
			in:   "X\nby Y\n\nDiscussion Questions\n\n1.\tWhy does London tell the story from the dog's point of view?\n2.\tWhat is the law of club and fang?\n3.\tHow does Buck change after Thornton's death?\n",
			want: "lang=en year=0\nbook: X | Y | 0 min | X — A Study Guide\nsection: Discussion Questions\n  list: from 1: Why does London tell the story from the dog’s point of view? | What is the law of club and fang? | How does Buck change after Thornton’s death?\n",
		},
		{
			name: "spaces after a bullet or an indented number are padding: characters are definitions, questions a list",
			in:   "X\nby Y\n\nMain Characters\n\n•  Elinor Dashwood – the eldest sister, all sense\n•  Marianne Dashwood – seventeen, all sensibility\n•  Edward Ferrars – shy and honourable\n\nExam Questions\n\n    1.  How does Austen use letters to move the plot?\n    2.  Compare the proposals of Colonel Brandon and Willoughby.\n    3.  Is Elinor too calm?\n",
			want: "lang=en year=0\nbook: X | Y | 0 min | X — A Study Guide\nsection: Main Characters\n  definitions: Elinor Dashwood = the eldest sister, all sense | Marianne Dashwood = seventeen, all sensibility | Edward Ferrars = shy and honourable\nsection: Exam Questions\n  list: from 1: How does Austen use letters to move the plot? | Compare the proposals of Colonel Brandon and Willoughby. | Is Elinor too calm?\n",
		},
		{
			name: "two tab-aligned columns under Vocabulary or Characters are terms and definitions, the first line one of them",
			in:   "X\nby Y\n\nVocabulary\n\n\tprimordial\texisting from the beginning of time\n\tprogeny\tchildren or offspring\n\tferocious\tsavage and fierce\n\nCharacters\n\nBuck\tA St. Bernard and shepherd mix, the hero\nSpitz\tThe lead dog of the team\nJohn Thornton\tA miner who saves Buck\n",
			want: "lang=en year=0\nbook: X | Y | 0 min | X — A Study Guide\nsection: Vocabulary\n  definitions: primordial = existing from the beginning of time | progeny = children or offspring | ferocious = savage and fierce\nsection: Characters\n  definitions: Buck = A St. Bernard and shepherd mix, the hero | Spitz = The lead dog of the team | John Thornton = A miner who saves Buck\n",
		},
		{
			name: "two columns under Vocabulary with a header line stay a table",
			in:   "X\nby Y\n\nVocabulary\n\nWord\tMeaning\nprogeny\tchildren or offspring\nferocious\tsavage and fierce\n",
			want: "lang=en year=0\nbook: X | Y | 0 min | X — A Study Guide\nsection: Vocabulary\n  table: Word | Meaning / progeny | children or offspring / ferocious | savage and fierce\n",
		},
		{
			name: "stage directions in square brackets are text of the scene, never headings; a speaker's name alone in capitals over the speech is its speaker",
			in:   "A Midsummer Night's Dream\nby William Shakespeare\n\nAct II\n\nScene 1\n\nOberon and Titania quarrel over a changeling boy.\n\n[Enter PUCK and a FAIRY at opposite doors]\n\nPUCK\nI am that merry wanderer of the night.\nI jest to Oberon and make him smile.\n\n[Exit PUCK]\n\nScene 2\n\nTitania sleeps.\n\n[Exeunt]\n",
			want: "lang=en year=0\nbook: A Midsummer Night's Dream | William Shakespeare | 0 min | A Midsummer Night's Dream — A Study Guide\nsection: Act II\n  section: Scene 1\n    paragraph: Oberon and Titania quarrel over a changeling boy.\n    paragraph: [Enter PUCK and a FAIRY at opposite doors]\n    verse: [PUCK] I am that merry wanderer of the night. / I jest to Oberon and make him smile.\n    paragraph: [Exit PUCK]\n  section: Scene 2\n    paragraph: Titania sleeps.\n    paragraph: [Exeunt]\n",
		},
		{
			name: "questions numbered Q1., Q2., Q3: are an ordered list, the numbers not kept in the text",
			in:   "Treasure Island\nby Robert Louis Stevenson\n\nQuestions for Discussion\n\nQ1. Why is Billy Bones afraid of the seafaring man with one leg?\nQ2. Dr Livesey treats the wounded pirates. What does this tell us about him?\nQ3: Is Long John Silver a villain? Give two pieces of evidence.\n\nAnswer Key\n\nQ 1) He fears Silver will come for Flint's map.\nQ 2) He is a doctor first and an enemy second.\n",
			want: "lang=en year=0\nbook: Treasure Island | Robert Louis Stevenson | 0 min | Treasure Island — A Study Guide\nsection: Questions for Discussion\n  list: from 1: Why is Billy Bones afraid of the seafaring man with one leg? | Dr Livesey treats the wounded pirates. What does this tell us about him? | Is Long John Silver a villain? Give two pieces of evidence.\nsection: Answer Key\n  list: from 1: He fears Silver will come for Flint’s map. | He is a doctor first and an enemy second.\n",
		},
		{
			name: "Japanese: names and descriptions after a colon, full-width or not and with no space, are definitions; 一、二、and ① ② numbering are ordered lists",
			in:   "羅生門\nby 芥川龍之介\n\nCharacters\n\n下人:主人から暇を出された若い男。\n老婆：楼の上で死人の髪を抜いている。\n\nQuestions\n\n一、下人の心はどのように変わったか。\n二、老婆の言い分をどう思うか。\n十二、最後の一文の効果は。\n\nActivities\n\n①下人の行方を想像して書く。\n② 老婆の言い分をまとめる。\n",
			want: "lang=ja year=0\nbook: 羅生門 | 芥川龍之介 | 0 min | 羅生門 — A Study Guide\nsection: Characters\n  definitions: 下人 = 主人から暇を出された若い男。 | 老婆 = 楼の上で死人の髪を抜いている。\nsection: Questions\n  list: from 1: 下人の心はどのように変わったか。 | 老婆の言い分をどう思うか。 | 最後の一文の効果は。\nsection: Activities\n  list: from 1: 下人の行方を想像して書く。 | 老婆の言い分をまとめる。\n",
		},
		{
			name: "Russian: the known names of a guide's parts, a name under the title, and the guide's title in Russian",
			in:   "Преступление и наказание\nФёдор Достоевский, 1866\n\nРоман о бедном студенте.\n\nГлавные герои\n\nРодион Раскольников — бывший студент\nСоня Мармеладова — дочь чиновника\n\nЦитаты\n\n1. «Тварь ли я дрожащая или право имею…»\n\nВопросы для обсуждения\n\n1. Почему Раскольников совершает преступление?\n2. Какую роль играет Соня?\n",
			want: "lang=ru year=1866\nbook: Преступление и наказание | Фёдор Достоевский | 0 min | Преступление и наказание — Учебное пособие\nsynopsis: Роман о бедном студенте.\nquote: Тварь ли я дрожащая или право имею…\nsection: Главные герои\n  definitions: Родион Раскольников = бывший студент | Соня Мармеладова = дочь чиновника\nsection: Вопросы для обсуждения\n  list: from 1: Почему Раскольников совершает преступление? | Какую роль играет Соня?\n",
		},
		{
			name: "Greek: a by-line \"του NAME\", a subtitle naming the guide \"για\" its readers, the persons of the drama and the quotes",
			in:   "Αντιγόνη\nτου Σοφοκλή\n\nΟδηγός μελέτης για την Α΄ Λυκείου\n\nΗ Αντιγόνη θάβει τον αδελφό της.\n\nΠρόσωπα του δράματος\n\nΑΝΤΙΓΟΝΗ, κόρη του Οιδίποδα\nΚΡΕΩΝ, βασιλιάς της Θήβας\n\nΣημαντικά αποσπάσματα\n\n1. «Οὔτοι συνέχθειν, ἀλλὰ συμφιλεῖν ἔφυν.»\n",
			want: "lang=el year=0\nbook: Αντιγόνη | Σοφοκλή | 0 min | Αντιγόνη — Οδηγός μελέτης για την Α΄ Λυκείου\nsynopsis: Η Αντιγόνη θάβει τον αδελφό της.\nquote: Οὔτοι συνέχθειν, ἀλλὰ συμφιλεῖν ἔφυν.\nsection: Πρόσωπα του δράματος\n  definitions: ΑΝΤΙΓΟΝΗ = κόρη του Οιδίποδα | ΚΡΕΩΝ = βασιλιάς της Θήβας\n",
		},
		{
			name: "Japanese and Hindi: a name without capitals right under the title is the author; a guide's name with a bracketed gloss is its title; known section names",
			in:   "羅生門\n芥川龍之介\n\n読書ガイド(中学生向け)\n\n荒れ果てた羅生門の下で、下人が雨やみを待っている。\n\n登場人物\n\n下人:主人から暇を出された若い男。\n老婆:死人の髪を抜いている。\n\nあらすじ\n\n下人は門の下で雨やみを待つ。\n",
			want: "lang=ja year=0\nbook: 羅生門 | 芥川龍之介 | 0 min | 羅生門 — 読書ガイド(中学生向け)\nsynopsis: 荒れ果てた羅生門の下で、下人が雨やみを待っている。\nsection: 登場人物\n  definitions: 下人 = 主人から暇を出された若い男。 | 老婆 = 死人の髪を抜いている。\nsection: あらすじ\n  paragraph: 下人は門の下で雨やみを待つ。\n",
		},
		{
			name: "Hindi: the author's name and year under the title; पात्र and प्रश्न are the characters and the questions",
			in:   "गोदान\nप्रेमचंद (1936)\n\nहोरी एक गरीब किसान है।\n\nपात्र\n\nहोरी — एक गरीब किसान\nधनिया — होरी की पत्नी\n\nप्रश्न\n\n1. होरी गाय क्यों खरीदना चाहता है?\n2. धनिया का चरित्र कैसा है?\n",
			want: "lang=hi year=1936\nbook: गोदान | प्रेमचंद | 0 min | गोदान — A Study Guide\nsynopsis: होरी एक गरीब किसान है।\nsection: पात्र\n  definitions: होरी = एक गरीब किसान | धनिया = होरी की पत्नी\nsection: प्रश्न\n  list: from 1: होरी गाय क्यों खरीदना चाहता है? | धनिया का चरित्र कैसा है?\n",
		},
		{
			name: "an outline set tight, each level indented: the roman headings are sections, the indented points a list, deeper points their sublists (not every line a heading)",
			in:   "Great Expectations\nby Charles Dickens\n\nAn outline for a survey course.\n\nI. Background\n   A. Publication\n      1. Serialised weekly in All the Year Round\n      2. Dickens changed the ending\n   B. Setting\n      1. The Kent marshes\n\nII. The Third Stage\n   A. Magwitch returns\n   B. The escape by river fails\n",
			want: "lang=en year=0\nbook: Great Expectations | Charles Dickens | 0 min | Great Expectations — A Study Guide\nsynopsis: An outline for a survey course.\nsection: I. Background\n  list: from A: Publication (Serialised weekly in All the Year Round; Dickens changed the ending) | Setting (The Kent marshes)\nsection: II. The Third Stage\n  list: from A: Magwitch returns | The escape by river fails\n",
		},
		{
			name: "a numbered quote of verse without quotation marks: the lines set tight under it are its lines, the bracketed line after them its source, not its explanation",
			in:   "Romeo and Juliet\nby William Shakespeare\n\nImportant Quotations Explained\n\n1. But, soft! what light through yonder window breaks?\nIt is the east, and Juliet is the sun.\nArise, fair sun, and kill the envious moon,\n(II.ii.2–5)\n\nExplanation: Romeo sees Juliet at her window.\n\n2. \"A plague o' both your houses!\" — Mercutio, Act 3, Scene 1\n\nExplanation: Dying, Mercutio curses both families.\n",
			want: "lang=en year=0\nbook: Romeo and Juliet | William Shakespeare | 0 min | Romeo and Juliet — A Study Guide\nquote: But, soft! what light through yonder window breaks? / It is the east, and Juliet is the sun. / Arise, fair sun, and kill the envious moon, — II.ii.2–5\n  explanation: Romeo sees Juliet at her window.\nquote: A plague o’ both your houses! — Mercutio, Act 3, Scene 1\n  explanation: Dying, Mercutio curses both families.\n",
		},
		{
			name: "lines lettered in lower case from a. are an ordered list, and under a numbered question its sublist",
			in:   "Marianela\nde Benito Pérez Galdós\n\nActividades\n\na. Escribe una carta de la Nela a Pablo.\nb. Busca en el mapa la zona minera de Cantabria.\n\nPreguntas\n\n1. ¿Por qué la Nela se cree inútil?\n   a. ¿Qué le dice la Señana?\n   b. ¿Qué le dice Pablo?\n2. ¿Qué significa para Pablo la belleza?\n",
			want: "lang=es year=0\nbook: Marianela | Benito Pérez Galdós | 0 min | Marianela — Guía de estudio\nsection: Actividades\n  list: from a: Escribe una carta de la Nela a Pablo. | Busca en el mapa la zona minera de Cantabria.\nsection: Preguntas\n  list: from 1: ¿Por qué la Nela se cree inútil? (a. ¿Qué le dice la Señana?; b. ¿Qué le dice Pablo?) | ¿Qué significa para Pablo la belleza?\n",
		},
		{
			name: "Arabic: a by-line تأليف: with an unknown author, a guide's name for whom it is for, and the known section names",
			in:   "ألف ليلة وليلة\nتأليف: مجهول\n\nدليل دراسي للمرحلة الثانوية\n\nحكايات ترويها شهرزاد للملك شهريار.\n\nالشخصيات\n\nشهرزاد: ابنة الوزير، راوية الحكايات.\nشهريار: الملك الذي يقتل زوجاته.\n\nأسئلة للنقاش\n\n1. لماذا تروي شهرزاد الحكايات؟\n2. كيف يتغير شهريار؟\n",
			want: "lang=ar year=0\nbook: ألف ليلة وليلة | مجهول | 0 min | ألف ليلة وليلة — دليل دراسي للمرحلة الثانوية\nsynopsis: حكايات ترويها شهرزاد للملك شهريار.\nsection: الشخصيات\n  definitions: شهرزاد = ابنة الوزير، راوية الحكايات. | شهريار = الملك الذي يقتل زوجاته.\nsection: أسئلة للنقاش\n  list: from 1: لماذا تروي شهرزاد الحكايات؟ | كيف يتغير شهريار؟\n",
		},
		{
			name: "Hebrew: a by-line מאת, a guide's name for its class, characters and questions",
			in:   "מגילת רות\nמאת מחבר אלמוני\n\nמדריך לימוד לכיתה י'\n\nרות המואבייה הולכת עם נעמי לבית לחם.\n\nדמויות\n\nרות: כלתה של נעמי.\nנעמי: אשת אלימלך.\n\nשאלות לדיון\n\n1. מדוע נשארת רות עם נעמי?\n2. מה תפקידו של בועז?\n",
			want: "lang=he year=0\nbook: מגילת רות | אלמוני | 0 min | מגילת רות — מדריך לימוד לכיתה י'\nsynopsis: רות המואבייה הולכת עם נעמי לבית לחם.\nsection: דמויות\n  definitions: רות = כלתה של נעמי. | נעמי = אשת אלימלך.\nsection: שאלות לדיון\n  list: from 1: מדוע נשארת רות עם נעמי? | מה תפקידו של בועז?\n",
		},
		{
			name: "a LitCharts-style paste: theme names over their paragraphs, quotes under a \"Quote #1\" line with Related/Page lines and an \"Explanation and Analysis:\" label (not a file with few blank lines, every line a heading)",
			in:   "The Scarlet Pimpernel\nby Baroness Orczy\n\nTHEMES\n\nIdentity and Disguise\nSir Percy hides the Pimpernel behind the mask of a foolish dandy.\n\nLove and Trust\nMarguerite and Percy’s marriage nearly fails because each believes the other has stopped loving.\n\nQUOTES\n\nQuote #1\n\"They seek him here, they seek him there.\"\nRelated Characters: Sir Percy Blakeney\nPage Number: 99\nExplanation and Analysis: Percy's rhyme hides the truth in plain sight.\n\nQuote #2\n\"Sink me!\"\nRelated Characters: Sir Percy Blakeney\nPage Number: 40\nExplanation and Analysis: The fop's oath, not the hero's.\n",
			want: "lang=en year=0\nbook: The Scarlet Pimpernel | Baroness Orczy | 0 min | The Scarlet Pimpernel — A Study Guide\nquote: They seek him here, they seek him there.\n  explanation: Related Characters: Sir Percy Blakeney\n  explanation: Page Number: 99\n  explanation: Percy’s rhyme hides the truth in plain sight.\nquote: Sink me!\n  explanation: Related Characters: Sir Percy Blakeney\n  explanation: Page Number: 40\n  explanation: The fop’s oath, not the hero’s.\nsection: THEMES\n  section: Identity and Disguise\n    paragraph: Sir Percy hides the Pimpernel behind the mask of a foolish dandy.\n  section: Love and Trust\n    paragraph: Marguerite and Percy’s marriage nearly fails because each believes the other has stopped loving.\n",
		},
		{
			name: "a handout pasted from a word processor: o, § and Symbol-font bullets, a heading in capitals right over its bullets, numbered vocabulary with dashes as definitions",
			in:   "Anne of Green Gables\nby L. M. Montgomery\n\nThis is the handout that the class will use with the novel, and it is for the students who have read the first chapters.\n\nBEFORE READING\no\tFind Prince Edward Island on a map.\no\tWhat do you know about orphans?\no\tHave you ever had a second chance?\n\nDURING READING\n\u00a7\tKeep a list of the big words Anne uses.\n\u00a7\tNote each time Anne gets into a scrape.\n\nJOURNAL PROMPTS\n\uf0b7\tWrite about a time you spoke before thinking.\n\uf0b7\tRename a place in your town.\n\nVOCABULARY\n1. scrape \u2013 a difficult situation\n2. kindred spirit \u2013 a person who shares your feelings\n",
			want: "lang=en year=0\nbook: Anne of Green Gables | L. M. Montgomery | 0 min | Anne of Green Gables — A Study Guide\nsynopsis: This is the handout that the class will use with the novel, and it is for the students who have read the first chapters.\nsection: BEFORE READING\n  list: bullets: Find Prince Edward Island on a map. | What do you know about orphans? | Have you ever had a second chance?\nsection: DURING READING\n  list: bullets: Keep a list of the big words Anne uses. | Note each time Anne gets into a scrape.\nsection: JOURNAL PROMPTS\n  list: bullets: Write about a time you spoke before thinking. | Rename a place in your town.\nsection: VOCABULARY\n  definitions: scrape = a difficult situation | kindred spirit = a person who shares your feelings\n",
		},
		{
			name: "\"Summary: …\" opening a paragraph under each chapter labels it; the label of a known part is no speaker, and the text no verse",
			in:   "Black Beauty\nby Anna Sewell\n\nCHAPTER I: My Early Home\n\nSummary: Beauty lives in a meadow with his mother, who tells him never to bite or kick.\n\nCHAPTER II: The Hunt\n\nSummary: The colts watch a hare hunt; a young man is thrown and killed.\n",
			want: "lang=en year=0\nbook: Black Beauty | Anna Sewell | 0 min | Black Beauty — A Study Guide\nsection: CHAPTER I: My Early Home\n  paragraph: Summary: Beauty lives in a meadow with his mother, who tells him never to bite or kick.\nsection: CHAPTER II: The Hunt\n  paragraph: Summary: The colts watch a hare hunt; a young man is thrown and killed.\n",
		},
		{
			name: "a guide that opens as a record, \"Title: X\" over \"Author: Y\": the label is no part of the book's title",
			in:   "Title: The War of the Worlds\nAuthor: H. G. Wells\n\nMartians land in Surrey.\n\nDiscussion Questions\n\n1. Why does Wells never name the narrator?\n2. What do the Martians show about empire?\n",
			want: "lang=en year=0\nbook: The War of the Worlds | H. G. Wells | 0 min | The War of the Worlds — A Study Guide\nsynopsis: Martians land in Surrey.\nsection: Discussion Questions\n  list: from 1: Why does Wells never name the narrator? | What do the Martians show about empire?\n",
		},
		{
			name: "chapter headings set tight between summaries pasted without blank lines are subsections; a sentence that goes on into \"Chapter 2 …\" is not",
			in:   "The Invisible Man\nby H. G. Wells\n\nChapter Summaries\nChapter 1 – The Strange Man's Arrival\nA stranger wrapped in bandages arrives at the Coach and Horses inn at Iping and asks for a fire.\nChapter 2 – Mr. Teddy Henfrey's First Impressions\nThe clock-jobber Teddy Henfrey is sent to mend the clock so that he can look at the stranger.\n\nThemes\n\nWells shows science without conscience. The village turns on the stranger,\nChapter 7 showing how fast a crowd forgets its manners when it is afraid of what it cannot see.\n",
			want: "lang=en year=0\nbook: The Invisible Man | H. G. Wells | 0 min | The Invisible Man — A Study Guide\nsection: Chapter Summaries\n  section: Chapter 1 – The Strange Man’s Arrival\n    paragraph: A stranger wrapped in bandages arrives at the Coach and Horses inn at Iping and asks for a fire.\n  section: Chapter 2 – Mr. Teddy Henfrey’s First Impressions\n    paragraph: The clock-jobber Teddy Henfrey is sent to mend the clock so that he can look at the stranger.\nsection: Themes\n  paragraph: Wells shows science without conscience. The village turns on the stranger,\n  paragraph: Chapter 7 showing how fast a crowd forgets its manners when it is afraid of what it cannot see.\n",
		},
		{
			name: "a paragraph's first line that stops on \"in\" goes on in the next, whatever its case: no heading over the rest",
			in:   "The Invisible Man\nby H. G. Wells\n\nThemes\n\nWells shows science without conscience, as we see in\nChapter 7 when the stranger is unmasked before the whole village\nof Iping, which turns against him in a single afternoon of panic.\n",
			want: "lang=en year=0\nbook: The Invisible Man | H. G. Wells | 0 min | The Invisible Man — A Study Guide\nsection: Themes\n  paragraph: Wells shows science without conscience, as we see in Chapter 7 when the stranger is unmasked before the whole village of Iping, which turns against him in a single afternoon of panic.\n",
		},
		{
			name: "a SparkNotes paste: \"Name -  description\" with the dash before a double space, and \"Explanation for Quotation #1 >>\" over each quote's commentary",
			in:   "Persuasion\nby Jane Austen\n\nCharacter List\n\nAnne Elliot -  The novel's heroine, gentle and overlooked.\nCaptain Wentworth -  A naval officer who once loved Anne.\nLady Russell -  Anne's godmother.\n\nImportant Quotations Explained\n\n1. \u201cYou pierce my soul. I am half agony, half hope.\u201d\n\nExplanation for Quotation #1 >>\n\nWentworth's letter breaks eight years of silence.\n\n2. \u201cAll the privilege I claim for my own sex is that of loving longest.\u201d\n\nExplanation for Quotation #2 >>\n\nAnne's words to Captain Harville.\n",
			want: "lang=en year=0\nbook: Persuasion | Jane Austen | 0 min | Persuasion — A Study Guide\nquote: You pierce my soul. I am half agony, half hope.\n  explanation: Wentworth’s letter breaks eight years of silence.\nquote: All the privilege I claim for my own sex is that of loving longest.\n  explanation: Anne’s words to Captain Harville.\nsection: Character List\n  definitions: Anne Elliot = The novel’s heroine, gentle and overlooked. | Captain Wentworth = A naval officer who once loved Anne. | Lady Russell = Anne’s godmother.\n",
		},
		{
			name: "a character whose name opens with an elision (\u2019Ntoni) is a term like the others: the bullets are definitions, not a list",
			in:   "I Malavoglia\ndi Giovanni Verga\n\nPersonaggi\n\n- Padron \u2019Ntoni: il capofamiglia, legato alla tradizione\n- \u2019Ntoni: il nipote, che vuole andarsene\n- Mena: la nipote, mite e rassegnata\n",
			opts: Options{Language: "it"},
			want: "lang=it year=0\nbook: I Malavoglia | Giovanni Verga | 0 min | I Malavoglia — Guida allo studio\nsection: Personaggi\n  definitions: Padron ’Ntoni = il capofamiglia, legato alla tradizione | ’Ntoni = il nipote, che vuole andarsene | Mena = la nipote, mite e rassegnata\n",
		},
		{
			name: "a quotation's source in square brackets after it (\"[Ch. 43]\") is its attribution, and the line no heading",
			in:   "Emma\nby Jane Austen\n\nKey Quotes\n\n\"Badly done, Emma!\" [Ch. 43]\n\n\"Silly things do cease to be silly,\" Emma thinks. [Volume 2, Chapter 13]\n\n\"There is no charm equal to tenderness of heart.\" (Volume 2, page 210)\n",
			want: "lang=en year=0\nbook: Emma | Jane Austen | 0 min | Emma — A Study Guide\nquote: Badly done, Emma! — Ch. 43\nquote: “Silly things do cease to be silly,” Emma thinks. — Volume 2, Chapter 13\nquote: There is no charm equal to tenderness of heart. — Volume 2, page 210\n",
		},
		{
			name: "a quiz named with the chapters it covers under the by-line is the handout's name (it was the synopsis)",
			in:   "The Call of the Wild\nby Jack London\n\nChapters 1–3 Quiz — Grade 7\n\nName: ________  Date: _____\n\nMultiple Choice\n\n1. Who sells Buck?\nA. Manuel\nB. Perrault\n\nAnswer Key\n\n1. A\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — Chapters 1–3 Quiz — Grade 7\nsection: Multiple Choice\n  list: from 1: Who sells Buck? (A. Manuel; B. Perrault)\nsection: Answer Key\n  list: from 1: A\n",
		},
		{
			name: "a quiz's name that is also a section's, under the by-line over another heading, is the handout's name (it was an empty section); over its own questions it is their section",
			in:   "The Call of the Wild\nby Jack London\n\nUnit Test\n\nTrue or False\n\n1. Buck was born in the Klondike.\n\nChapters 4–6 Quiz\n\n2. Who leads the team?\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — Unit Test\nsection: True or False\n  list: from 1: Buck was born in the Klondike.\nsection: Chapters 4–6 Quiz\n  list: from 2: Who leads the team?\n",
		},
		{
			name: "a title whose part after the dash names the guide's kind (\"Chapter Outline\") is a guide to the part before it (the book was \"Walden — Chapter Outline\")",
			in:   "Walden — Chapter Outline\nby Henry David Thoreau\n\nI. Economy\n   A. What a man needs\n   B. The cost of the cabin\n\nII. Reading\n   A. The classics\n",
			want: "lang=en year=0\nbook: Walden | Henry David Thoreau | 0 min | Walden — Chapter Outline\nsection: I. Economy\n  list: from A: What a man needs | The cost of the cabin\nsection: II. Reading\n  list: from A: The classics\n",
		},
		{
			name: "checkbox bullets (☐, ❏, ❑) as a literature circle's role sheet pastes them are list items (they were lines of verse)",
			in:   "Anne of the Island\nby L. M. Montgomery\n\nDiscussion Director\n☐ Write four questions for your group.\n☐ Lead the discussion.\n\nPassage Picker\n❏ Choose two passages to read aloud.\n❑ Explain why you chose each one.\n",
			want: "lang=en year=0\nbook: Anne of the Island | L. M. Montgomery | 0 min | Anne of the Island — A Study Guide\nsection: Discussion Director\n  list: bullets: Write four questions for your group. | Lead the discussion.\n  section: Passage Picker\n    list: bullets: Choose two passages to read aloud. | Explain why you chose each one.\n",
		},
		{
			name: "a heading set tight over a table of tab-separated columns is its heading (the heading and the rows were a verse passage), in a section of its own after questions",
			in:   "Huckleberry Finn\nby Mark Twain\n\nDiscussion Questions\n\n1. Why does Huck fake his death?\n2. What does the river mean to Jim?\n\nEssay Rubric\nCriteria\t4 – Excellent\t3 – Good\t1 – Poor\nThesis\tClear, arguable\tClear\tMissing\nEvidence\t3+ quotations\t2 quotations\tNone\n\nReading Schedule\nWeek\tChapters\tDue\n1\tChapters 1–7\tSept. 8\n2\tChapters 8–16\tSept. 15\n",
			want: "lang=en year=0\nbook: Huckleberry Finn | Mark Twain | 0 min | Huckleberry Finn — A Study Guide\nsection: Discussion Questions\n  list: from 1: Why does Huck fake his death? | What does the river mean to Jim?\nsection: Essay Rubric\n  table: Criteria | 4 – Excellent | 3 – Good | 1 – Poor / Thesis | Clear, arguable | Clear | Missing / Evidence | 3+ quotations | 2 quotations | None\nsection: Reading Schedule\n  table: Week | Chapters | Due / 1 | Chapters 1–7 | Sept. 8 / 2 | Chapters 8–16 | Sept. 15\n",
		},
		{
			name: "a sonnet set tight (its lines stopping mid-sentence) does not make the file one with few blank lines: it is a verse passage (each line was a heading or a paragraph)",
			in:   "Ozymandias\nby Percy Bysshe Shelley, 1818\n\nThe Poem\n\nI met a traveller from an antique land,\nWho said—\"Two vast and trunkless legs of stone\nStand in the desert. . . . Near them, on the sand,\nHalf sunk a shattered visage lies, whose frown,\nAnd wrinkled lip, and sneer of cold command,\nTell that its sculptor well those passions read\nWhich yet survive, stamped on these lifeless things,\nThe hand that mocked them, and the heart that fed;\nAnd on the pedestal, these words appear:\nMy name is Ozymandias, King of Kings;\nLook on my Works, ye Mighty, and despair!\nNothing beside remains. Round the decay\nOf that colossal Wreck, boundless and bare\nThe lone and level sands stretch far away.\"\n\nQuestions\n\n1. Who speaks the poem?\n2. Where is the volta?\n",
			want: "lang=en year=1818\nbook: Ozymandias | Percy Bysshe Shelley | 0 min | Ozymandias — A Study Guide\nsection: The Poem\n  verse: I met a traveller from an antique land, / Who said—“Two vast and trunkless legs of stone / Stand in the desert…. Near them, on the sand, / Half sunk a shattered visage lies, whose frown, / And wrinkled lip, and sneer of cold command, / Tell that its sculptor well those passions read / Which yet survive, stamped on these lifeless things, / The hand that mocked them, and the heart that fed; / And on the pedestal, these words appear: / My name is Ozymandias, King of Kings; / Look on my Works, ye Mighty, and despair! / Nothing beside remains. Round the decay / Of that colossal Wreck, boundless and bare / The lone and level sands stretch far away.”\nsection: Questions\n  list: from 1: Who speaks the poem? | Where is the volta?\n",
		},
		{
			name: "an author's name with the year after a dash (\"Guy de Maupassant — 1887\") is the author and the year (no author was found, the line and the guide's name were the synopsis)",
			in:   "Le Horla\nGuy de Maupassant — 1887\n\nFiche de lecture (classe de 4e)\n\nRésumé\n\nLe narrateur tient un journal et se sent épié par un être invisible.\n",
			opts: Options{Language: "fr"},
			want: "lang=fr year=1887\nbook: Le Horla | Guy de Maupassant | 0 min | Le Horla — Fiche de lecture (classe de 4e)\nsection: Résumé\n  paragraph: Le narrateur tient un journal et se sent épié par un être invisible.\n",
		},
		{
			name: "a play's speeches set with the speaker's name in a column of its own (\"ORSINO<gap>If music…\"), one line or more, are verse with its speaker (the name was run into the line, a one-line speech was a heading, one after a label's line a definition); \"Act 1, Scene 1\" alone over a short text is its heading (it and all up to the next heading were the synopsis); \"Scene-by-Scene Notes for Year 10\" under the author names the guide",
			in:   "Twelfth Night\nWilliam Shakespeare\n\nScene-by-Scene Notes for Year 10\n\nAct 1, Scene 1\nOrsino's palace. The Duke broods on his love for Olivia.\n\n\tORSINO  If music be the food of love, play on;\n\t        Give me excess of it, that, surfeiting,\n\t        The appetite may sicken, and so die.\n\nAct 1, Scene 5\nOlivia's house: Viola woos Olivia for Orsino.\n\n\tOLIVIA  Even so quickly may one catch the plague?\n\nAct 2, Scene 3\nLate-night revels: Sir Toby and Feste sing; Malvolio scolds them.\n\n\tSIR TOBY  Dost thou think, because thou art virtuous, there shall\n\t          be no more cakes and ale?\n",
			want: "lang=en year=0\nbook: Twelfth Night | William Shakespeare | 0 min | Twelfth Night — Scene-by-Scene Notes for Year 10\nsection: Act 1, Scene 1\n  paragraph: Orsino’s palace. The Duke broods on his love for Olivia.\n  verse: [ORSINO] If music be the food of love, play on; / Give me excess of it, that, surfeiting, / The appetite may sicken, and so die.\nsection: Act 1, Scene 5\n  paragraph: Olivia’s house: Viola woos Olivia for Orsino.\n  verse: [OLIVIA] Even so quickly may one catch the plague?\nsection: Act 2, Scene 3\n  paragraph: Late-night revels: Sir Toby and Feste sing; Malvolio scolds them.\n  verse: [SIR TOBY] Dost thou think, because thou art virtuous, there shall be no more cakes and ale?\n",
		},
		{
			name: "lines opening with an em dash and a space (\"— Marcela: …\"), as Portuguese, French and Russian handouts bullet them, are list items: characters' definitions, a list (they were paragraphs)",
			in:   "Memórias Póstumas de Brás Cubas\nMachado de Assis, 1881\n\nPersonagens\n— Brás Cubas: o defunto autor, narrador irônico.\n— Marcela: a cortesã que amou Brás.\n— Quincas Borba: amigo de infância, filósofo do Humanitismo.\n\nTemas\n— a vaidade\n— o acaso e a morte\n",
			opts: Options{Language: "pt"},
			want: "lang=pt year=1881\nbook: Memórias Póstumas de Brás Cubas | Machado de Assis | 0 min | Memórias Póstumas de Brás Cubas — Guia de estudo\nsection: Personagens\n  definitions: Brás Cubas = o defunto autor, narrador irônico. | Marcela = a cortesã que amou Brás. | Quincas Borba = amigo de infância, filósofo do Humanitismo.\nsection: Temas\n  list: bullets: a vaidade | o acaso e a morte\n",
		},
		{
			name: "a handout's spans of the book (\"Chapters 1–5\", \"Chapters 6–10\") each directly over its Vocabulary and Discussion Questions are sections holding them (the first span was the synopsis, the second an empty subsection of the questions before it)",
			in:   "Treasure Island\nby Robert Louis Stevenson\n\nChapters 1–5\n\nVocabulary\n\nbuccaneer – a pirate\ncutlass – a short sword\n\nDiscussion Questions\n\n1. Who is the old sea dog?\n2. What is the black spot?\n\nChapters 6–10\n\nVocabulary\n\nschooner – a sailing ship\nmutiny – a revolt against a captain\n\nDiscussion Questions\n\n3. Why does Jim hide in the apple barrel?\n",
			want: "lang=en year=0\nbook: Treasure Island | Robert Louis Stevenson | 0 min | Treasure Island — A Study Guide\nsection: Chapters 1–5\n  section: Vocabulary\n    definitions: buccaneer = a pirate | cutlass = a short sword\n  section: Discussion Questions\n    list: from 1: Who is the old sea dog? | What is the black spot?\nsection: Chapters 6–10\n  section: Vocabulary\n    definitions: schooner = a sailing ship | mutiny = a revolt against a captain\n  section: Discussion Questions\n    list: from 3: Why does Jim hide in the apple barrel?\n",
		},
		{
			name: "a handout's weeks (\"Week 1 — Book the First: …\") over its Vocabulary and Discussion Questions hold them as subsections, the next week never a definition of the words before it; a known section of another kind after them (Answer Key) is a section of its own",
			in:   "A Tale of Two Cities\nby Charles Dickens\n\nWeek 1 — Book the First: Recalled to Life\n\nVocabulary\n\ntumbril – a cart for the condemned\nfarrier – a person who shoes horses\n\nWeek 2 — Book the Second: The Golden Thread\n\nDiscussion Questions\n\n1. Why is Lucie called the golden thread?\n\nAnswer Key\n\n1. She binds her father to life.\n",
			want: "lang=en year=0\nbook: A Tale of Two Cities | Charles Dickens | 0 min | A Tale of Two Cities — A Study Guide\nsection: Week 1 — Book the First: Recalled to Life\n  section: Vocabulary\n    definitions: tumbril = a cart for the condemned | farrier = a person who shoes horses\nsection: Week 2 — Book the Second: The Golden Thread\n  section: Discussion Questions\n    list: from 1: Why is Lucie called the golden thread?\nsection: Answer Key\n  list: from 1: She binds her father to life.\n",
		},
		{
			name: "a study site's pages named for a story and labelled Summary or Analysis (\"“A Scandal in Bohemia” Summary\") after the character list are sections of their own, as \"Chapter 1 Summary\" is (they were the characters' subsections)",
			in:   "The Adventures of Sherlock Holmes\nby Arthur Conan Doyle\n\nCharacter List\n\nSherlock Holmes -  The consulting detective of Baker Street.\nDr. John Watson -  His friend and chronicler.\n\n\"A Scandal in Bohemia\" Summary\n\nThe King of Bohemia hires Holmes to recover a photograph from Irene Adler.\n\n\"A Scandal in Bohemia\" Analysis\n\nThe story is unusual because Holmes fails.\n\nThe Red-Headed League Summary\n\nJabez Wilson is paid to copy the encyclopedia while thieves tunnel into a bank.\n",
			want: "lang=en year=0\nbook: The Adventures of Sherlock Holmes | Arthur Conan Doyle | 0 min | The Adventures of Sherlock Holmes — A Study Guide\nsection: Character List\n  definitions: Sherlock Holmes = The consulting detective of Baker Street. | Dr. John Watson = His friend and chronicler.\nsection: “A Scandal in Bohemia” Summary\n  paragraph: The King of Bohemia hires Holmes to recover a photograph from Irene Adler.\nsection: “A Scandal in Bohemia” Analysis\n  paragraph: The story is unusual because Holmes fails.\nsection: The Red-Headed League Summary\n  paragraph: Jabez Wilson is paid to copy the encyclopedia while thieves tunnel into a bank.\n",
		},
		{
			name: "the line numbers an edition prints beside every fifth line of verse, after a run of spaces or a tab (\"…cold command,<spaces>5\"), are dropped and reported, in a poem and in a speech (they were kept as words of the line, \"command, 5\")",
			in:   "Ozymandias\nby Percy Bysshe Shelley, 1818\n\nThe Poem\n\nI met a traveller from an antique land,\nWho said—\"Two vast and trunkless legs of stone\nStand in the desert. . . . Near them, on the sand,\nHalf sunk a shattered visage lies, whose frown,\nAnd wrinkled lip, and sneer of cold command,                    5\nTell that its sculptor well those passions read\nWhich yet survive, stamped on these lifeless things,\nThe hand that mocked them, and the heart that fed;\nAnd on the pedestal, these words appear:\nMy name is Ozymandias, King of Kings;                              10\nLook on my Works, ye Mighty, and despair!\nNothing beside remains. Round the decay\nOf that colossal Wreck, boundless and bare\nThe lone and level sands stretch far away.\"\n\nAct 1, Scene 1\nOrsino's palace.\n\n\tORSINO  If music be the food of love, play on;\n\t        Give me excess of it, that, surfeiting,\n\t        The appetite may sicken, and so die.                5\n",
			want: "lang=en year=1818\nbook: Ozymandias | Percy Bysshe Shelley | 0 min | Ozymandias — A Study Guide\nsection: The Poem\n  verse: I met a traveller from an antique land, / Who said—“Two vast and trunkless legs of stone / Stand in the desert…. Near them, on the sand, / Half sunk a shattered visage lies, whose frown, / And wrinkled lip, and sneer of cold command, / Tell that its sculptor well those passions read / Which yet survive, stamped on these lifeless things, / The hand that mocked them, and the heart that fed; / And on the pedestal, these words appear: / My name is Ozymandias, King of Kings; / Look on my Works, ye Mighty, and despair! / Nothing beside remains. Round the decay / Of that colossal Wreck, boundless and bare / The lone and level sands stretch far away.”\nsection: Act 1, Scene 1\n  paragraph: Orsino’s palace.\n  verse: [ORSINO] If music be the food of love, play on; / Give me excess of it, that, surfeiting, / The appetite may sicken, and so die.\n",
		},
		{
			name: "running heads and page footers pasted with a page's text (\"MOBY-DICK NOTES<spaces>3\" on every page, \"… Unit Packet<TAB>Page 5\") are dropped as page residue (they were headings that moved the chapters out of their section)",
			in:   "Moby-Dick\nby Herman Melville\n\nChapter Summaries\n\nChapters 1–9: Ishmael Goes to Sea\n\nIshmael signs on to a whaling voyage and befriends Queequeg.\n\nMOBY-DICK NOTES                                   3\n\nChapters 10–23: The Pequod\n\nIshmael and Queequeg sign on to the Pequod.\n\nMOBY-DICK NOTES                                   4\n\nEssay Topics\n\n1. Is Ahab a tragic hero?\n\nMoby-Dick Unit Packet\tPage 5\n",
			want: "lang=en year=0\nbook: Moby-Dick | Herman Melville | 0 min | Moby-Dick — A Study Guide\nsection: Chapter Summaries\n  section: Chapters 1–9: Ishmael Goes to Sea\n    paragraph: Ishmael signs on to a whaling voyage and befriends Queequeg.\n  section: Chapters 10–23: The Pequod\n    paragraph: Ishmael and Queequeg sign on to the Pequod.\nsection: Essay Topics\n  list: from 1: Is Ahab a tragic hero?\n",
		},
		{
			name: "a true-or-false quiz's questions with the marks to circle in columns after them (\"1. Enrico…<gap>V<gap>F\") are a list, not a table headed by the first; \"Domande aperte\" (open questions) is a section of questions; an answer key on one line (\"Soluzioni: 1 F – 2 V – 3 F\") is the key's section and its answers (it was a heading, the answers its title)",
			in:   "Cuore\ndi Edmondo De Amicis\n\nVero o falso\n1. Enrico frequenta la terza elementare.            V   F\n2. Garrone è il ragazzo più forte della classe.      V   F\n3. Franti è il migliore amico di Enrico.             V   F\n\nDomande aperte\n4) Chi scrive le lettere che chiudono ogni mese del diario?\n5) Racconta con parole tue «Il piccolo patriota padovano».\n\nSoluzioni: 1 F – 2 V – 3 F\n",
			opts: Options{Language: "it"},
			want: "lang=it year=0\nbook: Cuore | Edmondo De Amicis | 0 min | Cuore — Guida allo studio\nsection: Vero o falso\n  list: from 1: Enrico frequenta la terza elementare. V F | Garrone è il ragazzo più forte della classe. V F | Franti è il migliore amico di Enrico. V F\nsection: Domande aperte\n  list: from 4: Chi scrive le lettere che chiudono ogni mese del diario? | Racconta con parole tue «Il piccolo patriota padovano».\nsection: Soluzioni\n  paragraph: 1 F – 2 V – 3 F\n",
		},
		{
			name: "in a section of characters, a name alone on its line set tight over a short description is its heading, as over a long one (the names and descriptions were a verse passage inside the character before)",
			in:   "The Call of the Wild\nby Jack London\n\nCharacter Analysis\n\nBuck\nA powerful St. Bernard and Scotch shepherd mix who is stolen from his home and becomes the leader of a wolf pack.\n\nJohn Thornton\nThe gold hunter who rescues Buck from Hal.\n\nSpitz\nThe lead dog of the team and Buck's bitter rival.\n",
			want: "lang=en year=0\nbook: The Call of the Wild | Jack London | 0 min | The Call of the Wild — A Study Guide\nsection: Character Analysis\n  section: Buck\n    paragraph: A powerful St. Bernard and Scotch shepherd mix who is stolen from his home and becomes the leader of a wolf pack.\n  section: John Thornton\n    paragraph: The gold hunter who rescues Buck from Hal.\n  section: Spitz\n    paragraph: The lead dog of the team and Buck’s bitter rival.\n",
		},
		{
			name: "parts of the book numbered in words, as Spanish, French, Italian and Portuguese guides number them (\"Tratado primero: …\", \"Tratado segundo\", \"Capítulo primero\"), are parts of the book: the first was the synopsis with its text, the second a subsection of the questions",
			in:   "Lazarillo de Tormes\nAnónimo\n\nGuía de lectura — 3.º de ESO\n\nTratado primero: Lázaro y el ciego\nLázaro cuenta su niñez junto al río Tormes y cómo su madre lo entrega a un ciego.\n\nPreguntas\n1) ¿Qué aprende Lázaro del toro de piedra?\n\nTratado segundo: Lázaro y el clérigo\nEl clérigo de Maqueda es aún más avaro que el ciego; Lázaro pasa hambre.\n",
			opts: Options{Language: "es"},
			want: "lang=es year=0\nbook: Lazarillo de Tormes | Anónimo | 0 min | Lazarillo de Tormes — Guía de lectura — 3.º de ESO\nsection: Tratado primero: Lázaro y el ciego\n  paragraph: Lázaro cuenta su niñez junto al río Tormes y cómo su madre lo entrega a un ciego.\nsection: Preguntas\n  list: from 1: ¿Qué aprende Lázaro del toro de piedra?\nsection: Tratado segundo: Lázaro y el clérigo\n  paragraph: El clérigo de Maqueda es aún más avaro que el ciego; Lázaro pasa hambre.\n",
		},
		{
			name: "a handout's blanks to fill in (\"Date: ________\", \"Chapters read: ________\") are text of their section, never a heading (the date is a field of the form set tight with the other, not page residue)",
			in:   "Anne of the Island\nby L. M. Montgomery\n\nGroup Meeting Notes\nDate: ________\nChapters read: ________\n\nAssessment\nRoles are graded with this checklist:\n- Completed role sheet (5 pts)\n- Participated in discussion (5 pts)\n",
			want: "lang=en year=0\nbook: Anne of the Island | L. M. Montgomery | 0 min | Anne of the Island — A Study Guide\nsection: Group Meeting Notes\n  paragraph: Date: ________\n  paragraph: Chapters read: ________\nsection: Assessment\n  paragraph: Roles are graded with this checklist:\n  list: bullets: Completed role sheet (5 pts) | Participated in discussion (5 pts)\n",
		},
	}
	checkReadings(t, tests)
}
