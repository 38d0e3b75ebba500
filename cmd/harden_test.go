package cmd

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/checkers"
)

// hostileJSON is the bundled example as guidepress JSON, with a title and
// a warning whose text would set the terminal's title and clear the
// screen if printed raw.
func hostileJSON(t *testing.T) []byte {
	t.Helper()
	code, out, stderr := run(t, "", "inspect", "--json", example(t))
	if code != 0 {
		t.Fatalf("inspect --json: %d %s", code, stderr)
	}
	var g map[string]any
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	g["diagnostics"] = []any{map[string]any{"line": 3, "severity": "warning", "message": "\x1b]0;PWNED\x07\x1b[2J look here"}}
	g["title"] = "Evil Title\u202e — A Study Guide"
	data, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func noEscapes(t *testing.T, what, s string) {
	t.Helper()
	if strings.ContainsAny(s, "\x1b\x07\u202e") {
		t.Errorf("%s printed a raw control character:\n%q", what, s[:min(len(s), 2000)])
	}
}

// Defect 5: text from a guide or a file name reaches the terminal escaped.
func TestTerminalEscapesAreShownNotObeyed(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	guide := filepath.Join(in, "hostile.json")
	os.WriteFile(guide, hostileJSON(t), 0o644)

	code, out, stderr := run(t, "", "inspect", guide)
	if code != 0 {
		t.Fatalf("inspect: %d %s", code, stderr)
	}
	noEscapes(t, "inspect", out+stderr)
	if !strings.Contains(out, `\x1b]0;PWNED\x07\x1b[2J look here`) || !strings.Contains(out, `Evil Title\u202e`) {
		t.Errorf("inspect should show the escapes as text:\n%s", out)
	}

	// A file name with escapes inside a directory input.
	src, _ := os.ReadFile(example(t))
	os.WriteFile(filepath.Join(in, "a\x1b[2Jb\nc.txt"), src, 0o644)
	code, _, stderr = run(t, "", "build", in, "-o", filepath.Join(dir, "out"), "--format", "epub", "-v")
	if code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	noEscapes(t, "build -v", stderr)
	if !strings.Contains(stderr, `a\x1b[2Jb\nc.txt`) || !strings.Contains(stderr, `\x1b]0;PWNED`) {
		t.Errorf("build -v should name the file and show the message escaped:\n%s", stderr)
	}

	// inspect --json prints the data as JSON, which escapes control
	// characters by itself (the bidi override is text there, kept as is).
	_, out, _ = run(t, "", "inspect", "--json", guide)
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Error("inspect --json printed a raw control character")
	}
}

// Defect 3: --cover is decoded once, scaled, and goes into the EPUB
// without its metadata; a JPEG cut short is called that; an image of too
// many pixels is refused from its header.
func TestCoverIsPreparedOnce(t *testing.T) {
	dir := t.TempDir()
	src := image.NewNRGBA(image.Rect(0, 0, 100, 160))
	for i := range src.Pix {
		src.Pix[i] = byte(i)
	}
	var pb bytes.Buffer
	png.Encode(&pb, src)
	p := pb.Bytes()
	text := append([]byte("Comment\x00"), bytes.Repeat([]byte("x"), 8<<20)...)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(text)))
	chunk = append(append(chunk, "tEXt"...), text...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(append([]byte("tEXt"), text...)))
	fat := filepath.Join(dir, "fat.png")
	os.WriteFile(fat, append(append(append([]byte{}, p[:33]...), chunk...), p[33:]...), 0o644)

	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	s, _ := os.ReadFile(example(t))
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		os.WriteFile(filepath.Join(in, n), s, 0o644)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "", "build", in, "-o", out, "--format", "epub", "--cover", fat)
	if code != 0 {
		t.Fatalf("build: %d %s", code, stderr)
	}
	for _, n := range []string{"a", "b", "c"} {
		st, err := os.Stat(filepath.Join(out, n+".epub"))
		if err != nil || st.Size() > 1<<20 {
			t.Fatalf("%s.epub: %v, %d bytes: the cover's metadata was copied", n, err, st.Size())
		}
		zr, _ := zip.OpenReader(filepath.Join(out, n+".epub"))
		for _, f := range zr.File {
			if strings.HasSuffix(f.Name, "cover.png") {
				rc, _ := f.Open()
				cfg, err := png.DecodeConfig(rc)
				rc.Close()
				if err != nil || cfg.Width != 100 || cfg.Height != 160 {
					t.Errorf("%s: cover %v %v", n, cfg, err)
				}
			}
		}
		zr.Close()
	}

	var jb bytes.Buffer
	jpeg.Encode(&jb, src, nil)
	cut := filepath.Join(dir, "cut.jpg")
	os.WriteFile(cut, jb.Bytes()[:jb.Len()/2], 0o644)
	code, _, stderr = run(t, "", "build", example(t), "-o", out, "--cover", cut)
	if code != ExitUsage || !strings.Contains(stderr, "cut.jpg is cut short") || strings.Contains(stderr, "not a JPEG") {
		t.Errorf("a truncated JPEG: %d %s", code, stderr)
	}

	big := filepath.Join(dir, "big.png")
	var gb bytes.Buffer
	png.Encode(&gb, image.NewGray16(image.Rect(0, 0, 1, 1)))
	g := gb.Bytes()
	binary.BigEndian.PutUint32(g[16:], 8000)
	binary.BigEndian.PutUint32(g[20:], 8000)
	binary.BigEndian.PutUint32(g[29:], crc32.ChecksumIEEE(g[12:29]))
	os.WriteFile(big, g, 0o644)
	code, _, stderr = run(t, "", "build", example(t), "-o", out, "--cover", big)
	if code != ExitUsage || !strings.Contains(stderr, "8000×8000 pixels is too large") {
		t.Errorf("an 8000×8000 cover: %d %s", code, stderr)
	}
}

