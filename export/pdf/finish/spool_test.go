package finish

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// writeChunked writes n objects of size bytes into a file in chunks (as
// Optimize writes a long PDF) and returns it, with what was written;
// setup, if not nil, is given the file first.
func writeChunked(n, size int, setup func(*file)) (*file, []byte) {
	f := newFile(ChunkAbove + 1)
	if setup != nil {
		setup(f)
	}
	var want []byte
	obj := make([]byte, size)
	for i := range n {
		for k := range obj {
			obj[k] = byte(i + k)
		}
		f.room(len(obj))
		f.b = append(f.b, obj...)
		want = append(want, obj...)
	}
	return f, want
}

// TestFileSpoolsChunks: a PDF written in chunks keeps the chunks written
// in a temporary file, not in memory, until they are joined (the same
// bytes); where no temporary file can be made it keeps them in memory, the
// same bytes again. The spool's file has no name left behind.
func TestFileSpoolsChunks(t *testing.T) {
	for _, spooling := range []bool{true, false} {
		dir := t.TempDir()
		t.Setenv("TMPDIR", dir)
		if !spooling {
			t.Setenv("TMPDIR", filepath.Join(dir, "absent"))
		}
		f, want := writeChunked(5000, 1000, nil)
		if spooling && (len(f.done) != 0 || f.sp == nil || f.sp.size == 0) {
			t.Errorf("%d chunks in memory and %v in a spool, want them all spooled", len(f.done), f.sp)
		}
		if !spooling && (f.sp != nil || len(f.done) == 0) {
			t.Errorf("with no temporary directory: spool %v, %d chunks in memory; want them in memory", f.sp, len(f.done))
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("the spool left %d files in the temporary directory", len(left))
		}
		got, err := f.bytes()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("spooling %v: joined %d bytes, want the %d written", spooling, len(got), len(want))
		}
	}
}

// TestFileSpoolMemory: what a file written in chunks holds while it is
// written is one chunk, however long it grows (5 MB written in chunks
// of 64 KB: 5 MB live before it was spooled).
func TestFileSpoolMemory(t *testing.T) {
	if growth.Race {
		t.Skip("a memory test: the race detector's shadow memory distorts it; make test runs it without -race")
	}
	t.Setenv("TMPDIR", t.TempDir())
	was := ChunkSize
	ChunkSize = 64 << 10
	defer func() { ChunkSize = was }()
	live := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	base := live()
	f := newFile(ChunkAbove + 1)
	obj := bytes.Repeat([]byte("0123456789"), 100)
	for range 5000 {
		f.room(len(obj))
		f.b = append(f.b, obj...)
	}
	held := live() - min(live(), base)
	if held > 1<<20 {
		t.Errorf("5 MB written in chunks of 64 KB: %d KB live, want at most 1 MB", held>>10)
	}
	runtime.KeepAlive(f)
	f.close()
}

// TestSpoolReadsBack: what is added to a spool, small (buffered) or
// large (written as it is), reads back the same, in the order added,
// out of order, and while more is being added.
func TestSpoolReadsBack(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	sp := newSpool()
	if sp == nil {
		t.Fatal("no spool in a writable temporary directory")
	}
	defer sp.close()
	type piece struct {
		off int64
		b   []byte
	}
	var ps []piece
	for i := range 3000 {
		n := 1 + i*37%700
		if i%500 == 499 {
			n = spoolBuf + i // written as it is
		}
		b := bytes.Repeat([]byte{byte(i)}, n)
		off, ok := sp.add(b)
		if !ok {
			t.Fatal(sp.err)
		}
		ps = append(ps, piece{off, b})
		if i%97 == 0 { // read while adding
			p := ps[i/2]
			got := make([]byte, len(p.b))
			if err := sp.readAt(got, p.off); err != nil || !bytes.Equal(got, p.b) {
				t.Fatalf("piece %d read back while adding: %v", i/2, err)
			}
		}
	}
	for _, order := range [][]int{{0, 1}, {len(ps) - 1, -1}} {
		for i := order[0]; i >= 0 && i < len(ps); i += order[1] {
			got := make([]byte, len(ps[i].b))
			if err := sp.readAt(got, ps[i].off); err != nil || !bytes.Equal(got, ps[i].b) {
				t.Fatalf("piece %d of %d bytes does not read back: %v", i, len(ps[i].b), err)
			}
		}
	}
}

// fullFile is a spool's file whose writes fail once room bytes are
// written, as on a full $TMPDIR.
type fullFile struct {
	*os.File
	room int64
}

func (f *fullFile) WriteAt(b []byte, off int64) (int, error) {
	if off+int64(len(b)) > f.room {
		n := max(0, int(f.room-off))
		f.File.WriteAt(b[:n], off)
		return n, syscall.ENOSPC
	}
	return f.File.WriteAt(b, off)
}

