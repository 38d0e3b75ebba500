package cover

import (
	"image"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"golang.org/x/image/vector"
	"golang.org/x/sys/cpu"
)

// sameCanvas fails unless the covers drawn on c and ref have the same
// colour index in every pixel.
func sameCanvas(t *testing.T, name string, c, ref *canvas) {
	t.Helper()
	diff := 0
	for y := range c.rows {
		for x := range c.rows[y] {
			if a, b := c.rows[y][x], ref.rows[y][x]; a != b {
				if diff < 3 {
					t.Errorf("%s: pixel (%d, %d) is %d, want %d", name, x, y, a, b)
				}
				diff++
			}
		}
	}
	if diff > 0 {
		t.Errorf("%s: %d pixels differ from vector.Rasterizer's", name, diff)
	}
}

// TestRasterMatchesVector draws covers with raster and with
// vector.Rasterizer (canvas.reference) and requires the same colour index
// in every pixel: the test cases, and random titles and authors in
// several scripts, which land at many sizes and sub-pixel positions.
//
// vector's reference is its SSE4.1 accumulation, which raster reproduces
// (the pure Go one, elsewhere, sums in another order).
func TestRasterMatchesVector(t *testing.T) {
	if runtime.GOARCH != "amd64" || !cpu.X86.HasSSE41 {
		t.Skip("vector.Rasterizer accumulates with SSE4.1 only on amd64")
	}
	fast, ref := newCanvas(), newCanvas()
	ref.reference = true
	check := func(name string, g *content.Guide) {
		fast.reset()
		ref.reset()
		if err := fast.render(g); err != nil {
			t.Fatal(err)
		}
		if err := ref.render(g); err != nil {
			t.Fatal(err)
		}
		sameCanvas(t, name, fast, ref)
	}
	for name, g := range cases {
		check(name, g)
	}
	words := strings.Fields(`Never Let Me Go the of and Wuthering Heights Jane Eyre Moby-Dick
		Frankenstein Οδύσσεια Όμηρος Война и мир Толстой كليلة ودمنة מגילת רות Les Misérables
		Ilíada AVATAR quick brown fox jumps Ärger Straße Æsop Ωmega 🌿 «Guillemets» ‘quote’ 1984 WAVY`)
	rng := rand.New(rand.NewPCG(16, 6))
	n := 40
	if testing.Short() {
		n = 12
	}
	for range n {
		pick := func(k int) string {
			var b []string
			for range k {
				b = append(b, words[rng.IntN(len(words))])
			}
			return strings.Join(b, " ")
		}
		title, author := pick(1+rng.IntN(9)), pick(rng.IntN(4))
		check(title, guide(title, author, rng.IntN(400)))
	}
}

// TestRasterBoxEdges draws shapes that leave the box on every side, and
// one whose last cells do not fill a group of four, with raster and with
// vector.Rasterizer, and compares the coverage.
func TestRasterBoxEdges(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		path [][2]float32
	}{
		{601, 37, [][2]float32{{-20, -5}, {640, 10}, {590, 50}, {5, 30}}},
		{1599, 3, [][2]float32{{0.3, 0.2}, {1700, 1.5}, {800, 9}}},
		{700, 600, [][2]float32{{350, -40}, {720, 300}, {350, 650}, {-30, 300}}},
		{513, 10, [][2]float32{{1.5, 2.25}, {511.75, 2.25}, {511.75, 7.5}, {1.5, 7.5}}},
		{900, 41, [][2]float32{{10, 40.5}, {890, 40.9}, {450, 1}}},
	} {
		var ras vector.Rasterizer
		ras.Reset(tc.w, tc.h)
		var z raster
		z.reset(tc.w, tc.h)
		ras.MoveTo(tc.path[0][0], tc.path[0][1])
		z.MoveTo(tc.path[0][0], tc.path[0][1])
		for i, p := range tc.path[1:] {
			if i%2 == 0 {
				ras.LineTo(p[0], p[1])
				z.LineTo(p[0], p[1])
			} else {
				q := tc.path[(i+2)%len(tc.path)]
				ras.QuadTo(p[0], p[1], q[0], q[1])
				z.QuadTo(p[0], p[1], q[0], q[1])
			}
		}
		ras.ClosePath()
		z.ClosePath()
		mask := image.NewAlpha(image.Rect(0, 0, tc.w, tc.h))
		ras.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
		got := make([]byte, tc.w*tc.h)
		z.draw(func(y, x0, x1 int, a uint8) {
			for x := x0; x < x1; x++ {
				got[y*tc.w+x] = a
			}
		})
		for i := range got {
			if got[i] != mask.Pix[i] {
				t.Fatalf("%dx%d: cell (%d, %d) is %d, want %d", tc.w, tc.h, i%tc.w, i/tc.w, got[i], mask.Pix[i])
			}
		}
		for i, v := range z.buf {
			if v != 0 {
				t.Fatalf("%dx%d: cell %d of the buffer left at %v", tc.w, tc.h, i, v)
			}
		}
		// A band of rows is stored at a time, not the box.
		if most := (bandRows+3)*max(tc.w, Width) + 1; cap(z.buf) > most {
			t.Errorf("%dx%d: coverage buffer of %d cells, want at most %d (a band)", tc.w, tc.h, cap(z.buf), most)
		}
	}
}
