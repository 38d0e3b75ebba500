package importer

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content/vocab"
)

// Warm builds the known section names on a goroutine of its own, so that
// a build's first reader finds them built rather than building them on
// its way (cmd calls it before the guide is read). In a process of its
// own (the names are built once a process) they are not built before
// Warm, and are built after it with nothing classified.
func TestWarmPreparesTheNames(t *testing.T) {
	if os.Getenv("GUIDEPRESS_WARM_CHILD") == "1" {
		if vocab.Prepared() {
			fmt.Println("the names were built before Warm")
			os.Exit(1)
		}
		Warm()
		Warm() // once a process: a second call starts nothing
		for deadline := time.Now().Add(30 * time.Second); !vocab.Prepared(); time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				fmt.Println("the names were not built after Warm")
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWarmPreparesTheNames$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GUIDEPRESS_WARM_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, strings.TrimSpace(string(out)))
	}
}
