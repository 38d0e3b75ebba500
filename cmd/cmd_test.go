package cmd

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/checkers"
)

// run executes the CLI in-process against buffers, as the GitHub CLI's
// command tests do.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(stdin), Out: &out, Err: &errb}
	code = Main(ios, args)
	return code, out.String(), errb.String()
}

func example(t *testing.T) string {
	t.Helper()
	p := filepath.Join(checkers.RepoRoot(), "examples", "frankenstein.txt")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("bundled example missing: %v", err)
	}
	return p
}

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := run(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "guidepress dev (commit ") {
		t.Errorf("--version: %d %q", code, out)
	}
	for _, args := range [][]string{{"--help"}, {"build", "--help"}, {"inspect", "--help"}} {
		code, out, _ := run(t, "", args...)
		if code != 0 || !strings.Contains(out, "Examples:") && !strings.Contains(out, "Example") {
			t.Errorf("%v: code %d, no examples in help:\n%s", args, code, out)
		}
	}
	code, out, _ = run(t, "", "completion", "bash")
	if code != 0 || !strings.Contains(out, "__start_guidepress") {
		t.Errorf("completion bash: %d", code)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	dir := t.TempDir()
	ex := example(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"build"}, "build needs something to build"},
		{[]string{"build", ex, "--format", "docx"}, `unknown format "docx"`},
		{[]string{"build", ex, "--paper", "a5"}, "use a4 or letter"},
		{[]string{"build", ex, "--style", "huge"}, `--style: unknown style "huge": use standard, compact, large-print, dyslexia`},
		{[]string{"build", ex, "--max-size", "lots"}, "--max-size"},
		{[]string{"build", ex, "--cover", ex}, "is not a JPEG or PNG"},
		{[]string{"build", ex, "--bogus"}, "unknown flag"},
		{[]string{"build", filepath.Join(dir, "nope.txt")}, "no such file or directory"},
		{[]string{"inspect"}, "inspect needs one guide file"},
		{[]string{"frobnicate"}, "unknown command"},
	} {
		code, _, stderr := run(t, "", tt.args...)
		if code != ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if code, _, stderr := run(t, "", "build", ex, "-o", dir); code != ExitUsage || !strings.Contains(stderr, "SOURCE_DATE_EPOCH") {
		t.Errorf("bad SOURCE_DATE_EPOCH: %d %q", code, stderr)
	}
}

func TestInspectOutlineAndJSONRoundTrip(t *testing.T) {
	ex := example(t)
	code, out, stderr := run(t, "", "inspect", ex)
	if code != 0 {
		t.Fatalf("inspect: %d %s", code, stderr)
	}
	for _, want := range []string{"Book:       Frankenstein", "Author:     Mary Shelley", "Guide by:   the guidepress authors", "FAQ:", "Sections:", "Diagnostics:"} {
		if !strings.Contains(out, want) {
			t.Errorf("outline lacks %q:\n%s", want, out)
		}
	}
	code, js, stderr := run(t, "", "inspect", "--json", ex)
	if code != 0 {
		t.Fatalf("inspect --json: %d %s", code, stderr)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := "author book diagnostics faq language quotes reading_minutes sections synopsis title version"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("top-level keys = %s, want %s", got, want)
	}
	// The JSON is input too, from stdin, detected by content.
	code, js2, stderr := run(t, js, "inspect", "--json", "-")
	if code != 0 {
		t.Fatalf("inspect --json - (JSON input): %d %s", code, stderr)
	}
	if js2 != js {
		t.Errorf("JSON → inspect --json is not a fixed point")
	}
}

func TestInspectBadInputExit1(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	code, _, stderr := run(t, "", "inspect", empty)
	if code != ExitFailed || !strings.Contains(stderr, empty) {
		t.Errorf("empty input: exit %d, stderr %q", code, stderr)
	}
}

func TestBuildExampleBothFormats(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	code, _, stderr := run(t, "", "build", example(t), "-o", dir)
	if code != 0 {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	first := map[string][]byte{}
	for _, name := range []string{"frankenstein.epub", "frankenstein.pdf"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		first[name] = data
	}
	if !strings.Contains(stderr, "1 guide built (2 files), 0 failed") {
		t.Errorf("summary missing: %q", stderr)
	}
	// Reproducible: the same input and SOURCE_DATE_EPOCH give the same bytes.
	if code, _, stderr := run(t, "", "build", example(t), "-o", dir, "-q"); code != 0 || stderr != "" {
		t.Fatalf("quiet rebuild: %d %q", code, stderr)
	}
	for name, want := range first {
		got, _ := os.ReadFile(filepath.Join(dir, name))
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs between two builds with SOURCE_DATE_EPOCH set", name)
		}
	}
	// --format picks one output.
	dir2 := t.TempDir()
	if code, _, stderr := run(t, "", "build", example(t), "-o", dir2, "--format", "pdf", "--paper", "letter"); code != 0 {
		t.Fatalf("pdf only: %s", stderr)
	}
	entries, _ := os.ReadDir(dir2)
	if len(entries) != 1 || entries[0].Name() != "frankenstein.pdf" {
		t.Errorf("--format pdf wrote %v", entries)
	}
}

