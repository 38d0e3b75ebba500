// Package importer is the one entry point that turns the bytes of an input
// file into a validated content.Guide. It detects the format by content,
// not by file extension: guidepress JSON (as `inspect --json` prints it) or
// a plain-text study guide.
//
//	bytes ─▶ decode.Text ─▶ JSON? content.DecodeJSON : plaintext.Parse (+ typography) ─▶ Validate
package importer

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/guidepress/guidepress/internal/lazyre"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/decode"
	"github.com/guidepress/guidepress/content/markdown"
	"github.com/guidepress/guidepress/content/plaintext"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/stackgrow"
)

// DefaultMaxBytes is the largest input Load reads when Options.MaxBytes is
// 0. Real study guides are tens of kilobytes; the limit keeps a mistaken
// argument (a disk image, a log) from eating memory.
const DefaultMaxBytes int64 = 4 << 20

// Options change how an input is read.
type Options struct {
	// Language is the BCP 47 tag of a plain-text guide; "" means
	// content.DefaultLanguage. A JSON guide keeps its own "language".
	Language string
	// NoSmart keeps straight quotes, "--" and "..." as typed in a
	// plain-text guide (the CLI's --no-smart).
	NoSmart bool
	// MaxBytes is the largest input accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Format forces the input format: FormatText, FormatMarkdown or
	// FormatJSON; "" detects it (see Detect).
	Format string
}

// The input formats Options.Format accepts.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatJSON     = "json"
)

// Formats lists the input formats, for messages.
var Formats = []string{FormatText, FormatMarkdown, FormatJSON}

// errPanic marks an *Error made from a recovered panic (a bug, never the
// user's fault); fuzz tests look for it.
var errPanic = errors.New("importer panic")

// Error is an input error tied to a file and, when known, a 1-based line.
// Msg says what is wrong and what to do about it.
type Error struct {
	File string
	Line int
	Msg  string
	Err  error // the underlying error, if any, for errors.Is/As
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

var warm sync.Once

// Warm starts, on a goroutine of its own and once a process, the readers'
// one-time work that every plain-text or Markdown guide's import would
// otherwise do in turn, on the way to its formats: the known section
// names (vocab.Prepare). A build calls it before it reads its first
// guide, while the other core is idle (the command line parsed, the heap
// reserved).
func Warm() {
	warm.Do(func() {
		go func() {
			stackgrow.To16K()
			vocab.Prepare()
		}()
	})
}

// Load reads one input. name is used only in messages (it is usually the
// path given on the command line). The returned guide has passed Validate
// and carries the diagnostics of every stage; any failure is an *Error.
func Load(name string, data []byte, opts Options) (g *content.Guide, err error) {
	defer func() {
		// A bug in an importer must not take down a batch of hundreds of
		// guides; report it against the file instead.
		if r := recover(); r != nil {
			g, err = nil, &Error{File: name, Msg: fmt.Sprintf("internal error while reading this file (%v); please report it with the file attached", r), Err: errPanic}
		}
	}()
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(data)) > limit {
		return nil, &Error{File: name, Msg: fmt.Sprintf("the file is %s, more than the %s limit; if it really is one study guide, raise the limit with --max-size", size(int64(len(data))), size(limit))}
	}
	text, diags, err := decode.Text(data)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error(), Err: err}
	}
	format, why := Detect(name, text)
	if opts.Format != "" {
		format, why = opts.Format, ""
	}
	switch format {
	case FormatJSON:
		g, err = loadJSON(name, text)
		diags = slices.DeleteFunc(diags, decode.IsDamageReport)
	case FormatMarkdown:
		g, err = loadMarkdown(name, text, opts)
		if err == nil && why != "" {
			g.Diagnostics = append([]content.Diagnostic{{Severity: content.Info, Message: why}}, g.Diagnostics...)
		}
	default:
		// The reader's expressions are compiled on another core as it
		// reads (once a process).
		lazyre.Warm()
		g, err = loadText(name, text, opts)
	}
	if err != nil {
		return nil, err
	}
	g.Diagnostics = merge(diags, g.Diagnostics)
	if err := g.Validate(); err != nil {
		e := &Error{File: name, Msg: fmt.Sprintf("the guide is not valid: %s; fix the field(s) named and build again", oneLine(err)), Err: err}
		if format == FormatJSON {
			// The first field named, by its line: "sections[0].blocks[0].kind: must be …".
			first, _, _ := strings.Cut(err.Error(), "\n")
			if path, _, ok := strings.Cut(first, ": "); ok {
				e.Line = content.PathLine([]byte(text), path)
			}
		}
		return nil, e
	}
	return g, nil
}

