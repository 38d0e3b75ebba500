package finish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFpdfFileParts: an object's bytes are found in the part that holds
// them by their offsets in the whole file, a span across two parts is
// refused, and the parts before an offset are let go once it is reached
// (never the one that holds it, nor the last, which holds the trailer);
// the same whether the parts are held as written or packed (as fpdf cut
// them, Packed: spooled, or deflated where no spool can be made) but the
// last.
func TestFpdfFileParts(t *testing.T) {
	parts := [][]byte{[]byte("%PDF\n"), []byte("1 0 obj\nA\nendobj\n"), []byte("2 0 obj\nB\nendobj\n"), []byte("xref\ntrailer\n")}
	for _, packed := range []int{0, 1, 3, -1, -3} {
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		if packed < 0 { // no spool: deflated
			t.Setenv("TMPDIR", filepath.Join(tmp, "absent"))
		}
		f := newFpdfFile(parts)
		if packed != 0 {
			pk := &Packed{}
			for _, p := range parts[:abs(packed)] {
				pk.Add(p)
			}
			if (pk.sp != nil) != (packed > 0) {
				t.Fatalf("%d packed: spool %v", packed, pk.sp)
			}
			f = packedFpdfFile(pk, parts[abs(packed):])
		}
		held := func(i int) bool { return f.parts[i] != nil || f.packedPart(i) }
		if f.size != 5+17+17+13 {
			t.Fatalf("%d packed: size %d", packed, f.size)
		}
		for _, tc := range []struct {
			off, end int
			want     string
			within   bool
		}{
			{0, 5, "%PDF\n", true},
			{5, 22, "1 0 obj\nA\nendobj\n", true},
			{22, 39, "2 0 obj\nB\nendobj\n", true},
			{5, 12, "1 0 obj", true},
			{39, 43, "xref", true},
			{20, 25, "", false},
			{50, 60, "", false},
		} {
			if got := f.within(tc.off, tc.end); got != tc.within {
				t.Errorf("%d packed: within(%d, %d) = %v, want %v", packed, tc.off, tc.end, got, tc.within)
				continue
			}
			if tc.within {
				if got, err := f.at(tc.off, tc.end); err != nil || string(got) != tc.want {
					t.Errorf("%d packed: at(%d, %d) = %q, %v; want %q", packed, tc.off, tc.end, got, err, tc.want)
				}
			}
		}
		f.drop(22)
		if held(0) || held(1) || !held(2) || !held(3) {
			t.Errorf("%d packed: after drop(22), parts held: %v %v %v %v; want only the last two", packed, held(0), held(1), held(2), held(3))
		}
		if got, err := f.at(22, 39); err != nil || string(got) != "2 0 obj\nB\nendobj\n" {
			t.Errorf("%d packed: after drop, at(22, 39) = %q, %v", packed, got, err)
		}
		if _, err := f.at(5, 22); err == nil {
			t.Errorf("%d packed: at(5, 22) of a part let go gave no error", packed)
		}
		f.drop(40)
		if held(2) || !held(3) {
			t.Errorf("%d packed: after drop(40), the third part is held (%v) or the last is not (%v)", packed, held(2), held(3))
		}
		f.close()
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Errorf("%d packed: the spool left %d files", packed, len(left))
		}
	}
}

func abs(n int) int { return max(n, -n) }

// TestPackedSmall: fpdf's dictionaries, packed as fpdf cuts its file
// (Packed.Add), take no memory but their pages' marks (spooled), or
// where no spool can be made a small part of their size (deflated, as
// all were before), and read back the same either way.
func TestPackedSmall(t *testing.T) {
	var b strings.Builder
	for i := 3; b.Len() < 1<<20; i += 2 {
		b.WriteString("<</Type /Page\n/Parent 1 0 R\n/MediaBox [0 0 595.28 841.89]\n/Resources 2 0 R\n/Contents ")
		b.WriteString(strings.Repeat("7", i%5+1))
		b.WriteString(" 0 R>>\nendobj\n")
	}
	part := []byte(b.String())
	for _, spooled := range []bool{true, false} {
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		if !spooled {
			t.Setenv("TMPDIR", filepath.Join(tmp, "absent"))
		}
		pk := &Packed{}
		pk.Add(part)
		pk.Add(part[:1000])
		if spooled && (pk.z[0] != nil || pk.z[1] != nil || pk.buf.Cap() != 0) {
			t.Errorf("spooled: %d and %d bytes held, %d of buffer; want none", len(pk.z[0]), len(pk.z[1]), pk.buf.Cap())
		}
		if !spooled && len(pk.z[0]) > len(part)/8 {
			t.Errorf("deflated: a part of %d bytes packed in %d, want at most an eighth", len(part), len(pk.z[0]))
		}
		f := packedFpdfFile(pk, [][]byte{[]byte("trailer\n")})
		for i, want := range [][]byte{part, part[:1000]} {
			got, err := f.at(f.base[i], f.base[i]+len(want))
			if err != nil || string(got) != string(want) {
				t.Errorf("spooled %v: part %d read back wrong (%v)", spooled, i, err)
			}
		}
		f.close()
	}
}
