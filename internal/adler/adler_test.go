package adler

import (
	"bytes"
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

// TestUpdate checks Update against hash/adler32 on
// bytes of every value, at lengths around the eight-byte steps and the
// 5,552-byte reductions, given whole and in pieces.
func TestUpdate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17, 801, 5551, 5552, 5553, 11104, 11105, 100000} {
		for _, fill := range []string{"random", "0xff", "zero"} {
			p := make([]byte, n)
			for i := range p {
				switch fill {
				case "random":
					p[i] = byte(r.Uint32())
				case "0xff":
					p[i] = 0xff
				}
			}
			want := adler32.Checksum(p)
			whole := New()
			whole.Write(p)
			pieces := New()
			for q := p; len(q) > 0; {
				k := min(len(q), 1+r.IntN(900))
				pieces.Write(q[:k])
				q = q[k:]
			}
			if whole.Sum32() != want || pieces.Sum32() != want {
				t.Errorf("%d bytes (%s): whole %08x, in pieces %08x, want %08x", n, fill, whole.Sum32(), pieces.Sum32(), want)
			}
			if got, want := whole.Sum(nil), adler32.New(); !bytes.Equal(got, func() []byte { want.Write(p); return want.Sum(nil) }()) {
				t.Errorf("%d bytes (%s): Sum %x", n, fill, got)
			}
		}
	}
}

// BenchmarkUpdate adds a cover's literal row (801 bytes) at a time,
// as its deflateRows does.
func BenchmarkUpdate(b *testing.B) {
	row := make([]byte, 801)
	for i := range row {
		row[i] = byte(i * 7)
	}
	b.SetBytes(int64(len(row)))
	a, s := uint32(1), uint32(0)
	for b.Loop() {
		a, s = Update(a, s, row)
	}
}
