package cmd

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/guidepress/guidepress/batch"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/catalog"
)

// writeCatalog writes the catalogue of the output directory after a batch
// (--catalog): every guide whose EPUB is in the directory, this batch's and
// earlier ones'. Its files are written together, atomically. It reports
// what it did and returns false when the catalogue could not be written.
func writeCatalog(o *buildOptions, eo export.Options, rep *reporter) bool {
	epubBuilt := false
	for _, f := range o.formats {
		epubBuilt = epubBuilt || strings.EqualFold(strings.TrimSpace(f), "epub")
	}
	if !epubBuilt {
		// Shown even with -q: the catalogue may look incomplete otherwise.
		rep.printf("note: --catalog lists the guides whose EPUB is in %s; this batch writes none, so its guides appear only if their EPUBs are already there (add epub to --format)\n", batch.Display(o.outDir))
	}
	entries, warnings, err := catalog.Scan(o.outDir)
	for _, w := range warnings {
		rep.printf("warning: catalogue: %s\n", batch.Display(w))
	}
	if err == nil {
		var files []catalog.File
		files, err = catalog.Build(entries, catalog.Options{BaseURL: eo.BaseURL, Updated: eo.Time()})
		if err == nil {
			err = writeCatalogFiles(o.outDir, files)
		}
	}
	if err != nil {
		rep.printf("error: catalogue: %s (the earlier catalogue, if any, is unchanged)\n", batch.Display(err.Error()))
		return false
	}
	if !o.quiet {
		rep.printf("catalogue: %s in %s → %s, %s\n", plural(len(entries), "guide"), batch.Display(o.outDir),
			batch.Display(filepath.Join(o.outDir, catalog.FeedFile)), batch.Display(filepath.Join(o.outDir, catalog.IndexFile)))
	}
	return true
}

func writeCatalogFiles(dir string, files []catalog.File) error {
	var paths []string
	var data [][]byte
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if d := path.Dir(f.Name); d != "." {
			if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
		}
		paths = append(paths, p)
		data = append(data, f.Data)
	}
	_, err := batch.WriteFiles(paths, data)
	return err
}
