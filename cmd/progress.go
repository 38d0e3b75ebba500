package cmd

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressBar is the one-line bar a batch shows on a terminal instead of
// a line per guide: "building  40% |████████      | (12/30)", redrawn
// at most every 80 ms, and erased when the batch is done. It replaces
// github.com/schollz/progressbar, which links net/http (for a progress
// server guidepress never starts) and with it crypto/tls, x509 and DNS:
// their package initialisers ran in every guidepress process.
// Its callers serialise the calls (reporter.mu).
type progressBar struct {
	w     io.Writer
	total int
	done  int
	shown int       // length of the line on screen, 0 when none
	last  time.Time // when it was last drawn
}

const (
	progressWidth    = 30
	progressThrottle = 80 * time.Millisecond
)

func newProgressBar(w io.Writer, total int) *progressBar {
	return &progressBar{w: w, total: max(total, 1)}
}

// Add counts n more guides done and redraws, unless it drew moments ago.
func (b *progressBar) Add(n int) {
	b.done = min(b.done+n, b.total)
	if now := time.Now(); b.shown == 0 || now.Sub(b.last) >= progressThrottle || b.done == b.total {
		b.last = now
		b.draw()
	}
}

func (b *progressBar) draw() {
	filled := b.done * progressWidth / b.total
	line := fmt.Sprintf("building %3d%% |%s%s| (%d/%d)", b.done*100/b.total,
		strings.Repeat("█", filled), strings.Repeat(" ", progressWidth-filled), b.done, b.total)
	b.Clear()
	io.WriteString(b.w, line)
	b.shown = len([]rune(line))
}

// Clear erases the bar, so that a message can take the line; the next
// Add draws it again.
func (b *progressBar) Clear() {
	if b.shown > 0 {
		io.WriteString(b.w, "\r"+strings.Repeat(" ", b.shown)+"\r")
		b.shown = 0
	}
}

// Finish erases the bar for good.
func (b *progressBar) Finish() { b.Clear() }
