package typography

import (
	"strings"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
)

// SmartText is Smart for inline text. Each span is set with its neighbours
// in view, so a quotation mark at the edge of an italic title opens or closes
// as it would in plain text ("*Hamlet*'s" keeps an apostrophe, `"*Emma*"`
// gets curly quotes either side), while styles and links stay where they
// were. A link's own text is set too; its address never is. Code is
// kept as typed ('`"quoted"`', '`--lang`'), and set text beside it is set
// as beside any other character.
func SmartText(t content.Text) content.Text {
	if len(t) == 0 {
		return t
	}
	if len(t) == 1 {
		s := t[0]
		if !s.Code {
			s.Text = Smart(s.Text)
		}
		return content.Text{s}
	}
	out := make(content.Text, len(t))
	for i, s := range t {
		if s.Code {
			out[i] = s
			continue
		}
		var prefix, suffix string
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(out[i-1].Text); r != utf8.RuneError {
				prefix = string(r)
			}
		}
		if i+1 < len(t) {
			if r, _ := utf8.DecodeRuneInString(t[i+1].Text); r != utf8.RuneError {
				suffix = string(r)
			}
		}
		set := Smart(prefix + s.Text + suffix)
		if strings.HasPrefix(set, prefix) && len(set) >= len(prefix) {
			set = set[len(prefix):]
			if suffix != "" {
				// The neighbour's first rune may itself have been set (a
				// straight quote made curly): drop whatever rune ends the
				// result.
				_, n := utf8.DecodeLastRuneInString(set)
				set = set[:len(set)-n]
			}
		} else {
			set = Smart(s.Text)
		}
		s.Text = set
		out[i] = s
	}
	return out
}
