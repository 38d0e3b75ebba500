// Package export holds what the EPUB and PDF writers share: the options a
// user sets for a build, the guide's stable identifier, file-name slugs and
// reproducible timestamps. Each output format lives in its own subpackage
// (export/epub, export/pdf) and never imports the other.
package export

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Paper is a printed page size for the PDF.
type Paper string

const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// ParsePaper accepts the --paper flag's values, case-insensitively.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "a4", "":
		return A4, nil
	case "letter", "us-letter", "usletter":
		return Letter, nil
	}
	return "", fmt.Errorf("unknown paper size %q: use a4 or letter", s)
}

// Options is the one options record both writers read, in the way Pandoc's
// writers share WriterOptions. The zero value is a valid default build
// (A4, simplex, generated cover, fonts not embedded, current time).
type Options struct {
	// Author and Publisher are the guide's own creator and publisher. The
	// book's author is never used here: the novelist did not write the guide.
	Author    string
	Publisher string

	// Paper and Duplex shape the PDF only.
	Paper  Paper
	Duplex bool

	// Style is the PDF's print style: "" or "standard", "compact",
	// "large-print", "dyslexia" (templates/pdf). NoTint drops a style's
	// page tint (for printing on cream paper). The EPUB ignores both
	// (e-readers let each reader choose size, face and colours) but for
	// its page list, which follows the PDF's pages (PageStarts).
	Style  string
	NoTint bool

	// EmbedFonts embeds the OFL body family in the EPUB; readers otherwise
	// use their own fonts, which is what most e-reader users want.
	EmbedFonts bool

	// Cover is a user-supplied JPEG or PNG; nil means a generated cover.
	Cover []byte

	// Modified is the timestamp written into both outputs. Zero means
	// BuildTime(), which honours SOURCE_DATE_EPOCH.
	Modified time.Time

	// BaseURL, when set, is where the outputs will be published; writers
	// that point at a guide's files (MARC 856) make absolute links with it.
	BaseURL string
	// Name is the guide's output name (NAME of NAME.epub), set for each
	// guide by the batch; Links are the files built for it, by extension.
	Name  string
	Links []Link

	// PageStarts, when set, gives the pages of the PDF built with these
	// options (export/pdf.PageStarts): the EPUB writer marks where each
	// starts and lists them in its page-list navigation. The CLI always
	// sets it; nil writes an EPUB without print page numbers.
	PageStarts PageStarter

	// SpareCore says that a core would stand idle while the PDF is laid
	// out (a one-guide build of the PDF alone): the PDF's layout then
	// sets paragraphs ahead on a goroutine of its own. The output is the
	// same bytes either way.
	SpareCore bool

	// Owned says the format is given the only reference to the guide: its
	// caller reads it no more (a batch's guide built in one format). A
	// PDF drawn as laid out (pdf.Streams) then empties each top-level
	// section of the guide once laid out for drawing, so that the
	// guide's model is not held whole to the drawing's end. Without it
	// the guide is read only.
	Owned bool

	// Spill, when set, takes a long output that the format wrote to a
	// temporary file as it went (a PDF of thousands of pages), given just
	// before the format returns no bytes and no error; the caller copies
	// it to where it goes and closes it. Joined in memory, such a file
	// was another copy of the whole (4 MiB of one-line sections: 100 MB
	// made, read back and written out). A format may ignore Spill and
	// return its bytes.
	Spill func(Spilled)
}

// Spilled is an output given to Options.Spill: held mostly in a
// temporary file, read once.
type Spilled interface {
	// Size is the output's length in bytes.
	Size() int64
	// Head is the output's first bytes, up to n of them.
	Head(n int) ([]byte, error)
	// CopyTo writes the whole output to f, from f's offset.
	CopyTo(f *os.File) error
	// Close lets go of the output and its temporary file; it may be
	// called more than once.
	Close()
}

// Link is one file a batch writes for every guide.
type Link struct {
	Ext       string // ".epub"
	MediaType string // "application/epub+zip"
	Label     string // "EPUB"
}

// Time returns the timestamp to stamp into an output, in UTC, truncated to
// whole seconds so that EPUB's dcterms:modified and PDF dates agree.
func (o Options) Time() time.Time {
	t := o.Modified
	if t.IsZero() {
		t = BuildTime()
	}
	return t.UTC().Truncate(time.Second)
}

// BuildTime is SOURCE_DATE_EPOCH when it is set (reproducible-builds.org
// specification), otherwise the current time. An unparsable value is
// ignored here; the CLI rejects it with a message before any build starts.
func BuildTime() time.Time {
	if t, ok, err := SourceDateEpoch(); ok && err == nil {
		return t
	}
	return time.Now().UTC()
}

// SourceDateEpoch parses SOURCE_DATE_EPOCH. ok is false when it is unset.
func SourceDateEpoch() (t time.Time, ok bool, err error) {
	v, set := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !set || v == "" {
		return time.Time{}, false, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, true, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a non-negative whole number of seconds since 1970", v)
	}
	return time.Unix(n, 0).UTC(), true, nil
}
