package epub

import (
	"bytes"
	"encoding/xml"
	"io"
	"unicode/utf8"
)

// wellFormed reports whether b is well-formed XML as encoding/xml's
// strict Decoder reads it (every token, elements closed in order).
//
// Build checks every XML file of the book this way before returning it,
// and encoding/xml, which makes a string or slice for every name,
// attribute and run of text, took about a tenth of an EPUB's CPU time
// (1 ms for the seed). quickWellFormed reads the documents as the
// builder writes them in one pass without allocating; what it cannot
// vouch for (a construct it does not know, or an error) is decided by
// encoding/xml, which gives the error. So quickWellFormed may only say
// yes where encoding/xml does (FuzzQuickWellFormed compares them).
func wellFormed(b []byte) error {
	if quickWellFormed(b) {
		return nil
	}
	return xmlWellFormed(b)
}

// xmlWellFormed is encoding/xml's strict verdict on b.
func xmlWellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// quickWellFormed accepts the XML the builder writes: the declaration
// <?xml version="1.0" encoding="UTF-8"?>, <!DOCTYPE html>, comments,
// elements whose names are ASCII, quoted attributes, text of valid
// UTF-8 XML characters, the five predefined entities and character
// references. It rejects everything else, well-formed or not (CDATA,
// other declarations and processing instructions, non-ASCII names), for
// wellFormed to hand to encoding/xml.
func quickWellFormed(b []byte) bool {
	var stack [64][]byte // open elements' names; deeper documents go to encoding/xml
	depth := 0
	i := 0
	for i < len(b) {
		if b[i] != '<' {
			j, ok := text(b, i, -1)
			if !ok {
				return false
			}
			i = j
			continue
		}
		i++
		if i >= len(b) {
			return false
		}
		switch b[i] {
		case '/':
			name, j, ok := xmlName(b, i+1)
			if !ok || depth == 0 || !bytes.Equal(name, stack[depth-1]) {
				return false
			}
			depth--
			j = space(b, j)
			if j >= len(b) || b[j] != '>' {
				return false
			}
			i = j + 1
		case '?':
			const decl = `?xml version="1.0" encoding="UTF-8"?>`
			if !bytes.HasPrefix(b[i:], []byte(decl)) {
				return false
			}
			i += len(decl)
		case '!':
			const doctype = `!DOCTYPE html>`
			switch {
			case bytes.HasPrefix(b[i:], []byte(doctype)):
				i += len(doctype)
			case bytes.HasPrefix(b[i:], []byte("!--")):
				// encoding/xml ends a comment at its first "--", which
				// must be followed by '>'.
				rest := b[i+3:]
				k := bytes.Index(rest, []byte("--"))
				if k < 0 || k+2 >= len(rest) || rest[k+2] != '>' {
					return false
				}
				i += 3 + k + 3
			default:
				return false
			}
		default:
			name, j, ok := xmlName(b, i)
			if !ok || depth == len(stack) {
				return false
			}
			for {
				j = space(b, j)
				if j >= len(b) {
					return false
				}
				if b[j] == '/' {
					if j+1 >= len(b) || b[j+1] != '>' {
						return false
					}
					j += 2
					break
				}
				if b[j] == '>' {
					stack[depth] = name
					depth++
					j++
					break
				}
				if _, j, ok = xmlName(b, j); !ok {
					return false
				}
				j = space(b, j)
				if j >= len(b) || b[j] != '=' {
					return false
				}
				j = space(b, j+1)
				if j >= len(b) || (b[j] != '"' && b[j] != '\'') {
					return false
				}
				if j, ok = text(b, j+1, int(b[j])); !ok {
					return false
				}
			}
			i = j
		}
	}
	return depth == 0
}

// space skips encoding/xml's white space from b[i].
func space(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	return i
}

func nameStart(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':'
}

func nameByte(c byte) bool {
	return nameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-'
}

// xmlName reads an ASCII name at b[i] with at most one colon, as
// encoding/xml's names (a byte from U+0080 up ends it here, unread).
func xmlName(b []byte, i int) (name []byte, end int, ok bool) {
	j := i
	colons := 0
	for j < len(b) {
		// A table lookup a byte, and the colon apart: nameByte's
		// comparisons a byte were the self-check's largest cost of its
		// own (callgrind, one-line sections: 3.5% of an EPUB build).
		if c := b[j]; !nameNoColon[c] {
			if c != ':' {
				break
			}
			colons++
		}
		j++
	}
	if j == i || !nameStart(b[i]) || colons > 1 || (j < len(b) && b[j] >= utf8.RuneSelf) {
		return nil, 0, false
	}
	return b[i:j], j, true
}

// nameNoColon marks the bytes nameByte accepts but the colon.
var nameNoColon = func() (t [256]bool) {
	for c := range 256 {
		t[c] = nameByte(byte(c)) && c != ':'
	}
	return t
}()

// text reads character data from b[i]: up to the next '<' (quote < 0),
// or up to and past the closing quote of an attribute value, in which
// '<' may not appear. It accepts valid UTF-8 in XML's character range,
// the five predefined entities and character references to characters
// in that range; not "]]>" in text.
func text(b []byte, i int, quote int) (end int, ok bool) {
	for i < len(b) {
		// Most of a document's text is plain ASCII, skipped a table
		// lookup a byte rather than through the cases below (seed: the
		// self-check's character data, ~100 KB, 1.53 M instructions).
		for i < len(b) && plainText[b[i]] {
			i++
		}
		if i == len(b) {
			break
		}
		c := b[i]
		switch {
		case c == '<':
			if quote >= 0 {
				return 0, false
			}
			return i, true
		case quote >= 0 && c == byte(quote):
			return i + 1, true
		case c == '&':
			j, ok := reference(b, i+1)
			if !ok {
				return 0, false
			}
			i = j
		case c == ']':
			if quote < 0 && i+2 < len(b) && b[i+1] == ']' && b[i+2] == '>' {
				return 0, false
			}
			i++
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return 0, false
			}
			i++
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 || !inCharRange(r) {
				return 0, false
			}
			i += n
		}
	}
	return i, quote < 0 // an attribute value must be closed
}

// plainText marks the bytes text passes over without a check: ASCII
// from space up, tab, newline and carriage return, less '<', '&', ']'
// and the quotes (which end an attribute value).
var plainText = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	t['\t'], t['\n'], t['\r'] = true, true, true
	for _, c := range []byte{'<', '&', ']', '"', '\''} {
		t[c] = false
	}
	return t
}()

// reference reads an entity or character reference after its '&'.
func reference(b []byte, i int) (end int, ok bool) {
	for _, e := range [...]string{"amp;", "lt;", "gt;", "quot;", "apos;"} {
		if bytes.HasPrefix(b[i:], []byte(e)) {
			return i + len(e), true
		}
	}
	if i >= len(b) || b[i] != '#' {
		return 0, false
	}
	i++
	base := rune(10)
	if i < len(b) && b[i] == 'x' {
		base = 16
		i++
	}
	var r rune
	digits := 0
	for ; i < len(b) && digits < 7; i++ {
		c := b[i]
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			if c != ';' || digits == 0 || !inCharRange(r) {
				return 0, false
			}
			return i + 1, true
		}
		r = r*base + d
		digits++
	}
	return 0, false
}

// inCharRange is XML 1.0's Char production, as encoding/xml checks it.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
