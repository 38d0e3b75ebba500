package plaintext

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/decode"
	"github.com/guidepress/guidepress/content/typography"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/checkers"
)

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// words splits text into its words: runs of letters, digits and marks.
// Punctuation is ignored, so smart quotes and repaired dashes do not count
// as changes.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

var (
	leadNumber = regexp.MustCompile(`^\s*(?:o\s|\d{1,3}[.)]|[一二三四五六七八九十]{1,3}[、．.]|[A-Z][.)]|\(\d{1,3}\)|\([a-z]\)|[a-z][.)]|(?i:(?:explanation for quot(?:e|ation)|explicación de la cita|explication de la citation|erklärung (?:zu[mr]?|des) zitats?|spiegazione della citazione|explicação da citação)\s*(?:#|n\.?\s*[º°o]\.?|nr\.)?\s*\d{1,3}(?:\s*(?:>>|»|›))?|explanation (?:and|&) analysis|analysis (?:and|&) explanation|explanation|analysis|commentary|meaning|significance|interpretation|why it matters|what it means|explicación|análisis|comentario|significado|explication|analyse|commentaire|signification|erklärung|erläuterung|deutung|bedeutung|spiegazione|analisi|commento|significato|explicação|análise|comentário|toelichting|uitleg|verklaring|betekenis|commentaar|wyjaśnienie|objaśnienie|komentarz|znaczenie)\s*(?:[:：]|$)|(?:Q|A|Question|Answer|Pregunta|Pergunta|Frage|Domanda|Respuesta|Resposta|Antwort|Risposta|Réponse)\s*\d{0,3}\s*[:.)–—-]|Q ?\d{1,3}\s|[PFDR]\s*(?:\d{1,3}\s*[:.)]|:)|(?i:quote|quotation)\s*#?\d{1,3}\s*[:.)–—-]?|#\d{1,3}[:.)]?(?:\s|$))\s*`)
	leadBy     = regexp.MustCompile(`(?i)^(?:(?:written )?by|title|titel|titre|título|titolo|tytuł|book title|author|schrijver|autor|autora|auteur|autrice|autore|de|par|von|di|por|da|του|της|تأليف|بقلم|المؤلف|מאת|מחבר|מחברת)(?:[\s:]|$)|^d['’]`)
	// leadSpeaker is the "MACBETH:" of a speech, which a quote holds as
	// its attribution, after the lines.
	leadSpeaker = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]+[:.]\s+`)
	// verseNumber is the number an edition sets beside every fifth line
	// of verse, which the model does not hold.
	verseNumber = regexp.MustCompile(`(?:\t+| {2,})\d{1,4}\s*$`)
	// emphasis: the marks of a label set in bold ("**F2:**"), spaces to
	// leadNumber.
	emphasis = strings.NewReplacer("*", " ", "_", " ")
	// inlineAnswer is the "A:" of "Q: Why? A: Because." on one line.
	inlineAnswer = regexp.MustCompile(`\?["”’')»]*\s+(?:A|Answer|R|Respuesta|Resposta|Antwort|Risposta|Réponse)\s*[:.]\s`)
)

