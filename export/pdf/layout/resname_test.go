package layout

import (
	"strconv"
	"testing"

	"github.com/guidepress/guidepress/fonts"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestAppendResName: a face's resource name, appended where drawing
// writes it (at every change of font, a few times a page), without the
// string ResName makes (~400,000 of them for a 4 MiB guide).
func TestAppendResName(t *testing.T) {
	for fam := fonts.Family(0); fam < fonts.Count; fam++ {
		for st := fonts.Regular; st <= fonts.BoldItalic; st++ {
			fc := Face{Family: fam, Style: st}
			want := "F" + strconv.Itoa(int(fam)) + strconv.Itoa(int(st))
			if got := string(fc.AppendResName([]byte("/"))); got != "/"+want {
				t.Errorf("%v: AppendResName = %q, want %q", fc, got, "/"+want)
			}
			if got := fc.ResName(); got != want {
				t.Errorf("%v: ResName = %q, want %q", fc, got, want)
			}
		}
	}
	if growth.Race {
		t.Skip("the race detector allocates for its own bookkeeping; `make test` runs this again without -race")
	}
	buf := make([]byte, 0, 16)
	fc := Face{Family: fonts.Count - 1, Style: fonts.BoldItalic}
	if n := testing.AllocsPerRun(100, func() { buf = fc.AppendResName(buf[:0]) }); n != 0 {
		t.Errorf("AppendResName allocated %.0f times, want none", n)
	}
}
