package hugeheap

import (
	"runtime"
	"runtime/debug"

	fc "github.com/guidepress/guidepress/internal/hugeheap/firstchunk"
)

func reserve(n int) bool {
	huge, ok := fc.HugePageSize()
	if !ok || n < 2*huge {
		return false
	}
	// A large allocation takes fresh pages that the runtime maps but does
	// not touch, right after the heap's first chunk (which holds what was
	// allocated so far): from the start of that chunk to the end of the
	// allocation is advised, then the allocation freed for what follows.
	// The first chunk is partly in use already, in small pages, which an
	// advice does not change: it is collapsed into huge pages
	// (MADV_COLLAPSE, Linux 6.1), where later allocations would otherwise
	// fault it in page by page (~1,200 faults of a seed build); package
	// firstchunk did so for the part the package inits had used, this
	// for what was used since.
	//
	// The allocation is far past the collector's first goal (4 MB): it
	// would start a cycle of its own, which the collection below waits for
	// before running another, two where one frees it. Seed build, 15 runs
	// (load 1.5): the collection took 7.9 ms (median; min 3.6), and 3.3
	// (min 2.3) with the collector off while allocating.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	b := make([]byte, n)
	first := min(fc.Addr(fc.Mark), fc.Addr(b)) &^ (fc.Chunk - 1)
	end := (fc.Addr(b) + uintptr(n)) &^ uintptr(huge-1)
	err := fc.Madvise(first, end, fc.MadvHugepage)
	if err == nil {
		fc.Collapse(first, min((fc.Addr(b)+uintptr(huge-1))&^uintptr(huge-1), end), uintptr(huge))
	}
	runtime.KeepAlive(b)
	b = nil
	runtime.GC()
	return err == nil
}
