package cmd

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
	"github.com/guidepress/guidepress/export/pdf"
	"github.com/guidepress/guidepress/internal/checkers"
)

// FuzzWholeBuild drives arbitrary input through import and both exporters
// in memory. Whatever the input, nothing may panic; a guide the importer
// accepts must export, and every XML document of its EPUB must be
// well-formed. The corpus in testdata/fuzz/FuzzWholeBuild keeps what it found.
func FuzzWholeBuild(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(checkers.RepoRoot(), "testdata", "guides", "*.txt"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil && len(data) < 12_000 {
			f.Add(data)
		}
	}
	f.Add([]byte("A <b>&amp; Title\n\nby Ann \"Q\" Smith\n\nPlot Summary\n\nPart One\n\n\"<script>x</script>\"\n\nFrequently Asked Questions\n\nWhy?\n\nBecause.\n"))
	f.Add([]byte(`{"title":"T","book":{"title":"B","author":""},"language":"en","reading_minutes":0,"synopsis":["s"],"quotes":[],"sections":[],"faq":[],"diagnostics":[]}`))
	opts := export.Options{Modified: export.BuildTime()}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := importer.Load("fuzz.txt", data, importer.Options{})
		if err != nil {
			return
		}
		book, _, err := epub.Build(g, opts)
		if err != nil {
			t.Fatalf("importer accepted the guide but the EPUB exporter failed: %v", err)
		}
		if err := wellFormedEPUB(book); err != nil {
			t.Fatal(err)
		}
		doc, _, err := pdf.Build(g, opts)
		if err != nil {
			t.Fatalf("importer accepted the guide but the PDF exporter failed: %v", err)
		}
		if !bytes.HasPrefix(doc, []byte("%PDF-")) {
			t.Fatal("PDF does not start with %PDF-")
		}
	})
}

func wellFormedEPUB(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		ext := strings.ToLower(filepath.Ext(f.Name))
		if ext != ".xhtml" && ext != ".opf" && ext != ".ncx" && ext != ".xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		dec := xml.NewDecoder(rc)
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return err
			}
		}
		rc.Close()
	}
	return nil
}
