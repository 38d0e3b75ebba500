package hugeheap

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
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
	return smapsField(t, p, "THPeligible:")
}

// smapsField is the value of a field of /proc/self/smaps for the mapping
// that holds p.
func smapsField(t *testing.T, p uintptr, field string) string {
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
		if v, ok := strings.CutPrefix(line, field); ok && in {
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

// collapse turns the used huge pages of a range into huge pages when the
// range starts with a huge page never touched, as the heap's randomised
// start leaves one in about half of all runs (a single MADV_COLLAPSE of
// the whole range gives up there and collapses nothing).
func TestCollapsePastUntouchedHugePage(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		t.Skipf("transparent huge pages are not given on request here (%q)", bytes.TrimSpace(mode))
	}
	const huge = 2 << 20
	if !collapses(t, huge) {
		t.Skip("MADV_COLLAPSE (Linux 6.1) does not collapse here")
	}
	// Three huge pages: the first never touched, the other two used in
	// small pages before the advice, as the heap's first chunk is.
	mem, start := alignedMapping(t, 3*huge, huge)
	defer syscall.Munmap(mem)
	touch(mem[start+huge : start+3*huge])
	from := addr(mem) + uintptr(start)
	if err := madvise(from, from+3*huge, madvHugepage); err != nil {
		t.Fatal(err)
	}
	collapse(from, from+3*huge, huge)
	if got := anonHuge(t, from+huge); got < 2*huge/1024 {
		t.Errorf("AnonHugePages after collapse = %d kB, want the two used huge pages (%d kB)", got, 2*huge/1024)
	}
}

// collapses says whether MADV_COLLAPSE turns a used huge page of small
// pages into a huge page.
func collapses(t *testing.T, huge int) bool {
	mem, start := alignedMapping(t, huge, huge)
	defer syscall.Munmap(mem)
	touch(mem[start : start+huge])
	from := addr(mem) + uintptr(start)
	return madvise(from, from+uintptr(huge), madvCollapse) == nil && anonHuge(t, from) >= huge/1024
}

// alignedMapping maps n bytes of anonymous memory starting at a multiple
// of align, and returns the mapping and the offset of that start in it.
func alignedMapping(t *testing.T, n, align int) ([]byte, int) {
	t.Helper()
	mem, err := syscall.Mmap(-1, 0, n+align, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	start := int((uintptr(align) - addr(mem)%uintptr(align)) % uintptr(align))
	return mem, start
}

func touch(b []byte) {
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
}

// anonHuge is the AnonHugePages (kB) of the mapping that holds p.
func anonHuge(t *testing.T, p uintptr) int {
	t.Helper()
	v := smapsField(t, p, "AnonHugePages:")
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(v, "kB")))
	if err != nil {
		t.Fatalf("AnonHugePages %q: %v", v, err)
	}
	return n
}
