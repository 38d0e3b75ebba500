package epub

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"github.com/guidepress/guidepress/templates/labels"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/cover"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden and builtz.bin")

var fixed = export.Options{Modified: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC), Author: "Guidepress Editors", Publisher: "Guidepress"}

func build(t testing.TB, g *content.Guide, opts export.Options) []byte {
	t.Helper()
	b, _, err := Build(g, opts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// expectedTOC derives the table of contents from the model: synopsis, Key
// Quotes, sections → subsections, FAQ → questions.
func expectedTOC(g *content.Guide) []string {
	var out []string
	words := labels.For(g.Language)
	if len(g.Synopsis) > 0 {
		out = append(out, words.Synopsis+" → xhtml/title.xhtml#synopsis")
	}
	if len(g.Quotes) > 0 {
		out = append(out, words.KeyQuotes+" → xhtml/quotes.xhtml")
	}
	var walk func(ss []content.Section, depth int, file, id string)
	walk = func(ss []content.Section, depth int, file, id string) {
		for i, s := range ss {
			f, sid, href := file, fmt.Sprintf("%s-%d", id, i+1), ""
			if depth == 0 {
				f, sid = chapterFile(i), fmt.Sprintf("s%d", i+1)
				href = xhtmlDir + f
			} else {
				href = xhtmlDir + f + "#" + sid
			}
			out = append(out, strings.Repeat("  ", depth)+s.Title+" → "+href)
			walk(s.Subsections, depth+1, f, sid)
		}
	}
	walk(g.Sections, 0, "", "")
	if len(g.FAQ) > 0 {
		out = append(out, words.FAQ+" → xhtml/faq.xhtml")
		for i, f := range g.FAQ {
			out = append(out, fmt.Sprintf("  %s → xhtml/faq.xhtml#q%d", f.Question, i+1))
		}
	}
	return out
}

// checkStructure asserts everything a book must be for its guide.
func checkStructure(t *testing.T, g *content.Guide, data []byte, opts export.Options) {
	t.Helper()
	if err := Verify(data); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	u := unpack(t, data)
	if u.order[0] != "mimetype" {
		t.Errorf("first entry %s", u.order[0])
	}
	for name, b := range u.files {
		if ext := filepath.Ext(name); ext == ".xhtml" || ext == ".opf" || ext == ".ncx" || ext == ".xml" {
			if err := wellFormed(b); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			if ext == ".xhtml" && !bytes.Contains(b, []byte(` lang="`+g.Language+`" xml:lang="`+g.Language+`"`)) {
				t.Errorf("%s has no lang/xml:lang %q", name, g.Language)
			}
		}
	}

	// Reading order.
	want := []string{"xhtml/cover.xhtml", "xhtml/title.xhtml", "nav.xhtml"}
	if len(g.Quotes) > 0 {
		want = append(want, "xhtml/quotes.xhtml")
	}
	for i := range g.Sections {
		want = append(want, "xhtml/"+chapterFile(i))
	}
	if len(g.FAQ) > 0 {
		want = append(want, "xhtml/faq.xhtml")
	}
	if got := u.spine(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("spine:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Navigation.
	if got, want := u.navOutline(t, "toc"), expectedTOC(g); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("toc:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	lm := strings.Join(u.navOutline(t, "landmarks"), "\n")
	for _, typ := range []string{"cover:", "toc:", "titlepage:"} {
		if !strings.Contains(lm, typ) {
			t.Errorf("landmarks lack %s\n%s", typ, lm)
		}
	}
	if (len(g.Sections) > 0 || len(g.Quotes) > 0) != strings.Contains(lm, "bodymatter:") {
		t.Errorf("bodymatter landmark wrong:\n%s", lm)
	}
	if (len(g.FAQ) > 0) != strings.Contains(lm, "appendix: ") {
		t.Errorf("appendix landmark wrong:\n%s", lm)
	}

	// Metadata.
	eq := func(name string, want ...string) {
		t.Helper()
		if got := u.meta(name); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	eq("identifier", export.Identifier(g))
	eq("title", g.Title)
	eq("language", g.Language)
	eq("dcterms:modified", opts.Time().Format("2006-01-02T15:04:05Z"))
	// The guide's own author and publisher: the options', else the
	// guide's.
	creator, publisher := opts.Author, opts.Publisher
	if creator == "" {
		creator = g.Author
	}
	if publisher == "" {
		publisher = g.Publisher
	}
	if creator != "" {
		eq("creator", creator)
	} else {
		eq("creator")
	}
	if publisher != "" {
		eq("publisher", publisher)
	} else {
		eq("publisher")
	}
	for _, c := range u.meta("creator") {
		if g.Book.Author != "" && strings.Contains(c, g.Book.Author) {
			t.Errorf("the novelist %q is dc:creator", g.Book.Author)
		}
	}
	if s := u.meta("subject"); len(s) == 0 || !strings.Contains(s[0], g.Book.Title) || !strings.Contains(s[0], g.Book.Author) {
		t.Errorf("dc:subject %q does not name the book and its author", s)
	}
	if d := u.meta("description"); len(d) != 1 || !strings.Contains(d[0], g.Book.Title) {
		t.Errorf("dc:description %q", d)
	}
	eq("schema:accessModeSufficient", "textual")
	eq("schema:accessibilityHazard", "none")
	if len(u.meta("schema:accessibilitySummary")) != 1 || len(u.meta("schema:accessibilityFeature")) < 5 {
		t.Error("accessibility metadata incomplete")
	}
	eq("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA")
	var ncxUID string
	if i := bytes.Index(u.files[opfDir+ncxFile], []byte(`name="dtb:uid" content="`)); i >= 0 {
		rest := u.files[opfDir+ncxFile][i+len(`name="dtb:uid" content="`):]
		ncxUID = string(rest[:bytes.IndexByte(rest, '"')])
	}
	if ncxUID != export.Identifier(g) {
		t.Errorf("NCX dtb:uid %q", ncxUID)
	}
	cov := 0
	for _, it := range u.opf.Items {
		if it.Properties == "cover-image" {
			cov++
		}
	}
	if cov != 1 {
		t.Errorf("%d cover-image items", cov)
	}
	if !bytes.Contains(u.files["EPUB/xhtml/cover.xhtml"], []byte(`role="doc-cover"`)) {
		t.Error("cover image has no doc-cover role")
	}

	// Every piece of text, literally.
	text, elems := u.text(t)
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	must := func(what, s string) {
		t.Helper()
		if s = norm(s); !strings.Contains(text, s) {
			t.Errorf("%s missing from the book: %.80q", what, s)
		}
	}
	// Every piece of text the model holds (titles, paragraphs, every span,
	// list item, term, cell, attribution, verse line and answer), except
	// the guide's author and publisher, which the options may replace.
	g.Rewrite(func(path content.Path, s string) string {
		if p := path(); p != "author" && p != "publisher" {
			must(p, s)
		}
		return s
	})
	// And in the right elements, in order.
	readBack(t, g, u)
	for _, bad := range []string{"script", "b", "style", "iframe"} {
		if elems[bad] {
			t.Errorf("text became a <%s> element", bad)
		}
	}
}

func TestStructure(t *testing.T) {
	for name, g := range map[string]*content.Guide{"sample": sampleGuide(), "tricky": trickyGuide()} {
		t.Run(name, func(t *testing.T) {
			gc, _ := sanitize(g) // the model as the book must show it
			checkStructure(t, gc, build(t, g, fixed), fixed)
		})
	}
}

func TestMinimalGuides(t *testing.T) {
	base := func() *content.Guide {
		return &content.Guide{Title: "T — A Study Guide", Book: content.Book{Title: "T", Author: "A"}, Language: "fr"}
	}
	cases := map[string]func(*content.Guide){
		"synopsis only": func(g *content.Guide) { g.Synopsis = content.Plains("Only a synopsis.") },
		"faq only": func(g *content.Guide) {
			g.FAQ = []content.FAQEntry{{Question: "Why?", Answer: content.Plains("Because.")}}
		},
		"quotes only": func(g *content.Guide) { g.Quotes = []content.Quote{{Text: content.Plain("A quote.")}} },
		"one section": func(g *content.Guide) { g.Sections = []content.Section{{Title: "S"}} },
		"three levels": func(g *content.Guide) {
			g.Sections = []content.Section{{Title: "S", Subsections: []content.Section{{Title: "S.1",
				Subsections: []content.Section{{Title: "S.1.a", Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain("Deep.")}}}}}}}}
		},
		"right to left": func(g *content.Guide) {
			g.Language = "he"
			g.Synopsis = content.Plains("שלום עולם")
		},
		// Urdu has no labels of its own: they are English, marked so.
		"right to left, English labels": func(g *content.Guide) {
			g.Language = "ur"
			g.Synopsis = content.Plains("ہیلو دنیا")
		},
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			g := base()
			edit(g)
			data := build(t, g, export.Options{Modified: fixed.Modified})
			checkStructure(t, g, data, export.Options{Modified: fixed.Modified})
			rtl := bytes.Contains(unpack(t, data).files[opfPath], []byte(`page-progression-direction="rtl"`))
			if rtl != export.RightToLeft(g.Language) {
				t.Errorf("page-progression-direction rtl = %v for %s", rtl, g.Language)
			}
			// English labels in a non-English book say so (WCAG 3.1.2);
			// labels translated into the guide's language are not marked.
			title := unpack(t, data).files["EPUB/xhtml/title.xhtml"]
			marked := bytes.Contains(title, []byte(`id="synopsis" lang="en" xml:lang="en"`))
			if g.Language == "ur" && !marked {
				t.Error("the English label Synopsis is not marked lang=\"en\" in an Urdu guide")
			}
			if g.Language == "he" && !bytes.Contains(title, []byte(`<h2 id="synopsis">תקציר</h2>`)) {
				t.Errorf("the Hebrew label Synopsis is marked or missing:\n%s", title)
			}
			if g.Language == "fr" && len(g.Synopsis) > 0 && !bytes.Contains(title, []byte(`<h2 id="synopsis">Résumé</h2>`)) {
				t.Errorf("the French label Synopsis is marked or missing:\n%s", title)
			}
		})
	}
}

func TestEscaping(t *testing.T) {
	u := unpack(t, build(t, trickyGuide(), fixed))
	for name, b := range u.files {
		if strings.HasSuffix(name, ".xhtml") && bytes.Contains(b, []byte("<script")) {
			t.Errorf("%s contains a literal <script", name)
		}
		for _, r := range string(b) {
			if r < 0x20 && r != '\n' && r != '\t' && r != '\r' && filepath.Ext(name) != ".png" {
				t.Errorf("%s contains control character %U", name, r)
				break
			}
		}
	}
	text, _ := u.text(t)
	for _, s := range []string{`<script>alert(1)</script>`, `The <Glass> & "Iron" Garden`, "🌿🦉", "שלום עולם", `]]> <!-- not a comment --> &amp; &#0;`, "Controlcharsareremoved."} {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	if !bytes.Contains(u.files["EPUB/css/style.css"], []byte("overflow-wrap: break-word")) {
		t.Error("stylesheet does not break long words")
	}
	_, diags, _ := Build(trickyGuide(), fixed)
	if len(diags) != 1 || diags[0].Severity != content.Warning {
		t.Errorf("want one warning about removed characters, got %v", diags)
	}
}

func TestDeterministic(t *testing.T) {
	a := build(t, sampleGuide(), fixed)
	b := build(t, sampleGuide(), fixed)
	if !bytes.Equal(a, b) {
		t.Fatal("two builds with the same options differ")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	c := build(t, sampleGuide(), export.Options{})
	time.Sleep(1100 * time.Millisecond)
	d := build(t, sampleGuide(), export.Options{})
	if !bytes.Equal(c, d) {
		t.Fatal("two builds under SOURCE_DATE_EPOCH differ")
	}
	if got := unpack(t, c).meta("dcterms:modified"); len(got) != 1 || got[0] != "2023-11-14T22:13:20Z" {
		t.Errorf("modified %v", got)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "0") // before ZIP's 1980 epoch
	if err := Verify(build(t, sampleGuide(), export.Options{})); err != nil {
		t.Error(err)
	}
}

// TestParallel builds different guides from many goroutines (run with -race).
func TestParallel(t *testing.T) {
	want := map[string][]byte{"sample": build(t, sampleGuide(), fixed), "tricky": build(t, trickyGuide(), fixed)}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			name, g := "sample", sampleGuide()
			if i%2 == 1 {
				name, g = "tricky", trickyGuide()
			}
			b, _, err := Build(g, fixed)
			if err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(b, want[name]) {
				t.Errorf("parallel build of %s differs", name)
			}
		}(i)
	}
	wg.Wait()
}

func TestUserCover(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 160, 256))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(3, 3, color.Black)
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, img, nil); err != nil {
		t.Fatal(err)
	}
	opts := fixed
	opts.Cover = jb.Bytes()
	data := build(t, sampleGuide(), opts)
	u := unpack(t, data)
	if cfg, kind, err := image.DecodeConfig(bytes.NewReader(u.files["EPUB/images/cover.jpg"])); err != nil || kind != "jpeg" || cfg.Width != 160 || cfg.Height != 256 {
		t.Errorf("the user's JPEG is not the cover: %v %s %v", err, kind, cfg)
	}
	if _, ok := u.files["EPUB/images/cover.png"]; ok {
		t.Error("a generated cover is still in the book")
	}
	checkStructure(t, sampleGuide(), data, opts)

	for _, bad := range [][]byte{[]byte("GIF89a not really"), {}} {
		opts.Cover = bad
		_, _, err := Build(sampleGuide(), opts)
		if err == nil || !errors.Is(err, cover.ErrNotImage) || !strings.Contains(err.Error(), "cover image: not a JPEG or PNG") {
			t.Errorf("bad cover %q: %v", bad[:min(len(bad), 8)], err)
		}
	}
	opts.Cover = jb.Bytes()[:jb.Len()/2]
	if _, _, err := Build(sampleGuide(), opts); !errors.Is(err, cover.ErrTruncated) {
		t.Errorf("a JPEG cut short: %v, want cover.ErrTruncated", err)
	}
}

