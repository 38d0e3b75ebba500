package pdf

import "github.com/guidepress/guidepress/export/pdf/layout"

// The layout BuildWithLayout returns, under the names its callers have
// always used; package layout defines them.
type (
	Layout   = layout.Layout
	Page     = layout.Page
	PageKind = layout.PageKind
	Item     = layout.Item
	ItemKind = layout.ItemKind
	TOCEntry = layout.TOCEntry
)

// What a page is for (Page.Kind).
const (
	CoverPage    = layout.CoverPage
	TitlePage    = layout.TitlePage
	ContentsPage = layout.ContentsPage
	BodyPage     = layout.BodyPage
	BlankPage    = layout.BlankPage
)

// What a placed item is (Item.Kind).
const (
	Heading   = layout.Heading
	Line      = layout.Line
	Question  = layout.Question
	Callout   = layout.Callout
	QuoteLine = layout.QuoteLine
	TOCLine   = layout.TOCLine
	TOCNumber = layout.TOCNumber
	Display   = layout.Display
	Rule      = layout.Rule
	Header    = layout.Header
	Footer    = layout.Footer
	Label     = layout.Label
	Cell      = layout.Cell
)
