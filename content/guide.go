// Package content holds the Guide model: the one contract between the
// importers that read study guides and the exporters that write EPUB and PDF.
//
// An importer produces a *Guide and its diagnostics; an exporter consumes a
// *Guide that has passed Validate. Neither side knows about the other, in the
// way Pandoc's readers and writers meet only at its AST.
//
// The JSON form of the model (the field tags below) is a public format:
// `guidepress inspect --json` prints it and every build accepts it as input,
// so its keys must not change without a version bump.
package content

import "strconv"

// Guide is a study guide to one book. The guide is itself a publication: its
// Title is the guide's title ("Never Let Me Go — A Study Guide"), while Book
// names the novel it is about. Exporters must not present the book's author
// as the guide's creator.
type Guide struct {
	Title string `json:"title"`
	// Author and Publisher are the guide's own creator and publisher (a
	// teacher, a library), never the book's author. Command-line flags
	// override them.
	Author    string `json:"author,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Book      Book   `json:"book"`
	Language  string `json:"language"`
	// Cover is a cover image named by the input (Markdown front matter), as
	// a path relative to the input file; the build resolves and checks it.
	Cover          string       `json:"cover,omitempty"`
	ReadingMinutes int          `json:"reading_minutes"`
	Synopsis       []Text       `json:"synopsis"`
	Quotes         []Quote      `json:"quotes"`
	Sections       []Section    `json:"sections"`
	FAQ            []FAQEntry   `json:"faq"`
	Diagnostics    []Diagnostic `json:"diagnostics"`
}

// Book is the work the guide studies.
type Book struct {
	Title  string `json:"title"`
	Author string `json:"author"`
	// Year is the year of first publication, 0 when unknown.
	Year int `json:"year,omitempty"`
}

// Quote is one highlighted quotation, stored without its outer quotation
// marks or list number, and without its attribution.
type Quote struct {
	Text Text `json:"text,omitempty"`
	// Lines holds a quotation of verse (a poem, a song, a speech) line by
	// line, instead of Text.
	Lines []Text `json:"lines,omitempty"`
	// Attribution says where the quote comes from or who says it
	// ("Chapter 23", "Hamlet, Act 3, Scene 1"), without a leading dash or
	// brackets.
	Attribution Text `json:"attribution,omitempty"`
	// Explanation is the commentary that follows the quote, as paragraphs.
	Explanation []Text `json:"explanation,omitempty"`
}

// Section is a body section (Plot Summary, Character Analysis, …) or, when it
// sits in another section's Subsections, a subsection. Subsections of
// subsections are allowed by the model but no importer produces them today.
type Section struct {
	Title       string    `json:"title"`
	Role        Role      `json:"role,omitempty"`
	Blocks      []Block   `json:"blocks"`
	Subsections []Section `json:"subsections"`
}

// Role says what a section is for, so that writers can treat it as such
// (discussion questions become worksheet prompts; they are never FAQ
// entries). The list is closed: readers map names they recognise to one of
// these, and leave the role empty otherwise.
type Role string

const (
	RoleNone           Role = ""
	RoleSummary        Role = "summary"         // plot summary, chapter summaries
	RoleCharacters     Role = "characters"      // character list or analysis, dramatis personae
	RoleThemes         Role = "themes"          // themes, motifs, symbols
	RoleAnalysis       Role = "analysis"        // critical or literary analysis
	RoleContext        Role = "context"         // historical context, about the author, background
	RoleKeyFacts       Role = "key-facts"       // key facts: narrator, setting, genre…
	RoleVocabulary     Role = "vocabulary"      // vocabulary, glossary
	RoleDiscussion     Role = "discussion"      // discussion, study, review or essay questions
	RoleActivities     Role = "activities"      // before you read, activities, projects
	RoleTimeline       Role = "timeline"        // chronology
	RoleFurtherReading Role = "further-reading" // further reading, related works
)

// Roles lists every role in documentation order.
var Roles = []Role{RoleSummary, RoleCharacters, RoleThemes, RoleAnalysis, RoleContext, RoleKeyFacts,
	RoleVocabulary, RoleDiscussion, RoleActivities, RoleTimeline, RoleFurtherReading}

// Valid reports whether r is empty or one of Roles.
func (r Role) Valid() bool {
	if r == RoleNone {
		return true
	}
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// BlockKind says how a block of text is to be presented.
type BlockKind string

const (
	// Paragraph is ordinary running text (Text).
	Paragraph BlockKind = "paragraph"
	// BlockQuote is a quotation: Text (or Lines for verse) stored without
	// the outer quotation marks, with an optional Attribution and
	// Explanation.
	BlockQuote BlockKind = "quote"
	// List is a bulleted or numbered list (Ordered, Start, Items).
	List BlockKind = "list"
	// Definitions is a list of term → definition pairs: vocabulary, key
	// facts (Narrator: Jane), character lists (Jo March – the second
	// sister).
	Definitions BlockKind = "definitions"
	// Table is a header row and body rows of cells, with an optional
	// caption (timelines, character charts).
	Table BlockKind = "table"
	// Verse is lines kept as lines (a poem, a song, a speech), with an
	// optional speaker.
	Verse BlockKind = "verse"
)

// BlockKinds lists every block kind.
var BlockKinds = []BlockKind{Paragraph, BlockQuote, List, Definitions, Table, Verse}

// Block is one paragraph-level piece of a section. Which fields are used
// depends on Kind (see the BlockKind constants); Validate rejects fields
// that do not belong to the kind, so a block means one thing.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Text: paragraph, quote.
	Text Text `json:"text,omitempty"`
	// Lines: verse, or a quote of verse instead of Text.
	Lines []Text `json:"lines,omitempty"`
	// Speaker: verse (who speaks the lines, as in a play).
	Speaker string `json:"speaker,omitempty"`
	// Attribution and Explanation: quote.
	Attribution Text   `json:"attribution,omitempty"`
	Explanation []Text `json:"explanation,omitempty"`
	// Ordered, Start, Marker and Items: list. Start is the first item's
	// number of an ordered list (0 means 1); Marker how it is numbered.
	Ordered bool       `json:"ordered,omitempty"`
	Start   int        `json:"start,omitempty"`
	Marker  Marker     `json:"marker,omitempty"`
	Items   []ListItem `json:"items,omitempty"`
	// Terms: definitions.
	Terms []Definition `json:"terms,omitempty"`
	// Caption, Header and Rows: table. Every row has as many cells as the
	// header.
	Caption Text     `json:"caption,omitempty"`
	Header  []Text   `json:"header,omitempty"`
	Rows    [][]Text `json:"rows,omitempty"`
}

// ListItem is one item of a list; it may hold one nested list (a nested
// list's items hold none).
type ListItem struct {
	Text    Text     `json:"text"`
	Sublist *Sublist `json:"sublist,omitempty"`
}

// Sublist is a list nested in a list item.
type Sublist struct {
	Ordered bool       `json:"ordered,omitempty"`
	Start   int        `json:"start,omitempty"`
	Marker  Marker     `json:"marker,omitempty"`
	Items   []ListItem `json:"items"`
}

// Marker says how an ordered list numbers its items: in figures (the
// default, empty) or in letters, as a multiple-choice question's options
// (a, b, c) or an essay's prompts (A, B, C) are lettered. The names are
// CSS's list-style-type values, which the EPUB uses as they are.
type Marker string

const (
	Decimal    Marker = ""
	LowerAlpha Marker = "lower-alpha"
	UpperAlpha Marker = "upper-alpha"
)

// Valid reports whether m is one of the markers.
func (m Marker) Valid() bool { return m == Decimal || m == LowerAlpha || m == UpperAlpha }

// Label is the printed label of item i (0-based) of an ordered list that
// starts at start (0 meaning 1), without punctuation: "3", "c" or "C".
// Past z, letters run on as CSS's alphabetic numbering does (z, aa, ab).
func (m Marker) Label(start, i int) string {
	n := Number(start, i)
	if m == Decimal || n < 1 {
		return strconv.Itoa(n)
	}
	first := byte('a')
	if m == UpperAlpha {
		first = 'A'
	}
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{first + byte((n-1)%26)}, b...)
	}
	return string(b)
}

// Definition is one term and what it means.
type Definition struct {
	Term       Text `json:"term"`
	Definition Text `json:"definition"`
}

// Number is the printed number of item i (0-based) of an ordered list that
// starts at start (0 meaning 1).
func Number(start, i int) int {
	if start == 0 {
		start = 1
	}
	return start + i
}

// FAQEntry is one question of the Frequently Asked Questions appendix with
// its answer paragraphs.
type FAQEntry struct {
	Question string `json:"question"`
	Answer   []Text `json:"answer"`
}

// Severity ranks a diagnostic.
type Severity string

const (
	// Error means the guide cannot be built as it is.
	Error Severity = "error"
	// Warning means the guide was built, but something was repaired or guessed.
	Warning Severity = "warning"
	// Info records a normal transformation worth knowing about.
	Info Severity = "info"
)

// Diagnostic is one observation about the input, tied to a 1-based line of
// the source file (0 when it concerns the whole file).
type Diagnostic struct {
	Line     int      `json:"line"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// CurrentVersion is the version of the model's JSON form that EncodeJSON
// writes (as "version"); DecodeJSON also reads version 1, the first form,
// which had no "version" key. The version belongs to the JSON form, not to
// the model. DecodeJSON refuses keys it does not know, so a key added to
// the form cannot be read by a build from before it: version 2 grew by
// optional keys (Block.Marker, Span.Code) only until the first release;
// after it, a new key or block kind is a new version (README, "Versions";
// docs/guide.schema.json says the same).
const CurrentVersion = 2

// DefaultLanguage is the BCP 47 tag used when neither the input nor the user
// says otherwise.
const DefaultLanguage = "en"

// Warn appends a warning diagnostic.
func (g *Guide) Warn(line int, msg string) {
	g.Diagnostics = append(g.Diagnostics, Diagnostic{Line: line, Severity: Warning, Message: msg})
}

// Note appends an informational diagnostic.
func (g *Guide) Note(line int, msg string) {
	g.Diagnostics = append(g.Diagnostics, Diagnostic{Line: line, Severity: Info, Message: msg})
}

// HasErrors reports whether any diagnostic is an error.
func (g *Guide) HasErrors() bool {
	for _, d := range g.Diagnostics {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// BlockQuotes counts the quote blocks in all sections and subsections.
func (g *Guide) BlockQuotes() int {
	n := 0
	var walk func([]Section)
	walk = func(ss []Section) {
		for _, s := range ss {
			for _, b := range s.Blocks {
				if b.Kind == BlockQuote {
					n++
				}
			}
			walk(s.Subsections)
		}
	}
	walk(g.Sections)
	return n
}
