// The line-drawing functions below (LineTo, QuadTo, CubeTo, devSquared,
// lerp, clampX) are golang.org/x/image/vector's floating-point rasterizer,
// copied so that its coverage buffer can be read and cleared here; the
// arithmetic is unchanged, expression for expression, so the coverage is
// bit for bit the same. Their licence:
//
// Copyright 2016 The Go Authors. All rights reserved.
//
// Redistribution and use in source and binary forms, with or without
// modification, are permitted provided that the following conditions are
// met:
//
//   - Redistributions of source code must retain the above copyright
//     notice, this list of conditions and the following disclaimer.
//   - Redistributions in binary form must reproduce the above copyright
//     notice, this list of conditions and the following disclaimer in the
//     documentation and/or other materials provided with the distribution.
//   - Neither the name of Google LLC nor the names of its contributors may
//     be used to endorse or promote products derived from this software
//     without specific prior written permission.
//
// THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS
// IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED
// TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A
// PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER
// OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
// EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO,
// PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR
// PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF
// LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
// NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
// SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

package cover

import (
	"math"
	"unsafe"
)

// raster is x/image/vector's floating-point Rasterizer for a w×h box,
// changed in what it stores and how it is read, not in what it computes.
//
// vector.Rasterizer clears and accumulates all w×h cells of a line's box,
// most of which no outline touches: the rows above a title's capitals
// and below its baseline, the space between letters. A cover's lines are
// about a million cells; that was two thirds of drawing a cover. Here the
// path is first recorded, so that only the rows it crosses are stored;
// the accumulation (a running sum over the cells in row order, as
// vector's) reads each touched cell once, clearing it behind itself, and
// passes over runs of untouched cells at once, where the sum, and so the
// coverage, does not change. Rows the path does not reach hold a sum of
// exact zeros above it and the path's closing residue below it, which
// visit reports too (it is zero coverage unless the residue reaches
// 1/256, which the caller is told about like any other coverage).
//
// The rows are stored a band at a time (bandRows), not all at once: the
// path is recorded, so it can be laid on each band in turn, and the
// running sum carries from one band to the next. Each cell still gets the
// same additions in the same order, so the coverage is the same bit for
// bit, while the buffer is about 220 KB rather than a title line's 2.2 MB,
// which a one-guide build took as fresh memory.
type raster struct {
	w, h                       int
	penX, penY, firstX, firstY float32
	segs                       []seg
	buf                        []float32 // cells [off, off+len(buf)) of the box; zero between uses
	off                        int
}

type seg struct{ ax, ay, bx, by float32 }

// floats reports whether vector.Rasterizer would rasterize a w×h box in
// floating point (it uses fixed point for boxes of at most 512×512).
func floats(w, h int) bool { return w > 512 || h > 512 }

func (z *raster) reset(w, h int) {
	z.w, z.h = w, h
	z.penX, z.penY, z.firstX, z.firstY = 0, 0, 0, 0
	z.segs = z.segs[:0]
}

func (z *raster) MoveTo(ax, ay float32) {
	z.firstX, z.firstY = ax, ay
	z.penX, z.penY = ax, ay
}

func (z *raster) ClosePath() { z.LineTo(z.firstX, z.firstY) }

func (z *raster) LineTo(bx, by float32) {
	z.segs = append(z.segs, seg{z.penX, z.penY, bx, by})
	z.penX, z.penY = bx, by
}

func (z *raster) QuadTo(bx, by, cx, cy float32) {
	ax, ay := z.penX, z.penY
	devsq := devSquared(ax, ay, bx, by, cx, cy)
	if devsq >= 0.333 {
		const tol = 3
		n := 1 + int(math.Sqrt(math.Sqrt(tol*float64(devsq))))
		t, nInv := float32(0), 1/float32(n)
		for i := 0; i < n-1; i++ {
			t += nInv
			abx, aby := lerp(t, ax, ay, bx, by)
			bcx, bcy := lerp(t, bx, by, cx, cy)
			z.LineTo(lerp(t, abx, aby, bcx, bcy))
		}
	}
	z.LineTo(cx, cy)
}

func (z *raster) CubeTo(bx, by, cx, cy, dx, dy float32) {
	ax, ay := z.penX, z.penY
	devsq := devSquared(ax, ay, bx, by, dx, dy)
	if devsqAlt := devSquared(ax, ay, cx, cy, dx, dy); devsq < devsqAlt {
		devsq = devsqAlt
	}
	if devsq >= 0.333 {
		const tol = 3
		n := 1 + int(math.Sqrt(math.Sqrt(tol*float64(devsq))))
		t, nInv := float32(0), 1/float32(n)
		for i := 0; i < n-1; i++ {
			t += nInv
			abx, aby := lerp(t, ax, ay, bx, by)
			bcx, bcy := lerp(t, bx, by, cx, cy)
			cdx, cdy := lerp(t, cx, cy, dx, dy)
			abcx, abcy := lerp(t, abx, aby, bcx, bcy)
			bcdx, bcdy := lerp(t, bcx, bcy, cdx, cdy)
			z.LineTo(lerp(t, abcx, abcy, bcdx, bcdy))
		}
	}
	z.LineTo(dx, dy)
}