// A guide read from stdin is named after its book's title; a hostile title
// must not be able to name a file outside the output directory.
func TestStdinWithHostileTitleStaysInOutputDir(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	guide := "../../etc/pass\x00wd / <Glass> & Co\n\nby A. Writer\n\nPlot Summary\n\nPart One\n\nSomething happens in part one of this book.\n\nPart Two\n\nSomething else happens next.\n"
	code, _, stderr := run(t, guide, "build", "-", "-o", out, "--format", "epub")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 || entries[0].Name() != "etc-passwd-glass-co.epub" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("outputs = %v, want [etc-passwd-glass-co.epub]", names)
	}
	if siblings, _ := os.ReadDir(dir); len(siblings) != 1 {
		t.Errorf("something was written beside the output directory: %v", siblings)
	}
}

// TestWorksheetFormat: --format worksheet writes NAME.worksheet.pdf, and
// NAME.answers.pdf only for a guide with an FAQ; booklet NAME.booklet.pdf;
// --style shapes them all.
func TestWorksheetFormat(t *testing.T) {
	dir := t.TempDir()
	noFAQ := filepath.Join(dir, "nofaq.txt")
	if err := os.WriteFile(noFAQ, []byte("Plain Guide\n\nPlot Summary\n\nSomething happens to someone somewhere, and then it ends.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := run(t, "", "build", example(t), noFAQ, "-o", out, "--format", "worksheet,booklet", "--style", "large-print", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var names []string
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := []string{"frankenstein.answers.pdf", "frankenstein.booklet.pdf", "frankenstein.worksheet.pdf", "nofaq.booklet.pdf", "nofaq.worksheet.pdf"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("wrote %q, want %q", names, want)
	}
	for _, n := range names {
		b, _ := os.ReadFile(filepath.Join(out, n))
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s is not a PDF", n)
		}
	}
	// --help says that --style leaves the EPUB alone but for its page
	// numbers, which follow the PDF's pages (issue 14).
	if _, help, _ := run(t, "", "build", "--help"); !strings.Contains(help, "--style") || !strings.Contains(help, "the EPUB's text and look do not change") ||
		!strings.Contains(help, "page numbers") {
		t.Errorf("build --help does not say that --style leaves the EPUB alone but for its page numbers:\n%s", help)
	}
}

// Chinese, Japanese and Korean text is never printed (no font is
// embedded: fonts/cjk.go); inspect and build -v say so, and what to do.
func TestInspectAdvisesOnCJK(t *testing.T) {
	guide := "The Gate\n\nby Ann Lee\n\nPlot Summary\n\nThe gate said 門 (mon) and さようなら to all who left.\n"
	for _, args := range [][]string{{"inspect", "-"}, {"build", "-v", "--format", "pdf", "-o", t.TempDir(), "-"}} {
		_, out, stderr := run(t, guide, args...)
		all := out + stderr
		for _, want := range []string{"Han text in section \"Plot Summary\" cannot be printed", "U+9580", "Hiragana text", "transliteration", "EPUB"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: %q missing:\n%s", args[0], want, all)
			}
		}
	}
}

// inspect reports the characters the PDF cannot print, as build -v does
// (issue 15: it used to say 0 warnings for the same file).
func TestInspectReportsUnprintable(t *testing.T) {
	guide := "The Gate\n\nby Ann Lee\n\nPlot Summary\n\nThe gate said ཀཁག to all who came.\n"
	code, out, stderr := run(t, guide, "inspect", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "Tibetan text in section \"Plot Summary\" cannot be printed") || !strings.Contains(out, "1 warning") {
		t.Errorf("inspect does not report the unprintable Tibetan:\n%s", out)
	}
}

// TestInspectShowsCredits: inspect's outline shows the guide's own author
// and publisher, which the EPUB, PDF and MARC record give as its creator
// and publisher, and neither line when the guide has none (it showed
// neither before).
func TestInspectShowsCredits(t *testing.T) {
	const with = `{"title": "T", "author": "Ms A. Teacher", "publisher": "Hillside School Library", "book": {"title": "B", "author": "N. Ovelist"}, "synopsis": ["S."]}`
	const without = `{"title": "T", "book": {"title": "B", "author": "N. Ovelist"}, "synopsis": ["S."]}`
	for _, c := range []struct {
		in   string
		want []string
		not  []string
	}{
		{with, []string{"Author:     N. Ovelist", "Guide by:   Ms A. Teacher", "Publisher:  Hillside School Library"}, nil},
		{without, []string{"Author:     N. Ovelist"}, []string{"Guide by:", "Publisher:"}},
	} {
		code, out, stderr := run(t, c.in, "inspect", "-")
		if code != 0 {
			t.Fatalf("inspect: %d %s", code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("outline lacks %q:\n%s", w, out)
			}
		}
		for _, w := range c.not {
			if strings.Contains(out, w) {
				t.Errorf("outline has %q:\n%s", w, out)
			}
		}
	}
}
