package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// v2Fixture is the guide that uses every kind of the model.
const v2Fixture = "../testdata/guides/hamlet-v2.json"

// jsonGuides are every JSON guide of the repository: the v2 fixture and the
// importer's golden models.
func jsonGuides(t *testing.T) map[string][]byte {
	t.Helper()
	files, _ := filepath.Glob("importer/testdata/golden/*.golden")
	files = append(files, v2Fixture)
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	if len(out) < 5 {
		t.Fatalf("only %d JSON guides found", len(out))
	}
	return out
}

func decodeOK(t *testing.T, name string, data []byte) *Guide {
	t.Helper()
	g, err := DecodeJSON(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := g.Validate(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return g
}

// Model → JSON v2 → model is the identity, for every guide we have.
func TestJSONRoundTrip(t *testing.T) {
	for name, data := range jsonGuides(t) {
		g := decodeOK(t, name, data)
		var buf bytes.Buffer
		if err := EncodeJSON(&buf, g); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("{\n  \"version\": 2,\n")) {
			t.Errorf("%s: JSON does not lead with the version: %.40q", name, buf.String())
		}
		back := decodeOK(t, name, buf.Bytes())
		if !reflect.DeepEqual(g, back) {
			t.Errorf("%s: model changed through JSON", name)
		}
		var again bytes.Buffer
		EncodeJSON(&again, back)
		if !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Errorf("%s: JSON not stable through a second round", name)
		}
	}
}

// A version-1 file (no "version" key) still loads, and means the same.
func TestJSONVersion1(t *testing.T) {
	versionLine := regexp.MustCompile(`(?m)^  "version": 2,\n`)
	n := 0
	for name, data := range jsonGuides(t) {
		if name == v2Fixture {
			continue
		}
		v1 := versionLine.ReplaceAll(data, nil)
		if bytes.Equal(v1, data) {
			t.Fatalf("%s has no version line to remove", name)
		}
		if !reflect.DeepEqual(decodeOK(t, name, data), decodeOK(t, name+" (v1)", v1)) {
			t.Errorf("%s: version 1 and 2 forms differ", name)
		}
		n++
	}
	for _, bad := range []string{`{"version": 3, "title": "T", "book": {"title": "B"}}`, `{"version": 0, "title": "T", "book": {"title": "B"}}`} {
		if _, err := DecodeJSON([]byte(bad)); err == nil || !strings.Contains(err.Error(), "versions 1 to 2") {
			t.Errorf("%s: err = %v", bad, err)
		}
	}
}

// Every JSON guide, and every model we print, follows docs/guide.schema.json.
func TestJSONSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../docs/guide.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, data []byte) {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s does not follow the schema: %v", name, err)
		}
	}
	for name, data := range jsonGuides(t) {
		check(name, data)
		var buf bytes.Buffer
		EncodeJSON(&buf, decodeOK(t, name, data))
		check(name+" (re-encoded)", buf.Bytes())
	}
	// The schema rejects what Validate rejects, for the shapes it can say.
	for _, bad := range []string{
		`{"title": "T", "book": {"title": "B"}, "sections": [{"title": "S", "blocks": [{"kind": "list", "items": []}]}]}`,
		`{"title": "T", "book": {"title": "B"}, "sections": [{"title": "S", "role": "quiz"}]}`,
		`{"title": "T", "book": {"title": "B"}, "synopsis": [[{"text": "x", "bold": true}]]}`,
		`{"title": "T", "book": {"title": "B"}, "sections": [{"title": "S", "blocks": [{"kind": "paragraph", "text": "x", "items": []}]}]}`,
	} {
		v, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if sch.Validate(v) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}

