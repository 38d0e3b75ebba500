package vocab

import "testing"

// TestClassLineOfThreeParts: a class line of three parts, the teacher
// first, last or between the class's parts, and a unit of the course
// among them ("Unit 4"), as a handout's header runs; each was read as the
// guide's synopsis, the teacher lost.
func TestClassLineOfThreeParts(t *testing.T) {
	for _, c := range []struct{ in, class, teacher string }{
		{"English 12 · Ms. Alvarez · Period 3", "English 12 · Period 3", "Ms. Alvarez"},
		{"Ms. Alvarez · English 12 · Unit 4", "English 12 · Unit 4", "Ms. Alvarez"},
		{"English 12 | Dr. Chen | Unit 2", "English 12 | Unit 2", "Dr. Chen"},
		{"English 12, Unit 4", "English 12, Unit 4", ""},
		{"Chapter 10 · Mr. Hyde · Unit 4", "", ""}, // no class named: as before
		{"Period 3 · the Socs · Unit 4", "", ""},
	} {
		class, teacher, ok := ClassLine(c.in)
		if ok != (c.class != "") || class != c.class || teacher != c.teacher {
			t.Errorf("ClassLine(%q) = %q, %q, %v; want %q, %q", c.in, class, teacher, ok, c.class, c.teacher)
		}
	}
}
