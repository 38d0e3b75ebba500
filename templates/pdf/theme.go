// Package pdf holds the PDF theme as data: page margins, type sizes,
// leading, colours and spacing, in theme.json, embedded and loaded into a
// typed Theme. export/pdf reads it and never hard-codes a size or colour,
// in the way Pandoc keeps its templates under data/ (STYLE.md).
//
// Import it under another name, e.g. `theme "…/templates/pdf"`, beside
// export/pdf.
package pdf

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed theme.json
var themeJSON []byte

//go:embed styles/*.json
var styleFiles embed.FS

// JSON returns the embedded theme file, e.g. for a user to copy and edit.
func JSON() []byte { return bytes.Clone(themeJSON) }

// Color is an sRGB colour written "#RRGGBB" in the theme file.
type Color struct{ R, G, B uint8 }

// UnmarshalJSON reads "#RRGGBB".
func (c *Color) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("colour must be a string like \"#1A1A1A\": %w", err)
	}
	v, err := ParseColor(s)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseColor parses "#RRGGBB".
func ParseColor(s string) (Color, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) != 6 || !strings.HasPrefix(strings.TrimSpace(s), "#") {
		return Color{}, fmt.Errorf("colour %q is not #RRGGBB", s)
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("colour %q is not #RRGGBB", s)
	}
	return Color{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// Margins are the page margins in millimetres. Inner and outer are the
// binding and fore-edge sides; in a simplex build the left margin is
// Inner and the right Outer on every page, in duplex they mirror.
type Margins struct {
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Inner  float64 `json:"inner"`
	Outer  float64 `json:"outer"`
	// MaxMeasure caps the text block's width (about 75 characters of body
	// text); wider paper gives the excess to the margins.
	MaxMeasure float64 `json:"max_measure"`
	HeaderGap  float64 `json:"header_gap"` // header baseline above the text block
	FooterGap  float64 `json:"footer_gap"` // footer baseline below the text block
	// MeasureChars, when set, narrows the text block further to about
	// this many characters of body text (the body face at the body size,
	// measured on a sample of English prose): 66 is the classic ideal.
	MeasureChars float64 `json:"measure_chars"`
	// HalfScale scales these margins and gaps for a half-size page (a
	// booklet's A5 or 5.5×8.5 in); type sizes never scale.
	HalfScale float64 `json:"half_scale"`
}

// Body is running text.
type Body struct {
	Size           float64 `json:"size"`
	Leading        float64 `json:"leading"`
	ParagraphSpace float64 `json:"paragraph_space"` // in lines
	Color          Color   `json:"color"`
}

// Level is one heading level.
type Level struct {
	Size        float64 `json:"size"`
	Leading     float64 `json:"leading"`
	SpaceBefore float64 `json:"space_before"`
	SpaceAfter  float64 `json:"space_after"`
	Bold        bool    `json:"bold"`
}

// Headings are section (level 0), subsection (1) and sub-subsection (2)
// headings.
type Headings struct {
	Color Color `json:"color"`
	// Rule is the accent rule under a section heading (and the title).
	Rule       Color   `json:"rule"`
	RuleLength float64 `json:"rule_length"`
	RuleHeight float64 `json:"rule_height"`
	Levels     []Level `json:"levels"`
}

// Furniture is the running header and footer.
type Furniture struct {
	Size      float64 `json:"size"`
	Color     Color   `json:"color"`
	Rule      Color   `json:"rule"`
	RuleWidth float64 `json:"rule_width"`
	// NumberSize is the page number's size (0: Size + 0.5).
	NumberSize float64 `json:"number_size"`
	// HeadOnOpeners: a page a part starts on has a running head too.
	HeadOnOpeners bool `json:"head_on_openers"`
	// FolioOnTitle: the title page prints its page number.
	FolioOnTitle bool `json:"folio_on_title"`
}

// Text is how running text is set, whatever the size.
type Text struct {
	// Family is the face of body text, callouts, lists and tables:
	// "literata" (serif) or "atkinson" (Atkinson Hyperlegible Next).
	Family string `json:"family"`
	// Italic is the face text the guide sets in italic (emphasis, book
	// titles, quotations) is drawn in: "italic", or "bold" or "regular"
	// for a style that uses no italic face at all.
	Italic string `json:"italic"`
	// LetterSpacing is added after every character, in points.
	LetterSpacing float64 `json:"letter_spacing"`
	// HyphenBreaks: a line may end after a hyphen or dash inside a word
	// ("well-/known"). Words are never hyphenated either way.
	HyphenBreaks bool `json:"hyphen_breaks"`
}

// Pages is how the guide's parts meet the pages.
type Pages struct {
	// Cover: a designed cover page; false puts a title block on page 1.
	Cover bool `json:"cover"`
	// SectionBreaks: every part (contents, key quotes, each section, the
	// FAQ) starts a new page; false runs them on, RunOnSpace mm apart.
	SectionBreaks bool    `json:"section_breaks"`
	RunOnSpace    float64 `json:"run_on_space"`
	// ContentsMin is the least number of entries for which the contents
	// are printed (a short guide needs none).
	ContentsMin int `json:"contents_min"`
	// TailLines is the least number of lines a part that fills more than
	// one page leaves on its last page (0: no rule).
	TailLines int `json:"tail_lines"`
	// Tint is a background colour for every page but the cover (null:
	// white paper); --no-tint removes it.
	Tint *Color `json:"tint"`
}

// Callout is a quotation box.
type Callout struct {
	Size      float64 `json:"size"`
	Leading   float64 `json:"leading"`
	Fill      Color   `json:"fill"`
	Rule      Color   `json:"rule"`
	RuleWidth float64 `json:"rule_width"`
	Mark      Color   `json:"mark"`
	MarkSize  float64 `json:"mark_size"` // mm, height of the opening quote mark
	PaddingX  float64 `json:"padding_x"`
	PaddingY  float64 `json:"padding_y"`
	Indent    float64 `json:"indent"` // text indent from the box's left edge
	Space     float64 `json:"space"`  // mm above and below the box
	Color     Color   `json:"color"`
	// Style is the face of the quotation: "italic", "regular" or "bold"
	// (then Text.Italic still applies to "italic").
	Style string `json:"style"`
}

// TOC is the printed table of contents.
type TOC struct {
	Title     string  `json:"title"`
	Size      float64 `json:"size"`
	Leading   float64 `json:"leading"`
	Indent    float64 `json:"indent"`
	TopSpace  float64 `json:"top_space"`
	LeaderGap float64 `json:"leader_gap"` // clear space each side of the dotted leader
	// LeaderDotSpacing and LeaderDotSize are the leader's dot pitch and
	// diameter.
	LeaderDotSpacing float64 `json:"leader_dot_spacing"`
	LeaderDotSize    float64 `json:"leader_dot_size"`
	LeaderColor      Color   `json:"leader_color"`
}

// FAQ is the appendix.
type FAQ struct {
	Title         string  `json:"title"`
	ShortTitle    string  `json:"short_title"`
	QuestionSize  float64 `json:"question_size"`
	QuestionSpace float64 `json:"question_space"`
	AnswerGap     float64 `json:"answer_gap"`
}

// Quotes is the Key Quotes page.
type Quotes struct {
	Title string `json:"title"`
}

// TitlePage is the title and synopsis page.
type TitlePage struct {
	TitleSize    float64 `json:"title_size"`
	SubtitleSize float64 `json:"subtitle_size"`
	MetaSize     float64 `json:"meta_size"`
	// TopSpace is the room above the title (mm), SynopsisSpace above the
	// synopsis heading.
	TopSpace      float64 `json:"top_space"`
	SynopsisSpace float64 `json:"synopsis_space"`
}

// Cover is the vector cover's type sizes (points); colours come from
// export/cover's shared palette.
type Cover struct {
	LabelSize     float64 `json:"label_size"`
	TitleMax      float64 `json:"title_max"`
	TitleMin      float64 `json:"title_min"`
	TitleMaxLines int     `json:"title_max_lines"`
	AuthorSize    float64 `json:"author_size"`
	ReadingSize   float64 `json:"reading_size"`
}

// Theme is the whole PDF theme.
type Theme struct {
	Margins   Margins   `json:"margins"`
	Body      Body      `json:"body"`
	Headings  Headings  `json:"headings"`
	Furniture Furniture `json:"furniture"`
	Callout   Callout   `json:"callout"`
	TOC       TOC       `json:"toc"`
	FAQ       FAQ       `json:"faq"`
	Quotes    Quotes    `json:"quotes"`
	TitlePage TitlePage `json:"title_page"`
	Cover     Cover     `json:"cover"`
	Blocks    Blocks    `json:"blocks"`
	Table     Table     `json:"table"`
	Text      Text      `json:"text"`
	Pages     Pages     `json:"pages"`
	Worksheet Worksheet `json:"worksheet"`
}

// Worksheet is the worksheet's answer lines (--format worksheet).
type Worksheet struct {
	// LineGap is the distance between ruled answer lines (mm), room for
	// handwriting; Rule and RuleWidth draw them.
	LineGap   float64 `json:"line_gap"`
	Rule      Color   `json:"rule"`
	RuleWidth float64 `json:"rule_width"`
	// A question gets MinLines lines and one more for every WordsPerLine
	// words it has, up to MaxLines; a quotation to explain QuoteLines.
	MinLines     int `json:"min_lines"`
	MaxLines     int `json:"max_lines"`
	WordsPerLine int `json:"words_per_line"`
	QuoteLines   int `json:"quote_lines"`
	// Space follows each answer (mm); BlankGap separates a label of the
	// name/date/class line from its blank.
	Space    float64 `json:"space"`
	BlankGap float64 `json:"blank_gap"`
}

// Blocks are lists, definitions, verse, attributions and links in running
// text (body size and leading).
type Blocks struct {
	// LinkColor is the colour of a link's text and its underline;
	// UnderlineWidth the underline's thickness.
	LinkColor      Color   `json:"link_color"`
	UnderlineWidth float64 `json:"underline_width"`
	// ListIndent is the hanging indent of a list item (its number or
	// bullet sits in it, LabelGap from the text); a nested list is
	// indented by as much again. ItemSpace is the space between items, in
	// lines.
	ListIndent float64 `json:"list_indent"`
	LabelGap   float64 `json:"label_gap"`
	ItemSpace  float64 `json:"item_space"`
	// DefinitionHang is the indent of a definition's turnover lines (the
	// term starts the first line, run in).
	DefinitionHang float64 `json:"definition_hang"`
	// VerseIndent sets verse off from the text; VerseTurnover is the
	// further indent of a line too long for the measure.
	VerseIndent   float64 `json:"verse_indent"`
	VerseTurnover float64 `json:"verse_turnover"`
	// SpeakerSize is the speaker's name above a verse (Atkinson bold).
	SpeakerSize float64 `json:"speaker_size"`
	// AttributionSize is the size of a quote's attribution, set
	// right-aligned under the quotation in AttributionColor.
	AttributionSize  float64 `json:"attribution_size"`
	AttributionColor Color   `json:"attribution_color"`
}

// Table is a table: cells in the body face at Size, a header row in bold
// Atkinson, a caption above; booktabs rules (Heavy above and below the
// table, Heavy under the header, Light between rows).
type Table struct {
	Size        float64 `json:"size"`
	Leading     float64 `json:"leading"`
	CaptionSize float64 `json:"caption_size"`
	PaddingX    float64 `json:"padding_x"`
	PaddingY    float64 `json:"padding_y"`
	Rule        Color   `json:"rule"`
	RowRule     Color   `json:"row_rule"`
	Heavy       float64 `json:"heavy"`
	Light       float64 `json:"light"`
	Space       float64 `json:"space"` // mm above and below the table
}

// Heading returns heading level i (0-based), clamped to the deepest defined.
func (t Theme) Heading(i int) Level {
	if i >= len(t.Headings.Levels) {
		i = len(t.Headings.Levels) - 1
	}
	if i < 0 {
		i = 0
	}
	return t.Headings.Levels[i]
}

// Parse reads a theme file. Unknown keys are errors (a misspelt key would
// otherwise silently keep a zero size); "comment" is allowed at the top.
func Parse(b []byte) (Theme, error) { return Overlay(Theme{}, b) }

// Validate checks that every size a layout divides by or steps with is
// positive and that the margins leave room for text.
func (t Theme) Validate() error {
	var errs []error
	pos := func(name string, v float64) {
		if !(v > 0) || v > 1000 {
			errs = append(errs, fmt.Errorf("%s must be a positive number, not %v", name, v))
		}
	}
	nonneg := func(name string, v float64) {
		if v < 0 || v > 1000 {
			errs = append(errs, fmt.Errorf("%s must be 0 or more, not %v", name, v))
		}
	}
	m := t.Margins
	pos("margins.top", m.Top)
	pos("margins.bottom", m.Bottom)
	pos("margins.inner", m.Inner)
	pos("margins.outer", m.Outer)
	pos("margins.max_measure", m.MaxMeasure)
	nonneg("margins.header_gap", m.HeaderGap)
	nonneg("margins.footer_gap", m.FooterGap)
	if m.Top+m.Bottom > 180 || m.Inner+m.Outer > 150 {
		errs = append(errs, errors.New("margins leave too little room for text on A4 or Letter"))
	}
	pos("body.size", t.Body.Size)
	pos("body.leading", t.Body.Leading)
	nonneg("body.paragraph_space", t.Body.ParagraphSpace)
	nonneg("headings.rule_length", t.Headings.RuleLength)
	nonneg("headings.rule_height", t.Headings.RuleHeight)
	if len(t.Headings.Levels) == 0 {
		errs = append(errs, errors.New("headings.levels must define at least one level"))
	}
	for i, l := range t.Headings.Levels {
		pos(fmt.Sprintf("headings.levels[%d].size", i), l.Size)
		pos(fmt.Sprintf("headings.levels[%d].leading", i), l.Leading)
		nonneg(fmt.Sprintf("headings.levels[%d].space_before", i), l.SpaceBefore)
		nonneg(fmt.Sprintf("headings.levels[%d].space_after", i), l.SpaceAfter)
	}
	pos("furniture.size", t.Furniture.Size)
	nonneg("furniture.rule_width", t.Furniture.RuleWidth)
	c := t.Callout
	pos("callout.size", c.Size)
	pos("callout.leading", c.Leading)
	nonneg("callout.rule_width", c.RuleWidth)
	nonneg("callout.mark_size", c.MarkSize)
	nonneg("callout.padding_x", c.PaddingX)
	nonneg("callout.padding_y", c.PaddingY)
	nonneg("callout.indent", c.Indent)
	nonneg("callout.space", c.Space)
	pos("toc.size", t.TOC.Size)
	pos("toc.leading", t.TOC.Leading)
	nonneg("toc.indent", t.TOC.Indent)
	nonneg("toc.top_space", t.TOC.TopSpace)
	pos("toc.leader_gap", t.TOC.LeaderGap)
	pos("toc.leader_dot_spacing", t.TOC.LeaderDotSpacing)
	pos("toc.leader_dot_size", t.TOC.LeaderDotSize)
	pos("faq.question_size", t.FAQ.QuestionSize)
	nonneg("faq.question_space", t.FAQ.QuestionSpace)
	nonneg("faq.answer_gap", t.FAQ.AnswerGap)
	pos("title_page.title_size", t.TitlePage.TitleSize)
	pos("title_page.subtitle_size", t.TitlePage.SubtitleSize)
	pos("title_page.meta_size", t.TitlePage.MetaSize)
	nonneg("title_page.top_space", t.TitlePage.TopSpace)
	nonneg("title_page.synopsis_space", t.TitlePage.SynopsisSpace)
	pos("cover.label_size", t.Cover.LabelSize)
	pos("cover.title_max", t.Cover.TitleMax)
	pos("cover.title_min", t.Cover.TitleMin)
	pos("cover.author_size", t.Cover.AuthorSize)
	pos("cover.reading_size", t.Cover.ReadingSize)
	bl := t.Blocks
	nonneg("blocks.underline_width", bl.UnderlineWidth)
	pos("blocks.list_indent", bl.ListIndent)
	nonneg("blocks.label_gap", bl.LabelGap)
	nonneg("blocks.item_space", bl.ItemSpace)
	nonneg("blocks.definition_hang", bl.DefinitionHang)
	nonneg("blocks.verse_indent", bl.VerseIndent)
	nonneg("blocks.verse_turnover", bl.VerseTurnover)
	pos("blocks.speaker_size", bl.SpeakerSize)
	pos("blocks.attribution_size", bl.AttributionSize)
	tb := t.Table
	pos("table.size", tb.Size)
	pos("table.leading", tb.Leading)
	pos("table.caption_size", tb.CaptionSize)
	nonneg("table.padding_x", tb.PaddingX)
	nonneg("table.padding_y", tb.PaddingY)
	nonneg("table.heavy", tb.Heavy)
	nonneg("table.light", tb.Light)
	nonneg("table.space", tb.Space)
	if bl.ListIndent+bl.VerseIndent+bl.VerseTurnover+bl.DefinitionHang > 80 {
		errs = append(errs, errors.New("blocks: the indents leave too little room for text"))
	}
	if t.Cover.TitleMin > t.Cover.TitleMax {
		errs = append(errs, errors.New("cover.title_min must not exceed cover.title_max"))
	}
	if t.Cover.TitleMaxLines < 1 {
		errs = append(errs, errors.New("cover.title_max_lines must be at least 1"))
	}
	for _, f := range [][2]string{{"toc.title", t.TOC.Title}, {"faq.title", t.FAQ.Title}, {"faq.short_title", t.FAQ.ShortTitle}, {"quotes.title", t.Quotes.Title}} {
		if strings.TrimSpace(f[1]) == "" {
			errs = append(errs, fmt.Errorf("%s must not be empty", f[0]))
		}
	}
	nonneg("margins.measure_chars", m.MeasureChars)
	if m.HalfScale <= 0.2 || m.HalfScale > 1 {
		errs = append(errs, fmt.Errorf("margins.half_scale must be over 0.2 and at most 1, not %v", m.HalfScale))
	}
	nonneg("furniture.number_size", t.Furniture.NumberSize)
	nonneg("text.letter_spacing", t.Text.LetterSpacing)
	nonneg("pages.run_on_space", t.Pages.RunOnSpace)
	if t.Pages.ContentsMin < 0 || t.Pages.TailLines < 0 || t.Pages.TailLines > 20 {
		errs = append(errs, errors.New("pages.contents_min must be 0 or more and pages.tail_lines 0 to 20"))
	}
	ws := t.Worksheet
	pos("worksheet.line_gap", ws.LineGap)
	pos("worksheet.rule_width", ws.RuleWidth)
	nonneg("worksheet.space", ws.Space)
	nonneg("worksheet.blank_gap", ws.BlankGap)
	if ws.MinLines < 1 || ws.MaxLines < ws.MinLines || ws.MaxLines > 30 || ws.WordsPerLine < 1 || ws.QuoteLines < 1 {
		errs = append(errs, errors.New("worksheet: min_lines, words_per_line and quote_lines must be 1 or more, max_lines from min_lines to 30"))
	}
	oneOf := func(name, v string, allowed ...string) {
		if !slices.Contains(allowed, v) {
			errs = append(errs, fmt.Errorf("%s must be one of %s, not %q", name, strings.Join(allowed, ", "), v))
		}
	}
	oneOf("text.family", t.Text.Family, "literata", "atkinson")
	oneOf("text.italic", t.Text.Italic, "italic", "bold", "regular")
	oneOf("callout.style", t.Callout.Style, "italic", "bold", "regular")
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("pdf theme: %w", err)
	}
	return nil
}

