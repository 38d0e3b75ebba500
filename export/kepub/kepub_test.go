package kepub

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/epub"
	"github.com/guidepress/guidepress/internal/checkers"
)

var opts = export.Options{Author: "Ana Rivera", Modified: time.Date(2024, 3, 5, 10, 20, 30, 0, time.UTC)}

func guide() *content.Guide {
	return &content.Guide{
		Title:    `The <Glass> & "Iron" Garden — A Study Guide`,
		Book:     content.Book{Title: `The <Glass> & "Iron" Garden`, Author: "Mary Shelley"},
		Language: "en",
		Synopsis: content.Plains(`It begins in <winter>. Then "spring" comes! Does it end? Yes… and no.`),
		Quotes:   []content.Quote{{Text: content.Plain("We are fashioned creatures, but half made up.")}},
		Sections: []content.Section{{Title: "Plot Summary", Blocks: []content.Block{
			{Kind: content.Paragraph, Text: content.Plain("Dr. Frankenstein works at night. The creature wakes.")},
			{Kind: content.List, Items: []content.ListItem{{Text: content.Plain("First point. Second sentence.")}, {Text: content.Plain("Another item")}}},
		}}},
		FAQ: []content.FAQEntry{{Question: "Why?", Answer: content.Plains("Because. It is so.")}},
	}
}

// text is the character data of a document's body, as a reader shows it.
func text(t *testing.T, doc []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var b strings.Builder
	in := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = in || t.Name.Local == "body"
		case xml.CharData:
			if in {
				b.Write(t)
			}
		}
	}
}

func TestSpans(t *testing.T) {
	doc := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en"><head><title>T</title><style>p { margin: 0 }</style></head>
<body dir="auto"><section epub:type="chapter"><h1>Title &amp; more</h1>
<p>One sentence. “Two,” she said! Three &lt;four&gt;? <em>Five</em> ends here.</p>
<p><img src="a.png" alt="x"/></p></section></body></html>`)
	out, err := Spans(doc)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		`<body dir="auto"><div id="book-columns"><div id="book-inner"><section epub:type="chapter">`,
		`<h1><span class="koboSpan" id="kobo.1.1">Title &amp; more</span></h1>`,
		`<span class="koboSpan" id="kobo.2.1">One sentence.</span> <span class="koboSpan" id="kobo.2.2">“Two,” she said!</span> <span class="koboSpan" id="kobo.2.3">Three &lt;four&gt;?</span>`,
		`<em><span class="koboSpan" id="kobo.2.4">Five</span></em>`,
		`<span class="koboSpan" id="kobo.3.1"><img src="a.png" alt="x"/></span>`,
		`</section></div></div></body>`,
		`<style>p { margin: 0 }</style>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s\nin %s", want, s)
		}
	}
	if text(t, out) != text(t, doc) {
		t.Errorf("the text changed:\n%q\n%q", text(t, out), text(t, doc))
	}
	ids := regexp.MustCompile(`id="(kobo\.[0-9.]+)"`).FindAllStringSubmatch(s, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %s twice", m[1])
		}
		seen[m[1]] = true
	}
}

func TestSentences(t *testing.T) {
	for in, want := range map[string]string{
		"One. Two.":                      "One.|Two.",
		"  lead and trail  ":             "lead and trail",
		"Dr. Who? Yes!\nNext… end":       "Dr.|Who?|Yes!|Next…|end",
		"He said “Stop.” Then left.":     "He said “Stop.”|Then left.",
		"e.g. abbreviations stay glued.": "e.g.|abbreviations stay glued.",
		"":                               "",
	} {
		var got []string
		for _, r := range sentences([]byte(in)) {
			got = append(got, in[r[0]:r[1]])
		}
		if strings.Join(got, "|") != want {
			t.Errorf("sentences(%q) = %q, want %q", in, strings.Join(got, "|"), want)
		}
	}
}

func TestBuild(t *testing.T) {
	k, _, err := Build(guide(), opts)
	if err != nil {
		t.Fatal(err)
	}
	again, _, _ := Build(guide(), opts)
	if !bytes.Equal(k, again) {
		t.Error("two builds differ")
	}
	if err := epub.Verify(k); err != nil {
		t.Fatalf("the Kobo EPUB fails the EPUB self-check and preflight: %v", err)
	}
	e, _, _ := epub.Build(guide(), opts)
	kf, _ := epub.Files(k)
	ef, _ := epub.Files(e)
	if len(kf) != len(ef) {
		t.Fatalf("%d files, the EPUB has %d", len(kf), len(ef))
	}
	spans := 0
	for name, data := range ef {
		kd := kf[name]
		switch {
		case strings.HasSuffix(name, ".xhtml") && !strings.HasSuffix(name, "nav.xhtml"):
			n := bytes.Count(kd, []byte(`class="koboSpan"`))
			if n == 0 || !bytes.Contains(kd, []byte(`<div id="book-inner">`)) {
				t.Errorf("%s: %d Kobo spans, book-inner %v", name, n, bytes.Contains(kd, []byte(`book-inner`)))
			}
			spans += n
			if text(t, kd) != text(t, data) {
				t.Errorf("%s: the text differs from the EPUB's", name)
			}
		default:
			if !bytes.Equal(kd, data) {
				t.Errorf("%s differs from the EPUB's", name)
			}
		}
	}
	// "Dr. Frankenstein works at night." is split after "Dr." (the
	// splitter knows no abbreviations), so count at least one span per
	// sentence of the body.
	if spans < 12 {
		t.Errorf("%d spans in the book", spans)
	}
}

// TestCalibreOpens: calibre reads the Kobo EPUB's metadata, contents and
// text (check-epub-calibre.sh from ../shared/tools).
func TestCalibreOpens(t *testing.T) {
	k, _, err := Build(guide(), opts)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "guide.kepub.epub")
	if err := os.WriteFile(p, k, 0o644); err != nil {
		t.Fatal(err)
	}
	r := checkers.Run(t, "check-epub-calibre.sh", "--min-toc", "3", "--expect-text", "The creature wakes.", p)
	if !r.Passed {
		t.Errorf("calibre:\n%s", r.Output)
	}
}
