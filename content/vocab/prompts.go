package vocab

import (
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/lazyre"
)

// Prompts reads the labelled questions of a discussion section ("Question:
// …", "Q: …", "Q1: …", "Pregunta: …", each with or without its "Answer: …"
// / "A: …" after it, on its own line or run into the question's
// paragraph) as the section's numbered prompts: each question a list item
// without its label, numbered on across the section, after its numbered
// questions if it has some (the label was the handout's numbering), so that the worksheet asks it; its answer stays a
// paragraph under it, as typed, label and all. Discussion questions are
// prompts, never FAQ entries (the FAQ is the guide's appendix of
// questions readers ask). Other blocks are left as they are. Both readers
// call it on their discussion sections.
func Prompts(bs []content.Block) []content.Block {
	copied := false
	for i, b := range bs {
		if l, ok := unlabelList(b); ok {
			if !copied {
				bs, copied = append([]content.Block(nil), bs...), true
			}
			bs[i] = l
		}
	}
	bs = bulletOptions(bs, copied)
	has := false
	for _, b := range bs {
		if b.Kind == content.Paragraph && QuestionLabel(b.Text.Plain()) > 0 {
			has = true
			break
		}
	}
	if !has {
		return bs
	}
	out := make([]content.Block, 0, len(bs)+2)
	asked := 0         // the last question's number, for the next list's start
	justAsked := false // the last block out ends with a labelled question
	for _, b := range bs {
		s := b.Text.Plain()
		n := 0
		if b.Kind == content.Paragraph {
			n = QuestionLabel(s)
		}
		if n == 0 {
			// "Q: Who sells Buck?" over "A. Manuel", "B. Perrault", or
			// over bullets ("**F2:** Was baut Hauke?" / "- einen Deich"
			// / "- eine Mühle"): its options (the bullets were a list of
			// their own after the prompts). A numbered list is the next
			// questions.
			if last := len(out) - 1; b.Kind == content.List && (b.Marker != content.Decimal || !b.Ordered) && justAsked && out[last].Items[len(out[last].Items)-1].Sublist == nil && !hasSublists(b.Items) {
				out[last].Items[len(out[last].Items)-1].Sublist = &content.Sublist{Ordered: b.Ordered, Marker: b.Marker, Start: b.Start, Items: b.Items}
				justAsked = false
				continue
			}
			justAsked = false
			if b.Kind == content.List && b.Ordered && b.Marker == content.Decimal {
				asked = content.Number(b.Start, len(b.Items)-1) // numbered questions before: go on from them
			}
			out = append(out, b)
			continue
		}
		q, answer := cutText(b.Text, n), content.Text(nil)
		// "Question: Why …? Answer: Because …" in one paragraph (the
		// Markdown reader joins a paragraph's lines), or "Q: Describe
		// the Game. A: The rivalry…": an answer's label with its colon.
		if qs, _, ok := InlineAnswer(q.Plain()); ok && answerColon(s[n+len(qs):]) {
			q, answer = cutTail(q, len(qs)), cutText(q, len(qs)).TrimSpace()
		} else if loc := answerInRE.FindStringSubmatchIndex(q.Plain()); loc != nil {
			q, answer = cutTail(q, loc[2]), cutText(q, loc[2]).TrimSpace()
		}
		if last := len(out) - 1; last >= 0 && out[last].Kind == content.List && out[last].Ordered && out[last].Marker == content.Decimal &&
			content.Number(out[last].Start, len(out[last].Items)) == asked+1 {
			out[last].Items = append(out[last].Items, content.ListItem{Text: q})
		} else {
			l := content.Block{Kind: content.List, Ordered: true, Items: []content.ListItem{{Text: q}}}
			if asked > 0 {
				l.Start = asked + 1
			}
			out = append(out, l)
		}
		asked++
		justAsked = answer == nil
		if answer != nil {
			out = append(out, content.Block{Kind: content.Paragraph, Text: answer})
		}
	}
	return out
}

