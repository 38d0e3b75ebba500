package vocab

import (
	"strings"

	"github.com/guidepress/guidepress/content"
)

// answerKeyTitle names the answer key in each language (the names
// Classify knows for it).
var answerKeyTitle = map[string]string{"en": "Answer Key", "es": "Soluciones", "fr": "Corrigé", "de": "Lösungen", "it": "Soluzioni", "pt": "Gabarito"}

// Answer is a quiz's answer ticked among its options: the question and
// the option.
type Answer struct{ Question, Option content.Text }

// AddAnswerKey gathers a quiz's ticked answers, each after its question
// ("Who steals the gold? — Dunstan Cass"), in a last section, the answer
// key, named in the guide's language, or at the end of the guide's own
// section of that name; it returns the section's title. Both readers call
// it: the options stay the pupils' (unticked), the teacher's ticks are
// not lost.
func AddAnswerKey(g *content.Guide, answers []Answer) string {
	title := answerKeyTitle[strings.SplitN(g.Language, "-", 2)[0]]
	if title == "" {
		title = answerKeyTitle["en"]
	}
	if len(answers) == 0 {
		return title
	}
	b := content.Block{Kind: content.List}
	for _, a := range answers {
		item := append(append(append(content.Text{}, a.Question...), content.Span{Text: " — "}), a.Option...).Normalize()
		b.Items = append(b.Items, content.ListItem{Text: item})
	}
	for i := range g.Sections {
		if strings.EqualFold(g.Sections[i].Title, title) {
			g.Sections[i].Blocks = append(g.Sections[i].Blocks, b)
			return title
		}
	}
	g.Sections = append(g.Sections, content.Section{Title: title, Blocks: []content.Block{b}})
	return title
}
