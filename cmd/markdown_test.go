package cmd

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/checkers"
)

// The workflow the README documents: inspect --markdown a plain-text
// guide, fix it, build the Markdown.
func TestInspectMarkdownWorkflow(t *testing.T) {
	dir := t.TempDir()
	code, md, stderr := run(t, "", "inspect", "--markdown", example(t))
	if code != 0 || !strings.HasPrefix(md, "---\ntitle: ") || !strings.Contains(md, "\n## ") {
		t.Fatalf("inspect --markdown: %d %s\n%s", code, stderr, md)
	}
	fixed := filepath.Join(dir, "frankenstein.md")
	if err := os.WriteFile(fixed, []byte(strings.Replace(md, "\n## ", "\n## Added Section\n\nA new paragraph.\n\n## ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "", "inspect", fixed)
	if code != 0 || !strings.Contains(out, "    Added Section  (1 paragraph)") {
		t.Errorf("the edited Markdown: %d %s\n%s", code, stderr, out)
	}
	code, _, stderr = run(t, "", "build", "-o", dir, "--format", "epub", fixed)
	if code != 0 {
		t.Errorf("build guide.md: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "", "inspect", "--markdown", "--json", fixed); code != 2 {
		t.Errorf("--markdown with --json: %d %s", code, stderr)
	}
}

func TestInputFormat(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "gatsby.txt")
	src, err := os.ReadFile(filepath.Join(checkers.RepoRoot(), "testdata", "guides", "the-great-gatsby.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(txt, src, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "", "inspect", txt)
	if code != 0 || !strings.Contains(out, "info: read as Markdown: the file starts with YAML front matter") || !strings.Contains(out, "Quotes:     3 highlighted quotes (3 attributed)") && !strings.Contains(out, "Quotes:     3 highlighted quotes (2 attributed)") {
		t.Errorf("a .txt that is Markdown: %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "inspect", "--input-format", "text", txt)
	if strings.Contains(out, "read as Markdown") {
		t.Errorf("--input-format text: %d\n%s", code, out)
	}
	code, _, stderr := run(t, "", "inspect", "--input-format", "docx", txt)
	if code != 2 || !strings.Contains(stderr, "text, markdown, json") {
		t.Errorf("--input-format docx: %d %s", code, stderr)
	}
	bad := filepath.Join(dir, "bad.md")
	os.WriteFile(bad, []byte("---\ntitle: [oops\n---\n# X\n"), 0o644)
	code, _, stderr = run(t, "", "inspect", bad)
	if code == 0 || !strings.Contains(stderr, "bad.md:2: the YAML front matter does not parse") {
		t.Errorf("bad front matter: %d %s", code, stderr)
	}
}

// Readable inspect counts each section's lists, definitions, tables, verse
// and attributed quotes (issue 10).
func TestInspectCounts(t *testing.T) {
	code, out, _ := run(t, "", "inspect", filepath.Join(checkers.RepoRoot(), "testdata", "guides", "hamlet-v2.json"))
	for _, want := range []string{
		"Quotes:     3 highlighted quotes (2 attributed)",
		"Key Facts  [key-facts]  (1 definition list of 4 terms)",
		"Plot Summary  [summary]  (2 paragraphs, 1 table, 1 verse passage, 1 block quote of which 1 attributed)",
		"Discussion Questions  [discussion]  (3 lists)",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("inspect lacks %q:\n%s", want, out)
		}
	}
}

// A directory build picks up .md files beside .txt ones.
func TestDirectoryBuildsMarkdown(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join(checkers.RepoRoot(), "testdata", "guides", "the-raven.md"))
	os.WriteFile(filepath.Join(dir, "raven.md"), src, 0o644)
	os.WriteFile(filepath.Join(dir, "notes.markdown"), []byte("# Emma\n\nby Jane Austen\n\nA match-maker.\n"), 0o644)
	out := t.TempDir()
	code, _, stderr := run(t, "", "build", "-o", out, "--format", "epub", dir)
	if code != 0 {
		t.Fatalf("%d %s", code, stderr)
	}
	for _, f := range []string{"raven.epub", "notes.epub"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
}

// A cover named in the front matter, relative to the Markdown file, is the
// EPUB's cover; one that cannot be read is a warning and a generated cover.
func TestMarkdownCover(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 600, 900))
	for y := 0; y < 900; y++ {
		for x := 0; x < 600; x++ {
			img.Set(x, y, color.RGBA{uint8(x / 3), 40, uint8(y / 4), 255})
		}
	}
	var png bytes.Buffer
	if err := pngEncode(&png, img); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "art"), 0o755)
	os.WriteFile(filepath.Join(dir, "art", "cover.png"), png.Bytes(), 0o644)
	guide := "---\nbook:\n  title: Emma\n  author: Jane Austen\ncover: art/cover.png\n---\nA match-maker.\n"
	os.WriteFile(filepath.Join(dir, "with.md"), []byte(guide), 0o644)
	os.WriteFile(filepath.Join(dir, "without.md"), []byte(strings.Replace(guide, "art/cover.png", "art/missing.png", 1)), 0o644)
	out := t.TempDir()
	code, _, stderr := run(t, "", "build", "-o", out, "--format", "epub", filepath.Join(dir, "with.md"))
	if code != 0 || strings.Contains(stderr, "cover") {
		t.Fatalf("with a cover: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "", "build", "-o", out, "--format", "epub", "--verbose", filepath.Join(dir, "without.md"))
	if code != 0 || !strings.Contains(stderr, "cannot read the cover image art/missing.png") {
		t.Errorf("a missing cover: %d %s", code, stderr)
	}
	a, b := coverImage(t, filepath.Join(out, "with.epub")), coverImage(t, filepath.Join(out, "without.epub"))
	if a == nil || b == nil || bytes.Equal(a, b) {
		t.Errorf("the named cover is not the EPUB's cover image (%d vs %d bytes)", len(a), len(b))
	}
}

var pngEncode = png.Encode

func coverImage(t *testing.T, epub string) []byte {
	t.Helper()
	z, err := zip.OpenReader(epub)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "EPUB/images/cover.") {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			data, _ := io.ReadAll(r)
			return data
		}
	}
	return nil
}
