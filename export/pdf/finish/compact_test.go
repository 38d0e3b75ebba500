package finish

import (
	"bytes"
	"testing"
)

// TestCompactTextFallback: a content stream that does not read as fpdf's
// text lines is left exactly as it was.
func TestCompactTextFallback(t *testing.T) {
	for _, src := range []string{
		"q 0.1 g BT 1.00 2.00 Td (unterminated\n",
		"q 0.1 g BT 1.0 2.00 Td (x) Tj ET Q\n", // not %.2f
		"BT 1.00 2.00 Td (x) Tj ET\n",          // text before any font
		"BT /Fabc 11.00 Tf\n",                  // font line cut short
	} {
		if got := compactText(nil, []byte(src)); !bytes.Equal(got, []byte(src)) {
			t.Errorf("compactText(%q) = %q, want it unchanged", src, got)
		}
	}
	src := "BT /Fa 11.00 Tf ET\nq 0.102 g BT 91.58 737.72 Td (a\\)b) Tj ET Q\nq 0.102 g BT 91.58 722.32 Td (c) Tj ET Q\n1 2 3 4 re f\nBT 10.00 20.00 Td (d) Tj ET\n"
	want := "q BT\n/Fa 11.00 Tf\n0.102 g\n91.58 737.72 Td\n(a\\)b)Tj\n0 -15.4 Td\n(c)Tj\nET Q\n1 2 3 4 re f\nq BT\n/Fa 11.00 Tf\n10 20 Td\n(d)Tj\nET Q\n"
	if got := string(compactText(nil, []byte(src))); got != want {
		t.Errorf("compactText:\n%s\nwant:\n%s", got, want)
	}
	// Marks raised onto their letters: arrays after "TJ <rise> Ts".
	src = "BT /Fa 11.00 Tf ET\nBT 1.00 2.00 Td [(a)-5] TJ 2.49 Ts [(b\\))] TJ -0.08 Ts [3(c)] TJ 0 Ts [] TJ ET\n"
	want = "q BT\n/Fa 11.00 Tf\n1 2 Td\n[(a)-5] TJ 2.49 Ts [(b\\))] TJ -0.08 Ts [3(c)] TJ 0 Ts []TJ\nET Q\n"
	if got := string(compactText(nil, []byte(src))); got != want {
		t.Errorf("compactText:\n%s\nwant:\n%s", got, want)
	}
	src = "BT /Fa 11.00 Tf ET\nBT 1.00 2.00 Td [(a)] TJ 2.49 Tz [(b)] TJ ET\n"
	if got := string(compactText(nil, []byte(src))); got != src {
		t.Errorf("compactText(%q) = %q, want it unchanged", src, got)
	}
}
