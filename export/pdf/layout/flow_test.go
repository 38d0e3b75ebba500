package layout

import (
	"testing"
)

// TestTakeRules pins the split decisions the flow makes.
func TestTakeRules(t *testing.T) {
	for _, c := range []struct {
		n, k     int
		fresh    bool
		minStart int
		want     int
	}{
		{3, 5, false, 1, 3},  // fits
		{3, 2, false, 1, 0},  // would leave a widow or an orphan: move
		{4, 2, false, 1, 2},  // 2 + 2
		{5, 4, false, 1, 3},  // keep two for the next page
		{10, 1, false, 1, 0}, // a lone line at the foot: move
		{1, 1, false, 2, 0},  // a callout needs two lines of room
		{2, 2, false, 2, 2},
		{80, 45, true, 1, 45}, // longer than a page: fill it
		{46, 45, true, 1, 44}, // …but leave two for the next
	} {
		if got := take(c.n, c.k, c.fresh, c.minStart); got != c.want {
			t.Errorf("take(%d, %d, %v, %d) = %d, want %d", c.n, c.k, c.fresh, c.minStart, got, c.want)
		}
	}
}
