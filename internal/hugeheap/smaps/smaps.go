// Package smaps reads /proc/self/smaps for the tests of the huge-page
// packages (internal/hugeheap, internal/hugeheap/firstchunk): what the
// kernel says of the mapping that holds an address.
package smaps

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Field is the value of field (such as "AnonHugePages:") of the mapping
// that holds p, as the kernel writes it ("2048 kB").
func Field(p uintptr, field string) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		head, _, _ := strings.Cut(line, " ")
		if lo, hi, ok := strings.Cut(head, "-"); ok {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			z, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				in = uintptr(a) <= p && p < uintptr(z)
				continue
			}
		}
		if v, ok := strings.CutPrefix(line, field); ok && in {
			return strings.TrimSpace(v), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no mapping in /proc/self/smaps holds %#x", p)
}

// Get is Field for a test: it skips the test where /proc/self/smaps
// cannot be read, and fails it where no mapping holds p.
func Get(t testing.TB, p uintptr, field string) string {
	t.Helper()
	v, err := Field(p, field)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip(err)
	} else if err != nil {
		t.Fatal(err)
	}
	return v
}
