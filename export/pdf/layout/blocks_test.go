package layout

import (
	"testing"
)

// TestColumnWidths: the widths fill the table; narrow columns keep their
// natural width while the wide ones can hold their longest words; no
// column gets less than its longest word when the words fit at all.
func TestColumnWidths(t *testing.T) {
	for _, c := range []struct {
		min, max []float64
		avail    float64
		natural  []int // columns that must get their natural width
	}{
		{[]float64{5, 10}, []float64{8, 30}, 100, nil},                  // everything fits
		{[]float64{8, 14, 20}, []float64{8, 30, 400}, 140, []int{0, 1}}, // year, event, notes
		{[]float64{30, 30}, []float64{300, 400}, 100, nil},
		{[]float64{80, 80}, []float64{300, 400}, 100, nil}, // words too long: cut
	} {
		w := distribute(c.min, c.max, c.avail)
		sum := 0.0
		fits := 0.0
		for _, m := range c.min {
			fits += m
		}
		for i, v := range w {
			sum += v
			if fits <= c.avail && v < c.min[i]-1e-9 {
				t.Errorf("%v: column %d gets %.1f, less than its longest word %.1f", c, i, v, c.min[i])
			}
		}
		if d := sum - c.avail; d > 1e-6 || d < -1e-6 {
			t.Errorf("%v: widths %v sum to %.2f, want %.2f", c, w, sum, c.avail)
		}
		for _, i := range c.natural {
			if w[i] != c.max[i] {
				t.Errorf("%v: narrow column %d gets %.1f, want its natural %.1f", c, i, w[i], c.max[i])
			}
		}
	}
}
