package finish

import "testing"

// TestFpdfFileParts: an object's bytes are found in the part that holds
// them by their offsets in the whole file, a span across two parts is
// refused, and the parts before an offset are let go once it is reached
// (never the one that holds it, nor the last, which holds the trailer).
func TestFpdfFileParts(t *testing.T) {
	f := newFpdfFile([][]byte{[]byte("%PDF\n"), []byte("1 0 obj\nA\nendobj\n"), []byte("2 0 obj\nB\nendobj\n"), []byte("xref\ntrailer\n")})
	if f.size != 5+17+17+13 {
		t.Fatalf("size %d", f.size)
	}
	for _, tc := range []struct {
		off, end int
		want     string
		within   bool
	}{
		{0, 5, "%PDF\n", true},
		{5, 22, "1 0 obj\nA\nendobj\n", true},
		{22, 39, "2 0 obj\nB\nendobj\n", true},
		{39, 43, "xref", true},
		{20, 25, "", false},
		{50, 60, "", false},
	} {
		if got := f.within(tc.off, tc.end); got != tc.within {
			t.Errorf("within(%d, %d) = %v, want %v", tc.off, tc.end, got, tc.within)
			continue
		}
		if tc.within {
			if got := string(f.at(tc.off, tc.end)); got != tc.want {
				t.Errorf("at(%d, %d) = %q, want %q", tc.off, tc.end, got, tc.want)
			}
		}
	}
	f.drop(22)
	if f.parts[0] != nil || f.parts[1] != nil || f.parts[2] == nil || f.parts[3] == nil {
		t.Errorf("after drop(22), parts held: %v %v %v %v; want only the last two", f.parts[0] != nil, f.parts[1] != nil, f.parts[2] != nil, f.parts[3] != nil)
	}
	if got := string(f.at(22, 39)); got != "2 0 obj\nB\nendobj\n" {
		t.Errorf("after drop, at(22, 39) = %q", got)
	}
	f.drop(40)
	if f.parts[2] != nil || f.parts[3] == nil {
		t.Errorf("after drop(40), the third part is held (%v) or the last is not (%v)", f.parts[2] != nil, f.parts[3] != nil)
	}
}
