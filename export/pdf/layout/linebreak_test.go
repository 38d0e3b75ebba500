package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/fonts"
)

func TestWrap(t *testing.T) {
	gs := func(s string) []glyph {
		var out []glyph
		for _, r := range s {
			out = append(out, glyph{r: r, w: 1, n: 1})
		}
		return out
	}
	lines := func(s string, w float64) []string {
		var out []string
		for _, l := range wrap(gs(s), w) {
			out = append(out, textOf(l))
		}
		return out
	}
	for _, c := range []struct {
		in   string
		w    float64
		want string
	}{
		{"aaa bbb ccc", 7, "aaa bbb|ccc"},
		{"well-known fact", 8, "well-|known|fact"},
		{"said—no more", 6, "said—|no|more"},
		{"a—” end", 4, "a—”|end"},
		{"xxxxxxxxxx", 4, "xxxx|xxxx|xx"},
		{"  lead  and  trail  ", 5, "lead|and|trail"},
	} {
		if got := strings.Join(lines(c.in, c.w), "|"); got != c.want {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

// TestURLBreaks: a URL breaks after a slash or before punctuation that
// more of it follows, never at a hyphen; ordinary words still break after
// their hyphens.
func TestURLBreaks(t *testing.T) {
	sh := &shaper{rep: newReporter()}
	url := "https://www.example-site.org/explore/shakespeares-works/hamlet-and-ophelia/read.html?act=3&scene=1"
	gs, err := sh.shape(plain("See "+url+". A well-known, much-loved, self-made tale."), fonts.Literata, 11, "test")
	if err != nil {
		t.Fatal(err)
	}
	for w := 20.0; w <= 90; w += 3 {
		lines := wrap(gs, w)
		var joined []string
		for i, l := range lines {
			s := textOf(l)
			joined = append(joined, s)
			if i == len(lines)-1 {
				break
			}
			next := textOf(lines[i+1])
			if strings.Contains(url, s) || strings.Contains(url, next) || strings.Contains(url, strings.TrimPrefix(s, "See ")) {
				if strings.HasSuffix(s, "-") || strings.HasPrefix(next, "-") {
					t.Errorf("width %v: a URL broke at a hyphen: %q | %q", w, s, next)
				}
			}
		}
		all := strings.Join(joined, "")
		if !strings.Contains(strings.ReplaceAll(all, " ", ""), strings.ReplaceAll(url, " ", "")) {
			t.Errorf("width %v: the URL lost characters: %q", w, joined)
		}
		for _, l := range joined {
			if l == "." || strings.HasPrefix(l, ". ") {
				t.Errorf("width %v: the full stop after the URL was broken off: %q", w, joined)
			}
		}
	}
	// At a width that cannot hold the URL, it breaks at its slashes.
	lines := wrap(gs, 45)
	var cut []string
	for _, l := range lines {
		cut = append(cut, textOf(l))
	}
	if !slices.ContainsFunc(cut, func(s string) bool { return strings.HasSuffix(s, "/") }) {
		t.Errorf("no line ends after a slash: %q", cut)
	}
	if !slices.ContainsFunc(cut, func(s string) bool {
		return strings.HasSuffix(s, "well-") || strings.HasSuffix(s, "much-") || strings.HasSuffix(s, "self-")
	}) && len(cut) > 4 {
		t.Logf("(no hyphen break in the prose at this width: %q)", cut)
	}
}
