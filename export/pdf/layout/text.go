package layout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
	"github.com/guidepress/guidepress/typeset"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// glyph is one shaped glyph placed in one face at one size, in the
// logical order of the text (see typeset): w is its advance in
// millimetres, kerning and letter spacing included.
type glyph struct {
	size  float64 // points
	w     float64
	r     rune  // the first character of its cluster: what the breaker looks at
	start int32 // r\'s index in the paragraph\'s text
	seg   int32 // the segment the character belongs to (a link, a list label…), 0 for none
	// lig is the characters of a ligature (n > 1), as an index into ligs:
	// glyphs hold no pointer, so that the garbage collector need not
	// scan a layout's glyphs.
	lig uint32
	adv int16 // the shaped advance, in thousandths of an em
	// xoff and yoff are the shaper's offsets (a mark over its letter), in
	// thousandths of an em, y up: 48 bytes a glyph with the fields in
	// this order.
	xoff int16
	yoff int16
	GID  uint16 // the glyph in the face's file
	fc   Face
	// n is the number of characters the glyph stands for: 1, more for a
	// ligature, 0 for a second glyph of one character.
	n     uint8
	level uint8 // bidi level: odd for right-to-left text
	brk   bool  // a line may start here (UAX #14), beyond the breaker's own rules
}

// DrawnGlyph is what drawing a glyph needs of it: a laid-out line keeps
// its glyphs in this form until its page is drawn (24 bytes, where a
// glyph is 48: the widths, sizes, faces and break opportunities are the
// layout's; all the glyphs of a run have its size). A long guide's layout is held whole until it is drawn (the
// contents need every page number), and its glyphs were most of it: a 4
// MiB guide of prose, 235 MB of its 313 MB.
type DrawnGlyph struct {
	// R is the character the glyph stands for when N is 1; for a
	// ligature (N > 1) it holds where its characters are kept (ligText),
	// which makes a DrawnGlyph 20 bytes rather than 24: a seed build draws
	// 57,000 of them, a 4 MiB guide 4.2 million, held until drawn.
	R     rune
	Start int32
	Adv   int16
	Xoff  int16
	Yoff  int16
	GID   uint16
	N     uint8
	Level uint8
	// carrier: a glyph that advances nothing, not even by the letter
	// spacing (withCarriers)
	Carrier bool
}

func (g *glyph) Drawn() DrawnGlyph {
	var d DrawnGlyph
	g.drawInto(&d)
	return d
}

// drawInto sets *d to g.Drawn(), field by field: a composite literal is
// built on the stack and copied with overlapping 16-byte moves, whose
// stalls (store forwarding) were most of the time of a loop converting
// a paragraph's glyphs.
func (g *glyph) drawInto(d *DrawnGlyph) {
	d.R = g.r
	if g.n > 1 {
		d.R = rune(g.lig)
	}
	d.Start, d.Adv, d.Xoff, d.Yoff, d.GID, d.N, d.Level = g.start, g.adv, g.xoff, g.yoff, g.GID, g.n, g.level
	d.Carrier = g.w == 0 && g.adv == 0
}

// Text is the characters g stands for.
func (g *DrawnGlyph) Text() string {
	switch g.N {
	case 0:
		return ""
	case 1:
		return string(g.R)
	}
	return ligText(uint32(g.R))
}

// Reach is how much the PDF widens glyph g of face fc beyond its width
// in the font, in thousandths of an em: a left-to-right glyph that
// advances nothing and is drawn left of the pen (a vowel sign the
// shaper set back under or over its consonant: the u-sign of कु, the
// e-sign of दे) reaches to the pen, so that the box a text extractor
// gives it (from where it is drawn, its width in /W) ends where the next
// letter starts. Without it poppler and MuPDF saw a gap of up to a third
// of an em inside the word and cut it there ("कु त्ते", "दे ने"). 0 for
// every other glyph; right-to-left marks have carriers (withCarriers).
func Reach(fc Face, g *DrawnGlyph) int16 {
	if g.Xoff < 0 && g.Adv == 0 {
		return reachBack(fc, g)
	}
	return 0
}

// reachBack is Reach of a glyph that advances nothing and is drawn left
// of the pen, apart so that Reach is inlined: the PDF asks it of every
// glyph it draws, three times (fontembed: the glyphs used, their CIDs
// and widths), and it is 0 for nearly all.
//
//go:noinline
func reachBack(fc Face, g *DrawnGlyph) int16 {
	if g.Level&1 != 0 {
		return 0
	}
	return int16(max(0, -int32(g.Xoff)-fc.Typeset().Advance(g.GID)))
}

func (g *glyph) writeText(b *strings.Builder) {
	switch g.n {
	case 0:
	case 1:
		b.WriteRune(g.r)
	default:
		b.WriteString(ligText(g.lig))
	}
}

// span is a piece of text in one style (a paragraph may mix roman and
// italic, e.g. a book title inside a sentence).
type span struct {
	text  string
	style fonts.Style
	// seg is the segment the text belongs to, 0 for none: a link, or a
	// part of a line tagged apart from the rest (a definition's term). See
	// builder.segs.
	seg int32
}

func plain(s string) []span { return []span{{text: s, style: fonts.Regular}} }

// Clean prepares model text for setting: NFC (so that "e" + U+0301 uses the
// font's precomposed "é"), soft hyphens and invisible format characters
// removed (fpdf has no hyphenation and would draw U+00AD as a visible
// hyphen), every run of white space folded to one space. A no-break space
// is kept: it binds, and every face has it.
func Clean(s string) string {
	if cleanASCII(s) {
		return s // nothing to change: no copy (a heading is cleaned for its destination, its contents entry and where it is reported)
	}
	rs, _, _ := cleanSpans(nil, nil, nil, plain(s))
	return string(rs)
}