// lostText returns the input lines whose words do not appear, in order and
// contiguously, in the model. Lines that are residue by definition are
// exempt, and so are the markers the model holds as structure rather than
// text: the headings of the quotes and of the FAQ, the word "by" of a
// by-line and list numbers. The check is independent of how the parser
// classified each line.
func lostText(text string, g *content.Guide) []string {
	var model []string
	for _, t := range modelTexts(g) {
		for _, w := range words(t) {
			if !strings.EqualFold(w, "by") {
				model = append(model, w)
			}
		}
	}
	joined := "\x00" + strings.Join(model, "\x00") + "\x00"
	// kept: cand's words, less any "by", are none (only a number or a
	// "by": structure) or stand in the model in order.
	kept := func(cand string) bool {
		var ws []string
		for _, w := range words(cand) {
			if !strings.EqualFold(w, "by") {
				ws = append(ws, w)
			}
		}
		return len(ws) == 0 || strings.Contains(joined, "\x00"+strings.Join(ws, "\x00")+"\x00")
	}
	rep := typography.NewRepairs()
	var lost []string
	lines := strings.Split(text, "\n")
	heads := runningHeads(lines)
	for i, raw := range lines {
		line := rep.Line(i+1, tidy(raw))
		// A line is kept when any of the tests below holds; the cheap ones
		// come first and the rest are made only when they fail (the
		// fuzzer runs this on every input: made all at once, the
		// expressions cost ten times the reading, and minimising a new
		// input took a worker's whole -fuzzminimizetime).
		if line == "" || kept(line) {
			continue
		}
		if classifyResidue(line) != notResidue {
			continue
		}
		if key, _, ok := headOf(raw); ok && heads[key] {
			continue // a running head or a page footer
		}
		if a := anchorOf(line); a == quotesAnchor || a == faqAnchor {
			continue
		}
		if i+1 < len(lines) {
			// "3) Key" over " Quotes": the first line of a heading the
			// reader joins, numbered, which the model holds as the quotes
			// or the FAQ.
			if a := anchorOf(line + " " + tidy(lines[i+1])); a == quotesAnchor || a == faqAnchor {
				continue
			}
		}
		if quoteLabelLine(line) {
			continue // "Key Quote 2" over a quote, or left out with a warning naming it: structure, as "Quote 2" is
		}
		// The line is kept if its words are found without a list number
		// or a leading "by" (which the model holds as structure, not
		// text). An FAQ's "Q:" and "A:" labels and a quote's "Quote 1:"
		// count as list numbers, and so does the "A:" of a question and
		// answer on one line.
		// A label's emphasis marks ("**Q4**:") are spaces to it: they
		// are not words.
		unnumbered := leadNumber.ReplaceAllString(emphasis.Replace(line), "")
		if kept(unnumbered) || kept(leadBy.ReplaceAllString(line, "")) || kept(leadBy.ReplaceAllString(unnumbered, "")) ||
			kept(inlineAnswer.ReplaceAllString(unnumbered, " ")) || kept(leadSpeaker.ReplaceAllString(line, "")) {
			continue
		}
		if unversed := tidy(verseNumber.ReplaceAllString(raw, "")); kept(unversed) || kept(leadSpeaker.ReplaceAllString(unversed, "")) {
			continue
		}
		if a, ok := vocab.GuideCredit(line); ok && a == g.Author {
			continue // "Prepared by Mrs. Alvarez": the guide's author
		}
		if c, teacher, ok := vocab.ClassLine(line); ok && strings.HasSuffix(g.Title, c) && (teacher == "" || teacher == g.Author) {
			continue // "English 10 – Mrs. Alvarez": the guide's class and author
		}
		if name, note := vocab.PrintNote(line); note != "" && kept(name) {
			continue // "Handout (print double-sided)": the instruction is no text
		}
		if y, ok := vocab.Published(line); ok && y == g.Book.Year {
			continue // "Published: 1886": the model holds the year
		}
		if a, ok := vocab.Anonymous(stripYear(leadBy.ReplaceAllString(line, ""))); ok && a == g.Book.Author {
			continue // "Autor anónimo": the author, capitalised
		}
		if cs := cells(raw); len(cs) >= 2 {
			// A matching exercise's row ("Garrone<gap>a) il figlio…"):
			// its cells stand in two lists, each without its number or
			// letter.
			found := true
			for _, c := range cs {
				ws := words(leadNumber.ReplaceAllString(tidy(c), ""))
				found = found && (len(ws) == 0 || strings.Contains(joined, "\x00"+strings.Join(ws, "\x00")+"\x00"))
			}
			if found {
				continue
			}
		}
		lost = append(lost, raw)
	}
	return lost
}

func fixtureFiles(t testing.TB) []string {
	var files []string
	for _, pattern := range []string{"../../testdata/guides/*.txt", "../../examples/*.txt", "testdata/cases/*.txt", "testdata/guides/*.txt"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d fixtures found", len(files))
	}
	return files
}

// TestNoTextLost: every line of every fixture that is not residue ends up in
// the model, its words in order.
func TestNoTextLost(t *testing.T) {
	files := fixtureFiles(t)
	if d := checkers.SharedDir(); d != "" {
		// The seed too, when ../shared is there.
		if p := filepath.Join(d, "seed", "never-let-me-go.txt"); fileExists(p) {
			files = append(files, p)
		}
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text, _, err := decode.Text(data)
			if err != nil {
				t.Fatal(err)
			}
			for _, smart := range []bool{false, true} {
				g, err := Parse(text, Options{NoSmart: !smart})
				if err != nil {
					t.Fatal(err)
				}
				if err := g.Validate(); err != nil {
					t.Fatal(err)
				}
				for _, l := range lostText(text, g) {
					t.Errorf("lost: %q", l)
				}
			}
		})
	}
}

// TestLostTextDetects makes sure the property check can fail: dropping a
// block, a quote or a word from the model is reported.
func TestLostTextDetects(t *testing.T) {
	text := "Title\nby Author\n\nKey Quotes\n\n1. A quote here.\n\nPlot Summary\n\nFirst paragraph here.\n\nSecond paragraph here.\n"
	g, err := Parse(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if lost := lostText(text, g); len(lost) != 0 {
		t.Fatalf("intact model lost %q", lost)
	}
	g.Sections[0].Blocks = g.Sections[0].Blocks[:1]
	if lost := lostText(text, g); len(lost) != 1 || lost[0] != "Second paragraph here." {
		t.Errorf("dropped block: lost = %q", lost)
	}
	g.Quotes[0].Text = content.Plain("A quote")
	if lost := lostText(text, g); len(lost) != 2 {
		t.Errorf("shortened quote: lost = %q", lost)
	}
}
