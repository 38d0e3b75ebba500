package firstchunk

import (
	"syscall"
	"unsafe"
)

// MADV_HUGEPAGE and MADV_COLLAPSE, which the syscall package does not
// name.
const (
	MadvHugepage = 14
	MadvCollapse = 25
)

// Chunk is the runtime's heap growth unit (pallocChunkBytes): a chunk of
// heap starts at a multiple of it and is mapped whole.
const Chunk = 4 << 20

// Mark is a small allocation made when the package is initialised, so in
// the heap's first chunk (or the chunk the allocations had reached by
// then, when the heap's random start left little room in the first).
var Mark []byte

// The chunk holding Mark is advised and its huge pages in use collapsed.
// Static binary, 31 alternating runs under chrt -f 50 (load 4.5), medians:
// --version 437 → 344 faults, 19.3 → 17.6 ms CPU, 15.7 → 14.5 ms wall,
// 9.1 → 10.5 MiB peak RSS (the huge page is resident whole); the seed build
// 837 → 751 faults, 52.0 → 50.6 ms CPU, 38.4 → 36.3 ms wall, RSS
// unchanged. From internal/hugeheap's own init (81st) it saved only 43
// faults of --version's and 26 of the build's.
func init() {
	huge, ok := HugePageSize()
	if !ok || 2*huge > Chunk {
		// Pages of 16 or 64 KB make huge pages of 32 or 512 MB,
		// past a chunk (Reserve does nothing there either).
		return
	}
	first := Addr(Mark) &^ (Chunk - 1)
	if Madvise(first, first+Chunk, MadvHugepage) == nil {
		Collapse(first, first+Chunk, uintptr(huge))
	}
}

// HugePageSize is the size of a huge page, when the kernel gives them on
// request (transparent_hugepage/enabled = madvise) and GODEBUG does not
// say disablethp=1.
func HugePageSize() (int, bool) {
	if godebug, _ := syscall.Getenv("GODEBUG"); contains(godebug, "disablethp=1") {
		return 0, false
	}
	var buf [64]byte
	if mode := ReadSys("/sys/kernel/mm/transparent_hugepage/enabled", buf[:]); !contains(string(mode), "[madvise]") {
		return 0, false
	}
	if Mark == nil {
		Mark = make([]byte, 8)
	}
	// A huge page spans what one page table maps (a PMD entry): 512 pages
	// of 4 KB on amd64 and arm64, hpage_pmd_size's 2 MB, which the
	// runtime has read already; it needs no second read.
	page := syscall.Getpagesize()
	return page * (page / 8), true
}

// contains is strings.Contains, which would have the package initialised
// after strings' and unicode's dependencies.
func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// ReadSys reads a small file with plain system calls: os.ReadFile
// registers a file with the runtime's poller (open, fcntl twice,
// epoll_ctl, fstat, read twice, epoll_ctl, close: nine calls; these are
// three). It returns nil when the file cannot be read.
func ReadSys(path string, buf []byte) []byte {
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

// Collapse asks for the huge pages of [from, to) that are in use (some
// page resident) and not collapsed by an earlier call, one at a time, best
// effort.
//
// One at a time: given a range, MADV_COLLAPSE gives up at the first huge
// page that has no page table yet (SCAN_PMD_NONE: EINVAL, the rest left
// in small pages), and the heap's randomised start (Go 1.26) leaves such
// a stretch of never-touched padding pages at the start of the first
// chunk in about a third of runs, where the seed build then faulted in
// the chunk's used pages one by one (1,100–1,400 faults instead of
// 830–880). A huge page with no page table needs no collapsing: its first
// touch faults in a huge page, the range being advised.
//
// Only those in use and not done: every MADV_COLLAPSE first drains the
// page lists of every CPU (lru_add_drain_all), waiting for a kernel worker
// on each, which takes a quiet machine ~3 µs but a loaded one ms (the
// 2-core VM at load 21: 1.6–7.5 ms for a huge page already collapsed or
// never touched, 0.25–4.7 ms for one it collapses); mincore, which tells
// the pages in use, takes ~1 µs.
func Collapse(from, to, huge uintptr) {
	for p := from; p < to; p += huge {
		if collapsed(p) || !inUse(p, huge) {
			continue
		}
		if Madvise(p, p+huge, MadvCollapse) == nil && len(done) < cap(done) {
			done = append(done, p)
		}
	}
}

// done are huge pages collapsed already: the first chunk's, by the init.
var done = make([]uintptr, 0, 4)

func collapsed(p uintptr) bool {
	for _, q := range done {
		if q == p {
			return true
		}
	}
	return false
}

// inUse says whether a page of the huge page at p is resident (mincore),
// so has a page table to collapse.
func inUse(p, huge uintptr) bool {
	vec := make([]byte, huge/uintptr(syscall.Getpagesize()))
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, p, huge, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		return true // unknown: let MADV_COLLAPSE find out
	}
	for _, v := range vec {
		if v&1 != 0 {
			return true
		}
	}
	return false
}

// Addr is the address of b's first byte.
func Addr(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }

// Madvise gives advice for the pages of [from, to).
func Madvise(from, to uintptr, advice int) error {
	if to <= from {
		return nil
	}
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, from, to-from, uintptr(advice)); e != 0 {
		return e
	}
	return nil
}
