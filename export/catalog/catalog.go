// Package catalog writes the catalogue of an output folder: an OPDS 1.2
// acquisition feed (catalog.xml) that e-reader apps (KOReader, Thorium,
// Moon+ Reader) browse, and a static, accessible index.html for people,
// with cover images and small thumbnails.
//
// The catalogue is a function of the folder: every EPUB in it is listed,
// described by its own package document (export/opf), with the PDF, Kobo
// and MARC files of the same name beside it. A later batch into the same
// folder therefore lists the guides of every earlier batch too, and the
// same folder always gives the same catalogue bytes (the feed's updated
// time is the build time, which honours SOURCE_DATE_EPOCH).
package catalog

import (
	"crypto/sha1"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/opf"
)

// Names of what the catalogue writes in the folder.
const (
	FeedFile    = "catalog.xml"
	AuthorsFile = "authors.xml" // navigation feed, when there are many guides
	AuthorsDir  = "authors"     // one acquisition feed per book author
	IndexFile   = "index.html"
	CoversDir   = "covers"
)

// Many is the number of guides above which the catalogue is also offered
// by book author (a navigation feed and a section per author in the
// index): a feed of a hundred entries is slow to scroll on an e-reader.
const Many = 24

// Options configures a catalogue.
type Options struct {
	// BaseURL, when set, makes every link absolute (Moon+ Reader needs
	// that); otherwise links are relative to the folder.
	BaseURL string
	// Updated is the feed's updated time (the build time).
	Updated time.Time
	// Title names the catalogue; "Study guides" when empty.
	Title string
	// Many overrides the Many threshold (tests).
	Many int
}

// File is one file of the catalogue, relative to the folder.
type File struct {
	Name string // slash-separated
	Data []byte
}

// Entry is one guide of the folder.
type Entry struct {
	Name       string // NAME of NAME.epub
	Meta       opf.Meta
	BookTitle  string
	BookAuthor string
	Files      []Acquisition
	Record     string // NAME.marc.xml when the folder holds it
	Cover      *Image // nil when the EPUB has none
	Thumb      *Image
}

// Acquisition is one file of a guide a reader can download.
type Acquisition struct {
	Href      string // relative to the folder
	MediaType string
	Label     string
	Size      int64
}

// Image is a cover or thumbnail file.
type Image struct {
	Href          string
	MediaType     string
	Width, Height int
	Data          []byte
}

// companions are the files of a guide besides its EPUB, by extension, in
// the order they are offered.
var companions = []struct{ ext, mediaType, label string }{
	{".pdf", "application/pdf", "PDF"},
	{".kepub.epub", "application/kepub+zip", "Kobo EPUB"},
}

// MARCType is the media type of a MARCXML record (RFC 6207).
const MARCType = "application/marcxml+xml"

// Scan reads every EPUB in dir (not its subfolders) into entries, sorted by
// book author, book title and name. A file that cannot be read as an EPUB
// is left out and reported in warnings, so that one foreign or damaged
// file does not keep the rest from the catalogue.
func Scan(dir string) (entries []Entry, warnings []string, err error) {
	list, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("catalogue: cannot read %s: %w", dir, err)
	}
	have := map[string]os.DirEntry{}
	for _, e := range list {
		have[e.Name()] = e
	}
	for _, e := range list {
		n := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(n, ".epub") || strings.HasSuffix(n, ".kepub.epub") || strings.HasPrefix(n, ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s: cannot read: %v; left out of the catalogue", n, err))
			continue
		}
		b, err := opf.Open(data)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s: not a readable EPUB (%v); left out of the catalogue", n, err))
			continue
		}
		name := strings.TrimSuffix(n, ".epub")
		en := Entry{Name: name, Meta: b.Meta}
		en.BookTitle, en.BookAuthor = book(b.Meta)
		en.Files = append(en.Files, Acquisition{Href: n, MediaType: "application/epub+zip", Label: "EPUB", Size: int64(len(data))})
		for _, c := range companions {
			if f, ok := have[name+c.ext]; ok && f.Type().IsRegular() {
				if info, err := f.Info(); err == nil {
					en.Files = append(en.Files, Acquisition{Href: name + c.ext, MediaType: c.mediaType, Label: c.label, Size: info.Size()})
				}
			}
		}
		if f, ok := have[name+".marc.xml"]; ok && f.Type().IsRegular() {
			en.Record = name + ".marc.xml"
		}
		if cover, err := b.Cover(); err != nil {
			warnings = append(warnings, fmt.Sprintf("%s: cover: %v; listed without one", n, err))
		} else if cover != nil {
			img, thumb, err := covers(name, cover, b.CoverType, filepath.Join(dir, CoversDir))
			if err != nil {
				warnings = append(warnings, fmt.Sprintf("%s: cover: %v; listed without one", n, err))
			} else {
				en.Cover, en.Thumb = img, thumb
			}
		}
		entries = append(entries, en)
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if ka, kb := sortKey(a.BookAuthor), sortKey(b.BookAuthor); ka != kb {
			return ka < kb
		}
		if ka, kb := sortKey(a.BookTitle), sortKey(b.BookTitle); ka != kb {
			return ka < kb
		}
		return a.Name < b.Name
	})
	return entries, warnings, nil
}

