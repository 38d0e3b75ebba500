package finish

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"testing"

	kzlib "github.com/klauspost/compress/zlib"
)

// TestZwriterIsZlib: a stream compressed by zwriter is the zlib stream
// klauspost/compress/zlib writes at level 6 (the PDF's bytes before the
// deflate writer was shared with the EPUB), byte for byte, and reads
// back as the data with compress/zlib; also when the writer was used
// before for a larger stream (a reset writer must not remember it), and
// when the data is given in parts (an object stream's head and body).
func TestZwriterIsZlib(t *testing.T) {
	big := strings.Repeat("0 0 1 rg BT /F1 11 Tf 72 720 Td (The quick brown fox) Tj ET\n", 2000)
	inputs := []string{
		"",
		"q BT\n/Fa 11.00 Tf\n1 2 Td\n(a)Tj\nET Q\n",
		big,
		"BT 10.00 20.00 Td (d) Tj ET\n",
		big[:777],
	}
	z := zpool.Get().(*zwriter)
	for i, in := range inputs {
		var want bytes.Buffer
		w, err := kzlib.NewWriterLevel(&want, 6)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(in))
		w.Close()
		got := z.compress([]byte(in))
		if cut := len(in) / 3; len(in) > 0 {
			parts := z.compress([]byte(in[:cut]), nil, []byte(in[cut:]))
			if !bytes.Equal(parts, want.Bytes()) {
				t.Errorf("input %d in parts at %d: %d bytes, want the %d of the whole", i, cut, len(parts), want.Len())
			}
			got = z.compress([]byte(in))
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("input %d (%d bytes): zwriter wrote %d bytes % x…, klauspost zlib %d bytes % x…", i, len(in), len(got), got[:min(8, len(got))], want.Len(), want.Bytes()[:min(8, want.Len())])
		}
		r, err := zlib.NewReader(bytes.NewReader(got))
		if err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		back, err := io.ReadAll(r)
		if err != nil || string(back) != in {
			t.Errorf("input %d: read back %d bytes (%v), want %d", i, len(back), err, len(in))
		}
	}
}
