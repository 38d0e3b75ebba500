package importer

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/decode"
)

const small = `Émile's Garden
by Zoë Ångström

⏱ 7 min read
A short guide to a short book.
Buy the book on Amazon

Key Quotes

1. "Grow where you are planted."

Plot Summary

The garden grows. Ana and Σοφία tend it -- every day.

Frequently Asked Questions

Who tends the garden?

Ana and Σοφία do.
`

func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func mustLoad(t *testing.T, data []byte, opts Options) *content.Guide {
	t.Helper()
	g, err := Load("small.txt", data, opts)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestLoadText(t *testing.T) {
	g := mustLoad(t, []byte(small), Options{})
	want := &content.Guide{
		Title:          "Émile's Garden — A Study Guide",
		Book:           content.Book{Title: "Émile's Garden", Author: "Zoë Ångström"},
		Language:       "en",
		ReadingMinutes: 7,
		Synopsis:       content.Plains("A short guide to a short book."),
		Quotes:         []content.Quote{{Text: content.Plain("Grow where you are planted.")}},
		Sections: []content.Section{{Title: "Plot Summary", Role: content.RoleSummary, Blocks: []content.Block{
			{Kind: content.Paragraph, Text: content.Plain("The garden grows. Ana and Σοφία tend it — every day.")}}}},
		FAQ: []content.FAQEntry{{Question: "Who tends the garden?", Answer: content.Plains("Ana and Σοφία do.")}},
		Diagnostics: []content.Diagnostic{
			{Line: 4, Severity: content.Info, Message: "reading time: 7 minutes"},
			{Line: 6, Severity: content.Info, Message: "dropped the shop link on this line (page residue, not part of the guide)"},
		},
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got  %+v\nwant %+v", g, want)
	}
}

func TestLoadOptions(t *testing.T) {
	g := mustLoad(t, []byte(small), Options{Language: "fr-CA", NoSmart: true})
	if g.Language != "fr-CA" {
		t.Errorf("language = %q", g.Language)
	}
	if got := g.Sections[0].Blocks[0].Text.Plain(); got != "The garden grows. Ana and Σοφία tend it -- every day." {
		t.Errorf("NoSmart text = %q", got)
	}
	_, err := Load("small.txt", []byte(small), Options{Language: "not a tag"})
	assertError(t, err, "small.txt", 0, `language: "not a tag" is not a BCP 47 language tag`)
}

// TestLoadEncodings: every encoding a guide arrives in gives the same model.
func TestLoadEncodings(t *testing.T) {
	base := mustLoad(t, []byte(small), Options{})
	cases := map[string][]byte{
		"UTF-8 BOM":   append([]byte{0xEF, 0xBB, 0xBF}, small...),
		"UTF-16 LE":   utf16Bytes(small, false),
		"UTF-16 BE":   utf16Bytes(small, true),
		"CRLF":        []byte(strings.ReplaceAll(small, "\n", "\r\n")),
		"lone CR":     []byte(strings.ReplaceAll(small, "\n", "\r")),
		"UTF-16 CRLF": utf16Bytes(strings.ReplaceAll(small, "\n", "\r\n"), false),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			g := mustLoad(t, data, Options{})
			if !reflect.DeepEqual(g, base) {
				t.Errorf("model differs from the UTF-8 one:\n%+v\n%+v", g, base)
			}
		})
	}
}

func TestLoadWindows1252(t *testing.T) {
	latin := []byte("Caf\xe9 Society\nby Ren\xe9e Dupr\xe9\n\nPlot Summary\n\nThe caf\xe9 opens \x96 and closes.\n")
	g := mustLoad(t, latin, Options{})
	if g.Book.Title != "Café Society" || g.Book.Author != "Renée Dupré" {
		t.Errorf("book = %+v", g.Book)
	}
	if got := g.Sections[0].Blocks[0].Text.Plain(); got != "The café opens – and closes." {
		t.Errorf("text = %q", got)
	}
	if len(g.Diagnostics) == 0 || g.Diagnostics[0] != (content.Diagnostic{Line: 1, Severity: content.Warning,
		Message: "the file is not valid UTF-8: read 5 byte(s) as Windows-1252/Latin-1; check accented letters and save the file as UTF-8"}) {
		t.Errorf("diagnostics = %+v", g.Diagnostics)
	}
}

