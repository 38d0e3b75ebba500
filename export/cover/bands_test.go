package cover

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"hash/adler32"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/templates/labels"
)

// wholePNG is PNG without the kept bands: the cover drawn whole and
// compressed in one pass, as it was before bands.go.
func wholePNG(t *testing.T, g *content.Guide) []byte {
	t.Helper()
	c := newCanvas()
	if err := c.render(g); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := encodeRows(&b, palette(Default), Width, Height, func(y int) []byte { return c.rows[y] }); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func forgetBands() {
	bands.mu.Lock()
	bands.m = nil
	bands.mu.Unlock()
}

// PNG gives the same bytes whether it draws the label and the reading
// time or reuses their bands: first use, reuse, in every label language,
// with and without a reading time, and for guides sharing one part only.
func TestPNGBandsSameBytes(t *testing.T) {
	forgetBands()
	defer forgetBands()
	var gs []*content.Guide
	for _, lang := range []string{"en", "fr", "de", "ar", "he"} {
		for _, name := range []string{"nlmg", "short"} {
			g := *cases[name]
			g.Language = lang
			gs = append(gs, &g)
		}
	}
	r := rand.New(rand.NewPCG(16, 8))
	for i := range 6 {
		// Random titles and authors sharing a few reading times.
		gs = append(gs, guide(fmt.Sprintf("Title %d %x", i, r.Uint64()), fmt.Sprintf("Author %x", r.Uint32()), r.IntN(3)*10))
	}
	want := make([][]byte, len(gs))
	for i, g := range gs {
		want[i] = wholePNG(t, g)
	}
	for round := range 2 {
		for i, g := range gs {
			got, err := PNG(g)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want[i]) {
				t.Fatalf("round %d, guide %d (%q, %s, %d min): PNG differs from the cover compressed whole", round, i, g.Book.Title, g.Language, g.ReadingMinutes)
			}
		}
	}
	// Every one of these covers can use the bands (else PNG would draw
	// it whole, and the test above would pass without reusing any).
	for i, g := range gs {
		c := newCanvas()
		touched, err := c.renderParts(TextFor(g), [parts]bool{true, true, true})
		if err != nil {
			t.Fatal(err)
		}
		want := [parts]bool{labelPart: true, readingPart: g.ReadingMinutes > 0}
		if got := c.splits(touched, [parts]*band{}); got != want {
			t.Errorf("guide %d (%q, %d min): splits = %v, want %v", i, g.Book.Title, g.ReadingMinutes, got, want)
		}
	}
	bands.mu.Lock()
	n := len(bands.m)
	bands.mu.Unlock()
	// 5 labels; reading times: 41 minutes and the random guides' 10
	// and 20 (0 has none), in each language that words them differently.
	if n < 5+3 {
		t.Errorf("%d bands kept, want at least 8", n)
	}
}

