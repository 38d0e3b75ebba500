package markdown

import (
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/yuin/goldmark/ast"
)

// letterRE: a lettered item's label, "a. ", "a) " or "(a) " (capitals too),
// one letter and a space before the text.
var letterRE = lazyre.New(`^(?:\(([A-Za-z])\)|([A-Za-z])([.)]))\s+`)

// lettered reads texts lettered in sequence ("a. …", "b. …"; "A) …";
// "(a) …"), two or more, in one case and one form: the options of a
// multiple-choice question or an essay's prompts. CommonMark has no
// lettered lists, so they come as the lines of a paragraph (Pandoc's
// fancy_lists form, which `inspect --markdown` writes) or as bullets that
// start with their letter ("- A. Manuel"). It returns the list's marker,
// its start (0 from a or A) and its items without their labels.
func lettered(ts []content.Text) (content.Marker, int, []content.ListItem, bool) {
	if len(ts) < 2 {
		return content.Decimal, 0, nil, false
	}
	var marker content.Marker
	var first byte
	form := ""
	items := make([]content.ListItem, 0, len(ts))
	for i, t := range ts {
		s := t.Plain()
		m := letterRE.FindStringSubmatchIndex(s)
		if m == nil || m[1] == len(s) {
			return content.Decimal, 0, nil, false
		}
		// The letter, and the label's form: "(" for (a), else its stop.
		var c byte
		f := "("
		if m[2] >= 0 {
			c = s[m[2]]
		} else {
			c, f = s[m[4]], s[m[6]:m[7]]
		}
		mk := content.LowerAlpha
		if c < 'a' {
			mk = content.UpperAlpha
		}
		if i == 0 {
			marker, first, form = mk, c, f
		} else if mk != marker || f != form || c != first+byte(i) {
			return content.Decimal, 0, nil, false
		}
		items = append(items, content.ListItem{Text: trimPrefix(t, m[1])})
	}
	start := int(first|0x20-'a') + 1
	if start == 1 {
		start = 0
	}
	return marker, start, items, true
}

// lineTexts are the texts of a paragraph's lines.
func lineTexts(ls []line) []content.Text {
	ts := make([]content.Text, len(ls))
	for i, l := range ls {
		ts[i] = l.text
	}
	return ts
}

// letteredBullets makes a bulleted list whose items all start with their
// letter ("- A. Manuel", "- B. Perrault") a lettered list; the items keep
// their sublists.
func letteredBullets(b *content.Block) {
	ts := make([]content.Text, len(b.Items))
	for i, it := range b.Items {
		ts[i] = it.Text
	}
	if m, start, items, ok := lettered(ts); ok {
		for i := range items {
			items[i].Sublist = b.Items[i].Sublist
		}
		b.Ordered, b.Marker, b.Start, b.Items = true, m, start, items
	}
}

// numberedRE: a paragraph's text that opens with an item number ("3. ",
// "3) "). CommonMark reads such a line as a list unless its number is
// escaped ("3\. "), which is how Notion, Google Docs and other exports
// write numbered paragraphs they did not make a list of.
var numberedRE = lazyre.New(`^(\d{1,3})[.)](\s+)\S`)

// escapedNumberRE: a paragraph's source that opens with an escaped item
// number.
var escapedNumberRE = lazyre.New(`^[ \t]{0,3}(\d{1,3})\\[.)][ \t]+\S`)

// itemNumber is the number a paragraph's text opens with, and its text
// after the number; ok false when it opens with none.
func itemNumber(t content.Text) (int, content.Text, bool) {
	s := t.Plain()
	m := numberedRE.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, nil, false
	}
	n := 0
	for _, c := range s[m[2]:m[3]] {
		n = n*10 + int(c-'0')
	}
	return n, trimPrefix(t, m[5]).TrimSpace(), true
}

// escapedNumber is the escaped item number a paragraph's source opens
// with, or -1.
func (r *reader) escapedNumber(p *ast.Paragraph) int {
	if p.Lines().Len() == 0 {
		return -1
	}
	seg := p.Lines().At(0)
	m := escapedNumberRE.FindSubmatch(seg.Value(r.src))
	if m == nil {
		return -1
	}
	n := 0
	for _, c := range m[1] {
		n = n*10 + int(c-'0')
	}
	return n
}
