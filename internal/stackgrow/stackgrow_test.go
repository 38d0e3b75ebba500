package stackgrow

import (
	"runtime/debug"
	"testing"
	"unsafe"
)

// A goroutine grown by To32K, To16K or To8K runs calls that need up to
// about half of that stack without its stack being copied again (a copy
// moves the goroutine's locals: the address of one taken before the calls
// changes); without the growth the same calls copy it.
func TestGrownStackIsNotCopiedAgain(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // a collection may shrink a stack
	for _, c := range []struct {
		name     string
		grow     func() byte
		need     int
		wantCopy bool
	}{
		{"not grown", func() byte { return 0 }, 20 << 10, true},
		{"To32K", To32K, 20 << 10, false},
		{"To16K", To16K, 10 << 10, false},
		{"To8K", To8K, 4 << 10, false},
	} {
		copied := make(chan bool)
		go func() {
			c.grow()
			var x int
			before := uintptr(unsafe.Pointer(&x))
			deep(c.need)
			copied <- uintptr(unsafe.Pointer(&x)) != before
		}()
		if got := <-copied; got != c.wantCopy {
			t.Errorf("%s: stack copied by calls needing %d KB = %v, want %v", c.name, c.need>>10, got, c.wantCopy)
		}
	}
}

// deep uses about n bytes of stack, 1 KB a frame.
//
//go:noinline
func deep(n int) byte {
	var b [1 << 10]byte
	b[zero] = byte(n)
	if n <= 1<<10 {
		return b[zero]
	}
	return deep(n-1<<10) + b[zero]
}
