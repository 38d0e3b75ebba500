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
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		object  bool
		wantKey bool
		index   int
		key     string
	}
	var stack []frame
	// path is the way to the object on top of the stack: the key or
	// index each frame under it is at.
	path := func() []string {
		var out []string
		for _, f := range stack[:len(stack)-1] {
			if f.object {
				out = append(out, f.key)
			} else {
				out = append(out, fmt.Sprintf("[%d]", f.index))
			}
		}
		return out
	}
	// value marks that a value ended in the frame on top.
	value := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].wantKey = true
			} else {
				stack[n-1].index++
			}
		}
	}
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return -1
		}
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{':
				stack = append(stack, frame{object: true, wantKey: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				value()
			}
			continue
		case string:
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
				stack[n-1].wantKey = false
				stack[n-1].key = tok
				if tok == name && accept(path()) {
					return int(before) + bytes.IndexByte(data[before:], '"')
				}
				continue
			}
		}
		value()
	}
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
