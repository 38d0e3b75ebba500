package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
)

// TestOptimizeEscapes: characters whose UTF-16 bytes are a newline, a
// carriage return, a parenthesis or a backslash (Ċ č Ĩ ĩ Ŝ), beside
// literal ones, survive the rewrite of fpdf's text lines, in order, in
// every colour and face a page mixes.
func TestOptimizeEscapes(t *testing.T) {
	tricky := `Ċeský čaj (Ĩĩ) Ŝŝ \ back\slash (a) "ok" ĊĊ))((`
	g := &content.Guide{Title: "Escapes (Ŝ)", Book: content.Book{Title: "Ĩĩ", Author: "Ċ č"}, Language: "en",
		Quotes: []content.Quote{{Text: content.Plain(tricky)}},
		Sections: []content.Section{{Title: "Ŝection (" + tricky + ")", Blocks: []content.Block{
			{Kind: content.Paragraph, Text: content.Plain(tricky + " " + tricky)},
			{Kind: content.BlockQuote, Text: content.Plain(tricky)},
		}}},
		FAQ: []content.FAQEntry{{Question: tricky + "?", Answer: content.Plains(tricky)}}}
	out, lay, _ := build(t, g, teacher)
	path := write(t, "escapes", out)
	text := squash(bodyText(t, path, lay))
	want := squash(layout.Clean(tricky))
	if n := strings.Count(text, want); n < 5 {
		t.Errorf("the text comes out whole %d times, want at least 5 (quote, paragraph twice, callout, answer):\n%s", n, text)
	}
}

// TestOptimizeStructure: the file is PDF 1.5 with an object stream and a
// cross-reference stream, and qpdf finds nothing wrong with it.
func TestOptimizeStructure(t *testing.T) {
	out, _, _ := build(t, sampleGuide(), export.Options{})
	if !bytes.HasPrefix(out, []byte("%PDF-1.5\n")) {
		t.Errorf("header %q, want %%PDF-1.5", out[:9])
	}
	for _, s := range []string{"/Type /ObjStm", "/Type /XRef", "/Type /Catalog"} {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("no %s", s)
		}
	}
	runTool(t, "qpdf", "--check", write(t, "structure", out))
}
