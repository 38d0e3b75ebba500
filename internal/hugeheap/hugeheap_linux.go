package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"unsafe"
)

// MADV_HUGEPAGE and MADV_COLLAPSE, which the syscall package does not
// name.
const (
	madvHugepage = 14
	madvCollapse = 25
)

func reserve(n int) bool {
	huge, ok := hugePageSize()
	if !ok || n < 2*huge {
		return false
	}
	// A large allocation takes fresh pages that the runtime maps but does
	// not touch, right after the heap's first chunk (which holds what was
	// allocated so far): from the start of that chunk to the end of the
	// allocation is advised, then the allocation freed for what follows.
	// The first chunk is partly in use already, in small pages, which an
	// advice does not change: it is collapsed into huge pages now
	// (MADV_COLLAPSE, Linux 6.1), where later allocations would otherwise
	// fault it in page by page (~1,200 faults of a seed build).
	//
	// The allocation is far past the collector's first goal (4 MB): it
	// would start a cycle of its own, which the collection below waits for
	// before running another, two where one frees it. Seed build, 15 runs
	// (load 1.5): the collection took 7.9 ms (median; min 3.6), and 3.3
	// (min 2.3) with the collector off while allocating.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	b := make([]byte, n)
	first := min(addr(heapMark), addr(b)) &^ (chunk - 1)
	end := (addr(b) + uintptr(n)) &^ uintptr(huge-1)
	err := madvise(first, end, madvHugepage)
	if err == nil {
		collapse(first, min((addr(b)+uintptr(huge-1))&^uintptr(huge-1), end), uintptr(huge))
	}
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
	return err == nil
}

// collapse asks for the huge pages of [from, to) one at a time (best
// effort): given the whole range, MADV_COLLAPSE gives up at the first huge
// page that has no page table yet (SCAN_PMD_NONE: EINVAL, the rest left in
// small pages), and the heap's randomised start (Go 1.26) leaves such a
// stretch of never-touched padding pages at the start of the first chunk
// in about half of all runs: the seed build then faulted in the chunk's
// used pages one by one, 1,300–1,570 faults instead of 830–880. A huge page
// with no page table needs no collapsing: its first touch faults in a huge
// page, the range being advised.
func collapse(from, to, huge uintptr) {
	for p := from; p < to; p += huge {
		madvise(p, p+huge, madvCollapse)
	}
}

// heapMark is a small allocation made before the reservation, so in the
// heap's first chunk.
var heapMark []byte

// hugePageSize is the size of a huge page, when the kernel gives them on
// request (transparent_hugepage/enabled = madvise) and GODEBUG does not
// say disablethp=1.
func hugePageSize() (int, bool) {
	if strings.Contains(os.Getenv("GODEBUG"), "disablethp=1") {
		return 0, false
	}
	var buf [64]byte
	if mode := readSys("/sys/kernel/mm/transparent_hugepage/enabled", buf[:]); !bytes.Contains(mode, []byte("[madvise]")) {
		return 0, false
	}
	heapMark = make([]byte, 8)
	// A huge page spans what one page table maps (a PMD entry): 512 pages
	// of 4 KB on amd64 and arm64, hpage_pmd_size's 2 MB, which the
	// runtime has read already; it needs no second read.
	page := os.Getpagesize()
	return page * (page / 8), true
}

// readSys reads a small file with plain system calls: os.ReadFile
// registers a file with the runtime's poller (open, fcntl twice,
// epoll_ctl, fstat, read twice, epoll_ctl, close: nine calls; these are
// three). It returns nil when the file cannot be read.
func readSys(path string, buf []byte) []byte {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	defer syscall.Close(fd)
	n, err := syscall.Read(fd, buf)
	if err != nil || n <= 0 {
		return nil
	}
	return buf[:n]
}

// chunk is the runtime's heap growth unit (pallocChunkBytes): the heap's
// first chunk starts at a multiple of it.
const chunk = 4 << 20

func addr(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }

func madvise(from, to uintptr, advice int) error {
	if to <= from {
		return nil
	}
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, from, to-from, uintptr(advice)); e != 0 {
		return e
	}
	return nil
}
