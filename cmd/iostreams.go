package cmd

import (
	"io"
	"os"

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