func assertError(t *testing.T, err error, file string, line int, msg string) {
	t.Helper()
	var ie *Error
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v (%T), want *importer.Error", err, err)
	}
	if ie.File != file || ie.Line != line || !strings.Contains(ie.Msg, msg) {
		t.Errorf("err = %q (line %d), want %s:%d with %q", ie.Error(), ie.Line, file, line, msg)
	}
}

func TestLoadBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opts Options
		line int
		msg  string
		is   error
	}{
		{"empty", nil, Options{}, 0, "the file is empty", decode.ErrEmpty},
		{"whitespace only", []byte("  \n\t\r\n  \n"), Options{}, 0, "only whitespace", decode.ErrBlank},
		{"binary", []byte("\x00\x00\x01\x02garbage\x03\x04\x05\x06\x07\x08\x0e\x0f"), Options{}, 0, "not a text file", decode.ErrBinary},
		{"PDF", []byte("%PDF-1.4\n1 0 obj"), Options{}, 0, "looks like a PDF document", nil},
		{"shopping list", []byte("Milk\n\nEggs\n\nBread\n\nButter\n"), Options{}, 0, "found no study-guide structure", nil},
		{"shopping list without blanks", []byte("Milk\nEggs\nBread\nButter\n"), Options{}, 0, "found no study-guide structure", nil},
		{"single paragraph", []byte("It was a bright cold day in April, and the clocks were striking thirteen. Nothing else happened.\n"), Options{}, 1, "the first line should be the book's title, but it is a paragraph", nil},
		{"title and synopsis only", []byte("A Title\nby Someone\n\nA synopsis and nothing else.\n"), Options{}, 0, "found no study-guide structure", nil},
		{"residue only", []byte("⏱ 4 min read\nBuy the book on Amazon\n00:00 00:00\n"), Options{}, 0, "no text besides page residue", nil},
		{"starts with a heading", []byte("Plot Summary\n\nThings happen.\n"), Options{}, 1, `starts with the heading "Plot Summary"`, nil},
		{"too big", []byte(small), Options{MaxBytes: 100}, 0, "more than the 100 bytes limit; if it really is one study guide, raise the limit with --max-size", nil},
		{"JSON syntax error", []byte("{\n  \"title\": \"X\",\n  \"book\": {\"title\": \"Y\"},,\n}\n"), Options{}, 3, "JSON syntax: invalid character ','", nil},
		{"JSON unknown key", []byte("{\n  \"title\": \"X\",\n  \"sectons\": []\n}\n"), Options{}, 3, `unknown field "sectons"`, nil},
		{"JSON wrong type", []byte("{\n  \"title\": \"X\",\n  \"reading_minutes\": \"ten\"\n}\n"), Options{}, 3, `field "reading_minutes" must be a JSON whole number, not string`, nil},
		{"JSON truncated", []byte("{\n  \"title\": \"X\",\n"), Options{}, 3, "the JSON ends before the guide object is closed", nil},
		{"JSON two objects", []byte("{\"title\": \"X\", \"book\": {\"title\": \"Y\"}, \"synopsis\": [\"s\"]}\n{}\n"), Options{}, 2, "a file holds one guide", nil},
		// A field Validate names is found by its line, the first one's.
		{"JSON invalid guide", []byte("{\n  \"title\": \"X\",\n  \"book\": {\"title\": \"\"},\n  \"synopsis\": [\"s\"],\n  \"sections\": [{\"title\": \" \"}]\n}\n"), Options{}, 3,
			"the guide is not valid: book.title: must not be empty; sections[0].title: must not be empty; fix the field(s) named and build again", nil},
		{"JSON invalid block kind", []byte("{\n  \"title\": \"T\",\n  \"book\": {\"title\": \"B\"},\n  \"sections\": [\n    {\"title\": \"S\", \"blocks\": [\n      {\"kind\": \"paragraph\", \"text\": \"x\"},\n      {\n        \"kind\": \"paragraf\",\n        \"text\": \"y\"\n      }\n    ]}\n  ]\n}\n"), Options{}, 8,
			`the guide is not valid: sections[0].blocks[1].kind: must be one of`, nil},
		{"JSON invalid item, no field of its own", []byte("{\"title\": \"T\", \"book\": {\"title\": \"B\"},\n\"synopsis\": [\"a\",\n  \"\"]}\n"), Options{}, 3,
			`the guide is not valid: synopsis[1]`, nil},
		{"JSON empty guide", []byte("{\"title\": \"X\", \"book\": {\"title\": \"Y\"}}"), Options{}, 0, "nothing to publish", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Load("in.txt", tt.in, tt.opts)
			if g != nil {
				t.Errorf("got a guide with the error")
			}
			assertError(t, err, "in.txt", tt.line, tt.msg)
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(err, %v) = false", tt.is)
			}
		})
	}
}

