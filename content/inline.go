package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Span is a run of text in one style. Its Text is always literal: a `*`, `<`
// or `&` typed by a guide's author is a character to print, never markup.
// Writers escape it for their format; styling lives only in the flags.
type Span struct {
	Text   string `json:"text"`
	Em     bool   `json:"em,omitempty"`
	Strong bool   `json:"strong,omitempty"`
	// Code marks text typed as code (a Markdown code span or block): its
	// characters are kept exactly as typed, so smart punctuation leaves
	// its quotes and dashes straight ('`--verbose`', '`"as is"`'), and
	// writers set it in a code face where they have one (EPUB <code>).
	Code bool `json:"code,omitempty"`
	// Href makes the span a link. Only http, https and mailto URLs are
	// accepted by Validate (a javascript: or file: link has no place in a
	// study guide).
	Href string `json:"href,omitempty"`
}

// Text is inline text: a sequence of styled spans. Most text is one plain
// span, and its JSON form is then simply a string, so that hand-edited JSON
// stays readable; styled text is an array of strings (plain runs) and
// objects ({"text": "Gatsby", "em": true}).
//
// Consumers that need plain text (EPUB navigation, PDF bookmarks, metadata,
// readable inspect) call Plain.
type Text []Span

// Plain makes unstyled text; the empty string gives nil.
func Plain(s string) Text {
	if s == "" {
		return nil
	}
	return Text{{Text: s}}
}

// Plains makes one unstyled Text per string, for paragraph lists.
func Plains(ss ...string) []Text {
	if ss == nil {
		return nil
	}
	out := make([]Text, len(ss))
	for i, s := range ss {
		out[i] = Plain(s)
	}
	return out
}

// Plain is the text without its styling.
func (t Text) Plain() string {
	switch len(t) {
	case 0:
		return ""
	case 1:
		return t[0].Text
	}
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s.Text)
	}
	return b.String()
}

// String is Plain, so that %s and %q print the words.
func (t Text) String() string { return t.Plain() }

// IsPlain reports whether no span carries a style or a link.
func (t Text) IsPlain() bool {
	for _, s := range t {
		if s.Em || s.Strong || s.Code || s.Href != "" {
			return false
		}
	}
	return true
}

// sameStyle reports whether two spans can be one.
func (s Span) sameStyle(o Span) bool {
	return s.Em == o.Em && s.Strong == o.Strong && s.Code == o.Code && s.Href == o.Href
}

// Normalize drops empty spans and merges neighbours of the same style, so
// that two Texts that print the same compare equal.
func (t Text) Normalize() Text {
	var out Text
	for _, s := range t {
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].sameStyle(s) {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

// Map returns the text with f applied to each span's text (typography,
// whitespace clean-up). Styles and links are kept.
func (t Text) Map(f func(string) string) Text {
	if t == nil {
		return nil
	}
	out := make(Text, len(t))
	for i, s := range t {
		s.Text = f(s.Text)
		out[i] = s
	}
	return out
}

// TrimSpace trims white space from both ends of the text.
func (t Text) TrimSpace() Text {
	t = t.Normalize()
	for len(t) > 0 {
		t[0].Text = strings.TrimLeft(t[0].Text, " \t\n")
		if t[0].Text != "" {
			break
		}
		t = t[1:]
	}
	for len(t) > 0 {
		n := len(t) - 1
		t[n].Text = strings.TrimRight(t[n].Text, " \t\n")
		if t[n].Text != "" {
			break
		}
		t = t[:n]
	}
	if len(t) == 0 {
		return nil
	}
	return t
}

// MarshalJSON writes plain text as a string and styled text as an array of
// strings and span objects.
func (t Text) MarshalJSON() ([]byte, error) {
	t = t.Normalize()
	if t.IsPlain() {
		return marshalString(t.Plain())
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for i, s := range t {
		if i > 0 {
			b.WriteByte(',')
		}
		var item []byte
		var err error
		if !s.Em && !s.Strong && !s.Code && s.Href == "" {
			item, err = marshalString(s.Text)
		} else {
			type plain Span
			item, err = marshalNoEscape(plain(s))
		}
		if err != nil {
			return nil, err
		}
		b.Write(item)
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

func marshalString(s string) ([]byte, error) { return marshalNoEscape(s) }

// marshalNoEscape is json.Marshal without the HTML escaping of <, > and &:
// the JSON form is for people to read and edit.
func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// UnmarshalJSON reads a string or an array of strings and span objects.
// Unknown keys in a span object are an error, as everywhere in the model.
func (t *Text) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || string(data) == "null" {
		*t = nil
		return nil
	}
	switch data[0] {
	case '"':
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*t = Plain(s)
		return nil
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return err
		}
		out := make(Text, 0, len(items))
		for i, raw := range items {
			raw = bytes.TrimSpace(raw)
			if len(raw) > 0 && raw[0] == '"' {
				var s string
				if err := json.Unmarshal(raw, &s); err != nil {
					return err
				}
				out = append(out, Span{Text: s})
				continue
			}
			if len(raw) == 0 || raw[0] != '{' {
				return fmt.Errorf("inline text item %d must be a string or an object such as {\"text\": \"…\", \"em\": true}", i)
			}
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			type plain Span
			var s plain
			if err := dec.Decode(&s); err != nil {
				return fmt.Errorf("inline text item %d: %v (a span has the keys text, em, strong, code and href)", i, err)
			}
			out = append(out, Span(s))
		}
		*t = out
		return nil
	}
	return errors.New(`inline text must be a JSON string or an array of strings and {"text": …} objects`)
}

// PlainAll is the plain text of each of ts.
func PlainAll(ts []Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Plain()
	}
	return out
}
