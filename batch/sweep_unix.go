//go:build unix

package batch

import (
	"errors"
	"syscall"
)

// processGone reports whether no process with this PID exists. A process
// of another user (EPERM) exists.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
