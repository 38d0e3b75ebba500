package plaintext

import "testing"

// TestReadings18 has one case per misreading session 18 fixed in the
// plain-text reader; each failed before its fix (the outline ends with the
// guide's warnings).
func TestReadings18(t *testing.T) {
	tests := []struct {
		name, in, want string
		opts           Options
	}{
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkOutline(t, tt.in, tt.opts, tt.want) })
	}
}
