package cover

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"hash/crc32"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/guidepress/guidepress/content"
	"golang.org/x/image/draw"
)

var outDir = flag.String("coverdir", "", "write rendered covers and 200×320 thumbnails here to look at them")

func guide(title, author string, minutes int) *content.Guide {
	return &content.Guide{Title: title + " — A Study Guide", Book: content.Book{Title: title, Author: author}, Language: "en", ReadingMinutes: minutes}
}

var cases = map[string]*content.Guide{
	"nlmg":     guide("Never Let Me Go", "Kazuo Ishiguro", 41),
	"tricky":   guide(`The <Glass> & "Iron" Garden 🌿`, "Ана Ξενάκη", 7),
	"long":     guide("The Remarkable and Extraordinarily Long-Winded History of Everything That Happened Before, During and After the Great Storm of the Century in the Little Town by the Sea", "Somebody With A Very Long Name Indeed, and Another Co-Author", 120),
	"unbroken": guide(strings.Repeat("Supercalifragilistic", 10), "", 0),
	"greek":    guide("Οδύσσεια", "Όμηρος", 300),
	"short":    guide("It", "Stephen King", 0),
	"arabic":   guide("كليلة ودمنة", "ابن المقفع", 6),
	"hebrew":   guide("מגילת רות", "אנונימי", 12),
}

// rendered caches each case's PNG: rendering is the slow part under -race.
var (
	renderMu sync.Mutex
	renders  = map[string][]byte{}
)

func rendered(t *testing.T, name string) []byte {
	t.Helper()
	renderMu.Lock()
	defer renderMu.Unlock()
	if b, ok := renders[name]; ok {
		return b
	}
	b, err := PNG(cases[name])
	if err != nil {
		t.Fatal(err)
	}
	renders[name] = b
	return b
}

func TestRender(t *testing.T) {
	for name := range cases {
		t.Run(name, func(t *testing.T) {
			b := rendered(t, name)
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if img.Bounds() != image.Rect(0, 0, Width, Height) {
				t.Fatalf("size %v", img.Bounds())
			}
			if _, ok := img.(*image.Paletted); !ok {
				t.Errorf("not a palette PNG: %T", img)
			}
			t.Logf("%s: %d bytes", name, len(b))
			if *outDir != "" {
				os.WriteFile(filepath.Join(*outDir, name+".png"), b, 0o644)
				th := image.NewRGBA(image.Rect(0, 0, 200, 320))
				draw.CatmullRom.Scale(th, th.Bounds(), img, img.Bounds(), draw.Src, nil)
				var tb bytes.Buffer
				png.Encode(&tb, th)
				os.WriteFile(filepath.Join(*outDir, name+"-thumb.png"), tb.Bytes(), 0o644)
			}
		})
	}
}

// Nothing may be drawn outside the margins: the text never overflows.
// TestMontage writes all thumbnails side by side (with -coverdir) so a
// person can judge them at e-reader library size.
func TestMontage(t *testing.T) {
	if *outDir == "" {
		t.Skip("-coverdir not set")
	}
	names := []string{"nlmg", "tricky", "long", "unbroken", "greek", "short"}
	m := image.NewRGBA(image.Rect(0, 0, 210*len(names), 330))
	draw.Draw(m, m.Bounds(), image.White, image.Point{}, draw.Src)
	for i, n := range names {
		img, err := Render(cases[n])
		if err != nil {
			t.Fatal(err)
		}
		draw.CatmullRom.Scale(m, image.Rect(i*210+5, 5, i*210+205, 325), img, img.Bounds(), draw.Src, nil)
	}
	var b bytes.Buffer
	png.Encode(&b, m)
	os.WriteFile(filepath.Join(*outDir, "montage.png"), b.Bytes(), 0o644)
	// The same thumbnails as a greyscale eInk screen shows them.
	grey := image.NewGray(m.Bounds())
	draw.Draw(grey, grey.Bounds(), m, image.Point{}, draw.Src)
	b.Reset()
	png.Encode(&b, grey)
	os.WriteFile(filepath.Join(*outDir, "montage-grey.png"), b.Bytes(), 0o644)
	img, _ := Render(cases["nlmg"])
	mid := image.NewRGBA(image.Rect(0, 0, 500, 800))
	draw.CatmullRom.Scale(mid, mid.Bounds(), img, img.Bounds(), draw.Src, nil)
	b.Reset()
	png.Encode(&b, mid)
	os.WriteFile(filepath.Join(*outDir, "mid.png"), b.Bytes(), 0o644)
	b.Reset()
	png.Encode(&b, img.SubImage(image.Rect(200, 850, 800, 1150)))
	os.WriteFile(filepath.Join(*outDir, "crop.png"), b.Bytes(), 0o644)
}

