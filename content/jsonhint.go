package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// unknownFieldHint says where an unknown key sits (its JSON path), which
// keys that object has, and the one the writer likely meant ("source" in a
// quote: "attribution"), for the person fixing a hand-written guide;
// encoding/json says only `unknown field "source"`. It gives the path's
// line too, or ok false when the key is not found.
func unknownFieldHint(data []byte, name string) (line int, msg string, ok bool) {
	var t reflect.Type
	var where string
	at := keyPath(data, name, func(path []string) bool {
		t, where = typeAt(path)
		if t == nil {
			return false
		}
		_, known := fieldByTag(t, name)
		return !known && (len(path) > 0 || name != "version")
	})
	if at < 0 {
		return 0, "", false
	}
	keys := tags(t)
	if where == "" {
		where = "the top level"
		keys = append([]string{"version"}, keys...)
	}
	msg = fmt.Sprintf("unknown field %q in %s", name, where)
	if m := meant(name, keys); m != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", m)
	}
	msg += "; its fields are " + strings.Join(keys, ", ")
	return lineAt(data, at), msg, true
}

// typeAt is the model's type of the object at path ("quotes", "[0]"), and
// the path written out ("quotes[0]"); nil when the path leaves the model.
func typeAt(path []string) (reflect.Type, string) {
	t := reflect.TypeOf(Guide{})
	where := ""
	for _, p := range path {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if strings.HasPrefix(p, "[") {
			if t.Kind() != reflect.Slice {
				return nil, ""
			}
			t = t.Elem()
		} else {
			f, found := fieldByTag(t, p)
			if !found {
				return nil, ""
			}
			t = f.Type
			p = "." + p
		}
		where += p
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil, ""
	}
	return t, strings.TrimPrefix(where, ".")
}

// keyPath is the offset of the first key name in data whose object's
// JSON path ("quotes", "[0]") is accepted, or -1.
func keyPath(data []byte, name string, accept func(path []string) bool) int {
	w := pathWalker{dec: json.NewDecoder(bytes.NewReader(data))}
	for {
		before := w.dec.InputOffset()
		tok, key, err := w.next()
		if err != nil {
			return -1
		}
		if key && tok == name && accept(w.path(1)) {
			return int(before) + bytes.IndexByte(data[before:], '"')
		}
	}
}

// pathWalker reads JSON tokens keeping the path to the one read last.
type pathWalker struct {
	dec   *json.Decoder
	stack []pathFrame
	ended bool // a value ended with the last token: count it on the next
}

type pathFrame struct {
	object, wantKey bool
	index           int
	key             string
}

// next reads a token; key says it is an object's key.
func (w *pathWalker) next() (tok json.Token, key bool, err error) {
	if w.ended {
		w.ended = false
		if n := len(w.stack); n > 0 {
			if w.stack[n-1].object {
				w.stack[n-1].wantKey = true
			} else {
				w.stack[n-1].index++
			}
		}
	}
	tok, err = w.dec.Token()
	if err != nil {
		return nil, false, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' || t == '[' {
			w.stack = append(w.stack, pathFrame{object: t == '{', wantKey: t == '{'})
			return tok, false, nil
		}
		w.stack = w.stack[:len(w.stack)-1]
	case string:
		if n := len(w.stack); n > 0 && w.stack[n-1].object && w.stack[n-1].wantKey {
			w.stack[n-1].wantKey, w.stack[n-1].key = false, t
			return tok, true, nil
		}
	}
	w.ended = true
	return tok, false, nil
}

// path is the way to the value read last, less its last drop elements:
// keys ("quotes") and indexes ("[0]").
func (w *pathWalker) path(drop int) []string {
	var out []string
	for _, f := range w.stack[:len(w.stack)-drop] {
		if f.object {
			out = append(out, f.key)
		} else {
			out = append(out, fmt.Sprintf("[%d]", f.index))
		}
	}
	return out
}

// fieldByTag is t's field whose JSON name is name.
func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// tags lists t's JSON field names, in order.
func tags(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); tag != "" && tag != "-" {
			out = append(out, tag)
		}
	}
	return out
}

