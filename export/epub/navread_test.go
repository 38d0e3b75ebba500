package epub

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// navCases are navigation documents, written by hand, with the links
// encoding/xml reads from them; quickNavLinks either gives the same or
// leaves them to encoding/xml (ok false).
var navCases = []struct {
	name, doc string
	quick     bool // quickNavLinks reads it itself
}{
	{"toc and page list", `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>C</title></head><body>
<nav epub:type="toc" id="toc"><ol><li><a href="xhtml/a.xhtml#s1">One</a><ol><li><a href='xhtml/a.xhtml#s2'> <span>Two</span> </a></li></ol></li></ol></nav>
<nav epub:type="page-list" hidden=""><ol><li><a href="xhtml/a.xhtml#page-1">1</a></li></ol></nav>
</body></html>`, true},
	{"blank labels", `<html><body><nav epub:type="toc"><a href="x.xhtml"> 	
 </a><a href="y.xhtml"/><a href="z.xhtml">` + "\u00a0" + `</a><a href="w.xhtml"><!-- c --></a></nav></body></html>`, true},
	{"entities in labels", `<html><body><nav epub:type="landmarks toc"><a href="x.xhtml">&amp;</a><a href="y.xhtml">&lt;&gt;</a></nav></body></html>`, true},
	{"nested links", `<html><body><nav epub:type="toc"><a href="x.xhtml">A<a href="y.xhtml">B</a></a></nav><a href="after.xhtml">C</a></body></html>`, true},
	{"prefixed names", `<html xmlns:o="urn:o"><body><o:nav o:type="toc"><o:a o:href="x.xhtml">A</o:a></o:nav></body></html>`, true},
	{"character references", `<html><body><nav epub:type="toc"><a href="x.xhtml">&#32;&#x9;&#xA0;</a><a href="y.xhtml">Don&#39;t</a><a href="z.xhtml">&#x2003;&#65;</a></nav></body></html>`, true},
	{"a reference in a type", `<html><body><nav epub:type="&#116;oc"><a href="x.xhtml">A</a></nav></body></html>`, false},
	{"an entity in an href", `<html><body><nav epub:type="toc"><a href="x.xhtml?a=1&amp;b=2">A</a></nav></body></html>`, false},
	{"CDATA", `<html><body><nav epub:type="toc"><a href="x.xhtml"><![CDATA[ ]]></a></nav></body></html>`, false},
	{"another doctype", `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"><html><body><a href="x">A</a></body></html>`, false},
}

// textLink is a navLink with its href as a string, to compare the links
// read by quickNavLinks (hrefs where they are in the document) and by
// encoding/xml (hrefs in a buffer of their own).
type textLink struct {
	href         string
	toc, noLabel bool
}

// textLinks are links, whose hrefs are in buf, with their hrefs; never
// nil, so that no links read either way compare equal.
func textLinks(links []navLink, buf []byte) []textLink {
	r := &navRead{buf: buf}
	out := make([]textLink, 0, len(links))
	for _, l := range links {
		out = append(out, textLink{r.href(l), l.toc, l.noLabel})
	}
	return out
}

// quickTextLinks and xmlTextLinks are quickNavLinks' and xmlNavLinks'
// links of b, with their hrefs.
func quickTextLinks(b []byte) ([]textLink, bool) {
	links, ok := quickNavLinks(b)
	if !ok {
		return nil, false
	}
	return textLinks(links, b), true
}

func xmlTextLinks(b []byte) ([]textLink, error) {
	links, hrefs, err := xmlNavLinks(b)
	if err != nil {
		return nil, err
	}
	return textLinks(links, hrefs), nil
}

func TestQuickNavLinks(t *testing.T) {
	for _, tc := range navCases {
		want, err := xmlTextLinks([]byte(tc.doc))
		if err != nil {
			t.Fatalf("%s: encoding/xml: %v", tc.name, err)
		}
		got, ok := quickTextLinks([]byte(tc.doc))
		if ok != tc.quick {
			t.Errorf("%s: quickNavLinks reads it itself: %v, want %v", tc.name, ok, tc.quick)
		}
		if ok && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: quickNavLinks gives\n%+v\nencoding/xml\n%+v", tc.name, got, want)
		}
	}
}

