package importer

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/decode"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/lazyre"
)

// The readers' expressions are compiled on first use (internal/lazyre), not
// at start-up, so a bad pattern would fail only the build that first needs
// it: compile every one here, as regexp.MustCompile at start-up used to.
func TestEveryExpressionCompiles(t *testing.T) {
	all := lazyre.All()
	// 101 until twelve were matched by hand (content/vocab: GuideName,
	// GuideSubtitle, GuideTitle's forms, seven heading patterns): the
	// guard is against the readers' expressions not being registered at
	// all.
	if len(all) < 80 {
		t.Fatalf("only %d expressions registered: are the readers' expressions still lazyre.New?", len(all))
	}
	for _, r := range all {
		if _, err := regexp.Compile(r.String()); err != nil {
			t.Errorf("%.60s: %v", r.String(), err)
		}
	}
}

// TestHotExpressions: the expressions made with lazyre.Hot, which the
// plain-text reader has compiled ahead on another core (lazyre.Warm), are
// those every plain-text guide's import compiles: no fewer (the reader
// would compile the rest itself, in turn) and no more (a warm-up would
// compile what no build uses). Each plain-text fixture is read without the
// warm-up in a process of its own, since an expression is compiled once a
// process.
func TestHotExpressions(t *testing.T) {
	if path := os.Getenv("GUIDEPRESS_HOT_GUIDE"); path != "" {
		hotChild(t, path)
		return
	}
	guides, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "guides", "*.txt"))
	guides = append(guides, filepath.Join("..", "..", "examples", "frankenstein.txt"))
	if d := checkers.SharedDir(); d != "" {
		if seed := filepath.Join(d, "seed", "never-let-me-go.txt"); fileExists(seed) {
			guides = append(guides, seed)
		}
	}
	if len(guides) < 5 {
		t.Fatalf("only %d plain-text fixtures found", len(guides))
	}
	hot := map[string]bool{}
	for _, r := range lazyre.AllHot() {
		hot[r.String()] = true
	}
	everyGuide := map[string]int{} // expression → how many guides compiled it
	for _, g := range guides {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHotExpressions$", "-test.count=1")
		cmd.Env = append(os.Environ(), "GUIDEPRESS_HOT_GUIDE="+g)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", g, err, out)
		}
		compiled := map[string]bool{}
		for _, line := range strings.Split(string(out), "\n") {
			if q, ok := strings.CutPrefix(line, "compiled\t"); ok {
				expr, err := strconv.Unquote(q)
				if err != nil {
					t.Fatalf("%s: %q: %v", g, line, err)
				}
				compiled[expr] = true
			}
		}
		if len(compiled) == 0 {
			t.Fatalf("%s: the import compiled no expression:\n%s", g, out)
		}
		for expr := range hot {
			if !compiled[expr] {
				t.Errorf("%s does not use the hot expression %.60q: make it lazyre.New", filepath.Base(g), expr)
			}
		}
		for expr := range compiled {
			everyGuide[expr]++
		}
	}
	for expr, n := range everyGuide {
		if n == len(guides) && !hot[expr] {
			t.Errorf("every plain-text fixture uses %.60q: make it lazyre.Hot", expr)
		}
	}
}

// hotChild reads one guide as Load reads plain text, without the warm-up,
// and prints the expressions compiled.
func hotChild(t *testing.T, path string) {
	var g *content.Guide
	data, err := os.ReadFile(path)
	if err == nil {
		var text string
		if text, _, err = decode.Text(data); err == nil {
			g, err = loadText(path, text, Options{})
		}
	}
	if err == nil {
		err = g.Validate()
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range lazyre.All() {
		if r.Compiled() {
			fmt.Printf("compiled\t%q\n", r.String())
		}
	}
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

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