// CLI papercuts.
func TestPapercuts(t *testing.T) {
	code, out, _ := run(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "guidepress dev (commit ") {
		t.Errorf("guidepress version: %d %q", code, out)
	}
	code, _, stderr := run(t, "", "build")
	if code != ExitUsage || !strings.Contains(stderr, "guide files") || !strings.Contains(stderr, "- for standard input") {
		t.Errorf("build with nothing: %d %q", code, stderr)
	}
	// -v is --verbose, never --version.
	code, out, stderr = run(t, "", "-v")
	if code != ExitUsage || strings.Contains(out, "guidepress dev") || !strings.Contains(stderr, "--version") {
		t.Errorf("guidepress -v: %d %q %q", code, out, stderr)
	}
	for typed, want := range map[string]string{"--formt": "Did you mean --format?", "--fromat": "Did you mean --format?",
		"--papr": "Did you mean --paper?", "-format": "Did you mean --format?", "--verbos": "Did you mean --verbose?"} {
		code, _, stderr := run(t, "", "build", example(t), typed, "pdf")
		if code != ExitUsage || !strings.Contains(stderr, want) {
			t.Errorf("%s: %d %q, want %q", typed, code, stderr, want)
		}
	}
	if _, _, stderr := run(t, "", "build", example(t), "--zzzzzz"); strings.Contains(stderr, "Did you mean") {
		t.Errorf("a flag like no other got a suggestion: %q", stderr)
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"build", "--paper", ""}, []string{"a4", "letter"}},
		{[]string{"build", "--format", ""}, []string{"epub", "pdf"}},
		{[]string{"build", "--format", "epub,"}, []string{"epub,pdf"}},
		{[]string{"build", "--lang", ""}, []string{"en", "en-GB", "fr"}},
		{[]string{"inspect", "--lang", ""}, []string{"en", "de"}},
		{[]string{"build", "--input-format", ""}, []string{"text", "markdown", "json"}},
	} {
		_, out, _ := run(t, "", append([]string{"__complete"}, tc.args...)...)
		for _, w := range tc.want {
			if !strings.Contains("\n"+out, "\n"+w+"\t") && !strings.Contains("\n"+out, "\n"+w+"\n") {
				t.Errorf("completing %v: %q lacks %s", tc.args, out, w)
			}
		}
	}
}

// On a terminal the progress bar replaces the per-guide lines, so the
// summary names the guides that had warnings.
func TestTerminalSummaryNamesGuidesWithWarnings(t *testing.T) {
	dir := t.TempDir()
	warn := filepath.Join(checkers.RepoRoot(), "testdata", "guides", "the-count-of-monte-cristo.txt")
	var outb, errb bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(""), Out: &outb, Err: &errb, ErrIsTerminal: true}
	code := Main(ios, []string{"build", example(t), warn, "-o", dir, "--format", "epub"})
	if code != 0 {
		t.Fatalf("%d %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "warnings in "+warn+" (3)") || strings.Contains(errb.String(), "frankenstein.txt (") {
		t.Errorf("summary should name the guide with warnings:\n%s", errb.String())
	}
}
