package markdown

import (
	"fmt"
	"strings"

	"github.com/guidepress/guidepress/internal/lazyre"
)

var (
	atxRE    = lazyre.New(`(?m)^#{1,6}[ \t]+\S`)
	strongRE = lazyre.New(`\*\*\S[^*\n]*\*\*|__\S[^_\n]*__`)
	linkRE   = lazyre.New(`\]\([^)\s]+\)|(?m)^>\s`)
	yamlFM   = lazyre.New(`^---\n(?:[A-Za-z_][\w.-]*[ \t]*:.*\n|[ \t#].*\n|\n)*?(?:---|\.\.\.)[ \t]*(?:\n|$)`)
	tomlFM   = lazyre.New(`^\+\+\+\n(?:.*\n)*?\+\+\+[ \t]*(?:\n|$)`)
)

// Looks reports why text is clearly Markdown, or "" when it is not: front
// matter, or at least two "#" headings together with bold, links or block
// quotes (or at least four headings). Plain-text guides start lines with
// "#" only by accident, so one heading is not enough.
func Looks(text string) string {
	head := text
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if strings.HasPrefix(head, "---\n") && yamlFM.MatchString(head) {
		return "the file starts with YAML front matter"
	}
	if strings.HasPrefix(head, "+++\n") && tomlFM.MatchString(head) {
		return "the file starts with TOML front matter"
	}
	// Ordinary text has no line starting with "#": a byte scan says so
	// without running an expression over the whole head (issue 16, the
	// import of a .txt). atxHeadings counts what atxRE would match.
	h := atxHeadings(head, 8)
	if h < 2 {
		return ""
	}
	var signs []string
	if strongRE.MatchString(head) {
		signs = append(signs, "** bold")
	}
	if linkRE.MatchString(head) {
		signs = append(signs, "links or > quotes")
	}
	if len(signs) == 0 && h < 4 {
		return ""
	}
	reason := fmt.Sprintf("it has %d \"#\" headings", h)
	if h == 8 {
		reason = "it has many \"#\" headings"
	}
	if len(signs) > 0 {
		reason += " and " + strings.Join(signs, " and ")
	}
	return reason
}

// atxHeadings counts, up to max, the lines of s that atxRE matches: one to
// six "#", then spaces or tabs, then a character that is not white space.
// It looks only at the lines that start with "#", found with a fast search
// for the byte "#".
func atxHeadings(s string, max int) int {
	n := 0
	for i := 0; i < len(s) && n < max; {
		if s[i] != '#' || i > 0 && s[i-1] != '\n' {
			// The next "#" that starts a line ("#" is rare in text,
			// so IndexByte skips most of it at once).
			j := strings.IndexByte(s[i+1:], '#')
			if j < 0 {
				break
			}
			i += j + 1
			continue
		}
		// s[i] is '#' at the start of a line.
		k := i
		for k < len(s) && s[k] == '#' {
			k++
		}
		hashes := k - i
		sp := k
		for sp < len(s) && (s[sp] == ' ' || s[sp] == '\t') {
			sp++
		}
		if hashes <= 6 && sp > k && sp < len(s) && !isSpaceByte(s[sp]) {
			n++
		}
		// On to the next line.
		j := strings.IndexByte(s[k:], '\n')
		if j < 0 {
			break
		}
		i = k + j + 1
	}
	return n
}

// isSpaceByte is the \s of Go's regexp: tab, newline, form feed, carriage
// return and space.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
