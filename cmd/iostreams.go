package cmd

import (
	"io"
	"os"

	"github.com/guidepress/guidepress/internal/termsafe"
	"golang.org/x/term"
)

// IOStreams are the streams a command reads and writes, injected so that
// tests run commands against buffers, as in the GitHub CLI. ErrIsTerminal
// decides whether progress bars are drawn: never into a pipe or a log.
type IOStreams struct {
	In            io.Reader
	Out           io.Writer
	Err           io.Writer
	ErrIsTerminal bool

	// rawErr is Err before safe wrapped it: the progress bar's own
	// carriage returns and escapes go there, and nothing else.
	rawErr io.Writer
}

// System returns the process's own streams.
func System() *IOStreams {
	return &IOStreams{
		In:            os.Stdin,
		Out:           os.Stdout,
		Err:           os.Stderr,
		ErrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())) && os.Getenv("TERM") != "dumb",
	}
}

// safe returns the streams with every message to Err passed through
// termsafe: file names, titles and diagnostic messages come from files
// that may be hostile, and a terminal must show an escape sequence in them
// rather than obey it. Line feeds and tabs pass. Out is left as it is: it
// carries JSON (which escapes control characters itself) and outlines,
// which inspect escapes.
func (s *IOStreams) safe() *IOStreams {
	if s.rawErr != nil {
		return s
	}
	c := *s
	c.rawErr = s.Err
	c.Err = termsafe.Writer{W: s.Err}
	return &c
}

// raw is the unescaped error stream, for the progress bar's drawing.
func (s *IOStreams) raw() io.Writer {
	if s.rawErr != nil {
		return s.rawErr
	}
	return s.Err
}
