package markdown

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	atxRE    = regexp.MustCompile(`(?m)^#{1,6}[ \t]+\S`)
	strongRE = regexp.MustCompile(`\*\*\S[^*\n]*\*\*|__\S[^_\n]*__`)
	linkRE   = regexp.MustCompile(`\]\([^)\s]+\)|(?m)^>\s`)
	yamlFM   = regexp.MustCompile(`^---\n(?:[A-Za-z_][\w.-]*[ \t]*:.*\n|[ \t#].*\n|\n)*?(?:---|\.\.\.)[ \t]*(?:\n|$)`)
	tomlFM   = regexp.MustCompile(`^\+\+\+\n(?:.*\n)*?\+\+\+[ \t]*(?:\n|$)`)
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
	if yamlFM.MatchString(head) {
		return "the file starts with YAML front matter"
	}
	if tomlFM.MatchString(head) {
		return "the file starts with TOML front matter"
	}
	h := len(atxRE.FindAllStringIndex(head, 8))
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
