package epub

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/internal/checkers"
)

// hamletGuide is the model v2 fixture: every block kind, attributed and
// explained quotes, a verse quote, inline styles and links, and a
// paragraph of markup typed as text.
func hamletGuide(t testing.TB) *content.Guide {
	t.Helper()
	return mustLoad(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "hamlet-v2.json"))
}

// mustLoad reads and imports a guide that must be there.
func mustLoad(t testing.TB, p string) *content.Guide {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	g, err := importer.Load(p, data, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestHamletFixture builds the fixture and reads it back (checkStructure:
// every item, term, cell, attribution and verse line in its element, in
// order), then checks what the read-back cannot see.
func TestHamletFixture(t *testing.T) {
	g := hamletGuide(t)
	opts := export.Options{Modified: fixed.Modified}
	data := build(t, g, opts)
	checkStructure(t, g, data, opts)
	u := unpack(t, data)
	golden(t, "hamlet-v2", u.outline(t))

	// The fixture uses what the test means to check.
	kinds := map[content.BlockKind]int{}
	var walk func([]content.Section)
	walk = func(ss []content.Section) {
		for _, s := range ss {
			for _, b := range s.Blocks {
				kinds[b.Kind]++
			}
			walk(s.Subsections)
		}
	}
	walk(g.Sections)
	for _, k := range content.BlockKinds {
		if kinds[k] == 0 {
			t.Errorf("the fixture has no %s block", k)
		}
	}

	xhtml := func(file string) string { return string(u.files[opfDir+xhtmlDir+file]) }
	all := ""
	for name, b := range u.files {
		if strings.HasSuffix(name, ".xhtml") {
			all += string(b)
		}
	}
	for _, s := range []string{
		`<ol start="4">`,
		`<ol type="a">`, // a multiple-choice question's options keep their letters
		`<ol type="A">`,
		`<th scope="col" dir="auto">What happens</th>`,
		`<td dir="auto"></td>`, // an empty cell stays a cell
		`<footer class="attribution" dir="auto">— <cite>Hamlet, Act 3, Scene 1</cite></footer>`,
		`<em>Macbeth</em>`,
		`<strong>once</strong>`,
		`<strong><em>&lt;Tales&gt; from Shakespeare</em></strong>`,
		`<a href="https://www.gutenberg.org/ebooks/1524">Project Gutenberg</a>`,
		`https://<wbr />www.folger.edu/<wbr />explore/`,
		`<span class="line">“To be, or not to be, that is the question:</span><br />`,
		`<p class="speaker" dir="auto">Ophelia</p>`,
	} {
		if !strings.Contains(all, s) {
			t.Errorf("no %s in the book", s)
		}
	}

	// The torture paragraph: markup typed as text stays text, character
	// for character, in a paragraph with no element inside it.
	d := parseXHTML(t, "chapter-06", u.files[opfDir+xhtmlDir+chapterFile(5)])
	const typed = "Typed as text: *not bold*, _not italic_, <b>not a tag</b>, &amp; not an entity, and a < b > c."
	ps := d.find(func(n *node) bool { return n.Name == "p" && strings.HasPrefix(n.text(), "Typed as text") })
	if len(ps) != 1 || ps[0].text() != typed || len(ps[0].elems()) != 0 {
		t.Errorf("torture paragraph read back as %v", ps)
	}
	if !strings.Contains(xhtml(chapterFile(5)), `&lt;b&gt;not a tag&lt;/b&gt;, &amp;amp; not an entity, and a &lt; b &gt; c.`) {
		t.Error("the torture paragraph is not escaped as expected")
	}
	for _, n := range d.find(func(n *node) bool { return n.Name == "b" || n.Name == "i" }) {
		t.Errorf("typed markup became an element: %v", n)
	}

	// Key Quotes are quotations in their own right, never pull quotes, and
	// their marks are text.
	q := xhtml(quoteFile)
	if strings.Contains(q, "<aside") || strings.Contains(q, "pullquote") {
		t.Error("a Key Quote is an aside or a pull quote")
	}
	if !strings.Contains(q, "<p dir=\"auto\">“Something is rotten in the state of Denmark.”</p>") {
		t.Error("Key Quote without its quotation marks in the text")
	}
	css := string(u.files["EPUB/css/style.css"])
	if strings.Contains(css, `\201C`) || strings.Contains(css, "content:") {
		t.Error("the stylesheet generates text (quotation marks belong in the text)")
	}
	// Reader fonts win: no font size or length in an absolute unit.
	if m := regexp.MustCompile(`[0-9.]+(px|pt|pc|cm|mm|in)\b`).FindString(css); m != "" {
		t.Errorf("the stylesheet has an absolute length %s", m)
	}

	// Navigation and metadata are plain text.
	toc := strings.Join(u.navOutline(t, "toc"), "\n")
	if !strings.Contains(toc, "Notes & Markup That Must Stay Text → ") {
		t.Errorf("toc: %s", toc)
	}
	if desc := u.meta("description"); len(desc) != 1 || !strings.Contains(desc[0], "Hamlet follows his slow") {
		t.Errorf("description %q is not the synopsis's plain text", desc)
	}
	if !bytes.Contains(u.files[opfDir+xhtmlDir+titleFile], []byte("by <bdi>William Shakespeare</bdi> (1603)")) {
		t.Error("the book's year is not on the title page")
	}
}

// TestGuideCredits: the guide's own author and publisher reach the
// catalogue metadata and the title page unless the options override them;
// the book's author never does.
func TestGuideCredits(t *testing.T) {
	g := hamletGuide(t)
	for _, c := range []struct {
		name                 string
		opts                 export.Options
		creator, publisher   string
		notCreator, notTitle string
	}{
		{"from the guide", export.Options{Modified: fixed.Modified}, g.Author, g.Publisher, "", ""},
		{"flags override", fixed, fixed.Author, fixed.Publisher, g.Author, g.Author},
		{"author flag only", export.Options{Modified: fixed.Modified, Author: "Mr. X"}, "Mr. X", g.Publisher, g.Author, g.Author},
	} {
		t.Run(c.name, func(t *testing.T) {
			u := unpack(t, build(t, g, c.opts))
			if got := u.meta("creator"); len(got) != 1 || got[0] != c.creator {
				t.Errorf("dc:creator %q, want %q", got, c.creator)
			}
			if got := u.meta("publisher"); len(got) != 1 || got[0] != c.publisher {
				t.Errorf("dc:publisher %q, want %q", got, c.publisher)
			}
			title := string(u.files[opfDir+xhtmlDir+titleFile])
			if !strings.Contains(title, "Guide by <bdi>"+c.creator+"</bdi>") || !strings.Contains(title, "Published by <bdi>"+c.publisher+"</bdi>") {
				t.Error("title page credits do not match the metadata")
			}
			if c.notTitle != "" && strings.Contains(title, c.notTitle) {
				t.Errorf("overridden author %q still on the title page", c.notTitle)
			}
			for _, cr := range u.meta("creator") {
				if strings.Contains(cr, g.Book.Author) {
					t.Error("the book's author is dc:creator")
				}
			}
		})
	}
	// No author anywhere: no dc:creator, and the book is still valid.
	g.Author, g.Publisher = "", ""
	data := build(t, g, export.Options{Modified: fixed.Modified})
	if u := unpack(t, data); len(u.meta("creator")) != 0 || len(u.meta("publisher")) != 0 {
		t.Error("creator or publisher without one")
	}
	checkStructure(t, g, data, export.Options{Modified: fixed.Modified})
}

// TestQuoteMarks: quotations carry the marks of the guide's language in
// their text, and verse quotes carry them on their first and last lines.
func TestQuoteMarks(t *testing.T) {
	for lang, want := range map[string][2]string{
		"en": {"“", "”"}, "en-GB": {"“", "”"}, "fr": {"«\u00a0", "\u00a0»"}, "fr-CA": {"«\u00a0", "\u00a0»"},
		"de": {"„", "“"}, "de-CH": {"«", "»"}, "es": {"«", "»"}, "it": {"«", "»"},
		"pt": {"«", "»"}, "pt-BR": {"“", "”"}, "sv": {"”", "”"}, "zu": {"“", "”"},
	} {
		g := &content.Guide{Title: "T — A Study Guide", Book: content.Book{Title: "T", Author: "A"}, Language: lang,
			Quotes: []content.Quote{{Text: content.Plain("Une citation.")}},
			Sections: []content.Section{{Title: "S", Blocks: []content.Block{
				{Kind: content.BlockQuote, Lines: content.Plains("Vers un,", "vers deux."), Attribution: content.Plain("Acte I")},
			}}}}
		data := build(t, g, fixed)
		checkStructure(t, g, data, fixed) // reads the marks back with marksFor
		u := unpack(t, data)
		if q := string(u.files[opfDir+xhtmlDir+quoteFile]); !strings.Contains(q, want[0]+"Une citation."+want[1]) {
			t.Errorf("%s: quote %q lacks %s…%s", lang, q, want[0], want[1])
		}
		if c := string(u.files[opfDir+xhtmlDir+chapterFile(0)]); !strings.Contains(c, want[0]+"Vers un,") || !strings.Contains(c, "vers deux."+want[1]) {
			t.Errorf("%s: verse quote lacks its marks", lang)
		}
	}
}

// TestMarkupStaysText: whatever the text of a span, list item, term,
// cell, attribution or verse line, the book holds it as text.
func TestMarkupStaysText(t *testing.T) {
	const evil = `<b>x</b> &amp; <script>alert(1)</script> *y* _z_ ]]> "q" 'a'`
	ev := content.Text{{Text: evil}, {Text: evil, Em: true}, {Text: evil, Strong: true, Href: "https://example.org/a'b?a=1&b=2#ü"}}
	g := &content.Guide{Title: evil, Book: content.Book{Title: evil, Author: evil}, Language: "en",
		Synopsis: []content.Text{ev},
		Quotes:   []content.Quote{{Lines: []content.Text{ev, ev}, Attribution: ev, Explanation: []content.Text{ev}}},
		Sections: []content.Section{{Title: evil, Blocks: []content.Block{
			{Kind: content.List, Ordered: true, Start: 3, Items: []content.ListItem{{Text: ev, Sublist: &content.Sublist{Items: []content.ListItem{{Text: ev}}}}}},
			{Kind: content.Definitions, Terms: []content.Definition{{Term: ev, Definition: ev}}},
			{Kind: content.Table, Caption: ev, Header: []content.Text{ev, ev}, Rows: [][]content.Text{{ev, nil}}},
			{Kind: content.Verse, Speaker: evil, Lines: []content.Text{ev}},
			{Kind: content.BlockQuote, Text: ev, Attribution: ev, Explanation: []content.Text{ev, ev}},
		}}},
		FAQ: []content.FAQEntry{{Question: evil, Answer: []content.Text{ev}}},
	}
	data := build(t, g, fixed)
	checkStructure(t, g, data, fixed)
	_, elems := unpack(t, data).text(t)
	for _, bad := range []string{"b", "script"} {
		if elems[bad] {
			t.Errorf("<%s> in the book", bad)
		}
	}
}

// TestWithoutStylesheet converts the fixture to plain text with calibre,
// which drops the stylesheet as its AZW3 and TXT conversions do: the
// quotation marks, the attribution's dash and the verse's line breaks
// must survive, because they are text and markup, not CSS.
func TestWithoutStylesheet(t *testing.T) {
	if testing.Short() {
		t.Skip("calibre is slow; skipped with -short")
	}
	conv := checkers.Tool(t, "ebook-convert")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "hamlet.epub"), filepath.Join(dir, "hamlet.txt")
	if err := os.WriteFile(in, build(t, hamletGuide(t), fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(conv, in, out)
	cmd.Env = append(os.Environ(), "QT_QPA_PLATFORM=offscreen", "QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox",
		"CALIBRE_CONFIG_DIRECTORY="+filepath.Join(dir, "config"), "CALIBRE_TEMP_DIR="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ebook-convert: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	// Each of these is a line of its own, in this order.
	next := 0
	for _, want := range []string{
		"“Something is rotten in the state of Denmark.”",
		"— Marcellus, Act 1, Scene 4",
		"“To be, or not to be, that is the question:",
		"Whether 'tis nobler in the mind to suffer",
		"The slings and arrows of outrageous fortune,",
		"Or to take arms against a sea of troubles”",
		"— Hamlet, Act 3, Scene 1",
		"“Brevity is the soul of wit.”",
		"“The play's the thing wherein I'll catch the conscience of the king.”",
		"— Hamlet, Act 2, Scene 2",
		"Ophelia",
		"There's rosemary, that's for remembrance.",
		"Pray you, love, remember.",
		"And there is pansies, that's for thoughts.",
		"Typed as text: *not bold*, _not italic_, <b>not a tag</b>, &amp; not an entity, and a < b > c.",
	} {
		found := false
		for ; next < len(lines); next++ {
			if lines[next] == want {
				found = true
				next++
				break
			}
		}
		if !found {
			t.Errorf("calibre's text lacks the line %q (in order)", want)
			next = 0
		}
	}
	if t.Failed() {
		t.Logf("calibre's text:\n%s", strings.Join(lines, "\n"))
	}
}

// TestBlankLink: a link span with nothing to show (valid in the model,
// which checks the whole text) is set as plain text, not as a link
// without a name.
func TestBlankLink(t *testing.T) {
	g := sampleGuide()
	g.Sections[1].Blocks[0].Text = content.Text{{Text: "See "}, {Text: " ", Href: "https://example.org/"}, {Text: "", Href: "https://example.org/"}, {Text: "here", Href: "https://example.org/h"}}
	c := string(unpack(t, build(t, g, fixed)).files[opfDir+xhtmlDir+chapterFile(1)])
	if strings.Count(c, "<a ") != 1 || !strings.Contains(c, `See  <a href="https://example.org/h">here</a>`) {
		t.Errorf("blank link spans: %s", c)
	}
}
