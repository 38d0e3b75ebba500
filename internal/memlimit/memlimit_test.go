package memlimit

import (
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
	stop := Follow(base, 2)
	if got := limit(); got != base {
		t.Fatalf("limit = %d after Follow, want base %d", got, base)
	}
	live := make([]byte, 64<<20) // 64 MB live: the limit must reach 128 MB
	deadline := time.Now().Add(10 * time.Second)
	for limit() < 128<<20 && time.Now().Before(deadline) {
		runtime.GC() // the finalizer runs after the cycle, on its own goroutine
		time.Sleep(10 * time.Millisecond)
	}
	if got := limit(); got < 128<<20 {
		t.Errorf("limit = %d MB with 64 MB live, want at least 128 MB (twice the live heap)", got>>20)
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
