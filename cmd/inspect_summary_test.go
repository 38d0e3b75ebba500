package cmd

import (
	"testing"

	"github.com/guidepress/guidepress/content"
)

func TestSummaryLine(t *testing.T) {
	g := &content.Guide{
		Language: "es",
		Quotes:   []content.Quote{{Text: content.Plain("a"), Attribution: content.Plain("Capítulo 1")}, {Text: content.Plain("b")}},
		Sections: []content.Section{{Title: "S", Blocks: []content.Block{
			{Kind: content.List, Items: []content.ListItem{{Text: content.Plain("x")}}},
			{Kind: content.Definitions}, {Kind: content.Definitions},
		}, Subsections: []content.Section{{Title: "T"}}}},
		FAQ: []content.FAQEntry{{Question: "¿Por qué?"}},
		Diagnostics: []content.Diagnostic{
			{Severity: content.Warning, Message: "kept it"},
			{Severity: content.Info, Message: "read \"T\" as a subsection of \"S\""},
			{Severity: content.Info, Message: "dropped the advertisement label on this line"},
		},
	}
	want := "Summary: 2 sections, 2 quotes (1 attributed), 1 FAQ question, 1 list, 2 definition lists; language es; 2 doubtful decisions"
	if got := summaryLine(g); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
