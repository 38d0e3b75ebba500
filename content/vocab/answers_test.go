package vocab

import (
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// TestAddAnswerKey: where the ticked answers go, and how the note says
// it: a last section; the end of the guide's own key (the note said "a
// last section" there too); after the key's subsections, in a last part
// for each quiz's section (they were blocks of the key, set before its
// parts).
func TestAddAnswerKey(t *testing.T) {
	a := func(q, o, sec string) Answer {
		return Answer{Question: content.Plain(q), Option: content.Plain(o), Section: sec}
	}
	answers := []Answer{a("Who?", "Dunstan", "Quiz"), a("Where?", "The pit", "Quiz"), a("When?", "At Christmas", "Chapter Test")}
	key := func(subs ...string) content.Section {
		s := content.Section{Title: "Answer Key", Blocks: []content.Block{{Kind: content.Paragraph, Text: content.Plain("Keys.")}}}
		for _, n := range subs {
			s.Subsections = append(s.Subsections, content.Section{Title: n})
		}
		return s
	}
	tests := []struct {
		name, lang string
		sections   []content.Section
		answers    []Answer
		where      string
		outline    string
	}{
		{"no key: a last section", "en", nil, answers, `in a last section, "Answer Key"`,
			"Answer Key[list 3]"},
		{"no key, German", "de", nil, answers[:1], `in a last section, "Lösungen"`,
			"Lösungen[list 1]"},
		{"the guide's key without parts: at its end", "en", []content.Section{key()}, answers, `at the end of the guide's own section "Answer Key"`,
			"Answer Key[paragraph list 3]"},
		{"the guide's key with parts: after them, a part for each quiz", "en", []content.Section{key("Chapters 1–5", "Chapters 6–10")}, answers,
			`at the end of the guide's own section "Answer Key", after its parts, in last parts, "Quiz" and "Chapter Test"`,
			"Answer Key[paragraph]{Chapters 1–5[] Chapters 6–10[] Quiz[list 2] Chapter Test[list 1]}"},
		{"a quiz of unknown section, or one named as the key: a part named Quiz in the guide's language", "es", []content.Section{{Title: "Soluciones", Subsections: []content.Section{{Title: "Capítulo 1"}}}},
			[]Answer{a("¿Quién?", "Dunstan", ""), a("¿Dónde?", "El pozo", "Soluciones")},
			`at the end of the guide's own section "Soluciones", after its parts, in a last part, "Cuestionario"`,
			"Soluciones[]{Capítulo 1[] Cuestionario[list 2]}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &content.Guide{Language: tt.lang, Sections: append([]content.Section(nil), tt.sections...)}
			if where := AddAnswerKey(g, tt.answers); where != tt.where {
				t.Errorf("where = %s, want %s", where, tt.where)
			}
			if got := sectionOutline(g.Sections[len(g.Sections)-1]); got != tt.outline {
				t.Errorf("key = %s, want %s", got, tt.outline)
			}
		})
	}
}

// sectionOutline: "Title[block kinds]{subsections}", a list with its
// number of items.
func sectionOutline(s content.Section) string {
	var kinds []string
	for _, b := range s.Blocks {
		k := string(b.Kind)
		if b.Kind == content.List {
			k += " " + string(rune('0'+len(b.Items)))
		}
		kinds = append(kinds, k)
	}
	out := s.Title + "[" + strings.Join(kinds, " ") + "]"
	if len(s.Subsections) > 0 {
		var subs []string
		for _, sub := range s.Subsections {
			subs = append(subs, sectionOutline(sub))
		}
		out += "{" + strings.Join(subs, " ") + "}"
	}
	return out
}
