// Package stackgrow gives a goroutine, as it starts, the stack it will
// need, in one step rather than several.
//
// A goroutine starts with a 2 KB stack that the runtime doubles, copying
// it, each time a call needs more. Each copy walks every frame on the
// stack and reads each function's tables in the executable's pclntab
// (frame size, pointer maps), pages a build touches for little else; the
// kernel maps the executable's pages 64 KB at a time around each one
// touched, so one table read can make 64 KB resident. A seed build copied
// its goroutines' stacks 22 times, with deep stacks (2 → 32 KB for the
// goroutine that imports the guide and makes the EPUB and for the one
// that warms the formats up, → 16 KB for the PDF's and lazyre's, the main
// goroutine → 8 KB during the package inits), ~30 of the 55 64 KB pieces
// of the pclntab it touched. Grown at their start, with two frames on
// the stack (12 copies left, 5 of them these): seed build, 21 alternating
// runs under chrt -f 50 (load ~11), median peak RSS 31,596 → 31,196 KiB,
// minor faults 761 → 752; pclntab resident at exit 3,184 → 2,672 KiB.
// Each grown frame is zeroed (the array is read): 5-24 KB of fresh stack,
// in the heap's huge pages after the reservation (internal/hugeheap).
package stackgrow

// zero keeps the frames below from being optimised away: a read at an
// index the compiler cannot know needs the whole array.
var zero int

// The main goroutine runs the package inits, cobra and the command line:
// it needs 8 KB, which it reached in two steps during the inits (a
// regular expression compiled by one) with the inits' frames on its
// stack. This package imports nothing, so its init is among the first.
func init() { To8K() }

// To32K grows the calling goroutine's stack to 32 KB.
//
//go:noinline
func To32K() byte {
	var b [24 << 10]byte
	return b[zero]
}

// To16K grows the calling goroutine's stack to 16 KB.
//
//go:noinline
func To16K() byte {
	var b [12 << 10]byte
	return b[zero]
}

// To8K grows the calling goroutine's stack to 8 KB.
//
//go:noinline
func To8K() byte {
	var b [5 << 10]byte
	return b[zero]
}
