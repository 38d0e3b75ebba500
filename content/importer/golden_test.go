package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// Fixtures lists the study guides every importer test runs over: the shared
// fixtures in testdata/guides at the repository root, the bundled examples,
// and the plain-text and Markdown readers' own (which the writers' external
// checkers, at tens of seconds a guide, do not run on); Markdown guides
// included.
func fixtures(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../testdata/guides/*.txt", "../../testdata/guides/*.json", "../../testdata/guides/*.md", "../../examples/*.txt", "../plaintext/testdata/cases/*.txt", "../plaintext/testdata/guides/*.txt", "../markdown/testdata/guides/*.md"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d fixtures found", len(files))
	}
	return files
}

// TestGolden compares the model of every fixture, as `inspect --json`
// would print it, with testdata/golden/NAME.golden byte for byte. Run
// `go test ./content/... -update` to regenerate after a deliberate change,
// and read the diff.
func TestGolden(t *testing.T) {
	seen := map[string]bool{}
	for _, path := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		if filepath.Ext(path) == ".md" {
			name += ".md" // frankenstein.md beside examples/frankenstein.txt
		}
		if seen[name] {
			t.Fatalf("two fixtures named %s", name)
		}
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			g, err := Load(filepath.Base(path), data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := content.EncodeJSON(&got, g); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./content/importer -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("model differs from %s; run with -update and review the diff\n%s", golden, firstDiff(got.String(), string(want)))
			}
			// Every golden model must also load back as JSON unchanged.
			back, err := Load(name+".json", got.Bytes(), Options{})
			if err != nil {
				t.Fatalf("golden JSON does not load: %v", err)
			}
			if encode(t, back) != got.String() {
				t.Errorf("JSON round trip changes the model")
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + clip(a) + "\nwant: " + clip(b)
		}
	}
	return ""
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
