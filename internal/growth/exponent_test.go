package growth

import "testing"

var spun uint64

// spin does about m steps of work that allocates nothing.
func spin(m int) {
	x := spun
	for i := 0; i < m; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	spun = x
}

// TestExponentSeesQuadratic: the way TestLinearCost measures (the small
// size run k times and timed as one, both sizes in turn, the least of
// three) still tells quadratic work from linear: n² steps measure about
// 2, where the bounds are 1.35–1.4.
func TestExponentSeesQuadratic(t *testing.T) {
	if Race {
		t.Skip("a cost test: the race detector distorts it; make test runs it without -race")
	}
	e, small, large := Exponent(t, 300, 8, 3, func(n int) { spin(n * n * 4) })
	t.Logf("n² steps: %v, %v: n^%.2f", small, large, e)
	if e < 1.6 {
		t.Errorf("quadratic work measured n^%.2f (%v → %v), want at least n^1.6", e, small, large)
	}
}
