package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// limit is the memory limit in force.
func limit() int64 { return debug.SetMemoryLimit(-1) }

// TestFollowRaisesTheLimitWithTheLiveHeap: the limit starts at base,
// rises to factor times the live heap after a collection that finds more
// than base/factor live (a fixed limit below the live heap makes the
// collector run without pause), and stop restores the limit there was.
func TestFollowRaisesTheLimitWithTheLiveHeap(t *testing.T) {
	before := limit()
	const base = 16 << 20
	stop := Follow(base, 1.5)
	if got := limit(); got != base {
		t.Fatalf("limit = %d after Follow, want base %d", got, base)
	}
	live := make([]byte, 64<<20) // 64 MB live: the limit must reach 96 MB
	deadline := time.Now().Add(10 * time.Second)
	for limit() < 96<<20 && time.Now().Before(deadline) {
		runtime.GC() // the finalizer runs after the cycle, on its own goroutine
		time.Sleep(10 * time.Millisecond)
	}
	if got := limit(); got < 96<<20 {
		t.Errorf("limit = %d MB with 64 MB live, want at least 96 MB (1.5 times the live heap)", got>>20)
	}
	runtime.KeepAlive(live)
	live = nil
	stop()
	if got := limit(); got != before {
		t.Errorf("limit = %d after stop, want %d restored", got, before)
	}
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := limit(); got != before {
		t.Errorf("limit = %d after a collection following stop, want %d: it is still followed", got, before)
	}
}

func TestLimit(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, 448 * mb},
		{200 * mb, 448 * mb},      // 1.5 × 200 is under base
		{400 * mb, 600 * mb},      // 1.5 × live
		{448 * mb, 672 * mb},      // 1.5 × base
		{449 * mb, math.MaxInt64}, // past base: none
	} {
		if got := Limit(448*mb, 1.5, c.live); got != c.want {
			t.Errorf("Limit(448 MiB, 1.5, %d MiB) = %d MiB, want %d MiB", c.live/mb, got/mb, c.want/mb)
		}
	}
}

// live, read from the heap goal, is what runtime/metrics reports the last
// collection found live, within a MB (the stacks and globals it counts),
// at several GOGC values and with a memory limit below the goal GOGC
// would set (which the reading must lift).
func TestLiveIsTheHeapTheCollectionFound(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var keep [][]byte
	for _, c := range []struct {
		pct   int
		mb    int
		limit int64
	}{
		{100, 32, math.MaxInt64},
		{100, 96, math.MaxInt64},
		{100, 96, 120 << 20}, // the limit's goal is under GOGC's 192 MB
		{50, 64, math.MaxInt64},
		{300, 48, math.MaxInt64},
	} {
		debug.SetGCPercent(c.pct)
		keep = append(keep[:0], make([]byte, c.mb<<20))
		runtime.GC()
		debug.SetMemoryLimit(c.limit)
		metrics.Read(sample)
		want := sample[0].Value.Uint64()
		got := live(c.pct)
		if d := int64(got) - int64(want); d < -1<<20 || d > 1<<20 {
			t.Errorf("GOGC=%d, %d MB held, limit %d: live = %.1f MB, runtime/metrics says %.1f MB", c.pct, c.mb, c.limit, float64(got)/(1<<20), float64(want)/(1<<20))
		}
		if got := debug.SetMemoryLimit(math.MaxInt64); got != math.MaxInt64 {
			t.Errorf("memory limit after live = %d, want it lifted (Follow sets the next at once)", got)
		}
	}
	runtime.KeepAlive(keep)
}
