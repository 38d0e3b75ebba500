// Package build runs the pipeline of DESIGN.md for many inputs at once:
// read → import → export every requested format in memory → verify → write
// atomically. It knows nothing about EPUB or PDF internals: formats are
// plugged in as Format values, so the pipeline is tested with fakes and the
// CLI wires in export/epub and export/pdf.
package batch

import (
	"bytes"
	"fmt"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// Format is one output format.
type Format struct {
	Name   string // as named by --format: "epub", "pdf"
	Ext    string // file extension with the dot: ".epub"
	Render func(*content.Guide, export.Options) ([]byte, []content.Diagnostic, error)
	// Magic is the prefix every good output starts with; a cheap last check
	// before anything replaces an earlier file on disk.
	Magic []byte
	// Warm, if not nil, does ahead of the first Render the one-time work of
	// a process (parsing fonts, preparing buffers). Run starts it on its own
	// goroutine while the first inputs are read and imported; Render must
	// not depend on it having run or finished.
	Warm func(export.Options)
	// Release, if not nil, drops what Render keeps for the next guide
	// (free lists of buffers and compressors). With CollectBetween it is
	// called before the collection that follows this format, so that the
	// formats after it reuse that memory.
	Release func()
	// Pages, if not nil, is Render that also gives where each printed
	// page starts (the PDF's layout) to its last argument, once, as soon
	// as it knows them (before it draws): when a guide's options ask for
	// page starts (export.Options.PageStarts, for the EPUB's page list),
	// this format is started first and the others are given its pages,
	// rather than laying the guide out again.
	Pages func(*content.Guide, export.Options, func([]export.PageStart)) ([]byte, []content.Diagnostic, error)
	// PagesFirst, if not nil, says whether Pages, for this guide, gives
	// its pages before it holds much of its own and reads the guide no
	// more until it returns from giving them (a PDF drawn as laid out:
	// it gives them once planned, before it draws). Formats rendered in
	// turn are then all rendered while Pages waits for its give to
	// return, and Pages is told it owns the guide (export.Options.Owned):
	// the two builds' peaks do not add up, and the guide and the page
	// starts are not held through the drawing.
	PagesFirst func(*content.Guide) bool
	// Optional: Render may return no bytes (and no error) for a guide
	// that has nothing of this kind (an answer key without an FAQ); then
	// no file is written for it.
	Optional bool
}

// verify checks the output a format gave: its bytes, or spill when it
// gave that (export.Options.Spill).
func (f Format) verify(data []byte, spill export.Spilled) error {
	if spill != nil {
		if spill.Size() == 0 {
			return fmt.Errorf("%s exporter produced no bytes", f.Name)
		}
		head, err := spill.Head(len(f.Magic))
		if err != nil {
			return fmt.Errorf("%s exporter's output cannot be read back: %w", f.Name, err)
		}
		data = head
	}
	if len(data) == 0 && f.Optional {
		return nil
	}
	if len(data) == 0 {
		return fmt.Errorf("%s exporter produced no bytes", f.Name)
	}
	if len(f.Magic) > 0 && !bytes.HasPrefix(data, f.Magic) {
		return fmt.Errorf("%s exporter produced a file that does not start like a %s file", f.Name, f.Name)
	}
	return nil
}