func devSquared(ax, ay, bx, by, cx, cy float32) float32 {
	devx := ax - 2*bx + cx
	devy := ay - 2*by + cy
	return devx*devx + devy*devy
}

func lerp(t, px, py, qx, qy float32) (x, y float32) {
	return px + t*(qx-px), py + t*(qy-py)
}

func clampX(i, width int32) uint {
	if i < 0 {
		return 0
	}
	if i < width {
		return uint(i)
	}
	return uint(width)
}

func floatingFloor(x float32) int32 { return int32(math.Floor(float64(x))) }
func floatingCeil(x float32) int32  { return int32(math.Ceil(float64(x))) }

// rows is the range of the box's rows the recorded path writes to: the
// rows it crosses, and the one after the last, where a cell right of the
// box lands (vector's rows run on into each other).
func (z *raster) rows() (lo, hi int) {
	lo, hi = z.h, 0
	for _, s := range z.segs {
		ay, by := s.ay, s.by
		if ay > by {
			ay, by = by, ay
		}
		if by-ay <= 0.000001 {
			continue // lineTo ignores it
		}
		lo = min(lo, int(floatingFloor(ay)))
		hi = max(hi, int(floatingCeil(by))+1)
	}
	return max(lo, 0), min(hi, z.h)
}

// bandRows is how many rows of the box raster stores at a time: enough
// that the path is laid on few bands (a title line's box is about 350
// rows, so 11), few enough that the buffer stays small.
const bandRows = 32

// draw rasterizes the recorded path and calls ink(y, x0, x1, a) for each
// run of cells [x0, x1) of row y whose coverage a (vector's 8-bit alpha,
// what its Draw writes over a cleared image.Alpha) is not zero, in row
// order.
//
// The coverage is the running sum of the cells, computed as vector's
// SSE4.1 accumulation does on amd64 (floatingAccumulateOpOverSIMD):
// four cells at a time from the start of the box, each four summed
// pairwise and added to the sum so far, the last w·h mod 4 cells one by
// one. Float addition is not associative, so the grouping is kept: the
// cells are stored from a multiple of four, and a band holds a multiple of
// four cells. Four untouched cells leave the sum as it was.
func (z *raster) draw(ink func(y, x0, x1 int, a uint8)) {
	lo, hi := z.rows()
	if lo >= hi {
		return
	}
	w, n := z.w, z.w*z.h
	full := n &^ 3 // cells summed four at a time
	start := lo * w &^ 3
	end := min((hi*w+3)&^3, n)
	band := (bandRows*w + 7) &^ 7

	// Runs of cells of one coverage, [rs, re) in box cells.
	rs, re, ra := 0, 0, uint8(0)
	flush := func() {
		for i := rs; i < re; {
			y, x := i/w, i%w
			e := min(re-i, w-x)
			ink(y, x, x+e, ra)
			i += e
		}
	}
	emit := func(i, j int, a uint8) {
		if a == 0 {
			return
		}
		if a == ra && i == re {
			re = j
			return
		}
		flush()
		rs, re, ra = i, j, a
	}
	alpha := func(x float32) uint8 {
		if x < 0 {
			x = -x
		}
		if x > 1 {
			x = 1
		}
		return uint8(almost256 * x)
	}

	offset := float32(0) // the sum so far: zero before start
	oa := uint8(0)       // its coverage
	i := start
	for bs := start; bs < end; bs += band {
		be := min(bs+band, end)
		z.lay(bs, be)
		buf, off := z.buf, z.off
		lim := min(be, full)
		for ; i+4 <= lim; i += 4 {
			if oa == 0 {
				// Outside the glyphs: pass over untouched cells eight
				// at a time (a cell written to and back to zero is
				// summed).
				for i+8 <= lim && *(*[4]uint64)(unsafe.Pointer(&buf[i-off])) == [4]uint64{} {
					i += 8
				}
				if i+4 > lim {
					break
				}
			}
			c := buf[i-off : i-off+4 : i-off+4]
			s0, s1, s2, s3 := c[0], c[1], c[2], c[3]
			if s0 == 0 && s1 == 0 && s2 == 0 && s3 == 0 {
				if oa != 0 {
					emit(i, i+4, oa)
				}
				continue
			}
			c[0], c[1], c[2], c[3] = 0, 0, 0, 0
			t0, t1, t2, t3 := s0, s0+s1, s1+s2, s2+s3
			x0, x1, x2, x3 := t0+offset, t1+offset, (t2+t0)+offset, (t3+t1)+offset
			oa = alpha(x3)
			emit(i, i+1, alpha(x0))
			emit(i+1, i+2, alpha(x1))
			emit(i+2, i+3, alpha(x2))
			emit(i+3, i+4, oa)
			offset = x3
		}
		for ; i < be; i++ { // the box's last cells, one at a time
			offset += buf[i-off]
			buf[i-off] = 0
			emit(i, i+1, alpha(offset))
		}
	}
	// The rest of the box: untouched, the sum constant.
	emit(end, n, alpha(offset))
	flush()
}

