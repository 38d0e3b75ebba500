package pdf

import (
	"bytes"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/finish"
)

// TestStreamsWorkerSameBytes: the fonts' and pages' streams compressed on
// finish.PageStreams' goroutine while the pages are drawn give the bytes
// Optimize gives when it compresses every stream itself, at the end (no
// PageStreams), for guides with one face and with many (scripts,
// ligatures, right to left), and long ones (the stress guide's pages
// outnumber the worker's queue).
func TestStreamsWorkerSameBytes(t *testing.T) {
	guides := map[string]*content.Guide{"sample": sampleGuide(), "tricky": trickyGuide(), "stress": stressGuide()}
	for name, g := range guides {
		for _, opts := range []export.Options{{Modified: fixed}, {Modified: fixed, Duplex: true, Paper: export.Letter, Style: "large-print"}} {
			worker, _, _ := build(t, g, opts)
			newPageStreams = func() *finish.PageStreams { return nil }
			atEnd, _, _ := build(t, g, opts)
			newPageStreams = finish.NewPageStreams
			if len(worker) == 0 || !bytes.Equal(worker, atEnd) {
				t.Errorf("%s, %+v: streams compressed beside the drawing give %d bytes, compressed at the end %d, not the same", name, opts, len(worker), len(atEnd))
			}
		}
	}
}
