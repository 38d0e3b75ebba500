package fontembed

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/fonts"
)

// runOf is text drawn in face fc, a glyph a character.
func runOf(fc layout.Face, text string, space bool) layout.Run {
	r := layout.Run{Face: fc, Size: 10, Text: text, Space: space}
	for _, c := range text {
		r.Glyphs = append(r.Glyphs, layout.DrawnGlyph{R: c, GID: layout.Single(fc, c, 10).GID, N: 1})
	}
	return r
}

// TestUsesRollback: the glyphs gathered after a Checkpoint are forgotten
// by Rollback, the fonts made the same as if they had never been given
// (a part of a streamed layout flowed again gives its pages anew,
// layout.PlanPages): the same faces, glyphs, CIDs and ToUnicode map. What
// was given before it stays, and a character given after the rollback
// that only the forgotten pages drew (its glyph known by character,
// byRune) is embedded.
func TestUsesRollback(t *testing.T) {
	reg, bold := layout.NewFace(fonts.Literata, fonts.Regular), layout.NewFace(fonts.Atkinson, fonts.Bold)
	before := []layout.Run{runOf(reg, "Page one", true)}
	for _, tc := range []struct {
		name          string
		forgot, after []layout.Run
	}{
		{"a new face", []layout.Run{runOf(bold, "Heading", false)}, []layout.Run{runOf(reg, "one", false)}},
		{"a new face, met again after", []layout.Run{runOf(bold, "Heading", false)}, []layout.Run{runOf(bold, "He", false)}},
		{"new characters, given again after", []layout.Run{runOf(reg, "xyz 7501", true)}, []layout.Run{runOf(reg, "xy", false)}},
		{"characters known before", []layout.Run{runOf(reg, "one", false)}, nil},
		{"nothing after", []layout.Run{runOf(reg, "Qq", false), runOf(bold, "Q", true)}, nil},
	} {
		var fresh, rolled Uses
		fresh.Runs(before)
		fresh.Runs(tc.after)
		rolled.Runs(before)
		rolled.Checkpoint()
		rolled.Runs(tc.forgot)
		rolled.Rollback()
		rolled.Runs(tc.after)
		want, wantMap, err := fresh.Faces()
		if err != nil {
			t.Fatal(err)
		}
		got, gotMap, err := rolled.Faces()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) || !bytes.Equal(gotMap, wantMap) {
			t.Errorf("%s: rolled back, %d faces; never given, %d: the fonts differ", tc.name, len(got), len(want))
		}
	}
}
