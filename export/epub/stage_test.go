package epub

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"path"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
	"weak"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/growth"
)

// createHeaderZip is the container as zipDeterministic wrote it before
// files were staged (stage): archive/zip deflating each file through
// CreateHeader, in the container's order. The staged container, written
// raw with the headers stage.zip sets, must be the same bytes.
func createHeaderZip(t *testing.T, files map[string][]byte, tm time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return newDeflater(w) })
	mt := []byte(mimetype)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "mimetype", Method: zip.Store, CRC32: crc32.ChecksumIEEE(mt),
		CompressedSize64: uint64(len(mt)), UncompressedSize64: uint64(len(mt)),
		ModifiedDate: uint16(tm.Day() + int(tm.Month())<<5 + (tm.Year()-1980)<<9),
		ModifiedTime: uint16(tm.Second()/2 + tm.Minute()<<5 + tm.Hour()<<11),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(mt)
	var names []string
	for name := range files {
		if name != "mimetype" {
			names = append(names, name)
		}
	}
	rank := map[string]int{containerXML: -2, opfPath: -1}
	sort.Slice(names, func(i, j int) bool {
		if rank[names[i]] != rank[names[j]] {
			return rank[names[i]] < rank[names[j]]
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		method := zip.Deflate
		if ext := path.Ext(name); ext == ".png" || ext == ".jpg" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: tm})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(files[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestStageIsCreateHeader: a staged container is byte for byte what
// archive/zip's CreateHeader writes, for a book (twice: the second time
// the stylesheet's and container document's deflated bytes are the kept
// ones), a book with embedded fonts, and names CreateHeader flags as
// UTF-8 (a backslash, a tilde, non-ASCII), at a time before 1980 and
// one with odd seconds.
func TestStageIsCreateHeader(t *testing.T) {
	embed := fixed
	embed.EmbedFonts = true
	odd := map[string][]byte{
		containerXML: []byte(containerDocument), "mimetype": []byte(mimetype),
		"EPUB/a~b.txt": []byte("tilde"), `EPUB/a\b.txt`: []byte("backslash"), "EPUB/café.xhtml": []byte("<p>é</p>"),
		"EPUB/images/x.png": pngOf(t, 3, 3), "EPUB/empty.css": nil,
	}
	for name, tc := range map[string]struct {
		files map[string][]byte
		t     time.Time
	}{
		"book":            {unpack(t, build(t, sampleGuide(), fixed)).files, fixed.Time()},
		"embedded fonts":  {unpack(t, build(t, sampleGuide(), embed)).files, fixed.Time()},
		"odd names":       {odd, time.Date(2031, 7, 9, 13, 45, 59, 0, time.UTC)},
		"before 1980":     {odd, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)},
		"book once again": {unpack(t, build(t, sampleGuide(), export.Options{Modified: time.Date(2001, 2, 3, 4, 5, 7, 0, time.UTC)})).files, time.Date(2001, 2, 3, 4, 5, 7, 0, time.UTC)},
	} {
		at := tc.t
		if min := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC); at.Before(min) {
			at = min // as zipDeterministic dates it
		}
		want := createHeaderZip(t, tc.files, at)
		for range 2 { // the second with the kept deflated files
			got, err := zipDeterministic(tc.files, tc.t)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%s: the staged container (%d bytes) is not CreateHeader's (%d bytes)", name, len(got), len(want))
			}
		}
	}
}

// TestSealLetsFilesGo: seal holds a file only until it is checked and
// deflated, and makes the navigation document once the content documents
// have gone. Before, every file was made and held until the book was
// zipped and checked (4 MiB of one-line sections: 118 MB, beside the
// links and ids read from them; live heap at the EPUB+PDF build's peak
// 276 MB, at most 247 now, gctrace, one core). Each content document
// is watched through a weak pointer: none may be reachable once the
// navigation document is made.
func TestSealLetsFilesGo(t *testing.T) {
	g := loadGrowth(t, growth.Sections, 3000)
	var docs []weak.Pointer[byte]
	live := -1
	sealing = func(name string, data []byte) {
		switch {
		case strings.HasPrefix(name, opfDir+xhtmlDir) && len(data) > 0:
			docs = append(docs, weak.Make(&data[0]))
		case name == opfDir+navFile:
			runtime.GC()
			live = 0
			for _, p := range docs {
				if p.Value() != nil {
					live++
				}
			}
		}
	}
	defer func() { sealing = nil }()
	build(t, g, fixed)
	if len(docs) < 10 || live < 0 {
		t.Fatalf("%d documents watched, navigation document made: %v", len(docs), live >= 0)
	}
	if live > 0 {
		t.Errorf("%d of %d content documents still reachable when the navigation document is made", live, len(docs))
	}
}

// seal writes each content document over the one before, in one buffer,
// and the navigation document over the NCX (seal): made each in a buffer
// of its own, a 4 MiB guide's 118 MB of files were fresh memory to clear
// and fault in. Each document seal checks and zips is watched for the
// array it is in: a few for the documents (the buffer grows to the
// largest), the NCX's for the navigation document.
func TestSealWritesOver(t *testing.T) {
	g := loadGrowth(t, growth.Sections, 3000)
	arrays := map[*byte]bool{}
	docs := 0
	var ncx []byte
	shared := false
	sealing = func(name string, data []byte) {
		switch {
		case strings.HasPrefix(name, opfDir+xhtmlDir) && len(data) > 0:
			docs++
			arrays[&data[:1][0]] = true
		case name == opfDir+ncxFile:
			ncx = data
		case name == opfDir+navFile:
			if len(data) > cap(ncx) {
				t.Fatalf("the navigation document (%d bytes) is larger than the NCX's buffer (%d): the test needs a book whose NCX is larger", len(data), cap(ncx))
			}
			shared = &data[0] == &ncx[:1][0]
		}
	}
	defer func() { sealing = nil }()
	build(t, g, fixed)
	if docs < 10 || len(arrays) > 4 {
		t.Errorf("%d content documents in %d arrays, want at most 4", docs, len(arrays))
	}
	if !shared {
		t.Error("the navigation document is not written over the NCX")
	}
}
