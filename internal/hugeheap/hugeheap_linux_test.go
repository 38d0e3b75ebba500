package hugeheap

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
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
	if got := eligible(t, addr(b)); got != "1" {
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
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		head, _, _ := strings.Cut(line, " ")
		if lo, hi, ok := strings.Cut(head, "-"); ok {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			z, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				in = uintptr(a) <= p && p < uintptr(z)
				continue
			}
		}
		if v, ok := strings.CutPrefix(line, "THPeligible:"); ok && in {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("no mapping in /proc/self/smaps holds %#x", p)
	return ""
}

// The huge page size worked out from the page size is the kernel's
// (hpage_pmd_size), and readSys reads what os.ReadFile reads.
func TestHugePageSizeIsTheKernels(t *testing.T) {
	const path = "/sys/kernel/mm/transparent_hugepage/enabled"
	want, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	var buf [64]byte
	if got := readSys(path, buf[:]); !bytes.Equal(got, want) {
		t.Errorf("readSys(%s) = %q, want %q", path, got, want)
	}
	if readSys("/nonexistent", buf[:]) != nil {
		t.Error("readSys of a missing file is not nil")
	}
	if !bytes.Contains(want, []byte("[madvise]")) {
		t.Skipf("transparent huge pages are not given on request here (%q)", bytes.TrimSpace(want))
	}
	size, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size")
	if err != nil {
		t.Skip(err)
	}
	got, ok := hugePageSize()
	if !ok || strconv.Itoa(got) != string(bytes.TrimSpace(size)) {
		t.Errorf("hugePageSize() = %d, %v; want %s, true", got, ok, bytes.TrimSpace(size))
	}
}
