// Package fonts embeds the OFL font families guidepress draws with and
// answers which face can show a given character.
//
// Literata is the body family, Atkinson Hyperlegible Next the heading,
// large-print and cover family; Noto Sans fills letters Atkinson lacks
// (Greek, Cyrillic, …) and Noto Sans Symbols2/Symbols draw ⏱ ★ ✓ and arrows.
// Noto Sans Hebrew, Noto Sans Arabic, monochrome Noto Emoji and Noto Sans
// Devanagari, Bengali, Gurmukhi, Gujarati and Tamil are the script
// families (Scripts, PickShaped): they are drawn only through a shaper,
// which orders right-to-left text, joins Arabic letters and forms the
// Indic scripts' conjuncts and vowel signs.
// See ../shared/FONTS.md for how these were chosen. Every file is static
// TrueType (glyf outlines), which fpdf requires.
package fonts

import (
	"embed"
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"
)

//go:embed */OFL.txt
var files embed.FS

// The faces are embedded one variable each, not in files: embed.FS.ReadFile
// copies a file on every call, and a build reads several faces of 50–650 KB.
// These slices are the binary's own data, read in place.
var (
	//go:embed literata/Literata_400Regular.ttf
	literataRegular []byte
	//go:embed literata/Literata_400Regular_Italic.ttf
	literataItalic []byte
	//go:embed literata/Literata_700Bold.ttf
	literataBold []byte
	//go:embed literata/Literata_700Bold_Italic.ttf
	literataBoldItalic []byte
	//go:embed atkinson/AtkinsonHyperlegibleNext_400Regular.ttf
	atkinsonRegular []byte
	//go:embed atkinson/AtkinsonHyperlegibleNext_400Regular_Italic.ttf
	atkinsonItalic []byte
	//go:embed atkinson/AtkinsonHyperlegibleNext_700Bold.ttf
	atkinsonBold []byte
	//go:embed atkinson/AtkinsonHyperlegibleNext_700Bold_Italic.ttf
	atkinsonBoldItalic []byte
	//go:embed noto/NotoSans-Regular.ttf
	notoRegular []byte
	//go:embed noto/NotoSans-Italic.ttf
	notoItalic []byte
	//go:embed noto/NotoSans-Bold.ttf
	notoBold []byte
	//go:embed noto/NotoSans-BoldItalic.ttf
	notoBoldItalic []byte
	//go:embed noto/NotoSansSymbols2-Regular.ttf
	symbols2Regular []byte
	//go:embed noto/NotoSansSymbols-Regular.ttf
	symbolsRegular []byte
	//go:embed noto/NotoSansSymbols-Bold.ttf
	symbolsBold []byte
	//go:embed noto/NotoSansHebrew-Regular.ttf
	hebrewRegular []byte
	//go:embed noto/NotoSansHebrew-Bold.ttf
	hebrewBold []byte
	//go:embed noto/NotoSansArabic-Regular.ttf
	arabicRegular []byte
	//go:embed noto/NotoSansArabic-Bold.ttf
	arabicBold []byte
	//go:embed notoemoji/NotoEmoji_400Regular.ttf
	emojiRegular []byte
	//go:embed notoemoji/NotoEmoji_700Bold.ttf
	emojiBold []byte
	//go:embed noto/NotoSansDevanagari-Regular.ttf
	devanagariRegular []byte
	//go:embed noto/NotoSansDevanagari-Bold.ttf
	devanagariBold []byte
	//go:embed noto/NotoSansBengali-Regular.ttf
	bengaliRegular []byte
	//go:embed noto/NotoSansBengali-Bold.ttf
	bengaliBold []byte
	//go:embed noto/NotoSansGurmukhi-Regular.ttf
	gurmukhiRegular []byte
	//go:embed noto/NotoSansGurmukhi-Bold.ttf
	gurmukhiBold []byte
	//go:embed noto/NotoSansGujarati-Regular.ttf
	gujaratiRegular []byte
	//go:embed noto/NotoSansGujarati-Bold.ttf
	gujaratiBold []byte
	//go:embed noto/NotoSansTamil-Regular.ttf
	tamilRegular []byte
	//go:embed noto/NotoSansTamil-Bold.ttf
	tamilBold []byte
)

