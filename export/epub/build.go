// Package epub writes a study guide as an EPUB 3 publication.
//
// The book is planned (content documents in reading order, navigation,
// landmarks) and then written by one pass (finalise.go): the content
// documents, stylesheet, images, fonts and container, the package document
// with full catalogue and accessibility metadata, the navigation document
// and NCX, zipped deterministically. Build then verifies its own output
// (verify.go) and returns an error rather than a broken book.
//
// Reading order: cover, title page (with synopsis), Key Quotes, one document
// per body section with its subsections, then the FAQ as an appendix.
package epub

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/guidepress/guidepress/templates/labels"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
	"github.com/guidepress/guidepress/fonts"
	tmpl "github.com/guidepress/guidepress/templates/epub"
)

// Build writes g as an EPUB 3 file. The bytes are identical for identical
// input and options when the time is fixed (opts.Modified or
// SOURCE_DATE_EPOCH). It is safe to call from many goroutines at once.
//
// The returned diagnostics are the exporter's own (repairs it made to text
// that cannot appear in an e-book); g is not modified.
func Build(g *content.Guide, opts export.Options) ([]byte, []content.Diagnostic, error) {
	if g == nil {
		return nil, nil, errors.New("epub: no guide to build")
	}
	gc, diags := sanitize(g)
	if err := gc.Validate(); err != nil {
		return nil, diags, fmt.Errorf("epub: the guide cannot be published: %w", err)
	}
	// The generated cover is drawn while the documents are laid out and
	// assembled, which need only its file name: on a machine with a core to
	// spare (one guide built on its own) that takes a third off the time
	// of a build; in a batch, where every core is busy, it costs nothing.
	img, waitCover := startCover(gc, opts)
	if opts.Cover == nil {
		// Drawing the cover is the longest part of the EPUB: let it
		// start now, ahead of the planning, which has time to spare
		// (it waits for the print pages).
		runtime.Gosched()
	}
	defer waitCover() // never leave the drawing running after Build returns
	if opts.Cover != nil {
		if _, err := waitCover(); err != nil { // a user's cover is checked first
			return nil, diags, err
		}
	}
	waitPages := startPages(g, opts)
	b := &book{g: gc, opts: opts, cover: img}
	if err := b.plan(); err != nil {
		waitPages() // never leave the layout running after Build returns
		return nil, diags, err
	}
	var words *wordIndex
	if opts.PageStarts != nil {
		words = b.words() // while the print pages are laid out
	}
	starts, err := waitPages()
	if err != nil {
		return nil, diags, err
	}
	b.pages, b.navBreaks = b.paginate(starts, words)
	if b.cover, err = waitCover(); err != nil {
		return nil, diags, err
	}
	out, err := b.finalise()
	if err != nil {
		return nil, diags, err
	}
	return out, diags, nil
}

// Warm does ahead of a process's first Build the work that Build would
// otherwise do then, once per process: parsing the templates, compiling
// the preflight's expressions and, with no cover of the user's in opts,
// what drawing the generated one needs (cover.Warm). It is safe to call at
// any time, from any goroutine, and never needed; a one-guide build calls
// it while the guide is read and imported, when the second core is idle.
func Warm(opts export.Options) {
	tmpl.Body() // the templates, parsed on first use
	tmpl.Nav()
	warmPreflight()
	if opts.Cover == nil {
		cover.Warm()
	}
}

// startCover returns the cover as far as planning needs it (its file
// name) and a function that waits for the finished image. A user's cover
// is checked at once; the generated one is drawn on another goroutine,
// where a panic becomes an error as it would in the caller (build.Run
// reports a panicking exporter against its input and carries on).
func startCover(g *content.Guide, opts export.Options) (cover.Image, func() (cover.Image, error)) {
	if opts.Cover != nil {
		img, err := coverImage(g, opts)
		return img, func() (cover.Image, error) { return img, err }
	}
	wait := inBackground("drawing the cover", func() (cover.Image, error) { return coverImage(g, opts) })
	return cover.Image{MediaType: "image/png", Ext: ".png", Width: cover.Width, Height: cover.Height}, wait
}

// inBackground runs f on another goroutine, where a panic becomes an
// error as it would in the caller, and returns a function that waits for
// its result.
func inBackground[T any](what string, f func() (T, error)) func() (T, error) {
	var (
		v    T
		err  error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("epub: %s: internal error: %v\n%s", what, p, debug.Stack())
			}
		}()
		v, err = f()
	}()
	return func() (T, error) { <-done; return v, err }
}

