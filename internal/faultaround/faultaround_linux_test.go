//go:build linux && (amd64 || arm64)

package faultaround

import (
	"encoding/binary"
	"os"
	"strings"
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
// 64 KB around it (fault-around), and the test fails.
func TestReadMapsOnlyThePageRead(t *testing.T) {
	if !Active() {
		t.Skip("the data mappings are not registered here (userfaultfd or UFFD_FEATURE_WP_ASYNC unavailable)")
	}
	pm, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skip(err)
	}
	defer pm.Close()
	page := uintptr(os.Getpagesize())
	present := func(p uintptr) bool {
		var e [8]byte
		if _, err := pm.ReadAt(e[:], int64(p/page*8)); err != nil {
			t.Fatal(err)
		}
		return binary.LittleEndian.Uint64(e[:])&(1<<63) != 0
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"read-only", unsafe.Slice(unsafe.StringData(big), len(big))},
		// Initialised, never written: read from the file as the
		// embedded fonts are.
		{"writable", unsafe.Slice((*byte)(unsafe.Pointer(&bigData[0])), len(bigData)*8)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := uintptr(unsafe.Pointer(&tc.data[0]))
			// A 64 KB-aligned piece inside the data, none of it mapped.
			for p := (base + 64<<10 - 1) &^ (64<<10 - 1); p+64<<10 <= base+uintptr(len(tc.data)); p += 64 << 10 {
				untouched := true
				for q := p; q < p+64<<10; q += page {
					untouched = untouched && !present(q)
				}
				if !untouched {
					continue
				}
				sink += tc.data[p+5*page-base]
				var got []int
				for i := 0; i < 16; i++ {
					if present(p + uintptr(i)*page) {
						got = append(got, i)
					}
				}
				if len(got) != 1 || got[0] != 5 {
					t.Errorf("pages mapped in the 64 KB after reading its page 5: %v, want [5]", got)
				}
				return
			}
			t.Skip("every 64 KB piece of the data is mapped already")
		})
	}
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
