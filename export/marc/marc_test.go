package marc

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/schemas"
)

var when = time.Date(2024, 3, 5, 10, 20, 30, 0, time.UTC)

func guide() *content.Guide {
	return &content.Guide{
		Title:    "Frankenstein — A Study Guide",
		Book:     content.Book{Title: "Frankenstein", Author: "Mary Shelley", Year: 1818},
		Language: "en",
		Synopsis: content.Plains("Victor Frankenstein builds a living being and flees from it."),
		Sections: []content.Section{{Title: "Plot Summary", Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain("It begins in the Arctic.")}}}},
	}
}

func build(t *testing.T, g *content.Guide, opts export.Options) (*Record, []byte) {
	t.Helper()
	if opts.Modified.IsZero() {
		opts.Modified = when
	}
	data, _, err := Build(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(data)
	if err != nil {
		t.Fatalf("the record does not read back: %v\n%s", err, data)
	}
	if err := r.Valid(); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return r, data
}

func subs(fs []DataField, code string) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Sub(code)...)
	}
	return out
}

// tags lists the tags of the record's data fields starting with prefix.
func tags(r *Record, prefix string) []string {
	var out []string
	for _, f := range r.Data {
		if strings.HasPrefix(f.Tag, prefix) {
			out = append(out, f.Tag)
		}
	}
	return out
}

// The novelist is the subject, never the author: with no guide author
// there is no 1XX or 7XX at all, and Shelley is only in 600.
func TestRolesWithoutGuideAuthor(t *testing.T) {
	r, data := build(t, guide(), export.Options{})
	if got := tags(r, "1"); len(got) != 0 {
		t.Errorf("1XX %v without a guide author", got)
	}
	if got := tags(r, "7"); len(got) != 0 {
		t.Errorf("7XX %v without a guide author", got)
	}
	f245 := r.Field("245")[0]
	if f245.Ind1 != "0" || f245.Sub("a")[0] != "Frankenstein — A Study Guide." || len(f245.Sub("c")) != 0 {
		t.Errorf("245 = %+v, want ind1 0 (no main entry) and the guide's title alone", f245)
	}
	s := r.Field("600")
	if len(s) != 1 || s[0].Ind1 != "1" || s[0].Ind2 != "0" ||
		strings.Join(s[0].Sub("a"), "|") != "Shelley, Mary." || strings.Join(s[0].Sub("t"), "|") != "Frankenstein." {
		t.Errorf("600 = %+v, want 10 $a Shelley, Mary. $t Frankenstein.", s)
	}
	if g := r.Field("655"); len(g) != 1 || g[0].Sub("a")[0] != "Study guides." || g[0].Sub("2")[0] != "lcgft" || g[0].Ind2 != "7" {
		t.Errorf("655 = %+v", g)
	}
	if n := bytes.Count(data, []byte("Shelley")); n != 2 { // 600 $a and the 520 summary
		t.Errorf("Shelley appears %d times, want in 600 and the summary only:\n%s", n, data)
	}
}

func TestRolesWithGuideAuthors(t *testing.T) {
	g := guide()
	g.Author = "Someone Overridden"
	r, _ := build(t, g, export.Options{Author: "Ana Rivera and Tom Lee", Publisher: "Hilltop Library"})
	main := r.Field("100")
	if len(main) != 1 || main[0].Ind1 != "1" || main[0].Sub("a")[0] != "Rivera, Ana," || main[0].Sub("4")[0] != "aut" {
		t.Fatalf("100 = %+v, want 1_ $a Rivera, Ana, $4 aut", main)
	}
	added := r.Field("700")
	if len(added) != 1 || added[0].Sub("a")[0] != "Lee, Tom," || added[0].Sub("4")[0] != "aut" {
		t.Fatalf("700 = %+v, want $a Lee, Tom,", added)
	}
	if f := r.Field("245")[0]; f.Ind1 != "1" || f.Sub("c")[0] != "Ana Rivera, Tom Lee." {
		t.Errorf("245 = %+v, want ind1 1 and $c naming the guide's authors", f)
	}
	for _, tag := range []string{"100", "700"} {
		for _, v := range subs(r.Field(tag), "a") {
			if strings.Contains(v, "Shelley") || strings.Contains(v, "Overridden") {
				t.Errorf("%s names %q", tag, v)
			}
		}
	}
	if got := subs(r.Field("264"), "b"); len(got) != 1 || got[0] != "Hilltop Library," {
		t.Errorf("264 $b = %q", got)
	}
	if s := r.Field("600"); len(s) != 1 || s[0].Sub("a")[0] != "Shelley, Mary." {
		t.Errorf("600 = %+v: the book's author stays the subject", s)
	}

	// The guide's own author field is used when no flag overrides it.
	r, _ = build(t, g, export.Options{})
	if got := subs(r.Field("100"), "a"); len(got) != 1 || got[0] != "Overridden, Someone," {
		t.Errorf("100 $a = %q, want the guide's author", got)
	}
}

