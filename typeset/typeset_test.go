package typeset

import (
	"slices"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/guidepress/guidepress/fonts"
)

// nominalWidth is the sum of the characters' own advances: the width
// before kerning.
func nominalWidth(f Face, s string) int32 {
	var w int32
	for _, r := range s {
		w += f.Advance(f.Glyph(r))
	}
	return w
}

func TestKerning(t *testing.T) {
	for _, tc := range []struct {
		fam  fonts.Family
		st   fonts.Style
		text string
	}{
		{fonts.Literata, fonts.Regular, "AV"},
		{fonts.Literata, fonts.Regular, "LT"},
		{fonts.Literata, fonts.Italic, "AV"},
		{fonts.Literata, fonts.Regular, "P."},
		{fonts.Literata, fonts.Bold, "AV"},
		{fonts.Atkinson, fonts.Regular, "To"}, // Literata does not kern To
		{fonts.Atkinson, fonts.Italic, "Te"},
		{fonts.Atkinson, fonts.Bold, "AV"},
	} {
		f := FaceOf(tc.fam, tc.st)
		gs, _, _ := Text(tc.text, tc.fam, tc.st)
		if len(gs) != 2 {
			t.Fatalf("%s %q: %d glyphs, want 2", f, tc.text, len(gs))
		}
		if got, plain := Width(gs), nominalWidth(f, tc.text); got >= plain {
			t.Errorf("%s %q: width %d, not kerned below the advances' sum %d", f, tc.text, got, plain)
		}
		// The kerning sits on the first glyph: the second keeps its advance.
		if gs[1].Advance != f.Advance(gs[1].ID) {
			t.Errorf("%s %q: second glyph's advance %d, want %d", f, tc.text, gs[1].Advance, f.Advance(gs[1].ID))
		}
	}
	// No kerning pair: the widths add up.
	if gs, _, _ := Text("mm", fonts.Literata, fonts.Regular); Width(gs) != nominalWidth(FaceOf(fonts.Literata, fonts.Regular), "mm") {
		t.Errorf("mm: width %d, want the advances' sum", Width(gs))
	}
}

func TestLigatures(t *testing.T) {
	for _, tc := range []struct {
		fam   fonts.Family
		text  string
		runes []int32 // Runes of each glyph
	}{
		{fonts.Literata, "fi", []int32{2}},
		{fonts.Literata, "office", []int32{1, 3, 1, 1}},
		{fonts.Literata, "flat", []int32{2, 1, 1}},
		{fonts.Literata, "fox", []int32{1, 1, 1}},
		{fonts.Atkinson, "fi", []int32{1, 1}}, // Atkinson has no ligatures
	} {
		gs, text, _ := Text(tc.text, tc.fam, fonts.Regular)
		var runes []int32
		for _, g := range gs {
			runes = append(runes, g.Runes)
		}
		if !slices.Equal(runes, tc.runes) {
			t.Errorf("%s %q: glyphs' rune counts %v, want %v", tc.fam.Name(), tc.text, runes, tc.runes)
		}
		// The clusters give the text back.
		var back []rune
		for _, g := range gs {
			back = append(back, text[g.Start:g.Start+g.Runes]...)
		}
		if string(back) != tc.text {
			t.Errorf("%q: clusters give back %q", tc.text, string(back))
		}
	}
	lig, _, _ := Text("fi", fonts.Literata, fonts.Regular)
	f := FaceOf(fonts.Literata, fonts.Regular)
	if lig[0].ID == f.Glyph('f') {
		t.Errorf("fi: drawn with f's glyph, not a ligature")
	}
}

