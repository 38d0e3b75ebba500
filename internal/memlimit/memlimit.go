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
	"sync"
)

// Follow sets the memory limit to base bytes and, after every collection
// until stop is called, to Limit of what it found live; stop restores the
// limit there was.
func Follow(base int64, near float64) (stop func()) {
	prev := debug.SetMemoryLimit(base)
	pct := debug.SetGCPercent(100)
	debug.SetGCPercent(pct)
	if pct <= 0 {
		return func() { debug.SetMemoryLimit(prev) } // no collections to follow
	}
	var (
		mu   sync.Mutex // a reading lifts the limit: stop waits for it
		done bool
		arm  func()
	)
	arm = func() {
		// A finalizer runs after the collection that finds its object
		// unreachable: once per cycle while it re-arms. The object holds
		// a pointer so that it is not one of the tiny allocations the
		// runtime packs together (whose finalizers may never run).
		s := &struct{ p *int }{}
		runtime.SetFinalizer(s, func(*struct{ p *int }) {
			mu.Lock()
			defer mu.Unlock()
			if done {
				return
			}
			debug.SetMemoryLimit(Limit(base, near, live(pct)))
			arm()
		})
	}
	arm()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		if !done {
			done = true
			debug.SetMemoryLimit(prev)
		}
	}
}

// live is what the last collection found live, from the heap goal it
// set: under GOGC=pct that goal is the live heap plus pct percent of it
// and of the stacks and globals scanned (here a few hundred KB, which the
// estimate may be high by), unless the memory limit sets a lower goal,
// which is why the limit is lifted for the reading (the caller sets the
// next one at once). runtime/metrics' /gc/heap/live:bytes says the same
// without arithmetic, but linking runtime/metrics costs every guidepress
// process its package init, ~0.7 ms (~40 descriptions built from the
// GODEBUG table, first touches of its code and data), for the few builds
// of a large file that follow the limit. This costs those ~20 µs a
// collection (three stop-the-world pauses; 17-19 µs measured in a loop
// with 100 MB live, load ~10).
func live(pct int) uint64 {
	debug.SetMemoryLimit(math.MaxInt64)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NextGC * 100 / uint64(100+pct)
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
