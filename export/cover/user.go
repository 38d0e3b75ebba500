package cover

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // registers the JPEG decoder for user covers
	_ "image/png"  // registers the PNG decoder for user covers
)

// ErrNotImage is wrapped by UserImage when the bytes are not a JPEG or PNG.
var ErrNotImage = errors.New("cover image: not a JPEG or PNG")

// MaxUserSide is the largest width or height accepted for a user's cover.
const MaxUserSide = 8000

// Image is a user-supplied cover that has been checked by decoding it.
type Image struct {
	Data      []byte
	MediaType string // "image/jpeg" or "image/png"
	Ext       string // ".jpg" or ".png"
	Width     int
	Height    int
}

// UserImage validates a user's cover by decoding it completely (a file
// that only starts like a PNG is rejected too), so that no reader is ever
// handed an image it cannot show.
func UserImage(data []byte) (Image, error) {
	if len(data) == 0 {
		return Image{}, fmt.Errorf("%w: the file is empty", ErrNotImage)
	}
	// Read the header first: a tiny file can declare a huge image, and
	// decoding it whole would exhaust memory.
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, fmt.Errorf("%w (%v); give a .jpg or .png file", ErrNotImage, err)
	}
	if cfg.Width > MaxUserSide || cfg.Height > MaxUserSide {
		return Image{}, fmt.Errorf("cover image: %d×%d pixels is too large; use at most %d pixels a side (1600×2560 is ideal)", cfg.Width, cfg.Height, MaxUserSide)
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Image{}, fmt.Errorf("%w (%v); give a .jpg or .png file", ErrNotImage, err)
	}
	b := img.Bounds()
	if b.Dx() < 1 || b.Dy() < 1 {
		return Image{}, fmt.Errorf("%w: the image has no pixels", ErrNotImage)
	}
	out := Image{Data: data, Width: b.Dx(), Height: b.Dy()}
	switch format {
	case "jpeg":
		out.MediaType, out.Ext = "image/jpeg", ".jpg"
	case "png":
		out.MediaType, out.Ext = "image/png", ".png"
	default:
		return Image{}, fmt.Errorf("%w: it is %s", ErrNotImage, format)
	}
	return out, nil
}
