package catalog

import (
	"encoding/xml"
	"fmt"
	"time"
)

// The OPDS Catalog 1.2 feeds (Atom, RFC 4287, with the OPDS relations and
// Dublin Core terms), written with encoding/xml: every value is escaped.

const (
	atomNS = "http://www.w3.org/2005/Atom"
	dcNS   = "http://purl.org/dc/terms/"
	opdsNS = "http://opds-spec.org/2010/catalog"
	thrNS  = "http://purl.org/syndication/thread/1.0"

	// Media types of OPDS catalogue documents (OPDS 1.2 §2, §7.1).
	acquisitionType = "application/atom+xml;profile=opds-catalog;kind=acquisition"
	navigationType  = "application/atom+xml;profile=opds-catalog;kind=navigation"

	relImage       = "http://opds-spec.org/image"
	relThumbnail   = "http://opds-spec.org/image/thumbnail"
	relOpenAccess  = "http://opds-spec.org/acquisition/open-access"
	relFacet       = "http://opds-spec.org/facet"
	relSubsection  = "subsection"
	facetGroupName = "Book author"
)

type feed struct {
	XMLName xml.Name `xml:"feed"`
	Xmlns   string   `xml:"xmlns,attr"`
	DC      string   `xml:"xmlns:dc,attr"`
	OPDS    string   `xml:"xmlns:opds,attr"`
	Thr     string   `xml:"xmlns:thr,attr,omitempty"`
	Lang    string   `xml:"xml:lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  person   `xml:"author"`
	Links   []link   `xml:"link"`
	Entries []entry  `xml:"entry"`
}

type person struct {
	Name string `xml:"name"`
}

type link struct {
	Rel         string `xml:"rel,attr,omitempty"`
	Href        string `xml:"href,attr"`
	Type        string `xml:"type,attr,omitempty"`
	Title       string `xml:"title,attr,omitempty"`
	Length      int64  `xml:"length,attr,omitempty"`
	FacetGroup  string `xml:"opds:facetGroup,attr,omitempty"`
	ActiveFacet string `xml:"opds:activeFacet,attr,omitempty"`
	Count       int    `xml:"thr:count,attr,omitempty"`
}

type category struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type text struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type entry struct {
	Title      string     `xml:"title"`
	ID         string     `xml:"id"`
	Updated    string     `xml:"updated"`
	Authors    []person   `xml:"author"`
	Language   string     `xml:"dc:language,omitempty"`
	Publisher  string     `xml:"dc:publisher,omitempty"`
	Categories []category `xml:"category"`
	Summary    *text      `xml:"summary,omitempty"`
	Content    *text      `xml:"content,omitempty"`
	Links      []link     `xml:"link"`
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

func marshal(v any) ([]byte, error) {
	out, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("catalogue: %w", err)
	}
	return append(append([]byte(xml.Header), out...), '\n'), nil
}

func newFeed(opts Options, self, kind, title string) feed {
	f := feed{Xmlns: atomNS, DC: dcNS, OPDS: opdsNS, Lang: "en",
		ID: feedID(opts, self), Title: title, Updated: stamp(opts.Updated),
		Author: person{Name: "guidepress"}}
	f.Links = []link{
		{Rel: "self", Href: href(opts, self, self), Type: kind},
		{Rel: "start", Href: href(opts, self, FeedFile), Type: acquisitionType},
	}
	return f
}

// acquisitionFeed lists entries (OPDS 1.2 §2.3). With facets, it offers
// the catalogue by book author as facets (§4) and links the navigation
// feed by author.
func acquisitionFeed(entries []Entry, opts Options, self, title string, groups []group, facets bool) ([]byte, error) {
	f := newFeed(opts, self, acquisitionType, title)
	if facets {
		f.Thr = thrNS
		f.Links = append(f.Links, link{Rel: "related", Href: href(opts, self, AuthorsFile), Type: navigationType, Title: "Guides by book author"})
		if self != FeedFile {
			f.Links = append(f.Links, link{Rel: "up", Href: href(opts, self, AuthorsFile), Type: navigationType})
		}
		for _, g := range groups {
			l := link{Rel: relFacet, Href: href(opts, self, g.Feed), Type: acquisitionType, Title: g.Label,
				FacetGroup: facetGroupName, Count: len(g.Entries)}
			if g.Feed == self {
				l.ActiveFacet = "true"
			}
			f.Links = append(f.Links, l)
		}
	}
	for _, e := range entries {
		f.Entries = append(f.Entries, acquisitionEntry(e, opts, self))
	}
	return marshal(f)
}

func acquisitionEntry(e Entry, opts Options, self string) entry {
	m := e.Meta
	updated := m.Modified
	if updated.IsZero() {
		updated = opts.Updated
	}
	en := entry{Title: m.Title, ID: m.Identifier, Updated: stamp(updated), Language: m.Language, Publisher: m.Publisher}
	for _, c := range m.Creators {
		en.Authors = append(en.Authors, person{Name: c})
	}
	en.Categories = append(en.Categories, category{Term: "Study guides", Label: "Study guides"})
	if e.BookTitle != "" {
		en.Categories = append(en.Categories, category{Term: e.BookTitle, Label: "Book: " + e.BookTitle})
	}
	if e.BookAuthor != "" {
		en.Categories = append(en.Categories, category{Term: e.BookAuthor, Label: "Book author: " + e.BookAuthor})
	}
	if s := summary(e); s != "" {
		en.Summary = &text{Type: "text", Text: s}
	}
	en.Links = append(en.Links, link{Rel: "alternate", Href: href(opts, self, IndexFile) + "#" + anchor(e.Name), Type: "text/html", Title: m.Title})
	if e.Cover != nil {
		en.Links = append(en.Links, link{Rel: relImage, Href: href(opts, self, e.Cover.Href), Type: e.Cover.MediaType})
	}
	if e.Thumb != nil {
		en.Links = append(en.Links, link{Rel: relThumbnail, Href: href(opts, self, e.Thumb.Href), Type: e.Thumb.MediaType})
	}
	for _, a := range e.Files {
		en.Links = append(en.Links, link{Rel: relOpenAccess, Href: href(opts, self, a.Href), Type: a.MediaType, Title: a.Label, Length: a.Size})
	}
	if e.Record != "" {
		en.Links = append(en.Links, link{Rel: "describedby", Href: href(opts, self, e.Record), Type: MARCType, Title: "MARC 21 record"})
	}
	return en
}

// summary is the EPUB's description, which names the book and its author
// ("A study guide to Frankenstein by Mary Shelley. …"), or says so.
func summary(e Entry) string {
	if e.Meta.Description != "" {
		return e.Meta.Description
	}
	if e.BookTitle == "" {
		return ""
	}
	s := "A study guide to " + e.BookTitle
	if e.BookAuthor != "" {
		s += " by " + e.BookAuthor
	}
	return s + "."
}

// authorsFeed is the navigation feed by book author (OPDS 1.2 §2.2): one
// entry per author, each linking to that author's acquisition feed.
func authorsFeed(groups []group, opts Options) ([]byte, error) {
	f := newFeed(opts, AuthorsFile, navigationType, "Guides by book author")
	for _, g := range groups {
		updated := time.Time{}
		for _, e := range g.Entries {
			if e.Meta.Modified.After(updated) {
				updated = e.Meta.Modified
			}
		}
		if updated.IsZero() {
			updated = opts.Updated
		}
		n := fmt.Sprintf("%d study guides", len(g.Entries))
		if len(g.Entries) == 1 {
			n = "1 study guide"
		}
		f.Entries = append(f.Entries, entry{
			Title: g.Label, ID: feedID(opts, g.Feed), Updated: stamp(updated),
			Content: &text{Type: "text", Text: n + " to books by " + g.Label + "."},
			Links:   []link{{Rel: relSubsection, Href: href(opts, AuthorsFile, g.Feed), Type: acquisitionType, Title: g.Label}},
		})
	}
	return marshal(f)
}
