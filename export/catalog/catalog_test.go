package catalog

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
)

var when = time.Date(2024, 3, 5, 10, 20, 30, 0, time.UTC)

func guide(title, book, author, lang string) *content.Guide {
	return &content.Guide{
		Title: title, Book: content.Book{Title: book, Author: author}, Language: lang,
		Synopsis: content.Plains("A story about " + book + "."),
		Sections: []content.Section{{Title: "Plot Summary", Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain("It begins.")}}}},
	}
}

// built memoises EPUBs by title: building one (cover drawing included) is
// most of these tests' time, the more so under -race.
var epubs sync.Map

func built(t *testing.T, g *content.Guide) []byte {
	t.Helper()
	key := g.Title + "\x1f" + g.Book.Title + "\x1f" + g.Book.Author + "\x1f" + g.Language
	if data, ok := epubs.Load(key); ok {
		return data.([]byte)
	}
	data, _, err := epub.Build(g, export.Options{Modified: when})
	if err != nil {
		t.Fatal(err)
	}
	epubs.Store(key, data)
	return data
}

// folder writes the EPUBs of guides (and a PDF beside the first) into a
// new directory, as a batch would.
func folder(t *testing.T, guides map[string]*content.Guide) string {
	t.Helper()
	dir := t.TempDir()
	first := ""
	var names []string
	for n := range guides {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		data := built(t, guides[name])
		if err := os.WriteFile(filepath.Join(dir, name+".epub"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if first == "" {
			first = name
			os.WriteFile(filepath.Join(dir, name+".pdf"), []byte("%PDF-1.7 stand-in"), 0o644)
			os.WriteFile(filepath.Join(dir, name+".marc.xml"), []byte("<record/>"), 0o644)
		}
	}
	return dir
}

func catalogue(t *testing.T, dir string, opts Options) map[string][]byte {
	t.Helper()
	entries, warnings, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	if opts.Updated.IsZero() {
		opts.Updated = when
	}
	files, err := Build(entries, opts)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		if _, dup := out[f.Name]; dup {
			t.Fatalf("%s written twice", f.Name)
		}
		out[f.Name] = f.Data
	}
	return out
}

// Atom/OPDS as read back by the tests.
type xFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []string `xml:"author>name"`
	Links   []xLink  `xml:"link"`
	Entries []xEntry `xml:"entry"`
}

type xLink struct {
	Rel        string `xml:"rel,attr"`
	Href       string `xml:"href,attr"`
	Type       string `xml:"type,attr"`
	Title      string `xml:"title,attr"`
	Length     string `xml:"length,attr"`
	FacetGroup string `xml:"http://opds-spec.org/2010/catalog facetGroup,attr"`
	Active     string `xml:"http://opds-spec.org/2010/catalog activeFacet,attr"`
}

type xEntry struct {
	ID         string   `xml:"id"`
	Title      string   `xml:"title"`
	Updated    string   `xml:"updated"`
	Authors    []string `xml:"author>name"`
	Language   string   `xml:"http://purl.org/dc/terms/ language"`
	Summary    string   `xml:"summary"`
	Content    string   `xml:"content"`
	Categories []struct {
		Term  string `xml:"term,attr"`
		Label string `xml:"label,attr"`
	} `xml:"category"`
	Links []xLink `xml:"link"`
}

func (e xEntry) link(rel string) []xLink {
	var out []xLink
	for _, l := range e.Links {
		if l.Rel == rel {
			out = append(out, l)
		}
	}
	return out
}

// checkFeed checks a feed against the rules of Atom (RFC 4287 §4.1) and
// OPDS 1.2 (§2, §5) that a schema cannot express or that the tests must
// hold without the schema: required elements, RFC 3339 times, ids that
// are URIs, links whose targets exist in the folder, catalogue media types.
func checkFeed(t *testing.T, name string, data []byte, files map[string][]byte, dir string, opts Options) xFeed {
	t.Helper()
	var f xFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
	if f.ID == "" || f.Title == "" || len(f.Author) == 0 {
		t.Errorf("%s: feed id %q, title %q, author %q", name, f.ID, f.Title, f.Author)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("%s: updated %q: %v", name, f.Updated, err)
	}
	self := false
	for _, l := range f.Links {
		checkHref(t, name, l, files, dir, opts)
		if l.Rel == "self" {
			self = true
			if !strings.HasPrefix(l.Type, "application/atom+xml;profile=opds-catalog;kind=") {
				t.Errorf("%s: self link type %q", name, l.Type)
			}
		}
	}
	if !self {
		t.Errorf("%s: no self link", name)
	}
	for _, e := range f.Entries {
		if !strings.HasPrefix(e.ID, "urn:uuid:") || e.Title == "" {
			t.Errorf("%s: entry id %q title %q", name, e.ID, e.Title)
		}
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("%s: entry updated %q", name, e.Updated)
		}
		if len(e.link("alternate")) == 0 && e.Content == "" {
			t.Errorf("%s: entry %s has neither an alternate link nor content (RFC 4287 §4.1.2)", name, e.ID)
		}
		for _, l := range e.Links {
			checkHref(t, name, l, files, dir, opts)
		}
	}
	return f
}

