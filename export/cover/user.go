package cover

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"sync"

	xdraw "golang.org/x/image/draw"
)

// ErrNotImage is wrapped by UserImage when the bytes are not a JPEG or PNG.
var ErrNotImage = errors.New("cover image: not a JPEG or PNG")

// ErrTruncated is wrapped by UserImage when the bytes start as a JPEG or
// PNG but end before the image does (an interrupted download or copy).
var ErrTruncated = errors.New("cover image: the file is cut short")

// MaxUserSide is the largest width or height accepted for a user's cover.
const MaxUserSide = 8000

// MaxUserPixels is the largest user's cover accepted, in pixels (width ×
// height): 25 megapixels, such as 6000×4000, a large phone photo. Decoding
// one takes up to 8 bytes a pixel (a 16-bit PNG: 200 MB), once per batch;
// the image is then scaled down to fit Width×Height. The header is read
// first, so a small file declaring a huge image is refused before any
// pixel is decoded.
const MaxUserPixels = 25_000_000

// jpegQuality is the quality a user's JPEG cover is re-encoded at: no
// difference to see at e-reader sizes.
const jpegQuality = 90

// Image is a user-supplied cover that has been checked by decoding it.
type Image struct {
	Data      []byte
	MediaType string // "image/jpeg" or "image/png"
	Ext       string // ".jpg" or ".png"
	Width     int
	Height    int
}

// UserImage returns a user's cover ready to go into a book: decoded
// completely (a file that only starts like a PNG is refused, so no reader
// is handed an image it cannot show), scaled down to fit Width×Height,
// and encoded again in its own format without any metadata (text
// chunks, colour profiles, EXIF, thumbnails), which can be far larger
// than the picture. The work is done once per image per process: bytes
// that UserImage itself produced (a batch passing the prepared cover to
// every guide) are recognised and returned as they are.
func UserImage(data []byte) (Image, error) {
	if len(data) == 0 {
		return Image{}, fmt.Errorf("%w: the file is empty", ErrNotImage)
	}
	sum := sha256.Sum256(data)
	if im, ok := prepared.get(sum); ok {
		return im, nil
	}
	im, err := prepareUser(data)
	if err != nil {
		return Image{}, err
	}
	prepared.put(sha256.Sum256(im.Data), im)
	return im, nil
}

func prepareUser(data []byte) (Image, error) {
	// Read the header first: a tiny file can declare a huge image, and
	// decoding it whole would exhaust memory.
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, decodeError(format, err)
	}
	if format != "jpeg" && format != "png" {
		return Image{}, fmt.Errorf("%w: it is %s", ErrNotImage, format)
	}
	if cfg.Width > MaxUserSide || cfg.Height > MaxUserSide || cfg.Width*cfg.Height > MaxUserPixels {
		return Image{}, fmt.Errorf("cover image: %d×%d pixels is too large; use at most %d pixels a side and %d megapixels in all (%d×%d is ideal)",
			cfg.Width, cfg.Height, MaxUserSide, MaxUserPixels/1_000_000, Width, Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Image{}, decodeError(format, err)
	}
	b := img.Bounds()
	if b.Dx() < 1 || b.Dy() < 1 {
		return Image{}, fmt.Errorf("%w: the image has no pixels", ErrNotImage)
	}
	img = fitUser(img, format)
	var out bytes.Buffer
	im := Image{Width: img.Bounds().Dx(), Height: img.Bounds().Dy()}
	if format == "jpeg" {
		im.MediaType, im.Ext = "image/jpeg", ".jpg"
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: jpegQuality})
	} else {
		im.MediaType, im.Ext = "image/png", ".png"
		err = png.Encode(&out, img)
	}
	if err != nil {
		return Image{}, fmt.Errorf("cover image: encoding it again: %w", err)
	}
	im.Data = out.Bytes()
	return im, nil
}

// decodeError tells a file cut short from one that is not an image at all.
func decodeError(format string, err error) error {
	if format == "jpeg" || format == "png" {
		msg := err.Error()
		if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(msg, "short Huffman data") ||
			strings.Contains(msg, "not enough pixel data") || strings.Contains(msg, "unexpected EOF") {
			return fmt.Errorf("%w: the %s ends before its image does (an incomplete download or copy?); save or download it again", ErrTruncated, strings.ToUpper(format))
		}
		return fmt.Errorf("%w: the %s is damaged (%v); save it again, or convert it to PNG", ErrNotImage, strings.ToUpper(format), err)
	}
	return fmt.Errorf("%w (%v); give a .jpg or .png file", ErrNotImage, err)
}

// fitUser scales img down, keeping its shape, to fit within the generated
// cover's Width×Height, and brings 16-bit images to 8 bits a channel; an
// image that needs neither is returned as it is.
func fitUser(img image.Image, format string) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > Width || h > Height {
		// The smaller of the two ratios, in integer arithmetic so that
		// the result does not depend on floating-point rounding.
		if w*Height > h*Width {
			w, h = Width, max(1, (h*Width+w/2)/w)
		} else {
			w, h = max(1, (w*Height+h/2)/h), Height
		}
	}
	deep := false
	switch img.(type) {
	case *image.RGBA64, *image.NRGBA64, *image.Gray16:
		deep = true
	}
	if w == b.Dx() && h == b.Dy() && !deep {
		return img
	}
	var dst draw.Image
	if _, gray := img.(*image.Gray16); gray && format == "png" {
		dst = image.NewGray(image.Rect(0, 0, w, h))
	} else if format == "jpeg" {
		dst = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		dst = image.NewNRGBA(image.Rect(0, 0, w, h))
	}
	if w == b.Dx() && h == b.Dy() {
		draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	} else {
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
	}
	return dst
}

// prepared remembers the images UserImage made, by the SHA-256 of their
// bytes, so that a batch decodes its cover once. It holds a few: a process
// uses one cover at a time.
var prepared preparedSet

type preparedSet struct {
	mu sync.Mutex
	m  map[[32]byte]Image
}

func (p *preparedSet) get(sum [32]byte) (Image, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	im, ok := p.m[sum]
	return im, ok
}

func (p *preparedSet) put(sum [32]byte, im Image) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil || len(p.m) >= 4 {
		p.m = map[[32]byte]Image{}
	}
	p.m[sum] = im
}
