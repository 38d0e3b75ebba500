package epub

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/export"
)

// goodFiles is the sample guide's EPUB, taken apart.
func goodFiles(t *testing.T) map[string][]byte {
	t.Helper()
	data, _, err := Build(sampleGuide(), export.Options{Modified: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	files, err := unzip(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := preflight(files); err != nil {
		t.Fatalf("the sample EPUB fails preflight: %v", err)
	}
	return files
}

func edit(t *testing.T, files map[string][]byte, name, old, new string) {
	t.Helper()
	if !bytes.Contains(files[name], []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	files[name] = bytes.Replace(files[name], []byte(old), []byte(new), 1)
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Each rule, with an EPUB that breaks it: preflight names the rule, and
// Verify (the self-check every build runs) refuses the book.
func TestPreflightRules(t *testing.T) {
	const opf, title, nav, css, cover = "EPUB/package.opf", "EPUB/xhtml/title.xhtml", "EPUB/nav.xhtml", "EPUB/css/style.css", "EPUB/images/cover.png"
	cases := []struct {
		name, rule, want string
		breakIt          func(t *testing.T, f map[string][]byte)
	}{
		{"no dc:language", RuleLanguage, "dc:language", func(t *testing.T, f map[string][]byte) {
			edit(t, f, opf, "<dc:language>en</dc:language>", "")
		}},
		{"document without lang", RuleLanguage, "no lang", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, ` lang="en" xml:lang="en"`, "")
		}},
		{"contents out of reading order", RuleTOCOrder, "reading order", func(t *testing.T, f map[string][]byte) {
			edit(t, f, nav, `<a href="xhtml/quotes.xhtml"`, `<a href="xhtml/PLACEHOLDER"`)
			edit(t, f, nav, `<a href="xhtml/chapter-01.xhtml"`, `<a href="xhtml/quotes.xhtml"`)
			edit(t, f, nav, `<a href="xhtml/PLACEHOLDER"`, `<a href="xhtml/chapter-01.xhtml"`)
		}},
		{"subsections out of order", RuleTOCOrder, "reading order", func(t *testing.T, f map[string][]byte) {
			edit(t, f, nav, `href="xhtml/chapter-01.xhtml#s1-1"`, `href="xhtml/chapter-01.xhtml#PLACEHOLDER"`)
			edit(t, f, nav, `href="xhtml/chapter-01.xhtml#s1-2"`, `href="xhtml/chapter-01.xhtml#s1-1"`)
			edit(t, f, nav, `href="xhtml/chapter-01.xhtml#PLACEHOLDER"`, `href="xhtml/chapter-01.xhtml#s1-2"`)
		}},
		{"CSS custom property", RuleDoubleHyphen, "--accent", func(t *testing.T, f map[string][]byte) {
			f[css] = append(f[css], ":root { --accent: #c00; }\np { color: var(--accent); }\n"...)
		}},
		{"custom property in a style attribute", RuleDoubleHyphen, "--x", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, `<body dir="auto"`, `<body dir="auto" style="--x: 1em"`)
		}},
		{"-- in an XML comment", RuleDoubleHyphen, "comment", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, "<head>", "<head><!-- old -- new -->")
		}},
		{"image over 5 MB", RuleImageLimits, "5 MB", func(t *testing.T, f map[string][]byte) {
			f[cover] = append(pngOf(t, 10, 10), make([]byte, 6<<20)...)
		}},
		{"image over 5.6 million pixels", RuleImageLimits, "million pixels", func(t *testing.T, f map[string][]byte) {
			f[cover] = pngOf(t, 3000, 2000)
		}},
		{"image not of its declared type", RuleImageLimits, "the file is jpeg", func(t *testing.T, f map[string][]byte) {
			var b bytes.Buffer
			jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 10, 10)), nil)
			f[cover] = b.Bytes()
		}},
		{"link to a missing file", RuleManifest, "not in the book", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, "</body>", `<p><img src="../images/gone.png" alt="x"/></p></body>`)
		}},
		// A plain reference is checked by its path, once for a run of
		// them (checkDocument): the next path is checked whole, and a
		// reference that is not plain is checked in full.
		{"link to a missing file after one to a file with a longer name", RuleManifest, "not in the book", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, "</body>", `<p><a href="chapter-01.xhtml#a">x</a><a href="chapter-01.xhtm#a">y</a></p></body>`)
		}},
		{"link to a missing file after one to the same file's fragment", RuleManifest, "not in the book", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, "</body>", `<p><a href="#a">x</a><a href="gone.xhtml#a">y</a></p></body>`)
		}},
		{"URI with a space after a good link to the same file", RuleURIEncoding, "percent-encode", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, "</body>", `<p><a href="chapter-01.xhtml#a">x</a><a href="chapter-01.xhtml#a b">y</a></p></body>`)
		}},
		{"link to a file outside the manifest", RuleManifest, "not in the manifest", func(t *testing.T, f map[string][]byte) {
			f["EPUB/images/extra.png"] = pngOf(t, 2, 2)
			edit(t, f, title, "</body>", `<p><img src="../images/extra.png" alt="x"/></p></body>`)
		}},
		{"URI with a space", RuleURIEncoding, "percent-encode", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, "</body>", `<p><a href="https://example.org/a b">x</a></p></body>`)
		}},
		{"URI with non-ASCII", RuleURIEncoding, "non-ASCII", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, "</body>", `<p><a href="https://example.org/café">x</a></p></body>`)
		}},
		{"bad percent escape", RuleURIEncoding, "%XX", func(t *testing.T, f map[string][]byte) {
			edit(t, f, title, "</body>", `<p><a href="https://example.org/100%">x</a></p></body>`)
		}},
		{"non-portable file name", RuleURIEncoding, "file name", func(t *testing.T, f map[string][]byte) {
			f["EPUB/images/café.png"] = f[cover]
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := goodFiles(t)
			c.breakIt(t, files)
			err := preflight(files)
			var pe *PreflightError
			if !errors.As(err, &pe) || pe.Rule != c.rule || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("preflight = %v; want rule %s saying %q", err, c.rule, c.want)
			}
			data, err := zipDeterministic(files, time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			if err := Verify(data); err == nil {
				t.Fatal("Verify accepts the broken EPUB")
			}
		})
	}
}

