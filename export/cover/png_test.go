package cover

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"
)

// coverHashes are, for each test case, the SHA-256 of Render's Pix, taken
// when the cover's text moved onto package typeset (GPOS kerning, the
// emoji of "tricky" drawn in Noto Emoji; the Arabic and Hebrew titles
// drawn at all): a guard against an optimisation changing a pixel; and of
// PNG's output, taken before a run's matches were looked up (matchBits):
// the same pixels encoded byte for byte as before (an EPUB's cover is in
// ident.sh's outputs too). A deliberate change of the design updates them
// (go test -run 'TestRenderUnchanged|TestPNGUnchanged' -v prints the new
// values).
var coverHashes = map[string]struct{ pix, png string }{
	"nlmg": {
		pix: "46e12129d797c0df2a66617603aada3e4bde716c9dc091e24c22ebe12102d534",
		png: "5f06e6f77b04e9f1e443b6f2777c29c2b02bfa3b7e5d2a3dac240a2a0eb016ba",
	},
	"tricky": {
		pix: "3a8a8914f74aa9635ba1db85ce359009a93e0a43bf3716f4bc270557e286e640",
		png: "474a7912c5a9cb596fcaaf97f3fa9b15fef019c27627ee52bef50a11ce782bb0",
	},
	"long": {
		pix: "d3d215a06ae75480ce14e117367250f0ae2fa500dc87e439fac428f8ae2e859d",
		png: "2c7be188dfa02029e8ac1190024b261edc93da1f767de293a518d89b95c8e13d",
	},
	"unbroken": {
		pix: "799eec23edd368c5e5b9a23c59ad55a08684f024d785b1f73d4920bbb7b0161d",
		png: "f007dbb1582b08eaf32fe1dc5910cff6e8a49dbd45ac889a68eef4b8c4eda5dc",
	},
	"greek": {
		pix: "d53487b9e6c4004b4972de8b32c0e6b07025ee1e49242bb4e98525b815f4b9ad",
		png: "03f5e16e273c26342ba9a833e64bc31d9665f78c9280576b674a181c2740cbc8",
	},
	"short": {
		pix: "5a1325f2ea17fed2a5d1e82b7d3053a0e1dddb4791665a66382e72b5398bf8b2",
		png: "0bc9b5251d9140b85de5f27b05a0489eeeb4cc9792828765d629f8c3c99407d6",
	},
	"arabic": {
		pix: "bedbf5fe3b35b1c91a08f7102d5233f55bb15ff76b2385c0ac457d55582d1707",
		png: "d33e40d93d2c295ad834cfe3a181578a81935f52cfe751d24a4175cafb84e1ae",
	},
	"hebrew": {
		pix: "6b69ffffa2daea09359ead256c5f358c97651a55a561408d47a745f58d1428f5",
		png: "e3a8ea85f2101db8da3f3315330d340ed43e5c6e6b752968e5b28a8931a7e0c2",
	},
}

func TestRenderUnchanged(t *testing.T) {
	for name, want := range coverHashes {
		img, err := Render(cases[name])
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(img.Pix)); got != want.pix {
			t.Errorf("%s: the rendered pixels changed: %q", name, got)
		}
	}
}

// samePixels fails unless got decodes to exactly the palette and pixels
// of want.
func samePixels(t *testing.T, name string, got []byte, want *image.Paletted) {
	t.Helper()
	dec, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	p, ok := dec.(*image.Paletted)
	if !ok {
		t.Fatalf("%s: decoded as %T, not a palette image", name, dec)
	}
	if p.Rect != want.Rect {
		t.Fatalf("%s: size %v, want %v", name, p.Rect, want.Rect)
	}
	if len(p.Palette) != len(want.Palette) {
		t.Fatalf("%s: %d colours, want %d", name, len(p.Palette), len(want.Palette))
	}
	for i := range p.Palette {
		if color.RGBAModel.Convert(p.Palette[i]) != color.RGBAModel.Convert(want.Palette[i]) {
			t.Fatalf("%s: colour %d is %v, want %v", name, i, p.Palette[i], want.Palette[i])
		}
	}
	w := want.Rect.Dx()
	for y := 0; y < want.Rect.Dy(); y++ {
		if !bytes.Equal(p.Pix[y*p.Stride:y*p.Stride+w], want.Pix[y*want.Stride:y*want.Stride+w]) {
			t.Fatalf("%s: row %d differs", name, y)
		}
	}
}

