// Package cmd holds guidepress's cobra commands. Each command parses flags
// into an options struct and calls a run function that does the work and
// returns an error; no layout or parsing logic lives here.
package cmd

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Version and Commit are set at link time (-ldflags "-X ..."); Commit falls
// back to the VCS revision Go records in the binary.
var (
	Version = "dev"
	Commit  = ""
)

// Exit statuses, documented in the README.
const (
	ExitOK     = 0 // everything built
	ExitFailed = 1 // at least one input failed
	ExitUsage  = 2 // the command line itself is wrong
)

// usageError marks errors in how the command was called (exit 2).
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// silentError carries an exit status whose message has already been printed.
type silentError struct{ code int }

func (e silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// NewRootCmd builds the command tree around the given streams.
func NewRootCmd(ios *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "guidepress",
		Short: "Turn book study guides into EPUB 3 e-books and printable PDF handouts",
		Long: `guidepress turns a book study guide (plain text in the usual study-guide shape,
or the JSON that 'guidepress inspect --json' prints) into a valid, accessible
EPUB 3 for e-readers and a printable PDF handout, each with a cover, a table of
contents, quote callouts and an FAQ appendix.`,
		Example: `  guidepress build examples/frankenstein.txt -o out
  guidepress build guides/ -o out --paper letter -j 4
  guidepress inspect examples/frankenstein.txt
  guidepress inspect --json guide.txt > guide.json   # fix by hand, then: guidepress build guide.json`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.Err)
	root.SetVersionTemplate("guidepress {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())}
	})
	root.AddCommand(newInspectCmd(ios), newBuildCmd(ios))
	return root
}

func versionString() string {
	commit := Commit
	if commit == "" {
		if info, ok := debug.ReadBuildInfo(); ok {
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					commit = s.Value[:12]
				}
			}
		}
	}
	if commit == "" {
		commit = "unknown"
	}
	return fmt.Sprintf("%s (commit %s)", Version, commit)
}

// Main runs the CLI with args and returns the process exit status.
func Main(ios *IOStreams, args []string) int {
	root := NewRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var silent silentError
	if errors.As(err, &silent) {
		return silent.code
	}
	fmt.Fprintf(ios.Err, "guidepress: %v\n", err)
	if hint := dashFileHint(err, args); hint != "" {
		fmt.Fprintln(ios.Err, hint)
	}
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return ExitUsage
	}
	return ExitFailed
}

// isCobraUsage recognises cobra's own argument errors (unknown command,
// wrong number of arguments), which it does not type.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "unknown flag", "unknown shorthand"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// dashFileHint explains, when an unknown flag is really a file whose name
// starts with a dash, how to name that file.
func dashFileHint(err error, args []string) string {
	msg := err.Error()
	if !strings.Contains(msg, "unknown flag") && !strings.Contains(msg, "unknown shorthand") {
		return ""
	}
	for _, a := range args {
		if len(a) > 1 && a[0] == '-' && strings.Contains(msg, a) {
			if _, err := os.Stat(a); err == nil {
				return fmt.Sprintf("%s is a file: to build it, write ./%s (or put it after --)", a, a)
			}
		}
	}
	return ""
}
