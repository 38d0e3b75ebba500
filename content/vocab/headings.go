package vocab

import "strings"

// The two largest heading patterns, matched by hand: the quotes heading
// ("Key Quotes Explained", "Top 10 Quotations from Act 1") and the
// discussion questions' ("Book Club Questions", "Questions for
// Discussion"). As expressions they took ~240 KB of heap to compile in
// every plain-text build; each is proven equal to its expression, kept in
// the tests as the oracle, by table and by fuzzing. Like those, they
// take Norm's lower case, and \s is regexp's: \t \n \f \r and space.

var (
	quotesAdjectives = []string{
		"highlighting", "highlighted", "key", "memorable", "notable", "important", "famous", "favourite", "favorite",
		"best", "top", "selected", "significant", "essential", "powerful", "noteworthy", "major", "great",
		"striking", "most important", "most famous", "classic", "central", "crucial", "critical",
		"unforgettable", "quotable", "iconic",
	}
	quotesNouns = []string{"quotes", "quotations", "passages", "excerpts", "speeches", "lines"}
	quotesTails = []string{
		"and their meaning", "and what they mean", "explained", "to remember", "worth remembering", "to know",
		"with page numbers", "with explanations", "for close reading",
	}
)

// quotesHeading is
// ^(?:(?:the|our)\s+)?(?:top\s+)?(?:\d{1,3}\s+)?(?:(?:ADJECTIVE)\s+)?(?:NOUN)(?:\s+(?:TAIL|from\s.+|by\s.+))?$
// Every run of spaces in it is followed by a letter or a digit, so it is
// taken whole; the optional words are tried both ways.
func quotesHeading(s string) bool {
	return optWords(s, []string{"the", "our"}, func(s string) bool {
		return optWords(s, []string{"top"}, func(s string) bool {
			d := 0
			for d < len(s) && s[d] >= '0' && s[d] <= '9' {
				d++
			}
			if d >= 1 && d <= 3 {
				if sp := spaces(s[d:]); sp > 0 && quotesRest(s[d+sp:]) {
					return true
				}
			}
			return quotesRest(s)
		})
	})
}

// quotesRest is quotesHeading from its adjective on.
func quotesRest(s string) bool {
	return optWords(s, quotesAdjectives, func(s string) bool {
		for _, n := range quotesNouns {
			if rest, ok := strings.CutPrefix(s, n); ok && quotesTail(rest) {
				return true
			}
		}
		return false
	})
}

// quotesTail is what may follow the noun: nothing, or spaces and a tail.
func quotesTail(t string) bool {
	if t == "" {
		return true
	}
	sp := spaces(t)
	if sp == 0 {
		return false
	}
	t = t[sp:]
	for _, w := range quotesTails {
		if t == w {
			return true
		}
	}
	for _, w := range []string{"from", "by"} {
		// "from" or "by", one \s, then at least one character, none a
		// newline.
		if rest, ok := strings.CutPrefix(t, w); ok && rest != "" && spaces(rest[:1]) == 1 && len(rest) > 1 && !strings.Contains(rest[1:], "\n") {
			return true
		}
	}
	return false
}

// optWords reports whether next(s) holds, or next holds for what follows
// one of words and a run of spaces that opens s.
func optWords(s string, words []string, next func(string) bool) bool {
	if next(s) {
		return true
	}
	for _, w := range words {
		if rest, ok := strings.CutPrefix(s, w); ok {
			if sp := spaces(rest); sp > 0 && next(rest[sp:]) {
				return true
			}
		}
	}
	return false
}

var (
	discussionKinds = []string{"discussion", "study", "review", "essay", "reading group", "book club", "classroom", "comprehension", "reflection", "critical thinking"}
	discussionWhat  = []string{"questions", "topics", "prompts"}
	// discussionNames are the pattern's other alternatives, spelled out.
	discussionNames = func() map[string]bool {
		m := map[string]bool{}
		for _, n := range []string{
			"questions for discussion", "questions for study", "questions for review", "questions for reflection",
			"essay topics", "essay prompts", "essay questions", "writing prompts", "questions to consider",
			"talking points", "questions for writing", "questions for essay", "questions for essays",
			"questions for the class", "questions for readers", "discussion guide questions", "study guide questions",
			"review guide questions", "comprehension guide questions", "reading guide questions",
			"check your understanding", "for discussion", "essay ideas", "writing assignments", "think about it",
		} {
			m[n] = true
		}
		return m
	}()
)