// synonyms are the keys people write for the model's: what other formats
// and first guesses call them.
var synonyms = map[string][]string{
	"source": {"attribution"}, "cite": {"attribution"}, "citation": {"attribution"}, "by": {"attribution"},
	"speaker": {"attribution"}, "where": {"attribution"}, "reference": {"attribution"}, "ref": {"attribution"},
	"quote": {"text"}, "body": {"text", "blocks", "answer"}, "content": {"text", "blocks", "answer"},
	"paragraphs": {"blocks", "explanation", "answer", "synopsis"}, "q": {"question"}, "a": {"answer"},
	"answers": {"answer"}, "name": {"title", "term"}, "heading": {"title"}, "children": {"subsections"},
	"sections": {"subsections"}, "subsection": {"subsections"}, "questions": {"faq"}, "faqs": {"faq"},
	"summary": {"synopsis"}, "lang": {"language"}, "locale": {"language"}, "reading_time": {"reading_minutes"},
	"minutes": {"reading_minutes"}, "published": {"year"}, "date": {"year"}, "writer": {"author"},
	"explanations": {"explanation"}, "commentary": {"explanation"}, "analysis": {"explanation"},
	"note": {"explanation"}, "notes": {"explanation"}, "type": {"kind"}, "numbered": {"ordered"},
	"definitions": {"terms"}, "word": {"term"}, "meaning": {"definition"}, "headers": {"header"},
	"list": {"items"}, "verse": {"lines"},
}

// meant is the key of keys that name likely meant: a known synonym, a
// key differing only in case, "-" or "_", or one typo away.
func meant(name string, keys []string) string {
	has := func(k string) bool {
		for _, x := range keys {
			if x == k {
				return true
			}
		}
		return false
	}
	low := strings.ToLower(name)
	for _, s := range synonyms[low] {
		if has(s) {
			return s
		}
	}
	fold := func(s string) string {
		return strings.NewReplacer("_", "", "-", "", " ", "").Replace(strings.ToLower(s))
	}
	for _, k := range keys {
		if fold(k) == fold(name) {
			return k
		}
	}
	for _, k := range keys {
		if len(k) > 3 && oneEdit(fold(k), fold(name)) {
			return k
		}
	}
	return ""
}

// oneEdit: a and b differ by one letter inserted, left out or changed, or
// two neighbours swapped.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) == len(b) {
		var diff []int
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i)
			}
		}
		return len(diff) == 1 || len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a) != len(b)+1 {
		return false
	}
	for i := range b {
		if a[i] != b[i] {
			return a[i+1:] == b[i:]
		}
	}
	return true
}

// typeHint is the path with indexes of the value ending at offset
// ("sections[1].blocks[0].items[0]"; encoding/json says
// "sections.blocks.items") and how to write what was meant, for a value of
// the wrong kind: a paragraph given as a string where a list of them is
// wanted, a list item as a string, a year in quotes.
func typeHint(data []byte, offset int, want reflect.Type, got string) (string, string) {
	var where string
	for _, p := range valuePath(data, offset) {
		if !strings.HasPrefix(p, "[") {
			p = "." + p
		}
		where += p
	}
	where = strings.TrimPrefix(where, ".")
	for want.Kind() == reflect.Pointer {
		want = want.Elem()
	}
	switch {
	case got == "string" && want.Kind() == reflect.Slice:
		return where, `put the text in brackets, ["…"], one string a paragraph`
	case got == "string" && want.Kind() == reflect.Struct:
		if _, ok := fieldByTag(want, "text"); ok {
			return where, `write {"text": "…"}`
		}
		if _, ok := fieldByTag(want, "title"); ok {
			return where, `write {"title": "…"}`
		}
	case got == "string" && (want.Kind() >= reflect.Int && want.Kind() <= reflect.Uint64):
		return where, "write the number without quotes"
	case got == "string" && want.Kind() == reflect.Bool:
		return where, "write true or false without quotes"
	case got == "number" && want.Kind() == reflect.String:
		return where, `put it in quotes, "…"`
	case got == "number" && (want.Kind() >= reflect.Int && want.Kind() <= reflect.Uint64):
		return where, "write a whole number"
	}
	return where, ""
}

// valuePath is the JSON path ("sections", "[1]", "blocks" …) of the value
// of data that ends at offset.
func valuePath(data []byte, offset int) []string {
	w := pathWalker{dec: json.NewDecoder(bytes.NewReader(data))}
	for {
		tok, _, err := w.next()
		if err != nil {
			return nil
		}
		if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
			if int(w.dec.InputOffset()) >= offset {
				return w.path(1) // the value is the object or array opened
			}
			continue
		}
		if int(w.dec.InputOffset()) >= offset {
			return w.path(0)
		}
	}
}