func TestBookWithoutAuthorIsATitleSubject(t *testing.T) {
	g := guide()
	g.Book.Author = ""
	r, _ := build(t, g, export.Options{})
	if len(r.Field("600")) != 0 {
		t.Error("600 without a book author")
	}
	if s := r.Field("630"); len(s) != 1 || s[0].Sub("a")[0] != "Frankenstein." {
		t.Errorf("630 = %+v", s)
	}
}

func TestLanguageAndAccessibility(t *testing.T) {
	g := guide()
	g.Language = "fr-CA"
	r, _ := build(t, g, export.Options{})
	if got := subs(r.Field("041"), "a"); len(got) != 1 || got[0] != "fre" {
		t.Errorf("041 $a = %q, want fre (MARC's bibliographic code)", got)
	}
	if got := subs(r.Field("546"), "a"); len(got) != 1 || got[0] != "In French." {
		t.Errorf("546 $a = %q", got)
	}
	var f008 string
	for _, c := range r.Control {
		if c.Tag == "008" {
			f008 = c.Value
		}
	}
	if len(f008) != 40 || f008[35:38] != "fre" || f008[7:11] != "2024" || f008[23] != 'o' {
		t.Errorf("008 = %q", f008)
	}
	// 341 from the EPUB's schema:accessMode/accessibilityFeature.
	var textual, visual *DataField
	for _, f := range r.Field("341") {
		f := f
		switch f.Sub("a")[0] {
		case "textual":
			textual = &f
		case "visual":
			visual = &f
		}
	}
	if textual == nil || visual == nil {
		t.Fatalf("341 = %+v, want one field for each access mode", r.Field("341"))
	}
	if b := strings.Join(textual.Sub("b"), " "); !strings.Contains(b, "tableOfContents") || !strings.Contains(b, "structuralNavigation") {
		t.Errorf("341 textual $b = %q", b)
	}
	if c := textual.Sub("c"); len(c) != 1 || c[0] != "displayTransformability" {
		t.Errorf("341 textual $c = %q", c)
	}
	if b := visual.Sub("b"); len(b) != 1 || b[0] != "alternativeText" || visual.Sub("2")[0] != "sapdv" {
		t.Errorf("341 visual = %+v", visual)
	}
	notes := strings.Join(subs(r.Field("532"), "a"), "\n")
	for _, want := range []string{"EPUB Accessibility 1.1", "No accessibility hazards", "reflowable"} {
		if !strings.Contains(notes, want) {
			t.Errorf("532 notes lack %q:\n%s", want, notes)
		}
	}
	for code, want := range map[string]string{"en": "eng", "de-AT": "ger", "nl": "dut", "es": "spa", "zh-Hant": "chi", "pt-BR": "por"} {
		if got, err := LanguageCode(code); err != nil || got != want {
			t.Errorf("LanguageCode(%q) = %q, %v; want %q", code, got, err, want)
		}
	}
}

func TestLinksNeedBaseURL(t *testing.T) {
	links := []export.Link{{Ext: ".epub", MediaType: "application/epub+zip", Label: "EPUB"}, {Ext: ".pdf", MediaType: "application/pdf", Label: "PDF"}}
	r, _ := build(t, guide(), export.Options{Name: "my guide", Links: links})
	if len(r.Field("856")) != 0 {
		t.Error("856 without --base-url")
	}
	r, _ = build(t, guide(), export.Options{Name: "my guide", Links: links, BaseURL: "https://lib.example.org/guides"})
	f := r.Field("856")
	if len(f) != 2 || f[0].Sub("u")[0] != "https://lib.example.org/guides/my%20guide.epub" || f[1].Sub("q")[0] != "application/pdf" || f[0].Ind1 != "4" || f[0].Ind2 != "0" {
		t.Errorf("856 = %+v", f)
	}
}