// lay adds the recorded path's contributions to the cells [bs, be) of the
// box, and only those, into z.buf, which then holds cells [z.off,
// z.off+len(z.buf)) and is zero outside [bs, be). Row y writes cells y·w
// to y·w+w (the last is the next row's first: vector's rows run on into
// each other), so the rows [y0, y1) are laid and what they write outside
// the band is cleared.
func (z *raster) lay(bs, be int) {
	w := z.w
	y0 := max(bs/w-1, 0)
	y1 := min((be-1)/w+1, z.h)
	lo, hi := y0*w, min(y1*w+1, z.h*w)
	if cap(z.buf) < hi-lo {
		z.buf = make([]float32, 0, max(hi-lo, (bandRows+3)*Width+1))
	}
	z.buf = z.buf[:hi-lo]
	z.off = lo
	for _, s := range z.segs {
		z.line(s, int32(y0), int32(y1))
	}
	clear(z.buf[:bs-lo])
	clear(z.buf[be-lo:])
}

// almost256 scales coverage in [0, 1] to [0x00, 0xff] as vector does.
const almost256 = 255.99998

// line is vector's floatingLineTo for segment s, writing to the stored
// rows, those of [y0, y1). The rows before y0 are stepped through, not
// written, so that x reaches y0 as it does in vector.
func (z *raster) line(s seg, y0, y1 int32) {
	ax, ay, bx, by := s.ax, s.ay, s.bx, s.by
	dir := float32(1)
	if ay > by {
		dir, ax, ay, bx, by = -1, bx, by, ax, ay
	}
	if by-ay <= 0.000001 {
		return
	}
	dxdy := (bx - ax) / (by - ay)

	x := ax
	y := floatingFloor(ay)
	yMax := floatingCeil(by)
	if yMax > int32(z.h) {
		yMax = int32(z.h)
	}
	if yMax <= y0 || y >= y1 {
		return // the segment is outside the band
	}
	yMax = min(yMax, y1)
	width := int32(z.w)
	// vector indexes bufF32[y*width:], a slice to the end of the box;
	// here the stored rows start at z.off and end at the box's end or
	// sooner.
	end := z.h * z.w
	for ; y < yMax; y++ {
		dy := min(float32(y+1), by) - max(float32(y), ay)
		xNext := x + float32(dy*dxdy)
		if y < y0 { // y0 >= 0: vector skips the rows above the box so
			x = xNext
			continue
		}
		base := int(y) * z.w
		limit := uint(end - base) // vector's len(buf)
		buf := z.buf[base-z.off:]
		d := float32(dy * dir)
		x0, x1 := x, xNext
		if x > xNext {
			x0, x1 = x1, x0
		}
		x0i := floatingFloor(x0)
		x0Floor := float32(x0i)
		x1i := floatingCeil(x1)
		x1Ceil := float32(x1i)

		if x1i <= x0i+1 {
			xmf := float32(0.5*(x+xNext)) - x0Floor
			if i := clampX(x0i+0, width); i < limit {
				buf[i] += d - float32(d*xmf)
			}
			if i := clampX(x0i+1, width); i < limit {
				buf[i] += float32(d * xmf)
			}
		} else {
			s := 1 / (x1 - x0)
			x0f := x0 - x0Floor
			oneMinusX0f := 1 - x0f
			a0 := float32(0.5 * s * oneMinusX0f * oneMinusX0f)
			x1f := x1 - x1Ceil + 1
			am := float32(0.5 * s * x1f * x1f)

			if i := clampX(x0i, width); i < limit {
				buf[i] += float32(d * a0)
			}

			if x1i == x0i+2 {
				if i := clampX(x0i+1, width); i < limit {
					buf[i] += float32(d * (1 - a0 - am))
				}
			} else {
				a1 := float32(s * (1.5 - x0f))
				if i := clampX(x0i+1, width); i < limit {
					buf[i] += float32(d * (a1 - a0))
				}
				dTimesS := float32(d * s)
				for xi := x0i + 2; xi < x1i-1; xi++ {
					if i := clampX(xi, width); i < limit {
						buf[i] += dTimesS
					}
				}
				a2 := a1 + float32(s*float32(x1i-x0i-3))
				if i := clampX(x1i-1, width); i < limit {
					buf[i] += float32(d * (1 - a2 - am))
				}
			}

			if i := clampX(x1i, width); i < limit {
				buf[i] += float32(d * am)
			}
		}

		x = xNext
	}
}
