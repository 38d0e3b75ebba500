package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
)

func mdFixtures(t testing.TB) []string {
	m, _ := filepath.Glob("../../testdata/guides/*.md")
	own, _ := filepath.Glob("testdata/guides/*.md")
	m = append(m, own...)
	if len(m) < 6 {
		t.Fatalf("only %d Markdown fixtures", len(m))
	}
	return m
}

func parseFile(t *testing.T, path string) *content.Guide {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(string(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestNoSyntaxSurvives: no Markdown syntax is left in any text of the
// model read from a Markdown fixture.
func TestNoSyntaxSurvives(t *testing.T) {
	syntax := []string{"**", "__", "##", "> ", "[^", "](", "<details", "<summary", "<!--", "<b>", "<div", "\\"}
	for _, path := range mdFixtures(t) {
		g := parseFile(t, path)
		g.Rewrite(func(p content.Path, s string) string {
			for _, x := range syntax {
				// A blank to fill in ("rico. _____") is text, not emphasis.
				if strings.Contains(blankRE.ReplaceAllString(s, ""), x) {
					t.Errorf("%s: %s holds %q: %q", filepath.Base(path), p(), x, s)
				}
			}
			return s
		})
	}
}

func TestMapping(t *testing.T) {
	g := parseFile(t, "../../testdata/guides/the-great-gatsby.md")
	if g.Book.Title != "The Great Gatsby" || g.Book.Year != 1925 || g.Author != "Mr. D. Alvarez, Lakeside Middle School" {
		t.Errorf("front matter: %+v, author %q", g.Book, g.Author)
	}
	if len(g.Quotes) != 3 || g.Quotes[1].Attribution.Plain() != "Chapter 9" || len(g.Quotes[1].Explanation) != 2 || len(g.Quotes[2].Explanation) != 1 {
		t.Errorf("quotes: %+v", g.Quotes)
	}
	if g.Sections[0].Role != content.RoleSummary || len(g.Sections[0].Subsections) != 2 {
		t.Errorf("sections: %+v", g.Sections[0])
	}
	tb := g.Sections[0].Subsections[1].Blocks[1]
	if tb.Kind != content.Table || tb.Caption.Plain() != "The main events and where they happen" || len(tb.Rows) != 3 {
		t.Errorf("table: %+v", tb)
	}
	if b := g.Sections[1].Blocks[0]; b.Kind != content.Definitions || len(b.Terms) != 4 || b.Terms[0].Term.Plain() != "Jay Gatsby" {
		t.Errorf("character list: %+v", b)
	}
	if len(g.FAQ) != 2 || g.FAQ[0].Question != "Why is Gatsby called “great”?" {
		t.Errorf("faq: %+v", g.FAQ)
	}

	f := parseFile(t, "../../testdata/guides/frankenstein.md")
	if f.Book.Author != "Mary Shelley" || len(f.Synopsis) != 1 || len(f.FAQ) != 2 || len(f.Quotes) != 2 {
		t.Errorf("frankenstein (TOML, Setext, bold questions): %+v %d %d %d", f.Book, len(f.Synopsis), len(f.FAQ), len(f.Quotes))
	}
	if q := f.Quotes[0]; q.Attribution.Plain() != "The creature, Volume 3, Chapter 3" || len(q.Explanation) != 1 {
		t.Errorf("quoted paragraph with its attribution: %+v", q)
	}
	if b := f.Sections[1].Blocks[0]; b.Kind != content.Definitions || len(b.Terms) != 3 || b.Terms[0].Term.Plain() != "Genre" {
		t.Errorf("**term:** lines: %+v", b)
	}

	j := parseFile(t, "../../testdata/guides/jane-eyre.md")
	if j.Book.Author != "Charlotte Brontë" || j.Cover != "jane-eyre-cover.png" || len(j.FAQ) != 2 {
		t.Errorf("jane eyre: %+v cover %q faq %d", j.Book, j.Cover, len(j.FAQ))
	}
	last := j.Sections[len(j.Sections)-1]
	if last.Title != "Notes" || len(last.Blocks[0].Items) != 2 {
		t.Errorf("footnotes: %+v", last)
	}
	var verse *content.Block
	for i, b := range j.Sections[2].Blocks {
		if b.Kind == content.Verse {
			verse = &j.Sections[2].Blocks[i]
		}
	}
	if verse == nil || len(verse.Lines) != 4 {
		t.Errorf("hard breaks → verse: %+v", j.Sections[2].Blocks)
	}
	warned := 0
	for _, d := range j.Diagnostics {
		if d.Line == 0 {
			t.Errorf("diagnostic without a line: %+v", d)
		}
		if d.Severity == content.Warning {
			warned++
		}
	}
	if warned < 3 {
		t.Errorf("want warnings for the dropped image and the raw HTML: %+v", j.Diagnostics)
	}

	r := parseFile(t, "../../testdata/guides/the-raven.md")
	if v := r.Sections[0].Blocks[1]; v.Kind != content.Verse || v.Speaker != "THE SPEAKER" || len(v.Lines) != 2 {
		t.Errorf("verse with speaker: %+v", v)
	}
	if r.Sections[2].Role != content.RoleDiscussion || r.Sections[2].Blocks[0].Items[1].Sublist == nil {
		t.Errorf("discussion list: %+v", r.Sections[2])
	}

	fr := parseFile(t, "../../testdata/guides/les-miserables.md")
	if fr.Language != "fr" || len(fr.Quotes) != 2 || len(fr.FAQ) != 2 || fr.Sections[0].Role != content.RoleCharacters {
		t.Errorf("french: %s %d %d %+v", fr.Language, len(fr.Quotes), len(fr.FAQ), fr.Sections[0])
	}
}

func TestHeadingLevels(t *testing.T) {
	a, err := Parse("# Emma\n\nby Jane Austen\n\nA match-maker.\n\n## Plot Summary\n\nText.\n\n### Volume 1\n\nMore.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("---\nbook:\n  title: Emma\n  author: Jane Austen\n---\nA match-maker.\n\n# Plot Summary\n\nText.\n\n## Volume 1\n\nMore.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.Diagnostics, b.Diagnostics = nil, nil
	if a.Book != b.Book || len(a.Sections) != 1 || len(b.Sections) != 1 || a.Sections[0].Subsections[0].Title != b.Sections[0].Subsections[0].Title || a.Synopsis[0].Plain() != b.Synopsis[0].Plain() {
		t.Errorf("# and ## guides differ:\n%+v\n%+v", a, b)
	}
}

// TestFrontMatterBookTitle: "book: Middlemarch" (YAML) and book =
// "Middlemarch" (TOML), as people write them, name the book; the keyed form
// still works and its unknown keys are still warned about. The scalar
// form was refused with a Go type ("cannot unmarshal !!str … into struct
// { Title string …").
func TestFrontMatterBookTitle(t *testing.T) {
	for _, c := range []struct {
		in          string
		book        content.Book
		warnUnknown string
		line        int
	}{
		{"---\nbook: Middlemarch\n---\n# Character Tracker\n\nby George Eliot\n\nText.\n", content.Book{Title: "Middlemarch", Author: "George Eliot"}, "", 0},
		{"---\nbook: \"1984\"\n---\n# A\n\nText.\n", content.Book{Title: "1984"}, "", 0},
		{"---\nbook: 1984\n---\n# A\n\nText.\n", content.Book{Title: "1984"}, "", 0},
		{"+++\nbook = \"Middlemarch\"\n+++\n# A\n\nText.\n", content.Book{Title: "Middlemarch"}, "", 0},
		{"+++\n[book]\ntitle = \"Emma\"\nauthor = \"Jane Austen\"\nyear = 1815\nisbn = \"x\"\n+++\n# A\n\nText.\n", content.Book{Title: "Emma", Author: "Jane Austen", Year: 1815}, "book.isbn", 6},
		{"---\nbook:\n  title: Emma\n  year: 1815\n  isbn: x\n---\n# A\n\nText.\n", content.Book{Title: "Emma", Year: 1815}, "book.isbn", 5},
	} {
		g, err := Parse(c.in, Options{})
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if g.Book != c.book {
			t.Errorf("%q: book %+v, want %+v", c.in, g.Book, c.book)
		}
		warned := false
		for _, d := range g.Diagnostics {
			if strings.Contains(d.Message, "unknown front-matter key") {
				warned = c.warnUnknown != "" && strings.Contains(d.Message, `"`+c.warnUnknown+`"`) && d.Line == c.line
				if !warned {
					t.Errorf("%q: %+v", c.in, d)
				}
			}
		}
		if c.warnUnknown != "" && !warned {
			t.Errorf("%q: no warning about %s at line %d: %+v", c.in, c.warnUnknown, c.line, g.Diagnostics)
		}
	}
}

// TestStructureUnderKeptTitle: a level-1 heading read as the title while
// the front matter's title is kept, with a table, list, definition list or
// quote under it, makes a section of its name holding them (paragraphs
// before them stay the synopsis); they were flattened into the synopsis
// ("Character – Book I – Book II …"). Without such a block, or when the
// heading is the title itself, nothing changes.
func TestStructureUnderKeptTitle(t *testing.T) {
	fm := "---\ntitle: Middlemarch — Character Tracker\nbook:\n  title: Middlemarch\n  author: George Eliot\n---\n"
	for _, c := range []struct {
		name, body string
		sections   []string
		kind       content.BlockKind // the first section's first block
		synopsis   int
	}{
		{"table", "# Character Tracker\n\n| Character | Book I |\n|---|---|\n| Dorothea | marries |\n\n## Vocabulary\n\nReform\n: the 1832 Act.\n",
			[]string{"Character Tracker", "Vocabulary"}, content.Table, 0},
		{"paragraph then list", "# Character Tracker\n\nWho changes, book by book.\n\n- Dorothea: marries\n- Lydgate: arrives\n\n## Themes\n\nText.\n",
			[]string{"Character Tracker", "Themes"}, content.List, 1},
		{"definitions, no other heading", "# Character Tracker\n\nDorothea\n: marries Casaubon\n",
			[]string{"Character Tracker"}, content.Definitions, 0},
		{"paragraphs only: the synopsis", "# Character Tracker\n\nWho changes.\n\n## Themes\n\nText.\n",
			[]string{"Themes"}, content.Paragraph, 1},
		{"the title itself", "# Middlemarch — Character Tracker\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n## Themes\n\nText.\n",
			[]string{"Themes"}, content.Paragraph, 2}, // flattened, as before, with a warning
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse(fm+c.body, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, s := range g.Sections {
				titles = append(titles, s.Title)
			}
			if !reflect.DeepEqual(titles, c.sections) {
				t.Errorf("sections %q, want %q", titles, c.sections)
			}
			if len(g.Synopsis) != c.synopsis {
				t.Errorf("%d synopsis paragraphs, want %d: %v", len(g.Synopsis), c.synopsis, g.Synopsis)
			}
			if c.kind != content.Paragraph && (len(g.Sections) == 0 || len(g.Sections[0].Blocks) == 0 || g.Sections[0].Blocks[0].Kind != c.kind) {
				t.Errorf("first section %+v, want a %s first", g.Sections, c.kind)
			}
		})
	}
}

// TestDeepListOrder: a list nested deeper than the model's one level is
// read into the level above in reading order, each item before the items
// under it (they came first: "the mass of men…" before "Why Thoreau went…").
func TestDeepListOrder(t *testing.T) {
	in := "# Walden\n\nby Henry David Thoreau\n\n## Outline\n\n" +
		"1. Economy\n   1. Why he went\n      - quiet desperation\n      - shelter\n   2. The house\n" +
		"2. Where I Lived\n   1. Morning\n\n" +
		"- Solitude\n  - \n    - only a nested list\n  - after it\n"
	g, err := Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(items []content.ListItem, depth string)
	walk = func(items []content.ListItem, depth string) {
		for _, it := range items {
			got = append(got, depth+it.Text.Plain())
			if it.Sublist != nil {
				walk(it.Sublist.Items, depth+"  ")
			}
		}
	}
	for _, b := range g.Sections[0].Blocks {
		walk(b.Items, "")
	}
	want := []string{"Economy", "  Why he went", "  quiet desperation", "  shelter", "  The house",
		"Where I Lived", "  Morning", "Solitude", "  only a nested list", "  after it"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items:\n%q\nwant\n%q", got, want)
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		in, want string
		line     int
	}{
		{"---\ntitle: [x\n---\n# A\n\nText.\n", "YAML front matter does not parse", 0},
		{"+++\ntitle = \n+++\n# A\n\nText.\n", "TOML front matter does not parse", 2},
		{"---\ntitle: x\n", "never closed", 1},
		{"Just a paragraph.\n", "no title", 1},
		{"---\nbook:\n  year: soon\n---\n# A\n\nText.\n", `"year: soon": the value "soon" must be a whole number`, 3},
		{"---\nreading_minutes: ten\n---\n# A\n\nText.\n", `"reading_minutes: ten": the value "ten" must be a whole number`, 2},
		{"---\nsmart: maybe\n---\n# A\n\nText.\n", `"smart: maybe": the value "maybe" must be true or false`, 2},
		{"---\nbook:\n  - Emma\n---\n# A\n\nText.\n", `"book" must be the book's title ("book: Middlemarch") or its keys`, 3},
		{"+++\n[book]\nyear = \"soon\"\n+++\n# A\n\nText.\n", "book.year must be a whole number", 0},
	} {
		_, err := Parse(c.in, Options{})
		var le *content.LineError
		if !errors.As(err, &le) || !strings.Contains(le.Err.Error(), c.want) || (c.line > 0 && le.Line != c.line) {
			t.Errorf("%q: got %v (line %v), want %q at line %d", c.in, err, le, c.want, c.line)
		}
	}
	g, err := Parse("---\ntitle: T\nbook:\n  title: B\n  isbn: 1\ncolour: red\n---\nText.\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range g.Diagnostics {
		got = append(got, d.Message)
		if d.Severity != content.Warning || d.Line < 5 {
			t.Errorf("unknown key diagnostic: %+v", d)
		}
	}
	if len(got) != 2 || !strings.Contains(got[0], `"book.isbn"`) || !strings.Contains(got[1], `"colour"`) {
		t.Errorf("unknown keys: %q", got)
	}
}

func TestNoSmart(t *testing.T) {
	src := "# A\n\nby B\n\nIt's \"so\" -- yes...\n"
	g, _ := Parse(src, Options{NoSmart: true})
	if s := g.Synopsis[0].Plain(); s != `It's "so" -- yes...` {
		t.Errorf("--no-smart: %q", s)
	}
	g, _ = Parse(src, Options{})
	if s := g.Synopsis[0].Plain(); s != "It’s “so” — yes…" {
		t.Errorf("smart: %q", s)
	}
	g, _ = Parse("---\nsmart: false\n---\n"+src, Options{})
	if s := g.Synopsis[0].Plain(); s != `It's "so" -- yes...` {
		t.Errorf("smart: false: %q", s)
	}
}

func TestLooks(t *testing.T) {
	for in, want := range map[string]bool{
		"---\ntitle: X\n---\n# X\n":                    true,
		"+++\ntitle = \"X\"\n+++\n":                    true,
		"# X\n\n## A\n\n**b**\n":                       true,
		"Emma\nby Jane Austen\n\nPlot Summary\n\nText": false,
		"# one heading **bold**\n":                     false,
		"---\n\nA rule, then text.\n":                  false,
	} {
		if got := Looks(in) != ""; got != want {
			t.Errorf("Looks(%q) = %v", in, got)
		}
	}
}

// TestConcurrent: builds read guides in parallel workers; the pooled
// goldmark parsers must not share state (run with -race).
func TestConcurrent(t *testing.T) {
	var srcs []string
	for _, p := range mdFixtures(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(data))
	}
	want := make([]int, len(srcs))
	for i, s := range srcs {
		g, err := Parse(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = len(g.Sections)
	}
	done := make(chan error)
	for w := 0; w < 4; w++ {
		go func() {
			for i := 0; i < 3*len(srcs); i++ {
				g, err := Parse(srcs[i%len(srcs)], Options{})
				if err == nil && len(g.Sections) != want[i%len(srcs)] {
					err = errors.New("a different guide when read concurrently")
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for w := 0; w < 4; w++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

var (
	blankRE  = regexp.MustCompile(`_{3,}`)
	dropRE   = regexp.MustCompile(`(?s)<!--.*?-->|!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]|(?m:^\[[^\]^]+\]:.*$)|\]\([^)]*\)|<[^<>\s][^<>]*>|\[\^\d+\]:?|\{role=[^}]*\}|\]\{[^{}]*\}|\[![A-Za-z-]+\][+-]?|\[\[[^\]|]*\||(?m:^\s*[-*+]\s*\[[^\]]*\]\(#[^)]*\)\s*$)|(?m:(?:^|\s)(?:#[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*\s*)+$)`)
	wordRE   = regexp.MustCompile(`\p{L}{4,}`)
	markerRE = regexp.MustCompile(`^(?:> )?(?:Explanation|Table):`)
)

// TestNoTextLost: every word of a Markdown fixture's text is somewhere in
// its model or, for what was set aside, in a diagnostic. Front matter,
// syntax, link addresses, HTML tags, comments, dropped images, the
// "Explanation:" and "Table:" markers, callouts' type markers ("[!NOTE]"),
// a wiki link's page before its alias, a bracketed span's attributes, a contents list's links to the
// page's own headings, the Obsidian tags that end a line (#novel), a
// credit line of the guide's author ("Lehrerin: Frau Albers"),
// reading-time and web-furniture lines
// and the headings that only say where the quotes and the FAQ are, are not
// text.
func TestNoTextLost(t *testing.T) {
	for _, path := range mdFixtures(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		g := parseFile(t, path)
		var all strings.Builder
		g.Rewrite(func(_ content.Path, s string) string {
			all.WriteString(strings.ToLower(s))
			all.WriteByte(' ')
			return s
		})
		for _, d := range g.Diagnostics {
			all.WriteString(strings.ToLower(d.Message))
		}
		_, _, _, body, err := splitFrontMatter(string(data))
		if err != nil {
			t.Fatal(err)
		}
		var kept []string
		for _, l := range strings.Split(body, "\n") {
			if k := vocab.Classify(strings.Trim(l, "#*_ ")).Kind; k == vocab.Quotes || k == vocab.FAQ {
				continue
			}
			if a, ok := vocab.GuideCredit(strings.Trim(l, "*_ ")); ok && a == g.Author {
				continue // "Lehrerin: Frau Albers": the guide's author
			}
			if _, ok := vocab.Published(strings.Trim(l, "*_ ")); ok {
				continue // "Parution: 1833", the book's year
			}
			if a, ok := vocab.ByLine(strings.Trim(l, "*_ ")); ok && a == g.Book.Author {
				continue // "Auteur: Honoré de Balzac", the book's author
			}
			if s := strings.Trim(l, "*_ "); vocab.Furniture(s) != "" {
				continue // page residue, dropped
			} else if _, ok := vocab.ReadingMinutes(s); ok {
				continue // the reading time, read into the model's number
			}
			l = markerRE.ReplaceAllString(l, "")
			if n := vocab.ExplanationLabel(strings.TrimLeft(l, "> *")); n > 0 {
				l = strings.TrimLeft(l, "> *")[n:] // "Erklärung:", "Explicación:"
			}
			kept = append(kept, l)
		}
		for _, w := range wordRE.FindAllString(dropRE.ReplaceAllString(strings.Join(kept, "\n"), " "), -1) {
			if !strings.Contains(all.String(), strings.ToLower(w)) {
				t.Errorf("%s: the word %q is not in the model", filepath.Base(path), w)
			}
		}
	}
}

// TestTermsAsWritten: terms and definitions as people write them: a
// definition-list term with two descriptions (one entry, its descriptions
// run together), vocabulary bullets with a part of speech before the
// colon, a key-facts table with an empty header row.
func TestTermsAsWritten(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       []string // term = definition
	}{
		{"two descriptions", "David Balfour\n: The narrator, a Lowland Whig.\n: Cautious, honest and stubborn.\n\nAlan Breck\n: A Jacobite soldier.\n",
			[]string{"David Balfour = The narrator, a Lowland Whig. Cautious, honest and stubborn.", "Alan Breck = A Jacobite soldier."}},
		{"one description each", "Alan\n: A soldier.\n\nDavid\n: A Whig.\n", []string{"Alan = A soldier.", "David = A Whig."}},
		{"bullets, qualifier and colon", "- **moor** (n.): open, high land\n- **baronet** (n.): a rank below a baron\n",
			[]string{"moor (n.) = open, high land", "baronet (n.) = a rank below a baron"}},
		{"table without a header", "| | |\n|---|---|\n| Published | 1902 |\n| Narrator | Dr. Watson |\n",
			[]string{"Published = 1902", "Narrator = Dr. Watson"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# Kidnapped\n\nby Robert Louis Stevenson\n\nText.\n\n## Vocabulary\n\n"+c.body, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			b := g.Sections[0].Blocks[0]
			var got []string
			for _, d := range b.Terms {
				got = append(got, d.Term.Plain()+" = "+d.Definition.Plain())
			}
			if b.Kind != content.Definitions || strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got %s %q, want definitions %q", b.Kind, got, c.want)
			}
		})
	}
}
