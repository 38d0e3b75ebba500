package plaintext

import "testing"

// TestReadings19 has one case per misreading session 19 fixed in the
// plain-text reader; each failed before its fix.
func TestReadings19(t *testing.T) {
	const top = "Pride and Prejudice\nby Jane Austen\n\nNotes\n\n"
	const table = "| Name | Who |\n| Elizabeth Bennet | the second daughter |\n| Fitzwilliam Darcy | a proud gentleman |\n"
	const head = "lang=en year=0\nbook: Pride and Prejudice | Jane Austen | 0 min | Pride and Prejudice — A Study Guide\nsection: Notes\n"
	const rows = "  table: Name | Who / Elizabeth Bennet | the second daughter / Fitzwilliam Darcy | a proud gentleman"
	checkReadings(t, []reading{
		{
			name: "a source line under a table (\"— the narrator\") is its caption, kept as typed, as Markdown reads it (it was a list of one item, \"the narrator\", its dash lost)",
			in:   top + table + "\n— the narrator\n\nThe Bennets have five daughters.\n",
			want: head + rows + " / caption: — the narrator\n  paragraph: The Bennets have five daughters.\n",
			note: "read the line under the table as its caption (its source)",
		},
		{
			name: "set tight under the table, in brackets",
			in:   top + table + "(Volume 1, Chapter 3)\n",
			want: head + rows + " / caption: (Volume 1, Chapter 3)\n",
			note: "as its caption",
		},
		{
			name: "a list in dashes under a table stays a list",
			in:   top + table + "\n— Elizabeth, the heroine\n— Darcy, the hero\n",
			want: head + rows + "\n  list: bullets: Elizabeth, the heroine | Darcy, the hero\n",
		},
	})
}
