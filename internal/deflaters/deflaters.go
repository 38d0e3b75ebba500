// Package deflaters is the free list of flate writers that the EPUB's
// container and the PDF's streams compress with (level 6), and the
// cover's PNG (level 5).
//
// A flate.Writer is about 1 MB (the encoder's hash tables, 256 KB of
// tokens, a 320 KB history), nearly all of it resident in a one-guide
// build, whose heap is on huge pages (hugeheap) and never collected: a
// writer the EPUB has finished with is still 1 MB of resident memory when
// the PDF allocates its own. All three compress with the same library, so
// one writer serves them, taken for one stream or file and put back at
// once; a second is made only while two compress at the same moment. A
// writer reset, to its level or the other (flate's ResetLevel, patched in
// third_party/compress), gives the same bytes as a new one.
package deflaters

import (
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// Level is the deflate level of the EPUB's files and the PDF's streams
// (klauspost/compress). EPUB, on the seed's 90 KB of markup: 0.9 ms and
// 32.4 KB, against 1.9 ms and 31.9 KB with compress/flate at 9 (its level
// 7 matches that size at 1.4 ms; level 1 saves 0.3 ms more and adds 2.7
// KB). PDF, every stream of the seed's (283 KB), CPU time per build:
// level 1 87.0 KB in 1.8 ms, 3 83.4 KB in 1.9 ms, 6 79.1 KB in 2.4 ms, 7
// 78.2 KB in 4.1 ms.
const Level = 6

// free is a small free list, not a sync.Pool: every garbage collection
// empties a sync.Pool, and a batch collects every few guides.
var free = make(chan *flate.Writer, 4)

// taken counts the writers given out and not yet put back, and max, when
// positive, bounds them (Limit).
var taken struct {
	sync.Mutex
	free     sync.Cond
	n, limit int
}

func init() { taken.free.L = &taken.Mutex }

// Limit has at most n writers in use at once, Get waiting for one to be
// put back beyond that (n <= 0: no bound, the default), and returns what
// restores the bound before. A one-guide build sets 1: its EPUB and PDF
// compress at the same moment in most runs (10 of 12, seed), and the
// second writer, 1 MB of heap that the build never collects, made its
// peak RSS a huge page larger about half the time; each waits at most for
// one stream or file of the other (page streams, fonts and the EPUB's
// files: ~3 ms of deflating in all). A holder must not wait for anything
// else, least of all another writer: neither the EPUB's container nor the
// PDF's streams do.
func Limit(n int) (restore func()) {
	taken.Lock()
	defer taken.Unlock()
	prev := taken.limit
	taken.limit = n
	taken.free.Broadcast()
	return func() { Limit(prev) }
}

// Get returns a writer at Level that writes to w.
func Get(w io.Writer) *flate.Writer { return GetLevel(w, Level) }

// GetLevel returns a writer at level, 5 or 6, that writes to w. The cover
// takes its writer here, at 5: in a one-guide build it is encoded before
// the EPUB's files and the PDF's streams, which then reuse that writer
// (seed build, heap objects at exit ~1 MB fewer).
func GetLevel(w io.Writer, level int) *flate.Writer {
	taken.Lock()
	for taken.limit > 0 && taken.n >= taken.limit {
		taken.free.Wait()
	}
	taken.n++
	taken.Unlock()
	select {
	case fw := <-free:
		if fw.ResetLevel(w, level) {
			return fw
		}
	default:
	}
	fw, err := flate.NewWriter(w, level)
	if err != nil {
		panic(err) // 5 or 6, valid levels
	}
	return fw
}

// Put gives fw back once its stream is closed; fw must not be used after.
func Put(fw *flate.Writer) {
	fw.Reset(io.Discard) // drop the reference to the caller's buffer
	// The PDF's streams take linear-time codes (zwriter); the EPUB's
	// container keeps package-merge's, and its bytes.
	fw.SetFastCodes(false)
	select {
	case free <- fw:
	default:
	}
	taken.Lock()
	taken.n--
	taken.free.Signal()
	taken.Unlock()
}
