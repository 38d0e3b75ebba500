package epub

import (
	"fmt"
	"index/suffixarray"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export/cover"
)

// Headings the book supplies itself (the model keeps no heading for the
// quotes and FAQ parts: importers recognise them by their names).
const (
	headingQuotes   = "Key Quotes"
	headingFAQ      = "Frequently Asked Questions"
	headingContents = "Contents"
	headingTitle    = "Title Page"
	headingCover    = "Cover"
)

// doc is one XHTML content document in reading order.
type doc struct {
	File  string // file name under EPUB/xhtml/
	Title string // <title> and TOC label; never empty
	Body  string // the body markup, produced by html/template
	// TOC is the entry of this document in the table of contents (nil for
	// documents that are only landmarks: the cover and the title page).
	TOC *navEntry
}

// navEntry is one entry of the table of contents.
type navEntry struct {
	Title    string
	Lang     string // set on labels the book supplies (see labelLang)
	Href     string // relative to the navigation document
	Children []*navEntry
}

// landmark is one entry of the landmarks nav (EPUB 3.3 §7.4.3).
type landmark struct {
	Type, Href, Title string
}

// Template data.
type (
	coverData struct{ Src, Alt, L string }
	titleData struct {
		Title, Book, Author, Reading, Creator, Publisher string
		Synopsis                                         []string
		L, G                                             string
	}
	quoteData struct {
		ID, Text string
		Repeat   bool // the quote repeats text of the body: a pull quote
	}
	quotesData struct {
		Heading, L string
		Quotes     []quoteData
	}
	sectionData struct {
		ID, Title   string
		Level       int
		Blocks      []blockData
		Subsections []sectionData
	}
	blockData struct {
		Quote bool
		Text  string
	}
	faqEntryData struct {
		ID, Question string
		Answer       []string
	}
	faqData struct {
		Heading, L string
		Entries    []faqEntryData
	}
)

const xhtmlDir = "xhtml/"

// chapterFile names the XHTML file of body section i (0-based). Names are
// positional, so a hostile title can never shape a path.
func chapterFile(i int) string { return fmt.Sprintf("chapter-%02d.xhtml", i+1) }

// sectionTree converts a model section into template data and TOC entries.
// IDs are positional (s2, s2-1, s2-1-3), unique within the document.
func sectionTree(s content.Section, id string, level int, file string) (sectionData, *navEntry) {
	d := sectionData{ID: id, Title: s.Title, Level: level}
	for _, b := range s.Blocks {
		d.Blocks = append(d.Blocks, blockData{Quote: b.Kind == content.BlockQuote, Text: b.Text.Plain()})
	}
	href := xhtmlDir + file
	if level > 1 {
		href += "#" + id
	}
	e := &navEntry{Title: s.Title, Href: href}
	for i, sub := range s.Subsections {
		sd, se := sectionTree(sub, fmt.Sprintf("%s-%d", id, i+1), level+1, file)
		d.Subsections = append(d.Subsections, sd)
		e.Children = append(e.Children, se)
	}
	return d, e
}

// maxChapterDocs bounds the number of content documents the body sections
// are written to. go-epub's AddSection rebuilds a map of every document
// added so far, so adding n documents costs n²: 20,000 one-line sections
// took 30 s. Readers, too, handle a few hundred spine items better than
// tens of thousands. A guide with more sections than this puts runs of
// consecutive sections in one document, each still its own TOC entry.
const maxChapterDocs = 500

// sectionsPerDoc is how many consecutive body sections share a content
// document: 1 up to maxChapterDocs sections, then as few as keep the
// documents within maxChapterDocs.
func sectionsPerDoc(n int) int {
	if n <= maxChapterDocs {
		return 1
	}
	return (n + maxChapterDocs - 1) / maxChapterDocs
}

// normalise reduces text to lower-case letters and digits separated by
// single spaces, to recognise a quote repeated elsewhere whatever its
// quotation marks, dashes or spacing.
//
// It is strings.Join(strings.FieldsFunc(strings.ToLower(s), not letter or
// digit), " ") in one pass (TestNormalise): it runs over the whole body of
// every build.
func normalise(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			default:
				sep = b.Len() > 0
				continue
			}
		} else if r = unicode.ToLower(r); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			sep = b.Len() > 0
			continue
		}
		if sep {
			b.WriteByte(' ')
			sep = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bodyText is every block of the body, normalised, for repeat detection.
func bodyText(g *content.Guide) string {
	var b strings.Builder
	var walk func([]content.Section)
	walk = func(ss []content.Section) {
		for _, s := range ss {
			for _, bl := range s.Blocks {
				b.WriteString(normalise(bl.Text.Plain()))
				b.WriteString(" \x00 ")
			}
			walk(s.Subsections)
		}
	}
	walk(g.Sections)
	return b.String()
}

// repeats returns a test of whether a normalised text occurs in body,
// for quotes quotes. Searching the body for each quote costs quotes ×
// body: 20,000 quotes and a 2 MB body would take minutes. A few quotes
// search the body directly; more use a suffix array of it, built once in
// linear time and searched in log time per quote.
func repeats(body string, quotes int) func(string) bool {
	if quotes <= 16 || len(body) < 1<<16 {
		return func(n string) bool { return strings.Contains(body, n) }
	}
	idx := suffixarray.New([]byte(body))
	return func(n string) bool { return len(idx.Lookup([]byte(n), 1)) > 0 }
}

// labelLang is the language of the labels the book supplies itself
// ("Key Quotes", "Synopsis", the cover's alt text): "" when the guide is in
// English, otherwise "en", to be marked on those labels.
func labelLang(lang string) string {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if primary == "en" {
		return ""
	}
	return "en"
}

func coverAlt(g *content.Guide) string { return cover.AltText(g) }
