package epub

import (
	"fmt"
	"github.com/guidepress/guidepress/templates/labels"
	"strconv"
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export/cover"
)

// Headings the book supplies itself in English only: landmarks, which
// reading systems show in their own words. The headings a reader sees
// (Key Quotes, Frequently Asked Questions, Contents, Synopsis) come from
// templates/labels in the guide's language.
const (
	headingTitle = "Title Page"
	headingCover = "Cover"
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

// Template data. Inline text stays content.Text to the end: the "inline"
// template makes each span's style and link into em, strong and a
// elements, and escapes its text, so nothing a guide's author typed can
// become markup.
type (
	coverData struct{ Src, Alt, L string }
	titleData struct {
		Title, Book, Author, Year, Reading, Creator, Publisher string
		SynopsisHeading, StudyGuideTo, By                      string
		Synopsis                                               []content.Text
		L, E, G                                                string
		// GuideBy and PublishedBy head the credits, in the language
		// CL marks ("" the guide's): the labels' words, or English.
		GuideBy, PublishedBy, CL string
	}
	// quoteData is a quotation with its quotation marks (in the text, so
	// that they survive a reading system that drops the stylesheet), its
	// attribution (inside the blockquote, in a footer) and its explanation
	// (after it).
	quoteData struct {
		ID, Class   string
		Text        content.Text
		Lines       []lineData // a quotation of verse, instead of Text
		Open, Close string     // quotation marks around Text
		Attribution content.Text
		Explanation []content.Text
	}
	// lineData is one line of verse. Open and Close are the quotation
	// marks of a quoted verse on its first and last line; Break is set on
	// every line but the last (a <br/> after it).
	lineData struct {
		Text        content.Text
		Open, Close string
		Break       bool
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
	// blockData is a block of the model as the "blocks" template sets it:
	// the model's own fields (lists, definitions, tables, paragraphs), and
	// for quotes and verse the marks and line breaks added here.
	blockData struct {
		content.Block
		Quote *quoteData
		Verse []lineData
	}
	faqEntryData struct {
		ID, Question string
		Answer       []content.Text
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
// fileHref is the document's href (xhtmlDir and its file name), made once
// for all its sections: a 4 MiB guide has ~200,000 of them.
func sectionTree(s content.Section, id string, level int, fileHref string, marks quoteMarks) (sectionData, *navEntry) {
	d := sectionData{ID: id, Title: s.Title, Level: level}
	for _, b := range s.Blocks {
		bd := blockData{Block: b}
		switch b.Kind {
		case content.BlockQuote:
			q := marks.quote(b.Text, b.Lines, b.Attribution, b.Explanation)
			bd.Quote = &q
		case content.Verse:
			bd.Verse = verseLines(b.Lines, "", "")
		}
		d.Blocks = append(d.Blocks, bd)
	}
	href := fileHref
	if level > 1 {
		href += "#" + id
	}
	e := &navEntry{Title: s.Title, Href: href}
	for i, sub := range s.Subsections {
		sd, se := sectionTree(sub, numberedID(id+"-", i+1), level+1, fileHref, marks)
		d.Subsections = append(d.Subsections, sd)
		e.Children = append(e.Children, se)
	}
	return d, e
}

// numberedID is prefix and n, as one string ("s" and 12 make "s12"):
// made by fmt.Sprintf, or by concatenating strconv.Itoa's string, each
// section's id was two or three strings.
func numberedID(prefix string, n int) string {
	b := make([]byte, 0, len(prefix)+20)
	return string(strconv.AppendInt(append(b, prefix...), int64(n), 10))
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

// labelLang is the language to mark on the labels the book supplies from
// templates/labels ("Key Quotes", "Synopsis", the cover's alt text): ""
// when they are in the guide's language, otherwise "en" (the fallback).
func labelLang(lang string) string {
	if labels.Has(lang) {
		return ""
	}
	return englishLang(lang)
}

// englishLang is the language to mark on the few words the book supplies
// in English only ("A study guide to", "Guide by", landmarks): "" in an
// English guide, otherwise "en".
func englishLang(lang string) string {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if primary == "en" {
		return ""
	}
	return "en"
}

func coverAlt(g *content.Guide) string { return cover.AltText(g) }
