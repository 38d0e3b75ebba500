package double

import "testing"

// TestRoomDoubles: appending n elements one at a time through Room
// allocates less than three times n elements in all (2.6 for 2^20, the
// size classes rounding up), plain append more than four (4.6), and
// both keep what was there.
func TestRoomDoubles(t *testing.T) {
	const n = 1 << 20
	for _, c := range []struct {
		name        string
		room        func([]int64) []int64
		least, most float64 // elements allocated, in all, per element kept
	}{
		{"Room", Room[[]int64], 1, 3},
		{"append", func(s []int64) []int64 { return s }, 4, 6},
	} {
		var s []int64
		allocated := 0
		for i := range n {
			before := cap(s)
			s = append(c.room(s), int64(i))
			if cap(s) != before {
				allocated += cap(s)
			}
		}
		for i, v := range s {
			if v != int64(i) {
				t.Fatalf("%s: element %d = %d", c.name, i, v)
			}
		}
		if got := float64(allocated) / n; got < c.least || got > c.most {
			t.Errorf("%s: allocated %.2f elements an element kept, want %.0f to %.0f", c.name, got, c.least, c.most)
		}
	}
}
