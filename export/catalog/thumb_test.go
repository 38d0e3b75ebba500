package catalog

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"
)

// An EPUB's cover that declares more pixels than a cover may have (an old
// or foreign EPUB in -o) is refused from its header, not decoded: an
// 8000×8000 16-bit PNG compresses to a few hundred KB and decodes to 512 MB.
func TestHugeCoverIsNotDecoded(t *testing.T) {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray16(image.Rect(0, 0, 1, 1)))
	data := b.Bytes()
	binary.BigEndian.PutUint32(data[16:], 8000)
	binary.BigEndian.PutUint32(data[20:], 8000)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	start := time.Now()
	_, _, err := covers("big", data, "image/png", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "8000×8000") || !strings.Contains(err.Error(), "megapixels") {
		t.Fatalf("got %v, want the cover refused as too large", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing took %v: the image was decoded", d)
	}
}
