package pdf

import (
	"regexp"
	"strings"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// metadata fills the Info dictionary and the catalogue's /Lang. The
// guide's own author goes to Author only when the user or the input gave
// one (guideAuthor): the
// novelist did not write the guide (DESIGN.md), so the book and its author
// go to Subject and Keywords instead.
func metadata(p *fpdf.Fpdf, g *content.Guide, opts export.Options) {
	info := func(s string) string { return utf16be(clean(s)) }
	p.SetTitle(info(g.Title), false)
	subject := "A study guide to " + g.Book.Title
	if g.Book.Author != "" {
		subject += " by " + g.Book.Author
	}
	p.SetSubject(info(subject), false)
	kw := []string{"study guide", g.Book.Title}
	if g.Book.Author != "" {
		kw = append(kw, g.Book.Author)
	}
	kw = append(kw, "quotes", "FAQ")
	p.SetKeywords(info(strings.Join(kw, "; ")), false)
	p.SetCreator(info("guidepress"), false)
	p.SetProducer(info(Producer), false)
	if a := guideAuthor(g, opts); a != "" {
		p.SetAuthor(info(a), false)
	}
	// fpdf writes /Lang unescaped, so only a well-formed tag goes in.
	lang := g.Language
	if !langTag.MatchString(lang) {
		lang = content.DefaultLanguage
	}
	p.SetLang(lang)
}

// guideAuthor is the guide's own author: the user's, else the input's
// (never the book's author).
func guideAuthor(g *content.Guide, opts export.Options) string {
	if a := strings.TrimSpace(opts.Author); a != "" {
		return a
	}
	return strings.TrimSpace(g.Author)
}

// guidePublisher is the guide's publisher: the user's, else the input's.
func guidePublisher(g *content.Guide, opts export.Options) string {
	if p := strings.TrimSpace(opts.Publisher); p != "" {
		return p
	}
	return strings.TrimSpace(g.Publisher)
}

// utf16be is s as a PDF text string (PDF 32000-1 §7.9.2.2): UTF-16BE with
// a byte order mark, surrogate pairs for characters beyond U+FFFF. fpdf's
// own conversion knows only the Basic Multilingual Plane, so metadata is
// passed pre-encoded with isUTF8 false; fpdf then only escapes it.
func utf16be(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, v := range u {
		b = append(b, byte(v>>8), byte(v))
	}
	return string(b)
}

// cesu8 writes characters beyond U+FFFF as two three-byte surrogates
// (CESU-8), which fpdf's UTF-8 to UTF-16 conversion turns into a correct
// surrogate pair.
func cesu8(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r <= 0xFFFF {
			b = append(b, string(r)...)
			continue
		}
		hi, lo := utf16.EncodeRune(r)
		for _, v := range []rune{hi, lo} {
			b = append(b, byte(0xE0|(v>>12)), byte(0x80|((v>>6)&0x3F)), byte(0x80|(v&0x3F)))
		}
	}
	return string(b)
}
