// Package firstchunk backs the chunk of heap that the Go runtime is
// filling while the program's packages are initialised with transparent
// huge pages (Linux, transparent_hugepage/enabled = madvise), as soon as
// it is initialised itself: every page of the chunk that the later inits,
// the command line and the build touch is then one huge page's, not a page
// fault each (~13 µs on the 2-core PVM guest the figures come from).
//
// It is imported for that effect, by internal/hugeheap, and depends on the
// syscall package alone, so that it is among the first packages
// initialised (15th of guidepress's 107): internal/hugeheap itself, which
// needs runtime/debug, comes 81st, after most of the inits' allocations.
package firstchunk
