package markdown

import (
	"strings"
	"testing"
)

// TestTableExtraCells: a table row with more cells than its header row
// warns on its line, naming the text Markdown leaves out (GFM drops a
// row's cells past the header's, and their text was lost without a word),
// most often a "|" typed in a cell's text or code; a row of as many cells
// or fewer, or with the "|" escaped, does not.
func TestTableExtraCells(t *testing.T) {
	const head = "# Emma\nby Jane Austen\n\n## Summary\n\n| A | B |\n|---|---|\n"
	for _, tc := range []struct {
		name, rows string
		line       int
		left       string // the text named as left out; "" for no warning
	}{
		{"a cell too many", "| one | two | three |\n", 8, `"three"`},
		{"two too many, on the second row", "| one | two |\n| x | y | z | w |\n", 9, `"z | w"`},
		{"a bar in code splits it", "| `a | b` | pipes |\n", 8, `"pipes"`},
		{"no outer bars", "one | two | three\n", 8, `"three"`},
		{"as many cells", "| one | two |\n", 0, ""},
		{"fewer cells", "| one |\n", 0, ""},
		{"an escaped bar", "| a \\| b | two |\n", 0, ""},
		{"an escaped bar at the end", "| one | two \\|\n", 0, ""},
	} {
		g := parseValid(t, head+tc.rows)
		var got []string
		for _, d := range g.Diagnostics {
			if strings.Contains(d.Message, "table row has") {
				got = append(got, d.Message)
				if d.Line != tc.line {
					t.Errorf("%s: warned on line %d, want %d", tc.name, d.Line, tc.line)
				}
			}
		}
		switch {
		case tc.left == "" && len(got) > 0:
			t.Errorf("%s: warned %q", tc.name, got)
		case tc.left != "" && (len(got) != 1 || !strings.Contains(got[0], tc.left) || !strings.Contains(got[0], `\|`)):
			t.Errorf("%s: warnings %q, want one naming %s and the fix", tc.name, got, tc.left)
		}
	}
}
