// Package hugeheap has the Go heap of a short process backed by
// transparent huge pages where the kernel gives them only on request
// (transparent_hugepage/enabled = madvise, as on the 2-core EPYC VMs the
// figures come from).
//
// A one-guide build touches about 13 MB of fresh heap, one page fault per
// 4 KB page: ~3,400 of its ~4,300 faults, at ~8 µs each on those VMs
// (perf: 28% of the build's CPU samples were in the kernel's page-fault
// path). The runtime no longer asks for huge pages itself (Go 1.21.1
// stopped, for long-lived servers whose heaps shrink and grow). A build is
// short and does not need to give memory back, so the first megabytes it
// will use are advised (MADV_HUGEPAGE) up front: each 2 MB of them is then
// one fault, zeroed in one go. The cost is resident memory: a 2 MB page
// is resident whole (seed build: 29.6 → 31.4 MB peak RSS).
package hugeheap

// Reserve grows the heap by about n bytes, asks the kernel for huge pages
// under them and collects, so that the allocations that follow fill that
// memory. It reports whether it did; it does nothing where huge pages are
// never used, or always (the heap gets them already), on systems other
// than Linux, and under GODEBUG=disablethp=1. It costs one garbage
// collection of what the process holds so far, and leaves the collector's
// settings as they were.
func Reserve(n int) bool { return reserve(n) }