func checkHref(t *testing.T, name string, l xLink, files map[string][]byte, dir string, opts Options) {
	t.Helper()
	u, err := url.Parse(l.Href)
	if err != nil || strings.ContainsAny(l.Href, " <>\"{}|\\^`") {
		t.Errorf("%s: href %q is not a URI", name, l.Href)
		return
	}
	if opts.BaseURL != "" {
		if !strings.HasPrefix(l.Href, opts.BaseURL+"/") {
			t.Errorf("%s: href %q is not under --base-url %s", name, l.Href, opts.BaseURL)
		}
		u, _ = url.Parse(strings.TrimPrefix(l.Href, opts.BaseURL+"/"))
	}
	target := u.Path
	if strings.Contains(name, "/") && opts.BaseURL == "" {
		target = strings.TrimPrefix(target, "../")
	}
	if _, ok := files[target]; ok {
		return
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
		t.Errorf("%s: link %q (%s) names no file of the catalogue", name, l.Href, l.Rel)
	}
}

func TestFeedDescribesEveryGuide(t *testing.T) {
	gs := map[string]*content.Guide{
		"frankenstein": guide("Frankenstein — A Study Guide", "Frankenstein", "Mary Shelley", "en"),
		"emma":         guide("Emma — A Study Guide", "Emma", "Jane Austen", "en-GB"),
		"candide":      guide("Candide — Guide d'étude", "Candide", "Voltaire", "fr"),
	}
	dir := folder(t, gs)
	files := catalogue(t, dir, Options{})
	f := checkFeed(t, FeedFile, files[FeedFile], files, dir, Options{})
	if f.Updated != "2024-03-05T10:20:30Z" {
		t.Errorf("feed updated %q, want the build time", f.Updated)
	}
	if len(f.Entries) != 3 {
		t.Fatalf("%d entries, want 3", len(f.Entries))
	}
	// Sorted by the book author's surname: Austen, Shelley, Voltaire.
	var order []string
	for _, e := range f.Entries {
		order = append(order, e.Title)
	}
	if strings.Join(order, "|") != "Emma — A Study Guide|Frankenstein — A Study Guide|Candide — Guide d'étude" {
		t.Errorf("order %q", order)
	}
	for _, e := range f.Entries {
		var g *content.Guide
		var name string
		for n, cand := range gs {
			if cand.Title == e.Title {
				g, name = cand, n
			}
		}
		if e.ID != export.Identifier(g) {
			t.Errorf("%s: id %q, want the EPUB's %q", name, e.ID, export.Identifier(g))
		}
		if e.Language != g.Language || e.Updated != "2024-03-05T10:20:30Z" {
			t.Errorf("%s: language %q updated %q", name, e.Language, e.Updated)
		}
		if !strings.Contains(e.Summary, g.Book.Title) || !strings.Contains(e.Summary, g.Book.Author) {
			t.Errorf("%s: summary %q does not name the book and its author", name, e.Summary)
		}
		cats := map[string]bool{}
		for _, c := range e.Categories {
			cats[c.Term] = true
		}
		if !cats[g.Book.Author] || !cats[g.Book.Title] || !cats["Study guides"] {
			t.Errorf("%s: categories %+v", name, e.Categories)
		}
		if len(e.Authors) != 0 {
			t.Errorf("%s: entry authors %q: the novelist is not the guide's author", name, e.Authors)
		}
		acq := e.link("http://opds-spec.org/acquisition/open-access")
		wantFiles := 1
		if name == "candide" { // first by name: has a PDF
			wantFiles = 2
		}
		if len(acq) != wantFiles || acq[0].Type != "application/epub+zip" || acq[0].Href != name+".epub" || acq[0].Length == "" {
			t.Errorf("%s: acquisition links %+v", name, acq)
		}
		if wantFiles == 2 && (acq[1].Type != "application/pdf" || acq[1].Href != name+".pdf") {
			t.Errorf("%s: PDF link %+v", name, acq[1])
		}
		img, thumb := e.link("http://opds-spec.org/image"), e.link("http://opds-spec.org/image/thumbnail")
		if len(img) != 1 || len(thumb) != 1 || img[0].Type != "image/png" {
			t.Fatalf("%s: image links %+v %+v", name, img, thumb)
		}
		th, err := png.Decode(bytes.NewReader(files[thumb[0].Href]))
		if err != nil {
			t.Fatalf("%s: thumbnail: %v", name, err)
		}
		if b := th.Bounds(); b.Dy() != ThumbHeight || b.Dx() < 100 || b.Dx() > 200 || len(files[thumb[0].Href]) > 64<<10 {
			t.Errorf("%s: thumbnail %v, %d bytes; want %d px tall and small", name, b, len(files[thumb[0].Href]), ThumbHeight)
		}
	}
	if _, ok := files[AuthorsFile]; ok {
		t.Error("a navigation feed by author for three guides")
	}
}

