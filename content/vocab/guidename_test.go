package vocab

import (
	"regexp"
	"strings"
	"testing"
)

// The expressions GuideName and GuideSubtitle matched with before they
// were written by hand: the oracles they must agree with.
var (
	guideLineOracle = regexp.MustCompile(`(?i)^` + guideWords + `$`)
	guideSubOracle  = regexp.MustCompile(`(?i)^(?:` + guideWords + `|(?:an?\s+)?(?:teacher'?s?'?|student'?s?'?|study|revision|reading|class|lesson|unit)\s+(?:notes|outline|handout|guide|pack|plan|packet)|(?:an?\s+)?(?:handout|worksheet|study outline|novel study|novel unit|book study|arbeitsblatt|arbeitsheft|ficha de trabajo|hoja de trabajo|ficha de leitura|ficha de trabalho|fiche pédagogique|scheda didattica|fiche de vocabulaire|fiche d'exercices|fiche d’exercices|ficha de vocabulario|ficha de vocabulário|scheda di vocabolario|scheda lessicale|werkblad|opdrachtenblad|karta pracy))(?:\s*[—–:|]\s*\S.*|\s+-\s+\S.*|\s+(?:for|für|zur|zum|para|pour|per|de|do|da|del|della|des|pentru|для|για)\s+\S.*)?$`)
)

// guideNameCases are lines on every edge of the two patterns: each
// phrase and article, case and fold orbits (the Kelvin sign is a K, the
// long s an S), the runs of spaces, the tails, and near misses.
var guideNameCases = []string{
	"", "a", "an", "A Study Guide", "a study guide", "AN STUDY GUIDE", "Study Guide", "study  guide",
	"A  \t Study Guide", "A\nStudy Guide", "AStudy Guide", "An Companion", "Companion", "Reading Companion",
	"Teacher's Guide", "Teachers Guide", "Teachers' Guide", "Students' Guide", "Student's Guide", "Students Guide",
	"Guide d'étude", "Guide d’étude", "GUIDE D'ÉTUDE", "Guía de lectura", "GUÍA DIDÁCTICA", "Lektürehilfe", "LEKTÜREHILFE",
	"Roteiro de leitura", "Guida alla lettura", "Fiche de lecture", "Dossier pédagogique", "Interpretationshilfe",
	"\u212Aey Notes", "Study Guide\u017F", "\u017Ftudy Guide", "Study Guide ", " Study Guide", "Study Guide\n",
	"Study Guide: for Year 11", "Study Guide — Grades 9–12", "Study Guide—Grades", "Study Guide –x", "Study Guide:",
	"Study Guide: ", "Study Guide :x", "Study Guide | Part One", "Study Guide - Part One", "Study Guide -Part",
	"Study Guide- Part", "Study Guide for Students", "Study Guide for", "Study Guide for ", "Study Guide for\nX",
	"Study Guide forStudents", "Lektürehilfe für die Oberstufe", "Lektürehilfe FÜR die", "Guía de estudio para 4º",
	"Study Guide: line\nbreak", "Study Guide: \xff", "Study Guide for \xffx", "Study \xffGuide",
	"Teacher Notes", "teacher notes", "Teacher's Notes", "Teachers' Notes", "Teacher'' Notes", "Teacher's' Notes",
	"Teacher's's Notes", "Student Pack", "Unit Plan", "Lesson Plan for Week 3", "Class Packet", "Reading Outline",
	"Revision Notes — Year 11", "A Handout", "Handout", "Worksheet", "A Study Outline", "Study Outline: Book 1",
	"An Unit Plan", "Unit  Plan", "UnitPlan", "Unit Plans", "Handouts", "Study Guides", "Study Notes",
	"Study Guide della classe", "Study Guide pentru elevi", "Study Guide des élèves", "Study Guide do aluno",
	"Study Guide per la scuola", "Study Guide zur Lektüre", "Study Guide zum Buch", "Study Guide pour les élèves",
	"Study Guide de", "Study Guide de ", "Study Guide dex", "Jane Eyre: A Study Guide", "The Study Guide",
}

func TestGuideNameMatchesItsExpression(t *testing.T) {
	for _, s := range guideNameCases {
		sameGuide(t, s)
	}
	// Every phrase, in each case, with every tail.
	for _, p := range append(append(append([]string{}, guidePhrases...), subtitleAlone...), "teacher's' notes", "unit pack") {
		for _, v := range []string{p, strings.ToUpper(p), strings.ToUpper(p[:1]) + p[1:]} {
			for _, pre := range []string{"", "a ", "An\t"} {
				for _, tail := range []string{"", " for all", "  —  x", ":y", " - z", " -z", " para", " x"} {
					s := pre + v + tail
					sameGuide(t, s)
				}
			}
		}
	}
}

// FuzzGuideName: the hand-written matchers agree with their expressions
// on any line.
func FuzzGuideName(f *testing.F) {
	for _, s := range guideNameCases {
		f.Add(s)
	}
	f.Fuzz(sameGuide)
}

