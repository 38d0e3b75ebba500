package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// writeAtomic writes data to path so that readers only ever see the old file
// or the complete new one: a temporary file in the same directory (rename is
// atomic only within one file system) is written, synced and renamed over
// the target. On any failure the temporary file is removed and the earlier
// output is untouched.
func writeAtomic(path string, data []byte) (err error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a directory; choose another output directory with -o or remove it", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot use output path %s: %w", path, err)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := temps.create(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		temps.forget(tmp.Name())
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	// CreateTemp makes 0600 files; outputs are documents meant to be shared.
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing %s: %w", path, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the *PathError wrapper, whose temp-file name would only
// confuse the user; the caller names the real path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// PrepareOutDir creates the output directory if it is missing and checks
// that files can be created in it, so that a wrong -o is reported once,
// before anything is built, rather than as a failure of every input.
func PrepareOutDir(dir string) error {
	if dir == "" {
		return errors.New("-o: no directory given; name one, such as -o out, or omit -o to write into the current directory")
	}
	// Find the part of the path that exists: a file there is the commonest
	// mistake (-o guide.epub), and names the fix exactly.
	for p := filepath.Clean(dir); ; p = filepath.Dir(p) {
		st, err := os.Stat(p)
		if err == nil {
			if !st.IsDir() {
				return fmt.Errorf("-o %s: %s is a file, not a directory; give a directory to write the outputs into", dir, p)
			}
			break
		}
		if q := filepath.Dir(p); q == p {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("-o %s: cannot create the output directory: %v; choose another directory with -o", dir, unwrapPath(err))
	}
	probe, err := os.CreateTemp(dir, ".guidepress-probe-*")
	if err != nil {
		return fmt.Errorf("-o %s: cannot write in the output directory: %v; check its permissions or choose another directory with -o", dir, unwrapPath(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// temps are the temporary files of the writes in progress, so that a
// process stopped at once (a second Ctrl-C) can remove them before it
// exits: deferred clean-ups do not run on os.Exit.
var temps tempFiles

type tempFiles struct {
	mu     sync.Mutex
	names  map[string]bool
	closed bool
}

func (t *tempFiles) create(dir, pattern string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil, errors.New("not written: the process is stopping")
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("cannot write in %s: %w (check that the directory exists and is writable)", dir, unwrapPath(err))
	}
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[f.Name()] = true
	return f, nil
}

func (t *tempFiles) forget(name string) {
	t.mu.Lock()
	delete(t.names, name)
	t.mu.Unlock()
}

// RemoveTemporaryFiles deletes the temporary files of writes in progress
// and refuses new ones; for a process about to exit without unwinding.
// Outputs already renamed into place are complete and stay.
func RemoveTemporaryFiles() { temps.removeAll() }

func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	for name := range t.names {
		os.Remove(name)
	}
}
