// Package testpdf gives tests a PDF of the repository's model-v2 fixture
// (testdata/guides/hamlet-v2.json), built once per process for each
// publisher: it has every structure the PDF writer draws (a table with
// header cells, lists, links in the text and the contents, headings of two
// levels, a block quote, the cover), object streams, a cross-reference
// stream and Flate.
package testpdf

import (
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf"
	"github.com/guidepress/guidepress/internal/checkers"
)

type built struct {
	once sync.Once
	data []byte
	err  error
}

var cache sync.Map // publisher → *built

// Hamlet is the fixture's PDF with the given publisher (none if ""),
// modified at a fixed time. Callers must not change the bytes.
func Hamlet(publisher string) ([]byte, error) {
	v, _ := cache.LoadOrStore(publisher, new(built))
	b := v.(*built)
	b.once.Do(func() {
		data, err := os.ReadFile(filepath.Join(checkers.RepoRoot(), "testdata", "guides", "hamlet-v2.json"))
		if err != nil {
			b.err = err
			return
		}
		g, err := content.DecodeJSON(data)
		if err != nil {
			b.err = err
			return
		}
		b.data, _, b.err = pdf.Build(g, export.Options{Modified: time.Date(2024, 5, 17, 9, 30, 0, 0, time.UTC), Publisher: publisher})
	})
	return b.data, b.err
}
