// Package decode turns the bytes of an input file into clean UTF-8 text with
// LF line ends, the form every guidepress importer reads.
//
// It accepts UTF-8 with or without a byte-order mark, UTF-16 and UTF-32 with a
// byte-order mark (and UTF-16 without one when the zero bytes make it plain),
// and reads bytes that are not valid UTF-8 as Windows-1252, the encoding a
// text exported on Windows usually is. Everything it repairs it reports as a
// diagnostic; input that is not text at all is an error that says so.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/guidepress/guidepress/content"
)

// Errors returned by Text; the importer adds the file name. Each message says
// what is wrong and what to do.
var (
	ErrEmpty      = errors.New("the file is empty; write the guide as plain text (title on line 1), Markdown or guidepress JSON")
	ErrBlank      = errors.New("the file holds only whitespace; write the guide as plain text (title on line 1), Markdown or guidepress JSON")
	ErrBinary     = errors.New("this is not a text file (it holds binary data); give guidepress the study guide as plain text (UTF-8), Markdown or JSON")
	ErrHTML       = errors.New("this is an HTML page, not a guide: its tags would be printed as text; save the document as plain text (.txt) or Markdown (.md), or export it so from the editor, and build that")
	ErrOddUTF16   = errors.New("the file starts with a UTF-16 byte-order mark but has an odd number of bytes, so it is truncated or not UTF-16; save it again as UTF-8")
	errUnknownBin = "this looks like %s, not a text file; give guidepress the study guide as plain text (UTF-8), Markdown or JSON"
)

// magic numbers of formats people hand to a text tool by mistake, so the
// error can name what the file is.
var magics = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (EPUB, DOCX and ODT files are ZIP archives)"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1f\x8b", "a gzip-compressed file"},
	{"{\\rtf", "an RTF document (save it as plain text)"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document"},
	{"\x7fELF", "a program (ELF executable)"},
}

// Text decodes data into UTF-8 text with LF line ends. It removes a
// byte-order mark, converts CRLF and lone CR to LF and strips control
// characters other than tab and newline; each repair that changes the text
// is reported as a diagnostic tied to the 1-based output line where it first
// happened.
func Text(data []byte) (string, []content.Diagnostic, error) {
	text, diags, err := decodeText(data)
	if err == nil && isHTML(text) {
		return "", nil, ErrHTML
	}
	return text, diags, err
}

