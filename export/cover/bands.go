package cover

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/guidepress/guidepress/content"
)

// The covers of a batch share parts: every guide in a language has the
// same label ("STUDY GUIDE", above the title band), and many have the
// same reading time ("12-minute read", below the foot rule). Each is
// drawn from its own text alone, in a zone of rows no other part writes
// to, so the deflate blocks of its rows (deflateRows) are the same on
// every cover that has it: PNG draws and compresses each once per
// process and reuses the blocks, about a fifth of a cover's rows. Titles
// and authors are not kept: they differ from guide to guide.
//
// Whether a zone's blocks can stand alone is checked on every cover, not
// assumed from the layout: the part must stay in its zone, the others out
// of it, and the rows around the zone's edge must let deflateRows cut the
// stream there (see its comment). Should that fail, the cover is drawn
// and compressed whole.

// band is the compressed rows of one part's zone.
type band struct {
	z  []byte // the deflate blocks of its rows
	ad adler  // the Adler-32 of its filtered rows alone
	n  int    // their length in bytes
}

type bandKey struct {
	part int
	text string
}

// maxBands bounds the bands kept: a few kilobytes each, a label per
// language and a reading time per length of guide.
const maxBands = 256

var bands struct {
	mu sync.Mutex
	m  map[bandKey]*band
}

func cachedBand(part int, text string) *band {
	bands.mu.Lock()
	b := bands.m[bandKey{part, text}]
	bands.mu.Unlock()
	if b == nil && part == labelPart {
		if b = builtLabel(text); b != nil {
			keepBand(part, text, b)
		}
	}
	return b
}

// The label's bands in every language of templates/labels come built
// (labelbands.bin, written by TestLabelBands -update), so that a
// process's first cover does not draw and compress its label either: on
// the seed's cover, 25.4 M instructions (callgrind) of which the label
// drawn and compressed were ~5 M, the most of any one-guide build's
// cover work that is the same in every guide. The bytes are those
// newBand gives the label drawn alone; the test keeps them so.
//
// labelbands.bin is "CLB1", then for each label: its text's length (2
// bytes, big-endian) and text, the Adler-32 parts a and b of its rows
// and the rows' length (4 bytes each), and its blocks' length (4 bytes)
// and blocks.
//
//go:embed labelbands.bin
var labelBands string

// builtLabel is the band of the label text in labelbands.bin, or nil.
func builtLabel(text string) *band {
	s, ok := strings.CutPrefix(labelBands, labelBandsMagic)
	if !ok {
		return nil
	}
	be := func(s string, n int) uint32 { // n big-endian bytes of s
		var v uint32
		for i := range n {
			v = v<<8 | uint32(s[i])
		}
		return v
	}
	for len(s) >= 2 {
		tn := int(be(s, 2))
		if len(s) < 2+tn+16 {
			return nil
		}
		t, rest := s[2:2+tn], s[2+tn:]
		zn := int(be(rest[12:], 4))
		if len(rest) < 16+zn {
			return nil
		}
		if t == text {
			return &band{z: []byte(rest[16 : 16+zn]), ad: adler{be(rest, 4), be(rest[4:], 4)}, n: int(be(rest[8:], 4))}
		}
		s = rest[16+zn:]
	}
	return nil
}

const labelBandsMagic = "CLB1"

func keepBand(part int, text string, b *band) {
	bands.mu.Lock()
	defer bands.mu.Unlock()
	if bands.m == nil {
		bands.m = map[bandKey]*band{}
	}
	if len(bands.m) < maxBands {
		bands.m[bandKey{part, text}] = b
	}
}

// zone is the rows of a part's band.
func zone(part int) (y0, y1 int) {
	if part == labelPart {
		return 0, bandTop
	}
	return footRule, Height
}

// within reports whether the rows r, as touched returns them, are none or
// all in [lo, hi).
func within(r [2]int, lo, hi int) bool { return r[0] >= r[1] || r[0] >= lo && r[1] <= hi }

