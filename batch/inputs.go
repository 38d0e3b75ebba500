package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"golang.org/x/text/unicode/norm"
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

// Name is how messages refer to the input: its path, with any control
// characters in it escaped (see Display).
func (in Input) Name() string {
	if in.Path == Stdin {
		return "<stdin>"
	}
	return Display(in.Path)
}

// Extensions are the file endings a directory argument is searched for.
// Single-file arguments are read whatever their name: content, not the
// extension, decides the format.
var Extensions = []string{".txt", ".md", ".markdown", ".json"}

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
				return nil, errors.New(`"-" (standard input) is given more than once: standard input holds one guide, so give - once`)
			}
			stdin = true
			out = append(out, Input{Path: Stdin})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			if lerr := brokenLink(a, err); lerr != nil {
				return nil, lerr
			}
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or directory; %s", Display(a), missingFix(a))
			}
			return nil, fmt.Errorf("%s: %v", Display(a), unwrapPath(err))
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
			return nil, fmt.Errorf("%s: no guide files (%s) in this directory", Display(a), strings.Join(Extensions, ", "))
		}
		out = append(out, found...)
	}
	if len(out) == 0 {
		return nil, errors.New("no input given: name guide files, directories, or - for standard input")
	}
	return dedupe(out), nil
}

// missingFix is what to do about an input path that does not exist: the
// guide file it names without its extension ("emma" for emma.txt), when
// there is one, else where a relative path is read from.
func missingFix(path string) string {
	for _, ext := range Extensions {
		if st, err := os.Stat(path + ext); err == nil && !st.IsDir() {
			return "did you mean " + Display(path+ext) + "?"
		}
	}
	if dir, err := os.Getwd(); err == nil && !filepath.IsAbs(path) {
		return "check the path, which is read from " + Display(dir)
	}
	return "check the path"
}

// brokenLink explains a failed stat of path when path is a symbolic link
// whose target is missing or which loops; it returns nil otherwise.
func brokenLink(path string, statErr error) error {
	lst, err := os.Lstat(path)
	if err != nil || lst.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	target, _ := os.Readlink(path)
	if errors.Is(statErr, fs.ErrNotExist) {
		return fmt.Errorf("%s: is a broken symbolic link: its target %s does not exist; fix or remove the link", Display(path), Display(target))
	}
	if errors.Is(statErr, syscall.ELOOP) {
		return fmt.Errorf("%s: is part of a loop of symbolic links (it points to %s); fix or remove the link", Display(path), Display(target))
	}
	return nil
}

// dedupe drops an input that is the same file as an earlier one under the
// same output name: a file named twice, as "x" and "./x", or both on its
// own and inside a directory argument is built once. The same file under
// two names (a link with another name) still gives two outputs.
func dedupe(inputs []Input) []Input {
	type seen struct {
		path string
		st   fs.FileInfo
	}
	byName := map[string][]seen{}
	out := inputs[:0]
	for _, in := range inputs {
		if in.Path == Stdin || in.Err != nil {
			out = append(out, in)
			continue
		}
		k := NameKey(BaseName(in.Path))
		st, err := os.Stat(in.Path)
		if err == nil {
			dup := false
			for _, s := range byName[k] {
				if s.path == in.Path || (s.st != nil && os.SameFile(s.st, st)) {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
		}
		byName[k] = append(byName[k], seen{in.Path, st})
		out = append(out, in)
	}
	return out
}

func walk(root string) ([]Input, error) {
	var found []Input
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable folder or file inside a batch fails that entry,
			// not the batch.
			if p == root {
				return fmt.Errorf("%s: cannot read directory: %v", Display(root), unwrapPath(err))
			}
			found = append(found, Input{Path: p, Err: fmt.Errorf("%s: cannot read: %v (check its permissions)", Display(p), unwrapPath(err))})
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
				in := Input{Path: p}
				if d.Type()&fs.ModeSymlink != 0 {
					if _, err := os.Stat(p); err != nil {
						if lerr := brokenLink(p, err); lerr != nil {
							in.Err = lerr
						}
					}
				}
				found = append(found, in)
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
		k := NameKey(BaseName(in.Path))
		if prev, ok := seen[k]; ok {
			errs = append(errs, fmt.Errorf("%s and %s would both be written as %q: rename one of them or build them into different -o directories", Display(prev), Display(in.Path), BaseName(in.Path)))
			continue
		}
		seen[k] = in.Path
	}
	return errors.Join(errs...)
}

// NameKey is the form of an output name under which two names are the
// same file on some file system: case-insensitive ones (macOS, Windows)
// and those that ignore Unicode normalisation (macOS: "café" typed on one
// machine and "cafe\u0301" on another).
func NameKey(name string) string {
	return strings.ToLower(strings.ToUpper(norm.NFC.String(name)))
}

// CheckOutputs reports an input that its own output would replace: a
// plain-text guide saved as guide.pdf and built into its own directory.
func CheckOutputs(inputs []Input, outDir string, exts []string) error {
	var errs []error
	for _, in := range inputs {
		if in.Path == Stdin || in.Err != nil {
			continue
		}
		ist, err := os.Stat(in.Path)
		if err != nil {
			continue
		}
		for _, ext := range exts {
			out := filepath.Join(outDir, BaseName(in.Path)+ext)
			if ost, err := os.Stat(out); err == nil && os.SameFile(ist, ost) {
				errs = append(errs, fmt.Errorf("%s: building it would overwrite it with its own output %s; rename the input (guides are usually .txt) or choose another directory with -o", Display(in.Path), Display(out)))
			}
		}
	}
	return errors.Join(errs...)
}