// TestQuickNavLinksBuilds requires quickNavLinks to read the navigation
// document of built books itself, and as encoding/xml does: the fixtures,
// the seed when it is there, and growth shapes.
func TestQuickNavLinksBuilds(t *testing.T) {
	guides := repoGuides(t)
	for _, s := range []growth.Shape{growth.Sections, growth.Subsections, growth.FAQ} {
		guides["growth/"+s.String()] = loadGrowth(t, s, 300)
	}
	tricky := sampleGuide()
	tricky.Book.Title = `The <Glass> & "Iron" Garden 🌿 ]]> &amp;`
	tricky.Sections[0].Title = "Rock & Roll <live>"
	guides["tricky"] = tricky
	for name, g := range guides {
		u := unpack(t, build(t, g, fixed))
		nav := u.files[opfDir+navFile]
		want, err := xmlTextLinks(nav)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, ok := quickTextLinks(nav)
		if !ok {
			t.Errorf("%s: quickNavLinks leaves the navigation document to encoding/xml", name)
			continue
		}
		if !reflect.DeepEqual(got, want) || len(got) == 0 {
			t.Errorf("%s: quickNavLinks gives %d links, encoding/xml %d, not the same", name, len(got), len(want))
		}
	}
}

// TestReadNavAllocations: reading a navigation document's links costs
// their array, 12 bytes a link, and no allocation a link: not
// encoding/xml's string or slice for every name, attribute and run of
// text (about eleven a link), nor a string for each href (one a link
// and 55 bytes a link with the array, 2,000 one-line sections, before
// the hrefs were kept as where they are in the document).
func TestReadNavAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("allocation counts are not meaningful under -race")
	}
	u := unpack(t, build(t, loadGrowth(t, growth.Sections, 2000), fixed))
	var links int
	objects, bytes := growth.Allocations(func() {
		r, err := readNav(opfDir+navFile, u.files[opfDir+navFile], nil)
		if err != nil {
			t.Fatal(err)
		}
		links = len(r.links)
	})
	if links < 2000 {
		t.Fatalf("%d links", links)
	}
	if per := float64(objects) / float64(links); per > 0.1 {
		t.Errorf("%.2f allocations a link (%d links), want at most 0.1", per, links)
	}
	// The links' array is made once, at its size: grown by append, its
	// 32 bytes a link were copied a dozen times.
	if per := float64(bytes) / float64(links); per > 16 {
		t.Errorf("%.0f bytes allocated a link (%d links), want at most 16", per, links)
	} else {
		t.Logf("%.0f bytes allocated a link (%d links)", per, links)
	}
}

// FuzzQuickNavLinks: on a document wellFormed accepts, quickNavLinks
// gives encoding/xml's links or leaves them to it.
func FuzzQuickNavLinks(f *testing.F) {
	for _, tc := range navCases {
		f.Add([]byte(tc.doc))
	}
	nav := unpack(f, build(f, sampleGuide(), fixed)).files[opfDir+navFile]
	if len(nav) < 8192 {
		f.Add(nav)
	}
	f.Add([]byte(strings.Repeat("<a>", 3)))
	f.Fuzz(func(t *testing.T, b []byte) {
		if wellFormed(b) != nil {
			return
		}
		got, ok := quickTextLinks(b)
		if !ok {
			return
		}
		want, err := xmlTextLinks(b)
		if err != nil {
			t.Fatalf("quickNavLinks reads %q, which encoding/xml does not: %v", b, err)
		}
		// slices.Equal, not reflect.DeepEqual: a document of no links
		// may give an empty slice one way and nil the other.
		if !slices.Equal(got, want) {
			t.Fatalf("on %q quickNavLinks gives %+v, encoding/xml %+v", b, got, want)
		}
	})
}

// BenchmarkReadNav: the navigation document of 20,000 one-line sections
// read by quickNavLinks and by encoding/xml.
func BenchmarkReadNav(b *testing.B) {
	nav := unpack(b, build(b, loadGrowth(b, growth.Sections, 20000), fixed)).files[opfDir+navFile]
	b.Run("quick", func(b *testing.B) {
		b.SetBytes(int64(len(nav)))
		for b.Loop() {
			if _, ok := quickNavLinks(nav); !ok {
				b.Fatal("not read")
			}
		}
	})
	b.Run("encoding-xml", func(b *testing.B) {
		b.SetBytes(int64(len(nav)))
		for b.Loop() {
			if _, _, err := xmlNavLinks(nav); err != nil {
				b.Fatal(err)
			}
		}
	})
}