func TestPick(t *testing.T) {
	for _, tc := range []struct {
		fam  fonts.Family
		st   fonts.Style
		r    rune
		want fonts.Family
	}{
		{fonts.Literata, fonts.Regular, 'a', fonts.Literata},
		{fonts.Atkinson, fonts.Bold, 'λ', fonts.NotoSans},    // Atkinson has no Greek
		{fonts.Literata, fonts.Regular, 'λ', fonts.Literata}, // Literata has
		{fonts.Literata, fonts.Regular, '→', fonts.Symbols},  // preferred over Literata's small arrows
		{fonts.Literata, fonts.Italic, '★', fonts.Symbols2},
	} {
		f, ok := Pick(tc.fam, tc.st, tc.r)
		if !ok || f.Family != tc.want {
			t.Errorf("Pick(%s, %s, %q) = %s, %v; want %s", tc.fam.Name(), tc.st, tc.r, f, ok, tc.want.Name())
		}
		if !f.Has(tc.r) {
			t.Errorf("Pick(%q) chose %s, which lacks it", tc.r, f)
		}
	}
	// Whatever the families, a pick that succeeds has the character.
	for _, r := range []rune{'א', 'ب', '😀', '日', 'ж'} {
		if f, ok := Pick(fonts.Literata, fonts.Regular, r); ok && !f.Has(r) {
			t.Errorf("Pick(%q) = %s, which lacks it", r, f)
		}
	}
	// Symbols2 has one style: every style folds onto it.
	if f := FaceOf(fonts.Symbols2, fonts.BoldItalic); f.Style != fonts.Regular {
		t.Errorf("FaceOf(Symbols2, BoldItalic) = %s", f)
	}
	if f := FaceOf(fonts.Symbols, fonts.BoldItalic); f.Style != fonts.Bold {
		t.Errorf("FaceOf(Symbols, BoldItalic) = %s", f)
	}
}

func TestLevels(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // one digit per character
	}{
		{"plain text", ""},
		{"ab אבג cd", "000111000"},
		{"אבג ab", "111122"},
		{"אב 12", "11122"},
		{"ab (גד) ef", "0000110000"},
	} {
		rs := []rune(tc.text)
		lv := Levels(rs)
		got := ""
		for _, l := range lv {
			got += string(rune('0' + l))
		}
		if got != tc.want {
			t.Errorf("Levels(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestReorder(t *testing.T) {
	for _, tc := range []struct {
		text, levels, want string
	}{
		{"abcXYZd", "0001110", "abcZYXd"},
		{"XYab", "1122", "abYX"},    // an RTL paragraph with an LTR word
		{"XY12Z", "11221", "Z12YX"}, // numbers in RTL stay left to right
		{"abc", "000", "abc"},
	} {
		line := []rune(tc.text)
		lv := []byte(tc.levels)
		type item struct {
			r rune
			l uint8
		}
		its := make([]item, len(line))
		for i := range line {
			its[i] = item{line[i], lv[i] - '0'}
		}
		Reorder(its, func(it *item) uint8 { return it.l })
		got := ""
		for _, it := range its {
			got += string(it.r)
		}
		if got != tc.want {
			t.Errorf("Reorder(%q, %s) = %q, want %q", tc.text, tc.levels, got, tc.want)
		}
	}
}

// TestMixedDirection shapes a sentence with a Hebrew word: the glyphs
// come in logical order, and Visual draws the Hebrew letters right to
// left.
func TestMixedDirection(t *testing.T) {
	text := []rune("say שלום now")
	levels := Levels(text)
	faces := make([]Face, len(text))
	for i, r := range text {
		faces[i] = FaceOf(fonts.Literata, fonts.Regular)
		if f, ok := Pick(fonts.Literata, fonts.Regular, r); ok {
			faces[i] = f
		}
	}
	gs := Paragraph(text, faces, levels)
	var starts []int32
	for _, g := range gs {
		starts = append(starts, g.Start)
	}
	if !slices.IsSorted(starts) {
		t.Errorf("glyphs not in logical order: %v", starts)
	}
	var vis []int32
	for _, g := range Visual(gs) {
		vis = append(vis, g.Start)
	}
	want := []int32{0, 1, 2, 3, 7, 6, 5, 4, 8, 9, 10, 11}
	if !slices.Equal(vis, want) {
		t.Errorf("visual order %v, want %v", vis, want)
	}
}

func TestBreaks(t *testing.T) {
	if b := Breaks([]rune("A plain English sentence – with dashes.")); b != nil {
		t.Errorf("Latin text: breaks %v, want nil (the caller's rules)", b)
	}
	text := []rune("日本語の本")
	b := Breaks(text)
	if b == nil || !b[1] || !b[2] {
		t.Errorf("Japanese: breaks %v, want between ideographs", b)
	}
	text = []rune("שלום עולם")
	b = Breaks(text)
	if b == nil || !b[5] || b[2] {
		t.Errorf("Hebrew: breaks %v, want after the space only", b)
	}
}

// TestArabicJoining needs a face with Arabic letters: the letters of a
// word take their joining forms, not the isolated ones of the character
// map.
func TestArabicJoining(t *testing.T) {
	f, ok := Pick(fonts.Literata, fonts.Regular, 'ب')
	if !ok {
		t.Skip("no embedded face has Arabic letters")
	}
	gs, text, missing := Text("بيت", fonts.Literata, fonts.Regular)
	if len(missing) > 0 || len(gs) == 0 {
		t.Fatalf("Arabic word: %d glyphs, missing %q", len(gs), missing)
	}
	contextual := 0
	for _, g := range gs {
		if g.Runes == 1 && g.ID != f.Glyph(text[g.Start]) {
			contextual++
		}
		if !g.RTL() {
			t.Errorf("Arabic glyph at level %d", g.Level)
		}
	}
	if contextual == 0 {
		t.Errorf("no Arabic letter took a joining form")
	}
}

func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	want, _, _ := Text("Affinity flows To Waves", fonts.Literata, fonts.Italic)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				gs, _, _ := Text("Affinity flows To Waves", fonts.Literata, fonts.Italic)
				if !slices.Equal(gs, want) {
					t.Error("shaping differs between goroutines")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"office AV", "שלום world", "日本語", "a\u0301b", "👍🏽 x", "(אב) [cd]", "र्कि क्षि है।"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, st uint8) {
		if !utf8.ValidString(s) || len(s) > 200 {
			return
		}
		gs, text, _ := Text(s, fonts.Family(st%2), fonts.Style(st/2%4))
		n := int32(0)
		for _, g := range gs {
			if g.Start < 0 || int(g.Start+g.Runes) > len(text) {
				t.Fatalf("glyph %+v outside the text (%d characters)", g, len(text))
			}
			n += g.Runes
		}
		if int(n) != len(text) {
			t.Fatalf("clusters cover %d of %d characters", n, len(text))
		}
		_ = Visual(gs)
		_ = Breaks(text)
	})
}

