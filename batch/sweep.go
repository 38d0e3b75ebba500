package batch

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/guidepress/guidepress/internal/termsafe"
)

// Display is how a path or other name from outside appears in a message:
// control characters and terminal escapes in it are shown escaped, never
// acted on (a file named "\x1b[2J.txt" does not clear the screen).
func Display(s string) string { return termsafe.Escape(s) }

// processTag names the host and the PID namespace of this process: a PID
// means the same process only where both agree. It is part of every
// temporary file's name, with the PID.
var processTag = sync.OnceValue(func() string {
	h := fnv.New32a()
	host, _ := os.Hostname()
	h.Write([]byte(host))
	h.Write([]byte{0})
	if ns, err := os.Readlink("/proc/self/ns/pid"); err == nil {
		h.Write([]byte(ns))
	}
	return fmt.Sprintf("%08x", h.Sum32())
})

// abandonedName matches the temporary files tempPattern makes: the output
// (or probe) name, the kind, the PID and tag of the process that made it,
// and CreateTemp's random digits.
var abandonedName = lazyre.New(`^\..*\.(tmp|old|probe)-([0-9]{1,10})-([0-9a-f]{8})-[0-9]+$`)

// SweepAbandoned removes from dir the temporary files that earlier runs
// left when they were killed (SIGKILL, a power cut) before they could
// clean up, and returns their names. Only a file that is provably
// abandoned is removed: its name carries the PID, host and PID namespace
// of the process that made it, the host and namespace are this process's,
// and no process with that PID exists. A concurrent run's files (its
// process is alive), those of runs on other machines sharing the folder,
// and any file of another shape are left alone. Files are swept from dir
// itself, not its subfolders.
func SweepAbandoned(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	self := os.Getpid()
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		m := abandonedName.FindStringSubmatch(e.Name())
		if m == nil || m[3] != processTag() {
			continue
		}
		pid, err := strconv.Atoi(m[2])
		if err != nil || pid <= 0 || pid == self || !processGone(pid) {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}
