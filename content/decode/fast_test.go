package decode

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// slowText is Text without the cleanAlready fast path.
func slowText(data []byte) (string, error) {
	d := data
	if bytes.HasPrefix(d, []byte{0xEF, 0xBB, 0xBF}) {
		d = d[3:]
	}
	runes, _, err := utf8Runes(d)
	if err != nil {
		return "", err
	}
	text, _ := clean(runes)
	return text, nil
}

func checkFast(t *testing.T, data []byte) {
	t.Helper()
	d := data
	if bytes.HasPrefix(d, []byte{0xEF, 0xBB, 0xBF}) {
		d = d[3:]
	}
	if !cleanAlready(d) || isBinary(d) {
		return
	}
	want, err := slowText(data)
	if err != nil {
		t.Fatalf("%q: slow path: %v", data, err)
	}
	if string(d) != want {
		t.Fatalf("%q: the fast path keeps bytes the slow path changes to %q", data, want)
	}
	runes, _, _ := utf8Runes(d)
	if _, diags := clean(runes); len(diags) > 0 {
		t.Fatalf("%q: the fast path drops diagnostics %v", data, diags)
	}
}

var fastCases = []string{
	"", "a", "Title\nby Someone\n\nText.\n", "tab\there", "cr\r\n", "ff\f", "\x7f", "c1 \u0085 \u0080 \u009f", "nbsp\u00a0 é",
	"ls\u2028ps\u2029", "dash \u2014 \u2026", "bad \ufffd \ufffe \uffff \ufeff", "\ufeffbom", "\xef\xbb\xbf\ufeffdouble", "ok \uef00 \ufffc",
	"invalid \xff", "emoji 🌿",
}

func TestCleanAlready(t *testing.T) {
	for _, s := range fastCases {
		checkFast(t, []byte(s))
	}
	// Nothing the slow path would change may pass.
	for _, s := range []string{"cr\r\n", "ff\f", "\x7f", "\u0085", "\u2028", "\u2029", "\ufffd", "\ufffe", "\uffff", "\ufeffx", "\x00"} {
		if cleanAlready([]byte(s)) {
			t.Errorf("cleanAlready(%q)", s)
		}
	}
	paths, _ := filepath.Glob("../../testdata/guides/*.txt")
	paths = append(paths, "../../examples/frankenstein.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkFast(t, data)
	}
}

func FuzzCleanAlready(f *testing.F) {
	for _, s := range fastCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkFast(t, data) })
}
