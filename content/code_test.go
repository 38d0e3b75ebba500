package content

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestCodeSpans: code is a style of its own in the model's text: kept
// apart from plain text beside it, written to JSON as {"code": true} and
// read back so (before, the model had no code: a reader merged it into
// the text beside it, and smart punctuation set its quotes).
func TestCodeSpans(t *testing.T) {
	for _, c := range []struct {
		name string
		text Text
		json string
	}{
		{"code between plain runs", Text{{Text: "Type "}, {Text: `--lang "es"`, Code: true}, {Text: " first."}},
			`["Type ",{"text":"--lang \"es\"","code":true}," first."]`},
		{"code alone", Text{{Text: "x", Code: true}}, `[{"text":"x","code":true}]`},
		{"code in a link", Text{{Text: "--help", Code: true, Href: "https://example.org/"}}, `[{"text":"--help","code":true,"href":"https://example.org/"}]`},
		{"neighbours of one style merge", Text{{Text: "a", Code: true}, {Text: "b", Code: true}, {Text: "c"}}, `[{"text":"ab","code":true},"c"]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.text.IsPlain() {
				t.Error("text with code is plain")
			}
			b, err := json.Marshal(c.text)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != c.json {
				t.Errorf("JSON %s, want %s", b, c.json)
			}
			var back Text
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if want := c.text.Normalize(); !reflect.DeepEqual(back.Normalize(), want) {
				t.Errorf("read back %#v, want %#v", back, want)
			}
		})
	}
}
