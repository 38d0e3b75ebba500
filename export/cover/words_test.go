package cover

import (
	"strings"
	"testing"

	"golang.org/x/image/math/fixed"

	"github.com/guidepress/guidepress/fonts"
)

// A one-word title must shrink to fit on its line rather than be split
// mid-word ("Franke / nstein" was seen on the example's cover).
func TestFitShrinksBeforeSplittingWords(t *testing.T) {
	w := fixed.I(Width - 2*150)
	for _, title := range []string{"Frankenstein", "Middlemarch", "Wuthering Heights", "The Count of Monte Cristo"} {
		b := fit(title, fonts.Bold, 88, 230, 8, w, fixed.I(1200-240), 1.12)
		if !keepsWords(title, b.lines) {
			t.Errorf("%q was split mid-word: %q", title, strings.Join(b.lines, " | "))
		}
	}
	// A word too long for the line even at the smallest size is still
	// broken rather than overflowing.
	long := strings.Repeat("x", 120)
	b := fit(long, fonts.Bold, 88, 230, 8, w, fixed.I(1200-240), 1.12)
	for _, l := range b.lines {
		if b.sh.width(l) > w {
			t.Errorf("line %q overflows", l)
		}
	}
}
