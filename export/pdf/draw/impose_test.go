package draw

import (
	"slices"
	"testing"
)

func TestSaddleOrder(t *testing.T) {
	got := SaddleOrder(8)
	// 1-based: sheet 1 front 8|1, back 2|7; sheet 2 front 6|3, back 4|5.
	want := [][2]int{{7, 0}, {1, 6}, {5, 2}, {3, 4}}
	if !slices.Equal(got, want) {
		t.Errorf("saddleOrder(8) = %v, want %v", got, want)
	}
}
