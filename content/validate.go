package content

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// languageTag accepts the BCP 47 shapes a publication language takes in
// practice ("en", "en-GB", "pt-BR", "zh-Hant-TW", "sr-Latn"); EPUB 3.3 §5.5.3.3
// requires dc:language to be a well-formed tag.
var languageTag = lazyre.Hot(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// Validate checks the invariants every exporter relies on and returns all
// violations joined, each prefixed with the JSON path of the offending field
// so that a user fixing a hand-edited JSON guide can find it.
func (g *Guide) Validate() error {
	var errs []error
	bad := func(path, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...)))
	}
	text := func(path, s string) {
		if format, args := textProblem(s); format != "" {
			bad(path, format, args...)
		}
	}

	text("title", g.Title)
	if g.Author != "" {
		text("author", g.Author)
	}
	if g.Publisher != "" {
		text("publisher", g.Publisher)
	}
	text("book.title", g.Book.Title)
	if g.Book.Author != "" {
		text("book.author", g.Book.Author)
	}
	if g.Book.Year < 0 || g.Book.Year > 9999 {
		bad("book.year", "must be a year such as 1847 (or 0 when unknown), not %d", g.Book.Year)
	}
	if g.Cover != "" {
		text("cover", g.Cover)
	}
	if !languageTag.MatchString(g.Language) {
		bad("language", "%q is not a BCP 47 language tag such as \"en\" or \"fr-CA\"", g.Language)
	}
	if g.ReadingMinutes < 0 {
		bad("reading_minutes", "must be 0 (unknown) or more, not %d", g.ReadingMinutes)
	}
	v := inlineValidator{bad: bad}
	for i, p := range g.Synopsis {
		v.text(p, "synopsis[%d]", i)
	}
	for i, q := range g.Quotes {
		p := fmt.Sprintf("quotes[%d]", i)
		v.quote(p, q.Text, q.Lines, q.Attribution, q.Explanation)
	}
	var sections func(prefix string, ss []Section, depth int)
	sections = func(prefix string, ss []Section, depth int) {
		for i, s := range ss {
			p := fmt.Sprintf("%s[%d]", prefix, i)
			text(p+".title", s.Title)
			if !s.Role.Valid() {
				bad(p+".role", "%q is not a section role; use one of %s, or leave it out", s.Role, roleList())
			}
			for j, b := range s.Blocks {
				v.block(fmt.Sprintf("%s.blocks[%d]", p, j), b)
			}
			if depth >= 2 && len(s.Subsections) > 0 {
				bad(p+".subsections", "nesting deeper than section → subsection → subsection is not supported")
				continue
			}
			sections(p+".subsections", s.Subsections, depth+1)
		}
	}
	sections("sections", g.Sections, 0)
	for i, f := range g.FAQ {
		p := fmt.Sprintf("faq[%d]", i)
		text(p+".question", f.Question)
		if len(f.Answer) == 0 {
			bad(p+".answer", "needs at least one paragraph")
		}
		for j, a := range f.Answer {
			v.text(a, "%s.answer[%d]", p, j)
		}
	}
	if len(g.Synopsis) == 0 && len(g.Quotes) == 0 && len(g.Sections) == 0 && len(g.FAQ) == 0 {
		errs = append(errs, errors.New("the guide has no synopsis, quotes, sections or FAQ: there is nothing to publish"))
	}
	for i, d := range g.Diagnostics {
		switch d.Severity {
		case Error, Warning, Info:
		default:
			bad(fmt.Sprintf("diagnostics[%d].severity", i), "must be error, warning or info, not %q", d.Severity)
		}
	}
	return errors.Join(errs...)
}

// textProblem is what is wrong with a text field, as a format and its
// arguments, or "" when it is fine: blank, not UTF-8, or holding a
// control character other than tab.
func textProblem(s string) (string, []any) {
	if strings.TrimSpace(s) == "" {
		return "must not be empty", nil
	}
	if !utf8.ValidString(s) {
		return "is not valid UTF-8", nil
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t') || c == 0x7F {
				return "contains the control character %U, which no e-book or PDF can show; remove it", []any{rune(c)}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			return "contains the control character %U, which no e-book or PDF can show; remove it", []any{r}
		}
		i += n - 1
	}
	return "", nil
}

func roleList() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// inlineValidator checks inline text and the blocks made of it. Paths are
// formatted only when there is something to report: a guide has thousands
// of text fields.
type inlineValidator struct {
	bad func(path, format string, args ...any)
}

func (v inlineValidator) text(t Text, pathFormat string, pathArgs ...any) {
	path := func() string { return fmt.Sprintf(pathFormat, pathArgs...) }
	if len(t) == 0 {
		v.bad(path(), "must not be empty")
		return
	}
	if format, args := textProblem(t.Plain()); format != "" {
		v.bad(path(), format, args...)
		return
	}
	for i, s := range t {
		if s.Href != "" && !safeLink(s.Href) {
			v.bad(fmt.Sprintf("%s[%d].href", path(), i), "%q is not an http, https or mailto link", s.Href)
		}
	}
}

// SafeLink reports whether href is a link the model accepts (http, https or
// mailto, with no spaces or markup characters); readers keep the text of
// any other link without it.
func SafeLink(href string) bool { return safeLink(href) }

// safeLink accepts the links a study guide has reason to hold.
func safeLink(href string) bool {
	h := strings.ToLower(href)
	if strings.ContainsAny(href, " \t\n\"<>\\") {
		return false
	}
	for _, scheme := range []string{"https://", "http://", "mailto:"} {
		if strings.HasPrefix(h, scheme) && len(h) > len(scheme) {
			return true
		}
	}
	return false
}

