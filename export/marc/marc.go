// Package marc writes a guide's catalogue record as MARC 21 bibliographic
// data in MARCXML (the Library of Congress MARC21slim schema), for loading
// into a library's catalogue.
//
// The record describes the EPUB guidepress builds for the same guide and
// options: its identifier, title, language and accessibility metadata are
// read back from that EPUB (export/opf), so the record and the book never
// disagree. Who is who follows DESIGN.md: the guide's own author (--author,
// or the guide's "author") is the 100 main entry, further authors 700; the
// novel's author and title are the subject (600 $a…$t), never the creator.
package marc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
	"github.com/guidepress/guidepress/export/opf"
)

// Namespace is the MARCXML namespace.
const Namespace = "http://www.loc.gov/MARC21/slim"

// SchemaLocation is where the LoC publishes the MARC21slim schema.
const SchemaLocation = "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd"

// Record is a MARCXML record, in the element order of MARC21slim.
type Record struct {
	XMLName        xml.Name       `xml:"record"`
	Xmlns          string         `xml:"xmlns,attr"`
	XmlnsXSI       string         `xml:"xmlns:xsi,attr"`
	SchemaLocation string         `xml:"xsi:schemaLocation,attr"`
	Leader         string         `xml:"leader"`
	Control        []ControlField `xml:"controlfield"`
	Data           []DataField    `xml:"datafield"`
}

// ControlField is a 00X field: a tag and fixed-position data.
type ControlField struct {
	Tag   string `xml:"tag,attr"`
	Value string `xml:",chardata"`
}

// DataField is a variable field with two indicators and subfields.
type DataField struct {
	Tag       string     `xml:"tag,attr"`
	Ind1      string     `xml:"ind1,attr"`
	Ind2      string     `xml:"ind2,attr"`
	Subfields []Subfield `xml:"subfield"`
}

// Subfield is one coded part of a data field.
type Subfield struct {
	Code  string `xml:"code,attr"`
	Value string `xml:",chardata"`
}

// Field returns the data fields with a tag.
func (r *Record) Field(tag string) []DataField {
	var out []DataField
	for _, f := range r.Data {
		if f.Tag == tag {
			out = append(out, f)
		}
	}
	return out
}

// Sub returns the values of a subfield code, in order.
func (f DataField) Sub(code string) []string {
	var out []string
	for _, s := range f.Subfields {
		if s.Code == code {
			out = append(out, s.Value)
		}
	}
	return out
}

// Build writes the MARCXML record of g: it builds the guide's EPUB with
// the same options and describes it. opts.BaseURL, when set, adds 856
// links to the guide's files (opts.Name names them).
func Build(g *content.Guide, opts export.Options) ([]byte, []content.Diagnostic, error) {
	if g == nil {
		return nil, nil, errors.New("marc: no guide to describe")
	}
	book, diags, err := epub.Build(g, opts)
	if err != nil {
		return nil, diags, err
	}
	b, err := opf.Open(book)
	if err != nil {
		return nil, diags, fmt.Errorf("marc: reading back the EPUB: %w", err)
	}
	r, err := New(g, opts, b.Meta)
	if err != nil {
		return nil, diags, err
	}
	out, err := r.Marshal()
	return out, diags, err
}

// Marshal renders the record as a standalone MARCXML document.
func (r *Record) Marshal() ([]byte, error) {
	out, err := xml.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("marc: %w", err)
	}
	return append(append([]byte(xml.Header), out...), '\n'), nil
}

