package fontembed

import (
	"fmt"
	"strings"
	"testing"
)

// TestToUnicodeMap: each CID up to the highest character is that
// character, but for the low CIDs given to glyph texts once the numbers
// above it ran out; those above it stand for the other texts in order;
// blocks hold at most 100 entries.
func TestToUnicodeMap(t *testing.T) {
	m := string(toUnicodeMap(0x2013, []string{"fi", "\u05E9\u05C1"}, []lowCID{{5, "x"}, {6, "ff"}, {9, "\U0001F33E"}}))
	for _, want := range []string{
		"3 beginbfrange\n<0000> <0004> <0000>\n<0007> <0008> <0007>\n<000A> <2013> <000A>\nendbfrange\n",
		"5 beginbfchar\n<0005> <0078>\n<0006> <00660066>\n<0009> <D83CDF3E>\n<2014> <00660069>\n<2015> <05E905C1>\nendbfchar\n",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("the map lacks\n%s\nin\n%s", want, m)
		}
	}
	// Without low CIDs, one range; many others, blocks of 100.
	others := make([]string, 250)
	for i := range others {
		others[i] = fmt.Sprint(i)
	}
	m = string(toUnicodeMap(0x7E, others, nil))
	if !strings.Contains(m, "1 beginbfrange\n<0000> <007E> <0000>\nendbfrange\n") {
		t.Errorf("one range expected:\n%s", m)
	}
	if got := strings.Count(m, "beginbfchar"); got != 3 || !strings.Contains(m, "50 beginbfchar\n") {
		t.Errorf("%d bfchar blocks, want 100 + 100 + 50", got)
	}
}
