// Package pdfnum writes the numbers of a PDF's content streams: lengths
// and colours with a fixed number of decimals, as
// strconv.AppendFloat(b, v, 'f', prec, 64) writes them, byte for byte,
// in a fraction of its time. A 4 MiB guide's pages draw ~10 million such
// numbers; strconv's exact decimal conversion was ~4% of its build.
package pdfnum

import (
	"math"
	"strconv"
)

// pow10 are the scales Append handles itself.
var pow10 = [...]float64{1, 10, 100, 1000, 10000}

// Append appends v with prec decimals (0 to 4), as
// strconv.AppendFloat(b, v, 'f', prec, 64) does: the decimal nearest v's
// exact value, a tie to the even one. It scales v to an integer and
// rounds it, and leaves to strconv what that cannot decide: a value
// within a billionth of a tie (whose exact side the scaled product may
// hide), one too large to scale exactly, NaN and the infinities.
func Append(b []byte, v float64, prec int) []byte {
	if prec < 0 || prec >= len(pow10) {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	s := pow10[prec]
	a := math.Abs(v)
	if !(a*s < 1<<52) { // NaN and the infinities too
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	r := math.Floor(a*s + 0.5)
	// d is the exact a*s less r, rounded once (a fused multiply-add):
	// its sign and size say which integer is nearest.
	d := math.FMA(a, s, -r)
	if d < -0.5+1e-9 || d > 0.5-1e-9 {
		return strconv.AppendFloat(b, v, 'f', prec, 64)
	}
	n := uint64(r)
	if math.Signbit(v) {
		b = append(b, '-') // as strconv: "-0.00" for a negative value that rounds to 0
	}
	// The divisions by constants, which the compiler makes multiplications.
	switch prec {
	case 0:
		return strconv.AppendUint(b, n, 10)
	case 1:
		return append(strconv.AppendUint(b, n/10, 10), '.', byte('0'+n%10))
	case 2:
		f := n % 100
		return append(strconv.AppendUint(b, n/100, 10), '.', byte('0'+f/10), byte('0'+f%10))
	case 3:
		f := n % 1000
		return append(strconv.AppendUint(b, n/1000, 10), '.', byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
	}
	f := n % 10000
	return append(strconv.AppendUint(b, n/10000, 10), '.', byte('0'+f/1000), byte('0'+f/100%10), byte('0'+f/10%10), byte('0'+f%10))
}
