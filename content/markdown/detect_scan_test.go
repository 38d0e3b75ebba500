package markdown

import (
	"strings"
	"testing"
)

// atxHeadings counts what atxRE matches, on every shape of line start.
func TestATXHeadingsAgree(t *testing.T) {
	for _, s := range []string{
		"", "#", "# ", "# a", "#a", "####### a", "###### a", "#\ta", "# \r\n# b\n", "x\n# a\n## b\n", "x # a\n#  \n# c",
		"\n\n#", "# a\n# b\n# c\n# d\n# e\n# f\n# g\n# h\n# i\n# j", "a\n#\n#\n# x", "# é\n#\t\t\u00a0x\n",
		"Title\nby X\n\n#1 fan\n# 2\n", strings.Repeat("text line\n", 50) + "## Heading\n",
	} {
		want := len(atxRE.FindAllStringIndex(s, 8))
		if got := atxHeadings(s, 8); got != want {
			t.Errorf("atxHeadings(%q) = %d, atxRE finds %d", s, got, want)
		}
	}
}

func FuzzATXHeadings(f *testing.F) {
	f.Add("# a\n## b\nc")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := atxHeadings(s, 8), len(atxRE.FindAllStringIndex(s, 8)); got != want {
			t.Errorf("atxHeadings(%q) = %d, atxRE finds %d", s, got, want)
		}
	})
}

// BenchmarkLooks is the check on an ordinary plain-text guide of 56 KB.
func BenchmarkLooks(b *testing.B) {
	s := strings.Repeat("Plot Summary\n\nKathy H. is a carer, and she looks back on her school days at Hailsham.\n\n", 700)[:56<<10]
	for b.Loop() {
		if Looks(s) != "" {
			b.Fatal("read as Markdown")
		}
	}
}