// cleanASCII reports whether s is printable ASCII with single spaces
// between words, none leading or trailing: what Clean returns unchanged.
func cleanASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if s[i+1] == ' ' { // not the last byte: checked above
				return false
			}
		case c < 0x21 || c > 0x7E:
			return false
		}
	}
	return true
}

// asciiFast: cleanSpans takes a span of ASCII characters alone by its
// bytes; a test turns it off to compare.
var asciiFast = true

// isASCII reports whether s has only ASCII characters.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldedSpace appends the one space a run of white space before a kept
// character of sp folds to (cleanSpans).
func foldedSpace(out []rune, sts []fonts.Style, segs []int32, sp span) ([]rune, []fonts.Style, []int32) {
	out = append(out, ' ')
	sts = append(sts, sp.style)
	if segs != nil {
		// A space between a link and the text after it is not part of
		// the link.
		segs = append(segs, segs[len(segs)-1])
		if segs[len(segs)-1] != sp.seg {
			segs[len(segs)-1] = 0
		}
	}
	return out, sts, segs
}

// cleanSpans is clean over a sequence of styled spans, folding spaces
// across their boundaries ("A study guide to " + italic title + " by …"),
// and returns each kept character's style and segment (segs is nil when
// no span has one). The results are set in out, sts and segs, which the
// shaper reuses from one text to the next, grown as needed.
func cleanSpans(out []rune, sts []fonts.Style, segs []int32, spans []span) ([]rune, []fonts.Style, []int32) {
	n := 0
	withSegs := false
	for _, sp := range spans {
		n += len(sp.text) // bytes: at least the runes, as a rule (NFC rarely lengthens)
		withSegs = withSegs || sp.seg != 0
	}
	out = slices.Grow(out[:0], n)
	sts = slices.Grow(sts[:0], n)
	if withSegs {
		segs = slices.Grow(segs[:0], n)
	} else {
		segs = nil
	}
	space := false
	for _, sp := range spans {
		if asciiFast && isASCII(sp.text) {
			// ASCII, nearly all text: NFC leaves it as it is, and of the
			// checks below only the folding of white space and controls
			// (every byte to ' ', and DEL) applies: ~25% of shaping a
			// short heading went to the normalising and the checks.
			for i := 0; i < len(sp.text); i++ {
				c := sp.text[i]
				if c <= ' ' || c == 0x7F {
					space = true
					continue
				}
				if space && len(out) > 0 {
					out, sts, segs = foldedSpace(out, sts, segs, sp)
				}
				space = false
				out = append(out, rune(c))
				sts = append(sts, sp.style)
				if segs != nil {
					segs = append(segs, sp.seg)
				}
			}
			continue
		}
		for _, r := range norm.NFC.String(sp.text) {
			// Printable ASCII, nearly all text, is kept as is without the
			// checks below.
			if r <= ' ' || r >= 0x7F {
				switch {
				case r == '\u00A0':
				case r == '\u00AD':
					continue
				case unicode.IsSpace(r) || unicode.IsControl(r):
					space = true
					continue
				case r == '\u200D' || isVariationSelector(r) || isEmojiModifier(r) || isTag(r):
					// Kept for now: shape uses them to fold an emoji sequence
					// into one replacement, then drops them.
				case r == zwnj:
					// Kept: it stops two letters joining (Persian
					// "می‌گوید" is two words' shapes, not one), and a
					// reader copying the text needs it back. shape drops
					// it where no face has it.
				case unicode.Is(unicode.Cf, r) || r == '\uFFFE' || r == '\uFFFF':
					continue // bidi controls, zero-width space, BOM …
				}
			}
			if space && len(out) > 0 {
				out, sts, segs = foldedSpace(out, sts, segs, sp)
			}
			space = false
			out = append(out, r)
			sts = append(sts, sp.style)
			if segs != nil {
				segs = append(segs, sp.seg)
			}
		}
	}
	return out, sts, segs
}

