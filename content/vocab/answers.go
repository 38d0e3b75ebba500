package vocab

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/guidepress/guidepress/content"
)

// answerKeyTitle names the answer key in each language (the names
// Classify knows for it).
var answerKeyTitle = map[string]string{"en": "Answer Key", "es": "Soluciones", "fr": "Corrigé", "de": "Lösungen", "it": "Soluzioni", "pt": "Gabarito"}

// quizTitle names a quiz in each language: the title of the part of an
// answer key that holds a quiz's answers when the reader does not know
// the quiz's own section.
var quizTitle = map[string]string{"en": "Quiz", "es": "Cuestionario", "fr": "Questionnaire", "de": "Quiz", "it": "Quiz", "pt": "Questionário"}

// Answer is a quiz's answer ticked among its options: the question and
// the option, and the title of the section the quiz is in ("" when the
// reader does not say).
type Answer struct {
	Question, Option content.Text
	Section          string
}

// AddAnswerKey gathers a quiz's ticked answers, each after its question
// ("Who steals the gold? — Dunstan Cass"), in a last section, the answer
// key, named in the guide's language, or at the end of the guide's own
// section of that name: after its subsections, if it has some, as a last
// one named after the quiz's section (the answers were blocks of the
// section, which come before its subsections: a reader met them under
// its heading, before the parts of the key it had). It returns where they
// went, as a note says it. Both readers call it: the options stay the
// pupils' (unticked), the teacher's ticks are not lost.
func AddAnswerKey(g *content.Guide, answers []Answer) (where string) {
	lang := strings.SplitN(g.Language, "-", 2)[0]
	title := answerKeyTitle[lang]
	if title == "" {
		title = answerKeyTitle["en"]
	}
	where = fmt.Sprintf("in a last section, %q", title)
	if len(answers) == 0 {
		return where
	}
	item := func(a Answer) content.ListItem {
		return content.ListItem{Text: append(append(append(content.Text{}, a.Question...), content.Span{Text: " — "}), a.Option...).Normalize()}
	}
	b := content.Block{Kind: content.List}
	for _, a := range answers {
		b.Items = append(b.Items, item(a))
	}
	for i := range g.Sections {
		s := &g.Sections[i]
		if !strings.EqualFold(s.Title, title) {
			continue
		}
		if len(s.Subsections) == 0 {
			s.Blocks = append(s.Blocks, b)
			return fmt.Sprintf("at the end of the guide's own section %q", s.Title)
		}
		// A part for each quiz's section, in the order met.
		var names []string
		for _, a := range answers {
			name := a.Section
			if name == "" || strings.EqualFold(name, s.Title) {
				if name = quizTitle[lang]; name == "" {
					name = quizTitle["en"]
				}
			}
			if len(names) == 0 || names[len(names)-1] != name {
				names = append(names, name)
				s.Subsections = append(s.Subsections, content.Section{Title: name, Blocks: []content.Block{{Kind: content.List}}})
			}
			last := &s.Subsections[len(s.Subsections)-1].Blocks[0]
			last.Items = append(last.Items, item(a))
		}
		return fmt.Sprintf("at the end of the guide's own section %q, after its parts, in %s", s.Title, quoted(names))
	}
	g.Sections = append(g.Sections, content.Section{Title: title, Blocks: []content.Block{b}})
	return where
}

// quoted lists names quoted and joined: `"Quiz"`, `"Quiz" and "Test"`.
func quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	if len(q) == 1 {
		return "a last part, " + q[0]
	}
	return "last parts, " + strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
