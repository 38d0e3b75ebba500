//go:build linux && (amd64 || arm64)

package faultaround

import (
	"syscall"
	"unsafe"

	fc "github.com/guidepress/guidepress/internal/hugeheap/firstchunk"
)

// From linux/userfaultfd.h (the syscall package has none of them). The
// ioctl numbers are _IOWR(0xAA, nr, size), the same on amd64 and arm64.
const (
	uffdUserModeOnly   = 1       // UFFD_USER_MODE_ONLY: allowed unprivileged since Linux 5.11
	uffdAPI            = 0xAA    // UFFD_API
	uffdFeatureWPAsync = 1 << 15 // UFFD_FEATURE_WP_ASYNC
	uffdioAPI          = 0xc018aa3f
	uffdioRegister     = 0xc020aa00
	uffdioUnregister   = 0x8010aa01
	registerModeWP     = 2 // UFFDIO_REGISTER_MODE_WP
)

// uffd is the userfaultfd the mappings are registered with, kept open:
// closing it would unregister them.
var uffd = -1

// roMark is a string constant, so in the read-only segment; rwMark is
// initialised data, so in the file-backed writable one.
const roMark = "faultaround: read-only segment"

var rwMark = [2]uint64{1, 2}

// textMark is a function, so in the code segment; textMarkFn is its
// func value, whose first word is its address.
func textMark() {}

var textMarkFn = textMark

// text is the code segment while it is registered (until InitsDone).
var text [2]uintptr

// The package depends on firstchunk and syscall alone, so its init runs
// among the first (16th of guidepress's), before the inits that read the
// type data (reflect, encoding/json's tables) and after only the
// runtime's own start.
func init() {
	var buf [4096]byte
	maps := fc.ReadSys("/proc/self/maps", buf[:])
	ro := mapping(maps, uintptr(unsafe.Pointer(unsafe.StringData(roMark))), "r--p")
	rw := mapping(maps, uintptr(unsafe.Pointer(&rwMark[0])), "rw-p")
	x := mapping(maps, **(**uintptr)(unsafe.Pointer(&textMarkFn)), "r-xp")
	if ro[1] == 0 && rw[1] == 0 {
		return
	}
	fd, _, e := syscall.RawSyscall(sysUserfaultfd, syscall.O_CLOEXEC|syscall.O_NONBLOCK|uffdUserModeOnly, 0, 0)
	if e != 0 {
		return
	}
	api := [3]uint64{uffdAPI, uffdFeatureWPAsync, 0} // struct uffdio_api
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, uffdioAPI, uintptr(unsafe.Pointer(&api))); e != 0 {
		syscall.Close(int(fd))
		return
	}
	registered := false
	for _, m := range [][2]uintptr{ro, rw} {
		registered = register(fd, m) || registered
	}
	if !registered {
		syscall.Close(int(fd))
		return
	}
	uffd = int(fd)
	if register(fd, x) {
		text = x
	}
}

// register registers the range m with the userfaultfd fd.
func register(fd uintptr, m [2]uintptr) bool {
	if m[1] <= m[0] {
		return false
	}
	reg := [4]uint64{uint64(m[0]), uint64(m[1] - m[0]), registerModeWP, 0} // struct uffdio_register
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, uffdioRegister, uintptr(unsafe.Pointer(&reg)))
	return e == 0
}

// unregister ends the registration of the range m with fd.
func unregister(fd uintptr, m [2]uintptr) bool {
	r := [2]uint64{uint64(m[0]), uint64(m[1] - m[0])} // struct uffdio_range
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, uffdioUnregister, uintptr(unsafe.Pointer(&r)))
	return e == 0
}

func initsDone() {
	if text[1] != 0 {
		unregister(uintptr(uffd), text)
		text = [2]uintptr{}
	}
}

// mapping is the range of the file-backed mapping in maps (the text of
// /proc/self/maps) that holds addr, if its permissions are perm.
func mapping(maps []byte, addr uintptr, perm string) [2]uintptr {
	for len(maps) > 0 {
		line := maps
		for i, c := range maps {
			if c == '\n' {
				line = maps[:i]
				break
			}
		}
		maps = maps[min(len(line)+1, len(maps)):]
		// start-end perm offset dev inode path
		lo, rest := hex(line)
		if len(rest) == 0 || rest[0] != '-' {
			return [2]uintptr{}
		}
		hi, rest := hex(rest[1:])
		if addr < lo || addr >= hi {
			continue
		}
		if len(rest) < 5 || string(rest[1:5]) != perm || !fileBacked(rest) {
			return [2]uintptr{}
		}
		return [2]uintptr{lo, hi}
	}
	return [2]uintptr{}
}

// fileBacked says whether a maps line's tail names a file (a path after
// the inode).
func fileBacked(rest []byte) bool {
	for _, c := range rest {
		if c == '/' {
			return true
		}
	}
	return false
}

// hex reads a hexadecimal number at the start of b.
func hex(b []byte) (uintptr, []byte) {
	var v uintptr
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uintptr(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | uintptr(c-'a'+10)
		default:
			return v, b[i:]
		}
	}
	return v, nil
}
