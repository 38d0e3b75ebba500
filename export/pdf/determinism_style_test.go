package pdf

import (
	"bytes"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// TestStylesDeterministic: every style, and the worksheet, key and
// booklet, give the same bytes when built twice.
func TestStylesDeterministic(t *testing.T) {
	g := sampleGuide()
	builders := map[string]func(*content.Guide, export.Options) ([]byte, []content.Diagnostic, error){
		"pdf": Build, "worksheet": BuildWorksheet, "answers": BuildAnswers, "booklet": BuildBooklet,
	}
	for _, style := range theme.Styles {
		for name, build := range builders {
			opts := export.Options{Modified: fixed, Style: style}
			a, _, err := build(g, opts)
			if err != nil {
				t.Fatal(err)
			}
			b, _, _ := build(g, opts)
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s %s: two builds differ (%d and %d bytes)", style, name, len(a), len(b))
			}
		}
	}
}
