package epub

import (
	"path"
	"strings"
	"testing"
)

var wellFormedCases = []struct {
	doc   string
	quick bool // quickWellFormed vouches for it
	ok    bool // encoding/xml accepts it
}{
	{`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n<html xmlns=\"x\" xml:lang='en'><body><p a=\"&amp;&lt;&gt;&#34;&#39;&#x1F33F;\">Ünï &amp; 🌿 </p><br/><br /></body></html>\n", true, true},
	{`<a><!-- a - comment --><b c = "d"	e='f' /></a>`, true, true},
	{`<a>]]</a>`, true, true},
	{`<a x="]]>"></a>`, true, true},
	{`<a:b><c:d/></a:b>`, true, true},
	{`<a></b>`, false, false},
	{`<a>`, false, false},
	{`</a>`, false, false},
	{`<a><b></a></b>`, false, false},
	{`<a x=1></a>`, false, false},
	{`<a x></a>`, false, false},
	{`<a x="<"></a>`, false, false},
	{`<a x="1></a>`, false, false},
	{`<a>]]></a>`, false, false},
	{`<a>&nbsp;</a>`, false, false},
	{`<a>&amp</a>`, false, false},
	{`<a>&#0;</a>`, false, false},
	{`<a>&#;</a>`, false, false},
	{`<a>&#X41;</a>`, false, false},
	{"<a>\x01</a>", false, false},
	{"<a>\xff</a>", false, false},
	{"<a>\uFFFE</a>", false, false},
	{`<a><!-- x -- y --></a>`, false, false},
	{`<a:b:c></a:b:c>`, false, false},
	{`<1a></1a>`, false, false},
	{`< a></a>`, false, false},
	{`<a/ >`, false, false},
	{`<?xml version="1.1"?><a/>`, false, false},
	// Well-formed, but left to encoding/xml.
	{`<a><![CDATA[<x>]]></a>`, false, true},
	{`<?xml version='1.0'?><a/>`, false, true},
	{`<!DOCTYPE html SYSTEM "about:legacy-compat"><a/>`, false, true},
	{`<ä></ä>`, false, true},
	{`<a>&#xD800;</a>`, false, true},
	{`<a>&#00000065;</a>`, false, true},
}

func TestQuickWellFormed(t *testing.T) {
	for _, tc := range wellFormedCases {
		if got := quickWellFormed([]byte(tc.doc)); got != tc.quick {
			t.Errorf("quickWellFormed(%q) = %v, want %v", tc.doc, got, tc.quick)
		}
		if err := wellFormed([]byte(tc.doc)); (err == nil) != tc.ok {
			t.Errorf("wellFormed(%q) = %v, want ok %v", tc.doc, err, tc.ok)
		}
		if err := xmlWellFormed([]byte(tc.doc)); (err == nil) != tc.ok {
			t.Errorf("encoding/xml on %q: %v, the table says ok %v", tc.doc, err, tc.ok)
		}
	}
}

// TestQuickWellFormedBuilds requires quickWellFormed to vouch for every
// XML file of built books, so that the self-check does not quietly fall
// back to encoding/xml for all of them.
func TestQuickWellFormedBuilds(t *testing.T) {
	for _, name := range []string{"sample", "tricky"} {
		g := sampleGuide()
		if name == "tricky" {
			g.Book.Title = `The <Glass> & "Iron" Garden 🌿 ]]> &amp;`
		}
		u := unpack(t, build(t, g, fixed))
		n := 0
		for f, b := range u.files {
			switch path.Ext(f) {
			case ".xml", ".xhtml", ".opf", ".ncx":
				n++
				if !quickWellFormed(b) {
					t.Errorf("%s: %s: quickWellFormed leaves it to encoding/xml (%v)", name, f, xmlWellFormed(b))
				}
			}
		}
		if n < 5 {
			t.Fatalf("%s: only %d XML files", name, n)
		}
	}
}

// FuzzQuickWellFormed: quickWellFormed never accepts what encoding/xml
// rejects.
func FuzzQuickWellFormed(f *testing.F) {
	for _, tc := range wellFormedCases {
		f.Add([]byte(tc.doc))
	}
	u := unpack(f, build(f, sampleGuide(), fixed))
	for name, b := range u.files {
		if strings.HasSuffix(name, "xhtml") && len(b) < 4096 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if quickWellFormed(b) {
			if err := xmlWellFormed(b); err != nil {
				t.Fatalf("quickWellFormed accepts %q, which encoding/xml rejects: %v", b, err)
			}
		}
	})
}