func TestEscapingAndDeterminism(t *testing.T) {
	g := guide()
	g.Title = `The <Glass> & "Iron" Garden — A Study Guide`
	g.Book = content.Book{Title: `The <Glass> & "Iron" Garden`, Author: `O'Brien & <Sons>`}
	r, a := build(t, g, export.Options{})
	_, b := build(t, g, export.Options{})
	if !bytes.Equal(a, b) {
		t.Error("two builds differ")
	}
	if got := r.Field("245")[0].Sub("a")[0]; got != `The <Glass> & "Iron" Garden — A Study Guide.` {
		t.Errorf("245 $a = %q", got)
	}
	if got := r.Field("600")[0].Sub("t")[0]; got != `The <Glass> & "Iron" Garden.` {
		t.Errorf("600 $t = %q", got)
	}
}

// TestSchema validates records against the Library of Congress MARC21slim
// XSD (see internal/schemas for where it is looked for).
func TestSchema(t *testing.T) {
	xsd := schemas.Path(t, filepath.Join("marc", "MARC21slim.xsd"))
	dir := t.TempDir()
	g := guide()
	for i, opts := range []export.Options{{}, {Author: "Ana Rivera and Tom Lee", Publisher: "P", BaseURL: "https://x.example/g", Name: "n", Links: []export.Link{{Ext: ".epub", MediaType: "application/epub+zip", Label: "EPUB"}}}} {
		_, data := build(t, g, opts)
		p := filepath.Join(dir, "r.xml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, ok := schemas.XSD(t, xsd, p); !ok {
			t.Errorf("record %d does not validate against MARC21slim:\n%s\n%s", i, out, data)
		}
	}
}

// TestCorporateAuthors: a guide credited to a body ("Compiled by: the
// English Department", which the readers take as the guide's author) is
// an added entry 710 2_ under its name in direct order without the
// article, the title the main entry (245 first indicator 0); a person
// stays 100 1_ inverted. Before, every name was inverted as a person's:
// 100 1_ "Department, the English", "authors, the guidepress", and "the
// English and History Department" was split into two people.
func TestCorporateAuthors(t *testing.T) {
	tests := []struct {
		author   string
		fields   string // tag ind1 $a of each 1XX/7XX, in order
		ind1_245 string
	}{
		{"the English Department", "710 2 English Department,", "0"},
		{"the guidepress authors", "710 2 guidepress authors,", "0"},
		{"the English and History Department", "710 2 English and History Department,", "0"},
		{"Hilltop School Library", "710 2 Hilltop School Library,", "0"},
		{"Departamento de Lengua", "710 2 Departamento de Lengua,", "0"},
		{"Ana Rivera and the Library Team", "100 1 Rivera, Ana, | 710 2 Library Team,", "1"},
		{"the Library Team; Ana Rivera", "710 2 Library Team, | 700 1 Rivera, Ana,", "0"},
		// People, whatever their names start with.
		{"Ana Rivera and Tom Lee", "100 1 Rivera, Ana, | 700 1 Lee, Tom,", "1"},
		{"Le Thi Hoa", "100 1 Hoa, Le Thi,", "1"},
		{"A. Jones", "100 1 Jones, A.,", "1"},
		{"Mrs. Alvarez", "100 1 Alvarez, Mrs.,", "1"},
		{"Ana and Tom", "100 0 Ana, | 700 0 Tom,", "1"},
		{"English and History Department", "710 2 English and History Department,", "0"},
	}
	for _, tt := range tests {
		g := guide()
		g.Author = tt.author
		r, _ := build(t, g, export.Options{})
		var got []string
		for _, f := range r.Data {
			if f.Tag[0] == '1' || f.Tag[0] == '7' {
				got = append(got, f.Tag+" "+f.Ind1+" "+strings.Join(f.Sub("a"), ""))
			}
		}
		if s := strings.Join(got, " | "); s != tt.fields {
			t.Errorf("%q: %s, want %s", tt.author, s, tt.fields)
		}
		if f := r.Field("245")[0]; f.Ind1 != tt.ind1_245 || f.Sub("c")[0] != tt.author+"." && !strings.Contains(tt.author, " and ") && !strings.Contains(tt.author, ";") {
			t.Errorf("%q: 245 %+v, want first indicator %s and $c as given", tt.author, f, tt.ind1_245)
		}
	}
}
