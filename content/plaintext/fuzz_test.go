package plaintext

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content/decode"
	"github.com/guidepress/guidepress/internal/fuzzmin"
)

// TestMain: a bare `go test -fuzz` minimises a new input for 5 s, as
// scripts/fuzz.sh does, not Go's 60 s (see internal/fuzzmin: with ~1 KB
// seeds both workers sat minimising and FuzzPlaintext made ~100 execs in
// 20 s).
func TestMain(m *testing.M) {
	fuzzmin.Default(5 * time.Second)
	m.Run()
}

// FuzzPlaintext: whatever the bytes, Parse does not panic, and it either
// fails or returns a guide that passes Validate and has lost no text.
// Seeds: the small focused cases and the corpus in
// testdata/fuzz/FuzzPlaintext; the big fixtures would only slow the mutator
// down (TestNoTextLost covers them).
func FuzzPlaintext(f *testing.F) {
	cases, _ := filepath.Glob("testdata/cases/*.txt")
	for _, p := range cases {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := decode.Text(data)
		if err != nil {
			return
		}
		for _, smart := range []bool{true, false} {
			g, err := Parse(text, Options{NoSmart: !smart})
			if err != nil {
				if g != nil {
					t.Fatal("a guide returned with an error")
				}
				continue
			}
			if err := g.Validate(); err != nil {
				t.Fatalf("invalid model: %v\ninput: %q", err, text)
			}
			if lost := lostText(text, g); len(lost) > 0 {
				t.Fatalf("lost text %q\ninput: %q", lost, text)
			}
		}
	})
}