func TestEmbedFonts(t *testing.T) {
	opts := fixed
	opts.EmbedFonts = true
	data := build(t, sampleGuide(), opts)
	u := unpack(t, data)
	for _, f := range literata {
		if _, ok := u.files["EPUB/fonts/"+f.file]; !ok {
			t.Errorf("%s not embedded", f.file)
		}
		if !bytes.Contains(u.files["EPUB/css/style.css"], []byte("../fonts/"+f.file)) {
			t.Errorf("%s has no @font-face", f.file)
		}
	}
	if !bytes.Contains(u.files["EPUB/fonts/OFL.txt"], []byte("SIL OPEN FONT LICENSE")) {
		t.Error("the OFL does not travel with the fonts")
	}
	plain := unpack(t, build(t, sampleGuide(), fixed))
	for name := range plain.files {
		if strings.HasPrefix(name, "EPUB/fonts/") {
			t.Errorf("%s embedded without EmbedFonts", name)
		}
	}
	if bytes.Contains(plain.files["EPUB/css/style.css"], []byte("@font-face")) {
		t.Error("@font-face without EmbedFonts")
	}
}

func TestRejects(t *testing.T) {
	if _, _, err := Build(nil, fixed); err == nil {
		t.Error("nil guide built")
	}
	g := sampleGuide()
	g.Sections[0].Title = "  "
	if _, _, err := Build(g, fixed); err == nil || !strings.Contains(err.Error(), "sections[0].title") {
		t.Errorf("empty section title: %v", err)
	}
}

