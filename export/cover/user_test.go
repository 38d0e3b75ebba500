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

	"github.com/guidepress/guidepress/internal/growth"
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
	var err error
	// Bytes allocated, not time (which the machine's load and -race
	// move): decoding takes 512 MB, refusing a few KB.
	alloc := growth.Allocated(func() { _, err = UserImage(data) })
	if err == nil || !strings.Contains(err.Error(), "too large") || !strings.Contains(err.Error(), "25 megapixels") {
		t.Fatalf("8000×8000: %v, want too large", err)
	}
	if alloc > 64<<20 {
		t.Errorf("refusing allocated %d MB: the image was decoded", alloc>>20)
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

// Shrinking averages exactly: a flat colour stays that colour to the
// last pixel at any factor (no dark edge from a missing weight), and a
// fine checkerboard becomes its mean grey rather than a moiré.
func TestShrinkAverages(t *testing.T) {
	for _, size := range [][4]int{{3000, 2000, 1600, 1067}, {1601, 2561, 1600, 2560}, {7, 5, 3, 2}, {5000, 10, 1600, 3}} {
		flat := image.NewNRGBA(image.Rect(0, 0, size[0], size[1]))
		for i := 0; i < len(flat.Pix); i += 4 {
			copy(flat.Pix[i:], []byte{200, 100, 50, 255})
		}
		got := shrink(flat, size[2], size[3])
		for i := 0; i < len(got.Pix); i += 4 {
			if !bytes.Equal(got.Pix[i:i+4], []byte{200, 100, 50, 255}) {
				t.Fatalf("%v: pixel %d is %v", size, i/4, got.Pix[i:i+4])
			}
		}
	}
	check := image.NewGray(image.Rect(0, 0, 3000, 3000))
	for y := range 3000 {
		for x := range 3000 {
			if (x+y)%2 == 0 {
				check.Pix[y*check.Stride+x] = 255
			}
		}
	}
	got := shrink(check, 1500, 1500)
	for i := 0; i < len(got.Pix); i += 4 {
		if v := got.Pix[i]; v < 126 || v > 129 {
			t.Fatalf("checkerboard pixel %d = %d, want mid grey", i/4, v)
		}
	}
}

// exifJPEG is a JPEG of img with an EXIF segment declaring orientation o
// (little-endian TIFF, one IFD entry).
func exifJPEG(t *testing.T, img image.Image, o uint16) []byte {
	t.Helper()
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, img, &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	tiff := []byte("II*\x00\x08\x00\x00\x00")
	tiff = binary.LittleEndian.AppendUint16(tiff, 1)
	tiff = binary.LittleEndian.AppendUint16(tiff, 0x0112)
	tiff = binary.LittleEndian.AppendUint16(tiff, 3)
	tiff = binary.LittleEndian.AppendUint32(tiff, 1)
	tiff = binary.LittleEndian.AppendUint16(tiff, o)
	tiff = append(tiff, 0, 0, 0, 0, 0, 0)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := binary.BigEndian.AppendUint16([]byte{0xff, 0xe1}, uint16(len(seg)+2))
	return append(append(append([]byte{0xff, 0xd8}, app1...), seg...), jb.Bytes()[2:]...)
}

// A phone photo saved sideways with an EXIF orientation is turned upright
// before the EXIF is dropped, and scaled to fit the cover upright.
func TestUserImageAppliesEXIFOrientation(t *testing.T) {
	// 400×200 as stored; the left half white, the right half black.
	src := image.NewGray(image.Rect(0, 0, 400, 200))
	for y := range 200 {
		for x := range 200 {
			src.Pix[y*src.Stride+x] = 255
		}
	}
	for o, want := range map[uint16]struct {
		w, h    int
		whiteAt image.Point // a point that must be white once upright
		blackAt image.Point
	}{
		1: {400, 200, image.Pt(50, 100), image.Pt(350, 100)},
		3: {400, 200, image.Pt(350, 100), image.Pt(50, 100)},
		6: {200, 400, image.Pt(100, 50), image.Pt(100, 350)}, // turned clockwise: the left goes on top
		8: {200, 400, image.Pt(100, 350), image.Pt(100, 50)}, // anticlockwise: the left goes below
	} {
		im, err := UserImage(exifJPEG(t, src, o))
		if err != nil {
			t.Fatal(err)
		}
		got, err := jpeg.Decode(bytes.NewReader(im.Data))
		if err != nil || im.Width != want.w || im.Height != want.h || got.Bounds().Dx() != want.w {
			t.Fatalf("orientation %d: %d×%d, want %d×%d (%v)", o, im.Width, im.Height, want.w, want.h, err)
		}
		if y, _, _, _ := got.At(want.whiteAt.X, want.whiteAt.Y).RGBA(); y < 0xe000 {
			t.Errorf("orientation %d: %v should be white", o, want.whiteAt)
		}
		if y, _, _, _ := got.At(want.blackAt.X, want.blackAt.Y).RGBA(); y > 0x2000 {
			t.Errorf("orientation %d: %v should be black", o, want.blackAt)
		}
	}
	// A sideways photo larger than the cover is fitted as it will stand.
	big := image.NewGray(image.Rect(0, 0, 3200, 2000))
	im, err := UserImage(exifJPEG(t, big, 6))
	if err != nil || im.Width != Width || im.Height != 2560 {
		t.Errorf("sideways 3200×2000: %d×%d %v, want %d×2560", im.Width, im.Height, err, Width)
	}
}

// Reading the orientation never fails on a damaged header: any prefix of
// a JPEG with EXIF, or noise, gives 1–8.
func TestEXIFOrientationOfDamagedHeaders(t *testing.T) {
	data := exifJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)), 6)
	for i := range 120 {
		if o := exifOrientation(data[:i]); o < 1 || o > 8 {
			t.Fatalf("prefix %d: orientation %d", i, o)
		}
		bad := append([]byte{}, data...)
		bad[i] ^= 0xff
		if o := exifOrientation(bad); o < 1 || o > 8 {
			t.Fatalf("flipped byte %d: orientation %d", i, o)
		}
	}
}