// unlabelList reads a list whose every item opens with a question's label
// ("- **Q1.** Why …?", "1. Q2: …") as the numbered prompts it is, without
// the labels: they numbered the handout's questions, as the list does
// (the plain-text reader's labelled paragraphs lose theirs the same way).
func unlabelList(b content.Block) (content.Block, bool) {
	if b.Kind != content.List || len(b.Items) == 0 || b.Marker != content.Decimal {
		return b, false
	}
	for _, it := range b.Items {
		if QuestionLabel(it.Text.Plain()) == 0 {
			return b, false
		}
	}
	items := make([]content.ListItem, len(b.Items))
	for i, it := range b.Items {
		it.Text = cutText(it.Text, QuestionLabel(it.Text.Plain()))
		items[i] = it
	}
	b.Items, b.Ordered = items, true
	return b, true
}

// answerInRE: an answer's label with its colon after a sentence's end, in
// a question's paragraph ("… the Game. A: The rivalry").
var answerInRE = lazyre.New(`[.!?:)"”’](\s+)(?:A|Answer|R|Respuesta|Resposta|Antwort|Risposta|Réponse)\s*\d{0,3}\s*:\s`)

// answerColon: s (what follows a question) opens with an answer's label
// and a colon ("Answer: ", "A: "), not a lettered option ("A. Manuel").
func answerColon(s string) bool {
	s = strings.TrimSpace(s)
	n := AnswerLabel(s)
	return n > 0 && strings.Contains(s[:n], ":")
}

// cutText is t without its first n bytes (of its plain text), trimmed.
func cutText(t content.Text, n int) content.Text {
	var out content.Text
	for _, sp := range t {
		switch {
		case n >= len(sp.Text):
			n -= len(sp.Text)
		case n > 0:
			sp.Text = sp.Text[n:]
			n = 0
			out = append(out, sp)
		default:
			out = append(out, sp)
		}
	}
	return out.TrimSpace()
}

// cutTail is the first n bytes of t (of its plain text), trimmed.
func cutTail(t content.Text, n int) content.Text {
	var out content.Text
	for _, sp := range t {
		if n <= 0 {
			break
		}
		if len(sp.Text) > n {
			sp.Text = sp.Text[:n]
		}
		n -= len(sp.Text)
		out = append(out, sp)
	}
	return out.TrimSpace()
}

// DiscussionPrompts applies Prompts to every discussion section and to
// the subsections under one (a chapter's questions under Discussion
// Questions), in place.
func DiscussionPrompts(ss []content.Section) {
	var walk func([]content.Section, bool)
	walk = func(ss []content.Section, in bool) {
		for i := range ss {
			d := in || ss[i].Role == content.RoleDiscussion
			if d {
				ss[i].Blocks = Prompts(ss[i].Blocks)
			}
			walk(ss[i].Subsections, d)
		}
	}
	walk(ss, false)
}

func hasSublists(items []content.ListItem) bool {
	for _, it := range items {
		if it.Sublist != nil {
			return true
		}
	}
	return false
}

// bulletOptions: bullets or letters right after a numbered question
// ("Q2: Who dies?", "2. Who dies?" / "• Hauke" / "• Elke", "F2: Was baut
// Hauke?" / "a) einen Deich") are its options, the question's sublist;
// they were a list of their own after the questions.
// bs is copied first unless copied says it already is.
func bulletOptions(bs []content.Block, copied bool) []content.Block {
	var out []content.Block
	for i, b := range bs {
		if k := len(out) - 1; k >= 0 && i > 0 && b.Kind == content.List && (!b.Ordered || b.Marker != content.Decimal) && !hasSublists(b.Items) && optionsAfter(out[k]) {
			if !copied {
				out, copied = append(make([]content.Block, 0, len(bs)), out...), true
			}
			prev := &out[k]
			prev.Items = append([]content.ListItem(nil), prev.Items...)
			prev.Items[len(prev.Items)-1].Sublist = &content.Sublist{Ordered: b.Ordered, Marker: b.Marker, Start: b.Start, Items: b.Items}
			continue
		}
		if copied || out != nil {
			out = append(out, b)
			continue
		}
		out = bs[:i+1] // unchanged so far: no copy
	}
	return out
}

// optionsAfter: b is a numbered list whose last item asks a question
// and has no sublist yet.
func optionsAfter(b content.Block) bool {
	if b.Kind != content.List || !b.Ordered || b.Marker != content.Decimal || len(b.Items) == 0 {
		return false
	}
	last := b.Items[len(b.Items)-1]
	s := strings.TrimSpace(last.Text.Plain())
	return last.Sublist == nil && (strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？") || strings.HasSuffix(s, "؟") || strings.HasSuffix(s, "\u037e"))
}
