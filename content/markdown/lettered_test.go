package markdown

import (
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// listShape renders a section's blocks as "kind[marker from start]: items",
// a sublist in brackets with its own marker.
func listShape(bs []content.Block) string {
	var out []string
	for _, b := range bs {
		if b.Kind != content.List {
			out = append(out, string(b.Kind)+": "+b.Text.Plain())
			continue
		}
		var items []string
		for _, it := range b.Items {
			s := it.Text.Plain()
			if sl := it.Sublist; sl != nil {
				var sub []string
				for i, si := range sl.Items {
					sub = append(sub, sl.Marker.Label(sl.Start, i)+"="+si.Text.Plain())
				}
				s += " [" + string(sl.Marker) + ": " + strings.Join(sub, "; ") + "]"
			}
			items = append(items, s)
		}
		head := "bullets"
		if b.Ordered {
			head = "ordered " + string(b.Marker) + " from " + b.Marker.Label(b.Start, 0)
		}
		out = append(out, head+": "+strings.Join(items, " | "))
	}
	return strings.Join(out, "\n")
}

// TestLetteredLists: a multiple-choice question's options and lettered
// prompts keep their letters (the model's list marker); CommonMark has no
// lettered list, so they are read from lines "a. …" / "A) …" / "(a) …" in
// sequence, alone, under a list item's question or as bullets. Lines that
// only look so (one line, out of sequence, mixed forms) stay text.
func TestLetteredLists(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"lines of a paragraph", "a. In the Yukon\nb. In Seattle\nc. On a ship\n",
			"ordered lower-alpha from a: In the Yukon | In Seattle | On a ship"},
		{"capitals with a bracket", "A) Manuel\nB) Perrault\n", "ordered upper-alpha from A: Manuel | Perrault"},
		{"from c", "(c) Spitz\n(d) Dave\n", "ordered lower-alpha from c: Spitz | Dave"},
		{"under a numbered question, in its paragraph", "1. Where does Buck live?\n   a) In the Yukon\n   b) In Seattle\n2. Who sells him?\n   A. Manuel\n   B. Perrault\n",
			"ordered  from 1: Where does Buck live? [lower-alpha: a=In the Yukon; b=In Seattle] | Who sells him? [upper-alpha: A=Manuel; B=Perrault]"},
		{"under a question, lazy lines", "1. Where does Buck live?\na. In the Yukon\nb. In Seattle\n",
			"ordered  from 1: Where does Buck live? [lower-alpha: a=In the Yukon; b=In Seattle]"},
		{"under a question, a paragraph of their own", "1. Where does Buck live?\n\n   a. In the Yukon\n   b. In Seattle\n",
			"ordered  from 1: Where does Buck live? [lower-alpha: a=In the Yukon; b=In Seattle]"},
		{"bullets that start with their letter", "- A. Manuel\n- B. Perrault\n- C. Spitz\n", "ordered upper-alpha from A: Manuel | Perrault | Spitz"},
		{"bullets with their letter keep their sublists", "- A. Background\n  1. Serialised weekly\n  2. A new ending\n- B. Setting\n",
			"ordered upper-alpha from A: Background [: 1=Serialised weekly; 2=A new ending] | Setting"},
		{"one line is a sentence", "A. Lincoln freed the slaves.\n", "paragraph: A. Lincoln freed the slaves."},
		{"out of sequence", "a. one\nc. two\n", "paragraph: a. one c. two"},
		{"mixed forms", "a. one\nb) two\n", "paragraph: a. one b) two"},
		{"bullets out of sequence", "- A. one\n- C. two\n", "bullets: A. one | C. two"},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Parse("# The Call of the Wild\n\nby Jack London\n\nText.\n\n## Multiple Choice\n\n"+c.body, Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			if got := listShape(g.Sections[0].Blocks); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}
