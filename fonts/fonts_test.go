package fonts

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
)

// allFamilies lists every family, so that a new one is tested without
// being named here.
func allFamilies() []Family {
	var fs []Family
	for f := range Family(Count) {
		fs = append(fs, f)
	}
	return fs
}

func TestEveryFaceIsTrueTypeAndParses(t *testing.T) {
	for _, f := range allFamilies() {
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
			// OS/2 fsType 0: installable embedding, which the PDF's
			// subsets need (bit 1, restricted licence, would forbid it).
			if ft, ok := fsType(b); !ok || ft != 0 {
				t.Errorf("%s %s: OS/2 fsType %#x (read: %v), want 0 (installable)", f.Name(), s, ft, ok)
			}
		}
		if !bytes.Contains(License(f), []byte("SIL Open Font License")) {
			t.Errorf("%s ships without its OFL text", f.Name())
		}
	}
}

type pickCase struct {
	primary Family
	style   Style
	r       rune
	want    Family
	ok      bool
}

func checkPicks(t *testing.T, name string, pick func(Family, Style, rune) (Family, bool), tests []pickCase) {
	t.Helper()
	for _, tt := range tests {
		got, ok := pick(tt.primary, tt.style, tt.r)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s(%s, %s, %q) = %s, %v; want %s, %v", name, tt.primary.Name(), tt.style, tt.r, got.Name(), ok, tt.want.Name(), tt.ok)
		}
	}
}

func TestCoverage(t *testing.T) {
	checkPicks(t, "Pick", Pick, []pickCase{
		{Literata, Regular, 'é', Literata, true},
		{Literata, Regular, 'Ω', Literata, true}, // Literata covers Greek
		{Literata, Regular, 'Ж', Literata, true}, // and Cyrillic
		{Literata, Regular, '—', Literata, true},
		{Atkinson, Regular, 'λ', NotoSans, true}, // Atkinson Next has no Greek letters (Ω only as a symbol)
		{Literata, Regular, '⏱', Symbols2, true},
		{Literata, Regular, '★', Symbols2, true},
		// Pick, for character-by-character layout, never takes a script
		// family: unshaped Hebrew would print reversed, Arabic unjoined.
		{Literata, Regular, 'א', Literata, false},
		{Literata, Regular, 'ب', Literata, false},
		{Literata, Regular, '😀', Literata, false},
		{Literata, Regular, 'क', Literata, false}, // unshaped Devanagari would misplace its vowel signs
	})
}

func TestPickShaped(t *testing.T) {
	checkPicks(t, "PickShaped", PickShaped, []pickCase{
		{Literata, Regular, 'é', Literata, true},
		{Atkinson, Bold, 'λ', NotoSans, true},
		{Literata, Regular, '★', Symbols2, true}, // not an emoji by default: Symbols2, as before
		{Literata, Regular, '→', Literata, true},
		{Literata, Regular, 'א', Hebrew, true},
		{Literata, Italic, 'ש', Hebrew, true}, // upright: there is no italic
		{Atkinson, Bold, 'ﬠ', Hebrew, true},   // presentation form
		{Literata, Regular, 'ب', Arabic, true},
		{Literata, Regular, '،', Arabic, true}, // Arabic comma
		{Literata, Regular, '۳', Arabic, true}, // Extended Arabic-Indic digit
		{Atkinson, BoldItalic, 'ﻻ', Arabic, true},
		{Literata, Regular, '😀', Emoji, true},
		{Atkinson, Bold, '📚', Emoji, true},    // Symbols2 has it too, text-style
		{Literata, Regular, '🫠', Emoji, true}, // Emoji 14
		{Literata, Regular, '☕', Emoji, true}, // BMP, emoji presentation: not Symbols2's
		{Literata, Regular, '⭐', Emoji, true},
		{Literata, Regular, '⏱', Symbols2, true}, // text presentation
		{Literata, Regular, '✓', Symbols2, true},
		{Literata, Regular, 'क', Devanagari, true},
		{Atkinson, Bold, 'ि', Devanagari, true},         // a vowel sign, reordered by the shaper
		{Literata, Italic, '।', Devanagari, true},       // the danda: upright, no italic
		{Literata, Regular, '९', Devanagari, true},      // Devanagari digit
		{Literata, Regular, '\u0951', Devanagari, true}, // Vedic stress mark, shared with other Indic scripts
		{Literata, Regular, '₹', Literata, true},        // the rupee sign: Literata's own
		{Literata, Regular, 'ক', Bengali, true},
		{Literata, Regular, '৳', Bengali, true}, // the taka sign
		{Atkinson, Bold, 'ਸ', Gurmukhi, true},
		{Literata, Regular, 'ગ', Gujarati, true},
		{Literata, Italic, 'த', Tamil, true},
		{Literata, Regular, '\u0964', Devanagari, true}, // the danda alone: the first face that has it
		{Literata, Regular, 'ఆ', Literata, false},       // Telugu: not embedded (README)
		{Literata, Regular, 'ก', Literata, false},       // Thai: not embedded (README)
		{Literata, Regular, '中', Literata, false},       // CJK: see README, "Fonts and scripts"
		{Literata, Regular, 'ᚠ', Literata, false},
	})
	for _, f := range allFamilies() {
		if f.Scripted() != (f >= Hebrew) {
			t.Errorf("%s.Scripted() = %v", f.Name(), f.Scripted())
		}
	}
}

