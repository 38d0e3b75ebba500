// Package adler is Adler-32 (RFC 1950), the checksum of a zlib stream:
// the cover's PNG and the PDF's streams are zlib streams written here, not
// by compress/zlib. hash/adler32 adds a byte at a time, about 4
// instructions a byte; Update takes 64 bytes at a time as sums of 16-bit
// lanes, about 2, for the same sums.
package adler

import "encoding/binary"

// mod is Adler-32's modulus, the largest prime below 2^16.
const mod = 65521

// Update returns the sums a and b (Adler-32 is b<<16 | a) once p's bytes
// are added: for bytes q0…q(n-1), a gains their sum and b gains n·a +
// n·q0 + (n-1)·q1 + … + 1·q(n-1). Those are computed 64 bytes at a time
// on 16-bit lanes of a uint64, each byte in a lane of the even or the odd
// bytes of its 8 (one AND and one shift: no byte is added to a and b in
// turn), the lanes summed across with one multiplication (whose top lane
// is the sum of the lanes below it, times weights). The bounds below keep
// every lane under 2^16, so nothing carries from one lane into another.
// The same integers as adding a byte at a time (a cover's 801-byte row,
// callgrind: 3,348 instructions -> 1,674). a and b are below 65521, as
// Update returns them.
func Update(a, b uint32, p []byte) (uint32, uint32) {
	const (
		lanes = 0x00ff00ff00ff00ff
		ones  = 0x0001000100010001 // lane 3 of x·ones: x's lanes summed
		// Lane 3 of x·wEven, x·wOdd: lanes 0–3 of x, the bytes 0, 2, 4,
		// 6 or 1, 3, 5, 7 of eight, times 8, 6, 4, 2 or 7, 5, 3, 1, the
		// bytes' weights within their eight.
		wEven = 8<<48 | 6<<32 | 4<<16 | 2
		wOdd  = 7<<48 | 5<<32 | 3<<16 | 1
	)
	top := func(x uint64) uint32 { return uint32(x >> 48) }
	// chunk is the even and odd bytes of eight, in lanes 0–3.
	chunk := func(q []byte) (even, odd uint64) {
		v := binary.LittleEndian.Uint64(q)
		return v & lanes, v >> 8 & lanes
	}
	for len(p) > 0 {
		q := p[:min(len(p), 5552)] // the most bytes before b can overflow
		p = p[len(q):]
		for ; len(q) >= 64; q = q[64:] {
			// Eight chunks of eight bytes: sum is their bytes so far,
			// by lane (each lane at most 8·510); pre adds up sum before
			// each chunk, so that it counts chunk i's bytes 7-i times
			// (at most 28·510 a lane, 4·28·510 summed across); even and
			// odd are the chunks' bytes by position within the chunk (at
			// most 8·255 a lane, times weights adding up to 20).
			q := q[:64]
			e, o := chunk(q[0:8])
			sum, pre, even, odd := e+o, uint64(0), e, o
			e, o = chunk(q[8:16])
			pre, sum, even, odd = pre+sum, sum+e+o, even+e, odd+o
			e, o = chunk(q[16:24])
			pre, sum, even, odd = pre+sum, sum+e+o, even+e, odd+o
			e, o = chunk(q[24:32])
			pre, sum, even, odd = pre+sum, sum+e+o, even+e, odd+o
			e, o = chunk(q[32:40])
			pre, sum, even, odd = pre+sum, sum+e+o, even+e, odd+o
			e, o = chunk(q[40:48])
			pre, sum, even, odd = pre+sum, sum+e+o, even+e, odd+o
			e, o = chunk(q[48:56])
			pre, sum, even, odd = pre+sum, sum+e+o, even+e, odd+o
			e, o = chunk(q[56:64])
			pre, sum, even, odd = pre+sum, sum+e+o, even+e, odd+o
			// Byte k of the 64 (chunk i, place r) weighs 64-k =
			// 8·(7-i) + (8-r).
			b += 64*a + 8*top(pre*ones) + top(even*wEven) + top(odd*wOdd)
			a += top(sum * ones)
		}
		for ; len(q) >= 8; q = q[8:] {
			e, o := chunk(q[:8])
			b += 8*a + top(e*wEven) + top(o*wOdd)
			a += top((e + o) * ones)
		}
		for _, c := range q {
			a += uint32(c)
			b += a
		}
		a %= mod
		b %= mod
	}
	return a, b
}

// Digest is a running Adler-32, a hash.Hash32.
type Digest struct{ a, b uint32 }

// New returns a Digest of no bytes.
func New() *Digest { return &Digest{a: 1} }

func (d *Digest) Reset() { d.a, d.b = 1, 0 }

func (d *Digest) Write(p []byte) (int, error) {
	d.a, d.b = Update(d.a, d.b, p)
	return len(p), nil
}

func (d *Digest) Sum32() uint32 { return d.b<<16 | d.a }

// Sum appends the checksum, big-endian, as zlib's trailer has it.
func (d *Digest) Sum(in []byte) []byte { return binary.BigEndian.AppendUint32(in, d.Sum32()) }

func (d *Digest) Size() int      { return 4 }
func (d *Digest) BlockSize() int { return 4 }