// TestDevanagariClusters: Devanagari is shaped (conjuncts, the i-sign
// drawn before its consonant, the reph after), and every glyph of a
// cluster stands for a stretch of its characters, in the order the
// glyphs are drawn (spread), so that the glyphs' texts read in drawing
// order give the word as typed and no glyph is left without text (which
// a PDF would have to cover with /ActualText).
func TestDevanagariClusters(t *testing.T) {
	deva := FaceOf(fonts.Devanagari, fonts.Regular)
	for _, tc := range []struct {
		word   string
		glyphs int    // how many glyphs HarfBuzz draws
		first  string // the text of the first glyph
		check  func(gs []Glyph) string
	}{
		{"कि", 2, "क", func(gs []Glyph) string {
			if gs[0].ID == deva.Glyph('क') || gs[1].ID != deva.Glyph('क') {
				return "the i-sign is not drawn before ka"
			}
			return ""
		}},
		{"क्ष", 1, "क्ष", nil},   // a conjunct: one glyph
		{"प्रेम", 3, "प्र", nil}, // pra, then the e-sign, then ma
		{"धर्म", 3, "ध", func(gs []Glyph) string {
			if gs[2].ID == deva.Glyph('र') {
				return "र् is not a reph"
			}
			return ""
		}},
		{"र्कि", 3, "र्", nil}, // i-sign, ka, reph: three glyphs for four characters
		{"स्त्री", 3, "स्", nil},
		{"है।", 3, "ह", nil}, // the danda in the Devanagari face
	} {
		gs, text, missing := Text(tc.word, fonts.Literata, fonts.Regular)
		if len(missing) > 0 {
			t.Errorf("%s: missing %q", tc.word, missing)
			continue
		}
		got := ""
		for _, g := range gs {
			if g.Face != deva || g.ID == 0 {
				t.Errorf("%s: glyph %d of %s", tc.word, g.ID, g.Face)
			}
			if g.Runes == 0 {
				t.Errorf("%s: a glyph stands for no character: %+v", tc.word, gs)
			}
			got += string(text[g.Start : g.Start+g.Runes])
		}
		if got != tc.word {
			t.Errorf("%s: the glyphs' texts in drawing order read %q", tc.word, got)
		}
		if len(gs) != tc.glyphs {
			t.Errorf("%s: %d glyphs, want %d", tc.word, len(gs), tc.glyphs)
			continue
		}
		if f := string(text[gs[0].Start : gs[0].Start+gs[0].Runes]); f != tc.first {
			t.Errorf("%s: first glyph stands for %q, want %q", tc.word, f, tc.first)
		}
		if tc.check != nil {
			if msg := tc.check(gs); msg != "" {
				t.Errorf("%s: %s", tc.word, msg)
			}
		}
	}
	// Lines break after a space and after a danda, never inside a word.
	b := Breaks([]rune("यह उपन्यास है।फिर"))
	var at []int
	for i, ok := range b {
		if ok {
			at = append(at, i)
		}
	}
	if !slices.Equal(at, []int{3, 11, 14}) {
		t.Errorf("Devanagari breaks before %v, want after the spaces and the danda (3, 11, 14)", at)
	}
}