func TestManyGuidesByAuthor(t *testing.T) {
	gs := map[string]*content.Guide{}
	for i, a := range []string{"Jane Austen", "Jane Austen", "Charles Dickens", "", "Jane Austen"} {
		gs[fmt.Sprintf("g%d", i)] = guide(fmt.Sprintf("Book %d — A Study Guide", i), fmt.Sprintf("Book %d", i), a, "en")
	}
	dir := folder(t, gs)
	opts := Options{Many: 3, BaseURL: "https://lib.example.org/guides"}
	files := catalogue(t, dir, opts)
	nav := checkFeed(t, AuthorsFile, files[AuthorsFile], files, dir, opts)
	var labels []string
	for _, e := range nav.Entries {
		labels = append(labels, e.Title)
		sub := e.link("subsection")
		if len(sub) != 1 || sub[0].Type != acquisitionType {
			t.Errorf("navigation entry %q links %+v", e.Title, e.Links)
		}
	}
	if strings.Join(labels, "|") != "Jane Austen|Charles Dickens|Unknown author" {
		t.Errorf("authors %q (by surname, unknown last)", labels)
	}
	austen := checkFeed(t, "authors/jane-austen.xml", files["authors/jane-austen.xml"], files, dir, opts)
	if len(austen.Entries) != 3 {
		t.Errorf("Austen's feed has %d entries", len(austen.Entries))
	}
	active := 0
	for _, l := range austen.Links {
		if l.Rel == "http://opds-spec.org/facet" && l.FacetGroup == "Book author" && l.Active == "true" {
			active++
		}
	}
	if active != 1 {
		t.Errorf("Austen's feed has %d active facets, want 1", active)
	}
	all := checkFeed(t, FeedFile, files[FeedFile], files, dir, opts)
	if len(all.Entries) != 5 {
		t.Errorf("catalog.xml lists %d guides, want all 5", len(all.Entries))
	}
	if !strings.Contains(string(files[IndexFile]), `<h2 id="author-jane-austen">Jane Austen</h2>`) {
		t.Error("index.html is not grouped by author")
	}
}

func TestEscapingAndForeignFiles(t *testing.T) {
	g := guide(`The <Glass> & "Iron" Garden — A Study Guide`, `The <Glass> & "Iron" Garden`, `O'Brien & <Sons>`, "en")
	dir := folder(t, map[string]*content.Guide{"odd name": g})
	os.WriteFile(filepath.Join(dir, "broken.epub"), []byte("PK\x03\x04 not really"), 0o644)
	entries, warnings, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || len(warnings) != 1 || !strings.Contains(warnings[0], "broken.epub") {
		t.Fatalf("entries %d, warnings %q: want the broken file named and left out", len(entries), warnings)
	}
	files, err := Build(entries, Options{Updated: when})
	if err != nil {
		t.Fatal(err)
	}
	var feed, html []byte
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
		switch f.Name {
		case FeedFile:
			feed = f.Data
		case IndexFile:
			html = f.Data
		}
	}
	f := checkFeed(t, FeedFile, feed, byName, dir, Options{})
	if f.Entries[0].Title != g.Title || f.Entries[0].link("http://opds-spec.org/acquisition/open-access")[0].Href != "odd%20name.epub" {
		t.Errorf("entry %+v", f.Entries[0])
	}
	for _, want := range []string{"The &lt;Glass&gt; &amp; &#34;Iron&#34; Garden", `href="odd%20name.epub"`, `id="guide-odd_20name"`} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if bytes.Contains(html, []byte("<Glass>")) || bytes.Contains(html, []byte("<script")) {
		t.Error("index.html carries unescaped text or a script")
	}
}

func TestUnchangedCoversAreNotRewritten(t *testing.T) {
	dir := folder(t, map[string]*content.Guide{"emma": guide("Emma — A Study Guide", "Emma", "Jane Austen", "en")})
	files := catalogue(t, dir, Options{})
	os.MkdirAll(filepath.Join(dir, CoversDir), 0o755)
	for _, n := range []string{"covers/emma.png", "covers/emma.thumb.png"} {
		if files[n] == nil {
			t.Fatalf("%s not written", n)
		}
		os.WriteFile(filepath.Join(dir, n), files[n], 0o644)
	}
	again := catalogue(t, dir, Options{})
	if _, ok := again["covers/emma.png"]; ok {
		t.Error("an unchanged cover was written again")
	}
	if !bytes.Equal(again[FeedFile], files[FeedFile]) || !bytes.Equal(again[IndexFile], files[IndexFile]) {
		t.Error("the same folder gave a different catalogue")
	}
}
