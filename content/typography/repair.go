// Package typography repairs encoding damage in imported text and sets
// straight punctuation as typographers do (curly quotes, apostrophes, dashes,
// ellipses).
//
// Repair works line by line so that every kind of damage can be reported
// once, with how often it occurred and the first line it occurred on; Smart
// works on one finished paragraph at a time.
package typography

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/guidepress/guidepress/content"
)

// Repairs collects the repairs made to the lines of one file.
type Repairs struct {
	kinds map[string]*kind
	order []string
}

type kind struct {
	count, first int
	msg          string
}

// NewRepairs starts an empty record.
func NewRepairs() *Repairs { return &Repairs{kinds: map[string]*kind{}} }

func (r *Repairs) note(key string, line, n int, msg string) {
	k := r.kinds[key]
	if k == nil {
		k = &kind{first: line, msg: msg}
		r.kinds[key] = k
		r.order = append(r.order, key)
	}
	k.count += n
}

// Line returns line (1-based number n) with encoding damage repaired:
//
//   - U+301E 〞 (a CJK closing double prime quotation mark), which a
//     broken converter leaves where an em dash belongs, becomes —, unless
//     the line pairs it with its opening mark 〝;
//   - mojibake, UTF-8 text that was once read as Windows-1252 (â€™ for ’,
//     Ã© for é, â€” for —), becomes the characters meant;
//   - a byte-order mark read the same way (ï»¿) is removed.
func (r *Repairs) Line(n int, line string) string {
	if strings.ContainsRune(line, '〞') && !strings.ContainsRune(line, '〝') {
		c := strings.Count(line, "〞")
		line = strings.ReplaceAll(line, "〞", "—")
		// The message names the character by code point only, so that no
		// 〞 survives anywhere in the model.
		r.note("U+301E", n, c, "replaced %d × U+301E (CJK closing quotation mark), left where an em dash belongs by a broken conversion, with — (first on line %d)")
	}
	if hasMojibakeLead(line) {
		line = r.mojibake(n, line)
	}
	return line
}

// Diagnostics reports each kind of repair once, in the order first seen.
func (r *Repairs) Diagnostics() []content.Diagnostic {
	var out []content.Diagnostic
	for _, key := range r.order {
		k := r.kinds[key]
		out = append(out, content.Diagnostic{Line: k.first, Severity: content.Warning, Message: fmt.Sprintf(k.msg, k.count, k.first)})
	}
	return out
}

// cp1252 maps the characters Windows-1252 shows for the bytes 0x80–0xFF back
// to those bytes.
var cp1252 = func() map[rune]byte {
	m := make(map[rune]byte, 128)
	for b := 0x80; b <= 0xFF; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r != utf8.RuneError {
			m[r] = byte(b)
		}
	}
	return m
}()

// hasMojibakeLead is a fast filter: mojibake starts with the Windows-1252
// image of a UTF-8 lead byte (0xC2–0xF4, shown as Â…ô).
func hasMojibakeLead(s string) bool {
	for _, r := range s {
		if r >= 0xC2 && r <= 0xF4 {
			return true
		}
	}
	return false
}

func (r *Repairs) mojibake(n int, line string) string {
	rs := []rune(line)
	var b strings.Builder
	changed := false
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if c < 0xC2 || c > 0xF4 {
			b.WriteRune(c)
			continue
		}
		lead := byte(c)
		need := 1
		switch {
		case lead >= 0xF0:
			need = 3
		case lead >= 0xE0:
			need = 2
		}
		buf := []byte{lead}
		for j := 1; j <= need && i+j < len(rs); j++ {
			cb, ok := cp1252[rs[i+j]]
			if !ok || cb < 0x80 || cb > 0xBF {
				break
			}
			buf = append(buf, cb)
		}
		if len(buf) == need+1 {
			if dec, size := utf8.DecodeRune(buf); dec != utf8.RuneError && size == len(buf) && (dec == 0xFEFF || unicode.IsGraphic(dec)) {
				from := string(rs[i : i+need+1])
				if dec == 0xFEFF {
					r.note("mojibake BOM", n, 1, "removed %d byte-order mark(s) read as text (ï»¿) (first on line %d)")
				} else {
					r.note("mojibake "+from, n, 1, fmt.Sprintf("replaced %%d × %q, UTF-8 once read as Windows-1252, with %q (first on line %%d)", from, string(dec)))
					b.WriteRune(dec)
				}
				i += need
				changed = true
				continue
			}
		}
		// â€ followed by something that is not a continuation is a right
		// double quotation mark (E2 80 9D) whose last byte, undefined in
		// Windows-1252, was lost.
		if c == 'â' && i+1 < len(rs) && rs[i+1] == '€' && (i+2 == len(rs) || !isCont(rs[i+2])) {
			r.note("mojibake â€", n, 1, "replaced %d × \"â€\", a right quotation mark once read as Windows-1252, with \"”\" (first on line %d)")
			b.WriteRune('”')
			i++
			changed = true
			continue
		}
		b.WriteRune(c)
	}
	if !changed {
		return line
	}
	return b.String()
}

func isCont(r rune) bool {
	cb, ok := cp1252[r]
	return ok && cb >= 0x80 && cb <= 0xBF
}
