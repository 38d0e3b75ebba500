package firstchunk

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/guidepress/guidepress/internal/hugeheap/smaps"
)

// By the time tests run, the package's init has collapsed the used huge
// page of the chunk the heap was filling: the mapping that holds Mark
// has huge pages.
func TestInitCollapsesTheFirstChunk(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		t.Skipf("transparent huge pages are not given on request here (%q)", bytes.TrimSpace(mode))
	}
	if Mark == nil {
		t.Fatal("Mark is nil after the package's init")
	}
	if !collapses(t, 2<<20) {
		t.Skip("MADV_COLLAPSE (Linux 6.1) does not collapse here")
	}
	if got := anonHuge(t, Addr(Mark)); got < 2048 {
		t.Errorf("AnonHugePages of the mapping holding Mark = %d kB, want at least one huge page (2048 kB)", got)
	}
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
	if got := ReadSys(path, buf[:]); !bytes.Equal(got, want) {
		t.Errorf("ReadSys(%s) = %q, want %q", path, got, want)
	}
	if ReadSys("/nonexistent", buf[:]) != nil {
		t.Error("readSys of a missing file is not nil")
	}
	if !bytes.Contains(want, []byte("[madvise]")) {
		t.Skipf("transparent huge pages are not given on request here (%q)", bytes.TrimSpace(want))
	}
	size, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size")
	if err != nil {
		t.Skip(err)
	}
	got, ok := HugePageSize()
	if !ok || strconv.Itoa(got) != string(bytes.TrimSpace(size)) {
		t.Errorf("HugePageSize() = %d, %v; want %s, true", got, ok, bytes.TrimSpace(size))
	}
}

// Collapse turns the used huge pages of a range into huge pages when the
// range starts with a huge page never touched, as the heap's randomised
// start leaves one in about a third of runs (a single MADV_COLLAPSE of
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
	from := Addr(mem) + uintptr(start)
	if err := Madvise(from, from+3*huge, MadvHugepage); err != nil {
		t.Fatal(err)
	}
	Collapse(from, from+3*huge, huge)
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
	from := Addr(mem) + uintptr(start)
	return Madvise(from, from+uintptr(huge), MadvCollapse) == nil && anonHuge(t, from) >= huge/1024
}

// alignedMapping maps n bytes of anonymous memory starting at a multiple
// of align, and returns the mapping and the offset of that start in it.
func alignedMapping(t *testing.T, n, align int) ([]byte, int) {
	t.Helper()
	mem, err := syscall.Mmap(-1, 0, n+align, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	start := int((uintptr(align) - Addr(mem)%uintptr(align)) % uintptr(align))
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
	v := smaps.Get(t, p, "AnonHugePages:")
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(v, "kB")))
	if err != nil {
		t.Fatalf("AnonHugePages %q: %v", v, err)
	}
	return n
}
