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