// isHTML reports whether text is an HTML page (a document saved or
// exported "as web page"): it opens, after any blank space, with a
// doctype or an <html> tag. Read as plain text its every tag was a
// paragraph's text, and the error said only that it found no guide.
func isHTML(text string) bool {
	head := strings.TrimLeft(text[:min(len(text), 512)], " \t\n")
	head = strings.ToLower(head[:min(len(head), 14)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// decodeText is Text but for the HTML check.
func decodeText(data []byte) (string, []content.Diagnostic, error) {
	if len(data) == 0 {
		return "", nil, ErrEmpty
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", nil, fmt.Errorf(errUnknownBin, m.name)
		}
	}
	var (
		runes []rune
		diags []content.Diagnostic
		err   error
	)
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		runes, err = utf32Runes(data[4:], false)
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		runes, err = utf32Runes(data[4:], true)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		runes, err = utf16Runes(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		runes, err = utf16Runes(data[2:], true)
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if clean := data[3:]; len(clean) > 0 && !isBinary(clean) && cleanAlready(clean) {
			return checkBlank(string(clean))
		}
		runes, diags, err = utf8Runes(data[3:])
	default:
		if le, ok := bomlessUTF16(data); ok {
			runes, err = utf16Runes(data, !le)
			diags = append(diags, content.Diagnostic{Line: 0, Severity: content.Warning,
				Message: "the file is UTF-16 without a byte-order mark; read it as UTF-16, but save it as UTF-8 to be sure"})
		} else if !isBinary(data) && cleanAlready(data) {
			return checkBlank(string(data))
		} else {
			runes, diags, err = utf8Runes(data)
		}
	}
	if err != nil {
		return "", nil, err
	}
	text, cleanDiags := clean(runes)
	diags = append(diags, cleanDiags...)
	if strings.TrimSpace(text) == "" {
		if len(runes) == 0 {
			return "", nil, ErrEmpty
		}
		return "", nil, ErrBlank
	}
	return text, diags, nil
}

// utf8Runes decodes UTF-8, reading each byte that is not part of a valid
// UTF-8 sequence as Windows-1252 (a superset of Latin-1 for printable text).
// Decoding byte by byte rather than switching the whole file keeps a mostly
// UTF-8 file with one stray byte intact.
func utf8Runes(data []byte) ([]rune, []content.Diagnostic, error) {
	if isBinary(data) {
		return nil, nil, ErrBinary
	}
	runes := make([]rune, 0, len(data))
	foreign, firstLine, line := 0, 0, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			r = charmap.Windows1252.DecodeByte(data[i])
			foreign++
			if firstLine == 0 {
				firstLine = line
			}
		}
		if r == '\n' {
			line++
		}
		runes = append(runes, r)
		i += n
	}
	var diags []content.Diagnostic
	if foreign > 0 {
		if foreign*4 > len(data) {
			return nil, nil, ErrBinary
		}
		diags = append(diags, content.Diagnostic{Line: firstLine, Severity: content.Warning,
			Message: fmt.Sprintf("the file is not valid UTF-8: read %d byte(s) as Windows-1252/Latin-1; check accented letters and save the file as UTF-8", foreign)})
	}
	return runes, diags, nil
}

// checkBlank returns text (non-empty, read by the fast path) unless it is
// only whitespace.
func checkBlank(text string) (string, []content.Diagnostic, error) {
	if strings.TrimSpace(text) == "" {
		return "", nil, ErrBlank
	}
	return text, nil, nil
}

// cleanAlready reports whether data is valid UTF-8 that utf8Runes and
// clean would return unchanged and without a diagnostic: no control
// character but tab and line feed (so no CR), no C1 control, line or
// paragraph separator, U+FFFD, U+FFFE or U+FFFF, and no leading BOM. Most
// files are like this and are then taken as they are, without decoding
// them rune by rune into a slice four times their size and re-encoding it
// (the larger part of an import's time). TestCleanAlready and
// FuzzCleanAlready hold it to the slow path.
func cleanAlready(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || !utf8.Valid(data) {
		return false
	}
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c < 0x20:
			if c != '\t' && c != '\n' {
				return false
			}
		case c == 0x7F:
			return false
		case c == 0xC2: // U+0080–U+00BF: C1 controls are U+0080–U+009F
			if data[i+1] <= 0x9F {
				return false
			}
		case c == 0xE2: // U+2028, U+2029: E2 80 A8, E2 80 A9
			if data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9) {
				return false
			}
		case c == 0xEF: // U+FFFD, U+FFFE, U+FFFF: EF BF BD..BF
			if data[i+1] == 0xBF && data[i+2] >= 0xBD {
				return false
			}
		}
	}
	return true
}

// isBinary applies the test git and file(1) use: text has no NUL runs and
// few control bytes. A stray NUL or two in otherwise plain text is repaired
// later, not rejected.
func isBinary(data []byte) bool {
	if bytes.Contains(data, []byte{0, 0}) {
		return true
	}
	ctl := 0
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' {
			ctl++
		} else if b == 0x7F {
			ctl++
		}
	}
	// More than one control byte in twenty is not text in any human language.
	return ctl > 8 && ctl*20 > len(data)
}