// TestDandaStaysInScript: the danda, shared by the scripts of India,
// is drawn in the face of the letters before it (each draws it to match
// them), and in Noto Sans Devanagari, the first that has it, after
// Latin text.
func TestDandaStaysInScript(t *testing.T) {
	for _, tc := range []struct {
		text string
		fam  fonts.Family
	}{
		{"বলে।", fonts.Bengali},
		{"ਹੈ।", fonts.Gurmukhi},
		{"है।", fonts.Devanagari},
		{"Latin।", fonts.Devanagari},
	} {
		gs, text, missing := Text(tc.text, fonts.Literata, fonts.Regular)
		if len(missing) > 0 || len(gs) == 0 {
			t.Fatalf("%s: missing %q", tc.text, missing)
		}
		last := gs[len(gs)-1]
		if text[last.Start] != '।' || last.Face.Family != tc.fam {
			t.Errorf("%s: the danda is drawn in %s, want %s", tc.text, last.Face, tc.fam.Name())
		}
	}
}

// TestCursorSameGlyphs: a paragraph shaped a stretch at a time (Cursor,
// stretches of any length) gives the glyphs AppendParagraph gives it
// whole: each word shaped in the script of the words before it in its
// stretch of one face and level (digits after Devanagari or Arabic),
// faces and levels changing inside a stretch, runs of spaces.
func TestCursorSameGlyphs(t *testing.T) {
	texts := []string{
		"A plain English sentence – with dashes, office ﬁles and affine offloads.",
		"नमस्ते दुनिया 123 456, कि प्रेम र्म and then 789 in Latin.",
		"say שלום עולם 42 now, and مرحبا بالعالم ١٢٣ 99 then back.",
		"Ελληνικά 12 ☞ ⚘   spaces   and   日本語の本 33",
		"oneverylongwordwithoutanyspaceatallthatgoesonandon",
		"   leading and trailing   ",
	}
	for _, s := range texts {
		text := []rune(s)
		faces := make([]Face, len(text))
		for i, r := range text {
			faces[i] = FaceOf(fonts.Literata, fonts.Regular)
			if f, ok := Pick(fonts.Literata, fonts.Regular, r); ok {
				faces[i] = f
			}
		}
		levels := Levels(text)
		want := AppendParagraph(nil, text, faces, levels)
		for _, n := range []int{0, 1, 2, 5, 11, len(text)} { // 0 as 1: at least a word or a space
			c := NewCursor(text, faces, levels)
			var got []Glyph
			for k := 0; !c.Done(); k++ {
				if k > len(text) {
					t.Fatalf("%q, %d at a time: no end", s, n)
				}
				got = c.Next(got, n)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q, %d characters at a time:\n%v\nwhole:\n%v", s, n, got, want)
			}
		}
	}
}
