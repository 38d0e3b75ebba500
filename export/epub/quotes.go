package epub

import (
	"strings"

	"github.com/guidepress/guidepress/content"
)

// quoteMarks are the outer quotation marks of the guide's language.
//
// The model stores a quotation without its marks; the book puts them in
// the text itself, not in CSS ::before/::after content: a reading system
// that drops or ignores the stylesheet (calibre's AZW3 and TXT
// conversions, Kindle's older renderers, a screen reader's text view)
// would otherwise show the quotation without any mark, indistinguishable
// from the commentary around it.
type quoteMarks struct{ open, close string }

// marksFor chooses the marks by the primary language subtag (and region,
// where usage differs): the primary marks of each language as CLDR lists
// them (quotationStart/quotationEnd), French with the no-break spaces its
// typography puts inside the guillemets.
func marksFor(lang string) quoteMarks {
	l := strings.ToLower(lang)
	primary, region, _ := strings.Cut(l, "-")
	switch primary {
	case "fr":
		return quoteMarks{"«\u00a0", "\u00a0»"}
	case "es", "it", "ca", "ru", "uk", "el", "nb", "nn", "no", "ar", "fa":
		return quoteMarks{"«", "»"}
	case "pt":
		if region == "br" {
			return quoteMarks{"“", "”"}
		}
		return quoteMarks{"«", "»"}
	case "de", "cs", "sk", "sl", "lt", "is":
		if region == "ch" {
			return quoteMarks{"«", "»"}
		}
		return quoteMarks{"„", "“"}
	case "pl", "ro", "hu", "hr", "bg":
		return quoteMarks{"„", "”"}
	case "sv", "fi":
		return quoteMarks{"”", "”"}
	case "da":
		return quoteMarks{"»", "«"}
	case "ja":
		return quoteMarks{"「", "」"}
	}
	return quoteMarks{"“", "”"}
}

// quote is the template data of a quotation: its text (or verse lines)
// with quotation marks, its attribution and explanation.
func (m quoteMarks) quote(text content.Text, lines []content.Text, attribution content.Text, explanation []content.Text) quoteData {
	q := quoteData{Attribution: attribution, Explanation: explanation}
	if len(lines) > 0 {
		q.Lines = verseLines(lines, m.open, m.close)
	} else {
		q.Text, q.Open, q.Close = text, m.open, m.close
	}
	return q
}

// verseLines are the lines of a verse, with the quotation marks (if any)
// on the first and the last.
func verseLines(lines []content.Text, open, close string) []lineData {
	out := make([]lineData, len(lines))
	for i, l := range lines {
		out[i] = lineData{Text: l, Break: i < len(lines)-1}
	}
	if len(out) > 0 {
		out[0].Open = open
		out[len(out)-1].Close = close
	}
	return out
}
