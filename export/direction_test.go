package export

import (
	"testing"

	"github.com/guidepress/guidepress/content"
)

func TestGuideRightToLeft(t *testing.T) {
	para := func(s string) content.Block { return content.Block{Kind: content.Paragraph, Text: content.Plain(s)} }
	english := []content.Section{
		{Title: "Plot Summary", Blocks: []content.Block{para("Victor leaves Geneva.")}},
		{Title: "Characters", Subsections: []content.Section{{Title: "Victor"}}},
	}
	hebrew := []content.Section{
		{Title: "עלילה", Blocks: []content.Block{para("נעמי חוזרת לבית לחם.")}},
		{Title: "Panchatantra", Blocks: []content.Block{para("ספר משלים הודי.")}}, // one English heading
	}
	for _, tc := range []struct {
		name     string
		lang     string
		title    string
		sections []content.Section
		want     bool
	}{
		{"Hebrew text, he", "he", "מגילת רות — מדריך לימוד", hebrew, true},
		{"English text, --lang he", "he", "Frankenstein — A Study Guide", english, false},
		{"English text, ar-EG", "ar-EG", "Frankenstein", english, false},
		{"Arabic title only, ar", "ar", "كليلة ودمنة", nil, true},
		{"no letters at all, he", "he", "1984", nil, true},
		{"Hebrew title, no language", "", "מגילת רות", english, true},
		{"Hebrew title, default language", content.DefaultLanguage, "מגילת רות", nil, true},
		{"English title, no language", "", "The Book of Ruth", hebrew, false},
		{"Hebrew title, French named", "fr", "מגילת רות", hebrew, false},
	} {
		g := &content.Guide{Title: tc.title, Language: tc.lang, Sections: tc.sections}
		if got := GuideRightToLeft(g); got != tc.want {
			t.Errorf("%s: GuideRightToLeft = %v, want %v", tc.name, got, tc.want)
		}
	}
}