func TestNoOverflow(t *testing.T) {
	for name := range cases {
		dec, err := png.Decode(bytes.NewReader(rendered(t, name)))
		if err != nil {
			t.Fatal(err)
		}
		img := dec.(*image.Paletted)
		for y := 0; y < Height; y++ {
			for _, x := range []int{0, 1, 100, Width - 101, Width - 2, Width - 1} {
				i := img.ColorIndexAt(x, y)
				if i%levels != 0 && i != accentOnPaper.index(levels-1) {
					t.Fatalf("%s: ink at the edge (%d,%d)", name, x, y)
				}
			}
		}
	}
}

func TestDeterministicAndParallel(t *testing.T) {
	want := rendered(t, "tricky")
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, name := range []string{"tricky", "greek"} {
				b, err := PNG(cases[name])
				if err != nil {
					t.Error(err)
				}
				if name == "tricky" && !bytes.Equal(b, want) {
					t.Error("cover bytes differ between renders")
				}
			}
		}()
	}
	wg.Wait()
}

func TestUserImage(t *testing.T) {
	b := rendered(t, "short")
	im, err := UserImage(b)
	if err != nil || im.MediaType != "image/png" || im.Width != Width {
		t.Fatalf("%+v %v", im, err)
	}
	for _, bad := range [][]byte{nil, []byte("GIF89a")} {
		if _, err := UserImage(bad); err == nil || !strings.Contains(err.Error(), "cover image: not a JPEG or PNG") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if _, err := UserImage(b[:100]); !errors.Is(err, ErrTruncated) {
		t.Errorf("a PNG cut short: %v, want ErrTruncated", err)
	}
}

// A few bytes can declare a gigantic image: it is refused before decoding.
func TestUserImageTooLarge(t *testing.T) {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1)))
	data := b.Bytes()
	// IHDR data starts at byte 16: width, height (big-endian).
	binary.BigEndian.PutUint32(data[16:], 100000)
	binary.BigEndian.PutUint32(data[20:], 100000)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	if _, err := UserImage(data); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("got %v", err)
	}
}

// The packed rows' writers agree with the pixel-by-pixel rule on every
// alignment: setRange with set, ink's whole-byte table with its rule
// (the strongest ink of the ramp kept), from random rows.
func TestPackedRowWriters(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 10))
	c := newCanvas()
	for trial := range 2000 {
		r := make([]byte, 16)
		for i := range r {
			r[i] = byte(rng.IntN(256)) & 0xee // indexes 0-14, some of each ramp
		}
		x0 := rng.IntN(32)
		x1 := x0 + rng.IntN(33-x0)
		idx := uint8(rng.IntN(int(ramps) * levels))
		got, want := bytes.Clone(r), bytes.Clone(r)
		setRange(got, x0, x1, idx)
		for x := x0; x < x1; x++ {
			set(want, x, idx)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("trial %d: setRange(%d, %d, %d) = %x, want %x", trial, x0, x1, idx, got, want)
		}
		a, rp := uint8(rng.IntN(256)), ramp(rng.IntN(int(ramps)))
		got, want = bytes.Clone(r), bytes.Clone(r)
		c.ink(got, x0, x1, a, rp)
		step := (int(a)*(levels-1) + 127) / 255
		for x := x0; x < x1; x++ {
			if cur := int(at(want, x)) - int(rp)*levels; cur < 0 || cur >= levels || cur <= step {
				set(want, x, rp.index(step))
			}
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("trial %d: ink(%d, %d, a %d, ramp %d) = %x, want %x", trial, x0, x1, a, rp, got, want)
		}
	}
}
