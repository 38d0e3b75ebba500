package cover

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"time"
)

// pngChunk is one PNG chunk: length, type, data, CRC.
func pngChunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return b.Bytes()
}

// withChunks inserts chunks after a PNG's IHDR (8 bytes of signature, 25
// of IHDR).
func withChunks(p []byte, chunks ...[]byte) []byte {
	out := append([]byte{}, p[:33]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, p[33:]...)
}

func pngOf(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func chunkTypes(t *testing.T, p []byte) []string {
	t.Helper()
	var types []string
	for i := 8; i+8 <= len(p); {
		n := int(binary.BigEndian.Uint32(p[i:]))
		types = append(types, string(p[i+4:i+8]))
		i += 12 + n
	}
	return types
}

// A small picture carrying megabytes of metadata (a text chunk, a colour
// profile) goes into the book as the picture alone.
func TestUserImageDropsMetadata(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 100, 160))
	for i := range src.Pix {
		src.Pix[i] = byte(i)
	}
	text := append([]byte("Comment\x00"), bytes.Repeat([]byte("x"), 4<<20)...)
	data := withChunks(pngOf(t, src), pngChunk("tEXt", text), pngChunk("iCCP", append([]byte("icc\x00\x00"), bytes.Repeat([]byte{0x78}, 1<<20)...)))
	im, err := UserImage(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Data) > 100<<10 {
		t.Errorf("the cover is %d bytes: the metadata was copied", len(im.Data))
	}
	for _, typ := range chunkTypes(t, im.Data) {
		if typ != "IHDR" && typ != "IDAT" && typ != "IEND" && typ != "PLTE" {
			t.Errorf("the cover still has a %s chunk", typ)
		}
	}
	got, err := png.Decode(bytes.NewReader(im.Data))
	if err != nil || got.Bounds() != src.Bounds() || im.Width != 100 || im.Height != 160 {
		t.Fatalf("re-encoded cover: %v %v %+v", err, got.Bounds(), im)
	}
	if r, g, b, a := got.At(7, 9).RGBA(); color.NRGBAModel.Convert(color.RGBA64{uint16(r), uint16(g), uint16(b), uint16(a)}) != src.At(7, 9) {
		t.Error("the pixels changed")
	}

	// A JPEG's EXIF and other APP segments go too.
	var jb bytes.Buffer
	jpeg.Encode(&jb, src, nil)
	exif := append([]byte{0xff, 0xe1, 0x40, 0x02}, append([]byte("Exif\x00\x00"), bytes.Repeat([]byte{1}, 0x4000-8)...)...)
	j := append(append([]byte{0xff, 0xd8}, exif...), jb.Bytes()[2:]...)
	jm, err := UserImage(j)
	if err != nil || jm.MediaType != "image/jpeg" {
		t.Fatal(err)
	}
	if bytes.Contains(jm.Data, []byte("Exif")) {
		t.Error("the JPEG cover kept its EXIF segment")
	}
}

// A cover larger than the generated one is scaled down to fit it, keeping
// its shape, and the result is what every guide of a batch gets without
// decoding it again.
func TestUserImageIsScaledOnce(t *testing.T) {
	src := image.NewGray16(image.Rect(0, 0, 3200, 1000)) // 16 bits a pixel
	data := pngOf(t, src)
	im, err := UserImage(data)
	if err != nil {
		t.Fatal(err)
	}
	if im.Width != Width || im.Height != 500 {
		t.Errorf("scaled to %d×%d, want %d×500", im.Width, im.Height, Width)
	}
	cfg, _ := png.DecodeConfig(bytes.NewReader(im.Data))
	if cfg.Width != im.Width || cfg.Height != im.Height || cfg.ColorModel != color.GrayModel {
		t.Errorf("encoded as %d×%d %T, want 8-bit gray", cfg.Width, cfg.Height, cfg.ColorModel)
	}
	again, err := UserImage(im.Data)
	if err != nil || &again.Data[0] != &im.Data[0] {
		t.Errorf("the prepared cover was decoded and encoded again (%v)", err)
	}
	// Deterministic: the same input gives the same bytes.
	prepared = preparedSet{}
	third, _ := UserImage(data)
	if !bytes.Equal(third.Data, im.Data) {
		t.Error("preparing the same cover twice gave different bytes")
	}
}

// An image over MaxUserPixels is refused from its header, before any pixel
// is decoded: an 8000×8000 16-bit PNG compresses to a few hundred KB.
func TestUserImageTooManyPixels(t *testing.T) {
	data := pngOf(t, image.NewGray16(image.Rect(0, 0, 1, 1)))
	binary.BigEndian.PutUint32(data[16:], 8000)
	binary.BigEndian.PutUint32(data[20:], 8000)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	start := time.Now()
	_, err := UserImage(data)
	if err == nil || !strings.Contains(err.Error(), "too large") || !strings.Contains(err.Error(), "25 megapixels") {
		t.Fatalf("8000×8000: %v, want too large", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("refusing took %v: the image was decoded", d)
	}
}

// A JPEG cut short is reported as cut short, not as something that is not
// a JPEG, wherever it was cut.
func TestTruncatedJPEG(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 200, 300))
	for i := range src.Pix {
		src.Pix[i] = byte(i * 7)
	}
	var jb bytes.Buffer
	jpeg.Encode(&jb, src, nil)
	for _, frac := range []int{2, 10, 50, 90, 99} {
		cut := jb.Bytes()[:jb.Len()*frac/100]
		_, err := UserImage(cut)
		if !errors.Is(err, ErrTruncated) || errors.Is(err, ErrNotImage) || !strings.Contains(err.Error(), "JPEG ends before") {
			t.Errorf("cut at %d%%: %v", frac, err)
		}
	}
}