// book recovers the book's title and author from the EPUB's first
// dc:subject, which guidepress writes as "Title (Author)"; another EPUB's
// subject is taken as the title.
func book(m opf.Meta) (title, author string) {
	if len(m.Subjects) == 0 {
		return m.Title, ""
	}
	s := m.Subjects[0]
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			return s[:i], s[i+2 : len(s)-1]
		}
	}
	return s, ""
}

// sortKey orders names by surname where a name has several words
// ("Mary Shelley" files under S), case-insensitively.
func sortKey(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return "\uffff" // unknown authors last
	}
	return f[len(f)-1] + " " + strings.Join(f[:len(f)-1], " ")
}

// Build makes the catalogue's files from the entries: the covers and
// thumbnails, catalog.xml, the per-author feeds when there are many
// entries, and index.html.
func Build(entries []Entry, opts Options) ([]File, error) {
	if opts.Title == "" {
		opts.Title = "Study guides"
	}
	if opts.Many <= 0 {
		opts.Many = Many
	}
	if opts.BaseURL != "" {
		// As --base-url gives it: percent-encoded ("study%20guides").
		u, err := url.Parse(opts.BaseURL)
		if err != nil || !u.IsAbs() {
			return nil, fmt.Errorf("catalogue: base URL %q is not an absolute URL", opts.BaseURL)
		}
		opts.BaseURL = strings.TrimSuffix(u.String(), "/")
	}
	opts.Updated = opts.Updated.UTC().Truncate(time.Second)
	var files []File
	for _, e := range entries {
		for _, img := range []*Image{e.Cover, e.Thumb} {
			if img != nil && img.Data != nil {
				files = append(files, File{img.Href, img.Data})
			}
		}
	}
	groups := byAuthor(entries)
	byAuth := len(entries) > opts.Many
	feed, err := acquisitionFeed(entries, opts, FeedFile, opts.Title, groups, byAuth)
	if err != nil {
		return nil, err
	}
	files = append(files, File{FeedFile, feed})
	if byAuth {
		nav, err := authorsFeed(groups, opts)
		if err != nil {
			return nil, err
		}
		files = append(files, File{AuthorsFile, nav})
		for _, g := range groups {
			f, err := acquisitionFeed(g.Entries, opts, g.Feed, opts.Title+": "+g.Label, groups, true)
			if err != nil {
				return nil, err
			}
			files = append(files, File{g.Feed, f})
		}
	}
	html, err := index(entries, groups, byAuth, opts)
	if err != nil {
		return nil, err
	}
	return append(files, File{IndexFile, html}), nil
}

// group is the guides to one book author's works.
type group struct {
	Author  string // "" for guides whose book's author is unknown
	Label   string
	Slug    string
	Feed    string // authors/SLUG.xml
	Entries []Entry
}

func byAuthor(entries []Entry) []group {
	var out []group
	slugs := map[string]int{}
	for _, e := range entries { // sorted by author already
		if n := len(out); n > 0 && out[n-1].Author == e.BookAuthor {
			out[n-1].Entries = append(out[n-1].Entries, e)
			continue
		}
		label := e.BookAuthor
		if label == "" {
			label = "Unknown author"
		}
		slug := export.Slug(label, "author")
		if slugs[slug]++; slugs[slug] > 1 {
			slug = fmt.Sprintf("%s-%d", slug, slugs[slug])
		}
		out = append(out, group{Author: e.BookAuthor, Label: label, Slug: slug, Feed: AuthorsDir + "/" + slug + ".xml", Entries: []Entry{e}})
	}
	return out
}

// href makes a link to a file of the folder from a document at from (both
// slash-separated, relative to the folder), or absolute with a base URL.
func href(opts Options, from, target string) string {
	esc := (&url.URL{Path: target}).EscapedPath()
	if opts.BaseURL != "" {
		return strings.TrimSuffix(opts.BaseURL, "/") + "/" + esc
	}
	if strings.Contains(from, "/") { // authors/x.xml → ../target
		return "../" + esc
	}
	if strings.HasPrefix(esc, "/") || strings.Contains(strings.SplitN(esc, "/", 2)[0], ":") {
		return "./" + esc // a name like "a:b.epub" must not read as a scheme
	}
	return esc
}

// feedID is a stable urn:uuid for a feed of this catalogue: the same for
// every rebuild of the folder, and distinct for each base URL.
func feedID(opts Options, feed string) string {
	h := sha1.Sum([]byte("guidepress catalogue\x1f" + opts.BaseURL + "\x1f" + feed))
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
