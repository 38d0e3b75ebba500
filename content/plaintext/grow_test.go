package plaintext

import (
	"testing"
	"unsafe"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestSectionsGrowByDoubling: a guide's list of sections, appended one
// by one as its headings are read (newSection, newSubsection), allocates
// under three times its final size in all (doubled as it fills: 2.7),
// where append, growing a long slice by a quarter at a time, allocated
// 5.5 times it for 195,699 sections (the 4 MiB sections shape) and
// copied as much; and its room is at most twice its length.
func TestSectionsGrowByDoubling(t *testing.T) {
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	const n = 195699
	var ss []content.Section
	_, by := growth.Allocations(func() {
		ss = nil
		for range n {
			ss = append(roomForOne(ss), content.Section{})
		}
	})
	final := float64(n) * float64(unsafe.Sizeof(content.Section{}))
	if r := float64(by) / final; r > 3 {
		t.Errorf("%d sections: %.1f times their size allocated, want at most 3", n, r)
	}
	if len(ss) != n || cap(ss) > 2*len(ss) {
		t.Errorf("%d sections: len %d, cap %d", n, len(ss), cap(ss))
	}
}
