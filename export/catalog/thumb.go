package catalog

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // JPEG covers are decoded through image.Decode
	"image/png"
	"os"
	"path/filepath"

	"github.com/guidepress/guidepress/export/cover"
	"golang.org/x/image/draw"
)

// Thumbnail size: OPDS readers show thumbnails in lists, about 100 px
// wide; ThumbHeight pixels tall (twice what index.html shows, for sharp
// high-density screens), width kept in proportion.
const ThumbHeight = 256

// covers returns the cover image and its thumbnail for the guide name.
// Their Data is nil when the files in dir (the covers folder) already hold
// exactly this cover, so that a catalogue of hundreds of guides is not
// re-encoded on every batch.
func covers(name string, data []byte, mediaType, dir string) (*Image, *Image, error) {
	ext := ".png"
	switch mediaType {
	case "image/png":
	case "image/jpeg":
		ext = ".jpg"
	default:
		return nil, nil, fmt.Errorf("cover of media type %q; only PNG and JPEG covers are catalogued", mediaType)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read the cover image: %w", err)
	}
	// An EPUB in -o may be an old one, or not guidepress's: its cover is
	// held to the limit of a user's cover before a pixel is decoded, as a
	// small file can declare a gigantic image.
	if cfg.Width > cover.MaxUserSide || cfg.Height > cover.MaxUserSide || cfg.Width*cfg.Height > cover.MaxUserPixels {
		return nil, nil, fmt.Errorf("the cover image is %d×%d pixels, more than the %d megapixels a cover may have; rebuild the guide (guidepress scales covers down)", cfg.Width, cfg.Height, cover.MaxUserPixels/1_000_000)
	}
	img := &Image{Href: CoversDir + "/" + name + ext, MediaType: mediaType, Width: cfg.Width, Height: cfg.Height, Data: data}
	thumb := &Image{Href: CoversDir + "/" + name + ".thumb.png", MediaType: "image/png"}
	// Unchanged since the last catalogue: keep both files as they are.
	if old, err := os.ReadFile(filepath.Join(dir, name+ext)); err == nil && bytes.Equal(old, data) {
		if t, err := os.ReadFile(filepath.Join(dir, name+".thumb.png")); err == nil {
			if tc, err := png.DecodeConfig(bytes.NewReader(t)); err == nil {
				img.Data = nil
				thumb.Width, thumb.Height = tc.Width, tc.Height
				return img, thumb, nil
			}
		}
	}
	pix, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("cannot decode the cover image: %w", err)
	}
	thumb.Data, thumb.Width, thumb.Height, err = Thumbnail(pix)
	if err != nil {
		return nil, nil, err
	}
	return img, thumb, nil
}

// Thumbnail scales img to ThumbHeight pixels tall (never up) and encodes
// it as an opaque PNG.
func Thumbnail(img image.Image) ([]byte, int, int, error) {
	b := img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		return nil, 0, 0, fmt.Errorf("the cover image is empty")
	}
	h := min(ThumbHeight, b.Dy())
	w := max(1, (b.Dx()*h+b.Dy()/2)/b.Dy())
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Over, nil)
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, dst); err != nil {
		return nil, 0, 0, err
	}
	return out.Bytes(), w, h, nil
}
