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

// Guide is a study guide to one book. The guide is itself a publication: its
// Title is the guide's title ("Never Let Me Go — A Study Guide"), while Book
// names the novel it is about. Exporters must not present the book's author
// as the guide's creator.
type Guide struct {
	Title          string       `json:"title"`
	Book           Book         `json:"book"`
	Language       string       `json:"language"`
	ReadingMinutes int          `json:"reading_minutes"`
	Synopsis       []string     `json:"synopsis"`
	Quotes         []Quote      `json:"quotes"`
	Sections       []Section    `json:"sections"`
	FAQ            []FAQEntry   `json:"faq"`
	Diagnostics    []Diagnostic `json:"diagnostics"`
}

// Book is the work the guide studies.
type Book struct {
	Title  string `json:"title"`
	Author string `json:"author"`
}

// Quote is one highlighted quotation, stored without its outer quotation
// marks or list number.
type Quote struct {
	Text string `json:"text"`
}

// Section is a body section (Plot Summary, Character Analysis, …) or, when it
// sits in another section's Subsections, a subsection. Subsections of
// subsections are allowed by the model but no importer produces them today.
type Section struct {
	Title       string    `json:"title"`
	Blocks      []Block   `json:"blocks"`
	Subsections []Section `json:"subsections"`
}

// BlockKind says how a block of text is to be presented.
type BlockKind string

const (
	// Paragraph is ordinary running text.
	Paragraph BlockKind = "paragraph"
	// BlockQuote is a paragraph that is wholly a quotation; its Text is
	// stored without the outer quotation marks.
	BlockQuote BlockKind = "quote"
)

// Block is one paragraph-level piece of a section.
type Block struct {
	Kind BlockKind `json:"kind"`
	Text string    `json:"text"`
}

// FAQEntry is one question of the Frequently Asked Questions appendix with
// its answer paragraphs.
type FAQEntry struct {
	Question string   `json:"question"`
	Answer   []string `json:"answer"`
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
