// Package labels holds the words the writers print themselves (Contents,
// Key Quotes, Frequently Asked Questions, Synopsis, "A Study Guide", "min
// read", the cover's text), one translation file per language: en.json,
// es.json, fr.json, de.json, it.json, pt.json, ar.json, he.json, fa.json,
// ru.json, el.json, nl.json, pl.json. Writers
// ask For(guide language) and print what it gives; a language without a
// file gets English (Lang says so, for the writers to mark). A
// translation is added by adding a file with every key. A file is read
// and decoded the first time its language is asked for, never at start-up.
package labels

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed *.json
var files embed.FS

// Labels are the printed words of one language.
type Labels struct {
	// Lang is the language of these labels ("en", "es", …): writers mark
	// the labels with it when it differs from the guide's language.
	Lang        string `json:"-"`
	Contents    string `json:"contents"`
	KeyQuotes   string `json:"key_quotes"`
	FAQ         string `json:"faq"`
	Synopsis    string `json:"synopsis"`
	AStudyGuide string `json:"a_study_guide"`
	StudyGuide  string `json:"study_guide"`
	// MinRead holds {n} for the minutes: "{n} min read".
	MinRead string `json:"min_read"`
	// By is the word before an author's name ("by", "de", "von").
	By string `json:"by"`
	// CoverAlt holds {title}: "Cover: Study guide to {title}".
	CoverAlt   string `json:"cover_alt"`
	Discussion string `json:"discussion"`
	// Worksheet and AnswerKey title the worksheet and its teacher's key;
	// Name, Date and Class label the blanks at its head; ExplainQuote is
	// the prompt under a quotation to explain.
	Worksheet    string `json:"worksheet"`
	AnswerKey    string `json:"answer_key"`
	Name         string `json:"name"`
	Date         string `json:"date"`
	Class        string `json:"class"`
	ExplainQuote string `json:"explain_quote"`
	// Explanation labels a quote's explanation where a writer must mark
	// it in the text (the Markdown writer: "> Explanation: …"), colon
	// included ("Explication :"); content/vocab reads each back.
	Explanation string `json:"explanation"`
	// Appendix heads the FAQ in print: "Appendix — Frequently Asked
	// Questions".
	Appendix string `json:"appendix"`
	// StudyGuideTo comes before the book's title on the title page: "A
	// study guide to", "Guía de estudio de".
	StudyGuideTo string `json:"study_guide_to"`
	// GuideBy and PublishedBy come before the guide's author and
	// publisher on the title page ("إعداد الدليل:"). They are optional
	// (optional): a file without them leaves the writers' own English
	// ("Guide by", "Guide written by", "Published by"), which they mark
	// as English in a guide of another language.
	GuideBy     string `json:"guide_by,omitempty"`
	PublishedBy string `json:"published_by,omitempty"`
}

// optional reports the keys a translation file may leave out (a
// function, not a map: no work at start-up).
func optional(key string) bool { return key == "guide_by" || key == "published_by" }

var (
	mu    sync.Mutex
	cache = map[string]Labels{}
)

// Languages lists the languages with a translation file, English first.
var Languages = []string{"en", "es", "fr", "de", "it", "pt", "ar", "he", "fa", "ru", "el", "nl", "pl"}

// For returns the labels for a BCP 47 tag ("es", "pt-BR"): its primary
// language's file, or English when there is none.
func For(lang string) Labels {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	primary, _, _ = strings.Cut(primary, "_")
	mu.Lock()
	defer mu.Unlock()
	if l, ok := cache[primary]; ok {
		return l
	}
	l, err := load(primary)
	if err != nil {
		l = cache["en"]
		if l.Lang == "" {
			l, _ = load("en")
			cache["en"] = l
		}
	}
	cache[primary] = l
	return l
}

// Has reports whether lang's primary language has its own translation.
func Has(lang string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	_, err := files.Open(primary + ".json")
	return err == nil
}

func load(lang string) (Labels, error) {
	data, err := files.ReadFile(lang + ".json")
	if err != nil {
		return Labels{}, err
	}
	var l Labels
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return Labels{}, fmt.Errorf("templates/labels/%s.json: %v", lang, err)
	}
	l.Lang = lang
	return l, nil
}

// Minutes is MinRead for n minutes: "12 min read", "12 min de lectura".
func (l Labels) Minutes(n int) string {
	return strings.ReplaceAll(l.MinRead, "{n}", strconv.Itoa(n))
}

// GuideTitle is the guide's title made from the book's: "Hamlet — A Study
// Guide", "Don Quijote — Guía de estudio".
func (l Labels) GuideTitle(book string) string { return book + " — " + l.AStudyGuide }

// Cover is CoverAlt for a book title.
func (l Labels) Cover(title string) string { return strings.ReplaceAll(l.CoverAlt, "{title}", title) }