// TestLoadErrorShape: a reader's error names the file and line, then
// what is wrong and what to do, in the same shape whatever the format
// (build prints it after "error: "). The Markdown reader's said
// "FILE:LINE: error: …", which build printed as "error: g.md:1: error: …".
func TestLoadErrorShape(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"g.txt", "It was a bright cold day in April, and the clocks were striking thirteen. Nothing else happened.\n", "g.txt:1: the first line should be"},
		{"g.json", "{\n  \"title\": \"X\",\n", "g.json:3: the JSON ends"},
		{"g.md", "# Emma\n", "g.md:1: the guide \"Emma"},
		{"g.md", "---\ntitle: [oops\n---\n# X\n", "g.md:2: the YAML front matter does not parse"},
	} {
		_, err := Load(tc.name, []byte(tc.in), Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: %v, want it to start %q", tc.name, err, tc.want)
		}
	}
}

func TestErrorString(t *testing.T) {
	if s := (&Error{File: "a.txt", Line: 3, Msg: "bad"}).Error(); s != "a.txt:3: bad" {
		t.Errorf("with line: %q", s)
	}
	if s := (&Error{File: "a.txt", Msg: "bad"}).Error(); s != "a.txt: bad" {
		t.Errorf("without line: %q", s)
	}
}

// TestJSONRoundTrip: text → model → JSON → Load gives the same model, so a
// user can fix a parse by hand and rebuild.
func TestJSONRoundTrip(t *testing.T) {
	g := mustLoad(t, []byte(small), Options{})
	var buf bytes.Buffer
	if err := content.EncodeJSON(&buf, g); err != nil {
		t.Fatal(err)
	}
	if !SniffJSON(buf.Bytes()) {
		t.Errorf("SniffJSON(encoded) = false")
	}
	back, err := Load("small.json", buf.Bytes(), Options{Language: "de", NoSmart: true})
	if err != nil {
		t.Fatal(err)
	}
	if j := encode(t, back); j != buf.String() {
		t.Errorf("round trip differs:\n%s\n%s", j, buf.String())
	}
	// The same JSON in UTF-16 with a BOM is JSON too.
	back16, err := Load("small.json", utf16Bytes(buf.String(), false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if encode(t, back16) != buf.String() {
		t.Errorf("UTF-16 JSON differs")
	}
}

func TestSniffJSON(t *testing.T) {
	for in, want := range map[string]bool{"{}": true, "\xEF\xBB\xBF \n{": true, "  [": false, "Title": false, "": false} {
		if got := SniffJSON([]byte(in)); got != want {
			t.Errorf("SniffJSON(%q) = %v", in, got)
		}
	}
}

func encode(t *testing.T, g *content.Guide) string {
	t.Helper()
	var b bytes.Buffer
	if err := content.EncodeJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDetectByContent: the format comes from the bytes, never the name.
func TestDetectByContent(t *testing.T) {
	text := mustLoad(t, []byte(small), Options{})
	js := encode(t, text)
	g, err := Load("guide.txt", []byte("\xEF\xBB\xBF\n  "+js), Options{})
	if err != nil {
		t.Fatalf("JSON named .txt: %v", err)
	}
	if encode(t, g) != js {
		t.Errorf("JSON named .txt read differently")
	}
	g, err = Load("guide.json", []byte(small), Options{})
	if err != nil {
		t.Fatalf("text named .json: %v", err)
	}
	if encode(t, g) != js {
		t.Errorf("text named .json read differently")
	}
}