// TestScriptFamiliesWeights: a bold run draws the script family's bold
// file, an italic one its regular (no italic exists, and none is
// synthesised).
func TestScriptFamiliesWeights(t *testing.T) {
	for _, sf := range Scripts {
		f := sf.Family
		if !f.Scripted() {
			t.Errorf("%s in Scripts but not Scripted", f.Name())
		}
		reg, bold := Bytes(f, Regular), Bytes(f, Bold)
		if &reg[0] == &bold[0] {
			t.Errorf("%s: Bold is the Regular file", f.Name())
		}
		if &Bytes(f, Italic)[0] != &reg[0] || &Bytes(f, BoldItalic)[0] != &bold[0] {
			t.Errorf("%s: italic styles are not the upright files", f.Name())
		}
		if len(sf.Script) != 4 {
			t.Errorf("%s: script code %q is not ISO 15924", f.Name(), sf.Script)
		}
	}
}

// fsType is the OS/2 table's embedding-permission field.
func fsType(font []byte) (uint16, bool) {
	be := binary.BigEndian
	if len(font) < 12 {
		return 0, false
	}
	n := int(be.Uint16(font[4:]))
	for i := range n {
		if 12+16*(i+1) > len(font) {
			return 0, false
		}
		e := font[12+16*i:]
		if string(e[:4]) == "OS/2" {
			off := int(be.Uint32(e[8:]))
			if off+10 > len(font) {
				return 0, false
			}
			return be.Uint16(font[off+8:]), true
		}
	}
	return 0, false
}

// TestBytesArePaths: each face's embedded variable holds the file Path
// names.
func TestBytesArePaths(t *testing.T) {
	for _, f := range allFamilies() {
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

func TestPrefersEmoji(t *testing.T) {
	for r, want := range map[rune]bool{
		'☕': true, '⭐': true, '✅': true, '⌚': true, '😀': true, '🇫': true,
		'⏱': false, '★': false, '✓': false, '❤': false, 'A': false, '©': false, 'א': false,
	} {
		if got := PrefersEmoji(r); got != want {
			t.Errorf("PrefersEmoji(%q) = %v, want %v", r, got, want)
		}
	}
}

func TestAdvice(t *testing.T) {
	for _, sc := range []string{"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "Thai", "Khmer", "Telugu", "Sinhala"} {
		if a := Advice(sc); !strings.Contains(a, "transliteration") {
			t.Errorf("Advice(%q) = %q: no way out", sc, a)
		}
	}
	for _, sc := range []string{"Latin", "Hebrew", "Devanagari", "Bengali", "Tamil", ""} {
		if a := Advice(sc); a != "" {
			t.Errorf("Advice(%q) = %q, want none", sc, a)
		}
	}
}
