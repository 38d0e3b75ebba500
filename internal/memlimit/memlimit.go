// Package memlimit keeps a large build's memory near a bound where it
// can, without the cost a fixed GOMEMLIMIT has where it cannot.
//
// The collector's default (GOGC=100) lets the heap grow to twice what was
// live at the last collection; while a layout grows, what is live rises
// between collections, and a 4 MiB guide whose layout holds 220 MB peaked
// at 510–550 MB resident. A memory limit caps that, but a fixed one below
// twice the live heap makes the collector run almost continuously (a
// guide holding 500 MB under GOMEMLIMIT=450MiB went from 31 s to over
// 50 s of CPU). Follow sets the limit and raises it after each collection
// to a multiple of what the collection found live, so that the limit
// binds only while the live heap is well below it.
package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Follow sets the memory limit to base bytes, or to factor times the live
// heap once a collection finds more than base/factor live, and keeps it so
// after every collection until stop is called, which restores the limit
// there was.
func Follow(base int64, factor float64) (stop func()) {
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
				live := float64(sample[0].Value.Uint64())
				debug.SetMemoryLimit(max(base, int64(min(live*factor, math.MaxInt64/2))))
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
