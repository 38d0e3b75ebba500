package finish

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/adler32"
	"io"
	"strings"
	"testing"

	"github.com/klauspost/compress/flate"
	kzlib "github.com/klauspost/compress/zlib"
)

// TestZwriterIsZlib: a stream compressed by zwriter is zlib's framing
// (the header klauspost/compress/zlib writes at level 6, and the Adler-32
// of the data) around what a new level-6 flate writer with fast codes
// writes, byte for byte, reads back as the data with compress/zlib, and
// is no more than a few bytes longer than klauspost/compress/zlib's at
// level 6 (the PDF's bytes before its codes were fast); also when the
// writer was used before for a larger stream (a reset writer must not
// remember it), and when the data is given in parts (an object stream's
// head and body).
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
		var kz bytes.Buffer
		w, err := kzlib.NewWriterLevel(&kz, 6)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(in))
		w.Close()
		want := bytes.NewBuffer(bytes.Clone(kz.Bytes()[:2]))
		fw, err := flate.NewWriter(want, 6)
		if err != nil {
			t.Fatal(err)
		}
		fw.SetFastCodes(true)
		fw.Write([]byte(in))
		fw.Close()
		want.Write(binary.BigEndian.AppendUint32(nil, adler32.Checksum([]byte(in))))
		if want.Len() > kz.Len()+8 {
			t.Errorf("input %d (%d bytes): %d bytes with fast codes, klauspost zlib %d", i, len(in), want.Len(), kz.Len())
		}
		got := z.compress([]byte(in))
		if cut := len(in) / 3; len(in) > 0 {
			parts := z.compress([]byte(in[:cut]), nil, []byte(in[cut:]))
			if !bytes.Equal(parts, want.Bytes()) {
				t.Errorf("input %d in parts at %d: %d bytes, want the %d of the whole", i, cut, len(parts), want.Len())
			}
			got = z.compress([]byte(in))
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("input %d (%d bytes): zwriter wrote %d bytes % x…, zlib around flate with fast codes %d bytes % x…", i, len(in), len(got), got[:min(8, len(got))], want.Len(), want.Bytes()[:min(8, want.Len())])
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
