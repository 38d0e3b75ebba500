package markdown_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/content/mdout"
	"github.com/guidepress/guidepress/internal/fuzzmin"
)

// TestMain: a bare `go test -fuzz` minimises a new input for 5 s, as
// scripts/fuzz.sh does, not Go's 60 s: FuzzMarkdown stalled as
// FuzzPlaintext did (internal/fuzzmin), 3,821 execs in 60 s ending at
// 0/s; 18,831 with 5 s (load ~30, one run each).
func TestMain(m *testing.M) {
	fuzzmin.Default(5 * time.Second)
	m.Run()
}

// FuzzMarkdown: whatever the bytes, reading them as Markdown does not panic
// and either fails with an input error or gives a valid guide, whose
// canonical Markdown (inspect --markdown) reads back as a valid guide too.
func FuzzMarkdown(f *testing.F) {
	m, _ := filepath.Glob("../../testdata/guides/*.md")
	own, _ := filepath.Glob("testdata/guides/*.md")
	m = append(m, own...)
	for _, p := range m {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"# T\n\nby A\n\n## Key Quotes\n\n> q\n> — a\n",
		"+++\ntitle = \"x\"\n+++\n# FAQ\n\n**Q?**\nA.\n",
		"---\nbook:\n  title: B\n---\n| a |\n|---|\n| *b* |\n\nT\n: d\n",
		"# T\n\n- [ ] x\n  1. y\n     - z\n\n<details><summary>Q</summary>A</details>\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := importer.Load("f.md", data, importer.Options{})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("panic: %v", err)
			}
			return
		}
		var b bytes.Buffer
		if err := mdout.Write(&b, g); err != nil {
			t.Fatal(err)
		}
		if _, err := importer.Load("back.md", b.Bytes(), importer.Options{}); err != nil {
			t.Fatalf("inspect --markdown output does not read back: %v\n%s", err, b.String())
		}
	})
}