// Family names one embedded typeface family.
type Family uint8

const (
	Literata Family = iota // body text
	Atkinson               // headings, large print, cover
	NotoSans               // fallback for letters Atkinson or Literata lack
	Symbols2               // ⏱ ★ ✓ and other pictographs
	Symbols                // arrows and technical symbols
	Hebrew                 // Noto Sans Hebrew: script family, see Scripts
	Arabic                 // Noto Sans Arabic: script family, see Scripts
	Emoji                  // monochrome Noto Emoji: script family, see Scripts
	// New families go last: a family's number names its PDF font
	// resource (F<family><style>), so a family put in between would
	// change every PDF that draws a later one.
	Devanagari // Noto Sans Devanagari: script family, see Scripts
	Bengali    // Noto Sans Bengali: script family, see Scripts
	Gurmukhi   // Noto Sans Gurmukhi: script family, see Scripts
	Gujarati   // Noto Sans Gujarati: script family, see Scripts
	Tamil      // Noto Sans Tamil: script family, see Scripts

	// Count is the number of families, for tables indexed by Family.
	Count = iota
)

// Style is one of the four styles a family may have.
type Style uint8

const (
	Regular Style = iota
	Italic
	Bold
	BoldItalic
)

func (s Style) String() string {
	return [...]string{"Regular", "Italic", "Bold", "BoldItalic"}[s]
}

// Name is a stable name for the family, usable as a PDF or CSS font name.
func (f Family) Name() string {
	return [...]string{"Literata", "AtkinsonHyperlegibleNext", "NotoSans", "NotoSansSymbols2", "NotoSansSymbols", "NotoSansHebrew", "NotoSansArabic", "NotoEmoji", "NotoSansDevanagari", "NotoSansBengali", "NotoSansGurmukhi", "NotoSansGujarati", "NotoSansTamil"}[f]
}

// Dir is the folder under fonts/ holding the family and its licence.
func (f Family) Dir() string {
	return [...]string{"literata", "atkinson", "noto", "noto", "noto", "noto", "noto", "notoemoji", "noto", "noto", "noto", "noto", "noto"}[f]
}

var paths = map[Family][4]string{
	Literata: {"literata/Literata_400Regular.ttf", "literata/Literata_400Regular_Italic.ttf", "literata/Literata_700Bold.ttf", "literata/Literata_700Bold_Italic.ttf"},
	Atkinson: {"atkinson/AtkinsonHyperlegibleNext_400Regular.ttf", "atkinson/AtkinsonHyperlegibleNext_400Regular_Italic.ttf", "atkinson/AtkinsonHyperlegibleNext_700Bold.ttf", "atkinson/AtkinsonHyperlegibleNext_700Bold_Italic.ttf"},
	NotoSans: {"noto/NotoSans-Regular.ttf", "noto/NotoSans-Italic.ttf", "noto/NotoSans-Bold.ttf", "noto/NotoSans-BoldItalic.ttf"},
	// The symbol families have fewer styles; the nearest one stands in.
	Symbols2: upright("noto/NotoSansSymbols2-Regular.ttf", "noto/NotoSansSymbols2-Regular.ttf"),
	Symbols:  upright("noto/NotoSansSymbols-Regular.ttf", "noto/NotoSansSymbols-Bold.ttf"),
	// The script families have no italic (Hebrew and Arabic have no
	// italic tradition; Noto Emoji none at all): italic is drawn upright,
	// in the weight asked for. Nothing is slanted by program.
	Hebrew: upright("noto/NotoSansHebrew-Regular.ttf", "noto/NotoSansHebrew-Bold.ttf"),
	Arabic: upright("noto/NotoSansArabic-Regular.ttf", "noto/NotoSansArabic-Bold.ttf"),
	Emoji:  upright("notoemoji/NotoEmoji_400Regular.ttf", "notoemoji/NotoEmoji_700Bold.ttf"),
	// Devanagari has no italic tradition either: italic is upright.
	Devanagari: upright("noto/NotoSansDevanagari-Regular.ttf", "noto/NotoSansDevanagari-Bold.ttf"),
	Bengali:    upright("noto/NotoSansBengali-Regular.ttf", "noto/NotoSansBengali-Bold.ttf"),
	Gurmukhi:   upright("noto/NotoSansGurmukhi-Regular.ttf", "noto/NotoSansGurmukhi-Bold.ttf"),
	Gujarati:   upright("noto/NotoSansGujarati-Regular.ttf", "noto/NotoSansGujarati-Bold.ttf"),
	Tamil:      upright("noto/NotoSansTamil-Regular.ttf", "noto/NotoSansTamil-Bold.ttf"),
}

