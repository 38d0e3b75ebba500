package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"testing"

	fc "github.com/guidepress/guidepress/internal/hugeheap/firstchunk"
	"github.com/guidepress/guidepress/internal/hugeheap/smaps"
)

// After Reserve, what the program allocates next lies in memory the kernel
// may back with huge pages (smaps: THPeligible 1), where without the
// advice it may not (transparent_hugepage/enabled = madvise).
func TestReserveMakesTheNextAllocationsEligible(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		t.Skipf("transparent huge pages are not given on request here (%q)", bytes.TrimSpace(mode))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	pct := debug.SetGCPercent(100)
	defer debug.SetGCPercent(pct)
	if !Reserve(16 << 20) {
		t.Fatal("Reserve(16 MB) = false, want true where huge pages are given on request")
	}
	runtime.ReadMemStats(&after)
	// One collection frees the reservation; the allocation must not start
	// one of its own first (16 MB is past this test's heap goal).
	if n := after.NumGC - before.NumGC; n != 1 {
		t.Errorf("Reserve ran %d garbage collections, want 1", n)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC after Reserve = %d, want 100 as before", got)
	}
	b := make([]byte, 8<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	if got := eligible(t, fc.Addr(b)); got != "1" {
		t.Errorf("THPeligible of the memory allocated after Reserve = %q, want 1", got)
	}
	t.Setenv("GODEBUG", "disablethp=1")
	if Reserve(16 << 20) {
		t.Error("Reserve under GODEBUG=disablethp=1 = true, want false")
	}
	if Reserve(1 << 20) {
		t.Error("Reserve(1 MB), less than two huge pages, = true, want false")
	}
}

// eligible is the THPeligible field of the mapping that holds p.
func eligible(t *testing.T, p uintptr) string {
	t.Helper()
	return smaps.Get(t, p, "THPeligible:")
}