func (v inlineValidator) texts(ts []Text, path string) {
	for i, t := range ts {
		v.text(t, "%s[%d]", path, i)
	}
}

func (v inlineValidator) quote(p string, text Text, lines []Text, attribution Text, explanation []Text) {
	switch {
	case len(text) > 0 && len(lines) > 0:
		v.bad(p, "a quote has text or lines (verse), not both")
	case len(lines) > 0:
		v.texts(lines, p+".lines")
	default:
		v.text(text, "%s.text", p)
	}
	if attribution != nil {
		v.text(attribution, "%s.attribution", p)
	}
	v.texts(explanation, p+".explanation")
}

// block checks one block: the fields of its kind, and no field of another.
func (v inlineValidator) block(p string, b Block) {
	var stray []string
	unused := func(used bool, name string) {
		if used {
			stray = append(stray, name)
		}
	}
	switch b.Kind {
	case Paragraph:
		v.text(b.Text, "%s.text", p)
		unused(b.Lines != nil, "lines")
	case BlockQuote:
		v.quote(p, b.Text, b.Lines, b.Attribution, b.Explanation)
	case Verse:
		if len(b.Lines) == 0 {
			v.bad(p+".lines", "a verse block needs at least one line")
		}
		v.texts(b.Lines, p+".lines")
		if b.Speaker != "" {
			if format, args := textProblem(b.Speaker); format != "" {
				v.bad(p+".speaker", format, args...)
			}
		}
		unused(b.Text != nil, "text")
	case List:
		v.list(p, b.Items, false)
		if b.Start < 0 {
			v.bad(p+".start", "must be 0 or more, not %d", b.Start)
		}
		unused(b.Start != 0 && !b.Ordered, "start (an unordered list has no numbers)")
		v.marker(p, b.Ordered, b.Marker)
		unused(b.Text != nil, "text")
		unused(b.Lines != nil, "lines")
	case Definitions:
		if len(b.Terms) == 0 {
			v.bad(p+".terms", "a definitions block needs at least one term")
		}
		for i, d := range b.Terms {
			v.text(d.Term, "%s.terms[%d].term", p, i)
			v.text(d.Definition, "%s.terms[%d].definition", p, i)
		}
		unused(b.Text != nil, "text")
		unused(b.Lines != nil, "lines")
	case Table:
		if len(b.Header) == 0 {
			v.bad(p+".header", "a table needs a header row")
		}
		if len(b.Rows) == 0 {
			v.bad(p+".rows", "a table needs at least one row")
		}
		v.texts(b.Header, p+".header")
		for i, r := range b.Rows {
			if len(r) != len(b.Header) {
				v.bad(fmt.Sprintf("%s.rows[%d]", p, i), "has %d cells; every row must have as many as the header (%d)", len(r), len(b.Header))
			}
			// Cells may be empty (a timeline with no event in a column),
			// but what they hold must be printable.
			for j, c := range r {
				if len(c) > 0 {
					v.text(c, "%s.rows[%d][%d]", p, i, j)
				}
			}
		}
		if b.Caption != nil {
			v.text(b.Caption, "%s.caption", p)
		}
		unused(b.Text != nil, "text")
		unused(b.Lines != nil, "lines")
	default:
		kinds := make([]string, len(BlockKinds))
		for i, k := range BlockKinds {
			kinds[i] = fmt.Sprintf("%q", k)
		}
		v.bad(p+".kind", "must be one of %s, not %q", strings.Join(kinds, ", "), b.Kind)
		if b.Text != nil {
			v.text(b.Text, "%s.text", p)
		}
		return
	}
	if b.Kind != BlockQuote {
		unused(b.Attribution != nil, "attribution")
		unused(b.Explanation != nil, "explanation")
	}
	if b.Kind != Verse {
		unused(b.Speaker != "", "speaker")
	}
	if b.Kind != List {
		unused(b.Items != nil || b.Ordered || b.Start != 0 || b.Marker != "", "ordered/start/marker/items")
	}
	if b.Kind != Definitions {
		unused(b.Terms != nil, "terms")
	}
	if b.Kind != Table {
		unused(b.Header != nil || b.Rows != nil || b.Caption != nil, "caption/header/rows")
	}
	for _, name := range stray {
		v.bad(p, "a %s block has no %s; remove it or change the kind", b.Kind, name)
	}
}

func (v inlineValidator) list(p string, items []ListItem, nested bool) {
	if len(items) == 0 {
		v.bad(p+".items", "a list needs at least one item")
	}
	for i, it := range items {
		ip := fmt.Sprintf("%s.items[%d]", p, i)
		v.text(it.Text, "%s.text", ip)
		if it.Sublist == nil {
			continue
		}
		if nested {
			v.bad(ip+".sublist", "lists nest one level deep; move these items up a level")
			continue
		}
		if it.Sublist.Start < 0 {
			v.bad(ip+".sublist.start", "must be 0 or more, not %d", it.Sublist.Start)
		}
		v.marker(ip+".sublist", it.Sublist.Ordered, it.Sublist.Marker)
		v.list(ip+".sublist", it.Sublist.Items, true)
	}
}

// marker checks a list's marker: one of the known ones, and only on an
// ordered list (a bulleted list has no numbers to letter).
func (v inlineValidator) marker(p string, ordered bool, m Marker) {
	switch {
	case !m.Valid():
		v.bad(p+".marker", "must be %q or %q (or absent, for numbers), not %q", LowerAlpha, UpperAlpha, m)
	case m != Decimal && !ordered:
		v.bad(p+".marker", "only an ordered list has a marker; add \"ordered\": true or remove it")
	}
}
