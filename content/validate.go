package content

import (
	"errors"
	"fmt"
	"strconv"
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
	bad := func(p string, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", p, fmt.Sprintf(format, args...)))
	}
	text := func(p path, s string) {
		if format, args := textProblem(s); format != "" {
			bad(p.String(), format, args...)
		}
	}

	text(field("title"), g.Title)
	if g.Author != "" {
		text(field("author"), g.Author)
	}
	if g.Publisher != "" {
		text(field("publisher"), g.Publisher)
	}
	text(field("book.title"), g.Book.Title)
	if g.Book.Author != "" {
		text(field("book.author"), g.Book.Author)
	}
	if g.Book.Year < 0 || g.Book.Year > 9999 {
		bad("book.year", "must be a year such as 1847 (or 0 when unknown), not %d", g.Book.Year)
	}
	if g.Cover != "" {
		text(field("cover"), g.Cover)
	}
	if !languageTag.MatchString(g.Language) {
		bad("language", "%q is not a BCP 47 language tag such as \"en\" or \"fr-CA\"", g.Language)
	}
	if g.ReadingMinutes < 0 {
		bad("reading_minutes", "must be 0 (unknown) or more, not %d", g.ReadingMinutes)
	}
	v := inlineValidator{bad: bad}
	for i, p := range g.Synopsis {
		v.text(p, item("synopsis", i))
	}
	for i, q := range g.Quotes {
		p := item("quotes", i)
		v.quote(&p, q.Text, q.Lines, q.Attribution, q.Explanation)
	}
	// The sections' paths, one a level (three: deeper is reported), in
	// one array rather than each section's on the heap (the recursion
	// would have it escape).
	var chain [3]path
	var sections func(ss []Section, depth int)
	sections = func(ss []Section, depth int) {
		for i, s := range ss {
			p := &chain[depth]
			*p = item("sections", i)
			if depth > 0 {
				*p = chain[depth-1].item("subsections", i)
			}
			text(p.field("title"), s.Title)
			if !s.Role.Valid() {
				bad(p.field("role").String(), "%q is not a section role; use one of %s, or leave it out", s.Role, roleList())
			}
			for j, b := range s.Blocks {
				bp := p.item("blocks", j)
				v.block(&bp, b)
			}
			if depth >= 2 && len(s.Subsections) > 0 {
				bad(p.field("subsections").String(), "nesting deeper than section → subsection → subsection is not supported")
				continue
			}
			sections(s.Subsections, depth+1)
		}
	}
	sections(g.Sections, 0)
	for i, f := range g.FAQ {
		p := item("faq", i)
		text(p.field("question"), f.Question)
		if len(f.Answer) == 0 {
			bad(p.field("answer").String(), "needs at least one paragraph")
		}
		for j, a := range f.Answer {
			v.text(a, p.item("answer", j))
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

// path is a field's JSON path, written out (String) only when there is
// something to report: a guide has a field or more for every line of its
// text (4 MiB of one-line sections: ~590,000 paths, formatted with
// fmt.Sprintf and concatenated for every field, ~0.15 s of each of the two
// or three times a build validates). It is the path of up (none when nil),
// then name (after a dot, but for an index's own path), then [i] when i
// is 0 or more.
type path struct {
	up   *path
	name string
	i    int
}

// field is a top-level field's path (name may hold dots: "book.title").
func field(name string) path { return path{name: name, i: -1} }

// item is element i of a top-level array.
func item(name string, i int) path { return path{name: name, i: i} }

// field is p's field name; item, element i of p's array name; index,
// element i of p itself (an array of arrays: rows[2][1]). Each points to
// p, which must outlive it.
func (p *path) field(name string) path       { return path{up: p, name: name, i: -1} }
func (p *path) item(name string, i int) path { return path{up: p, name: name, i: i} }
func (p *path) index(i int) path             { return path{up: p, i: i} }

func (p path) String() string { return string(p.append(nil)) }

func (p *path) append(b []byte) []byte {
	if p.up != nil {
		b = p.up.append(b)
	}
	return appendStep(b, p.up != nil, p.name, p.i)
}

// appendStep appends a path's step: name (after a dot when it follows
// another step and is not an index's own), then [i] when i is 0 or more.
func appendStep(b []byte, after bool, name string, i int) []byte {
	if after && name != "" {
		b = append(b, '.')
	}
	b = append(b, name...)
	if i >= 0 {
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ']')
	}
	return b
}

// textProblem is what is wrong with a text field, as a format and its
// arguments, or "" when it is fine: blank, not UTF-8, or holding a
// control character other than tab.
func textProblem(s string) (string, []any) {
	if textFine(s) {
		return "", nil
	}
	return textChecks(s)
}

// textChecks is textProblem's checks one by one, in the order in which
// it reports them.
func textChecks(s string) (string, []any) {
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

// textFine reports whether textProblem finds nothing wrong with s, in one
// pass, eight bytes at a time where they are ASCII from space to '~':
// every text field of a guide is checked each time it is validated (two
// or three times a build), and three passes a byte (TrimSpace,
// ValidString, the control characters) were ~1% of a seed build's
// instructions (content.textProblem, 2.2 M, callgrind). textProblem says
// what is wrong when it is not fine.
func textFine(s string) bool {
	const (
		ones   = 0x0101010101010101
		high   = 0x8080808080808080
		spaces = 0x20 * ones
		dels   = 0x7F * ones
	)
	shown := false // a character other than white space
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			d := x ^ dels // a zero byte where x has DEL
			// No byte at or above 0x80, none below space (the
			// subtraction borrows into the high bit of a byte below
			// 0x20, and of no byte unless one is), no DEL: printable
			// ASCII, each a character of its own.
			if x&high == 0 && (x-spaces)&^x&high == 0 && (d-ones)&^d&high == 0 {
				shown = shown || x != spaces
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' || c == 0x7F {
				return false
			}
			shown = shown || c != ' ' && c != '\t'
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		shown = shown || !unicode.IsSpace(r)
		i += n
	}
	return shown
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

func (v inlineValidator) text(t Text, p path) {
	if len(t) == 0 {
		v.bad(p.String(), "must not be empty")
		return
	}
	if format, args := textProblem(t.Plain()); format != "" {
		v.bad(p.String(), format, args...)
		return
	}
	for i, s := range t {
		if s.Href != "" && !safeLink(s.Href) {
			sp := p.index(i)
			v.bad(sp.field("href").String(), "%q is not an http, https or mailto link", s.Href)
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

func (v inlineValidator) texts(ts []Text, p path) {
	for i, t := range ts {
		v.text(t, p.index(i))
	}
}

func (v inlineValidator) quote(p *path, text Text, lines []Text, attribution Text, explanation []Text) {
	switch {
	case len(text) > 0 && len(lines) > 0:
		v.bad(p.String(), "a quote has text or lines (verse), not both")
	case len(lines) > 0:
		v.texts(lines, p.field("lines"))
	default:
		v.text(text, p.field("text"))
	}
	if attribution != nil {
		v.text(attribution, p.field("attribution"))
	}
	v.texts(explanation, p.field("explanation"))
}

// block checks one block: the fields of its kind, and no field of another.
func (v inlineValidator) block(p *path, b Block) {
	var stray []string
	unused := func(used bool, name string) {
		if used {
			stray = append(stray, name)
		}
	}
	switch b.Kind {
	case Paragraph:
		v.text(b.Text, p.field("text"))
		unused(b.Lines != nil, "lines")
	case BlockQuote:
		v.quote(p, b.Text, b.Lines, b.Attribution, b.Explanation)
	case Verse:
		if len(b.Lines) == 0 {
			v.bad(p.field("lines").String(), "a verse block needs at least one line")
		}
		v.texts(b.Lines, p.field("lines"))
		if b.Speaker != "" {
			if format, args := textProblem(b.Speaker); format != "" {
				v.bad(p.field("speaker").String(), format, args...)
			}
		}
		unused(b.Text != nil, "text")
	case List:
		v.list(p, b.Items)
		if b.Start < 0 {
			v.bad(p.field("start").String(), "must be 0 or more, not %d", b.Start)
		}
		unused(b.Start != 0 && !b.Ordered, "start (an unordered list has no numbers)")
		v.marker(p, b.Ordered, b.Marker)
		unused(b.Text != nil, "text")
		unused(b.Lines != nil, "lines")
	case Definitions:
		if len(b.Terms) == 0 {
			v.bad(p.field("terms").String(), "a definitions block needs at least one term")
		}
		for i, d := range b.Terms {
			tp := p.item("terms", i)
			v.text(d.Term, tp.field("term"))
			v.text(d.Definition, tp.field("definition"))
		}
		unused(b.Text != nil, "text")
		unused(b.Lines != nil, "lines")
	case Table:
		if len(b.Header) == 0 {
			v.bad(p.field("header").String(), "a table needs a header row")
		}
		if len(b.Rows) == 0 {
			v.bad(p.field("rows").String(), "a table needs at least one row")
		}
		v.texts(b.Header, p.field("header"))
		for i, r := range b.Rows {
			rp := p.item("rows", i)
			if len(r) != len(b.Header) {
				v.bad(rp.String(), "has %d cells; every row must have as many as the header (%d)", len(r), len(b.Header))
			}
			// Cells may be empty (a timeline with no event in a column),
			// but what they hold must be printable.
			for j, c := range r {
				if len(c) > 0 {
					v.text(c, rp.index(j))
				}
			}
		}
		if b.Caption != nil {
			v.text(b.Caption, p.field("caption"))
		}
		unused(b.Text != nil, "text")
		unused(b.Lines != nil, "lines")
	default:
		kinds := make([]string, len(BlockKinds))
		for i, k := range BlockKinds {
			kinds[i] = fmt.Sprintf("%q", k)
		}
		v.bad(p.field("kind").String(), "must be one of %s, not %q", strings.Join(kinds, ", "), b.Kind)
		if b.Text != nil {
			v.text(b.Text, p.field("text"))
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
		v.bad(p.String(), "a %s block has no %s; remove it or change the kind", b.Kind, name)
	}
}

func (v inlineValidator) list(p *path, items []ListItem) {
	v.some(p, items)
	for i, it := range items {
		ip := v.item(p, i, it)
		if it.Sublist == nil {
			continue
		}
		sp := ip.field("sublist")
		if it.Sublist.Start < 0 {
			v.bad(sp.field("start").String(), "must be 0 or more, not %d", it.Sublist.Start)
		}
		v.marker(&sp, it.Sublist.Ordered, it.Sublist.Marker)
		v.sublist(&sp, it.Sublist.Items)
	}
}

// sublist checks a sublist's items, which have none of their own. (It is
// not list again: a path passed down a recursion is taken to outlive the
// call, and each block's would be allocated.)
func (v inlineValidator) sublist(p *path, items []ListItem) {
	v.some(p, items)
	for i, it := range items {
		if ip := v.item(p, i, it); it.Sublist != nil {
			v.bad(ip.field("sublist").String(), "lists nest one level deep; move these items up a level")
		}
	}
}

// some reports a list (or sublist) p without items.
func (v inlineValidator) some(p *path, items []ListItem) {
	if len(items) == 0 {
		v.bad(p.field("items").String(), "a list needs at least one item")
	}
}

// item checks the text of item i of list p, and returns the item's path.
func (v inlineValidator) item(p *path, i int, it ListItem) path {
	ip := p.item("items", i)
	v.text(it.Text, ip.field("text"))
	return ip
}

// marker checks a list's marker: one of the known ones, and only on an
// ordered list (a bulleted list has no numbers to letter).
func (v inlineValidator) marker(p *path, ordered bool, m Marker) {
	switch {
	case !m.Valid():
		v.bad(p.field("marker").String(), "must be %q or %q (or absent, for numbers), not %q", LowerAlpha, UpperAlpha, m)
	case m != Decimal && !ordered:
		v.bad(p.field("marker").String(), "only an ordered list has a marker; add \"ordered\": true or remove it")
	}
}