func TestTextJSON(t *testing.T) {
	tests := []struct {
		in   Text
		json string
	}{
		{Plain("a <b> & *c*"), `"a <b> & *c*"`},
		{Text{{Text: "a "}, {Text: "b", Em: true}}, `["a ",{"text":"b","em":true}]`},
		{Text{{Text: "a"}, {Text: "b"}}, `"ab"`},
		{Text{{Text: "x", Href: "https://e.org/?a=1&b=2"}}, `[{"text":"x","href":"https://e.org/?a=1&b=2"}]`},
	}
	for _, tt := range tests {
		got, err := marshalNoEscape(tt.in)
		if err != nil || string(got) != tt.json {
			t.Errorf("%#v → %s, %v; want %s", tt.in, got, err, tt.json)
		}
		var back Text
		if err := json.Unmarshal(got, &back); err != nil || !reflect.DeepEqual(back, tt.in.Normalize()) {
			t.Errorf("%s → %#v, %v", got, back, err)
		}
	}
	var x Text
	for _, bad := range []string{`3`, `[3]`, `[{"text":"a","bold":true}]`} {
		if err := json.Unmarshal([]byte(bad), &x); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestDecodeJSONRejectsSilentChanges(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"duplicate key", "{\n  \"title\": \"T\",\n  \"book\": {\"title\": \"B\"},\n  \"book\": {\"author\": \"A\"}\n}", 4, `book: the key "book" is given twice`},
		{"nested duplicate", "{\"title\": \"T\", \"book\": {\"title\": \"B\"},\n\"sections\": [{\"title\": \"S\",\n \"blocks\": [{\"kind\": \"paragraph\", \"text\": \"a\",\n \"text\": \"b\"}]}]}", 4, `sections[0].blocks[0].text: the key "text" is given twice`},
		{"lone high surrogate", "{\"title\": \"T\",\n\"book\": {\"title\": \"B \\ud800 x\"}}", 2, `book.title: the escape \ud800 is half`},
		{"lone low surrogate", "{\"title\": \"T\", \"book\": {\"title\": \"B\"},\n\"synopsis\": [[\"a\", {\"text\": \"\\uDC00\"}]]}", 2, `synopsis[0][1].text: the escape \uDC00`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeJSON([]byte(tt.in))
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("err = %v, want *LineError", err)
			}
			if le.Line != tt.line || !strings.Contains(le.Err.Error(), tt.msg) {
				t.Errorf("err = line %d %q, want line %d with %q", le.Line, le.Err, tt.line, tt.msg)
			}
		})
	}
	// A proper pair and an escaped backslash before "u" are fine.
	g, err := DecodeJSON([]byte(`{"title": "T \ud83d\ude00 \\ud800", "book": {"title": "B"}, "synopsis": ["s"]}`))
	if err != nil || g.Title != "T 😀 \\ud800" {
		t.Errorf("got %q, %v", g.Title, err)
	}
}