// The PNG writer must give exactly the image Render draws, as image/png
// reads it, and stay about as small as image/png's own encoding.
func TestPNGMatchesImagePNG(t *testing.T) {
	for name := range cases {
		img, err := Render(cases[name])
		if err != nil {
			t.Fatal(err)
		}
		got := rendered(t, name)
		samePixels(t, name, got, img)
		var ref bytes.Buffer
		if err := png.Encode(&ref, img); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes (image/png default level: %d)", name, len(got), ref.Len())
		if len(got) > ref.Len()*11/10 {
			t.Errorf("%s: %d bytes, more than 10%% over image/png's %d", name, len(got), ref.Len())
		}
	}
}

// Images other than covers exercise every branch of the segmenting:
// runs of repeated rows of every length around minRepeat, zero and
// non-zero, at the start, middle and end, and noise that deflate cannot
// shrink.
func TestPNGSynthetic(t *testing.T) {
	pal := palette(Default)
	rng := rand.New(rand.NewPCG(1, 2))
	for i, tc := range []struct{ w, h int }{{2, 1}, {2, 40}, {16, 300}, {802, 97}, {1600, 64}} {
		img := image.NewPaletted(image.Rect(0, 0, tc.w, tc.h), pal)
		for y := 0; y < tc.h; {
			k := 1 + rng.IntN(2*minRepeat+2) // rows in this stripe
			mode := rng.IntN(4)
			row := make([]byte, tc.w)
			switch mode {
			case 1: // flat, non-zero
				for x := range row {
					row[x] = uint8(i%14 + 1)
				}
			case 2: // noise
				for x := range row {
					row[x] = uint8(rng.IntN(len(pal)))
				}
			case 3: // mostly paper, a few marks
				row[rng.IntN(tc.w)] = uint8(rng.IntN(len(pal)))
			}
			for j := 0; j < k && y < tc.h; j, y = j+1, y+1 {
				copy(img.Pix[y*img.Stride:], row)
			}
		}
		var b bytes.Buffer
		if err := encodePNG(&b, img); err != nil {
			t.Fatal(err)
		}
		samePixels(t, fmt.Sprintf("%dx%d", tc.w, tc.h), b.Bytes(), img)
	}
	// A tall all-paper image: one long run of zeros.
	img := image.NewPaletted(image.Rect(0, 0, Width, Height), pal)
	var b bytes.Buffer
	if err := encodePNG(&b, img); err != nil {
		t.Fatal(err)
	}
	samePixels(t, "blank", b.Bytes(), img)
	t.Logf("blank cover: %d bytes", b.Len())
}

func TestPNGRefuses(t *testing.T) {
	pal := palette(Default)
	for _, img := range []*image.Paletted{
		image.NewPaletted(image.Rect(0, 0, 3, 3), pal),                                                 // odd width
		image.NewPaletted(image.Rect(0, 0, 4, 4), append(color.Palette{}, make(color.Palette, 17)...)), // too many colours
		image.NewPaletted(image.Rect(0, 0, 4, 4), color.Palette{color.RGBA{1, 2, 3, 4}}),               // transparent
	} {
		for i := range img.Palette {
			if img.Palette[i] == nil {
				img.Palette[i] = color.Black
			}
		}
		var b bytes.Buffer
		if err := encodePNG(&b, img); err == nil {
			t.Errorf("%v, %d colours: no error", img.Rect, len(img.Palette))
		}
	}
}

func TestPNGUnchanged(t *testing.T) {
	for name, want := range coverHashes {
		g := cases[name]
		// Twice: the second reuses the bands the first kept (bands.go).
		for i := 0; i < 2; i++ {
			b, err := PNG(g)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("%x", sha256.Sum256(b)); got != want.png {
				t.Errorf("%s, run %d: the PNG's bytes changed: %q", name, i+1, got)
			}
		}
	}
}

// TestMatchBits checks the looked-up match codes against RFC 1951's
// length codes, found by search as match did before: the code whose base
// is the largest at most l (258: code 285), its extra bits, and the one
// bit of distance code 0.
func TestMatchBits(t *testing.T) {
	for l := 3; l <= 258; l++ {
		c := 0
		for c+1 < len(lenBase) && int(lenBase[c+1]) <= l {
			c++
		}
		if l == 258 {
			c = 28
		}
		var want bitWriter
		want.sym(257 + c)
		want.bits(uint64(l-int(lenBase[c])), uint(lenExtra[c]))
		want.bits(0, 1)
		var got bitWriter
		got.match(l)
		if got.acc != want.acc || got.n != want.n || !bytes.Equal(got.out, want.out) {
			t.Errorf("match(%d) wrote %b (%d bits), want %b (%d bits)", l, got.acc, got.n, want.acc, want.n)
		}
	}
}
