package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// MarshalJSON writes empty lists as [] rather than null, so that the JSON
// form is stable and tools reading it need no null checks.
// The JSON form leads with "version": CurrentVersion.
func (g Guide) MarshalJSON() ([]byte, error) {
	type plain Guide
	p := plain(g)
	p.Synopsis = nonNil(p.Synopsis)
	p.Quotes = nonNil(p.Quotes)
	p.Sections = nonNil(p.Sections)
	p.FAQ = nonNil(p.FAQ)
	p.Diagnostics = nonNil(p.Diagnostics)
	return marshalNoEscape(versioned[plain]{Version: CurrentVersion, Guide: p})
}

// versioned is the top-level JSON object: the model's fields after the
// version of the form.
type versioned[T any] struct {
	Version int `json:"version"`
	Guide   T
}

// MarshalJSON flattens the guide's fields after "version" (encoding/json
// only flattens embedded structs, and a type parameter cannot be embedded).
func (v versioned[T]) MarshalJSON() ([]byte, error) {
	body, err := marshalNoEscape(v.Guide)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf(`{"version":%d`, v.Version)
	if len(body) > 2 {
		head += ","
	}
	return append([]byte(head), body[1:]...), nil
}

// MarshalJSON writes empty lists as [] (see Guide.MarshalJSON).
func (s Section) MarshalJSON() ([]byte, error) {
	type plain Section
	p := plain(s)
	p.Blocks = nonNil(p.Blocks)
	p.Subsections = nonNil(p.Subsections)
	return json.Marshal(p)
}

// MarshalJSON writes an empty answer as [] (see Guide.MarshalJSON).
func (f FAQEntry) MarshalJSON() ([]byte, error) {
	type plain FAQEntry
	p := plain(f)
	p.Answer = nonNil(p.Answer)
	return json.Marshal(p)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// EncodeJSON writes the guide as indented JSON, the format `inspect --json`
// prints and DecodeJSON reads back.
func EncodeJSON(w io.Writer, g *Guide) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Titles such as `The <Glass> & "Iron"` must read as typed when a user
	// edits the JSON by hand.
	enc.SetEscapeHTML(false)
	return enc.Encode(g)
}

// DecodeJSON reads a guide in the JSON form of the model. Unknown keys are an
// error (a misspelt "sectons" would otherwise silently drop content), and
// syntax errors are reported with the 1-based line they occur on.
//
// Version 1 (no "version" key) and version 2 are read; both mean the same
// for what version 1 could say. Duplicate keys and lone UTF-16 surrogates
// (`"\ud800"`) are errors naming the JSON path, where encoding/json would
// silently keep the last key or print U+FFFD.
func DecodeJSON(data []byte) (*Guide, error) {
	if err := checkJSON(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	type plain Guide
	var v struct {
		Version *int `json:"version"`
		plain
	}
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(data, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &LineError{Line: lineAt(data, int(dec.InputOffset())), Err: errors.New("unexpected data after the JSON guide object; a file holds one guide")}
	}
	if v.Version != nil && (*v.Version < 1 || *v.Version > CurrentVersion) {
		line := 1
		if at := keyOffset(data, "version"); at >= 0 {
			line = lineAt(data, at)
		}
		return nil, &LineError{Line: line, Err: fmt.Errorf("version: this guidepress reads versions 1 to %d of the guide format, not %d; write %d, or upgrade guidepress", CurrentVersion, *v.Version, CurrentVersion)}
	}
	g := Guide(v.plain)
	g.canonical()
	if g.Language == "" {
		g.Language = DefaultLanguage
	}
	return &g, nil
}

// jsonKind names a Go kind as JSON does, for the person who wrote the
// file: "array", not "slice"; "whole number", not "int".
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "whole number"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "true or false"
	}
	return k.String()
}

// LineError is an input error tied to a 1-based line of the source.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

func jsonError(data []byte, dec *json.Decoder, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return &LineError{Line: lineAt(data, int(syn.Offset)), Err: fmt.Errorf("JSON syntax: %v", syn)}
	case errors.As(err, &typ):
		field := strings.TrimPrefix(typ.Field, "plain.")
		where, fix := typeHint(data, int(typ.Offset), typ.Type, typ.Value)
		if where == "" {
			where = field
		}
		msg := fmt.Sprintf("field %q must be a JSON %s, not %s", where, jsonKind(typ.Type.Kind()), typ.Value)
		if fix != "" {
			msg += ": " + fix
		}
		return &LineError{Line: lineAt(data, int(typ.Offset)), Err: errors.New(msg)}
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return &LineError{Line: lineAt(data, len(data)), Err: errors.New("the JSON ends before the guide object is closed")}
	default:
		// Unknown fields and similar: the decoder has read the whole value
		// by now, so look for the offending key itself.
		line := lineAt(data, int(dec.InputOffset()))
		if m := unknownField.FindStringSubmatch(err.Error()); m != nil {
			if l, msg, ok := unknownFieldHint(data, m[1]); ok {
				return &LineError{Line: l, Err: errors.New(msg)}
			}
			if at := keyOffset(data, m[1]); at >= 0 {
				line = lineAt(data, at)
			}
		}
		return &LineError{Line: line, Err: err}
	}
}

var unknownField = lazyre.New(`unknown field "((?:[^"\\]|\\.)*)"`)

// keyOffset finds the first place name is used as an object key in data,
// or -1.
func keyOffset(data []byte, name string) int {
	quoted, _ := json.Marshal(name)
	for from := 0; ; {
		i := bytes.Index(data[from:], quoted)
		if i < 0 {
			return -1
		}
		at := from + i
		rest := bytes.TrimLeft(data[at+len(quoted):], " \t\r\n")
		if len(rest) > 0 && rest[0] == ':' {
			return at
		}
		from = at + len(quoted)
	}
}

func lineAt(data []byte, offset int) int {
	if offset > len(data) {
		offset = len(data)
	}
	if offset < 0 {
		offset = 0
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// canonical makes the empty lists that the JSON form writes as [] nil again,
// so that a model read back from its JSON equals the model written.
func (g *Guide) canonical() {
	g.Synopsis = nilIfEmpty(g.Synopsis)
	g.Quotes = nilIfEmpty(g.Quotes)
	g.FAQ = nilIfEmpty(g.FAQ)
	g.Diagnostics = nilIfEmpty(g.Diagnostics)
	var walk func([]Section) []Section
	walk = func(ss []Section) []Section {
		for i := range ss {
			ss[i].Blocks = nilIfEmpty(ss[i].Blocks)
			ss[i].Subsections = walk(ss[i].Subsections)
		}
		return nilIfEmpty(ss)
	}
	g.Sections = walk(g.Sections)
	for i := range g.FAQ {
		g.FAQ[i].Answer = nilIfEmpty(g.FAQ[i].Answer)
	}
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