func TestValidateModelV2(t *testing.T) {
	base := func() *Guide {
		return &Guide{Title: "T", Book: Book{Title: "B"}, Language: "en"}
	}
	tests := []struct {
		name  string
		block Block
		want  string
	}{
		{"empty list", Block{Kind: List}, "blocks[0].items: a list needs at least one item"},
		{"empty item", Block{Kind: List, Items: []ListItem{{Text: Plain(" ")}}}, "blocks[0].items[0].text: must not be empty"},
		{"deep nesting", Block{Kind: List, Items: []ListItem{{Text: Plain("a"), Sublist: &Sublist{Items: []ListItem{{Text: Plain("b"), Sublist: &Sublist{Items: []ListItem{{Text: Plain("c")}}}}}}}}}, "sublist: lists nest one level deep"},
		{"start on bullets", Block{Kind: List, Start: 3, Items: []ListItem{{Text: Plain("a")}}}, "has no start"},
		{"narrow row", Block{Kind: Table, Header: Plains("a", "b"), Rows: [][]Text{{Plain("1")}}}, "rows[0]: has 1 cells; every row must have as many as the header (2)"},
		{"no header", Block{Kind: Table, Rows: [][]Text{{Plain("1")}}}, "a table needs a header row"},
		{"term without definition", Block{Kind: Definitions, Terms: []Definition{{Term: Plain("x")}}}, "terms[0].definition: must not be empty"},
		{"empty verse", Block{Kind: Verse}, "a verse block needs at least one line"},
		{"text and lines", Block{Kind: BlockQuote, Text: Plain("a"), Lines: Plains("b")}, "text or lines (verse), not both"},
		{"stray attribution", Block{Kind: Paragraph, Text: Plain("a"), Attribution: Plain("Ch. 1")}, "a paragraph block has no attribution"},
		{"javascript link", Block{Kind: Paragraph, Text: Text{{Text: "x", Href: "javascript:alert(1)"}}}, `href: "javascript:alert(1)" is not an http`},
		{"unknown marker", Block{Kind: List, Ordered: true, Marker: "lower-greek", Items: []ListItem{{Text: Plain("a")}}}, `blocks[0].marker: must be "lower-alpha" or "upper-alpha" (or absent, for numbers), not "lower-greek"`},
		{"marker on bullets", Block{Kind: List, Marker: LowerAlpha, Items: []ListItem{{Text: Plain("a")}}}, "blocks[0].marker: only an ordered list has a marker"},
		{"marker on a sublist of bullets", Block{Kind: List, Items: []ListItem{{Text: Plain("a"), Sublist: &Sublist{Marker: UpperAlpha, Items: []ListItem{{Text: Plain("b")}}}}}}, "items[0].sublist.marker: only an ordered list has a marker"},
		{"marker on a paragraph", Block{Kind: Paragraph, Text: Plain("a"), Marker: LowerAlpha}, "a paragraph block has no ordered/start/marker/items"},
	}
	for _, tt := range tests {
		g := base()
		g.Sections = []Section{{Title: "S", Blocks: []Block{tt.block}}}
		err := g.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	g := base()
	g.Sections = []Section{{Title: "S", Role: "quiz", Blocks: []Block{{Kind: Paragraph, Text: Plain("a")}}}}
	if err := g.Validate(); err == nil || !strings.Contains(err.Error(), `sections[0].role: "quiz" is not a section role`) {
		t.Errorf("role: %v", err)
	}
}

// Rewrite reaches every text of the model: after upper-casing, no lower
// case letter is left anywhere in the JSON of the fixture except in keys,
// links and fixed values.
func TestRewriteReachesEveryText(t *testing.T) {
	data, _ := os.ReadFile(v2Fixture)
	g := decodeOK(t, v2Fixture, data)
	seen := 0
	up := g.Rewrite(func(_ Path, s string) string { seen++; return "§" + s })
	var buf bytes.Buffer
	EncodeJSON(&buf, up)
	var walk func(v any, key string)
	walk = func(v any, key string) {
		switch v := v.(type) {
		case string:
			switch key {
			case "kind", "role", "marker", "href", "language", "severity":
				return
			}
			if v != "" && !strings.HasPrefix(v, "§") {
				t.Errorf("%s %q was not rewritten", key, v)
			}
		case []any:
			for _, x := range v {
				walk(x, key)
			}
		case map[string]any:
			for k, x := range v {
				walk(x, k)
			}
		}
	}
	var tree any
	json.Unmarshal(buf.Bytes(), &tree)
	walk(tree, "")
	if seen < 80 {
		t.Errorf("only %d strings rewritten", seen)
	}
	if !reflect.DeepEqual(g, decodeOK(t, v2Fixture, data)) {
		t.Error("Rewrite changed its input")
	}
}

// TestMarkerLabel: the printed label of a list item, in figures or letters;
// past z the letters run on as CSS's alphabetic numbering does.
func TestMarkerLabel(t *testing.T) {
	for _, tt := range []struct {
		m        Marker
		start, i int
		want     string
	}{
		{Decimal, 0, 0, "1"}, {Decimal, 7, 2, "9"},
		{LowerAlpha, 0, 0, "a"}, {LowerAlpha, 0, 3, "d"}, {LowerAlpha, 3, 0, "c"},
		{UpperAlpha, 0, 1, "B"}, {UpperAlpha, 0, 25, "Z"}, {UpperAlpha, 0, 26, "AA"}, {LowerAlpha, 0, 27, "ab"}, {LowerAlpha, 0, 702, "aaa"},
	} {
		if got := tt.m.Label(tt.start, tt.i); got != tt.want {
			t.Errorf("%q.Label(%d, %d) = %q, want %q", tt.m, tt.start, tt.i, got, tt.want)
		}
	}
}

// TestJSONFormDocumented: the schema, the README and EncodeJSON agree on
// the JSON form: the schema's "version" takes 1 to CurrentVersion and its
// title names CurrentVersion; the README names every key a guide's
// top level and book can have, the version EncodeJSON writes, and the
// keys version 2 took before the first release (marker, code); a guide
// using both is written with that version, follows the schema and reads
// back the same. Before, the README named neither "code" nor the guide's
// author, publisher, cover and the book's year.
func TestJSONFormDocumented(t *testing.T) {
	schema, err := os.ReadFile("../docs/guide.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Title      string
		Properties struct {
			Version struct{ Enum []int }
		}
	}
	if err := json.Unmarshal(schema, &s); err != nil {
		t.Fatal(err)
	}
	var versions []int
	for v := 1; v <= CurrentVersion; v++ {
		versions = append(versions, v)
	}
	if !slices.Equal(s.Properties.Version.Enum, versions) || !strings.Contains(s.Title, fmt.Sprintf("model version %d", CurrentVersion)) {
		t.Errorf("schema: version enum %v, title %q; want %v and version %d", s.Properties.Version.Enum, s.Title, versions, CurrentVersion)
	}

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(readme)
	keys := []string{fmt.Sprintf(`"version": %d`, CurrentVersion), `"marker"`, `"code": true`}
	for _, typ := range []reflect.Type{reflect.TypeFor[Guide](), reflect.TypeFor[Book]()} {
		for f := range typ.Fields() {
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				keys = append(keys, "`"+name+"`")
			}
		}
	}
	for _, k := range keys {
		if !strings.Contains(doc, k) {
			t.Errorf("README does not name %s", k)
		}
	}

	g := &Guide{Title: "T", Book: Book{Title: "B"}, Language: "en", Sections: []Section{{Title: "S", Blocks: []Block{
		{Kind: Paragraph, Text: Text{{Text: "Type "}, {Text: `--lang "es"`, Code: true}}},
		{Kind: List, Ordered: true, Marker: "lower-alpha", Items: []ListItem{{Text: Plain("one")}, {Text: Plain("two")}}},
	}}}}
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, g); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, fmt.Sprintf(`{"version":%d`, CurrentVersion)) && !strings.Contains(out, fmt.Sprintf(`"version": %d`, CurrentVersion)) {
		t.Errorf("EncodeJSON does not write version %d first:\n%s", CurrentVersion, out)
	}
	sch, err := jsonschema.NewCompiler().Compile("../docs/guide.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("a guide with code and a lettered list does not follow the schema: %v", err)
	}
	back := decodeOK(t, "code and marker", []byte(out))
	var again bytes.Buffer
	if err := EncodeJSON(&again, back); err != nil || again.String() != out {
		t.Errorf("read back and written again differs (%v):\n%s\nwant\n%s", err, again.String(), out)
	}
}