// data are the faces' files, in the order of paths.
var data = map[Family][4]*[]byte{
	Literata:   {&literataRegular, &literataItalic, &literataBold, &literataBoldItalic},
	Atkinson:   {&atkinsonRegular, &atkinsonItalic, &atkinsonBold, &atkinsonBoldItalic},
	NotoSans:   {&notoRegular, &notoItalic, &notoBold, &notoBoldItalic},
	Symbols2:   upright(&symbols2Regular, &symbols2Regular),
	Symbols:    upright(&symbolsRegular, &symbolsBold),
	Hebrew:     upright(&hebrewRegular, &hebrewBold),
	Arabic:     upright(&arabicRegular, &arabicBold),
	Emoji:      upright(&emojiRegular, &emojiBold),
	Devanagari: upright(&devanagariRegular, &devanagariBold),
	Bengali:    upright(&bengaliRegular, &bengaliBold),
	Gurmukhi:   upright(&gurmukhiRegular, &gurmukhiBold),
	Gujarati:   upright(&gujaratiRegular, &gujaratiBold),
	Tamil:      upright(&tamilRegular, &tamilBold),
}

// upright is the styles of a family with no italic: italic is drawn in
// the upright face of its weight.
func upright[T any](regular, bold T) [4]T { return [4]T{regular, regular, bold, bold} }

// Path is the embedded file name of a face, e.g. for an EPUB manifest.
func Path(f Family, s Style) string { return paths[f][s] }

// Bytes returns the TrueType file of a face. The slice is shared: callers
// must not modify it.
func Bytes(f Family, s Style) []byte {
	d, ok := data[f]
	if !ok || s < Regular || s > BoldItalic {
		panic(fmt.Sprintf("fonts: no embedded face %d %d", f, s))
	}
	return *d[s]
}

// License returns the OFL text (with copyright lines) to ship with a family.
func License(f Family) []byte {
	b, err := files.ReadFile(f.Dir() + "/OFL.txt")
	if err != nil {
		panic(fmt.Sprintf("fonts: licence of %s missing: %v", f.Name(), err))
	}
	return b
}

type key struct {
	f Family
	s Style
}

var (
	parseMu sync.Mutex
	parsed  = map[key]*parsedFace{}
)

type parsedFace struct {
	font *sfnt.Font
	mu   sync.Mutex // sfnt.Buffer is not safe for concurrent use
	buf  sfnt.Buffer
}

// Parsed returns the face parsed once and shared read-only; sfnt.Font is safe
// for concurrent use when each caller brings its own sfnt.Buffer.
func Parsed(f Family, s Style) *sfnt.Font {
	return face(f, s).font
}

