package plaintext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content/vocab"
)

// classifyResidueRef and isQuestionRef are the functions before their
// cheap pre-checks: the pre-checks must never change an answer.
func classifyResidueRef(s string) residue {
	switch {
	case s == "":
		return notResidue
	case readingTimeRE.MatchString(s):
		return readingTime
	case utf8.RuneCountInString(s) <= 300 && (captionRE.MatchString(s) || captionBareRE.MatchString(s)):
		return coverCaption
	case utf8.RuneCountInString(s) <= 100 && !strings.HasSuffix(s, ".") && (shopRE.MatchString(s) || availableRE.MatchString(s)):
		return shopLink
	case mediaRE.MatchString(s):
		return mediaPlayer
	case len(s) <= 80 && readingMinutes(s) > 0:
		return readingTime
	case len(s) <= 200 && vocab.Furniture(s) != "":
		return webFurniture
	case len(s) <= 200 && !strings.HasSuffix(s, ".") && shopIntlRE.MatchString(s):
		return shopLink
	}
	return notResidue
}

func isQuestionRef(s string) bool {
	s = numberedRE.ReplaceAllString(s, "")
	if utf8.RuneCountInString(s) > 250 {
		return false
	}
	core := strings.TrimRight(s, `"”’')]» `)
	if strings.HasSuffix(core, "？") {
		core = strings.TrimSuffix(core, "？") + "?"
	}
	if !strings.HasSuffix(core, "?") {
		return false
	}
	return !sentenceBreak(core[:len(core)-1])
}

var prefilterLines = []string{
	"", "12 min read", "⏱ 41 minutes", "Reading time: 7 mins.", "Never Let Me Go by Kazuo Ishiguro - Book Cover",
	"Book Cover Summary", "BOOK COVER", "book coveR", "Buy the book on Amazon", "ſhop now", "Shop now.", "Listen on Audible",
	"read it now on Kindle", "▶ 0:00 / 12:34", "1:02:03", "12:30", "1. What is the novel about?", "(2) Why?",
	"Who is Kathy H.? She is the narrator.", "What does Tommy do? ", "Is it 'Mr. Smith'?", "Order", "get it here",
	"Available now at Kobo", "A plain sentence.", "The book cover", "Kazuo Ishiguro book cover summary", "3 minutes",
}

func TestPrefiltersAgree(t *testing.T) {
	for _, s := range prefilterLines {
		if got, want := classifyResidue(s), classifyResidueRef(s); got != want {
			t.Errorf("classifyResidue(%q) = %v, want %v", s, got, want)
		}
		if got, want := isQuestion(s), isQuestionRef(s); got != want {
			t.Errorf("isQuestion(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range prefilterLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		if got, want := classifyResidue(s), classifyResidueRef(s); got != want {
			t.Errorf("classifyResidue(%q) = %v, want %v", s, got, want)
		}
		if got, want := isQuestion(s), isQuestionRef(s); got != want {
			t.Errorf("isQuestion(%q) = %v, want %v", s, got, want)
		}
	})
}