// discussionHeading is
// ^(?:(?:KIND)\s+(?:questions|topics|prompts)|NAME|…)$.
func discussionHeading(s string) bool {
	if discussionNames[s] {
		return true
	}
	for _, k := range discussionKinds {
		if rest, ok := strings.CutPrefix(s, k); ok {
			if sp := spaces(rest); sp > 0 {
				for _, w := range discussionWhat {
					if rest[sp:] == w {
						return true
					}
				}
			}
		}
	}
	return false
}

// The other fixed-phrase heading patterns of Classify, matched by hand
// like the two above (each proven equal to its expression, kept in the
// tests): ~170 KB of compiled expressions less per plain-text build.

// oneOf reports whether s is one of words followed by what next accepts.
func oneOf(s string, words []string, next func(string) bool) bool {
	for _, w := range words {
		if rest, ok := strings.CutPrefix(s, w); ok && next(rest) {
			return true
		}
	}
	return false
}

// spaced reports whether s is a run of spaces and what next accepts.
func spaced(s string, next func(string) bool) bool {
	sp := spaces(s)
	return sp > 0 && next(s[sp:])
}

// is returns the test of being exactly one of words.
func is(words ...string) func(string) bool {
	return func(s string) bool {
		for _, w := range words {
			if s == w {
				return true
			}
		}
		return false
	}
}

// ending returns the test of being nothing, or spaces and one of words.
func ending(words ...string) func(string) bool {
	return func(s string) bool { return s == "" || spaced(s, is(words...)) }
}

// charactersHeading is ^(?:the\s+)?(?:main\s+|major\s+|minor\s+|key\s+|principal\s+)?characters?(?:\s+(?:at a glance|in brief|overview|list|guide|map|chart|sketches|and relationships))?$.
func charactersHeading(s string) bool {
	return optWords(s, []string{"the"}, func(s string) bool {
		return optWords(s, []string{"main", "major", "minor", "key", "principal"}, func(s string) bool {
			return oneOf(s, []string{"characters", "character"}, ending("at a glance", "in brief", "overview", "list", "guide", "map", "chart", "sketches", "and relationships"))
		})
	})
}

// themesHeading is ^(?:the\s+)?(?:main\s+|major\s+|key\s+|central\s+)?themes?(?:\s+(?:at a glance|in brief|overview))?$.
func themesHeading(s string) bool {
	return optWords(s, []string{"the"}, func(s string) bool {
		return optWords(s, []string{"main", "major", "key", "central"}, func(s string) bool {
			return oneOf(s, []string{"themes", "theme"}, ending("at a glance", "in brief", "overview"))
		})
	})
}

// wordsToKnowHeading is ^(?:key\s+|important\s+)?(?:words|terms|…)\s+to\s+(?:know|remember|learn|look up)$.
func wordsToKnowHeading(s string) bool {
	return optWords(s, []string{"key", "important"}, func(s string) bool {
		return oneOf(s, []string{"words", "terms", "epithets", "phrases", "vocabulary", "concepts", "allusions", "expressions"}, func(s string) bool {
			return spaced(s, func(s string) bool {
				return oneOf(s, []string{"to"}, func(s string) bool { return spaced(s, is("know", "remember", "learn", "look up")) })
			})
		})
	})
}

// atAGlanceHeading is ^(?:the\s+)?(?:poem|play|…|novella)\s+(?:at a glance|in brief|in a nutshell)$.
func atAGlanceHeading(s string) bool {
	return optWords(s, []string{"the"}, func(s string) bool {
		return oneOf(s, []string{"poem", "play", "novel", "book", "story", "text", "work", "novella"}, func(s string) bool {
			return spaced(s, is("at a glance", "in brief", "in a nutshell"))
		})
	})
}

// faqHeading is ^(?:frequently asked questions|faqs?|…|q ?and ?a|…)(?:\s*\(faqs?\))?(?:\s+(?:about|on)\s.+)?$.
func faqHeading(s string) bool {
	about := func(s string) bool {
		return s == "" || spaced(s, func(s string) bool {
			return oneOf(s, []string{"about", "on"}, func(s string) bool {
				return len(s) >= 2 && spaces(s[:1]) == 1 && !strings.Contains(s[1:], "\n")
			})
		})
	}
	return oneOf(s, []string{"frequently asked questions", "faqs", "faq", "common questions", "questions and answers",
		"q and a", "qand a", "q anda", "qanda", "reader questions", "readers' questions"}, func(s string) bool {
		return about(s) || oneOf(s[spaces(s):], []string{"(faq)", "(faqs)"}, about)
	})
}
