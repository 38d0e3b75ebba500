package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
)

// MarshalJSON writes empty lists as [] rather than null, so that the JSON
// form is stable and tools reading it need no null checks.
func (g Guide) MarshalJSON() ([]byte, error) {
	type plain Guide
	p := plain(g)
	p.Synopsis = nonNil(p.Synopsis)
	p.Quotes = nonNil(p.Quotes)
	p.Sections = nonNil(p.Sections)
	p.FAQ = nonNil(p.FAQ)
	p.Diagnostics = nonNil(p.Diagnostics)
	return json.Marshal(p)
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
func DecodeJSON(data []byte) (*Guide, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var g Guide
	if err := dec.Decode(&g); err != nil {
		return nil, jsonError(data, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &LineError{Line: lineAt(data, int(dec.InputOffset())), Err: errors.New("unexpected data after the JSON guide object; a file holds one guide")}
	}
	if g.Language == "" {
		g.Language = DefaultLanguage
	}
	return &g, nil
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
		return &LineError{Line: lineAt(data, int(typ.Offset)), Err: fmt.Errorf("field %q must be a JSON %s, not %s", typ.Field, typ.Type.Kind(), typ.Value)}
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return &LineError{Line: lineAt(data, len(data)), Err: errors.New("the JSON ends before the guide object is closed")}
	default:
		// Unknown fields and similar: the decoder has read the whole value
		// by now, so look for the offending key itself.
		line := lineAt(data, int(dec.InputOffset()))
		if m := unknownField.FindStringSubmatch(err.Error()); m != nil {
			if at := keyOffset(data, m[1]); at >= 0 {
				line = lineAt(data, at)
			}
		}
		return &LineError{Line: line, Err: err}
	}
}

var unknownField = regexp.MustCompile(`unknown field "((?:[^"\\]|\\.)*)"`)

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
