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
	// A photo saved sideways (EXIF orientation 5–8) is scaled to fit the
	// cover once turned upright, and turned after scaling, on the smaller
	// image.
	orient := 1
	if format == "jpeg" {
		orient = exifOrientation(data)
	}
	if orient >= 5 {
		img = applyOrientation(fitUser(img, Height, Width), orient)
	} else {
		img = applyOrientation(fitUser(img, Width, Height), orient)
	}
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

// fitUser scales img down, keeping its shape, to fit within boxW×boxH
// (the cover's Width×Height, or turned), and brings 16-bit images to 8
// bits a channel; an image that needs neither is returned as it is.
func fitUser(img image.Image, boxW, boxH int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > boxW || h > boxH {
		// The smaller of the two ratios, in integer arithmetic so that
		// the result does not depend on floating-point rounding.
		if w*boxH > h*boxW {
			w, h = boxW, max(1, (h*boxW+w/2)/w)
		} else {
			w, h = max(1, (w*boxH+h/2)/h), boxH
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
	src := img
	if w != b.Dx() || h != b.Dy() {
		src = shrink(img, w, h)
	}
	var dst draw.Image
	switch img.(type) {
	case *image.Gray, *image.Gray16: // a grey picture stays grey
		dst = image.NewGray(image.Rect(0, 0, w, h))
	case *image.RGBA64, *image.NRGBA64:
		dst = image.NewNRGBA(image.Rect(0, 0, w, h))
	default:
		return src
	}
	draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, draw.Src)
	return dst
}

// shrink scales src down to w×h (no larger than src) by averaging the
// source pixels under each output pixel, weighted by how much of it they
// cover: no aliasing, whatever the factor. It works a row at a time, so
// beyond the result it holds a few rows: a 25-megapixel photo is scaled
// without a second copy of it (a kernel resampler's scratch space for that
// is hundreds of megabytes).
func shrink(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	fx, fy := float64(sw)/float64(w), float64(sh)/float64(h)
	// Where each source column goes: to output column to[x] with weight
	// wt[x], and the rest of its width (a column straddling two output
	// columns) to the next one.
	to := make([]int, sw)
	wt := make([]float64, sw)
	for x := range sw {
		dx := min(int(float64(x)/fx), w-1)
		edge := float64(dx+1) * fx
		to[x], wt[x] = dx, min(1, edge-float64(x))
	}
	line := image.NewRGBA(image.Rect(0, 0, sw, 1)) // one source row, 8-bit premultiplied
	spread := func(sy int, out []float64) {
		clear(out)
		draw.Draw(line, line.Rect, src, image.Pt(b.Min.X, b.Min.Y+sy), draw.Src)
		for x := range sw {
			p := line.Pix[4*x : 4*x+4]
			d, a := 4*to[x], wt[x]
			for c := range 4 {
				out[d+c] += a * float64(p[c])
			}
			if a < 1 && to[x]+1 < w {
				for c := range 4 {
					out[d+4+c] += (1 - a) * float64(p[c])
				}
			}
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	acc := make([]float64, 4*w)
	row := make([]float64, 4*w)
	last := make([]float64, 4*w) // the row straddling two output rows, kept
	lastY := -1
	area := fx * fy
	for dy := range h {
		clear(acc)
		top, bottom := float64(dy)*fy, float64(dy+1)*fy
		for sy := int(top); sy < sh && float64(sy) < bottom; sy++ {
			cover := min(bottom, float64(sy+1)) - max(top, float64(sy))
			if cover <= 0 {
				continue
			}
			r := row
			if sy == lastY {
				r = last
			} else {
				spread(sy, row)
				if float64(sy+1) > bottom { // it continues into the next output row
					copy(last, row)
					lastY = sy
				}
			}
			for i, v := range r {
				acc[i] += cover * v
			}
		}
		out := dst.Pix[dy*dst.Stride : dy*dst.Stride+4*w]
		for i, v := range acc {
			out[i] = uint8(min(255, v/area+0.5))
		}
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
