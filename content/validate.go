package content

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// languageTag accepts the BCP 47 shapes a publication language takes in
// practice ("en", "en-GB", "pt-BR", "zh-Hant-TW", "sr-Latn"); EPUB 3.3 §5.5.3.3
// requires dc:language to be a well-formed tag.
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

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
	// textAt is text for the many fields inside lists: their JSON path is
	// only formatted when there is something to report.
	textAt := func(s string, pathFormat string, pathArgs ...any) {
		if format, args := textProblem(s); format != "" {
			bad(fmt.Sprintf(pathFormat, pathArgs...), format, args...)
		}
	}

	text("title", g.Title)
	text("book.title", g.Book.Title)
	if g.Book.Author != "" {
		text("book.author", g.Book.Author)
	}
	if !languageTag.MatchString(g.Language) {
		bad("language", "%q is not a BCP 47 language tag such as \"en\" or \"fr-CA\"", g.Language)
	}
	if g.ReadingMinutes < 0 {
		bad("reading_minutes", "must be 0 (unknown) or more, not %d", g.ReadingMinutes)
	}
	for i, p := range g.Synopsis {
		textAt(p, "synopsis[%d]", i)
	}
	for i, q := range g.Quotes {
		textAt(q.Text, "quotes[%d].text", i)
	}
	var sections func(prefix string, ss []Section, depth int)
	sections = func(prefix string, ss []Section, depth int) {
		for i, s := range ss {
			p := fmt.Sprintf("%s[%d]", prefix, i)
			text(p+".title", s.Title)
			for j, b := range s.Blocks {
				if b.Kind != Paragraph && b.Kind != BlockQuote {
					bad(fmt.Sprintf("%s.blocks[%d].kind", p, j), "must be %q or %q, not %q", Paragraph, BlockQuote, b.Kind)
				}
				textAt(b.Text, "%s.blocks[%d].text", p, j)
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
			textAt(a, "%s.answer[%d]", p, j)
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
