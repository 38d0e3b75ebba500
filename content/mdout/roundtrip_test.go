package mdout

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
)

// fixtures is every guide the importers are tested on: plain text,
// Markdown and JSON.
func fixtures(t *testing.T) []string {
	var files []string
	for _, p := range []string{"../../testdata/guides/*", "../../examples/*.txt", "../plaintext/testdata/cases/*.txt", "../markdown/testdata/cases/*.md"} {
		m, _ := filepath.Glob(p)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d fixtures", len(files))
	}
	return files
}

func encode(t *testing.T, g *content.Guide) string {
	t.Helper()
	c := *g
	c.Diagnostics = nil
	var b bytes.Buffer
	if err := content.EncodeJSON(&b, &c); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRoundTrip: input → model → Markdown → model is the same model,
// diagnostics aside, for every fixture.
func TestRoundTrip(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			g, err := importer.Load(filepath.Base(path), data, importer.Options{})
			if err != nil {
				t.Skipf("does not load: %v", err)
			}
			var md bytes.Buffer
			if err := Write(&md, g); err != nil {
				t.Fatal(err)
			}
			back, err := importer.Load("roundtrip.md", md.Bytes(), importer.Options{})
			if err != nil {
				t.Fatalf("the Markdown does not read back: %v\n%s", err, md.String())
			}
			want, got := encode(t, g), encode(t, back)
			if want != got {
				t.Errorf("the model changes through Markdown:\n%s\n--- markdown:\n%s", firstDiff(got, want), md.String())
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
			return "line " + string(rune('0'+i%10)) + ":\n got: " + a + "\nwant: " + b + "\ncontext: " + strings.Join(w[max(0, i-6):i], "\n")
		}
	}
	return ""
}
