package plaintext

import "testing"

// TestGuideCredit: a line under the by-line that credits the guide's own
// author gives the guide (never the book) its author, and is no text of
// the guide (it was the synopsis).
func TestGuideCredit(t *testing.T) {
	for _, c := range []struct{ in, author, book, synopsis string }{
		{"Emma\nby Jane Austen\n\nStudy guide prepared by Mrs. Alvarez\n\nEmma meddles.\n\nThemes\n\nMarriage.\n", "Mrs. Alvarez", "Jane Austen", "Emma meddles."},
		{"Emma\nby Jane Austen\nTeacher: Mr. Okafor\nTeacher Notes\n\nEmma meddles.\n\nThemes\n\nMarriage.\n", "Mr. Okafor", "Jane Austen", "Emma meddles."},
		{"Marianela\nde Benito Pérez Galdós\n\nElaborado por: Departamento de Lengua\n\nPablo es ciego.\n\nTemas\n\nLa belleza.\n", "Departamento de Lengua", "Benito Pérez Galdós", "Pablo es ciego."},
		{"Emma\nby Jane Austen\n\nTeacher Notes\n\nEmma meddles.\n\nThemes\n\nMarriage.\n", "", "Jane Austen", "Emma meddles."},
	} {
		g, err := Parse(c.in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		syn := ""
		if len(g.Synopsis) > 0 {
			syn = g.Synopsis[0].Plain()
		}
		if g.Author != c.author || g.Book.Author != c.book || syn != c.synopsis || len(g.Synopsis) != 1 {
			t.Errorf("%q: guide author %q, book author %q, synopsis %q; want %q, %q, %q", c.in, g.Author, g.Book.Author, g.Synopsis, c.author, c.book, c.synopsis)
		}
		if lost := lostText(c.in, g); len(lost) > 0 {
			t.Errorf("lost %q", lost)
		}
	}
}
