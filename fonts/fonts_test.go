package fonts

import (
	"bytes"
	"os"
	"testing"
)

func TestEveryFaceIsTrueTypeAndParses(t *testing.T) {
	for _, f := range []Family{Literata, Atkinson, NotoSans, Symbols2, Symbols} {
		for _, s := range []Style{Regular, Italic, Bold, BoldItalic} {
			b := Bytes(f, s)
			// fpdf reads only glyf-outline TrueType (sfnt version 0x00010000);
			// CFF .otf fails there silently (FONTS.md, problem 1).
			if !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) {
				t.Errorf("%s %s is not TrueType", f.Name(), s)
			}
			if Parsed(f, s).NumGlyphs() < 10 {
				t.Errorf("%s %s has too few glyphs", f.Name(), s)
			}
		}
		if !bytes.Contains(License(f), []byte("SIL Open Font License")) {
			t.Errorf("%s ships without its OFL text", f.Name())
		}
	}
}

func TestCoverage(t *testing.T) {
	tests := []struct {
		primary Family
		r       rune
		want    Family
		ok      bool
	}{
		{Literata, 'é', Literata, true},
		{Literata, 'Ω', Literata, true}, // Literata covers Greek
		{Literata, 'Ж', Literata, true}, // and Cyrillic
		{Literata, '—', Literata, true},
		{Atkinson, 'λ', NotoSans, true}, // Atkinson Next has no Greek letters (Ω only as a symbol)
		{Literata, '⏱', Symbols2, true},
		{Literata, '★', Symbols2, true},
		{Literata, 'א', Literata, false}, // no embedded face has Hebrew
		{Literata, '😀', Literata, false},
	}
	for _, tt := range tests {
		got, ok := Pick(tt.primary, Regular, tt.r)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Pick(%s, %q) = %s, %v; want %s, %v", tt.primary.Name(), tt.r, got.Name(), ok, tt.want.Name(), tt.ok)
		}
	}
}

// TestBytesArePaths: each face's embedded variable holds the file Path
// names.
func TestBytesArePaths(t *testing.T) {
	for _, f := range []Family{Literata, Atkinson, NotoSans, Symbols2, Symbols} {
		for _, s := range []Style{Regular, Italic, Bold, BoldItalic} {
			want, err := os.ReadFile(Path(f, s))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(Bytes(f, s), want) {
				t.Errorf("%s %s: embedded bytes are not %s", f.Name(), s, Path(f, s))
			}
		}
	}
}
