// Package cmd holds guidepress's cobra commands. Each command parses flags
// into an options struct and calls a run function that does the work and
// returns an error; no layout or parsing logic lives here.
package cmd

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/internal/lazyre"
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
	ios = ios.safe()
	root := &cobra.Command{
		Use:   "guidepress",
		Short: "Turn book study guides into EPUB 3 e-books and printable PDF handouts",
		Long: `guidepress turns a book study guide (plain text in the usual study-guide shape,
Markdown, or the JSON that 'guidepress inspect --json' prints) into a valid, accessible
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
	// -v is --verbose wherever it is taken (build); --version has no short
	// form, so -v never means two things.
	root.Flags().Bool("version", false, "print guidepress's version and exit (also: guidepress version)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		if hint := flagHint(c, err); hint != "" {
			return usageError{fmt.Errorf("%w\n%s\nRun '%s --help' for usage.", err, hint, c.CommandPath())}
		}
		return usageError{fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())}
	})
	root.AddCommand(newInspectCmd(ios), newBuildCmd(ios), newVersionCmd(ios))
	return root
}

func newVersionCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print guidepress's version (the same as --version)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			fmt.Fprintf(ios.Out, "guidepress %s\n", versionString())
			return nil
		},
	}
}

// unknownFlag finds the flag pflag could not place: "unknown flag: --formt"
// or "unknown shorthand flag: 'f' in -format".
var unknownFlag = lazyre.New(`unknown (?:flag: --([^\s=]+)|shorthand flag: '(.)' in -(\S+))`)

// flagHint suggests the flag a user meant: the nearest name to a
// misspelled one, the long form of a long name typed with one dash, and
// what -v is.
func flagHint(c *cobra.Command, err error) string {
	m := unknownFlag.FindStringSubmatch(err.Error())
	if m == nil {
		return ""
	}
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	if m[1] == "" { // a short flag
		typed := m[3]
		if eq := strings.IndexByte(typed, '='); eq >= 0 {
			typed = typed[:eq]
		}
		if len(typed) > 1 && slices.Contains(names, typed) {
			return fmt.Sprintf("Did you mean --%s? Long flags take two dashes.", typed)
		}
		if typed == "v" {
			if c.Flags().Lookup("verbose") == nil {
				return "-v is --verbose, which this command does not take; for the version use --version or 'guidepress version'."
			}
		}
		return ""
	}
	typed := m[1]
	best, bestDist := "", 3
	for _, n := range names {
		d := editDistance(typed, n)
		if strings.HasPrefix(n, typed) && len(typed) >= 3 {
			d = min(d, 1)
		}
		if d < bestDist {
			best, bestDist = n, d
		}
	}
	if best == "" || bestDist > max(1, len(typed)/3) {
		return ""
	}
	return fmt.Sprintf("Did you mean --%s?", best)
}

// editDistance is the Levenshtein distance between a and b, with a swap of
// two neighbouring letters counted as one edit (--fromat).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
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
	if len(args) > 0 && args[0] == "build" {
		// The reader's one-time work starts on the idle core now, not
		// once cobra has made the commands and parsed the line (~0.3
		// ms): the sooner it is done, the less of it runs beside the
		// build's heap reservation (runBuild, whose own call is then a
		// no-op).
		importer.Warm()
	}
	ios = ios.safe()
	root := NewRootCmd(ios)
	if len(args) > 0 && args[0] == "build" {
		// cobra adds its completion command (five commands, their help
		// formatted) to every run before parsing; a build never lists
		// commands: 1.4% of --version's perf samples, ~0.25 ms.
		root.CompletionOptions.DisableDefaultCmd = true
	}
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