// coverImage is the user's cover, checked by decoding it, or the generated
// one.
func coverImage(g *content.Guide, opts export.Options) (cover.Image, error) {
	if opts.Cover != nil {
		img, err := cover.UserImage(opts.Cover)
		if err != nil {
			return cover.Image{}, err
		}
		return img, nil
	}
	data, err := cover.PNG(g)
	if err != nil {
		return cover.Image{}, fmt.Errorf("epub: drawing the cover: %w", err)
	}
	return cover.Image{Data: data, MediaType: "image/png", Ext: ".png", Width: cover.Width, Height: cover.Height}, nil
}

// book is one build in progress. It is never shared between goroutines.
type book struct {
	g     *content.Guide
	opts  export.Options
	cover cover.Image

	docs      []doc
	toc       []*navEntry
	landmarks []landmark
	// pages is the page list, navBreaks the markers of the printed
	// contents' pages (pagelist.go); both empty without PageStarts.
	pages     []pageRef
	navBreaks string
}

const (
	cssFile   = "style.css"
	coverFile = "cover.xhtml"
	titleFile = "title.xhtml"
	quoteFile = "quotes.xhtml"
	faqFile   = "faq.xhtml"
	navFile   = "nav.xhtml"
	ncxFile   = "toc.ncx"
	oflFile   = "OFL.txt"
)

// coverImageFile is the image's name in EPUB/images/.
func (b *book) coverImageFile() string { return "cover" + b.cover.Ext }

func render(name string, data any) (string, error) {
	w := renderBuf()
	defer keepRenderBuf(w)
	if err := tmpl.Body().ExecuteTemplate(w, name, data); err != nil {
		return "", fmt.Errorf("epub: template %s: %w", name, err)
	}
	return string(bytes.TrimSpace(w.Bytes())), nil
}

// renderBuf is an empty buffer to write a document's body in, kept from
// an earlier document when there is one.
func renderBuf() *bytes.Buffer {
	select {
	case w := <-renderBufs:
		w.Reset()
		return w
	default:
		return new(bytes.Buffer)
	}
}

// keepRenderBuf keeps w for the next document unless it is larger than
// maxRenderBuf.
func keepRenderBuf(w *bytes.Buffer) {
	if w.Cap() <= maxRenderBuf {
		select {
		case renderBufs <- w:
		default:
		}
	}
}

// renderBufs are the buffers render executes templates into, kept for the
// next document: a strings.Builder grown by doubling from nothing
// allocated about twice each document's size (seed: ~240 KB for ~95 KB
// of documents), where a kept buffer grows to the largest and each
// document is copied out once, at its size. One larger than maxRenderBuf
// (a huge guide's chapter) is let go.
var renderBufs = make(chan *bytes.Buffer, 2)

const maxRenderBuf = 1 << 20

