package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// shape renders a section's blocks on one line each: "1. q" items (with a
// sublist's letters), paragraphs as they are.
func shape(bs []content.Block) string {
	var out []string
	for _, b := range bs {
		switch b.Kind {
		case content.List:
			for i, it := range b.Items {
				s := fmt.Sprintf("%s. %s", b.Marker.Label(b.Start, i), it.Text.Plain())
				if sl := it.Sublist; sl != nil {
					for j, si := range sl.Items {
						s += fmt.Sprintf(" (%s) %s", sl.Marker.Label(sl.Start, j), si.Text.Plain())
					}
				}
				out = append(out, s)
			}
		default:
			out = append(out, string(b.Kind)+": "+b.Text.Plain())
		}
	}
	return strings.Join(out, "\n")
}

// TestDiscussionPrompts: labelled questions ("Question:", "Q:", "Q1:") in
// a discussion section are its numbered prompts, numbered on after the
// section's numbered questions, each answer a paragraph under its question
// as typed; a question's lettered options are its sublist. Plain text and
// Markdown read the same (the Markdown paragraph runs question and answer
// together). They were paragraphs, labels kept, and the worksheet did not
// ask the ones without a question mark. In the FAQ, the same pairs stay FAQ
// entries; elsewhere, paragraphs.
func TestDiscussionPrompts(t *testing.T) {
	const pairs = "Question: Why does Kim love the lama?\nAnswer: He is the first to be kind to him.\n\nQ: Describe the Great Game.\nA: The rivalry of Britain and Russia.\n"
	const want = "1. Why does Kim love the lama?\nparagraph: Answer: He is the first to be kind to him.\n2. Describe the Great Game.\nparagraph: A: The rivalry of Britain and Russia."
	for _, tt := range []struct{ name, file, src, want string }{
		{"text", "a.txt", "Kim\nby Rudyard Kipling\n\nA boy spy.\n\nDiscussion Questions\n\n" + pairs, want},
		{"markdown", "a.md", "# Kim\n\nby Rudyard Kipling\n\nA boy spy.\n\n## Discussion Questions\n\n" + pairs, want},
		{"text: after numbered questions", "a.txt", "Kim\nby Rudyard Kipling\n\nA boy spy.\n\nStudy Questions\n\n1. Who is Mahbub Ali?\n2. What is the Wheel?\n\nQuestion: Why does Kim love the lama?\nAnswer: He is kind.\n",
			"1. Who is Mahbub Ali?\n2. What is the Wheel?\n3. Why does Kim love the lama?\nparagraph: Answer: He is kind."},
		{"markdown: questions alone, numbered labels", "a.md", "# Kim\n\nby Rudyard Kipling\n\nA boy spy.\n\n## Discussion Questions\n\nQ1: Why does Kim love the lama?\n\nQ2: Describe the Great Game.\n",
			"1. Why does Kim love the lama?\n2. Describe the Great Game."},
		{"text: a question's lettered options", "a.txt", "Kim\nby Rudyard Kipling\n\nA boy spy.\n\nReview Questions\n\nQ: Who buys Kim's freedom?\nA. Mahbub Ali\nB. The lama\n",
			"1. Who buys Kim’s freedom? (A) Mahbub Ali (B) The lama"},
		{"text: elsewhere, paragraphs", "a.txt", "Kim\nby Rudyard Kipling\n\nA boy spy.\n\nNotes\n\n" + pairs,
			"paragraph: Question: Why does Kim love the lama?\nparagraph: Answer: He is the first to be kind to him.\nparagraph: Q: Describe the Great Game.\nparagraph: A: The rivalry of Britain and Russia."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Load(tt.file, []byte(tt.src), Options{Language: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			if len(g.Sections) != 1 || len(g.FAQ) != 0 {
				t.Fatalf("%d sections, %d FAQ entries", len(g.Sections), len(g.FAQ))
			}
			if got := shape(g.Sections[0].Blocks); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	// The FAQ keeps its questions and answers.
	for _, f := range []string{"a.txt", "a.md"} {
		src := "Kim\nby Rudyard Kipling\n\nA boy spy.\n\nFrequently Asked Questions\n\n" + pairs
		if f == "a.md" {
			src = "# Kim\n\nby Rudyard Kipling\n\nA boy spy.\n\n## Frequently Asked Questions\n\n" + pairs
		}
		g, err := Load(f, []byte(src), Options{Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.FAQ) != 2 || g.FAQ[1].Question != "Describe the Great Game." {
			t.Errorf("%s: FAQ %+v", f, g.FAQ)
		}
	}
}
