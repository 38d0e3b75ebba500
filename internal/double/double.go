// Package double grows a long slice that is appended to one element at a
// time by doubling it when it is full.
//
// append grows a slice past 256 elements by about a quarter at a time
// (runtime.nextslicecap): a slice appended to until it holds n elements
// has then been allocated, and copied, about five times its final size.
// For the few slices of a long document that reach megabytes (a page's
// start, annotation or marked content each, 195,699 pages of one-line
// sections), each of those allocations is fresh memory the collector
// must clear and the kernel fault in, and under the build's memory limit
// one the scavenger gives back other memory for, to be faulted in again.
// Doubled, the allocations add up to about twice the final size; the
// room left spare is at most the slice's length.
package double

import "slices"

// Room is s with room for one more element: s itself when it has room,
// else s copied into an array twice its length (at least 4).
func Room[S ~[]E, E any](s S) S {
	if len(s) == cap(s) {
		s = slices.Grow(s, max(len(s), 4))
	}
	return s
}