func utf16Runes(data []byte, bigEndian bool) ([]rune, error) {
	if len(data)%2 != 0 {
		return nil, ErrOddUTF16
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	runes := utf16.Decode(units)
	if binaryRunes(runes) {
		return nil, ErrBinary
	}
	return runes, nil
}

func utf32Runes(data []byte, bigEndian bool) ([]rune, error) {
	if len(data)%4 != 0 {
		return nil, errors.New("the file starts with a UTF-32 byte-order mark but its length is not a multiple of 4; save it again as UTF-8")
	}
	runes := make([]rune, 0, len(data)/4)
	for i := 0; i < len(data); i += 4 {
		var u uint32
		if bigEndian {
			u = uint32(data[i])<<24 | uint32(data[i+1])<<16 | uint32(data[i+2])<<8 | uint32(data[i+3])
		} else {
			u = uint32(data[i+3])<<24 | uint32(data[i+2])<<16 | uint32(data[i+1])<<8 | uint32(data[i])
		}
		r := rune(u)
		if u > unicode.MaxRune || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		runes = append(runes, r)
	}
	if binaryRunes(runes) {
		return nil, ErrBinary
	}
	return runes, nil
}

// binaryRunes is isBinary for text already decoded from UTF-16 or UTF-32.
func binaryRunes(runes []rune) bool {
	ctl, nul := 0, 0
	for _, r := range runes {
		switch {
		case r == 0:
			nul++
			ctl++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f':
			ctl++
		}
	}
	return nul > 1 || (ctl > 8 && ctl*20 > len(runes))
}

// bomlessUTF16 recognises UTF-16 without a byte-order mark by its zero
// bytes: in mostly-ASCII text every other byte is zero.
func bomlessUTF16(data []byte) (littleEndian, ok bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return false, false
	}
	n := len(data)
	if n > 4096 {
		n = 4096
	}
	evenZero, oddZero := 0, 0
	for i := 0; i+1 < n; i += 2 {
		if data[i] == 0 {
			evenZero++
		}
		if data[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	switch {
	case oddZero*10 >= pairs*9 && evenZero == 0:
		return true, true
	case evenZero*10 >= pairs*9 && oddZero == 0:
		return false, true
	}
	return false, false
}

// clean normalises line ends and removes characters no e-book or PDF can
// show, reporting what it removed.
func clean(runes []rune) (string, []content.Diagnostic) {
	var b strings.Builder
	b.Grow(len(runes))
	line := 1
	stripped, strippedLine := 0, 0
	replaced, replacedLine := 0, 0
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r == '\r':
			if i+1 < len(runes) && runes[i+1] == '\n' {
				continue
			}
			r = '\n'
		case r == '\f' || r == '\v' || r == 0x2028 || r == 0x2029 || r == 0x85:
			// Page and line separators end a line.
			r = '\n'
		case r == 0xFEFF && i == 0:
			continue // a BOM inside the decoded text (double-encoded file)
		case r == '\t' || r == '\n':
		case unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF:
			stripped++
			if strippedLine == 0 {
				strippedLine = line
			}
			continue
		case r == utf8.RuneError:
			replaced++
			if replacedLine == 0 {
				replacedLine = line
			}
		}
		if r == '\n' {
			line++
		}
		b.WriteRune(r)
	}
	var diags []content.Diagnostic
	if stripped > 0 {
		diags = append(diags, content.Diagnostic{Line: strippedLine, Severity: content.Warning,
			Message: fmt.Sprintf("removed %d control character(s) that no e-book or PDF can show; check the text around them", stripped)})
	}
	if replaced > 0 {
		diags = append(diags, content.Diagnostic{Line: replacedLine, Severity: content.Warning,
			Message: fmt.Sprintf(damagePrefix+"%d replacement character(s) (U+FFFD): it was damaged before guidepress read it; restore the missing letters from the original", replaced)})
	}
	return b.String(), diags
}

const damagePrefix = "the text holds "

// IsDamageReport reports whether d is Text's warning about replacement
// characters (U+FFFD) already present in the input. A JSON guide carries
// the diagnostics of its first reading, damage included, so the importer
// does not report it a second time, with different counts and lines.
func IsDamageReport(d content.Diagnostic) bool {
	return strings.HasPrefix(d.Message, damagePrefix)
}