// Dashes sets the PDF's one dash convention: a parenthetical dash is a
// spaced en dash ("deferrals – a rumour"), the British style the guides'
// typography already gives a typed " - ". A spaced em dash becomes one,
// and so does a closed em dash between two words or quotations
// ("love—and" → "love – and", the form a repaired 〞 takes). An em dash that is not between
// words ("I was—", "—and then", "—”") is a quotation's interruption and
// stays.
func Dashes(s string) string {
	// Over the string's bytes, copying the stretches between em dashes:
	// converting the whole text to runes and back took most of the time.
	const em = "—"
	i := strings.Index(s, em)
	if i < 0 {
		return s
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	var b strings.Builder
	b.Grow(len(s) + 8)
	last := 0
	for i >= 0 {
		var prev, next rune
		if i > 0 {
			prev, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		if i+len(em) < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+len(em):])
		}
		b.WriteString(s[last:i])
		switch {
		case prev == ' ' && next == ' ':
			b.WriteRune('–')
		case (word(prev) || strings.ContainsRune("”’)", prev)) && (word(next) || strings.ContainsRune("“‘(", next)):
			b.WriteString(" – ")
		default:
			b.WriteString(em)
		}
		last = i + len(em)
		if i = strings.Index(s[last:], em); i >= 0 {
			i += last
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

func isVariationSelector(r rune) bool {
	return (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF)
}
func isEmojiModifier(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }
func isTag(r rune) bool           { return r >= 0xE0020 && r <= 0xE007F }
func isRegional(r rune) bool      { return r >= 0x1F1E6 && r <= 0x1F1FF }

// Replacement is what a character no embedded face can draw becomes: a
// visible white square, drawn from a face that really has it (Literata
// does), so the reader sees that something is missing and copy-paste gives
// U+25A1, never U+FFFD or a .notdef box.
const Replacement = '\u25A1'

// Reporter collects the characters no face could draw, one warning per
// character and place, in the order they are first met, with a count.
// Letters of a script no face has (Thai, Bengali, Tibetan, …) are
// reported together: one warning naming the script and its letters.
type Reporter struct {
	order []missKey
	miss  map[missKey]*missed
}

type missKey struct {
	r       rune   // the character, or 0 for a script group
	script  string // the script of a letter group
	where   string
	dropped bool
}

type missed struct {
	runes []rune
	count int
	seq   bool
}

func newReporter() *Reporter { return &Reporter{miss: map[missKey]*missed{}} }

// scriptOf is the Unicode script of a letter, "" for symbols, emoji and
// characters of the Common or Inherited scripts.
func scriptOf(r rune) string {
	if !unicode.IsLetter(r) {
		return ""
	}
	for name, tbl := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(tbl, r) {
			return name
		}
	}
	return ""
}

func (rp *Reporter) add(r rune, where string, dropped, inSequence bool) {
	k := missKey{r: r, where: where, dropped: dropped}
	if sc := scriptOf(r); sc != "" && !dropped {
		k = missKey{script: sc, where: where}
	}
	m := rp.miss[k]
	if m == nil {
		m = &missed{}
		rp.miss[k] = m
		rp.order = append(rp.order, k)
	}
	if !slices.Contains(m.runes, r) {
		m.runes = append(m.runes, r)
	}
	m.count++
	m.seq = m.seq || inSequence
}

func runeLabel(r rune) string {
	name := runenames.Name(r)
	if name == "" || strings.HasPrefix(name, "<") {
		return fmt.Sprintf("U+%04X", r)
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

func (rp *Reporter) Diagnostics() []content.Diagnostic {
	var out []content.Diagnostic
	for _, k := range rp.order {
		m := rp.miss[k]
		var msg, times string
		if k.script == "" && m.count > 1 {
			times = fmt.Sprintf(" (%d times)", m.count)
		}
		switch {
		case k.dropped:
			msg = fmt.Sprintf("PDF: no embedded font has the combining mark %s in %s; it was left out%s; the EPUB keeps it as written: for print, write the letter without the mark or with one the fonts have", runeLabel(k.r), k.where, times)
		case k.script != "":
			var names []string
			for i, r := range m.runes {
				if i == 4 {
					names = append(names, fmt.Sprintf("… %d different letters in all", len(m.runes)))
					break
				}
				names = append(names, runeLabel(r))
			}
			msg = fmt.Sprintf("PDF: %s text in %s cannot be printed: no embedded font has its letters (%s); each of its %d letters is shown as %q; the EPUB keeps the text as written",
				strings.ReplaceAll(k.script, "_", " "), k.where, strings.Join(names, ", "), m.count, string(Replacement))
			a := fonts.Advice(k.script)
			if a == "" {
				a = "guidepress embeds no font for this script (README, \"Fonts and scripts\"): for print, give these words in transliteration or with a translation beside them"
			}
			msg += "; " + a
		default:
			what := runeLabel(k.r)
			if m.seq {
				what += " (in an emoji sequence)"
			}
			msg = fmt.Sprintf("PDF: the character %s in %s cannot be printed (no embedded font has it); it is shown as %q%s; the EPUB keeps it as written: for print, replace it with a character the fonts have (or words)", what, k.where, string(Replacement), times)
		}
		out = append(out, content.Diagnostic{Severity: content.Warning, Message: msg})
	}
	return out
}

// shaper turns text into glyphs through package typeset, choosing a face
// per character: the primary family when it has the letter, else the
// fallback typeset.Pick gives, else the visible replacement with a
// warning.
type shaper struct {
	rep   *Reporter
	quiet bool // text that repeats what is reported elsewhere (cover, headers, contents)
	// textOnly: a line is set (setGlyphs) with its text alone, without
	// the runs and drawn glyphs only drawing needs: the layout is made
	// for where its pages start (Starts), which the lines' texts and
	// places give. A 4 MiB guide of 147,215 one-line subsections, one
	// part flowed whole, held 100 B of runs and 20 B a glyph for each of
	// its 294,430 lines until the part was placed.
	textOnly bool
	// cache holds what shape and builder.lines returned, for texts set
	// more than once: running headers, list labels, the contents' page
	// numbers (nil: none). Results are shared: callers never modify a
	// returned slice. It keeps at most maxCached texts (remember).
	cache map[shapeKey]*shaped
	rec   *[]report // while shaping for the cache: the warnings given
	// unkept is what shapeCached returns for a text the full cache does
	// not keep, used again for the next such text.
	unkept shaped
	th     textSettings
	// buffers reused from one text to the next
	clean     []rune
	styles    []fonts.Style
	cleanSegs []int32
	text      []rune
	faces     []typeset.Face
	segs      []int32
	tgs       []typeset.Glyph
	// glyphs and lineBuf are scratch: the glyphs and lines of a text
	// set at once (builder.setText), used again for the next one.
	glyphs  []glyph
	lineBuf [][]glyph
	para    paraText // the text of the scratch glyphs (setText)
	// digits: each face and size's digits, for numbers (shaper.number)
	digits    map[digitKey]*digitSet
	numGlyphs []glyph // the slab numbers' glyphs are taken from
	// arena and setSlab: the slabs short paragraphs' runs, drawn glyphs
	// and set lines are taken from (setText, fromArena)
	arena   lineSlabs
	setSlab []setLine
}

// maxSpare is the most glyphs a scratch buffer grows beyond what the
// text needs, and the length past which a text's buffers are let go once
// it is shaped (dropHuge): no ordinary paragraph comes near it (64 Ki
// glyphs, 3 MB of glyphs).
const maxSpare = 1 << 16

// dropHuge lets go of the buffers a text far longer than a paragraph
// grew (one 4 MiB paragraph: 28 bytes a glyph of typeset.Glyph, 12 a
// character of text and faces, 8 of cleaned text and styles, 200 MB in
// all), so that the rest of the layout does not keep them; they are made
// again for the next such text. The glyphs themselves are the caller's
// until it shapes again (builder.setText lets them go).
func (s *shaper) dropHuge() {
	if cap(s.tgs) > maxSpare {
		s.tgs = nil
	}
	if cap(s.text) > maxSpare {
		s.text, s.faces, s.segs = nil, nil, nil
	}
	if cap(s.clean) > maxSpare {
		s.clean, s.styles, s.cleanSegs = nil, nil, nil
	}
}

// textSettings are the style's choices every text passes through (the
// theme's "text" section): the body family, what italic becomes, letter
// spacing, and whether lines break after a hyphen inside a word. Layout
// code names Literata and Italic; the style decides what is drawn.
type textSettings struct {
	body       fonts.Family
	italic     fonts.Style // what the Italic bit becomes: Italic, Bold or Regular
	spacing    float64     // mm after every glyph (drawn with Tc)
	spacingPt  float64
	noHyphenBr bool
}

func textStyle(th theme.Theme) textSettings {
	ts := textSettings{body: fonts.Literata, italic: fonts.Italic, spacing: ptToMM(th.Text.LetterSpacing),
		spacingPt: th.Text.LetterSpacing, noHyphenBr: !th.Text.HyphenBreaks}
	if th.Text.Family == "atkinson" {
		ts.body = fonts.Atkinson
	}
	switch th.Text.Italic {
	case "bold":
		ts.italic = fonts.Bold
	case "regular":
		ts.italic = fonts.Regular
	}
	return ts
}

// style is st as the style draws it: with no italic face, italic becomes
// bold (or roman).
func (ts textSettings) style(st fonts.Style) fonts.Style {
	if st&fonts.Italic == 0 || ts.italic == fonts.Italic {
		return st
	}
	return st&^fonts.Italic | ts.italic
}

// family is fam as the style draws it: Literata is the body family.
func (ts textSettings) family(fam fonts.Family) fonts.Family {
	if fam == fonts.Literata {
		return ts.body
	}
	return fam
}

// shapeKey is everything a shaped (and wrapped) text depends on. Not
// where it is: the warnings shaping gave are kept and given again with
// the caller's place (replay). Keyed by its place too, a text met in
// many places was shaped again in each, and every look-up hashed the
// place (~0.17 s of a 4 MiB guide of one-line sections).
type shapeKey struct {
	text  string      // one span's text, or the spans' each followed by NUL and its style
	style fonts.Style // one span's style (-1 for several)
	fam   fonts.Family
	size  float64
	quiet bool
	w     float64 // the wrapping width; -1 for shape
}

type shaped struct {
	gs    []glyph
	lines [][]glyph
	adds  []report // the warnings shaping gave, given again on each reuse
}

type report struct {
	r            rune
	dropped, seq bool
}

// maxCached bounds the shaper's cache. The texts that repeat are met
// early (a chapter's running header on its first page, a list's labels)
// or are short; a body text is set once (the layout is one pass, and a
// part flowed again reuses its blocks' lines). Unbounded, the cache kept
// an entry for every text of the guide: a 4 MiB guide of 147,000 one-line
// subsections made 600,000 of them, over 100 MB beside the layout.
const maxCached = 4096

// remember caches c under k while the cache has room; past that a text
// is shaped again when it is met again, which gives the same glyphs.
func (s *shaper) remember(k shapeKey, c *shaped) {
	if len(s.cache) < maxCached {
		s.cache[k] = c
	}
}

// mixedStyles is a shape key's style when its spans are keyed in its text,
// a value no fonts.Style takes.
const mixedStyles fonts.Style = 0xFF

func (s *shaper) key(spans []span, fam fonts.Family, size float64, w float64) shapeKey {
	if len(spans) == 1 && spans[0].seg == 0 {
		return shapeKey{text: spans[0].text, style: spans[0].style, fam: fam, size: size, quiet: s.quiet, w: w}
	}
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(sp.text)
		b.WriteByte(0)
		b.WriteByte(byte('0' + sp.style))
		if sp.seg != 0 {
			b.WriteByte(1)
			b.WriteString(strconv.Itoa(int(sp.seg)))
		}
	}
	return shapeKey{text: b.String(), style: mixedStyles, fam: fam, size: size, quiet: s.quiet, w: w}
}

func (s *shaper) report(r rune, where string, dropped, seq bool) {
	if s.rec != nil {
		*s.rec = append(*s.rec, report{r, dropped, seq})
	}
	s.rep.add(r, where, dropped, seq)
}

func (s *shaper) replay(adds []report, where string) {
	for _, a := range adds {
		s.rep.add(a.r, where, a.dropped, a.seq)
	}
}

// shapeCached is shape through the cache.
func (s *shaper) shapeCached(spans []span, fam fonts.Family, size float64, where string) (*shaped, error) {
	k := s.key(spans, fam, size, -1)
	if c, ok := s.cache[k]; ok {
		s.replay(c.adds, where)
		return c, nil
	}
	var c *shaped
	if len(s.cache) < maxCached {
		c = &shaped{} // its reports recorded in place: one allocation, not a second for them
	} else {
		// Not kept (remember): the caller takes the glyphs, and the
		// reports are the shaper's to record again for the next text.
		// A 4 MiB guide of one-line sections shapes ~270,000 headings
		// and contents entries a pass past a full cache.
		c = &s.unkept
		*c = shaped{adds: c.adds[:0]}
	}
	s.rec = &c.adds
	gs, err := s.shapeNow(spans, fam, size, where)
	s.rec = nil
	if err != nil {
		return nil, err
	}
	c.gs = gs
	s.remember(k, c)
	return c, nil
}

// lines is shape, then wrap to w, through the cache.
func (s *shaper) lines(spans []span, fam fonts.Family, size, w float64, where string) ([][]glyph, error) {
	if s.cache == nil {
		gs, err := s.shape(spans, fam, size, where)
		return s.wrap(gs, w), err
	}
	k := s.key(spans, fam, size, w)
	if c, ok := s.cache[k]; ok {
		s.replay(c.adds, where)
		return c.lines, nil
	}
	c, err := s.shapeCached(spans, fam, size, where)
	if err != nil {
		return nil, err
	}
	lines := s.wrap(c.gs, w)
	if len(s.cache) < maxCached {
		s.remember(k, &shaped{lines: lines, adds: c.adds})
	}
	return lines, nil
}

// drawable reports which face draws r for primary family fam in style st.
func drawable(fam fonts.Family, st fonts.Style, r rune) (Face, bool) {
	f, ok := typeset.Pick(fam, st, r)
	return fromTypeset(f), ok
}

// shape sets spans in family fam at size points. where names the place
// for diagnostics ("section \"Themes\"").
func (s *shaper) shape(spans []span, fam fonts.Family, size float64, where string) ([]glyph, error) {
	if s.cache == nil {
		return s.shapeNow(spans, fam, size, where)
	}
	c, err := s.shapeCached(spans, fam, size, where)
	if err != nil {
		return nil, err
	}
	return c.gs, nil
}

// invisible reports whether r is a joiner, selector or modifier: drawn as
// part of the character before it, or not at all.
// zwnj is the zero-width non-joiner.
const zwnj = '\u200C'

func invisible(r rune) bool {
	return r == '\u200D' || isVariationSelector(r) || isEmojiModifier(r) || isTag(r)
}

func (s *shaper) shapeNow(spans []span, fam fonts.Family, size float64, where string) ([]glyph, error) {
	return s.shapeInto(nil, spans, fam, size, where)
}

// scratch is shapeNow into the shaper's scratch glyphs, which the next
// call overwrites: for a caller that is done with the glyphs before it
// shapes again (builder.setText).
func (s *shaper) scratch(spans []span, fam fonts.Family, size float64, where string) ([]glyph, error) {
	return s.shapeInto(&s.glyphs, spans, fam, size, where)
}

// shapeInto is shapeNow setting the glyphs in *buf, grown as needed
// (buf nil: in a new array of their number).
func (s *shaper) shapeInto(buf *[]glyph, spans []span, fam fonts.Family, size float64, where string) ([]glyph, error) {
	p := s.prepare(spans, fam, where)
	return s.shapePrepared(buf, &p, size), nil
}

// prepared is a text ready to shape: its characters as drawn, each one's
// face and segment (segs nil: none has one), their bidi levels (nil: all
// 0) and the breaks UAX #14 allows (nil: none beyond the breaker's).
type prepared struct {
	text   []rune
	faces  []typeset.Face
	segs   []int32
	levels []uint8
	brks   []bool
}

// prepare is the text of spans as drawn in family fam, in the shaper's
// buffers (the next text's prepare uses them again), reporting the
// characters no face has.
func (s *shaper) prepare(spans []span, fam fonts.Family, where string) prepared {
	cloned := false
	for i, sp := range spans {
		if strings.Contains(sp.text, "—") {
			if !cloned {
				spans, cloned = slices.Clone(spans), true // the caller's are not ours to change
			}
			spans[i].text = Dashes(sp.text)
		}
	}
	rs, sts, segs := cleanSpans(s.clean, s.styles, s.cleanSegs, spans)
	s.clean, s.styles = rs, sts
	if segs != nil {
		s.cleanSegs = segs
	}
	fam = s.th.family(fam)
	// The text as drawn: each character in the face that has it, a
	// character no face has replaced by □ (one for a whole emoji
	// sequence), a mark no face has left out.
	// Room for every character at once: a text far longer than a
	// paragraph grown by append allocated five times its length.
	text, faces := slices.Grow(s.text[:0], len(rs)), slices.Grow(s.faces[:0], len(rs))
	tsegs := s.segs[:0]
	if segs != nil {
		tsegs = slices.Grow(tsegs, len(rs))
	}
	prev := typeset.FaceOf(fam, s.th.style(fonts.Regular))
	for i := 0; i < len(rs); i++ {
		st := s.th.style(sts[i])
		r := rs[i]
		var f typeset.Face
		var ok bool
		if r < 0x300 {
			// Nothing below the combining marks attaches to the
			// character before it (typeset.PickAfter): the call and its
			// checks saved on nearly every character.
			f, ok = typeset.Pick(fam, st, r)
		} else {
			f, ok = typeset.PickAfter(prev, fam, st, r)
		}
		if !ok && (invisible(r) && len(text) > 0 || r == zwnj) {
			continue // a joiner or selector on a character its face draws
		}
		if ok {
			text, faces = append(text, r), append(faces, f)
			if segs != nil {
				tsegs = append(tsegs, segs[i])
			}
			prev = f
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			if !s.quiet {
				s.report(r, where, true, false)
			}
			continue
		}
		// One replacement for a whole emoji sequence: the base, its
		// modifiers and selectors, ZWJ-joined parts, a flag's pair.
		seq := false
		j := i + 1
		if isRegional(r) && j < len(rs) && isRegional(rs[j]) {
			j++
			seq = true
		}
		for j < len(rs) {
			c := rs[j]
			if isVariationSelector(c) || isEmojiModifier(c) || isTag(c) || c == '\u20E3' {
				j++
				continue
			}
			if c == '\u200D' && j+1 < len(rs) {
				j += 2
				seq = true
				continue
			}
			break
		}
		if !s.quiet {
			s.report(r, where, false, seq)
		}
		rr := Replacement
		rf, ok := typeset.Pick(fam, st, Replacement)
		if !ok {
			rr, rf = '?', typeset.FaceOf(fam, st)
		}
		text, faces = append(text, rr), append(faces, rf)
		if segs != nil {
			tsegs = append(tsegs, segs[i])
		}
		prev = rf
		i = j - 1
	}
	s.text, s.faces, s.segs = text, faces, tsegs
	p := prepared{text: text, faces: faces, levels: typeset.Levels(text), brks: typeset.Breaks(text)}
	if segs != nil {
		p.segs = tsegs
	}
	return p
}

// shapePrepared shapes p's text at size points into *buf as shapeInto
// does.
func (s *shaper) shapePrepared(buf *[]glyph, p *prepared, size float64) []glyph {
	tgs := typeset.AppendParagraph(s.tgs[:0], p.text, p.faces, p.levels)
	s.tgs = tgs
	defer s.dropHuge()
	var out []glyph
	switch n := len(tgs); {
	case buf == nil:
		out = make([]glyph, n)
	default:
		if cap(*buf) < n {
			// Grown in few steps: a paragraph is rarely past a few
			// thousand glyphs. Past maxSpare the room to grow is bounded:
			// a 4 MiB guide of one paragraph took 384 MB here for its
			// 192 MB of glyphs.
			*buf = make([]glyph, 0, max(min(2*n, n+maxSpare), 256))
		}
		// Every field of each glyph is set below; the capacity is the
		// text's, as in an array of its own (endsAtSpace).
		out = (*buf)[:n:n]
	}
	if s.convert(out, tgs, p, size) {
		out = withCarriers(out, p.text)
	}
	return out
}

// convert sets out[i] to tgs[i] of p's text at size points, and reports
// whether any is set right to left.
func (s *shaper) convert(out []glyph, tgs []typeset.Glyph, p *prepared, size float64) bool {
	text, tsegs, brks := p.text, p.segs, p.brks
	k := ptToMM(size) / 1000
	ls := s.th.spacing
	rtl := false
	for i, tg := range tgs {
		rtl = rtl || tg.Level&1 != 0
		// Every field, one by one (drawInto says why not a literal).
		g := &out[i]
		g.size, g.w, g.r, g.start, g.seg, g.lig = size, float64(tg.Advance)*k+ls, text[tg.Start], tg.Start, 0, 0
		g.adv, g.xoff, g.yoff, g.GID, g.fc = int16(tg.Advance), int16(tg.XOffset), int16(tg.YOffset), tg.ID, fromTypeset(tg.Face)
		g.n, g.level, g.brk = uint8(min(tg.Runes, 255)), tg.Level, false
		if tg.Runes > 1 {
			g.lig = ligIndex(text[tg.Start : tg.Start+tg.Runes])
		}
		if tsegs != nil {
			g.seg = tsegs[tg.Start]
		}
		if brks != nil && tg.Runes > 0 {
			g.brk = brks[tg.Start]
		}
	}
	return rtl
}

// withCarriers gives each character of right-to-left text that is not
// the only character of its own glyph (the second letter of a lam-alef
// ligature, a vowel mark drawn over its letter) a carrier: the face's
// space glyph, which draws nothing, placed one thousandth of an em left
// of the letter the character belongs to per character carried, and
// standing for that character in the ToUnicode map; the ligature then
// stands for its first letter only, the mark for nothing. The carriers
// follow their glyph in the content stream, so a reader of the stream
// (a screen reader, pdfinfo -struct-text) gets the text as typed, and
// each character has its own place right to left, which is what poppler
// (pdftotext) orders right-to-left text by: it spreads a glyph's several
// characters left to right, and /ActualText's too, and so gave "لا" as
// "ال", and took each mark for a word of its own (spaces and line breaks
// inside pointed words).
func withCarriers(gs []glyph, text []rune) []glyph {
	n := 0
	for i := range gs {
		if c := carried(gs, i); c > 0 {
			n += c
		}
	}
	if n == 0 {
		return gs
	}
	out := make([]glyph, 0, len(gs)+n)
	// at is where the current letter is drawn from the pen, less the
	// carriers placed at it so far.
	at := int16(0)
	for i := range gs {
		g := gs[i]
		c := carried(gs, i)
		if g.level&1 != 0 && g.adv != 0 {
			at = g.xoff
		}
		if c <= 0 {
			out = append(out, g)
			continue
		}
		var rs []rune
		if g.n > 1 {
			rs = text[g.start+1 : g.start+int32(g.n)]
			g.n, g.lig = 1, 0
		} else {
			rs = text[g.start : g.start+1]
			g.n = 0
		}
		out = append(out, g)
		sp := g.fc.Typeset().Glyph(' ')
		for k, r := range rs {
			at--
			out = append(out, glyph{r: r, start: g.start + int32(g.n) + int32(k), seg: g.seg, size: g.size,
				xoff: at, GID: sp, fc: g.fc, n: 1, level: g.level})
		}
	}
	return out
}

// carried is the number of characters of gs[i] that withCarriers gives
// carriers: all but the first of a right-to-left ligature's, and a
// right-to-left mark's or joiner's own when it follows a letter (poppler
// took a Persian word's ZWNJ drawn on its own for a word and line break);
// 0 for none.
func carried(gs []glyph, i int) int {
	g := &gs[i]
	if g.level&1 == 0 {
		return 0
	}
	if g.n > 1 {
		return int(g.n) - 1
	}
	if g.n == 1 && g.adv == 0 && i > 0 && gs[i-1].level == g.level && unicode.In(g.r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 1
	}
	return 0
}

// width is the advance of a run of glyphs in millimetres.
func width(gs []glyph) float64 {
	w := 0.0
	for _, g := range gs {
		w += g.w
	}
	return w
}

// textOf is the characters of a run of glyphs, in logical order, as a
// reader copying them out of the PDF gets them.
func textOf(gs []glyph) string {
	n := 0
	rtl := false
	for i := range gs {
		n += textLen(&gs[i])
		rtl = rtl || gs[i].level&1 != 0
	}
	if rtl {
		// The glyphs of a right-to-left cluster run from its last
		// character back.
		gs = slices.Clone(gs)
		slices.SortStableFunc(gs, func(a, b glyph) int { return int(a.start - b.start) })
	}
	// A strings.Builder grown to the text's length: one allocation, where
	// a []byte made into a string is two.
	var b strings.Builder
	b.Grow(n)
	for i := range gs {
		gs[i].writeText(&b)
	}
	return b.String()
}

// Run is a stretch of a line drawn in one face at one bidi level: the
// unit a text operator draws. gs are its glyphs in visual order, text
// its characters in logical order, dx its offset from the line's start.
type Run struct {
	Seg    int32
	Face   Face
	Size   float64
	Glyphs []DrawnGlyph
	Text   string
	Dx     float64
	W      float64
	// space: a space follows the glyphs, drawn at the end of a line a
	// break took it from, so that text extraction sees two words.
	Space bool
}

// RTL reports whether the run is set right to left.
func (r *Run) RTL() bool { return len(r.Glyphs) > 0 && r.Glyphs[0].Level&1 != 0 }

// textAndRuns is a line's text (logical order) and its runs (visual
// order, each with its own text in logical order: a slice of the line's
// when the line has no right-to-left text).
func textAndRuns(gs []glyph) (string, []Run) {
	text, runs, _ := textAndRunsIn(gs, nil, nil, true)
	return text, runs
}

// lineSlabs are the arrays a paragraph's lines take their runs' glyphs
// and their runs from (textAndRunsIn), each allocated once for the
// paragraph rather than once per line.
type lineSlabs struct {
	glyphs []DrawnGlyph
	runs   []Run
	// arena: the slabs serve lines set one at a time (builder.arena), a
	// slab without room for a line replaced by a new one (fromArena).
	arena bool
}

// fromSlab is n elements from slab's room, or a new array when it has none.
func fromSlab[T any](slab *[]T, n int) []T {
	if slab != nil && cap(*slab)-len(*slab) >= n {
		k := len(*slab)
		*slab = (*slab)[:k+n]
		return (*slab)[k : k+n : k+n]
	}
	return make([]T, n)
}

// fromArena is fromSlab for an arena's slab: without room for n, slab is
// replaced by a new one of size elements, unless n is more than a
// quarter of that (a long line: an array of its own).
func fromArena[T any](slab *[]T, n, size int) []T {
	if cap(*slab)-len(*slab) < n && n <= size/4 {
		*slab = make([]T, 0, size)
	}
	return fromSlab(slab, n)
}

// arenaGlyphs and arenaRuns are the sizes of an arena's slabs: ~5 KB
// each, a few dozen lines' worth. A slab is kept while any of its lines
// is, which a layout given away page by page lets go within a page or a
// part.
const arenaGlyphs, arenaRuns = 256, 64

// arena is the slabs of the lines b sets one at a time (a heading's, a
// contents entry's, a page's number and running head), which took two
// arrays each (the drawn glyphs and the runs): in a 4 MiB guide of
// one-line sections, ~780,000 lines a pass.
func (b *builder) arena() *lineSlabs {
	b.lineArena.arena = true
	return &b.lineArena
}

// paraText is the text a paragraph's glyphs index (their start), as one
// string with each character's byte offset, so that a line's text is a
// slice of it (paraText.line) rather than a string of its own built glyph
// by glyph, and the space a line broke at is the byte after it rather
// than a second string (finishTextIn). Seed: ~1,300 lines, two strings
// each fewer.
type paraText struct {
	s    string
	offs []int32 // the byte offset of each character in s, then len(s)
	// spelled: s is a text of ASCII characters alone, each its own byte,
	// which the glyphs index one for one where they spell it (a
	// heading's or a contents entry's display text: spelledText); offs
	// is nil, and line checks each glyph's characters against s.
	spelled bool
}

// spelledText is s as a heading's or contents entry's lines index it
// (paraText.spelled), or none (a zero paraText, whose line finds
// nothing) when s has a character past ASCII. A 4 MiB guide of one-line
// sections built ~540,000 such lines' texts glyph by glyph (textOf) in
// each pass, each text a string of its own equal to the display text.
func spelledText(s string) paraText {
	if !isASCII(s) {
		return paraText{}
	}
	return paraText{s: s, spelled: true}
}

// set sets p to text.
func (p *paraText) set(text []rune) {
	// One pass, encoding and counting (string(text) takes two).
	offs := slices.Grow(p.offs[:0], len(text)+1)
	var b strings.Builder
	b.Grow(len(text) + 16)
	for _, r := range text {
		offs = append(offs, int32(b.Len()))
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	p.offs, p.s = append(offs, int32(b.Len())), b.String()
}

// line is the bytes of p that glyphs gs stand for, [a, b): ok when they
// are left to right and stand for p's characters one after the other
// from their first, as textOf would write them; else ok is false and
// their text is textOf's to build.
func (p *paraText) line(gs []glyph) (a, b int, ok bool) {
	if p == nil || len(gs) == 0 {
		return 0, 0, false
	}
	if p.spelled {
		return p.spelledLine(gs)
	}
	next := gs[0].start
	for i := range gs {
		g := &gs[i]
		if g.level != 0 || g.n == 255 { // 255: a cluster's count capped (shapeInto)
			return 0, 0, false
		}
		if g.n == 0 {
			continue
		}
		if g.start != next {
			return 0, 0, false
		}
		next += int32(g.n)
	}
	if gs[0].start < 0 || int(next) >= len(p.offs) {
		return 0, 0, false
	}
	return int(p.offs[gs[0].start]), int(p.offs[next]), true
}

// spelledLine is line for a spelled text: the glyphs stand for s's
// characters one after the other from their first, left to right, each
// as textOf writes it (a glyph of one character its rune, a ligature its
// characters), so that s[a:b] is the text textOf would build. Shaping
// may have changed the text (spaces folded, a character no face has
// replaced): the glyphs then do not spell s, and ok is false.
func (p *paraText) spelledLine(gs []glyph) (a, b int, ok bool) {
	next := gs[0].start
	if next < 0 {
		return 0, 0, false
	}
	for i := range gs {
		g := &gs[i]
		if g.level != 0 || g.n == 255 {
			return 0, 0, false
		}
		switch {
		case g.n == 0:
			continue
		case g.start != next || int(next)+int(g.n) > len(p.s):
			return 0, 0, false
		case g.n == 1:
			if g.r != rune(p.s[next]) {
				return 0, 0, false
			}
		default:
			if ligText(g.lig) != p.s[next:next+int32(g.n)] {
				return 0, 0, false
			}
		}
		next += int32(g.n)
	}
	return int(gs[0].start), int(next), true
}

// textAndRunsIn is textAndRuns taking the runs and their glyphs from
// slabs when they have room (a paragraph's lines share one array of each,
// allocated once) and the line's text from src, the text of its paragraph, when it is a
// slice of it (nil: none is): end is then where the text ends in src.s,
// else -1. Without withText it makes the runs alone, their texts and the
// line's "" (glyphRuns).
func textAndRunsIn(gs []glyph, slabs *lineSlabs, src *paraText, withText bool) (string, []Run, int) {
	var text string
	end := -1
	if !withText {
	} else if a, b, ok := src.line(gs); ok {
		text, end = src.s[a:b], b
	} else {
		text = textOf(gs)
	}
	// The runs are counted first, so that their array is taken from a
	// slab at its size; then one pass over the glyphs draws each and
	// closes a run where the next glyph starts another, its text's
	// length and its width summed as it goes (as textLen and width would,
	// in the same order). A 4 MiB guide of one-line sections sets ~1.1
	// million lines a pass, nearly all of a run.
	vis := gs
	nruns := 0
	for i := range gs {
		if gs[i].level != 0 {
			vis = slices.Clone(gs)
			typeset.Reorder(vis, func(g *glyph) uint8 { return g.level })
			nruns = 0
			for i := range vis {
				if i == 0 || !sameRun(&vis[i], &vis[i-1]) {
					nruns++
				}
			}
			break
		}
		if i == 0 || !sameRun(&gs[i], &gs[i-1]) {
			nruns++
		}
	}
	var glyphSlab *[]DrawnGlyph
	var runSlab *[]Run
	if slabs != nil {
		glyphSlab, runSlab = &slabs.glyphs, &slabs.runs
	}
	var drawn []DrawnGlyph // the runs' glyphs, in one array per line or paragraph
	if slabs != nil && slabs.arena {
		drawn = fromArena(glyphSlab, len(vis), arenaGlyphs)
	} else {
		drawn = fromSlab(glyphSlab, len(vis))
	}
	var runs []Run
	if nruns > 0 && slabs != nil && slabs.arena {
		runs = fromArena(runSlab, nruns, arenaRuns)[:0]
	} else if nruns > 0 {
		runs = fromSlab(runSlab, nruns)[:0]
	}
	if len(vis) == 0 {
		return text, runs, end
	}
	logical := &vis[0] == &gs[0] // the runs' texts are slices of text
	x := 0.0
	off := 0 // in text, while logical
	start, n, w := 0, 0, 0.0
	for i := 0; ; i++ {
		if i == len(vis) || i > start && !sameRun(&vis[i], &vis[start]) {
			rg := vis[start:i]
			var rt string
			if !withText {
			} else if logical {
				rt = text[off : off+n]
				off += n
			} else {
				rt = textOf(rg)
			}
			runs = append(runs, Run{Seg: rg[0].seg, Face: rg[0].fc, Size: rg[0].size, Glyphs: drawn[start:i:i], Text: rt, Dx: x, W: w})
			x += w
			start, n, w = i, 0, 0
			if i == len(vis) {
				break
			}
		}
		g := &vis[i]
		g.drawInto(&drawn[i])
		if withText && logical {
			n += textLen(g)
		}
		w += g.w
	}
	if &vis[0] != &gs[0] {
		// Each run keeps its place (dx); they are drawn in logical order,
		// the order a reader of the content stream reads them in.
		first := func(r Run) int32 {
			m := r.Glyphs[0].Start
			for _, g := range r.Glyphs {
				m = min(m, g.Start)
			}
			return m
		}
		slices.SortStableFunc(runs, func(a, b Run) int { return int(first(a) - first(b)) })
	}
	return text, runs, end
}

// sameRun reports whether a and b are drawn in one run: one face, size,
// segment and bidi level.
func sameRun(a, b *glyph) bool {
	return a.fc == b.fc && a.size == b.size && a.seg == b.seg && a.level == b.level
}

// textLen is the length in bytes of the characters g stands for.
func textLen(g *glyph) int {
	if g.n == 1 && g.r < utf8.RuneSelf {
		return 1 // nearly every glyph, inlined
	}
	return textLenOther(g)
}

// textLenOther is textLen of a glyph that is not one ASCII character.
func textLenOther(g *glyph) int {
	switch g.n {
	case 0:
		return 0
	case 1:
		return utf8.RuneLen(g.r)
	}
	return len(ligText(g.lig))
}

// ligs are the texts of the ligatures drawn, shared by every build: a
// few dozen (fi, fl, ffi, …) in a process.
var ligs struct {
	sync.RWMutex
	texts []string
	index map[string]uint32
}

func ligIndex(rs []rune) uint32 {
	t := string(rs)
	ligs.RLock()
	i, ok := ligs.index[t]
	ligs.RUnlock()
	if ok {
		return i
	}
	ligs.Lock()
	defer ligs.Unlock()
	if i, ok := ligs.index[t]; ok {
		return i
	}
	if ligs.index == nil {
		ligs.index = map[string]uint32{}
	}
	ligs.texts = append(ligs.texts, t)
	i = uint32(len(ligs.texts) - 1)
	ligs.index[t] = i
	return i
}

func ligText(i uint32) string {
	ligs.RLock()
	defer ligs.RUnlock()
	return ligs.texts[i]
}
