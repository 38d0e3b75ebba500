package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
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
