package matterhorn_test

import (
	"testing"

	"github.com/guidepress/guidepress/internal/matterhorn"
)

// FuzzCheck: the checker reads any file the reader accepts without
// panicking (the seeds in testdata/fuzz/FuzzCheck are a tagged one-page
// file as qpdf writes it, classic and with object streams).
func FuzzCheck(f *testing.F) {
	f.Add([]byte("%PDF-1.4\ntrailer\n<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := matterhorn.Check(data)
		if err == nil {
			for _, x := range fs {
				if x.Checkpoint == "" || x.Check == "" {
					t.Fatalf("a failure without a checkpoint: %+v", x)
				}
			}
		}
	})
}
