package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Stdin is the argument that reads a guide from standard input.
const Stdin = "-"

// Input is one guide to build.
type Input struct {
	// Path is the file to read, or Stdin.
	Path string
	// Err is set when the input was found but cannot be built (an
	// unreadable file inside a directory argument, say); Run reports it as
	// a failure without trying.
	Err error
}

// Name is how messages refer to the input.
func (in Input) Name() string {
	if in.Path == Stdin {
		return "<stdin>"
	}
	return in.Path
}

// Extensions are the file endings a directory argument is searched for.
// Single-file arguments are read whatever their name: content, not the
// extension, decides the format.
var Extensions = []string{".txt", ".json"}

// Collect expands command-line arguments into inputs: files as given,
// directories searched recursively for guide files (hidden files and
// folders skipped, results sorted so builds are reproducible), and "-" for
// standard input, at most once. A missing argument is a usage error: the
// user typed it, so nothing should be built until it is fixed.
func Collect(args []string) ([]Input, error) {
	var out []Input
	stdin := false
	for _, a := range args {
		if a == Stdin {
			if stdin {
				return nil, errors.New(`"-" (standard input) is given more than once`)
			}
			stdin = true
			out = append(out, Input{Path: Stdin})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or directory", a)
			}
			return nil, fmt.Errorf("%s: %v", a, unwrapPath(err))
		}
		if !st.IsDir() {
			out = append(out, Input{Path: a})
			continue
		}
		found, err := walk(a)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no guide files (%s) in this directory", a, strings.Join(Extensions, ", "))
		}
		out = append(out, found...)
	}
	if len(out) == 0 {
		return nil, errors.New("no input given: name guide files, directories, or - for standard input")
	}
	return out, nil
}

func walk(root string) ([]Input, error) {
	var found []Input
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable folder or file inside a batch fails that entry,
			// not the batch.
			if p == root {
				return fmt.Errorf("%s: cannot read directory: %v", root, unwrapPath(err))
			}
			found = append(found, Input{Path: p, Err: fmt.Errorf("%s: cannot read: %v (check its permissions)", p, unwrapPath(err))})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		for _, e := range Extensions {
			if ext == e {
				found = append(found, Input{Path: p})
				break
			}
		}
		return nil
	})
	sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
	return found, err
}

// BaseName is the output name an input file gets: its base name without
// the extension ("guides/emma.txt" → "emma").
func BaseName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// CheckNames reports inputs whose outputs would overwrite each other, before
// anything is built. Guidepress refuses rather than renaming: a librarian
// who gets "emma (2).epub" has to work out which is which, while an error
// naming both files says exactly what to rename.
func CheckNames(inputs []Input) error {
	seen := map[string]string{}
	var errs []error
	for _, in := range inputs {
		if in.Path == Stdin || in.Err != nil {
			continue
		}
		k := strings.ToLower(BaseName(in.Path)) // case-insensitive file systems
		if prev, ok := seen[k]; ok {
			errs = append(errs, fmt.Errorf("%s and %s would both be written as %q: rename one of them or build them into different -o directories", prev, in.Path, BaseName(in.Path)))
			continue
		}
		seen[k] = in.Path
	}
	return errors.Join(errs...)
}