func face(f Family, s Style) *parsedFace {
	parseMu.Lock()
	defer parseMu.Unlock()
	k := key{f, s}
	if p, ok := parsed[k]; ok {
		return p
	}
	ft, err := sfnt.Parse(Bytes(f, s))
	if err != nil {
		panic(fmt.Sprintf("fonts: embedded face %s %s does not parse: %v", f.Name(), s, err))
	}
	p := &parsedFace{font: ft}
	parsed[k] = p
	return p
}

// GlyphIndex is r's glyph in the face (0: none), as sfnt.Font.GlyphIndex
// gives it: read from the face's character map in place (cmap.go), without
// parsing the face; through sfnt, with the face's own buffer, for a map
// that reader does not know.
func GlyphIndex(f Family, s Style, r rune) (sfnt.GlyphIndex, error) {
	if int(f) < len(cmaps) && int(s) < len(cmaps[0]) {
		if t := cmapOf(f, s); t.ok {
			return t.glyph(r)
		}
	}
	p := face(f, s)
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.font.GlyphIndex(&p.buf, r)
}

// Has reports whether the face has a glyph for r (glyph index 0 is .notdef,
// the "silent box" that must never be drawn for real text).
func Has(f Family, s Style, r rune) bool {
	gi, err := GlyphIndex(f, s, r)
	return err == nil && gi != 0
}

// Fallbacks is the order in which faces are tried for a character the
// primary family lacks.
var Fallbacks = []Family{NotoSans, Symbols2, Symbols}

// Scripts are the script families, tried after Fallbacks by PickShaped.
// They come last so that a character an older family already draws
// (⏱ ★ ✓, digits, ©) keeps its face and Latin output does not change;
// Noto Emoji repeats 364 of Symbols2's characters.
var Scripts = []ScriptFamily{
	{Hebrew, "Hebr"},
	{Arabic, "Arab"},
	{Emoji, "Zsye"},
	{Devanagari, "Deva"},
	{Bengali, "Beng"},
	{Gurmukhi, "Guru"},
	{Gujarati, "Gujr"},
	{Tamil, "Taml"},
}

// ScriptFamily is a family drawn only through a shaper, and the ISO 15924
// code of what it draws ("Zsye": emoji).
type ScriptFamily struct {
	Family Family
	Script string
}

// Scripted reports whether f is a script family: text in it must be
// shaped (Arabic joins, Hebrew and Arabic run right to left, emoji
// sequences ligate), never drawn character by character.
func (f Family) Scripted() bool { return f >= Hebrew && f < Count }

// PickShaped is Pick for a layout that shapes its text: after primary and
// Fallbacks it tries the script families. Pick itself never returns one,
// because a character-by-character layout would print Hebrew and Arabic
// reversed and unjoined, and Devanagari's i-sign after its consonant and
// its conjuncts apart, which reads worse than the visible replacement.
//
// An emoji (PrefersEmoji) is drawn in Noto Emoji before the fallbacks,
// though Symbols2 has 364 of them as text-style pictographs: a line of
// emoji then has one design. ★ ✓ ⏱ are not emoji by default and keep
// Symbols2.
func PickShaped(primary Family, s Style, r rune) (Family, bool) {
	if Has(primary, s, r) {
		return primary, true
	}
	if PrefersEmoji(r) && Has(Emoji, s, r) {
		return Emoji, true
	}
	if f, ok := Pick(primary, s, r); ok {
		return f, ok
	}
	for _, sf := range Scripts {
		if Has(sf.Family, s, r) {
			return sf.Family, true
		}
	}
	return primary, false
}

// Pick returns the first family, starting with primary and then Fallbacks,
// that can draw r in style s; ok is false when none can.
func Pick(primary Family, s Style, r rune) (Family, bool) {
	if Has(primary, s, r) {
		return primary, true
	}
	for _, f := range Fallbacks {
		if f != primary && Has(f, s, r) {
			return f, true
		}
	}
	return primary, false
}