// New makes the record of guide g whose EPUB says m.
func New(g *content.Guide, opts export.Options, m opf.Meta) (*Record, error) {
	t := opts.Time()
	lang, err := LanguageCode(m.Language)
	if err != nil {
		return nil, fmt.Errorf("marc: %w", err)
	}
	r := &Record{Xmlns: Namespace, XmlnsXSI: "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: Namespace + " " + SchemaLocation}
	// Leader (MARC 21 Bibliographic, Leader): new record (05 n), language
	// material (06 a), monograph (07 m), Unicode (09 a), full-level
	// encoding (17 blank), ISBD punctuation (18 i). The length and base
	// address (00-04, 12-16) are computed by the ISO 2709 writer that
	// converts the record; MARCXML carries zeros there.
	r.Leader = "00000nam a2200000 i 4500"
	year := t.Format("2006")
	r.Control = []ControlField{
		{"001", strings.TrimPrefix(m.Identifier, "urn:uuid:")},
		{"005", t.Format("20060102150405") + ".0"},
		// 006: an electronic resource (00 m), online (06 o), a document (09 d).
		{"006", "m     o  d        "},
		// 007: computer file (00 c), remote (01 r).
		{"007", "cr |n|||||||||"},
		{"008", field008(t, year, lang)},
	}
	add := func(tag, ind1, ind2 string, subs ...string) {
		f := DataField{Tag: tag, Ind1: ind1, Ind2: ind2}
		for i := 0; i+1 < len(subs); i += 2 {
			if subs[i+1] != "" {
				f.Subfields = append(f.Subfields, Subfield{subs[i], subs[i+1]})
			}
		}
		r.Data = append(r.Data, f)
	}
	// 024 7_: the EPUB's identifier, a URI.
	add("024", "7", " ", "a", m.Identifier, "2", "uri")
	add("040", " ", " ", "b", lang, "e", "rda")
	add("041", "0", " ", "a", lang)

	authors := guideAuthors(g, opts)
	title := clean(g.Title)
	// The first-named author is the main entry (100) when a person; a
	// body ("the English Department") is an added entry (710) with the
	// title as main entry, as RDA has it for a work that is not the
	// body's own business, and so is every author after the first.
	personal := len(authors) > 0 && !authors[0].corporate
	if personal {
		a := authors[0]
		add("100", a.ind1, " ", "a", a.name+",", "e", "author.", "4", "aut")
	}
	// 245: first indicator 1 when a 1XX main entry exists (title added
	// entry), 0 otherwise; no non-filing characters.
	ind1 := "0"
	if personal {
		ind1 = "1"
	}
	if len(authors) > 0 {
		names := make([]string, len(authors))
		for i, a := range authors {
			names[i] = a.display
		}
		add("245", ind1, "0", "a", title+" /", "c", strings.Join(names, ", ")+".")
	} else {
		add("245", ind1, "0", "a", title+".")
	}
	pub := clean(opts.Publisher)
	if pub == "" {
		pub = clean(g.Publisher)
	}
	if pub != "" {
		add("264", " ", "1", "b", pub+",", "c", year+".")
	} else {
		add("264", " ", "1", "c", year+".")
	}
	add("300", " ", " ", "a", "1 online resource")
	add("336", " ", " ", "a", "text", "b", "txt", "2", "rdacontent")
	add("337", " ", " ", "a", "computer", "b", "c", "2", "rdamedia")
	add("338", " ", " ", "a", "online resource", "b", "cr", "2", "rdacarrier")
	accessibility(m, add)
	if m.Description != "" {
		add("520", " ", " ", "a", m.Description)
	}
	accessibilityNotes(m, add)
	add("546", " ", " ", "a", "In "+LanguageName(m.Language)+".")

	// 6XX: the book is the subject. With its author, a name/title subject
	// (600 $a name $t title); without, the title alone (630).
	bt := clean(g.Book.Title)
	if ba := clean(g.Book.Author); ba != "" {
		n := invert(ba)
		sub := []string{"a", n.name + "."}
		if bt != "" {
			sub = []string{"a", n.name + ".", "t", bt + "."}
		}
		add("600", n.ind1, "0", sub...)
	} else if bt != "" {
		add("630", "0", "0", "a", bt+".")
	}
	add("655", " ", "7", "a", "Study guides.", "2", "lcgft")
	for i, a := range authors {
		switch {
		case i == 0 && personal:
		case a.corporate:
			add("710", a.ind1, " ", "a", a.name+",", "e", "author.", "4", "aut")
		default:
			add("700", a.ind1, " ", "a", a.name+",", "e", "author.", "4", "aut")
		}
	}
	if opts.BaseURL != "" && opts.Name != "" {
		for _, l := range opts.Links {
			add("856", "4", "0", "3", l.Label, "q", l.MediaType, "u", Link(opts.BaseURL, opts.Name+l.Ext))
		}
	}
	for _, f := range r.Data {
		for _, s := range f.Subfields {
			if strings.TrimSpace(s.Value) == "" {
				return nil, fmt.Errorf("marc: field %s $%s is empty", f.Tag, s.Code)
			}
		}
	}
	return r, nil
}

// Link joins a base URL and a file name, percent-encoding the name.
func Link(base, name string) string {
	return strings.TrimSuffix(base, "/") + "/" + (&url.URL{Path: name}).EscapedPath()
}

// field008 is the fixed-length data for books (40 positions).
func field008(t interface{ Format(string) string }, year, lang string) string {
	var b strings.Builder
	b.WriteString(t.Format("060102")) // 00-05 date entered on file
	b.WriteString("s")                // 06 single known date
	b.WriteString(year)               // 07-10 date 1
	b.WriteString("    ")             // 11-14 date 2
	b.WriteString("xx ")              // 15-17 place: no place
	b.WriteString("    ")             // 18-21 illustrations: none
	b.WriteString(" ")                // 22 target audience: unknown
	b.WriteString("o")                // 23 form of item: online
	b.WriteString("    ")             // 24-27 nature of contents
	b.WriteString(" ")                // 28 government publication: no
	b.WriteString("0")                // 29 conference publication: no
	b.WriteString("0")                // 30 festschrift: no
	b.WriteString("0")                // 31 index: no
	b.WriteString(" ")                // 32 undefined
	b.WriteString("0")                // 33 literary form: not fiction
	b.WriteString(" ")                // 34 biography: none
	b.WriteString(lang)               // 35-37 language
	b.WriteString(" ")                // 38 modified record: not modified
	b.WriteString("d")                // 39 cataloguing source: other
	return b.String()
}

type person struct {
	name      string // inverted, for $a: "Rivera, Ana"; a body's name in direct order
	display   string // as given, for 245 $c
	ind1      string // 0 forename, 1 surname, 2 a body's name in direct order
	corporate bool   // a body, not a person (X10, not X00)
}

// guideAuthors are the guide's own authors: --author, else the guide's
// author field; several are separated by ";" or " and " (not inside a
// body's name: "the English and History Department" is one).
func guideAuthors(g *content.Guide, opts export.Options) []person {
	s := clean(opts.Author)
	if s == "" {
		s = clean(g.Author)
	}
	if s == "" {
		return nil
	}
	var out []person
	for _, part := range strings.Split(s, ";") {
		names := strings.Split(part, " and ")
		if corporate(part) && !standAlone(names[:len(names)-1]) {
			names = []string{part} // "the English and History Department"
		}
		for _, name := range names {
			if p := strings.TrimSpace(name); p != "" {
				n := invert(p)
				n.display = p
				out = append(out, n)
			}
		}
	}
	return out
}

// corporateWords are words that name a body, not a person, in the
// languages guides come in: a credit line such as "Compiled by: the
// English Department" (vocab.GuideCredit) or "Study guide by the
// guidepress authors".
var corporateWords = map[string]bool{
	"academy": true, "association": true, "authors": true, "board": true, "center": true, "centre": true,
	"club": true, "college": true, "committee": true, "company": true, "contributors": true, "council": true,
	"department": true, "dept": true, "editors": true, "faculty": true, "foundation": true, "group": true,
	"inc": true, "institute": true, "library": true, "libraries": true, "ltd": true, "llc": true,
	"museum": true, "press": true, "program": true, "programme": true, "project": true, "publications": true,
	"publishing": true, "school": true, "society": true, "staff": true, "team": true, "trust": true, "university": true,
	// es, pt, fr, de, it
	"biblioteca": true, "colegio": true, "colégio": true, "departamento": true, "editorial": true, "editora": true,
	"equipo": true, "equipe": true, "escola": true, "escuela": true, "instituto": true, "seminario": true,
	"universidad": true, "universidade": true, "bibliothèque": true, "collège": true, "département": true,
	"école": true, "éditions": true, "équipe": true, "lycée": true, "université": true, "bibliothek": true,
	"fachschaft": true, "gymnasium": true, "schule": true, "universität": true, "verlag": true,
	"dipartimento": true, "edizioni": true, "istituto": true, "liceo": true, "scuola": true, "università": true,
}

// corporate reports whether name names a body: it starts with an article
// no person's name starts with ("the English Department") or holds a word
// of corporateWords.
func corporate(name string) bool {
	words := nameWords(name)
	return len(words) > 1 && bodyArticle[words[0]] || bodyWord(words)
}

// nameWords are the words of a name, lower-cased, without punctuation.
func nameWords(name string) []string {
	return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
}

// bodyWord reports whether one of words is in corporateWords.
func bodyWord(words []string) bool {
	for _, w := range words {
		if corporateWords[w] {
			return true
		}
	}
	return false
}

// standAlone reports whether each of names, taken from before an "and"
// in a body's name, is a name of its own: a body's ("the Library Team")
// or two words or more without an article ("Ana Rivera"), not "the
// English" or "English" of "(the) English and History Department".
func standAlone(names []string) bool {
	for _, n := range names {
		words := nameWords(n)
		if !bodyWord(words) && (len(words) < 2 || leadingArticle[words[0]]) {
			return false
		}
	}
	return true
}

// leadingArticle are the articles a body's name may start with, which
// its heading leaves out (RDA 11.2.2.8): "English Department", not "the
// English Department".
var leadingArticle = map[string]bool{"the": true, "el": true, "la": true, "los": true, "las": true, "le": true, "les": true,
	"der": true, "die": true, "das": true, "il": true, "lo": true, "gli": true, "o": true, "os": true, "a": true, "as": true}

// bodyArticle are the leading articles that alone say a name is a body's:
// not "La" (La Toya), "Le" (Le Thi Hoa), "A" or "O" (initials).
var bodyArticle = map[string]bool{"the": true, "los": true, "las": true, "les": true, "der": true, "die": true, "das": true, "gli": true}

// invert turns a personal name into MARC's surname-first form ("Mary
// Shelley" → "Shelley, Mary", first indicator 1). A name already holding
// a comma is taken as inverted; a single word is a forename (indicator 0),
// as MARC 21 X00 first indicator 0 has it. Name particles and suffixes are
// left where they stand: an automatic record cannot know every convention.
func invert(s string) person {
	s = strings.TrimRight(strings.TrimSpace(s), ".,")
	if corporate(s) {
		name := s
		if first, rest, ok := strings.Cut(s, " "); ok && leadingArticle[strings.ToLower(first)] {
			name = rest
		}
		return person{name: name, display: s, ind1: "2", corporate: true}
	}
	if strings.Contains(s, ",") {
		return person{name: s, display: s, ind1: "1"}
	}
	words := strings.Fields(s)
	if len(words) < 2 {
		return person{name: s, display: s, ind1: "0"}
	}
	last := words[len(words)-1]
	return person{name: last + ", " + strings.Join(words[:len(words)-1], " "), display: s, ind1: "1"}
}

// clean trims and drops characters MARC cannot carry (controls).
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// Valid reports structural MARC 21 problems with the record: the checks of
// the MARC21slim schema (leader and 00X lengths, tag and indicator and
// subfield-code patterns) and the MARC 21 Bibliographic rules the record
// relies on (one 245, at most one 1XX, 008 of 40 positions).
func (r *Record) Valid() error {
	var errs []string
	if len(r.Leader) != 24 {
		errs = append(errs, fmt.Sprintf("leader has %d characters, want 24", len(r.Leader)))
	}
	for _, c := range r.Control {
		if !isTag(c.Tag) || !strings.HasPrefix(c.Tag, "00") {
			errs = append(errs, fmt.Sprintf("control field tag %q", c.Tag))
		}
		if c.Tag == "008" && len(c.Value) != 40 {
			errs = append(errs, fmt.Sprintf("008 has %d positions, want 40", len(c.Value)))
		}
	}
	n1xx, n245 := 0, 0
	for _, f := range r.Data {
		if !isTag(f.Tag) || strings.HasPrefix(f.Tag, "00") {
			errs = append(errs, fmt.Sprintf("data field tag %q", f.Tag))
		}
		if !isIndicator(f.Ind1) || !isIndicator(f.Ind2) {
			errs = append(errs, fmt.Sprintf("%s: indicators %q %q", f.Tag, f.Ind1, f.Ind2))
		}
		if len(f.Subfields) == 0 {
			errs = append(errs, fmt.Sprintf("%s has no subfields", f.Tag))
		}
		for _, s := range f.Subfields {
			if len(s.Code) != 1 || !(s.Code[0] >= '0' && s.Code[0] <= '9' || s.Code[0] >= 'a' && s.Code[0] <= 'z') {
				errs = append(errs, fmt.Sprintf("%s: subfield code %q", f.Tag, s.Code))
			}
		}
		if f.Tag[0] == '1' {
			n1xx++
		}
		if f.Tag == "245" {
			n245++
		}
	}
	if n1xx > 1 {
		errs = append(errs, "more than one 1XX main entry")
	}
	if n245 != 1 {
		errs = append(errs, fmt.Sprintf("%d 245 fields, want 1", n245))
	}
	if len(errs) > 0 {
		return errors.New("marc: " + strings.Join(errs, "; "))
	}
	return nil
}

func isTag(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func isIndicator(s string) bool {
	return len(s) == 1 && (s[0] == ' ' || s[0] >= '0' && s[0] <= '9' || s[0] >= 'a' && s[0] <= 'z')
}

// Parse reads a MARCXML record back (for tests and tools).
func Parse(data []byte) (*Record, error) {
	var r Record
	d := xml.NewDecoder(bytes.NewReader(data))
	if err := d.Decode(&r); err != nil {
		return nil, err
	}
	if r.XMLName.Space != Namespace {
		return nil, fmt.Errorf("root element is in namespace %q, want %q", r.XMLName.Space, Namespace)
	}
	return &r, nil
}
