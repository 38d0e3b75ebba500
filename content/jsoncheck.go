package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// checkJSON walks the JSON tokens once for what encoding/json accepts
// silently: a key given twice in one object (the last would win, or two
// "book" objects would be merged) and a lone UTF-16 surrogate escape (it
// would become U+FFFD). Syntax errors are left to the decoder, which reports
// them with their line.
func checkJSON(data []byte) error {
	w := jsonWalker{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
	w.dec.UseNumber()
	err := w.value()
	if err == errSyntax {
		return nil
	}
	return err
}

// errSyntax stops the walk; DecodeJSON reports the syntax error itself.
var errSyntax = fmt.Errorf("syntax")

type jsonWalker struct {
	dec  *json.Decoder
	data []byte
	path []string // path elements: ".key" or "[i]"
	last int64    // input offset after the previous token

	// PathLine's search: the path looked for, and the offset and length
	// of the longest path found that is it or holds it (-1: none yet).
	target      string
	best, found int
}

// PathLine is the 1-based line of data, a JSON guide DecodeJSON has read,
// where the field at path is (Validate's form of a path:
// "sections[0].blocks[1].kind"), or where the nearest field holding it
// is; 0 when neither is there. Validate names a field by its path; for a
// file, a line is what an editor goes to.
func PathLine(data []byte, path string) int {
	w := jsonWalker{dec: json.NewDecoder(bytes.NewReader(data)), data: data, target: path, best: -1}
	w.dec.UseNumber()
	w.value()
	if w.best < 0 {
		return 0
	}
	return lineAt(data, w.best)
}

// mark notes, for PathLine, that the token just read is where the
// current path is.
func (w *jsonWalker) mark() {
	if w.target == "" || len(w.path) == 0 {
		return
	}
	p := strings.TrimPrefix(strings.Join(w.path, ""), ".")
	if len(p) <= w.found || !strings.HasPrefix(w.target, p) {
		return
	}
	if len(p) == len(w.target) || w.target[len(p)] == '.' || w.target[len(p)] == '[' {
		w.best, w.found = int(w.last)-1, len(p)
	}
}

func (w *jsonWalker) token() (json.Token, []byte, error) {
	tok, err := w.dec.Token()
	if err != nil {
		return nil, nil, errSyntax
	}
	end := w.dec.InputOffset()
	raw := w.data[w.last:end]
	w.last = end
	return tok, raw, nil
}

func (w *jsonWalker) where() string {
	p := strings.TrimPrefix(strings.Join(w.path, ""), ".")
	if p == "" {
		return "the top level"
	}
	return p
}

func (w *jsonWalker) fail(format string, args ...any) error {
	return &LineError{Line: lineAt(w.data, int(w.last)), Err: fmt.Errorf(format, args...)}
}

func (w *jsonWalker) value() error {
	tok, raw, err := w.token()
	if err != nil {
		return err
	}
	w.mark() // an array's item: where its value starts
	return w.rest(tok, raw)
}

// rest checks the value that starts with tok.
func (w *jsonWalker) rest(tok json.Token, raw []byte) error {
	switch t := tok.(type) {
	case string:
		if lone := loneSurrogate(raw); lone != "" {
			return w.fail("%s: the escape %s is half of a UTF-16 surrogate pair and stands for no character; remove it or give the whole pair", w.where(), lone)
		}
	case json.Delim:
		switch t {
		case '{':
			seen := map[string]bool{}
			for w.dec.More() {
				ktok, kraw, err := w.token()
				if err != nil {
					return err
				}
				key, _ := ktok.(string)
				if lone := loneSurrogate(kraw); lone != "" {
					return w.fail("%s: a key holds the escape %s, half of a UTF-16 surrogate pair; remove it", w.where(), lone)
				}
				w.path = append(w.path, "."+key)
				w.mark() // an object's field: its key
				if seen[key] {
					return w.fail("%s: the key %q is given twice in one object; keep one (JSON readers disagree on which would win)", w.where(), key)
				}
				seen[key] = true
				if err := w.value(); err != nil {
					return err
				}
				w.path = w.path[:len(w.path)-1]
			}
			_, _, err := w.token()
			return err
		case '[':
			for i := 0; w.dec.More(); i++ {
				w.path = append(w.path, "["+strconv.Itoa(i)+"]")
				if err := w.value(); err != nil {
					return err
				}
				w.path = w.path[:len(w.path)-1]
			}
			_, _, err := w.token()
			return err
		}
	}
	return nil
}

// loneSurrogate returns the first \uD800–\uDFFF escape in raw JSON text that
// is not a high surrogate directly followed by a low one, or "".
func loneSurrogate(raw []byte) string {
	for i := 0; i+6 <= len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		if raw[i+1] != 'u' {
			i++ // skip the escaped character (it may be a backslash)
			continue
		}
		r, ok := hex4(raw[i+2 : i+6])
		if !ok {
			continue
		}
		switch {
		case r >= 0xD800 && r <= 0xDBFF:
			if i+12 <= len(raw) && raw[i+6] == '\\' && raw[i+7] == 'u' {
				if lo, ok := hex4(raw[i+8 : i+12]); ok && lo >= 0xDC00 && lo <= 0xDFFF {
					i += 11
					continue
				}
			}
			return string(raw[i : i+6])
		case r >= 0xDC00 && r <= 0xDFFF:
			return string(raw[i : i+6])
		}
		i += 5
	}
	return ""
}

func hex4(b []byte) (rune, bool) {
	n, err := strconv.ParseUint(string(b), 16, 32)
	return rune(n), err == nil
}
