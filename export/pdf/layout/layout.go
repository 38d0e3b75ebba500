// Package layout decides where everything of a PDF guide goes: it sets
// the text (shaping and fallback faces through package typeset, line
// breaking, display breaks by sense), flows the blocks onto pages under the
// keep-together rules (headings with their text, no widows or orphans, no
// callout squeezed into the foot of a page), and records every page's
// items with what drawing them needs (Layout): their text as runs of
// glyphs in one face (Run), their colours, and the structure element each
// belongs to (tags.Node). It draws nothing; package draw does.
//
// Text is laid out here rather than through fpdf's MultiCell: a line may
// mix the body face with fallback faces for letters or symbols it lacks
// (FONTS.md §3), and the keep-together rules need to see a block's lines
// before placing them. The guide is laid out once: the contents' own
// length does not depend on the page numbers they print (the number column
// is reserved), so the numbers are set when the flow has found every
// heading's page.
package layout

import (
	"strconv"

	"github.com/guidepress/guidepress/export/pdf/tags"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// Layout is what BuildWithLayout records: every page with the items placed
// on it, and the printed table of contents with the page numbers it shows.
// Tests prove keep-together rules and TOC numbers from it; nothing else
// depends on it. Lengths are millimetres from the page's top-left corner.
type Layout struct {
	PageWidth, PageHeight float64
	// TextTop and TextBottom bound the text block; TextLeft(n) and
	// TextWidth give its horizontal extent on page n.
	TextTop, TextBottom float64
	TextWidth           float64
	Pages               []Page
	TOC                 []TOCEntry
	// Geo, Segs and LinkColor are what package draw needs beside the
	// pages: the page geometry, the runs' segments (links, terms) by
	// index, and the colour of a link.
	Geo       Geometry
	Segs      []Segment
	LinkColor theme.Color
	Dots      Dots
	// Langs gives, by block, the language of a block printed in another
	// language than the guide's (English labels in a Persian guide);
	// nil when there is none.
	Langs map[int]string
}

// TextLeft is the left edge of the text block on page n (1-based), which
// moves between recto and verso in a duplex build.
func (l *Layout) TextLeft(n int) float64 { return l.Geo.Left(n) }

// PageKind says what a page is for.
type PageKind string

const (
	CoverPage    PageKind = "cover"
	TitlePage    PageKind = "title"
	ContentsPage PageKind = "contents"
	BodyPage     PageKind = "body"
	// BlankPage is a verso left empty so that the next part starts on a
	// right-hand page in a duplex build; it has no header or footer.
	BlankPage PageKind = "blank"
)

// Page is one page of the layout. Number is its 1-based position in the
// file, which is also the number its footer prints.
type Page struct {
	Number  int
	Kind    PageKind
	Chapter string // the part the page belongs to ("Plot Summary")
	Header  string // running header text ("" when there is none)
	Footer  bool   // whether the page number is printed
	// Opener: a part (contents, key quotes, a section, the FAQ) starts
	// at the top of the page.
	Opener bool
	Items  []Item
	nlines int // lines of text the flow placed (counted in every pass)
}

// ItemKind says what a placed item is. It is a byte, kept with the
// item's flags (Item), its name given by String.
type ItemKind uint8

const (
	Heading   ItemKind = iota // a line of a section/subsection heading
	Line                      // a line of a body paragraph
	Question                  // a line of an FAQ question
	Callout                   // a quotation box (one per page it spans)
	QuoteLine                 // a line of text inside a callout
	TOCLine                   // a line of a printed TOC entry
	TOCNumber                 // the page number of a TOC entry
	Display                   // cover and title-page text
	Rule                      // a decorative rule or filled shape
	Header                    // running header text
	Footer                    // page number
	Label                     // a list item's number or bullet
	Cell                      // a line of a table cell or caption
)

var itemKinds = [...]string{"heading", "line", "question", "callout", "quote-line", "toc-entry", "toc-number", "display", "rule", "header", "footer", "label", "cell"}

func (k ItemKind) String() string {
	if int(k) < len(itemKinds) {
		return itemKinds[k]
	}
	return "item-kind-" + strconv.Itoa(int(k))
}

// Item is one thing placed on a page. Y is the top of its box.
type Item struct {
	Text       string // the characters drawn, as extracted text would give them
	X, Y, W, H float64
	// Level is a heading's level (0 section, 1 subsection, …) or a TOC
	// entry's depth.
	Level int32
	// Block identifies the paragraph, callout, heading or question the
	// item belongs to (unique in the document; -1 for none); Line is the
	// item's line in it and Lines the block's total, so that a test sees
	// how a block was split across pages.
	Block, Line, Lines int32
	// Dest is the destination index a heading defines, Target the one a
	// TOC line links to; -1 when none.
	Dest, Target int32

	// What package draw needs to draw the item.
	Baseline float64
	gs       []glyph // the text, until the final pass's result sets Text and runs from it
	Runs     []Run
	// Tag is the structure element the item's text belongs to (nil: by
	// its kind and block).
	Tag *tags.Node
	// The kind, the colour and the flags are kept together, in 11 bytes:
	// a 4 MiB guide of one-line sections places ~2.2 million items, held
	// until drawn (152 bytes an item, 208 with ints and a string kind).
	Kind   ItemKind
	Color  theme.Color
	Fill   bool
	Dotted bool // a dotted leader from X to X+W at baseline, drawn as Layout.Dots says
	Mark   bool // a large opening quotation mark in the box X,Y,W,H
	Title  bool // the guide's title on the title page (tagged H1)
	// spaceAfter: the line broke at a space, which is drawn at its end so
	// that extracted text keeps the two words apart.
	spaceAfter bool
	// Art marks text drawn again as a pagination artifact (a table's
	// header repeated on the next page).
	Art bool
	// RTL: the item is set right to left, flush right; a contents row's
	// link then runs from the text block's left edge to the item's end.
	RTL bool
}

// Dots is how a dotted leader is drawn: its dots' diameter and spacing
// (the theme's contents leader, the same for every one).
type Dots struct{ Size, Pitch float64 }

// TOCEntry is one printed TOC entry: its text, depth, and the page number
// printed beside it (which is the page its heading is on).
type TOCEntry struct {
	Title string
	Level int
	Page  int
	Dest  int
}

// Geometry is the paper and text block, in millimetres.
type Geometry struct {
	W, h         float64
	top, bottom  float64 // text block top and bottom edges
	inner, outer float64
	duplex       bool
	// headerGap and footerGap place the running head and the page number
	// (the theme's, scaled on a half-size page).
	headerGap, footerGap float64
}

// Left is the text block's left edge on page n. Odd pages are rectos:
// their inner (binding) margin is on the left; a duplex verso mirrors it.
// Simplex pages all use the recto margins, leaving the wider margin on the
// left for a staple or hole punch.
func (g Geometry) Left(n int) float64 {
	if g.duplex && n%2 == 0 {
		return g.outer
	}
	return g.inner
}

func (g Geometry) TextW() float64 { return g.W - g.inner - g.outer }