// splits reports, for the label and the reading time, whether the cover
// drawn on c can be compressed with that part's zone on its own: given
// the rows each part touched, and the bands already kept (not drawn on c,
// but checked when kept). A zone's first row must differ from the row
// above it, and the minRepeat rows above that repeat the one before them.
func (c *canvas) splits(touched [parts][2]int, have [parts]*band) (split [parts]bool) {
	paper := flatRow(0)
	// Above the band: the label ends minRepeat+1 rows of paper early, and
	// nothing else reaches over the band's first row, which is not paper.
	label := have[labelPart] != nil || within(touched[labelPart], 0, bandTop-minRepeat-1)
	split[labelPart] = label && within(touched[middlePart], bandTop, Height) && within(touched[readingPart], bandTop, Height) &&
		!bytes.Equal(c.rows[bandTop], paper)
	// The foot: the reading time starts with its rule, and nothing else
	// comes within minRepeat+1 rows of it.
	reading := have[readingPart] != nil ||
		within(touched[readingPart], footRule, Height) && !bytes.Equal(c.rows[footRule], paper)
	split[readingPart] = reading && within(touched[labelPart], 0, footRule-minRepeat-1) && within(touched[middlePart], 0, footRule-minRepeat-1)
	return split
}

// newBand compresses the rows of part's zone.
func newBand(part int, pix func(y int) []byte) (*band, error) {
	y0, y1 := zone(part)
	var buf bytes.Buffer
	ad := adler{a: 1}
	if err := deflateRows(&buf, Width, y0, y1, pix, &ad); err != nil {
		return nil, err
	}
	return &band{z: buf.Bytes(), ad: ad, n: (y1 - y0) * (1 + Width/2)}, nil
}

// PNG renders the cover and encodes it as a palette PNG (4 bits a pixel),
// reusing the label's and reading time's bands of earlier covers.
func PNG(g *content.Guide) ([]byte, error) {
	c := getCanvas()
	defer putCanvas(c)
	t := TextFor(g)
	texts := [parts]string{labelPart: t.Label, readingPart: t.Reading}
	var have [parts]*band
	have[labelPart] = cachedBand(labelPart, t.Label)
	have[readingPart] = cachedBand(readingPart, t.Reading)
	touched, err := c.renderParts(t, [parts]bool{have[labelPart] == nil, true, have[readingPart] == nil})
	if err != nil {
		return nil, err
	}
	split := c.splits(touched, have)
	if have[labelPart] != nil && !split[labelPart] || have[readingPart] != nil && !split[readingPart] {
		// A part left its zone: the kept band cannot be used, and the
		// cover is drawn whole, in order.
		c.reset()
		if err := c.render(g); err != nil {
			return nil, err
		}
		have, split = [parts]*band{}, [parts]bool{}
	}
	pix := func(y int) []byte { return c.rows[y] }
	use := func(part int) (*band, error) {
		if b := have[part]; b != nil {
			return b, nil
		}
		b, err := newBand(part, pix)
		if err == nil {
			keepBand(part, texts[part], b)
		}
		return b, err
	}
	var b bytes.Buffer
	b.Grow(32 << 10)
	// The PNG writer of png.go: a few milliseconds where image/png took
	// 25 ms (default level) or 105 ms (BestCompression) for this image.
	err = encodeWith(&b, palette(Default), Width, Height, func(dst *bytes.Buffer) error {
		zlibStart(dst)
		ad := adler{a: 1}
		y0, y1 := 0, Height
		if split[labelPart] {
			top, err := use(labelPart)
			if err != nil {
				return err
			}
			dst.Write(top.z)
			ad, y0 = top.ad, bandTop
		}
		if split[readingPart] {
			y1 = footRule
		}
		if err := deflateRows(dst, Width, y0, y1, pix, &ad); err != nil {
			return err
		}
		if split[readingPart] {
			foot, err := use(readingPart)
			if err != nil {
				return err
			}
			dst.Write(foot.z)
			ad = ad.then(foot.ad, foot.n)
		}
		zlibEnd(dst, ad)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cover: encoding PNG: %w", err)
	}
	return b.Bytes(), nil
}