func sameGuide(t *testing.T, s string) {
	t.Helper()
	agrees(t, s, "GuideName", GuideName, guideLineOracle)
	agrees(t, s, "guideSubtitle", guideSubtitle, guideSubOracle)
}

// agrees fails unless match, named name, says of s what oracle says.
func agrees(t *testing.T, s, name string, match func(string) bool, oracle *regexp.Regexp) {
	t.Helper()
	if got, want := match(s), oracle.MatchString(s); got != want {
		t.Errorf("%s(%q) = %v, the expression says %v", name, s, got, want)
	}
}

// The expressions GuideTitle read "Study Guide: Jane Eyre", "Jane Eyre: A
// Study Guide" and "Jane Eyre Study Guide" with: the oracles of
// guidePrefix, guideSuffix and guideTail, group and all.
var (
	guidePrefixOracle = regexp.MustCompile(`(?i)^` + guideWords + `\s*(?:[:—–|-]|to|for|on|de|pour|zu|per|para|a)\s+(.+)$`)
	guideSuffixOracle = regexp.MustCompile(`(?i)^(.+?)\s*(?:[:—–|]|\s-)\s*` + guideWords + `$`)
	guideTailOracle   = regexp.MustCompile(`(?i)^(.+?)\s+(?:study guide|reading guide|handout|worksheet|study notes|revision notes|reading notes|teacher'?s notes|unit plan|lesson plan|summary (?:and|&) analysis|summary|notes|guide)$`)
)

var guideTitleCases = []string{
	"Study Guide: Jane Eyre", "Study Guide:Jane Eyre", "Study Guide : Jane", "Study Guide to Jane Eyre", "Study Guidea x",
	"Study Guide for  Jane\tEyre ", "A Study Guide - Jane", "An Study Guide — x", "Study Guide:  ", "Study Guide: \n",
	"Study Guide:\n ", "Study Guide: x\ny", "Study Guide pour Candide", "Lektürehilfe zu Faust", "Guida allo studio per x",
	"Study Guide | Part One", "Study Guide on  ", "Study Guide de la", "Study Guide: \xff", "\u017Ftudy Guide: x",
	"Jane Eyre: A Study Guide", "Jane Eyre — Reading Companion", "Der Schimmelreiter: Lektürehilfe", "Jane Eyre - Study Guide",
	"Jane Eyre -Study Guide", "Jane Eyre- Study Guide", "Jane Eyre  -  study guide", "Jane: Eyre: Study Guide",
	"Jane Eyre | A  Study Guide", "x:Study Guide", ":Study Guide", ": Study Guide", "x\n: Study Guide", "x :\nStudy Guide",
	"Jane Eyre: A Study Guide ", "Jane Eyre:A Study Guide", "Jane Eyre : Study Guide: Study Guide", "\xff: Study Guide",
	"Study Guide: Study Guide", "Study Guide - Study Guide", "a: an study guide", "Jane Eyre – Guía de lectura",
	"Frankenstein Timeline Handout", "Jane Eyre Study Guide", "Jane  Eyre  Notes", "X study  guide", "X Summary & Analysis",
	"X summary and analysis", "X Summary", "X Teacher's Notes", "X Teachers Notes", "X Teacher''s Notes", "Notes",
	" Notes", "X\nY Notes", "X \nNotes", "\xff Guide", "X Guide ", "X Guides", "X\tUnit Plan", "X Lesson  Plan",
}

func TestGuideTitleFormsMatchTheirExpressions(t *testing.T) {
	for _, s := range append(append([]string{}, guideTitleCases...), guideNameCases...) {
		sameTitle(t, s)
	}
	for _, w := range guideTailWords {
		sameTitle(t, "Book "+w)
		sameTitle(t, "Book  "+strings.ToUpper(w))
		sameTitle(t, "Book"+w)
	}
	for _, p := range guidePhrases {
		for _, m := range []string{": ", " - ", " — ", "|", " to ", " for ", "a ", " de ", " – "} {
			sameTitle(t, p+m+"Book")
			sameTitle(t, "Book"+m+p)
			sameTitle(t, "A "+p+m+"x y")
			sameTitle(t, "x y"+m+"an "+p)
		}
	}
}

func sameTitle(t *testing.T, s string) {
	t.Helper()
	forms := []struct {
		name   string
		read   func(string) (string, bool)
		oracle *regexp.Regexp
	}{{"guidePrefix", guidePrefix, guidePrefixOracle}, {"guideSuffix", guideSuffix, guideSuffixOracle}, {"guideTail", guideTail, guideTailOracle}}
	for _, f := range forms {
		got, ok := f.read(s)
		m := f.oracle.FindStringSubmatch(s)
		if ok != (m != nil) || ok && got != m[1] {
			t.Errorf("%s(%q) = %q, %v; the expression's group: %q", f.name, s, got, ok, m)
		}
	}
}

// FuzzGuideTitleForms: guidePrefix, guideSuffix and guideTail read what
// their expressions read from any line.
func FuzzGuideTitleForms(f *testing.F) {
	for _, s := range guideTitleCases {
		f.Add(s)
	}
	f.Fuzz(sameTitle)
}
