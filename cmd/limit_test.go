package cmd

import (
	"slices"
	"testing"

	"github.com/guidepress/guidepress/batch"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/internal/growth"
)

// TestLiftsLimit: a one-guide build runs without the memory limit that
// follows its live heap when it draws a PDF as it lays it out (a guide of
// more than 50,000 parts), and keeps it otherwise: a smaller guide, a
// guide of many subsections of one part, or no PDF (the EPUB's page list
// is laid out once, whole or page by page, never drawn).
func TestLiftsLimit(t *testing.T) {
	named := func(names ...string) []batch.Format {
		var fs []batch.Format
		for _, f := range formats {
			if slices.Contains(names, f.Name) {
				fs = append(fs, f)
			}
		}
		if len(fs) != len(names) {
			t.Fatalf("formats %v: found %d", names, len(fs))
		}
		return fs
	}
	for _, tc := range []struct {
		name  string
		text  []byte
		fmts  []batch.Format
		lifts bool
	}{
		{"60,000 sections, EPUB and PDF", growth.Guide(growth.Sections, 60000), named("epub", "pdf"), true},
		{"60,000 sections, PDF", growth.Guide(growth.Sections, 60000), named("pdf"), true},
		{"60,000 sections, EPUB", growth.Guide(growth.Sections, 60000), named("epub"), false},
		{"60,000 subsections, PDF", growth.Guide(growth.Subsections, 60000), named("pdf"), false},
		{"2,000 sections, PDF", growth.Guide(growth.Sections, 2000), named("pdf"), false},
	} {
		g, err := importer.Load("growth.txt", tc.text, importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := liftsLimit(tc.fmts, g); got != tc.lifts {
			t.Errorf("%s: lifts the limit %v, want %v", tc.name, got, tc.lifts)
		}
	}
}
