package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/decode"
)

// smallFixtures are the focused plain-text cases: big guides make slow
// fuzzing seeds (TestGolden covers those).
func smallFixtures(f *testing.F) []string {
	m, _ := filepath.Glob("../plaintext/testdata/cases/*.txt")
	return m
}

func seedJSON(f *testing.F) {
	for _, p := range smallFixtures(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		g, err := Load(p, data, Options{})
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		if err := content.EncodeJSON(&b, g); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Add([]byte(`{"title":"X","book":{"title":"Y"},"synopsis":["s"]}`))
	f.Add([]byte("{\n  \"title\": \"X\",,\n}"))
	f.Add([]byte(`{"title":"X","book":{"title":"Y"},"sections":[{"title":"S","blocks":[{"kind":"quote","text":"q"}],"subsections":[{"title":"T","subsections":[{"title":"U","subsections":[{"title":"V"}]}]}]}]}`))
}

// FuzzJSON: any JSON-looking input either fails with an *Error or gives a
// valid guide whose JSON form loads back unchanged. Load's panic guard must
// never fire.
func FuzzJSON(f *testing.F) {
	seedJSON(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Load("f.json", data, Options{})
		check(t, data, g, err)
	})
}

// FuzzLoad: the same for any input at all, text or JSON.
func FuzzLoad(f *testing.F) {
	for _, p := range smallFixtures(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Load("f.txt", data, Options{})
		check(t, data, g, err)
	})
}

// linesIn counts the input's lines as the reader numbers them: decode.Text
// ends a line at a form feed, vertical tab, lone CR, NEL or U+2028/9 too
// ("{\f" is two lines), so a raw count of "\n" is too few.
func linesIn(data []byte) int {
	n := bytes.Count(data, []byte("\n")) + 1
	if text, _, err := decode.Text(data); err == nil {
		n = max(n, strings.Count(text, "\n")+1)
	}
	return n
}

func check(t *testing.T, data []byte, g *content.Guide, err error) {
	t.Helper()
	if err != nil {
		var ie *Error
		if !errors.As(err, &ie) {
			t.Fatalf("error %v is a %T, not *importer.Error", err, err)
		}
		if n := linesIn(data); ie.Line < 0 || ie.Line > n {
			t.Fatalf("error %v names line %d of %d", err, ie.Line, n)
		}
		if errors.Is(err, errPanic) {
			t.Fatalf("importer panicked: %v", err)
		}
		if g != nil {
			t.Fatal("guide returned with an error")
		}
		return
	}
	if err := g.Validate(); err != nil {
		t.Fatalf("Load returned an invalid guide: %v", err)
	}
	var b bytes.Buffer
	if err := content.EncodeJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	back, err := Load("back.json", b.Bytes(), Options{})
	if err != nil {
		t.Fatalf("the JSON form does not load back: %v\n%s", err, b.String())
	}
	var b2 bytes.Buffer
	content.EncodeJSON(&b2, back)
	if !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Fatalf("JSON round trip changes the model:\n%s\n%s", b.String(), b2.String())
	}
}
