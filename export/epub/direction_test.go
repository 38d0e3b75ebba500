package epub

import (
	"bytes"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/checkers"
)

// element is an XHTML element read back: its name, attributes and text.
type element struct {
	name  string
	attrs map[string]string // local name → value (lang and xml:lang both as "lang")
	text  string
}

// elements reads every element of an XHTML document, in document order,
// with the text directly and indirectly inside it.
func elements(t *testing.T, doc []byte) []element {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	var out []element
	var open []int // indexes into out of the elements not yet closed
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XHTML does not parse: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			e := element{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			open = append(open, len(out)-1)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			for _, i := range open {
				out[i].text += string(tk)
			}
		}
	}
	return out
}

func named(es []element, name string) []element {
	var out []element
	for _, e := range es {
		if e.name == name {
			out = append(out, e)
		}
	}
	return out
}

// TestDirection reads back the two right-to-left fixtures: a guide in
// Arabic has dir="rtl" on every document's <html> and <body> (the
// navigation document's too) and turns its pages right to left; an
// English guide quoting Hebrew and Arabic keeps the default direction,
// each of its blocks taking its own (dir="auto"), so a Hebrew quotation
// is set right to left inside it. Names set into a sentence of labels
// are isolated, so that "(750)" stays after an Arabic author's name.
func TestDirection(t *testing.T) {
	root := filepath.Join(checkers.RepoRoot(), "testdata", "guides")
	tests := []struct {
		file, lang, dir string
		// rtlBlocks are texts that must stand in a block of their own
		// with dir="auto" (the first strong character decides).
		rtlBlocks []string
		// isolated are names that must be inside a <bdi> or an element
		// with a dir of its own on the title page.
		isolated []string
	}{
		{"kalila-wa-dimna-ar.md", "ar", "rtl", []string{"هل كُتب الكتاب بالعربية أولًا؟"}, []string{"كليلة ودمنة", "ابن المقفع"}},
		{"book-of-ruth.txt", "en", "", []string{"כִּי אֶל־אֲשֶׁר תֵּלְכִי", "حَيْثُمَا ذَهَبْتِ أَذْهَبُ"}, []string{"The Book of Ruth"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			g := mustLoad(t, filepath.Join(root, tt.file))
			u := unpack(t, build(t, g, fixed))
			if got := u.opf.Spine.PageProgression; got != tt.dir {
				t.Errorf("page-progression-direction %q, want %q", got, tt.dir)
			}
			var docs []string
			for name := range u.files {
				if strings.HasSuffix(name, ".xhtml") {
					docs = append(docs, name)
				}
			}
			if len(docs) < 4 {
				t.Fatalf("only %d XHTML documents", len(docs))
			}
			found := map[string]bool{}
			for _, name := range docs {
				es := elements(t, u.files[name])
				html, body := named(es, "html"), named(es, "body")
				if len(html) != 1 || len(body) != 1 {
					t.Fatalf("%s: %d <html>, %d <body>", name, len(html), len(body))
				}
				if html[0].attrs["lang"] != tt.lang {
					t.Errorf("%s: <html lang=%q>, want %q", name, html[0].attrs["lang"], tt.lang)
				}
				if got := html[0].attrs["dir"]; got != tt.dir {
					t.Errorf("%s: <html dir=%q>, want %q", name, got, tt.dir)
				}
				// A right-to-left guide's body is right to left; any
				// other keeps go-epub's dir="auto" (or none, in the
				// navigation document).
				if got := body[0].attrs["dir"]; (tt.dir != "" && got != tt.dir) || (tt.dir == "" && got == "rtl") {
					t.Errorf("%s: <body dir=%q>", name, got)
				}
				for _, e := range es {
					for _, s := range tt.rtlBlocks {
						if strings.Contains(e.text, s) && (e.name == "p" || strings.HasPrefix(e.name, "h")) && e.attrs["dir"] == "auto" {
							found[s] = true
						}
					}
					if (e.name == "bdi" || e.name == "cite" && e.attrs["dir"] == "auto") && strings.HasSuffix(name, "title.xhtml") {
						found[e.text] = true
					}
				}
			}
			for _, s := range append(tt.rtlBlocks, tt.isolated...) {
				if !found[s] {
					t.Errorf("%q is not in a block with dir=\"auto\" nor isolated on the title page", s)
				}
			}
		})
	}
}