// A kept band whose part would not stay in its zone is not used: splits
// refuses it, and the cover is drawn whole.
func TestSplitsRefuse(t *testing.T) {
	c := newCanvas()
	if err := c.render(cases["nlmg"]); err != nil {
		t.Fatal(err)
	}
	none := [2]int{Height, 0}
	ok := [parts][2]int{{300, 400}, {bandTop, 2000}, {footRule, 2400}}
	if s := c.splits(ok, [parts]*band{}); !s[labelPart] || !s[readingPart] {
		t.Fatalf("splits(%v) = %v, want both", ok, s)
	}
	for _, tc := range []struct {
		name    string
		touched [parts][2]int
		want    [parts]bool
	}{
		{"label near the band", [parts][2]int{{300, bandTop - minRepeat}, ok[1], ok[2]}, [parts]bool{false, false, true}},
		{"middle above the band", [parts][2]int{ok[0], {bandTop - 1, 2000}, ok[2]}, [parts]bool{false, false, true}},
		{"middle near the foot", [parts][2]int{ok[0], {bandTop, footRule - minRepeat}, ok[2]}, [parts]bool{true, false, false}},
		{"reading above its rule", [parts][2]int{ok[0], ok[1], {footRule - 1, 2400}}, [parts]bool{true, false, false}},
		{"no reading time", [parts][2]int{ok[0], ok[1], none}, [parts]bool{true, false, false}},
	} {
		c2 := newCanvas()
		copy(c2.rows, c.rows)
		if tc.touched[readingPart] == none {
			for y := footRule; y < Height; y++ {
				c2.rows[y] = flatRow(0)
			}
		}
		if got := c2.splits(tc.touched, [parts]*band{}); got != tc.want {
			t.Errorf("%s: splits = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestAdlerThen(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range [][2]int{{0, 0}, {1, 0}, {0, 1}, {5, 7}, {5552, 5553}, {70000, 200000}} {
		a, b := make([]byte, n[0]), make([]byte, n[1])
		for i := range a {
			a[i] = byte(r.Uint32())
		}
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		sa, sb := adler{a: 1}, adler{a: 1}
		sa.update(a)
		sb.update(b)
		ab := sa.then(sb, len(b))
		if got, want := ab.sum(), adler32.Checksum(append(a, b...)); got != want {
			t.Errorf("%d then %d bytes: %08x, want %08x", len(a), len(b), got, want)
		}
	}
}

var update = flag.Bool("update", false, "rewrite labelbands.bin")

// TestLabelBands: labelbands.bin holds, for the label of every language
// with a translation (templates/labels), the band newBand gives that
// label drawn alone, as PNG would draw and keep it (-update rewrites it).
// Each label stays clear of the rows above the band, so that its band
// can stand alone (splits).
func TestLabelBands(t *testing.T) {
	b := []byte(labelBandsMagic)
	seen := map[string]bool{}
	for _, lang := range labels.Languages {
		text := TextFor(&content.Guide{Language: lang}).Label
		if seen[text] {
			continue
		}
		seen[text] = true
		c := newCanvas()
		touched, err := c.renderParts(Text{Label: text}, [parts]bool{labelPart: true})
		if err != nil {
			t.Fatal(err)
		}
		if !within(touched[labelPart], 0, bandTop-minRepeat-1) {
			t.Fatalf("%s: the label %q reaches rows %v, into the band's margin", lang, text, touched[labelPart])
		}
		bd, err := newBand(labelPart, func(y int) []byte { return c.rows[y] })
		if err != nil {
			t.Fatal(err)
		}
		b = binary.BigEndian.AppendUint16(b, uint16(len(text)))
		b = append(b, text...)
		b = binary.BigEndian.AppendUint32(b, bd.ad.a)
		b = binary.BigEndian.AppendUint32(b, bd.ad.b)
		b = binary.BigEndian.AppendUint32(b, uint32(bd.n))
		b = binary.BigEndian.AppendUint32(b, uint32(len(bd.z)))
		b = append(b, bd.z...)
		if got := builtLabel(text); !*update && (got == nil || !bytes.Equal(got.z, bd.z) || got.ad != bd.ad || got.n != bd.n) {
			t.Errorf("%s: the built band of %q is not what newBand gives", lang, text)
		}
	}
	if *update {
		if err := os.WriteFile("labelbands.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(b) != labelBands {
		t.Errorf("labelbands.bin is out of date: go test ./export/cover -run TestLabelBands -update")
	}
	// A process's first cover finds its label's band built (before, it
	// drew and compressed it).
	forgetBands()
	defer forgetBands()
	for _, lang := range labels.Languages {
		if cachedBand(labelPart, TextFor(&content.Guide{Language: lang}).Label) == nil {
			t.Errorf("%s: no band for the label before the first cover", lang)
		}
	}
	if builtLabel("NOT A LABEL") != nil {
		t.Error("a band for a text that is no label")
	}
}
