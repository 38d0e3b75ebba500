// Package cpubench reports the CPU time a benchmark's loop used, per
// operation. The build machines are shared and often loaded well beyond
// their core count, so wall-clock ns/op mostly measures the neighbours;
// process CPU time (user+system, every thread, GC included) is what a
// build costs and what the batch throughput target is budgeted in.
package cpubench

import (
	"testing"
	"time"
)

// Start begins measuring; call the returned function once the b.Loop loop
// has finished. It reports "cpu-ms/op" (and allocations).
func Start(b *testing.B) (stop func()) {
	b.Helper()
	b.ReportAllocs()
	t0 := CPU()
	return func() {
		if b.N > 0 && t0 >= 0 {
			b.ReportMetric(float64(CPU()-t0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		}
	}
}
