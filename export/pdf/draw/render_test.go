package draw

import (
	"testing"
)

func TestTextStrings(t *testing.T) {
	if got := UTF16BE("A😀"); got != "\xfe\xff\x00A\xd8\x3d\xde\x00" {
		t.Errorf("utf16be = %q", got)
	}
	if got := cesu8("é😀"); got != "é\xed\xa0\xbd\xed\xb8\x80" {
		t.Errorf("cesu8 = %q", got)
	}
}
