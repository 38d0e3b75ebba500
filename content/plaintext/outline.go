package plaintext

import (
	"strings"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
)

// Outlines and plays. A heading that starts with an outline label is
// placed by its label, not by layout:
//
//   - the label classes are roman numerals ("I.", "IV)"), capital letters
//     ("A.", "B)"), arabic numbers ("1.", "2)": only once a roman or
//     letter level is open, as a lone "1." is a list item), acts ("Act I",
//     "ACT 2", "Acto III", "Akt 1") and scenes ("Scene 2", "Act I, Scene
//     1", "Escena 3");
//   - the first class seen is the outline's top level, the next one
//     below it, and so on; a heading of a class already open is a sibling
//     of the last heading of that class, whatever its layout;
//   - the top level is a section, unless the outline starts inside a
//     section with an unlabelled name (Summary and Analysis > Act I >
//     Scene 1), where it is that section's subsections;
//   - an unlabelled known section name (Characters, Key Quotes, FAQ) ends
//     the outline;
//   - headings keep their label as written ("II. Plot Overview").
//
// Levels deeper than the model's three are kept at the third, with a
// note.

const (
	classRoman  = "roman"
	classLetter = "letter"
	classArabic = "arabic"
	classAct    = "act"
	classScene  = "scene"
)

var (
	actRE    = lazyre.New(`(?i)^(?:act|acto|acte|akt|atto|ato|aufzug)\s+(?:[ivxlc]+|\d{1,2}|one|two|three|four|five|primero|segundo|tercero|premier|deuxième|troisième|erster|zweiter|dritter|primo|secondo|terzo)\b`)
	sceneRE  = lazyre.New(`(?i)^(?:scene|escena|scène|szene|auftritt|scena|cena)\s+(?:[ivxlc]+|\d{1,2}|one|two|three|four|five|six|seven)\b`)
	sceneIn  = lazyre.New(`(?i)[,:.;—–-]\s*(?:scene|escena|scène|szene|scena|cena)\s+(?:[ivxlc]+|\d{1,2})\b`)
	romanLbl = lazyre.New(`^([IVXLC]{1,6})[.)]\s+\S`)
	letterRE = lazyre.New(`^([A-Z])[.)]\s+\S`)
	arabicRE = lazyre.New(`^(\d{1,2})[.)]\s+\S`)
)

// outlineState is where an outline is.
type outlineState struct {
	classes    []string // open classes, top level first
	base       int      // level of classes[0]: 0 section, 1 subsection
	lastLetter byte
	noted      bool
}

// labelClass says which outline class a heading's label belongs to, "" for
// none.
func (p *parser) labelClass(s string) string {
	if len(s) < 3 || len(s) > 240 {
		return ""
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		if arabicRE.MatchString(s) && (p.open(classRoman) || p.open(classLetter) || p.open(classAct)) {
			return classArabic
		}
		return ""
	case c >= 'A' && c <= 'Z' && (s[1] == '.' || s[1] == ')' || romanStart(s)):
		// "A.", "IV." below; "Act" and "Scene" fall through.
	case isPlayWord(firstWord(s)) || isPlayWord(strings.TrimRight(firstWord(s), ",.:")):
	default:
		return ""
	}
	switch {
	case actRE.MatchString(s):
		if sceneIn.MatchString(s) {
			return classScene
		}
		return classAct
	case sceneRE.MatchString(s):
		return classScene
	}
	if m := romanLbl.FindStringSubmatch(s); m != nil {
		// "I." after "H." is a letter.
		if len(m[1]) == 1 && p.outline.lastLetter != 0 && m[1][0] == p.outline.lastLetter+1 && p.open(classLetter) {
			return classLetter
		}
		if len(m[1]) != 1 || !strings.ContainsRune("CDLM", rune(m[1][0])) {
			return classRoman
		}
		// "C." alone is a letter, not 100: no study outline counts its
		// parts so far ("C. “The Last Night”" after the points A. and B.
		// was read as a roman heading).
	}
	if letterRE.MatchString(s) {
		return classLetter
	}
	if arabicRE.MatchString(s) && (p.open(classRoman) || p.open(classLetter) || p.open(classAct)) {
		return classArabic
	}
	return ""
}

