// Package memlimit keeps a large build's memory near a bound where it
// can, without the cost a fixed GOMEMLIMIT has where it cannot.
//
// The collector's default (GOGC=100) lets the heap grow to twice what was
// live at the last collection; while a layout grows, what is live rises
// between collections, and a 4 MiB guide whose layout holds 220 MB peaked
// at 510–570 MB resident. A memory limit caps that, but a fixed one near
// the live heap makes the collector run almost continuously (a guide
// holding 500 MB under GOMEMLIMIT=450MiB went from 31 s to over 50 s of
// CPU). Follow sets the limit and raises it after each collection with
// what the collection found live.
package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Follow sets the memory limit to base bytes and, after every collection
// until stop is called, to Limit of what it found live; stop restores the
// limit there was.
func Follow(base int64, near float64) (stop func()) {
	prev := debug.SetMemoryLimit(base)
	var done atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		// A finalizer runs after the collection that finds its object
		// unreachable: once per cycle while it re-arms. The object holds
		// a pointer so that it is not one of the tiny allocations the
		// runtime packs together (whose finalizers may never run).
		s := &struct{ p *int }{}
		runtime.SetFinalizer(s, func(*struct{ p *int }) {
			if done.Load() {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetMemoryLimit(Limit(base, near, sample[0].Value.Uint64()))
			}
			arm()
		})
	}
	arm()
	return func() {
		if done.CompareAndSwap(false, true) {
			debug.SetMemoryLimit(prev)
		}
	}
}

// Limit is the memory limit for a live heap of live bytes: near times it
// while it is at most base (but never below base), and beyond that twice
// it less what the first base bytes were spared, 2·live − (2−near)·base:
// the collector is let run more often while that brings the peak under
// base, and as often as GOGC=100 has it, nearly, when the live data is
// far larger (where a limit of near·live would make it collect every
// few percent of growth: 147,215 one-line subsections, near 1.5 for
// every size, 23.8 → 34.1 s of CPU).
func Limit(base int64, near float64, live uint64) int64 {
	l := float64(live)
	lim := 2*l - (2-near)*min(l, float64(base))
	return max(base, int64(min(lim, math.MaxInt64/2)))
}
