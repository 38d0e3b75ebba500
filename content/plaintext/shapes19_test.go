package plaintext

import "testing"

// TestReadingsShapes19: shapes met writing new guides in session 19; each
// case failed before its fix.
func TestReadingsShapes19(t *testing.T) {
	const top = "An Ideal Husband\nby Oscar Wilde\n\nAct One\n\n"
	checkReadings(t, []reading{
		{
			name: "a speaker named with a title and its stop (\"MRS. CHEVELEY.\") is one name (it was MRS saying \"CHEVELEY. Sir…\")",
			in:   top + "MRS. CHEVELEY. Sir Robert, I will be quite frank with you.\nSIR ROBERT CHILTERN. [Rising.] You must be mad.\nDR. RANK. Yes, quite mad.\n",
			want: "lang=en year=0\nbook: An Ideal Husband | Oscar Wilde | 0 min | An Ideal Husband — A Study Guide\nsection: Act One\n" +
				"  verse: [MRS. CHEVELEY] Sir Robert, I will be quite frank with you.\n  verse: [SIR ROBERT CHILTERN] [Rising.] You must be mad.\n  verse: [DR. RANK] Yes, quite mad.\n",
		},
		{
			name: "a title's stop, then a colon (\"MR. HARDCASTLE: Ay…\")",
			in:   "She Stoops to Conquer\nby Oliver Goldsmith\n\nAct One\n\nMR. HARDCASTLE: Ay, I love everything that is old.\nMRS. HARDCASTLE: And I hate it.\n",
			want: "lang=en year=0\nbook: She Stoops to Conquer | Oliver Goldsmith | 0 min | She Stoops to Conquer — A Study Guide\nsection: Act One\n" +
				"  verse: [MR. HARDCASTLE] Ay, I love everything that is old.\n  verse: [MRS. HARDCASTLE] And I hate it.\n",
		},
		{
			name: "points indented under the last of a run of letters are its sublist (they were a list after the letters)",
			in:   "The Red Badge of Courage\nby Stephen Crane\n\nII. The First Engagement\n   A. Henry fights in the line\n   B. The second charge\n      1. Henry flees\n      2. He justifies his flight\n",
			want: "lang=en year=0\nbook: The Red Badge of Courage | Stephen Crane | 0 min | The Red Badge of Courage — A Study Guide\nsection: II. The First Engagement\n  list: from A: Henry fights in the line | The second charge (Henry flees; He justifies his flight)\n",
		},
		{
			name: "the letters go on after the points (C and D were a list of their own, lettered A and B)",
			in:   "The Red Badge of Courage\nby Stephen Crane\n\nIII. The Wound\n   A. The tattered soldier\n   B. Jim Conklin's death\n      1. \"Leave me be—don't tech me—leave me be—\"\n   C. Henry is struck\n   D. Wilson takes him in\n",
			want: "lang=en year=0\nbook: The Red Badge of Courage | Stephen Crane | 0 min | The Red Badge of Courage — A Study Guide\nsection: III. The Wound\n  list: from A: The tattered soldier | Jim Conklin’s death (“Leave me be—don’t tech me—leave me be—”) | Henry is struck | Wilson takes him in\n",
		},
		{
			name: "a line wholly in parentheses is a note, not a heading, as one in square brackets (it was a subsection)",
			in:   "An Ideal Husband\nby Oscar Wilde\n\nSong of the Footman\n\n(sung in the 1999 staging; not in the text)\n\nWhen the lamps are lit in Grosvenor Square,\nAnd the carriages wait in the rain,\n",
			want: "lang=en year=0\nbook: An Ideal Husband | Oscar Wilde | 0 min | An Ideal Husband — A Study Guide\nsection: Song of the Footman\n" +
				"  paragraph: (sung in the 1999 staging; not in the text)\n  verse: When the lamps are lit in Grosvenor Square, / And the carriages wait in the rain,\n",
		},
	})
}