// IsJSON reports whether decoded text is a JSON guide: its first non-space
// character opens an object.
func IsJSON(text string) bool {
	return strings.HasPrefix(strings.TrimLeft(text, " \t\n\uFEFF"), "{")
}

// Detect says which format decoded text is in: JSON when it opens an
// object; Markdown when the name ends in .md or .markdown, or when the text
// is clearly Markdown (front matter, or several "#" headings with other
// Markdown syntax) — then why says so, for an info diagnostic; plain text
// otherwise.
func Detect(name, text string) (format, why string) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case ext == ".md" || ext == ".markdown":
		return FormatMarkdown, ""
	case IsJSON(text):
		return FormatJSON, ""
	}
	if reason := markdown.Looks(text); reason != "" {
		return FormatMarkdown, "read as Markdown: " + reason + "; use --input-format text to read it as plain text"
	}
	return FormatText, ""
}

func loadMarkdown(name, text string, opts Options) (*content.Guide, error) {
	g, err := markdown.Parse(text, markdown.Options{Language: opts.Language, NoSmart: opts.NoSmart})
	if err != nil {
		var le *content.LineError
		if errors.As(err, &le) {
			return nil, &Error{File: name, Line: le.Line, Msg: le.Err.Error(), Err: err}
		}
		return nil, &Error{File: name, Msg: err.Error(), Err: err}
	}
	return g, nil
}

func loadJSON(name, text string) (*content.Guide, error) {
	g, err := content.DecodeJSON([]byte(text))
	if err != nil {
		var le *content.LineError
		if errors.As(err, &le) {
			return nil, &Error{File: name, Line: le.Line, Msg: le.Err.Error() + "; fix the JSON (`guidepress inspect --json` shows the expected form) and build again", Err: err}
		}
		return nil, &Error{File: name, Msg: err.Error(), Err: err}
	}
	return g, nil
}

func loadText(name, text string, opts Options) (*content.Guide, error) {
	g, err := plaintext.Parse(text, plaintext.Options{Language: opts.Language, NoSmart: opts.NoSmart})
	if err != nil {
		var le *content.LineError
		if errors.As(err, &le) {
			return nil, &Error{File: name, Line: le.Line, Msg: le.Err.Error(), Err: err}
		}
		return nil, &Error{File: name, Msg: err.Error(), Err: err}
	}
	return g, nil
}

// merge puts the decoder's diagnostics before the importer's, leaving out
// any the input already carries: a JSON guide saved by `inspect --json`
// holds the diagnostics of its first reading, and loading it again must not
// repeat them.
func merge(decoded, parsed []content.Diagnostic) []content.Diagnostic {
	out := make([]content.Diagnostic, 0, len(decoded)+len(parsed))
	for _, d := range decoded {
		// Compared without the line: the JSON's lines are not the lines
		// of the file it was first read from.
		if !slices.ContainsFunc(parsed, func(p content.Diagnostic) bool { return p.Severity == d.Severity && p.Message == d.Message }) {
			out = append(out, d)
		}
	}
	return append(out, parsed...)
}

func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// isSpace reports bytes JSON treats as whitespace (for callers sniffing raw
// bytes before decoding).
func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// SniffJSON reports whether raw input bytes hold a JSON guide: after an
// optional UTF-8 byte-order mark, the first non-space byte is "{". Load
// decides the same way after decoding, so UTF-16 JSON is also recognised
// there.
func SniffJSON(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	for _, b := range data {
		if !isSpace(b) {
			return b == '{'
		}
	}
	return false
}
