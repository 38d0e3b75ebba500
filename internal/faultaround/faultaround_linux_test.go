//go:build linux && (amd64 || arm64)

package faultaround

import (
	"encoding/binary"
	"fmt"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// big is a string constant of 256 KB, in the test binary's read-only
// segment, which the package's init registered.
const (
	c16  = "0123456789abcdef"
	c256 = c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16 + c16
	c4k  = c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256 + c256
	c64k = c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k + c4k
	big  = c64k + c64k + c64k + c64k
)

// bigData is initialised data of 256 KB, in the file-backed writable
// segment.
var bigData = [1 << 15]uint64{1<<15 - 1: 1}

var sink byte

// A page of a registered mapping read for the first time is the only one
// mapped: its neighbours in the same 64 KB, in the page cache as the test
// binary's, stay unmapped. Without the registration the kernel maps the
// 64 KB around it (fault-around), and the test fails. The code is
// registered until InitsDone, and mapped 64 KB at a time after it.
func TestReadMapsOnlyThePageRead(t *testing.T) {
	if !Active() {
		t.Skip("the data mappings are not registered here (userfaultfd or UFFD_FEATURE_WP_ASYNC unavailable)")
	}
	pm, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skip(err)
	}
	defer pm.Close()
	// A file mapping of the test's own executable stands for the code,
	// whose pieces the test binary has touched nearly all of before its
	// tests run: registered as the init registers the code, then
	// unregistered as InitsDone unregisters it.
	exe, err := os.Open("/proc/self/exe")
	if err != nil {
		t.Skip(err)
	}
	defer exe.Close()
	file, err := syscall.Mmap(int(exe.Fd()), 0, 1<<20, syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip(err)
	}
	defer syscall.Munmap(file)
	fileRange := [2]uintptr{uintptr(unsafe.Pointer(&file[0])), uintptr(unsafe.Pointer(&file[0])) + uintptr(len(file))}
	if !register(uintptr(uffd), fileRange) {
		t.Fatal("a file mapping could not be registered as the code is")
	}
	all := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	for _, tc := range []struct {
		name       string
		data       []byte
		unregister bool
		want       []int
	}{
		{"read-only", unsafe.Slice(unsafe.StringData(big), len(big)), false, []int{5}},
		// Initialised, never written: read from the file as the
		// embedded fonts are.
		{"writable", unsafe.Slice((*byte)(unsafe.Pointer(&bigData[0])), len(bigData)*8), false, []int{5}},
		{"code during the inits", file, false, []int{5}},
		{"code after InitsDone", file, true, all},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.unregister && !unregister(uintptr(uffd), fileRange) {
				t.Fatal("unregister failed")
			}
			got, ok := mappedAfterRead(t, pm, tc.data)
			if !ok {
				t.Skip("every 64 KB piece of the data is mapped already")
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("pages mapped in the 64 KB after reading its page 5: %v, want %v", got, tc.want)
			}
		})
	}
}

// mappedAfterRead reads page 5 of a 64 KB piece of data none of which is
// mapped and returns the pages of the piece mapped then (pm is
// /proc/self/pagemap), or false if every piece is mapped already.
func mappedAfterRead(t *testing.T, pm *os.File, data []byte) ([]int, bool) {
	page := uintptr(os.Getpagesize())
	present := func(p uintptr) bool {
		var e [8]byte
		if _, err := pm.ReadAt(e[:], int64(p/page*8)); err != nil {
			t.Fatal(err)
		}
		return binary.LittleEndian.Uint64(e[:])&(1<<63) != 0
	}
	base := uintptr(unsafe.Pointer(&data[0]))
	for p := (base + 64<<10 - 1) &^ (64<<10 - 1); p+64<<10 <= base+uintptr(len(data)); p += 64 << 10 {
		untouched := true
		for q := p; q < p+64<<10; q += page {
			untouched = untouched && !present(q)
		}
		if !untouched {
			continue
		}
		sink += data[p+5*page-base]
		var got []int
		for i := 0; i < 16; i++ {
			if present(p + uintptr(i)*page) {
				got = append(got, i)
			}
		}
		return got, true
	}
	return nil, false
}

// mapping finds the line holding an address, with its permissions, and
// only a file-backed one.
func TestMapping(t *testing.T) {
	maps := []byte(strings.Join([]string{
		"00400000-009d8000 r-xp 00000000 fe:00 9978146   /usr/bin/guidepress",
		"009d8000-010f0000 r--p 005d8000 fe:00 9978146   /usr/bin/guidepress",
		"010f0000-01836000 rw-p 00cf0000 fe:00 9978146   /usr/bin/guidepress",
		"01836000-038fb000 rw-p 00000000 00:00 0 ",
		"c000000000-c004000000 rw-p 00000000 00:00 0",
	}, "\n"))
	for _, tc := range []struct {
		addr uintptr
		perm string
		want [2]uintptr
	}{
		{0x9d8000, "r--p", [2]uintptr{0x9d8000, 0x10f0000}},
		{0x10effff, "r--p", [2]uintptr{0x9d8000, 0x10f0000}},
		{0x1234567, "rw-p", [2]uintptr{0x10f0000, 0x1836000}},
		{0x1234567, "r--p", [2]uintptr{}},    // wrong permissions
		{0x1900000, "rw-p", [2]uintptr{}},    // anonymous
		{0xc000001000, "rw-p", [2]uintptr{}}, // anonymous, last line
		{0x100, "r--p", [2]uintptr{}},        // in none
	} {
		if got := mapping(maps, tc.addr, tc.perm); got != tc.want {
			t.Errorf("mapping(%#x, %s) = %#x, want %#x", tc.addr, tc.perm, got, tc.want)
		}
	}
	if got := mapping([]byte("garbage"), 0x100, "r--p"); got != [2]uintptr{} {
		t.Errorf("mapping of a malformed line = %#x", got)
	}
}

// The init registers the code as well as the data, and InitsDone ends
// the code's registration: the kernel's flags for the mapping that holds
// the code (smaps' VmFlags) have uw, userfaultfd write-protect, before it
// and not after.
func TestCodeRegisteredUntilInitsDone(t *testing.T) {
	if !Active() {
		t.Skip("the data mappings are not registered here (userfaultfd or UFFD_FEATURE_WP_ASYNC unavailable)")
	}
	fn := **(**uintptr)(unsafe.Pointer(&textMarkFn))
	if code := text; fn < code[0] || fn >= code[1] {
		t.Fatalf("registered code %#x-%#x does not hold textMark (%#x)", code[0], code[1], fn)
	}
	for _, tc := range []struct {
		name      string
		initsDone bool
		want      bool
	}{
		{"during the inits", false, true},
		{"after InitsDone", true, false},
		{"after a second InitsDone", true, false},
	} {
		if tc.initsDone {
			InitsDone()
		}
		if got := vmFlag(t, fn, "uw"); got != tc.want {
			t.Errorf("%s: the code's mapping has flag uw: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// vmFlag says whether the mapping holding addr has flag in its VmFlags
// (/proc/self/smaps).
func vmFlag(t *testing.T, addr uintptr, flag string) bool {
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	in := false
	for _, line := range strings.Split(string(smaps), "\n") {
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x", &lo, &hi); n == 2 {
			in = lo <= addr && addr < hi
			continue
		}
		if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			return slices.Contains(strings.Fields(rest), flag)
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return false
}
