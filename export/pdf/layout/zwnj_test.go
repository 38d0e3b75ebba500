package layout

import (
	"strings"
	"testing"

	"github.com/guidepress/guidepress/fonts"
)

// TestZeroWidthNonJoiner: a ZWNJ between two Arabic-script letters keeps
// them from joining (Persian "می‌گوید", "he says", is drawn as two
// shapes: the ی takes its final form, not its medial one, and the گ its
// initial form), and it stays in the text, so that a reader copying it
// gets the word as typed. Where no face has one (Latin text), it is
// dropped, not drawn as □.
func TestZeroWidthNonJoiner(t *testing.T) {
	sh := &shaper{rep: newReporter()}
	shape := func(s string, fam fonts.Family) []glyph {
		t.Helper()
		gs, err := sh.shape(plain(s), fam, 11, "test")
		if err != nil {
			t.Fatal(err)
		}
		return gs
	}
	gid := func(gs []glyph, r rune) uint16 {
		t.Helper()
		for _, g := range gs {
			if g.r == r {
				return g.GID
			}
		}
		t.Fatalf("no glyph for %U", r)
		return 0
	}
	joined, apart := shape("میگوید", fonts.Literata), shape("می\u200cگوید", fonts.Literata)
	if gid(joined, 'ی') == gid(apart, 'ی') {
		t.Errorf("ی before a ZWNJ has the glyph it has joined to گ (%d)", gid(apart, 'ی'))
	}
	if gid(joined, 'گ') == gid(apart, 'گ') {
		t.Errorf("گ after a ZWNJ has the glyph it has joined to ی (%d)", gid(apart, 'گ'))
	}
	if got := textOf(apart); got != "می\u200cگوید" {
		t.Errorf("text = %q, want the ZWNJ kept", got)
	}
	latin := shape("Auf\u200clage", fonts.Literata)
	if got := textOf(latin); got != "Auflage" && got != "Auf\u200clage" {
		t.Errorf("Latin text with a ZWNJ = %q", got)
	}
	if strings.ContainsRune(textOf(latin), Replacement) || len(sh.rep.order) > 0 {
		t.Errorf("a ZWNJ in Latin text was reported or drawn as %q", Replacement)
	}
}
