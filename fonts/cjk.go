package fonts

// No Chinese, Japanese or Korean face is embedded, and none is taken from
// the system; the PDF prints such text as the replacement and says what
// to do (Advice). Measured with Debian's fonts-noto-core/-cjk
// (20220127): a subset of Noto Sans CJK SC to GB2312's 3,755 commonest
// hanzi, JIS X 0208's 2,965 first-level kanji with kana, and KS X 1001's
// 2,350 hangul (7,855 characters, 13,372 glyphs with their layout forms)
// is 3.08 MB as CFF and 3.59 MB as the TrueType outlines the PDF writer
// embeds, per weight: ~7 MB for Regular and Bold, a quarter of the
// binary, still missing rarer characters and drawing Japanese kanji in
// Chinese forms. A system font (fc-match :lang=ja) would make the PDF
// depend on the machine that built it, and the one Debian installs, Noto
// Sans CJK, is a CFF collection, which the PDF writer cannot subset.
// README, "Fonts and scripts", has the figures.
//
// Nor is a face embedded for Thai, Lao, Khmer or Myanmar, which put no
// space between words: a line may break only where a dictionary says a
// word ends, and the segmenter (go-text's UAX #14) finds no break inside
// a run of their letters, so a paragraph would print as one line. Telugu,
// Kannada, Malayalam, Odia and Sinhala would shape and extract as the
// embedded Indic scripts do (Noto Sans, 189–648 KB a script for two
// weights); they wait for a fixture a reader of each has checked.

// Advice is what a writer can do about letters of script (a name in
// unicode.Scripts) that no embedded face prints; "" when there is nothing
// particular to say.
func Advice(script string) string {
	switch script {
	case "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo":
		return "guidepress embeds no Chinese, Japanese or Korean font (README, \"Fonts and scripts\"): " +
			"for print, give these words in transliteration (pinyin, rōmaji, romanised Korean) " +
			"or with a translation beside them"
	case "Thai", "Lao", "Khmer", "Myanmar":
		// No spaces between words: a line breaks only where a
		// dictionary says a word ends, which the segmenter does not do.
		return "guidepress embeds no font for this script, whose lines break only by a dictionary of its words " +
			"(README, \"Fonts and scripts\"): for print, give these words in transliteration or with a translation beside them"
	case "Telugu", "Kannada", "Malayalam", "Oriya", "Sinhala":
		return "guidepress embeds no font for this script yet (README, \"Fonts and scripts\"): " +
			"for print, give these words in transliteration or with a translation beside them"
	}
	return ""
}
