package vocab

import (
	"regexp"
	"testing"
)

// The expressions the quotes and discussion headings matched with before
// they were written by hand: the oracles they must agree with.
var (
	quotesOracle      = regexp.MustCompile(`^(?:(?:the|our)\s+)?(?:top\s+)?(?:\d{1,3}\s+)?(?:(?:highlight(?:ing|ed)|key|memorable|notable|important|famous|favou?rite|best|top|selected|significant|essential|powerful|noteworthy|major|great|striking|most important|most famous|classic|central|crucial|critical|unforgettable|quotable|iconic)\s+)?(?:quotes|quotations|passages|excerpts|speeches|lines)(?:\s+(?:and their meaning|and what they mean|explained|to remember|worth remembering|to know|with page numbers|with explanations|for close reading|from\s.+|by\s.+))?$`)
	discussionOracle  = regexp.MustCompile(`^(?:(?:discussion|study|review|essay|reading group|book club|classroom|comprehension|reflection|critical thinking)\s+(?:questions|topics|prompts)|questions for (?:discussion|study|review|reflection)|essay (?:topics|prompts|questions)|writing prompts|questions to consider|talking points|questions for (?:writing|essays?|the class|readers)|(?:discussion|study|review|comprehension|reading) guide questions|check your understanding|for discussion|essay ideas|writing assignments|think about it)$`)
	charactersOracle  = regexp.MustCompile(`^(?:the\s+)?(?:main\s+|major\s+|minor\s+|key\s+|principal\s+)?characters?(?:\s+(?:at a glance|in brief|overview|list|guide|map|chart|sketches|and relationships))?$`)
	themesOracle      = regexp.MustCompile(`^(?:the\s+)?(?:main\s+|major\s+|key\s+|central\s+)?themes?(?:\s+(?:at a glance|in brief|overview))?$`)
	wordsToKnowOracle = regexp.MustCompile(`^(?:key\s+|important\s+)?(?:words|terms|epithets|phrases|vocabulary|concepts|allusions|expressions)\s+to\s+(?:know|remember|learn|look up)$`)
	atAGlanceOracle   = regexp.MustCompile(`^(?:the\s+)?(?:poem|play|novel|book|story|text|work|novella)\s+(?:at a glance|in brief|in a nutshell)$`)
	faqOracle         = regexp.MustCompile(`^(?:frequently asked questions|faqs?|common questions|questions and answers|q ?and ?a|reader questions|readers' questions)(?:\s*\(faqs?\))?(?:\s+(?:about|on)\s.+)?$`)
)

// headingCases are names on every edge of the two patterns: each word and
// phrase, the optional ones in and out, digits, runs of spaces, the
// tails, and near misses.
var headingCases = []string{
	"", "quotes", "quotations", "passages", "excerpts", "speeches", "lines", "quote", "the quotes", "our quotes",
	"the  quotes", "the\tquotes", "thequotes", "top quotes", "top top quotes", "the top 10 quotes", "the top 10 key quotes",
	"10 quotes", "100 quotes", "1000 quotes", "0 quotes", "10quotes", "top10 quotes", "the 3 most important quotes",
	"most important quotes", "most  important quotes", "mostimportant quotes", "highlighting quotes", "highlighted lines",
	"highlight quotes", "favourite quotes", "favorite quotes", "favouritequotes", "key quotes explained",
	"key quotes  explained", "key quotes explained ", "quotes and their meaning", "quotes and what they mean",
	"quotes to remember", "quotes worth remembering", "quotes to know", "quotes with page numbers",
	"quotes with explanations", "quotes for close reading", "quotes from act 1", "quotes from  act", "quotes from ",
	"quotes from x", "quotes from\nx", "quotes from x\ny", "quotes fromx", "quotes by", "quotes by ", "quotes by kathy",
	"quotes by\tkathy", "quotes \xffby x", "quotes by \xff", "the our quotes", "our the quotes", "key key quotes",
	"iconic speeches", "quotable passages", "unforgettable excerpts", "the top 5 unforgettable lines from chapter 3",
	"discussion questions", "discussion  questions", "discussionquestions", "study topics", "review prompts",
	"essay questions", "essay topics", "essay prompts", "reading group questions", "book club questions",
	"book  club questions", "classroom prompts", "comprehension questions", "reflection topics",
	"critical thinking questions", "questions for discussion", "questions for study", "questions for review",
	"questions for reflection", "writing prompts", "questions to consider", "talking points", "questions for writing",
	"questions for essay", "questions for essays", "questions for the class", "questions for readers",
	"discussion guide questions", "study guide questions", "review guide questions", "comprehension guide questions",
	"reading guide questions", "check your understanding", "for discussion", "essay ideas", "writing assignments",
	"think about it", "think about it ", " for discussion", "discussion questions\n", "questions", "essay",
	"characters", "character", "the characters", "the main characters", "main  characters list", "key character map",
	"principal characters and relationships", "the the characters", "characters  at a glance", "characters at  a glance",
	"charactersoverview", "theme", "themes", "the central themes in brief", "key themes overview", "minor themes",
	"key words to know", "important terms to look up", "terms to  know", "terms  to know", "termsto know", "words to look  up",
	"the novel at a glance", "book in a nutshell", "the  poem in brief", "novel at a glance ", "faq", "faqs", "faq (faq)",
	"faqs(faqs)", "faq  (faqs) about the book", "faq about  x", "faq about", "faq about ", "faq on x\ny", "q and a", "qanda",
	"qand a about x", "q anda", "q  and a", "readers' questions on the ending", "frequently asked questions (faq)",
	"common questions on\tx", "questions and answers (faqs) on x", "faq (faq) (faq)", "faq(fa)",
}

func TestHeadingMatchersMatchTheirExpressions(t *testing.T) {
	for _, s := range headingCases {
		same(t, s)
	}
	// Every word in every slot.
	for _, pre := range []string{"", "the ", "our ", "top ", "the top 10 ", "7 "} {
		for _, adj := range append([]string{""}, quotesAdjectives...) {
			for _, n := range quotesNouns {
				for _, tail := range append([]string{"", " from a", " by b", " x"}, quotesTails...) {
					if tail != "" && tail[0] != ' ' {
						tail = " " + tail
					}
					a := adj
					if a != "" {
						a += " "
					}
					same(t, pre+a+n+tail)
				}
			}
		}
	}
	for _, k := range append(discussionKinds, "questions for", "essay", "writing") {
		for _, w := range append(discussionWhat, "ideas", "discussion") {
			same(t, k+" "+w)
			same(t, k+"\t\t"+w)
		}
	}
	for n := range discussionNames {
		same(t, n)
		same(t, n+"s")
	}
}

func same(t *testing.T, s string) {
	t.Helper()
	agrees(t, s, "quotesHeading", quotesHeading, quotesOracle)
	agrees(t, s, "discussionHeading", discussionHeading, discussionOracle)
	agrees(t, s, "charactersHeading", charactersHeading, charactersOracle)
	agrees(t, s, "themesHeading", themesHeading, themesOracle)
	agrees(t, s, "wordsToKnowHeading", wordsToKnowHeading, wordsToKnowOracle)
	agrees(t, s, "atAGlanceHeading", atAGlanceHeading, atAGlanceOracle)
	agrees(t, s, "faqHeading", faqHeading, faqOracle)
}

// FuzzHeadingMatchers: the hand-written heading matchers agree with their
// expressions on any string.
func FuzzHeadingMatchers(f *testing.F) {
	for _, s := range headingCases {
		f.Add(s)
	}
	f.Fuzz(same)
}