// TestSpoolFullKeepsWhatItTook: once the spool's file is full, what it
// took before reads back whole (written, or buffered and not written),
// it takes no more (the caller keeps that in memory), and a PDF's chunks
// join to what was written. Before, every read returned the write's
// error and the build failed.
func TestSpoolFullKeepsWhatItTook(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	for _, room := range []int64{0, 1000, spoolBuf + 5000, 3 * spoolBuf / 2} {
		s := newSpool()
		if s == nil {
			t.Fatal("no spool")
		}
		s.f = &fullFile{File: s.f.(*os.File), room: room}
		type piece struct {
			off  int64
			data []byte
		}
		var took []piece
		refused := 0
		for i := range 2000 {
			b := bytes.Repeat([]byte{byte(i)}, 300+i%200)
			if off, ok := s.add(b); ok {
				took = append(took, piece{off, b})
			} else {
				refused++
			}
		}
		if refused == 0 {
			t.Fatalf("room %d: the spool took all %d pieces", room, len(took))
		}
		for i, p := range took {
			got := make([]byte, len(p.data))
			if err := s.readAt(got, p.off); err != nil {
				t.Fatalf("room %d: piece %d of %d taken: %v", room, i, len(took), err)
			}
			if !bytes.Equal(got, p.data) {
				t.Fatalf("room %d: piece %d reads back other bytes", room, i)
			}
		}
		s.close()
	}
	// A PDF's chunks: the first two spooled, the spool then full.
	defer func(c int) { ChunkSize = c }(ChunkSize)
	ChunkSize = 1 << 20
	f, want := writeChunked(5000, 1000, func(f *file) {
		f.sp.f = &fullFile{File: f.sp.f.(*os.File), room: 5 << 19}
	})
	if len(f.done) == 0 || f.sp.size == 0 {
		t.Fatalf("%d chunks spooled and %d in memory, want both", f.sp.size, len(f.done))
	}
	got, err := f.bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("joined %d bytes, want the %d written", len(got), len(want))
	}
}

// TestSpilledCopiesTheFile: a PDF written in chunks and spilled (rather
// than joined) copies to a file as the same bytes, its head reads back,
// and the copy makes no copy of the whole in memory: joined, 5 MB
// written in chunks allocated 5 MB more (file.bytes), which is what a
// long PDF's spill saves (4 MiB of one-line sections: 100 MB). Also
// when the spool filled up part way (its file's writes fail: the rest
// is in memory) and when nothing went to the spool (then no spill: the
// caller joins it).
func TestSpilledCopiesTheFile(t *testing.T) {
	if growth.Race {
		t.Skip("counts the bytes allocated: the race detector allocates its own")
	}
	t.Setenv("TMPDIR", t.TempDir())
	defer func(c int) { ChunkSize = c }(ChunkSize)
	ChunkSize = 1 << 20
	for _, full := range []bool{false, true} {
		f, want := writeChunked(5000, 1000, func(f *file) {
			if full {
				f.sp.f = &fullFile{File: f.sp.f.(*os.File), room: 5 << 19}
			}
		})
		if full && len(f.done) == 0 {
			t.Fatalf("full spool: no chunk kept in memory")
		}
		s := f.spilled()
		if s == nil {
			t.Fatalf("full %v: a file written to a spool was not spilled", full)
		}
		if s.Size() != int64(len(want)) {
			t.Errorf("full %v: size %d, want %d", full, s.Size(), len(want))
		}
		if head, err := s.Head(8); err != nil || !bytes.Equal(head, want[:8]) {
			t.Errorf("full %v: head %q, %v; want %q", full, head, err, want[:8])
		}
		out, err := os.CreateTemp(t.TempDir(), "out")
		if err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		err = s.CopyTo(out)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("full %v: %v", full, err)
		}
		if made := after.TotalAlloc - before.TotalAlloc; made > 1<<20 {
			t.Errorf("full %v: copying 5 MB allocated %d KB, want at most 1 MB (joined: 5 MB)", full, made>>10)
		}
		out.Close()
		got, _ := os.ReadFile(out.Name())
		if !bytes.Equal(got, want) {
			t.Errorf("full %v: copied %d bytes, want the %d written", full, len(got), len(want))
		}
		s.Close()
		s.Close() // more than once
		if err := s.CopyTo(out); err == nil {
			t.Errorf("full %v: copied once closed", full)
		}
	}
	small := newFile(1000)
	small.b = append(small.b, "%PDF-1.5"...)
	if s := small.spilled(); s != nil {
		t.Errorf("a file in one slice was spilled")
	}
}
