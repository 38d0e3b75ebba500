package cmd

import (
	"os/exec"
	"strings"
	"testing"
)

// Every package the binary links runs its init in every process, before
// main: packages a build never uses are kept out (third_party/fpdf drops
// fpdf's gob serialisation, whose encoding/gob init cost ~0.5 ms and 27 KB
// of every guidepress process).
func TestLinksNoUnusedPackages(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/guidepress/guidepress/cmd/guidepress").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list -deps listed %d packages, too few to be the binary's", len(deps))
	}
	for _, dep := range deps {
		switch dep {
		case "encoding/gob":
			t.Errorf("the binary links %s, which no build uses; see third_party/fpdf/README.guidepress.md", dep)
		case "runtime/metrics":
			// Its init (descriptions built from the GODEBUG table) took
			// 0.6-0.85 ms of every process; internal/memlimit reads the
			// live heap from the heap goal instead.
			t.Errorf("the binary links %s, whose init costs every process ~0.7 ms; see internal/memlimit's live", dep)
		}
	}
}
