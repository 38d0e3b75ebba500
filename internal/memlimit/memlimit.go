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

// Limit is the memory limit for a live heap of live bytes: near times
// it, but never below base, while it is at most base; past base, none
// (math.MaxInt64): the collector then runs as GOGC has it. A limit near
// a large live heap makes the collector run every few percent of growth
// and the scavenger give back memory that is faulted in again: 147,215
// one-line subsections (EPUB+PDF, 4 MiB, one core, load ~28) took 40.9 s
// of CPU with a limit of twice the live heap less 224 MiB, against 22.7
// s without; a guide whose live data passes base cannot be kept under
// 512 MiB this way anyway.
func Limit(base int64, near float64, live uint64) int64 {
	if live > uint64(base) {
		return math.MaxInt64
	}
	return max(base, int64(near*float64(live)))
}