// actNumRE: an act heading's number, as typed ("II", "2", "two").
var actNumRE = lazyre.New(`(?i)^(?:act|acto|acte|akt|atto|ato|aufzug)\s+([ivxlc]+|\d{1,2}|\p{L}+)`)

// actOf is the number of the act s names, in lower case; "" for none.
func actOf(s string) string {
	if m := actNumRE.FindStringSubmatch(s); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}

// openAct is the title of the act heading the outline has open, "" when
// none is.
func (p *parser) openAct(st *bodyState) string {
	for k, c := range p.outline.classes {
		if c != classAct {
			continue
		}
		switch p.outline.base + k {
		case 0:
			if st.sec != nil {
				return st.sec.Title
			}
		case 1:
			if st.sub != nil {
				return st.sub.Title
			}
		}
	}
	return ""
}

// playWords are the first words of act and scene headings.
var playWords = map[string]bool{"act": true, "acto": true, "acte": true, "akt": true, "atto": true, "ato": true, "aufzug": true,
	"scene": true, "escena": true, "scène": true, "szene": true, "auftritt": true, "scena": true, "cena": true}

func romanStart(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'I', 'V', 'X', 'L', 'C':
			continue
		case '.', ')':
			return i > 0
		}
		return false
	}
	return false
}

func (p *parser) open(class string) bool { return p.outlineDepth(class) >= 0 }

// outlineDepth is the place of class among the open outline classes (0
// the top), -1 when it is not open.
func (p *parser) outlineDepth(class string) int {
	for k, c := range p.outline.classes {
		if c == class {
			return k
		}
	}
	return -1
}

// actsNamedRE: a heading that names an act or acts after other words
// ("Summary of Acts III–V", "Resumen de los actos IV y V").
var actsNamedRE = lazyre.New(`(?i)\b(?:acts?|actos?|actes?|akte?|atti|atto|atos?|aufzüge|aufzug)\s+(?:[ivxlc]+|\d{1,2})\b`)

