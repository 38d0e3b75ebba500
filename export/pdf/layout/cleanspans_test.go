package layout

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/guidepress/guidepress/fonts"
)

// TestCleanSpansASCII: a span of ASCII characters alone is cleaned by
// its bytes (asciiFast), to the same characters, styles and segments as
// through NFC and the checks of every character: white space and
// controls (tab, newline, DEL) folded into one space across spans, none
// leading or trailing, a link's segment not given to the space after it,
// beside spans past ASCII (a combining accent, a soft hyphen, a no-break
// space), for the cases below and 2,000 random ones.
func TestCleanSpansASCII(t *testing.T) {
	cases := [][]span{
		{{text: "Themes and motifs"}},
		{{text: "  Two  spaces\tand\na tab \x7f DEL\x00 "}},
		{{text: "A study guide to "}, {text: "Hamlet", style: fonts.Italic}, {text: " by William Shakespeare"}},
		{{text: "see "}, {text: "the link", seg: 3}, {text: "  after"}},
		{{text: "the link ", seg: 2}, {text: " next", seg: 5}},
		{{text: "e"}, {text: "\u0301 accent"}, {text: "caf\u0065\u0301"}},
		{{text: "soft\u00adhyphen"}, {text: " no\u00a0break "}, {text: "   "}},
		{{text: ""}, {text: " "}, {text: "x"}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune{'a', 'b', ' ', ' ', '\t', '\n', 0x7f, 0x01, '.', '\u00a0', '\u00ad', '\u0301', 'é', '\u200b', '\u200d'}
	for range 2000 {
		var spans []span
		for range 1 + rng.IntN(4) {
			var rs []rune
			for range rng.IntN(8) {
				rs = append(rs, alphabet[rng.IntN(len(alphabet))])
			}
			spans = append(spans, span{text: string(rs), style: fonts.Style(rng.IntN(3)), seg: int32(rng.IntN(3))})
		}
		cases = append(cases, spans)
	}
	defer func() { asciiFast = true }()
	for _, spans := range cases {
		asciiFast = false
		want, wantSts, wantSegs := cleanSpans(nil, nil, nil, spans)
		asciiFast = true
		got, gotSts, gotSegs := cleanSpans(nil, nil, nil, spans)
		if !slices.Equal(got, want) || !slices.Equal(gotSts, wantSts) || !slices.Equal(gotSegs, wantSegs) || (gotSegs == nil) != (wantSegs == nil) {
			t.Fatalf("%+v: %q %v %v, want %q %v %v", spans, string(got), gotSts, gotSegs, string(want), wantSts, wantSegs)
		}
	}
}
