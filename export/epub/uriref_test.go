package epub

import (
	"net/url"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// refCases are references with whether parseRef cuts them itself.
var refCases = []struct {
	ref   string
	plain bool
}{
	{"xhtml/chapter-01.xhtml#s1-2", true},
	{"chapter-01.xhtml", true},
	{"#page-12", true},
	{"", true},
	{"#", true},
	{"../css/style.css", true},
	{"a/b_c.d-e#f.g_h-i", true},
	{"/abs/path.xhtml", false},
	{"//host/x", false},
	{"https://example.org/x#y", false},
	{"mailto:a@b", false},
	{"a:b", false},
	{"x.xhtml?q=1#f", false},
	{"x%20y.xhtml", false},
	{"x.xhtml#a#b", false},
	{"x.xhtml#a/b", false},
	{"x y", false},
	{"é.xhtml", false},
}

// TestParseRef: parseRef gives url.Parse's path, fragment and whether a
// scheme or host is named, cutting a plain reference itself.
func TestParseRef(t *testing.T) {
	for _, tc := range refCases {
		if got := plainRef(tc.ref); got != tc.plain {
			t.Errorf("plainRef(%q) = %v, want %v", tc.ref, got, tc.plain)
		}
		sameAsURLParse(t, tc.ref)
	}
}

func sameAsURLParse(t *testing.T, s string) {
	t.Helper()
	got, err := parseRef(s)
	u, uerr := url.Parse(s)
	if (err != nil) != (uerr != nil) {
		t.Fatalf("parseRef(%q) error %v, url.Parse %v", s, err, uerr)
	}
	if uerr != nil {
		return
	}
	want := uriRef{path: u.Path, fragment: u.Fragment, outside: u.Scheme != "" || u.Host != ""}
	if got != want {
		t.Fatalf("parseRef(%q) = %+v, url.Parse gives %+v", s, got, want)
	}
}

// TestSelfCheckAllocations: the self-check of a book of one-line
// sections does not make url.Parse's URL and strings for each of its
// links, two or three times: 3,000 sections, 18.9 objects and 1,707
// bytes a section before, 13.9 and 953 with parseRef.
func TestSelfCheckAllocations(t *testing.T) {
	if growth.Race {
		t.Skip("allocation counts are not meaningful under -race")
	}
	const n = 3000
	u := unpack(t, build(t, loadGrowth(t, growth.Sections, n), fixed))
	objects, bytes := growth.Allocations(func() {
		if err := verifyFiles(u.files); err != nil {
			t.Fatal(err)
		}
	})
	if per, b := float64(objects)/n, float64(bytes)/n; per > 16 || b > 1300 {
		t.Errorf("the self-check allocates %.1f objects and %.0f bytes a section (%d sections), want at most 16 and 1,300", per, b, n)
	}
}

// FuzzParseRef: parseRef is url.Parse for any reference.
func FuzzParseRef(f *testing.F) {
	for _, tc := range refCases {
		f.Add(tc.ref)
	}
	f.Fuzz(func(t *testing.T, s string) { sameAsURLParse(t, s) })
}
