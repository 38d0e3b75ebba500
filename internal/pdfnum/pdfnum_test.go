package pdfnum

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// same fails unless Append writes v as strconv does.
func same(t *testing.T, v float64, prec int) {
	t.Helper()
	if got, want := string(Append([]byte("x"), v, prec)), "x"+strconv.FormatFloat(v, 'f', prec, 64); got != want {
		t.Fatalf("Append(%v (%016x), %d) = %q, strconv gives %q", v, math.Float64bits(v), prec, got, want)
	}
}

// TestAppendAsStrconv: Append writes every number as strconv does:
// ties and near-ties at each precision (0.125, 2.675, 1.005, x.5), the
// millimetre lengths and colour fractions a page draws, signs, zeros,
// the largest values scaled and past them, NaN, the infinities, and
// 200,000 random values of every size.
func TestAppendAsStrconv(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 2.675, 1.005, 1.0049999999999999, 0.045, 0.0005,
		-0.001, -0.004, -0.005, -0.006, 99.995, 999.9995, 1e15, 4503599627370495.5, 4503599627370496, 1 << 52, 1e300, 5e-324,
		math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 841.89, 595.28, 210 * 72 / 25.4, 11.5, 0.72}
	for c := range 256 {
		vals = append(vals, float64(c)/255.0)
	}
	for i := range 20000 {
		vals = append(vals, float64(i)/1000, float64(i)*0.01+0.005, float64(i)*72/25.4, float64(i)/8)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		vals = append(vals, r.NormFloat64()*math.Pow(10, float64(r.IntN(20)-6)))
		vals = append(vals, math.Float64frombits(r.Uint64()))
	}
	for _, v := range vals {
		for prec := -1; prec <= 5; prec++ {
			same(t, v, prec)
		}
	}
}

// TestAppendAllocates: appending to room allocates nothing.
func TestAppendAllocates(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { Append(buf, 123.456, 2) }); n != 0 {
		t.Errorf("Append: %v allocations, want 0", n)
	}
}

func FuzzAppend(f *testing.F) {
	f.Add(2.675, 2)
	f.Add(0.125, 2)
	f.Add(-0.001, 3)
	f.Fuzz(func(t *testing.T, v float64, prec int) { same(t, v, prec%6) })
}

func BenchmarkAppend(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.Run("pdfnum", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			Append(buf, float64(i%30000)*0.0352778, 2)
		}
	})
	b.Run("strconv", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			strconv.AppendFloat(buf, float64(i%30000)*0.0352778, 'f', 2, 64)
		}
	})
}
