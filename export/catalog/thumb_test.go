package catalog

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
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
	var err error
	dir := t.TempDir()
	// Bytes allocated, not time (which the machine's load and -race
	// move): decoding takes 512 MB, refusing a few KB.
	alloc := growth.Allocated(func() { _, _, err = covers("big", data, "image/png", dir) })
	if err == nil || !strings.Contains(err.Error(), "8000×8000") || !strings.Contains(err.Error(), "megapixels") {
		t.Fatalf("got %v, want the cover refused as too large", err)
	}
	if alloc > 64<<20 {
		t.Errorf("refusing allocated %d MB: the image was decoded", alloc>>20)
	}
}
