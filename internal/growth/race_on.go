//go:build race

package growth

// Race is true in a binary built with -race. The race detector slows
// code by 5–20×, unevenly, so the cost tests (TestLinearCost,
// TestTenThousandPages) skip under it: `make test` runs them in a step of
// their own without -race.
const Race = true
