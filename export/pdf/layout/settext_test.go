package layout

import (
	"reflect"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// TestSetTextMatchesLines: a paragraph set at once in the shaper's
// scratch (setText) gives each line exactly what the lines shaped,
// cached and set as the flow places them (lines, then setLine) give,
// and setting the next text in the same scratch leaves it as it was.
func TestSetTextMatchesLines(t *testing.T) {
	texts := setTextCases()
	for _, style := range []string{"", "large-print", "dyslexia"} {
		th, geo := styleGeometry(t, style)
		newBuilder := func() *builder {
			sh := &shaper{cache: map[shapeKey]*shaped{}, th: textStyle(th), rep: newReporter()}
			return &builder{th: th, g: &content.Guide{Title: "T"}, geo: geo, sh: sh}
		}
		lazy, eager := newBuilder(), newBuilder()
		var want, got []flowBlock
		for _, tx := range texts {
			blk := flowBlock{kind: Line}
			blk.lines = lazy.lines(lazy.inline(tx, fonts.Regular, 0, nil), fonts.Literata, th.Body.Size, geo.TextW(), "a test")
			for li := range blk.lines {
				lazy.setLine(&blk, li)
			}
			want = append(want, blk)
			blk = flowBlock{kind: Line}
			eager.setText(&blk, eager.inline(tx, fonts.Regular, 0, nil), fonts.Literata, th.Body.Size, geo.TextW(), "a test")
			got = append(got, blk)
		}
		if lazy.err != nil || eager.err != nil {
			t.Fatal(lazy.err, eager.err)
		}
		for i := range texts {
			if len(got[i].lines) != len(want[i].lines) || len(want[i].lines) == 0 {
				t.Fatalf("style %q, text %d: %d lines set at once, %d lazily", style, i, len(got[i].lines), len(want[i].lines))
			}
			if !reflect.DeepEqual(got[i].set, want[i].set) {
				t.Errorf("style %q, text %d: lines set at once differ from the lines set lazily:\n%+v\n%+v", style, i, got[i].set, want[i].set)
			}
		}
		if !reflect.DeepEqual(eager.sh.rep.Diagnostics(), lazy.sh.rep.Diagnostics()) {
			t.Errorf("style %q: the warnings differ", style)
		}
	}
}

// styleGeometry is style's theme and its page geometry on A4.
func styleGeometry(t *testing.T, style string) (theme.Theme, Geometry) {
	t.Helper()
	th, err := theme.Named(style)
	if err != nil {
		t.Fatal(err)
	}
	geo, _, err := PageGeometry(export.Options{}, th)
	if err != nil {
		t.Fatal(err)
	}
	return th, geo
}

// setTextCases are the texts the setText tests set: links, emphasis,
// hyphens, right-to-left and mixed scripts, a word longer than a line.
func setTextCases() []content.Text {
	long := strings.Repeat("Kathy remembers the pond, the pavilion and the sports field at Hailsham; ", 12)
	return []content.Text{
		{{Text: long}},
		{{Text: "A short line."}},
		{{Text: "Read "}, {Text: "Never Let Me Go", Em: true}, {Text: " online at "},
			{Text: "https://example.org/a/very/long/path/to-a-page-about-the-novel?with=query", Href: "https://example.org/x"},
			{Text: " and then " + long[:200]}, {Text: "strong words", Strong: true}},
		{{Text: "well-known self-evident twenty-first-century hyphenated compounds " + long[:300]}},
		{{Text: "שלום עולם, זהו משפט בעברית שחוזר על עצמו כדי למלא כמה שורות של טקסט. " + strings.Repeat("עוד מילים בעברית ", 20)}},
		{{Text: "Mixed English and עברית and العربية with emoji 🙂 and Ελληνικά. " + long[:150]}},
		{{Text: strings.Repeat("Glass", 60)}},
		// Ligatures, marks no face composes with their letter, a no-break
		// space: the lines' texts are slices of the paragraph's
		// (paraText), which must be the text the glyphs stand for.
		{{Text: "An affine offload, the office\u00a0ﬁle: q\u0303 n\u0300 x\u0308\u0301 and naïve façades. " + long[:250]}},
	}
}
