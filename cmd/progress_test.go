package cmd

import (
	"bytes"
	"strings"
	"testing"
)

// The bar is drawn on the first guide and the last, at most every 80 ms
// between, erased (overwritten with spaces) before a message and when
// finished.
func TestProgressBar(t *testing.T) {
	var out bytes.Buffer
	b := newProgressBar(&out, 4)
	b.Add(1)
	if got, want := out.String(), "building  25% |"+strings.Repeat("█", 7)+strings.Repeat(" ", 23)+"| (1/4)"; got != want {
		t.Fatalf("first draw = %q, want %q", got, want)
	}
	out.Reset()
	b.Add(1) // within 80 ms of the last draw: not redrawn
	if out.Len() != 0 {
		t.Errorf("redrawn at once: %q", out.String())
	}
	b.Clear()
	if got := out.String(); got != "\r"+strings.Repeat(" ", 52)+"\r" {
		t.Errorf("Clear wrote %q, want the line blanked", got)
	}
	out.Reset()
	b.Add(2) // the last: drawn whatever the time
	if !strings.HasSuffix(out.String(), "building 100% |"+strings.Repeat("█", 30)+"| (4/4)") {
		t.Errorf("last draw = %q", out.String())
	}
	out.Reset()
	b.Finish()
	b.Clear() // nothing left to erase
	if got := out.String(); got != "\r"+strings.Repeat(" ", 52)+"\r" {
		t.Errorf("Finish wrote %q, want the line blanked once", got)
	}
}