func TestVerifyCatchesBrokenBooks(t *testing.T) {
	good := build(t, sampleGuide(), fixed)
	files, err := unzip(good)
	if err != nil {
		t.Fatal(err)
	}
	breakers := map[string]func(map[string][]byte){
		"missing chapter": func(f map[string][]byte) { delete(f, "EPUB/xhtml/chapter-01.xhtml") },
		"bad xml":         func(f map[string][]byte) { f["EPUB/xhtml/faq.xhtml"] = []byte("<html><p>") },
		"extra file":      func(f map[string][]byte) { f["EPUB/stray.txt"] = []byte("x") },
		"bad nav link": func(f map[string][]byte) {
			f["EPUB/xhtml/quotes.xhtml"] = []byte(`<html xmlns="http://www.w3.org/1999/xhtml"/>`)
		},
	}
	for name, br := range breakers {
		c := map[string][]byte{}
		for k, v := range files {
			c[k] = v
		}
		br(c)
		if name == "bad nav link" {
			delete(c, "EPUB/xhtml/faq.xhtml") // the FAQ questions link into it
		}
		b, err := zipDeterministic(c, fixed.Time())
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(b); err == nil {
			t.Errorf("%s: Verify passed a broken book", name)
		}
	}
	if err := Verify([]byte("not a zip")); err == nil {
		t.Error("Verify passed garbage")
	}
}

