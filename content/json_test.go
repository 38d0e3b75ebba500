package content

import (
	"errors"
	"strings"
	"testing"
)

func TestDecodeJSONLines(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"unknown key on its own line", "{\n  \"title\": \"sectons\",\n  \"book\": {\"title\": \"B\"},\n  \"sectons\": []\n}\n", 4, `unknown field "sectons"`},
		{"unknown nested key", "{\n  \"title\": \"T\",\n  \"book\": {\n    \"title\": \"B\",\n    \"autor\": \"A\"\n  }\n}\n", 5, `unknown field "autor"`},
		{"syntax", "{\n  \"title\": \"T\"\n  \"book\": {}\n}\n", 3, "JSON syntax"},
		{"type", "{\n  \"title\": 3\n}\n", 2, `field "title" must be a JSON string, not number`},
		// Kinds named as JSON names them, never Go's "slice" or "int".
		{"array", "{\n  \"title\": \"T\",\n  \"synopsis\": \"One paragraph.\"\n}\n", 3, `field "synopsis" must be a JSON array, not string`},
		{"whole number", "{\n  \"reading_minutes\": \"ten\"\n}\n", 2, `field "reading_minutes" must be a JSON whole number, not string`},
		{"object", "{\n  \"book\": \"Emma\"\n}\n", 2, `field "book" must be a JSON object, not string`},
		// A value of the wrong kind says where it is, with indexes
		// (encoding/json says "sections.blocks.items"), and how to write it.
		{"list item as a string", "{\"title\": \"T\", \"sections\": [{\"title\": \"A\", \"blocks\": []},\n{\"title\": \"Q\", \"blocks\": [{\"kind\": \"list\", \"items\": [\"Why?\"]}]}]}\n", 2,
			`field "sections[1].blocks[0].items[0]" must be a JSON object, not string: write {"text": "…"}`},
		{"year in quotes", "{\"title\": \"T\",\n\"book\": {\"title\": \"Emma\", \"year\": \"1815\"}}\n", 2,
			`field "book.year" must be a JSON whole number, not string: write the number without quotes`},
		{"synopsis as a string", "{\"title\": \"T\",\n\"synopsis\": \"One.\"}\n", 2,
			`field "synopsis" must be a JSON array, not string: put the text in brackets, ["…"]`},
		{"title as a number", "{\"title\": \"T\", \"sections\": [{\"title\": \"A\"},\n{\"title\": 7}]}\n", 2,
			`field "sections[1].title" must be a JSON string, not number: put it in quotes`},
		// An unknown key says where it is, the object's keys and the one
		// likely meant (a synonym, another case, a typo); one valid in
		// another object ("title" in a quote) is found where it is unknown.
		{"synonym", "{\n  \"title\": \"T\",\n  \"quotes\": [\n    {\"text\": \"Q\"},\n    {\"text\": \"R\",\n     \"source\": \"Chapter 49\"}\n  ]\n}\n", 6,
			`unknown field "source" in quotes[1] (did you mean "attribution"?); its fields are text, lines, attribution, explanation`},
		{"typo deep down", "{\"title\": \"T\", \"sections\": [{\"title\": \"V\", \"blocks\": [\n{\"kind\": \"definitions\", \"terms\": [{\"term\": \"chela\", \"definiton\": \"a disciple\"}]}]}]}\n", 2,
			`unknown field "definiton" in sections[0].blocks[0].terms[0] (did you mean "definition"?); its fields are term, definition`},
		{"a section's body", "{\"title\": \"T\",\n\"sections\": [{\"title\": \"V\", \"body\": []}]}\n", 2,
			`unknown field "body" in sections[0] (did you mean "blocks"?)`},
		{"a key of another object", "{\"title\": \"T\",\n\"quotes\": [{\"text\": \"Q\",\n\"title\": \"Chapter 1\"}]}\n", 3,
			`unknown field "title" in quotes[0]; its fields are`},
		{"another case", "{\"title\": \"T\",\n\"ReadingMinutes\": 5}\n", 2,
			`unknown field "ReadingMinutes" in the top level (did you mean "reading_minutes"?); its fields are version, title,`},
		{"faq shorthand", "{\"title\": \"T\", \"faq\": [\n{\"q\": \"Why?\", \"a\": [\"Because.\"]}]}\n", 2,
			`unknown field "q" in faq[0] (did you mean "question"?); its fields are question, answer`},
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
}

func TestDecodeJSONDefaults(t *testing.T) {
	g, err := DecodeJSON([]byte(`{"title":"T","book":{"title":"B"},"synopsis":["s"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if g.Language != DefaultLanguage {
		t.Errorf("language = %q, want the default", g.Language)
	}
	if err := g.Validate(); err != nil {
		t.Error(err)
	}
}
