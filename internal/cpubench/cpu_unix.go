//go:build unix

package cpubench

import (
	"syscall"
	"time"
)

// CPU returns the process's user+system CPU time so far, or -1 when it
// cannot be read.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