// outlineHeading places a labelled heading; it returns false when u has no
// outline label.
func (p *parser) outlineHeading(st *bodyState, u unit, a anchor) bool {
	class := p.labelClass(u.text)
	if class == "" {
		if a != noAnchor {
			p.outline = outlineState{} // a known name ends the outline
		} else if k := p.outlineDepth(classAct); k >= 0 && actsNamedRE.MatchString(u.text) {
			// "Summary of Acts III–V" after the acts' scenes: a heading
			// that names acts is at their level, not a part of the last
			// one (it was its next scene, by layout); it ends the
			// outline.
			last := p.openAct(st)
			level := p.outline.base + k
			p.outline = outlineState{}
			if level == 0 || st.where != inSection || st.sec == nil {
				p.newSection(st, u, a)
			} else {
				p.newSubsection(st, u)
				st.deep = false
			}
			p.note(u.line, "read %q, which names acts, beside the act headings, not as a part of %q", u.text, last)
			return true
		}
		return false
	}
	o := &p.outline
	if class == classLetter {
		o.lastLetter = u.text[0]
	}
	// "ACT II. SCENE I." after Act I's scenes opens Act II: a heading
	// that names an act and a scene is a scene of the open act only when
	// it names that act (it was Act I's next scene).
	if class == classScene && actRE.MatchString(u.text) {
		if open := p.openAct(st); open != "" && actOf(open) != actOf(u.text) {
			class = classAct
		}
	}
	if len(o.classes) == 0 {
		o.base = 0
		// Summary and Analysis > Act I: the acts are parts of a
		// section about the plot (or of one still empty); after a
		// Characters section they are sections of their own.
		// Book Summaries > A. Books 1–4: an outline right under a
		// heading with no text of its own is that section's parts.
		empty := st.where == inSection && st.sec != nil && len(st.sec.Blocks) == 0 && len(st.sec.Subsections) == 0 && len(st.pending) == 0
		if st.where == inSection && st.sec != nil && a == noAnchor && p.labelClass(st.sec.Title) == "" &&
			(empty || (class == classAct || class == classScene) && (st.sec.Role == content.RoleSummary || st.sec.Role == content.RoleAnalysis)) {
			o.base = 1
		}
	}
	depth := -1
	for k, c := range o.classes {
		if c == class {
			depth = k
			break
		}
	}
	if depth < 0 {
		o.classes = append(o.classes, class)
		depth = len(o.classes) - 1
		if depth == 1 && !o.noted {
			o.noted = true
			p.note(u.line, "read the labelled headings as an outline: %s headings are sections or parts, %s headings the level under them, each placed by its label whatever the layout", o.classes[0], class)
		}
	} else {
		o.classes = o.classes[:depth+1]
	}
	level := max(o.base+depth, 0)
	if level > 2 {
		p.note(u.line, "%q is a fourth outline level; kept it as a subsection of the third", u.text)
		level = 2
	}
	switch {
	case level == 0 || st.where != inSection || st.sec == nil:
		p.newSection(st, u, a)
		if level > 0 {
			// An outline that starts below its top: its first heading
			// has no section to go in.
			o.base -= level
		}
	case level == 1 || st.sub == nil:
		p.newSubsection(st, u)
		st.deep = false
	default:
		p.flushPending(st)
		st.sub.Subsections = append(st.sub.Subsections, p.section(u.text))
		st.subsub = &st.sub.Subsections[len(st.sub.Subsections)-1]
		st.deep = true
	}
	return true
}

// speakerLine says whether s is "SPEAKER: line", which is never a heading
// nor an FAQ question.
func (p *parser) speakerLine(s string) bool {
	_, _, ok := p.speakerOf(s)
	return ok
}

// markdownish says whether a line is Markdown syntax a plain-text guide
// would not have: an ATX heading, emphasis around a whole phrase, a link.
func markdownish(s string) bool {
	switch {
	case strings.HasPrefix(s, "# "), strings.HasPrefix(s, "## "), strings.HasPrefix(s, "### "):
		return true
	case strings.HasPrefix(s, "**") && strings.Contains(s[2:], "**"):
		// A question's or an answer's label in bold ("**Q1:** Why…?") is
		// read with its marks: they do not stay as typed.
		return vocab.QuestionLabel(s) == 0 && vocab.AnswerLabel(s) == 0
	case strings.Contains(s, "](http"), strings.HasPrefix(s, "> "), strings.HasPrefix(s, "```"), strings.HasPrefix(s, "---"):
		return true
	}
	return false
}

// headingLabelRE: a "Label:" that names a part of the book, so that
// "Chapter 1: The Red Room" standing alone is a heading, while "Narrator:
// Jane" is a key fact.
var headingLabelRE = lazyre.Hot(`(?i)^(?:chapter|chapters|part|book|act|scene|section|letter|volume|canto|stave|episode|tratado|capítulo|capítulos|chapitre|chapitres|kapitel|capitolo|capitoli|parte|partie|teil|livre|libro|livro|acto|acte|akt|atto|ato|escena|scène|szene|scena|cena)\b`)

// factLine says whether a standalone line is "Label: value", an item of
// key facts, rather than a heading.
func factLine(s string) bool {
	label, _, ok := colonDef(s)
	if !ok {
		// "Jane Bennet – the eldest": a character or a word defined.
		label, _, ok = dashDef(s)
		ok = ok && wordCount(label) <= 4
	}
	return ok && !headingLabelRE.MatchString(label) && anchorOf(s) == noAnchor && !spanOfCourse(label)
}