// The books guidepress writes pass, including the one with every hostile
// string and a right-to-left run.
func TestPreflightPassesOurBooks(t *testing.T) {
	for name, g := range map[string]func() []byte{
		"sample": func() []byte { d, _, _ := Build(sampleGuide(), export.Options{}); return d },
		"tricky": func() []byte { d, _, _ := Build(trickyGuide(), export.Options{}); return d },
	} {
		files, err := unzip(g())
		if err != nil {
			t.Fatal(err)
		}
		if err := preflight(files); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func BenchmarkPreflight(b *testing.B) {
	data, _, err := Build(sampleGuide(), export.Options{})
	if err != nil {
		b.Fatal(err)
	}
	files, _ := unzip(data)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := preflight(files); err != nil {
			b.Fatal(err)
		}
	}
}

// quotedAttrs replaced these expressions (a third of the self-check's
// time); it must find what they find, where they find it.
var quotedAttrsRefs = []struct {
	names []string
	re    *regexp.Regexp
}{
	{refAttrs, regexp.MustCompile(`\s(href|src|style)="([^"]*)"`)},
	{idName, regexp.MustCompile(`\sid="([^"]*)"`)},
}

func checkQuotedAttrs(t *testing.T, data []byte) {
	t.Helper()
	for _, ref := range quotedAttrsRefs {
		var want, got []string
		for _, loc := range ref.re.FindAllSubmatchIndex(data, -1) {
			name := strings.Join(ref.names, "")
			if len(loc) > 4 {
				name = string(data[loc[2]:loc[3]])
			}
			want = append(want, fmt.Sprintf("%d %s %q", loc[0], name, data[loc[len(loc)-2]:loc[len(loc)-1]]))
		}
		quotedAttrs(data, ref.names, func(start int, name string, value []byte) error {
			got = append(got, fmt.Sprintf("%d %s %q", start, name, value))
			return nil
		})
		if !slices.Equal(got, want) {
			t.Fatalf("quotedAttrs(%q, %q):\n got %q\nwant %q", data, ref.names, got, want)
		}
	}
	// One pass for several groups finds, for each, what its own pass finds.
	for _, groups := range [][][]string{refAndIDAttrs, {idName, refAttrs}, {{"id", "src"}, {"href", "id"}}} {
		want := make([][]string, len(groups))
		for g, names := range groups {
			quotedAttrs(data, names, func(start int, name string, value []byte) error {
				want[g] = append(want[g], fmt.Sprintf("%d %s %q", start, name, value))
				return nil
			})
		}
		got := make([][]string, len(groups))
		quotedAttrGroups(data, groups, func(g, start int, name string, value []byte) error {
			got[g] = append(got[g], fmt.Sprintf("%d %s %q", start, name, value))
			return nil
		})
		for g := range groups {
			if !slices.Equal(got[g], want[g]) {
				t.Fatalf("quotedAttrGroups(%q, %q), group %d:\n got %q\nwant %q", data, groups, g, got[g], want[g])
			}
		}
	}
}

func TestQuotedAttrsFindWhatTheExpressionsFind(t *testing.T) {
	for _, s := range []string{``, `="`, ` id="`, ` id="x"`, `id="x"`, `<a href="a.xhtml#b" id="c">`, "<p\tstyle=\"x\"\nsrc=\"y\"\rid=\"z\"\f>",
		` xhref="a" data-src="b" href=""`, ` src="a"href="b" src="c"`, ` href="a`, ` href=" id="x"`, `  id=""id="2"`, `"="=" id="=" "`, "\fid=\"f\"\rsrc=\"r\""} {
		checkQuotedAttrs(t, []byte(s))
	}
	for name, data := range goodFiles(t) {
		if strings.HasSuffix(name, "html") || strings.HasSuffix(name, ".opf") || strings.HasSuffix(name, ".ncx") {
			checkQuotedAttrs(t, data)
		}
	}
	// Random text over the characters the expressions treat apart.
	words := []string{" ", "\t", "\n", "\v", "\f", "\r", "=", `"`, `="`, "id", "href", "src", "style", "x", "-", ":"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, words[r.IntN(len(words))]...)
		}
		checkQuotedAttrs(t, b)
	}
}