var (
	defOnce  sync.Once
	defTheme Theme
	defErr   error
)

// Default is the embedded theme, parsed once. The returned value is a copy
// (its Levels slice is shared and must not be modified).
func Default() (Theme, error) {
	defOnce.Do(func() { defTheme, defErr = Parse(themeJSON) })
	return defTheme, defErr
}

// Styles are the names --style accepts, the default first. "standard" is
// theme.json; each other is styles/NAME.json, which overrides only the
// keys it sets.
var Styles = []string{"standard", "compact", "large-print", "dyslexia"}

var (
	namedMu sync.Mutex
	named   = map[string]Theme{}
)

// Named is the theme of a style (one of Styles), parsed once.
func Named(name string) (Theme, error) {
	if name == "" || name == "standard" {
		return Default()
	}
	if !slices.Contains(Styles, name) {
		return Theme{}, fmt.Errorf("pdf theme: unknown style %q (use %s)", name, strings.Join(Styles, ", "))
	}
	namedMu.Lock()
	defer namedMu.Unlock()
	if t, ok := named[name]; ok {
		return t, nil
	}
	base, err := Default()
	if err != nil {
		return Theme{}, err
	}
	b, err := styleFiles.ReadFile("styles/" + name + ".json")
	if err != nil {
		return Theme{}, fmt.Errorf("pdf theme: style %q has no file: %w", name, err)
	}
	t, err := Overlay(base, b)
	if err != nil {
		return Theme{}, fmt.Errorf("style %s: %w", name, err)
	}
	named[name] = t
	return t, nil
}

// Overlay returns base with the keys a style file sets replaced (a list,
// such as headings.levels, is replaced whole).
func Overlay(base Theme, b []byte) (Theme, error) {
	// Decoding writes into the slice's array: never the shared one.
	base.Headings.Levels = slices.Clone(base.Headings.Levels)
	var t struct {
		Comment string `json:"comment"`
		Theme
	}
	t.Theme = base
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return Theme{}, fmt.Errorf("pdf theme: %w", err)
	}
	if err := t.Theme.Validate(); err != nil {
		return Theme{}, err
	}
	return t.Theme, nil
}
