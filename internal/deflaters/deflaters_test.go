package deflaters

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/flate"
)

// A writer put back is the one Get gives next, and what it writes then is
// what a new writer at Level writes: reuse saves the memory and keeps the
// bytes.
func TestReuseKeepsBytes(t *testing.T) {
	first := []byte(strings.Repeat("<p>It was a bright cold day in April.</p>\n", 500))
	second := []byte(strings.Repeat("<li>and the clocks were striking thirteen</li>\n", 300))

	var fresh bytes.Buffer
	fw, err := flate.NewWriter(&fresh, Level)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(second)
	fw.Close()

	release()
	var a, b bytes.Buffer
	w := Get(&a)
	w.Write(first)
	w.Close()
	Put(w)
	w2 := Get(&b)
	if w2 != w {
		t.Error("Get after Put made a new writer, want the one put back")
	}
	w2.Write(second)
	w2.Close()
	Put(w2)
	if !bytes.Equal(b.Bytes(), fresh.Bytes()) {
		t.Errorf("reused writer wrote %d bytes, a new one %d: not the same bytes", b.Len(), fresh.Len())
	}
	if a.Len() == 0 || a.Len() >= len(first) {
		t.Errorf("first stream: %d bytes for %d, want compressed", a.Len(), len(first))
	}
}

// Two writers taken at once are two writers (the EPUB and the PDF
// compressing at the same moment).
func TestGetWhileTaken(t *testing.T) {
	release()
	var a, b bytes.Buffer
	w1, w2 := Get(&a), Get(&b)
	if w1 == w2 {
		t.Fatal("two Gets without a Put gave the same writer")
	}
	Put(w1)
	Put(w2)
}

// release empties the free list, so that a test starts from none kept.
func release() {
	for {
		select {
		case <-free:
		default:
			return
		}
	}
}

// Under Limit(1) a second Get waits until the first writer is put back,
// and is given that writer; the bound lifted, Gets no longer wait.
func TestLimitWaitsForTheWriter(t *testing.T) {
	release()
	restore := Limit(1)
	var a, b bytes.Buffer
	w1 := Get(&a)
	got := make(chan *flate.Writer)
	go func() { got <- Get(&b) }()
	select {
	case w := <-got:
		t.Fatalf("second Get under Limit(1) returned %p while the first writer was taken", w)
	case <-time.After(50 * time.Millisecond):
	}
	Put(w1)
	w2 := <-got
	if w2 != w1 {
		t.Error("the waiting Get made a new writer, want the one put back")
	}
	Put(w2)
	restore()
	w3, w4 := Get(&a), Get(&b) // would wait for ever under the bound
	if w3 == w4 {
		t.Error("two Gets without a Put gave the same writer")
	}
	Put(w3)
	Put(w4)
}

// One writer serves the cover's PNG at level 5 and the EPUB's and PDF's
// streams at 6: a writer put back is the one GetLevel gives next at the
// other level, and what it writes then is what a new writer at that level
// writes, byte for byte, over any sequence of levels, with sync flushes
// (the cover's segments) or without.
func TestOneWriterServesBothLevels(t *testing.T) {
	rows := make([]byte, 0, 64<<10)
	for y := 0; len(rows) < cap(rows)-400; y++ {
		row := make([]byte, 321)
		for x := range row {
			if (x/7+y/3)%5 == 0 || x*y%97 == 1 {
				row[x] = byte(0x11 * (y % 15))
			}
		}
		rows = append(rows, row...)
	}
	inputs := map[string][]byte{
		"markup": []byte(strings.Repeat("<p>It was a bright cold day in April, and the clocks were striking thirteen.</p>\n", 900)),
		"rows":   rows,
		"short":  []byte("BT /F1 11 Tf 72 720 Td (Never Let Me Go) Tj ET"),
	}
	// fresh is what a new writer at level writes for in, flushing after
	// every flush bytes when flush > 0.
	write := func(fw *flate.Writer, in []byte, flush int) {
		for len(in) > 0 {
			n := len(in)
			if flush > 0 {
				n = min(n, flush)
			}
			fw.Write(in[:n])
			in = in[n:]
			if flush > 0 {
				fw.Flush()
			}
		}
		fw.Close()
	}
	fresh := func(level int, in []byte, flush int) []byte {
		var b bytes.Buffer
		fw, err := flate.NewWriter(&b, level)
		if err != nil {
			t.Fatal(err)
		}
		write(fw, in, flush)
		return b.Bytes()
	}
	for _, tc := range []struct {
		name   string
		levels []int
	}{
		{"cover then streams", []int{5, 6, 6}},
		{"streams then cover", []int{6, 5}},
		{"back and forth", []int{5, 6, 5, 6, 5}},
		{"one level", []int{5, 5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			release()
			var shared *flate.Writer
			for i, level := range tc.levels {
				for name, in := range inputs {
					for _, flush := range []int{0, 4096} {
						var b bytes.Buffer
						fw := GetLevel(&b, level)
						if shared == nil {
							shared = fw
						} else if fw != shared {
							t.Fatalf("step %d (level %d): GetLevel after Put made a new writer, want the one put back", i, level)
						}
						write(fw, in, flush)
						Put(fw)
						if want := fresh(level, in, flush); !bytes.Equal(b.Bytes(), want) {
							t.Errorf("step %d (level %d), %s, flush %d: %d bytes, a new writer %d: not the same bytes", i, level, name, flush, b.Len(), len(want))
						}
					}
				}
			}
		})
	}
}