func TestGolden(t *testing.T) {
	for name, g := range map[string]*content.Guide{"sample": sampleGuide(), "tricky": trickyGuide()} {
		t.Run(name, func(t *testing.T) {
			got := unpack(t, build(t, g, fixed)).outline(t)
			golden(t, name, got)
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s changed; if intended, run go test ./export/epub -update\n--- got\n%s", path, got)
	}
}

// The files deflated once per process (keptDeflate) give the container
// the bytes they would have deflated afresh: books built before and after
// the first, with and without embedded fonts (whose stylesheet differs),
// are the same as when nothing was kept.
func TestKeptDeflateSameBytes(t *testing.T) {
	forget := func() {
		keptDeflated.Lock()
		keptDeflated.m = nil
		keptDeflated.Unlock()
	}
	defer forget()
	withFonts := fixed
	withFonts.EmbedFonts = true
	for _, opts := range []export.Options{fixed, withFonts, fixed} {
		forget()
		fresh := build(t, sampleGuide(), opts)
		if again := build(t, sampleGuide(), opts); !bytes.Equal(fresh, again) {
			t.Fatalf("EmbedFonts %v: a second book differs from the first", opts.EmbedFonts)
		}
		keptDeflated.Lock()
		n := len(keptDeflated.m)
		keptDeflated.Unlock()
		if want := 2; !opts.EmbedFonts && n != want || opts.EmbedFonts && n != want+len(literata)+1 {
			t.Errorf("EmbedFonts %v: %d files kept", opts.EmbedFonts, n)
		}
	}
	// Kept from a book with fonts, not used for one without.
	forget()
	build(t, sampleGuide(), withFonts)
	plainKept := build(t, sampleGuide(), fixed)
	forget()
	if plain := build(t, sampleGuide(), fixed); !bytes.Equal(plain, plainKept) {
		t.Error("a book without fonts built after one with them differs")
	}
}
