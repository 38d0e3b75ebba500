package markdown

import (
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// marked is t's text with its strong spans between "**".
func marked(t content.Text) string {
	var b strings.Builder
	for _, sp := range t {
		if sp.Strong {
			b.WriteString("**" + sp.Text + "**")
		} else {
			b.WriteString(sp.Text)
		}
	}
	return b.String()
}

// TestObsidianMarks: an Obsidian note's highlights ("==Community==") are
// strong text, their "=="s gone, and the tags that end a line ("#novel
// #victorian") are dropped with one info; both were left in the text.
// Tags inside a sentence, numbers ("#1"), "C#", "a == b" and an escaped
// "\==" stay as typed.
func TestObsidianMarks(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       []string // the section's paragraphs and list items, in order
		noted      bool     // the info on dropped tags
	}{
		{"a highlight", "==Community== heals what isolation broke.\n", []string{"**Community** heals what isolation broke."}, false},
		{"two highlights in a list item", "- Eppie ==replaces== the ==lost hoard==.\n", []string{"Eppie **replaces** the **lost hoard**."}, false},
		{"an equation is not a highlight", "Gold == love == nothing.\n", []string{"Gold == love == nothing."}, false},
		{"an escaped highlight stays", "\\==Community== heals.\n", []string{"==Community== heals."}, false},
		{"tags ending a paragraph", "A weaver finds a child. #novel #victorian\n", []string{"A weaver finds a child."}, true},
		{"a nested tag ending a list item", "- Community heals. #theme/community\n- Gold is cold.\n", []string{"Community heals.", "Gold is cold."}, true},
		{"a paragraph of tags only", "Eppie grows up.\n\n#eliot #novel\n", []string{"Eppie grows up."}, true},
		{"a tag inside a sentence stays", "Eppie is #hope for Silas.\n", []string{"Eppie is #hope for Silas."}, false},
		{"a number is not a tag", "Silas is reason #1\n", []string{"Silas is reason #1"}, false},
		{"C# is not a tag", "He learned C#\n", []string{"He learned C#"}, false},
		// Code keeps its characters as typed (inline.go's CodeSpan): the
		// marks are read in the text around it, never in it.
		{"a highlight in code stays as typed", "Type `==Community==` to mark it.\n", []string{"Type ==Community== to mark it."}, false},
		{"code beside a highlight", "==Gold== is `a == b` and `==c==`.\n", []string{"**Gold** is a == b and ==c==."}, false},
		{"a tag in code ending a line stays", "Obsidian files it under `#theme/community`\n", []string{"Obsidian files it under #theme/community"}, false},
		{"a tag in code ending a line with a space in it stays", "Tag it `with #novel`\n", []string{"Tag it with #novel"}, false},
		{"a wiki link in code stays as typed", "Write `[[Eppie]]` to link.\n", []string{"Write [[Eppie]] to link."}, false},
		{"a bracketed span in code stays as typed", "Write `[gold]{.smallcaps}` for small capitals.\n", []string{"Write [gold]{.smallcaps} for small capitals."}, false},
		// Decided token by token, not for the whole block: escaped marks
		// were read as a highlight or a tag when another line of the
		// block held one.
		{"a highlight in a code span stays as typed", "The test `a ==b== c` and `==b==` differ from ==d==.\n", []string{"The test a ==b== c and ==b== differ from **d**."}, false},
		{"an escaped highlight on one line, a highlight on the next", "\\==Community== stays\nand ==hope== is strong.\n", []string{"==Community== stays and **hope** is strong."}, false},
		{"a code span ending a line is no tag", "Search for `#novel`\nin the vault. #victorian\n", []string{"Search for #novel in the vault."}, true},
		{"an escaped tag ending a line, a tag ending the next", "Reason \\#novel\nand more. #victorian\n", []string{"Reason #novel and more."}, true},
		{"a wiki link in a code span stays as typed", "`[[Eppie]]` links to [[Eppie]].\n", []string{"[[Eppie]] links to Eppie."}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# Silas Marner\n\nby George Eliot\n\nA weaver.\n\n## Themes\n\n"+c.body, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range g.Sections[0].Blocks {
				switch b.Kind {
				case content.Paragraph:
					got = append(got, marked(b.Text))
				case content.List:
					for _, it := range b.Items {
						got = append(got, marked(it.Text))
					}
				}
			}
			if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("got %q, want %q", got, c.want)
			}
			noted := false
			for _, d := range g.Diagnostics {
				noted = noted || strings.Contains(d.Message, "tags that end a line")
			}
			if noted != c.noted {
				t.Errorf("tags noted %v, want %v (%v)", noted, c.noted, g.Diagnostics)
			}
		})
	}
}
