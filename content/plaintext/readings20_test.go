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
	})
}