// plan lays out the documents in reading order with their TOC entries and
// landmarks.
func (b *book) plan() error {
	g := b.g
	L := labelLang(g.Language)
	words := labels.For(g.Language)
	marks := marksFor(g.Language)
	add := func(file, title, tmplName string, data any, toc *navEntry) error {
		if strings.TrimSpace(title) == "" {
			return fmt.Errorf("epub: document %s has no title", file) // never reached: Validate
		}
		body, rendered := data.(string) // a body rendered by the caller
		if !rendered {
			var err error
			if body, err = render(tmplName, data); err != nil {
				return err
			}
		}
		b.docs = append(b.docs, doc{File: file, Title: title, Body: body, TOC: toc})
		if toc != nil {
			b.toc = append(b.toc, toc)
		}
		return nil
	}

	// Cover (EPUB 3.3 §D.4.1 cover-image; DPUB-ARIA doc-cover).
	if err := add(coverFile, headingCover, "cover",
		coverData{Src: "../images/" + b.coverImageFile(), Alt: coverAlt(g), L: L}, nil); err != nil {
		return err
	}
	b.landmarks = append(b.landmarks, landmark{"cover", xhtmlDir + coverFile, headingCover})

	// Title page with the synopsis.
	creator, publisher := b.creator()
	td := titleData{Title: g.Title, Book: g.Book.Title, Author: g.Book.Author,
		Reading: cover.TextFor(g).Reading, Creator: creator, Publisher: publisher, Synopsis: g.Synopsis,
		SynopsisHeading: words.Synopsis, StudyGuideTo: words.StudyGuideTo, By: words.By, L: L, E: englishLang(g.Language), G: g.Language}
	td.GuideBy, td.PublishedBy, td.CL = words.GuideBy, words.PublishedBy, L
	if td.GuideBy == "" || td.PublishedBy == "" {
		td.GuideBy, td.PublishedBy, td.CL = "Guide by", "Published by", englishLang(g.Language)
	}
	if g.Book.Year > 0 {
		td.Year = strconv.Itoa(g.Book.Year)
	}
	var synopsis *navEntry
	if len(g.Synopsis) > 0 {
		synopsis = &navEntry{Title: words.Synopsis, Lang: L, Href: xhtmlDir + titleFile + "#synopsis"}
	}
	if err := add(titleFile, g.Title, "titlepage", td, synopsis); err != nil {
		return err
	}
	b.landmarks = append(b.landmarks,
		landmark{"titlepage", xhtmlDir + titleFile, headingTitle},
		landmark{"toc", navFile + "#toc", words.Contents})

	bodyStart := ""
	// Key Quotes.
	if len(g.Quotes) > 0 {
		// Every Key Quote is a blockquote, never an aside with
		// doc-pullquote: that role marks text repeated from the body,
		// which assistive technology may skip (DPUB-ARIA 1.1 §4), and a
		// Key Quote with its explanation is content in its own right.
		qd := quotesData{Heading: words.KeyQuotes, L: L}
		for i, q := range g.Quotes {
			d := marks.quote(q.Text, q.Lines, q.Attribution, q.Explanation)
			d.ID, d.Class = fmt.Sprintf("quote-%d", i+1), "key-quote"
			qd.Quotes = append(qd.Quotes, d)
		}
		if err := add(quoteFile, words.KeyQuotes, "quotes", qd, &navEntry{Title: words.KeyQuotes, Lang: L, Href: xhtmlDir + quoteFile}); err != nil {
			return err
		}
		bodyStart = quoteFile
	}

	// One document per body section, or per run of sections when there
	// are more than maxChapterDocs of them (see sectionsPerDoc).
	per := sectionsPerDoc(len(g.Sections))
	for first := 0; first < len(g.Sections); first += per {
		file := chapterFile(first / per)
		// The sections' markup (markup.go: what the "chapter" template
		// gives), one a line.
		w := renderBuf()
		var entries []*navEntry
		fileHref := xhtmlDir + file
		for i := first; i < len(g.Sections) && i < first+per; i++ {
			sd, entry := sectionTree(g.Sections[i], numberedID("s", i+1), 1, fileHref, marks)
			if i > first {
				entry.Href += "#" + sd.ID // the section's own place in the shared document
				w.WriteByte('\n')
			}
			if err := writeSection(w, &sd); err != nil {
				return err
			}
			entries = append(entries, entry)
		}
		body := w.String()
		keepRenderBuf(w)
		if err := add(file, g.Sections[first].Title, "", body, entries[0]); err != nil {
			return err
		}
		b.toc = append(b.toc, entries[1:]...)
		if first == 0 {
			bodyStart = file
		}
	}
	if bodyStart != "" {
		b.landmarks = append(b.landmarks, landmark{"bodymatter", xhtmlDir + bodyStart, "Start of Content"})
	}

	// FAQ appendix, each question a heading and a TOC entry.
	if len(g.FAQ) > 0 {
		fd := faqData{Heading: words.FAQ, L: L}
		entry := &navEntry{Title: words.FAQ, Lang: L, Href: xhtmlDir + faqFile}
		for i, f := range g.FAQ {
			id := fmt.Sprintf("q%d", i+1)
			fd.Entries = append(fd.Entries, faqEntryData{ID: id, Question: f.Question, Answer: f.Answer})
			entry.Children = append(entry.Children, &navEntry{Title: f.Question, Href: xhtmlDir + faqFile + "#" + id})
		}
		if err := add(faqFile, words.FAQ, "faq", fd, entry); err != nil {
			return err
		}
		b.landmarks = append(b.landmarks, landmark{"appendix", xhtmlDir + faqFile, words.FAQ})
	}
	return nil
}

// literata names the embedded body faces as they are stored in EPUB/fonts/.
var literata = []struct {
	style fonts.Style
	file  string
}{
	{fonts.Regular, "Literata-Regular.ttf"},
	{fonts.Italic, "Literata-Italic.ttf"},
	{fonts.Bold, "Literata-Bold.ttf"},
	{fonts.BoldItalic, "Literata-BoldItalic.ttf"},
}

// stylesheet is the CSS of the book: the house style, plus @font-face
// rules when fonts are embedded.
func (b *book) stylesheet() []byte {
	css := tmpl.StyleCSS()
	if b.opts.EmbedFonts {
		css = append(append(css, '\n'), tmpl.FontsCSS()...)
	}
	return css
}

// resources are the files that go-epub places and we fill: the stylesheet,
// the cover image and, with EmbedFonts, the fonts and their licence, by
// path in the container.
func (b *book) resources() map[string][]byte {
	r := map[string][]byte{
		opfDir + "css/" + cssFile:               b.stylesheet(),
		opfDir + "images/" + b.coverImageFile(): b.cover.Data,
	}
	if b.opts.EmbedFonts {
		for _, f := range literata {
			r[opfDir+"fonts/"+f.file] = fonts.Bytes(fonts.Literata, f.style)
		}
		r[opfDir+"fonts/"+oflFile] = fonts.License(fonts.Literata) // the OFL travels with the fonts
	}
	return r
}
