package finish

import "testing"

// TestIndirectAnnots: each link annotation fpdf writes inline becomes an
// object with its parent-tree key and its description, referred to from
// the page. A description in printable ASCII is a literal string (it was
// UTF-16 hex, four digits a letter: 82 MB of the 265 MB of object streams
// of 4 MiB of one-line sections); any other is hex.
func TestIndirectAnnots(t *testing.T) {
	const page = "<</Type /Page\n/Annots [<</Type /Annot /Subtype /Link /Rect [1 2 3 4]>><</Type /Annot /Subtype /Link /Rect [5 6 7 8]>>]\n/Contents 4 0 R>>"
	var b annotBufs
	for _, c := range []struct {
		contents []string
		want     [2]string
	}{
		{[]string{"Themes 497", `a (b\`}, [2]string{
			"<</StructParent 7 /Contents (Themes 497) /Type /Annot /Subtype /Link /Rect [1 2 3 4]>>",
			`<</StructParent 8 /Contents (a \(b\\) /Type /Annot /Subtype /Link /Rect [5 6 7 8]>>`}},
		{[]string{"Zoë", ""}, [2]string{
			"<</StructParent 7 /Contents <FEFF005A006F00EB> /Type /Annot /Subtype /Link /Rect [1 2 3 4]>>",
			"<</StructParent 8 /Type /Annot /Subtype /Link /Rect [5 6 7 8]>>"}},
	} {
		dict, objs, err := b.indirect([]byte(page), 20, 7, c.contents)
		if err != nil {
			t.Fatal(err)
		}
		if want := "<</Type /Page\n/Annots [20 0 R 21 0 R]\n/Contents 4 0 R>>"; string(dict) != want {
			t.Errorf("page:\n got %s\nwant %s", dict, want)
		}
		if len(objs) != 2 || string(objs[0]) != c.want[0] || string(objs[1]) != c.want[1] {
			t.Errorf("annotations of %q:\n got %q\nwant %q", c.contents, objs, c.want)
		}
	}
}
