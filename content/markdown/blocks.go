package markdown

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/content/vocab"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

var (
	captionRE = lazyre.New(`^(?:Table|table)?:\s+\S`)
)

// blocks reads the body of a section or subsection.
func (r *reader) blocks(nodes []ast.Node) []content.Block {
	var out []content.Block
	var caption content.Text // a "Table:" paragraph waiting for its table
	termsOpen := false       // the last block came from "**term** — …" lines
	explOpen := false        // a bare explanation label under the last block quote
	last := func() *content.Block {
		if len(out) == 0 {
			return nil
		}
		return &out[len(out)-1]
	}
	escapedRun := -1 // len(out) when its last block is a list of escaped numbers
	next := func(i int) ast.Node {
		if i+1 < len(nodes) {
			return nodes[i+1]
		}
		return nil
	}
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		fromTerms := false
		switch n := n.(type) {
		case *ast.Paragraph:
			ls := r.inlines(n)
			if len(ls) == 0 {
				continue
			}
			t := joinLines(ls)
			plain := t.Plain()
			if l := last(); l != nil && l.Kind == content.Table && l.Caption == nil && len(ls) == 1 && sourceLine(t) != nil {
				// "— the narrator" under a table: its source, kept as
				// typed where a table keeps its words, its caption.
				l.Caption = t
				r.note(r.lineOf(n), "read the line under the table as its caption (its source)")
				continue
			}
			if l := last(); l != nil && l.Kind == content.BlockQuote {
				if a := sourceLine(t); a != nil && l.Attribution == nil && l.Explanation == nil && len(ls) == 1 && !explOpen {
					l.Attribution = a // "— Chapter 1" under the block quote
					continue
				}
				if rest, ok := explanationLead(t); ok {
					if rest != nil {
						l.Explanation = append(l.Explanation, rest)
					}
					explOpen = rest == nil // "**Analysis**" alone: the paragraphs after it
					continue
				}
				if explOpen {
					l.Explanation = append(l.Explanation, t)
					continue
				}
			}
			if m := captionRE.FindString(plain); m != "" && len(ls) == 1 {
				_, size := utf8.DecodeLastRuneInString(m) // the caption's first character, kept whole ("Table: “…")
				c := trimPrefix(t, len(m)-size)
				if l := last(); l != nil && l.Kind == content.Table && l.Caption == nil {
					l.Caption = c
					continue
				}
				if i+1 < len(nodes) {
					if _, ok := nodes[i+1].(*east.Table); ok {
						caption = c
						continue
					}
				}
			}
			if num, rest, ok := itemNumber(t); ok && r.escapedNumber(n) == num {
				// "1\. Why…?" paragraphs numbered in sequence, as exports
				// write a numbered list: one ordered list.
				if l := last(); l != nil && escapedRun == len(out) && max(l.Start, 1)+len(l.Items) == num {
					l.Items = append(l.Items, content.ListItem{Text: rest})
					continue
				}
				if p, ok := next(i).(*ast.Paragraph); ok && r.escapedNumber(p) == num+1 {
					b := content.Block{Kind: content.List, Ordered: true, Items: []content.ListItem{{Text: rest}}}
					if num != 1 {
						b.Start = num
					}
					out = append(out, b)
					escapedRun = len(out)
					continue
				}
			}
			if !hasHard(ls) {
				if m, start, items, ok := lettered(lineTexts(ls)); ok {
					out = append(out, content.Block{Kind: content.List, Ordered: true, Marker: m, Start: start, Items: items})
					continue
				}
			}
			if defs := r.tabTerms(lineTexts(ls)); defs != nil {
				out = append(out, content.Block{Kind: content.Definitions, Terms: defs})
				continue
			}
			if r.termSection {
				// Not terms in tab columns: its tabs are spaces, as
				// elsewhere (inlines).
				for _, l := range ls {
					untab(l.text)
				}
				t = joinLines(ls)
			}
			if defs, dash := r.termLines(ls); defs != nil {
				next := false
				if i+1 < len(nodes) {
					if p, ok := nodes[i+1].(*ast.Paragraph); ok {
						d, _ := r.termLines(r.inlines(p))
						next = d != nil
					}
				}
				if dash || len(defs) >= 2 || termsOpen || next {
					if l := last(); termsOpen && l != nil && l.Kind == content.Definitions {
						l.Terms = append(l.Terms, defs...)
					} else {
						out = append(out, content.Block{Kind: content.Definitions, Terms: defs})
					}
					termsOpen = true
					continue
				}
			}
			if b, ok := r.castNames(ls); ok {
				out = append(out, b)
				continue
			}
			if hasHard(ls) {
				out = append(out, verse(verseLines(ls)))
				continue
			}
			out = append(out, content.Block{Kind: content.Paragraph, Text: t})
		case *ast.Blockquote:
			if typ := r.calloutType(n); typ != "" && !quoteCallout(typ) {
				_, title, first, rest, _ := r.callout(n)
				out = append(out, r.noteCallout(typ, title, first, rest, r.lineOf(n))...)
				break
			}
			out = append(out, r.blockquote(n)...)
		case *ast.List:
			items := r.list(n, false)
			defs := r.listTerms(items)
			if defs == nil && !slices.ContainsFunc(items, func(it content.ListItem) bool { return it.Sublist != nil }) {
				defs = r.tabTerms(itemTexts(items))
			}
			if defs == nil && r.termSection {
				for _, it := range items {
					untab(it.Text)
					if it.Sublist != nil {
						for _, s := range it.Sublist.Items {
							untab(s.Text)
						}
					}
				}
			}
			if defs != nil {
				if l := last(); termsOpen && l != nil && l.Kind == content.Definitions {
					l.Terms = append(l.Terms, defs...)
				} else {
					out = append(out, content.Block{Kind: content.Definitions, Terms: defs})
				}
				fromTerms = true
				break
			}
			if len(items) == 0 {
				continue
			}
			b := content.Block{Kind: content.List, Ordered: n.IsOrdered(), Items: items}
			if n.IsOrdered() && n.Start != 1 {
				b.Start = n.Start
			}
			if !b.Ordered {
				letteredBullets(&b)
			}
			out = append(out, b)
		case *east.Table:
			if b, ok := r.table(n); ok {
				b.Caption, caption = caption, nil
				out = append(out, b)
			}
		case *east.DefinitionList:
			if b := r.definitionList(n); len(b.Terms) > 0 {
				out = append(out, b)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := r.codeLines(n)
			if len(lines) == 0 {
				continue
			}
			switch {
			case fencedCode(n, r.src):
				r.note(r.lineOf(n), "read the fenced code block as lines kept as lines, as typed (no smart quotes) and in a code face where the format has one; fence a poem as ```verse, or end each of its lines with a backslash")
			case !fencedVerse(n, r.src):
				r.note(r.lineOf(n), "read the code block as verse (its lines kept as lines); write a poem with a backslash or two spaces at the end of each line instead")
			}
			out = append(out, content.Block{Kind: content.Verse, Lines: r.codeTexts(n, lines)})
		case *ast.ThematicBreak:
			continue
		case *ast.HTMLBlock:
			if q, ans, end, ok := r.details(nodes, i); ok {
				out = append(out, r.disclosure("<details> disclosure", q, ans, r.lineOf(n))...)
				i = end
				continue
			}
			for _, t := range r.flatten(n) {
				out = append(out, content.Block{Kind: content.Paragraph, Text: t})
			}
		default:
			for _, t := range r.flatten(n) {
				out = append(out, content.Block{Kind: content.Paragraph, Text: t})
			}
		}
		termsOpen = fromTerms
		if _, ok := n.(*ast.Paragraph); !ok {
			explOpen = false
		}
	}
	if caption != nil {
		out = append(out, content.Block{Kind: content.Paragraph, Text: caption})
	}
	return out
}

// castNames reads a character list's paragraph whose every line is a
// name alone ("Phileas Fogg" / "Passepartout" / "Detective Fix") or a
// name and who it is ("DUNCAN, King of Scotland"), one a name alone at
// least: a list of its lines, as the plain-text reader reads them
// (vocab.CastName). It was one paragraph, the names run together
// ("Phileas Fogg Passepartout Detective Fix"), or verse.
func (r *reader) castNames(ls []line) (content.Block, bool) {
	if !r.characters || len(ls) < 2 {
		return content.Block{}, false
	}
	b := content.Block{Kind: content.List, Items: make([]content.ListItem, 0, len(ls))}
	bare := false
	for _, l := range ls {
		s := plainOf(l.text)
		if vocab.CastName(s) {
			bare = true
		} else if !castEntry(s) {
			return content.Block{}, false
		}
		b.Items = append(b.Items, content.ListItem{Text: l.text.TrimSpace()})
	}
	return b, bare
}

// castEntry: s names someone and says who they are, "DUNCAN, King of
// Scotland", "Aouda – a young widow".
func castEntry(s string) bool {
	cut, size := -1, 0 // the first separator
	for _, sep := range []string{", ", " – ", " — ", " - ", ": "} {
		if i := strings.Index(s, sep); i > 0 && (cut < 0 || i < cut) {
			cut, size = i, len(sep)
		}
	}
	return cut > 0 && vocab.CastName(s[:cut]) && strings.TrimSpace(s[cut+size:]) != ""
}

// verse makes a verse block; a first line all in bold names the speaker.
func verse(lines []content.Text) content.Block {
	b := content.Block{Kind: content.Verse, Lines: lines}
	if len(lines) >= 2 && allStrong(lines[0]) && utf8.RuneCountInString(lines[0].Plain()) <= 60 {
		b.Speaker = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lines[0].Plain()), ":"))
		b.Lines = lines[1:]
	}
	return b
}

// termLines reads a paragraph whose every line is "**term** — definition"
// (or "**term:** definition", "**term**: definition"). dash reports the
// dash form, which is never anything else; a lone colon line may be a
// bold lead-in ("**Note:** …"), so callers want more than one.
func (r *reader) termLines(ls []line) ([]content.Definition, bool) {
	var defs []content.Definition
	dash := false
	for _, l := range ls {
		d, form := termLine(r.wikiTerm(l.text))
		if form == 0 {
			return nil, false
		}
		dash = dash || form == 1
		defs = append(defs, d)
	}
	return defs, dash
}

var qualifierRE = lazyre.New(`^\s*(\([^()]{1,20}\))?\s*$`)

func termLine(t content.Text) (content.Definition, int) {
	t = t.TrimSpace()
	if len(t) < 2 || !t[0].Strong || t[0].Href != "" {
		return content.Definition{}, 0
	}
	term := strings.TrimSpace(t[0].Text)
	rest := t[1:]
	plain := rest.Plain()
	if vocab.QuestionLabel(t.Plain()) > 0 {
		return content.Definition{}, 0 // "**Q1:** Why…?", "**F2:** Warum…?": a labelled question
	}
	if strings.HasSuffix(term, ":") {
		def := rest.TrimSpace()
		term = strings.TrimSpace(strings.TrimSuffix(term, ":"))
		if term == "" || def == nil {
			return content.Definition{}, 0
		}
		return content.Definition{Term: content.Plain(term), Definition: def}, 2
	}
	// "**le tonnelier** : artisan…": French sets a space before the
	// colon (it was a list of bold words).
	if c := strings.TrimLeft(plain, " \u00a0\u202f"); strings.HasPrefix(c, ":") {
		def := trimPrefix(rest, len(plain)-len(c)+1)
		if term == "" || def == nil {
			return content.Definition{}, 0
		}
		return content.Definition{Term: content.Plain(term), Definition: def}, 2
	}
	// "**moor** (n.): open land": a qualifier, then the colon.
	if i := strings.IndexByte(plain, ':'); i > 0 && strings.TrimSpace(plain[:i]) != "" && qualifierRE.MatchString(plain[:i]) {
		term += " " + strings.TrimSpace(plain[:i])
		if def := trimPrefix(rest, i+1).TrimSpace(); term != "" && def != nil {
			return content.Definition{Term: content.Plain(term), Definition: def}, 2
		}
		return content.Definition{}, 0
	}
	for _, sep := range []string{"—", "–", " - ", "--"} {
		i := strings.Index(plain, sep)
		if i < 0 || !qualifierRE.MatchString(plain[:i]) {
			continue
		}
		if q := strings.TrimSpace(plain[:i]); q != "" {
			term += " " + q
		}
		def := trimPrefix(rest, i+len(sep))
		if term == "" || def == nil {
			return content.Definition{}, 0
		}
		return content.Definition{Term: content.Plain(term), Definition: def}, 1
	}
	return content.Definition{}, 0
}

// tabTerms reads two lines or more, each a word and its meaning set
// apart by a tab ("whitewash<TAB>to paint with lime"), in a vocabulary,
// characters or key-facts section (r.termSection), as definitions: two
// columns pasted from a word processor, which were one paragraph (or
// list items) with the tabs in the text. A first line that reads as the
// columns' names ("Word<TAB>Meaning": short capitalised cells over longer
// meanings) keeps them as they were.
func (r *reader) tabTerms(ts []content.Text) []content.Definition {
	if !r.termSection || len(ts) < 2 {
		return nil
	}
	var defs []content.Definition
	for _, t := range ts {
		t = t.TrimSpace()
		if len(t) != 1 || t[0].Code || t[0].Href != "" {
			return nil
		}
		term, def, ok := strings.Cut(t[0].Text, "\t")
		def = strings.TrimLeft(def, "\t")
		term, def = strings.TrimSpace(term), strings.TrimSpace(def)
		if !ok || term == "" || def == "" || strings.Contains(def, "\t") {
			return nil
		}
		sp := t[0]
		sp.Text = term
		d := content.Definition{Term: content.Text{sp}}
		sp.Text = def
		d.Definition = content.Text{sp}
		defs = append(defs, d)
	}
	if namesColumns(defs) {
		return nil
	}
	return defs
}

// namesColumns: the first of defs names two columns ("Word", "Meaning"):
// short capitalised cells, not a sentence, over meanings longer than the
// first's.
func namesColumns(defs []content.Definition) bool {
	head := []string{defs[0].Term.Plain(), defs[0].Definition.Plain()}
	for _, c := range head {
		r, _ := utf8.DecodeRuneInString(c)
		if len(strings.Fields(c)) > 3 || unicode.IsLower(r) || strings.HasSuffix(c, ".") {
			return false
		}
	}
	for _, d := range defs[1:] {
		if len(strings.Fields(d.Definition.Plain())) <= len(strings.Fields(head[1])) {
			return false
		}
	}
	return true
}

// itemTexts is the texts of items.
func itemTexts(items []content.ListItem) []content.Text {
	out := make([]content.Text, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

// listTerms reads a list whose every item is a "**term** — definition"
// line as definitions (a character list written as bullets).
func (r *reader) listTerms(items []content.ListItem) []content.Definition {
	var defs []content.Definition
	dash := false
	for _, it := range items {
		if it.Sublist != nil {
			return nil
		}
		d, form := termLine(r.wikiTerm(it.Text))
		if form == 0 {
			return nil
		}
		dash = dash || form == 1
		defs = append(defs, d)
	}
	if !dash && len(defs) < 2 {
		return nil
	}
	return defs
}

// list reads a list's items; a nested list becomes the item's sublist, and
// lists nested deeper are read into it.
func (r *reader) list(n *ast.List, nested bool) []content.ListItem {
	var items []content.ListItem
	for li := n.FirstChild(); li != nil; li = li.NextSibling() {
		var texts []content.Text
		var sub *content.Sublist
		var deeper []content.ListItem // a third level's items, after their item
		for c := li.FirstChild(); c != nil; c = c.NextSibling() {
			if l, ok := c.(*ast.List); ok {
				inner := r.list(l, true)
				switch {
				case nested:
					r.note(r.lineOf(l), "lists nest one level deep; read the items of this list into the list above")
					deeper = append(deeper, inner...)
				case sub == nil:
					sub = &content.Sublist{Ordered: l.IsOrdered(), Items: inner}
					if l.IsOrdered() && l.Start != 1 {
						sub.Start = l.Start
					}
				default:
					sub.Items = append(sub.Items, inner...)
				}
				continue
			}
			if sub == nil && !nested {
				// A multiple-choice question's options, lettered lines
				// under it in its paragraph or in a paragraph of their own.
				if kind := c.Kind(); kind == ast.KindParagraph || kind == ast.KindTextBlock {
					ls := r.inlines(c)
					k := 1
					if len(texts) > 0 {
						k = 0
					}
					if len(ls) >= k+2 && !hasHard(ls) {
						if m, start, its, ok := lettered(lineTexts(ls[k:])); ok {
							if k == 1 {
								texts = append(texts, joinLines(ls[:1]))
							}
							sub = &content.Sublist{Ordered: true, Marker: m, Start: start, Items: its}
							continue
						}
					}
				}
			}
			texts = append(texts, r.flatten(c)...)
		}
		t := joinTexts(texts).TrimSpace()
		if sub != nil && len(sub.Items) == 0 {
			sub = nil
		}
		if t == nil {
			if sub != nil {
				r.warn(r.lineOf(li), "a list item holds only a nested list; read its items into this list")
				items = append(items, sub.Items...)
			}
			items = append(items, deeper...)
			continue
		}
		items = append(items, content.ListItem{Text: t, Sublist: sub})
		items = append(items, deeper...)
	}
	return items
}

func (r *reader) table(n *east.Table) (content.Block, bool) {
	if d, ok := r.headlessPairs(n); ok {
		return d, true
	}
	b := content.Block{Kind: content.Table}
	head := r.lineOf(n)
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []content.Text
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, joinLines(r.inlines(c)).TrimSpace())
		}
		if len(b.Header) > 0 {
			// A row of one line each, after the header and the
			// delimiter row.
			r.extraCells(head+2+len(b.Rows), len(b.Header))
		}
		if _, ok := row.(*east.TableHeader); ok {
			for i, c := range cells {
				if c == nil {
					cells[i] = content.Plain("—")
					r.warn(r.lineOf(row), "column %d of the table has an empty header; wrote a dash there", i+1)
				}
			}
			b.Header = cells
			continue
		}
		b.Rows = append(b.Rows, cells)
	}
	if len(b.Rows) == 0 {
		// A header alone: its cells are the table's only content.
		r.note(r.lineOf(n), "the table has a header row but no rows; read it as a paragraph")
		return content.Block{Kind: content.Paragraph, Text: joinTexts(b.Header)}, true
	}
	return b, true
}

// extraCells warns when the table row on line has more cells than the
// header's n: Markdown (GFM) leaves the rest out, and their text was
// lost without a word ("| one | two | three |" under "| A | B |"), most
// often a "|" typed in a cell's text or code, which splits it.
func (r *reader) extraCells(line, n int) {
	i := line - r.base - 1
	if i < 0 || i >= len(r.starts) {
		return
	}
	end := len(r.src)
	if i+1 < len(r.starts) {
		end = r.starts[i+1]
	}
	// The cells: split at each "|" not escaped, past any container's
	// "> " and the row's own outer bars.
	row := strings.TrimSpace(string(r.src[r.starts[i]:end]))
	for strings.HasPrefix(row, ">") {
		row = strings.TrimSpace(row[1:])
	}
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, "\\|") {
		row = row[:len(row)-1]
	}
	var cells []string
	from := 0
	for j := 0; j < len(row); j++ {
		switch row[j] {
		case '\\':
			j++
		case '|':
			cells = append(cells, row[from:j])
			from = j + 1
		}
	}
	cells = append(cells, row[from:])
	if len(cells) <= n {
		return
	}
	rest := []rune(strings.TrimSpace(strings.Join(cells[n:], "|")))
	if len(rest) > 60 {
		rest = append(rest[:60], '…')
	}
	r.warn(line, "this table row has %d cells, its header row %d: Markdown leaves out the rest (%q); add a column to the header row, or write a | that belongs to the text as \\|",
		len(cells), n, string(rest))
}

// headlessPairs reads a table of two columns with an empty header row
// ("| | |" over "| Published | 1902 |"), the way a key-facts box is
// written, as terms and definitions: it has no header to print.
func (r *reader) headlessPairs(n *east.Table) (content.Block, bool) {
	b := content.Block{Kind: content.Definitions}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []content.Text
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, joinLines(r.peek(c)).TrimSpace())
		}
		if len(cells) != 2 {
			return content.Block{}, false
		}
		if _, head := row.(*east.TableHeader); head {
			if cells[0] != nil || cells[1] != nil {
				return content.Block{}, false
			}
			continue
		}
		if cells[0] == nil || cells[1] == nil {
			return content.Block{}, false
		}
		b.Terms = append(b.Terms, content.Definition{})
	}
	if len(b.Terms) == 0 {
		return content.Block{}, false
	}
	// Read the cells for good now (peek reported nothing).
	i := 0
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		if _, head := row.(*east.TableHeader); head {
			continue
		}
		c := row.FirstChild()
		b.Terms[i] = content.Definition{Term: joinLines(r.inlines(c)).TrimSpace(), Definition: joinLines(r.inlines(c.NextSibling())).TrimSpace()}
		i++
	}
	r.note(r.lineOf(n), "read the table with an empty header row as terms and definitions")
	return b, true
}

func (r *reader) definitionList(n *east.DefinitionList) content.Block {
	b := content.Block{Kind: content.Definitions}
	var term content.Text
	more := false // a second description of the same term
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *east.DefinitionTerm:
			term, more = joinLines(r.inlines(c)).TrimSpace(), false
		case *east.DefinitionDescription:
			def := joinTexts(r.flatten(c)).TrimSpace()
			if term == nil || def == nil {
				r.warn(r.lineOf(c), "a definition without a term or text was left out")
				continue
			}
			if more {
				// "Term" then ": one" and ": two": one entry, its
				// definitions run together, not the term twice.
				d := &b.Terms[len(b.Terms)-1]
				d.Definition = joinTexts([]content.Text{d.Definition, def})
				continue
			}
			b.Terms = append(b.Terms, content.Definition{Term: term, Definition: def})
			more = true
		}
	}
	return b
}

// quote is a quotation with what may follow it.
type quote struct {
	text, attribution content.Text
	lines, expl       []content.Text
	title             content.Text // a callout's title (calloutTitle)
	// lead: the frame's sentences that lead into a framed quotation ("In
	// chapter 14 Eliot names the turning point." over "> > “…”").
	lead []content.Text
}

func (q quote) block() content.Block {
	return content.Block{Kind: content.BlockQuote, Text: q.text, Lines: q.lines, Attribution: q.attribution, Explanation: q.expl}
}

// highlight is q as a highlighted quote: a lead-in has no place of its own
// among the quotes, so it opens the explanation.
func (q quote) highlight() content.Quote {
	expl := q.expl
	if q.lead != nil {
		expl = append(append([]content.Text(nil), q.lead...), q.expl...)
	}
	return content.Quote{Text: q.text, Lines: q.lines, Attribution: q.attribution, Explanation: expl}
}

// blockquote is a block quote of a section's text: its lead-ins, when it
// frames a quotation, are paragraphs before it, as they stood.
//
// A table in it ("> | Name | Who |") is no part of a quotation, which is
// one paragraph or verse lines: it is read as a table beside the
// quotation (or in its place, when the block quote holds nothing else),
// where it was flattened into the quotation's text, a row a sentence. The
// quotation stands after the tables typed before its text. A block quote
// of tables and one-line sources ("> — the narrator") or captions ("> Table:
// …") quotes nothing: each such line is its table's caption, kept as
// typed, as under a table outside a block quote (blocks); it was a
// quotation of the source line alone, set before the table.
func (r *reader) blockquote(n *ast.Blockquote) []content.Block {
	if !hasTable(n) {
		return r.quoteBlocks(n) // read as ever
	}
	var tables []content.Block
	var apart []ast.Node // the tables, read apart from the quotation (tables[k] is apart[k])
	before := 0          // tables typed before the quotation's text
	text := false        // the block quote holds more than tables
	labels := false      // and their one-line sources or captions
	captions := true     // every table read is a table, to take one
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*east.Table)
		if !ok {
			if r.tableLabel(c) {
				labels = true
			} else {
				text = true
			}
			continue
		}
		b, ok := r.table(t)
		if !ok {
			text = true // its text is quoted
			continue
		}
		apart = append(apart, c)
		tables = append(tables, b)
		captions = captions && b.Kind == content.Table
		if !text && !labels {
			before++
		}
	}
	if tables == nil {
		text = true // read as ever
	}
	if !text && labels && captions {
		r.labelTables(n, tables, apart)
		return tables
	}
	text = text || labels
	if tables != nil {
		what := "the table"
		if len(tables) > 1 {
			what = strconv.Itoa(len(tables)) + " tables"
		}
		where := "apart from"
		switch before {
		case 0:
			where = "after"
		case len(tables):
			where = "before"
		}
		if text {
			r.note(r.lineOf(n), "read %s in the block quote as a table %s the quotation (a quotation is one paragraph or verse lines)", what, where)
		} else {
			r.note(r.lineOf(n), "read %s typed as a block quote (\">\") as a table", what)
		}
	}
	if !text {
		return tables
	}
	out := append([]content.Block(nil), tables[:before]...)
	r.apart = apart
	out = append(out, r.quoteBlocks(n)...)
	r.apart = nil
	return append(out, tables[before:]...)
}

// quoteBlocks is the quotation a block quote holds, its lead-ins before it.
func (r *reader) quoteBlocks(n *ast.Blockquote) []content.Block {
	q := r.readQuote(n)
	out := make([]content.Block, 0, len(q.lead)+1)
	for _, t := range q.lead {
		out = append(out, content.Block{Kind: content.Paragraph, Text: t})
	}
	return append(out, q.block())
}

// hasTable reports a table among a block quote's own children.
func hasTable(n *ast.Blockquote) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*east.Table); ok {
			return true
		}
	}
	return false
}

// tableLabel reports a block quote's child that is one line naming a
// source ("— the narrator", "(Chapter 3)") or a caption ("Table: The
// Bennets"), as typed (its inlines are read once, by whoever keeps it).
func (r *reader) tableLabel(c ast.Node) bool {
	p, ok := c.(*ast.Paragraph)
	if !ok || p.Lines().Len() != 1 {
		return false
	}
	at := p.Lines().At(0)
	s := strings.Trim(string(at.Value(r.src)), " *_")
	return captionRE.MatchString(s) || sourceLine(content.Plain(s)) != nil
}

// labelTables makes each line of a block quote of tables and their
// sources or captions (tableLabel) the caption of the table typed before
// it (the first table, for a line over them all), after a caption it has.
// tables[k] is the block apart[k] was read as.
func (r *reader) labelTables(n *ast.Blockquote, tables []content.Block, apart []ast.Node) {
	i, k := 0, 0 // the table before the line; the next table
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if k < len(apart) && c == apart[k] {
			i = k
			k++
			continue
		}
		t := joinLines(r.inlines(c))
		if m := captionRE.FindString(t.Plain()); m != "" {
			_, size := utf8.DecodeLastRuneInString(m) // as blocks keeps it
			t = trimPrefix(t, len(m)-size)
		}
		if b := &tables[i]; b.Caption != nil {
			b.Caption = joinTexts([]content.Text{b.Caption, t})
		} else {
			b.Caption = t
		}
	}
	r.note(r.lineOf(n), "read the table typed as a block quote (\">\") as a table, and the line by it as its caption (its source: the block quote quotes nothing else)")
}

// readQuote reads a blockquote: its text (or verse lines), an attribution
// line starting with a dash, and explanation paragraphs after the
// attribution or from an "Explanation:" paragraph on.
func (r *reader) readQuote(n *ast.Blockquote) quote {
	if q, ok := r.framedQuote(n); ok {
		return q
	}
	q, nested := r.flatQuote(n)
	if q.title != nil {
		// "> [!quote] Mr. Knightley": the callout's title says whose.
		if q.attribution == nil {
			q.attribution = q.title
		} else {
			q.expl = append([]content.Text{q.title}, q.expl...)
		}
	}
	return r.withNested(q, nested, n)
}

// calloutTitle takes an Obsidian callout's or a GitHub alert's marker line
// ("[!quote] Chapter 1", "[!NOTE]") off the front of a quote's first
// paragraph: its title, kept as the quote's attribution when it names one.
func (q *quote) calloutTitle(ls []line, first bool) []line {
	if !first || len(ls) == 0 {
		return ls
	}
	kind, rest := frameLabel(ls[0].text)
	if kind != labelDrop && rest != nil {
		q.title = rest
	}
	return ls[1:]
}

// flatQuote reads a blockquote's own text; the block quotes nested in it
// are set aside, for withNested.
func (r *reader) flatQuote(n *ast.Blockquote) (quote, []*ast.Blockquote) {
	var q0 quote // the callout's title
	callout := r.calloutType(n) != ""
	var paras [][]line
	var nested []*ast.Blockquote
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if bq, ok := c.(*ast.Blockquote); ok {
			nested = append(nested, bq)
			continue
		}
		if slices.Contains(r.apart, c) {
			continue // read as a table (blockquote)
		}
		if p, ok := c.(*ast.Paragraph); ok {
			if ls := q0.calloutTitle(r.inlines(p), callout && c == n.FirstChild()); len(ls) > 0 {
				body, expl := splitExplanation(ls)
				paras = append(paras, body)
				if expl != nil {
					paras = append(paras, expl)
				}
			}
			continue
		}
		for _, t := range r.flatten(c) {
			paras = append(paras, []line{{text: t}})
		}
	}
	q := quote{title: q0.title}
	var body [][]line
	for i, ls := range paras {
		if q.attribution != nil || q.expl != nil {
			t := joinLines(ls)
			if len(q.expl) == 0 {
				if rest, ok := explanationLead(t); ok {
					if t = rest; t == nil {
						q.expl = []content.Text{} // the label alone: what follows
						continue
					}
				}
			}
			q.expl = append(q.expl, t)
			continue
		}
		if rest, ok := explanationLead(joinLines(ls)); ok && i > 0 {
			q.expl = []content.Text{}
			if rest != nil {
				q.expl = append(q.expl, rest)
			}
			continue
		}
		if a := attribution(ls[len(ls)-1].text); a != nil && (len(ls) > 1 || i > 0) {
			q.attribution = a
			ls = ls[:len(ls)-1]
			if len(ls) > 0 {
				ls[len(ls)-1].hard = false
				body = append(body, ls)
			}
			continue
		}
		body = append(body, ls)
	}
	if len(body) > 1 {
		r.note(r.lineOf(n), "the quotation's %d paragraphs are joined into one (a quotation is one paragraph or verse lines)", len(body))
	}
	var all []line
	for i, ls := range body {
		if i > 0 && len(all) > 0 {
			all[len(all)-1].hard = false
		}
		all = append(all, ls...)
	}
	if len(all) == 0 {
		if q.attribution != nil {
			q.text = q.attribution
			q.attribution = nil
		} else if len(q.expl) > 0 {
			q.text, q.expl = q.expl[0], q.expl[1:]
		} else {
			q.text = content.Plain("…")
			r.warn(r.lineOf(n), "an empty block quote; wrote an ellipsis in its place")
		}
		return q, nested
	}
	if !hasHard(all) && len(body) == 1 && verseLike(all) {
		// "> So long as men can breathe or eyes can see,\n> So long lives
		// this…": a quotation of verse typed a line to a line without
		// hard breaks keeps its lines (soft breaks would run them on).
		for i := range all[:len(all)-1] {
			all[i].hard = true
		}
	}
	if hasHard(all) {
		q.lines = verseLines(all)
	} else {
		t := joinLines(all)
		if q.attribution == nil {
			// "> “…” — Chapter 9" on one line: only after a whole
			// quotation.
			if qt, a := trailing(t); a != nil && opensQuote(qt) && !equalText(stripQuotes(qt), qt) {
				t, q.attribution = qt, a
			}
		}
		q.text = stripQuotes(t)
	}
	if len(q.expl) == 0 {
		q.expl = nil
	}
	return q, nested
}

var attributionRE = lazyre.New(`^\s*(?:—|―|–|---|--)\s*`)

// attribution reads a line such as "— Chapter 9" as the attribution
// "Chapter 9", and a bracketed line that names a place or a speaker,
// "(Book 2, Chapter 3)", as "Book 2, Chapter 3"; it is nil for any other
// line. A line set wholly in emphasis ("*— Book 1*") gives a plain
// attribution: the emphasis styled the line, not a title in it.
func attribution(t content.Text) content.Text {
	p := t.Plain()
	var a content.Text
	if m := attributionRE.FindString(p); m != "" {
		a = trimPrefix(t, len(m))
	} else if s := strings.TrimSpace(p); vocab.ParenAttribution(s) {
		lead := len(p) - len(strings.TrimLeft(p, " "))
		a = trimSuffixBytes(trimPrefix(t, lead+1), 1+len(p)-len(strings.TrimRight(p, " ")))
	} else {
		return nil
	}
	if wholeStyled(t) {
		for i := range a {
			a[i].Em, a[i].Strong = false, false
		}
		a = a.Normalize()
	}
	return a
}

// splitExplanation splits a paragraph at a line that opens with an
// explanation label ("> — Chapter 4" then "> Explanation: …" with no blank
// line between them): the quotation's lines, then the explanation's.
func splitExplanation(ls []line) (body, expl []line) {
	for i := 1; i < len(ls); i++ {
		if vocab.ExplanationLabel(ls[i].text.Plain()) > 0 {
			body = append([]line(nil), ls[:i]...)
			body[i-1].hard = false
			return body, ls[i:]
		}
	}
	return ls, nil
}

// explanationLead reads the label that opens a quote's explanation, in
// any language (content/vocab): ok, and the text after it, or nil for a
// label alone ("**Analysis**", "Explanation:"), whose explanation is the
// paragraphs that follow.
func explanationLead(t content.Text) (content.Text, bool) {
	p := t.Plain()
	if n := vocab.ExplanationLabel(p); n > 0 {
		if rest := trimPrefix(t, n); len(rest) > 0 {
			return rest, true
		}
		return nil, true
	}
	if s := strings.TrimSpace(p); len(s) <= 40 && !strings.ContainsAny(s, ":：") && vocab.ExplanationLabel(s+":") == len(s)+1 {
		return nil, true
	}
	return nil, false
}

// sourceLine is the attribution a paragraph of its own gives a quote above
// it: a short attribution line ("— Chapter 1", "(Book 2)") that does not
// end as a sentence would (a line of dialogue, "— Go! — she said.").
func sourceLine(t content.Text) content.Text {
	p := strings.TrimRight(t.Plain(), " *_")
	if utf8.RuneCountInString(p) > 80 || strings.HasSuffix(p, ".") || strings.HasSuffix(p, "?") || strings.HasSuffix(p, "!") {
		return nil
	}
	return attribution(t)
}

// wholeStyled reports a line all in emphasis or all in strong.
func wholeStyled(t content.Text) bool {
	em, strong := true, true
	for _, s := range t {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		em, strong = em && s.Em, strong && s.Strong
	}
	return em || strong
}

var (
	// trailingAttrRE: the attribution after a quotation's closing mark
	// quotes nothing itself: in "«Красота спасёт мир» — a line often
	// credited to «Идиот»." the dash starts commentary, as the plain-text
	// reader reads it.
	trailingAttrRE = lazyre.New(`^(.*[”"»“«])\s*(?:—|―|–|--)\s*([^\s”"»“«][^”"»“«]{0,80})$`)
	parenAttrRE    = lazyre.New(`^(.*[”"»“«])\s*(\([^()]{1,98}\)|\[[^\[\]]{1,98}\])\.?$`)
)

// trailing splits a quotation from an attribution after its closing
// quotation mark: "“…” — Chapter 9", "“…” (Clennam, Book 2)". The
// bracketed form needs a whole quotation before it and a bracket that
// names a place or a speaker.
func trailing(t content.Text) (content.Text, content.Text) {
	p := t.Plain()
	if m := trailingAttrRE.FindStringSubmatchIndex(p); m != nil {
		return trimSuffixBytes(t, len(p)-m[3]), trimPrefix(t, m[4])
	}
	// "[Ch. 43]" is read as "(Ch. 43)" is.
	if m := parenAttrRE.FindStringSubmatchIndex(p); m != nil && vocab.ParenAttribution("("+p[m[4]+1:m[5]-1]+")") {
		q := trimSuffixBytes(t, len(p)-m[3])
		if opensQuote(q) && !equalText(stripQuotes(q), q) {
			return q, trimSuffixBytes(trimPrefix(t, m[4]+1), len(p)-m[5]+1)
		}
	}
	return t, nil
}

func equalText(a, b content.Text) bool { return a.Plain() == b.Plain() }

// stripQuotes removes the quotation marks around a whole quotation.
func stripQuotes(t content.Text) content.Text {
	p := t.Plain()
	first, n1 := utf8.DecodeRuneInString(p)
	last, n2 := utf8.DecodeLastRuneInString(p)
	if len(p) <= n1+n2 || !strings.ContainsRune(`“"«„`, first) || !strings.ContainsRune(`”"»“`, last) {
		return t
	}
	marks := 0
	for _, c := range p {
		if strings.ContainsRune(`“”"«»„`, c) {
			marks++
		}
	}
	if marks != 2 {
		return t
	}
	return trimSuffixBytes(trimPrefix(t, n1), n2)
}

// quoteFrom reads a highlighted quote written as a paragraph or list item:
// the quotation, then an attribution on its last line or after the
// closing quotation mark ("“…” — Chapter 9").
func quoteFrom(ls []line) quote {
	var q quote
	ls, expl := splitExplanation(ls)
	if expl != nil {
		if rest, _ := explanationLead(joinLines(expl)); rest != nil {
			q.expl = []content.Text{rest}
		}
	}
	if len(ls) > 1 {
		if a := attribution(ls[len(ls)-1].text); a != nil {
			q.attribution = a
			ls = ls[:len(ls)-1]
			ls[len(ls)-1].hard = false
		}
	}
	if hasHard(ls) {
		q.lines = verseLines(ls)
		return q
	}
	t := joinLines(ls)
	if q.attribution == nil {
		t, q.attribution = trailing(t)
	}
	q.text = stripQuotes(t)
	return q
}

func opensQuote(t content.Text) bool {
	r, _ := utf8.DecodeRuneInString(t.Plain())
	return strings.ContainsRune(`“"«„‘'`, r)
}

// unlabel takes a quote's number label ("Quote 1:", "**Quotation #2**",
// "Cita 3 –") off the first of ls; a label alone on its line goes, and
// nothing is left of a heading or paragraph that only numbers the quote
// below it.
func unlabel(ls []line) []line {
	if len(ls) == 0 {
		return ls
	}
	p := ls[0].text.Plain()
	if vocab.QuoteWord(p) {
		return ls[1:] // "### Quote" over each quote: a label
	}
	n := vocab.QuoteLabel(strings.TrimLeft(p, " "))
	if n == 0 {
		return ls
	}
	n += len(p) - len(strings.TrimLeft(p, " "))
	if strings.TrimSpace(p[n:]) == "" {
		return ls[1:]
	}
	out := append([]line{{text: trimPrefix(ls[0].text, n), hard: ls[0].hard}}, ls[1:]...)
	return out
}

// quotes reads the highlighted quotes section: block quotes, quoted
// paragraphs, list items or subheadings are quotes; other paragraphs
// after a quote are its explanation.
func (r *reader) quotes(nodes []ast.Node) {
	g := r.g
	lastQ := func() *content.Quote {
		if len(g.Quotes) == 0 {
			return nil
		}
		return &g.Quotes[len(g.Quotes)-1]
	}
	explain := func(t content.Text, line int) {
		if q := lastQ(); q != nil {
			q.Explanation = append(q.Explanation, t)
			return
		}
		r.warn(line, "text before the first quote in the quotes section was read as a quote")
		g.Quotes = append(g.Quotes, content.Quote{Text: t})
	}
	for _, n := range nodes {
		ln := r.lineOf(n)
		switch n := n.(type) {
		case *ast.Blockquote:
			if typ := r.calloutType(n); typ != "" && !quoteCallout(typ) && lastQ() != nil {
				_, title, first, rest, _ := r.callout(n)
				// "> [!NOTE]" under a quote: the guide's note on it.
				for _, b := range r.noteCallout(typ, title, first, rest, ln) {
					for _, t := range blockTexts(b) {
						explain(t, ln)
					}
				}
				continue
			}
			g.Quotes = append(g.Quotes, r.readQuote(n).highlight())
		case *ast.Heading:
			ls := r.inlines(n)
			if _, ok := explanationLead(joinLines(ls)); ok && lastQ() != nil {
				continue // "#### Analysis" under a quote: its explanation follows
			}
			if ls = unlabel(ls); len(ls) > 0 {
				g.Quotes = append(g.Quotes, quoteFrom(ls).highlight())
			}
		case *ast.Paragraph:
			ls := unlabel(r.inlines(n))
			if len(ls) == 0 {
				continue
			}
			t := joinLines(ls)
			if q := lastQ(); q != nil && q.Attribution == nil && q.Explanation == nil && len(ls) == 1 {
				if a := sourceLine(t); a != nil {
					q.Attribution = a // "— Chapter 1" under the quote, after a blank line
					continue
				}
			}
			if rest, ok := explanationLead(t); ok && lastQ() != nil {
				if rest != nil {
					explain(rest, ln)
				}
				continue
			}
			if opensQuote(t) || hasHard(ls) {
				g.Quotes = append(g.Quotes, quoteFrom(ls).highlight())
				continue
			}
			explain(t, ln)
		case *ast.List:
			// Each item a quote (its lines kept, for verse); what the
			// item holds after its first paragraph is the explanation.
			k := 0 // the item's index
			for li := n.FirstChild(); li != nil; li, k = li.NextSibling(), k+1 {
				var q content.Quote
				have := false
				for c := li.FirstChild(); c != nil; c = c.NextSibling() {
					if _, ok := c.(*ast.List); !ok && !have {
						if ls := unlabel(r.inlines(c)); len(ls) > 0 {
							q, have = quoteFrom(ls).highlight(), true
							continue
						}
					}
					for _, t := range r.flatten(c) {
						if !have {
							q, have = content.Quote{Text: t}, true
							continue
						}
						if len(q.Explanation) == 0 {
							if rest, ok := explanationLead(t); ok {
								if t = rest; t == nil {
									continue // the label alone
								}
							}
						}
						q.Explanation = append(q.Explanation, t)
					}
				}
				if have {
					g.Quotes = append(g.Quotes, q)
				} else {
					r.warn(r.lineOf(li), "an empty item (%s) of the quotes list was left out; give it its quotation or delete it", itemMark(n, k))
				}
			}
		case *ast.ThematicBreak:
		default:
			for _, t := range r.flatten(n) {
				explain(t, ln)
			}
		}
	}
}

// itemMark is how item k (0-based) of l is marked, as typed: "2." or "-".
func itemMark(l *ast.List, k int) string {
	if !l.IsOrdered() {
		return string(l.Marker)
	}
	return strconv.Itoa(l.Start+k) + string(l.Marker)
}

// leadQuestion reads a paragraph that opens with a question in bold and
// goes on with its answer: "**Is Emma likeable?** Austen thought …".
func leadQuestion(ls []line) (string, content.Text, bool) {
	t := joinLines(ls)
	n := 0
	for n < len(t) && (t[n].Strong || strings.TrimSpace(t[n].Text) == "") {
		n++
	}
	q := strings.TrimSpace(t[:n].Plain())
	if n == 0 || n == len(t) || !asks(q) && vocab.QuestionLabel(q) == 0 {
		return "", nil, false
	}
	rest := t[n:].TrimSpace()
	if len(rest) == 0 {
		return "", nil, false
	}
	return q, rest, true
}

// questionList reads an FAQ written as a list whose every item opens with
// its question (in bold, labelled, or a first line ending in "?") followed
// by the answer; it reports false, reading nothing, for any other list.
func (r *reader) questionList(l *ast.List, open func(string, int), answer func(...content.Text)) bool {
	type entry struct {
		q    string
		line int
		a    []content.Text
		code content.Text
	}
	var es []entry
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		c := li.FirstChild()
		if c == nil {
			return false
		}
		if _, ok := c.(*ast.List); ok {
			return false
		}
		ls := r.peek(c)
		if len(ls) == 0 {
			return false
		}
		e := entry{line: r.lineOf(li), code: codeIn(joinLines(ls))}
		first := plainOf(ls[0].text)
		if q, rest, ok := leadQuestion(ls[:1]); ok {
			e.q, e.a = q, []content.Text{rest}
		} else if asks(first) || vocab.QuestionLabel(first) > 0 {
			e.q = first
		} else {
			return false
		}
		if len(ls) > 1 {
			e.a = append(e.a, joinLines(ls[1:]))
		}
		for c = c.NextSibling(); c != nil; c = c.NextSibling() {
			e.a = append(e.a, r.flatten(c)...)
		}
		es = append(es, e)
	}
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		if c := li.FirstChild(); c != nil {
			r.inlines(c) // what the first paragraph reports, now that it is read
		}
	}
	for _, e := range es {
		r.questionCode = e.code
		open(e.q, e.line)
		answer(e.a...)
	}
	return true
}

// stripQuestionLabel takes a "Q:" label ("P:", "F:", "Question 3:") off an
// FAQ question and says whether there was one.
func stripQuestionLabel(q string) (string, bool) {
	if n := vocab.QuestionLabel(q); n > 0 {
		return strings.TrimSpace(q[n:]), true
	}
	if m := questionNumberRE.FindString(q); m != "" && len(m) < len(q) {
		return q[len(m):], false // "1. Who does Emma marry?"
	}
	return q, false
}

var questionNumberRE = lazyre.Hot(`^(?:\d{1,3}[.)]|\(\d{1,3}\))\s+`)

// questionText is the question q as text: the code typed in it
// (keepCode) in code spans, as a paragraph keeps code.
func (r *reader) questionText(q string) content.Text {
	runs := slices.Clone(r.titleCode[q])
	slices.SortFunc(runs, func(a, b [2]int) int { return a[0] - b[0] })
	var t content.Text
	at := 0
	for _, run := range runs {
		if run[0] < at {
			continue // a place found twice
		}
		if run[0] > at {
			t = append(t, content.Span{Text: q[at:run[0]]})
		}
		t = append(t, content.Span{Text: q[run[0]:run[1]], Code: true})
		at = run[1]
	}
	if at < len(q) {
		t = append(t, content.Span{Text: q[at:]})
	}
	return t.Normalize()
}

// asks reports a line that ends as a question does ("Why?", "¿Por qué?»").
func asks(s string) bool {
	s = strings.TrimRight(s, " \"”’'»)*_")
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？")
}

// faq reads the FAQ under the heading title: questions as subheadings, as
// bold lines, or as <details><summary>; what follows a question is its
// answer.
//
// A question without an answer cannot stand in the FAQ; its text is kept,
// with a warning, as the plain-text reader keeps it: as the last paragraph
// of the answer before, or, before any answer, in a section named as the
// FAQ (it was left out).
func (r *reader) faq(nodes []ast.Node, title string) {
	g := r.g
	var cur *content.FAQEntry
	var curLine int
	var orphans []content.Text
	orphanLine := 0
	first := len(g.FAQ) // this FAQ's first entry
	kept := -1          // the section keeping its unanswered first questions
	closeQ := func() {
		if cur == nil {
			return
		}
		switch q := r.questionText(cur.Question); {
		case len(cur.Answer) > 0:
			g.FAQ = append(g.FAQ, *cur)
		case len(g.FAQ) > first:
			a := &g.FAQ[len(g.FAQ)-1].Answer
			*a = append(*a, q)
			r.warn(curLine, "the question %q has no answer; kept it as the last paragraph of the answer before", cur.Question)
		default:
			if kept < 0 {
				g.Sections = append(g.Sections, content.Section{Title: title})
				kept = len(g.Sections) - 1
			}
			s := &g.Sections[kept]
			s.Blocks = append(s.Blocks, content.Block{Kind: content.Paragraph, Text: q})
			r.warn(curLine, "the question %q has no answer; kept it as text in a section %q", cur.Question, title)
		}
		cur = nil
	}
	marked := false // the current question had a "Q:" label
	open := func(q string, line int) {
		closeQ()
		q, marked = stripQuestionLabel(q)
		r.keepCode(q, r.questionCode)
		cur, curLine = &content.FAQEntry{Question: q}, line
		if orphans != nil {
			cur.Answer, orphans = orphans, nil
		}
	}
	var ln int
	answer := func(ts ...content.Text) {
		if cur == nil {
			if orphanLine == 0 {
				orphanLine = ln
			}
			orphans = append(orphans, ts...)
			return
		}
		if len(cur.Answer) == 0 && len(ts) > 0 {
			// The answer's "A:" label ("R:", "Antwort:"); "A." only
			// after a labelled question.
			p := ts[0].Plain()
			if n := vocab.AnswerLabel(p); n > 0 && (marked || strings.ContainsAny(p[:n], ":：")) {
				ts = append([]content.Text{trimPrefix(ts[0], n)}, ts[1:]...)
			}
		}
		cur.Answer = append(cur.Answer, ts...)
	}
	// An FAQ written with question headings has its answers under them,
	// bold or not; there a bold line is a question only when it says so,
	// with a "Q:" label or a question mark.
	headings := slices.ContainsFunc(nodes, func(n ast.Node) bool { _, ok := n.(*ast.Heading); return ok })
	for _, n := range nodes {
		ln = r.lineOf(n)
		switch n := n.(type) {
		case *ast.Heading:
			if q := r.headingText(n); q != "" {
				open(q, ln)
			}
		case *ast.Paragraph:
			ls := r.inlines(n)
			if len(ls) == 0 {
				continue
			}
			r.questionCode = codeIn(joinLines(ls))
			first := plainOf(ls[0].text)
			labelled := vocab.QuestionLabel(first) > 0
			if q, rest, ok := leadQuestion(ls); ok && labelled && asks(q) {
				// "**Q3. Who is Harriet?** A friend.": the labelled
				// question in bold, its answer after it (the answer was
				// run into the question, which had none).
				open(q, ln)
				answer(rest)
				continue
			}
			if labelled || allStrong(ls[0].text) && (!headings || asks(first)) {
				if q, a, ok := vocab.InlineAnswer(first); ok && labelled && len(ls) == 1 {
					// "Q: Why? A: Because." on one line.
					open(q, ln)
					answer(content.Plain(a))
					continue
				}
				open(first, ln)
				if len(ls) > 1 {
					answer(joinLines(ls[1:]))
				}
				continue
			}
			if q, rest, ok := leadQuestion(ls); ok {
				// "**Is Emma likeable?** Austen thought …"
				open(q, ln)
				answer(rest)
				continue
			}
			answer(joinLines(ls))
		case *ast.HTMLBlock:
			raw := commentRE.ReplaceAllString(r.rawHTML(n), "")
			if m := summaryRE.FindStringSubmatchIndex(raw); m != nil {
				q := strings.Join(strings.Fields(unescape([]byte(tagRE.ReplaceAllString(raw[m[2]:m[3]], " ")))), " ")
				if q != "" {
					open(q, ln)
				}
				rest := strings.Join(strings.Fields(unescape([]byte(tagRE.ReplaceAllString(raw[m[1]:], " ")))), " ")
				if rest != "" {
					answer(content.Plain(rest))
				}
				continue
			}
			answer(r.htmlText(n)...)
		case *ast.ThematicBreak:
		case *east.DefinitionList:
			// "Who narrates?" / ":   Lockwood and Nelly Dean." (pandoc's
			// and PHP Markdown Extra's form): each term a question, its
			// descriptions the answer; a term that does not ask is the
			// answer's text.
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				switch c := c.(type) {
				case *east.DefinitionTerm:
					t := joinLines(r.inlines(c)).TrimSpace()
					r.questionCode = codeIn(t)
					if q := plainOf(t); asks(q) || vocab.QuestionLabel(q) > 0 {
						open(q, r.lineOf(c))
					} else if t != nil {
						answer(t)
					}
				case *east.DefinitionDescription:
					answer(r.flatten(c)...)
				}
			}
		case *ast.Blockquote:
			if typ := r.calloutType(n); questionCallout(typ) {
				_, title, first, rest, _ := r.callout(n)
				// "> [!faq]- Why …?" and its answer.
				if title != nil {
					r.questionCode = codeIn(title)
					open(strings.TrimSpace(title.Plain()), ln)
				}
				if len(first) > 0 {
					answer(joinLines(first))
				}
				for _, c := range rest {
					answer(r.flatten(c)...)
				}
				continue
			}
			answer(r.flatten(n)...)
		default:
			if l, ok := n.(*ast.List); ok && r.questionList(l, open, answer) {
				continue
			}
			if _, ok := n.(*ast.List); ok {
				r.note(ln, "an FAQ answer holds paragraphs only; read the list's items as paragraphs")
			}
			answer(r.flatten(n)...)
		}
	}
	closeQ()
	if orphans != nil {
		r.warn(orphanLine, "the FAQ has text but no question; it was read into the synopsis")
		g.Synopsis = append(g.Synopsis, orphans...)
	}
}

// verseLike: lines set as verse is — two or more, each short, each after
// the first opening with a capital (after any quotation mark), none ending
// in a hyphen. Prose wrapped by an editor runs on in lower case.
func verseLike(ls []line) bool {
	if len(ls) < 2 {
		return false
	}
	for i, l := range ls {
		s := strings.TrimSpace(l.text.Plain())
		if s == "" || utf8.RuneCountInString(s) > 60 || strings.HasSuffix(s, "-") {
			return false
		}
		if i == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "\"'“‘«„¿¡([—–- "))
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// details reads a <details> disclosure that starts at nodes[i]: its
// <summary>, and the text it hides — in the same HTML block
// ("<details><summary>Q</summary>A</details>") or in the Markdown blocks
// after it up to "</details>". end is the index of its last node.
func (r *reader) details(nodes []ast.Node, i int) (summary string, hidden []content.Text, end int, ok bool) {
	raw := commentRE.ReplaceAllString(r.rawHTML(nodes[i].(*ast.HTMLBlock)), "")
	m := summaryRE.FindStringSubmatchIndex(raw)
	if m == nil {
		return "", nil, i, false
	}
	summary = htmlLine(raw[m[2]:m[3]])
	if summary == "" {
		return "", nil, i, false
	}
	rest := raw[m[1]:]
	closed := false
	if k := strings.Index(strings.ToLower(rest), "</details"); k >= 0 {
		rest, closed = rest[:k], true
	}
	if s := htmlLine(rest); s != "" {
		hidden = append(hidden, content.Plain(s))
	}
	end = i
	for j := i + 1; !closed && j < len(nodes); j++ {
		if h, ok := nodes[j].(*ast.HTMLBlock); ok {
			raw := commentRE.ReplaceAllString(r.rawHTML(h), "")
			if summaryRE.MatchString(raw) {
				break // the next disclosure: this one was not closed
			}
			if k := strings.Index(strings.ToLower(raw), "</details"); k >= 0 {
				if s := htmlLine(raw[:k]); s != "" {
					hidden = append(hidden, content.Plain(s))
				}
				end = j
				break
			}
		}
		hidden = append(hidden, r.flatten(nodes[j])...)
		end = j
	}
	return summary, hidden, end, true
}

// disclosureAt reads a disclosure that starts at nodes[i], a <details>
// (details) or a callout that asks ("> [!faq]- Why…?"): its summary, the
// text it hides and the index of its last node.
func (r *reader) disclosureAt(nodes []ast.Node, i int) (summary string, hidden []content.Text, end int, ok bool) {
	switch n := nodes[i].(type) {
	case *ast.HTMLBlock:
		return r.details(nodes, i)
	case *ast.Blockquote:
		if typ, title, first, rest, ok := r.callout(n); ok {
			if q, hidden, ok := r.questionAnswer(typ, title, first, rest); ok {
				r.keepCode(q, codeIn(title))
				return q, hidden, i, true
			}
		}
	}
	return "", nil, i, false
}

// closingDisclosures is where the disclosures that end a section's own
// blocks start in nodes (len(nodes) when they do not end it): a run of
// <details> (or callouts that ask) with nothing after it but the
// section's subsections. Read quietly: they are read again.
func (r *reader) closingDisclosures(nodes []ast.Node) int {
	start := len(nodes)
	r.quietly(func() {
		for i := 0; i < len(nodes); i++ {
			if _, _, end, ok := r.disclosureAt(nodes, i); ok {
				if start == len(nodes) {
					start = i
				}
				i = end
				continue
			}
			start = len(nodes)
		}
	})
	return start
}

// disclosedSections reads the disclosures that end a section (nodes, from
// closingDisclosures) as its subsections: each summary a heading over the
// text it hides, shown, as a demanding reader expects of a page that has
// nothing to open — a question ("Why is Buck stolen?") over its answer,
// as FAQ entries are set, or a label ("Spoiler: the ending") over its
// text, which the contents, the PDF's bookmarks and a screen reader's
// headings then list. (In bold paragraphs, as a <details> in the middle
// of a section stays, the summary was no heading: it could not be found
// or skipped to, and read as a line of the text.)
func (r *reader) disclosedSections(nodes []ast.Node, title string) []content.Section {
	var out []content.Section
	for i := 0; i < len(nodes); i++ {
		summary, hidden, end, _ := r.disclosureAt(nodes, i)
		s := content.Section{Title: summary}
		for _, t := range hidden {
			s.Blocks = append(s.Blocks, content.Block{Kind: content.Paragraph, Text: t})
		}
		out = append(out, s)
		i = end
	}
	what := "disclosure (<details>, or a callout that asks) that ends"
	if len(out) > 1 {
		what = strconv.Itoa(len(out)) + " disclosures (<details>, or callouts that ask) that end"
	}
	r.note(r.lineOf(nodes[0]), "read the %s the section %q as its subsections: each summary a heading over the text it hides, shown (an EPUB or a PDF page has nothing to open); in the middle of a section one is its summary in bold over its text", what, title)
	return out
}

// htmlLine is the text of an HTML fragment on one line, tags left out.
func htmlLine(s string) string {
	return strings.Join(strings.Fields(unescape([]byte(tagRE.ReplaceAllString(s, " ")))), " ")
}

// disclosure reads a <details> outside the FAQ as the model can hold it,
// open: in a discussion section a question is a labelled question, which
// vocab.Prompts makes the section's next prompt, its answer a paragraph
// under it; anywhere else the summary is a paragraph in bold over the
// paragraphs it hid. Read as one paragraph, the question and its answer
// ran together.
func (r *reader) disclosure(what, summary string, hidden []content.Text, line int) []content.Block {
	var out []content.Block
	if r.discussion && asks(summary) {
		if vocab.QuestionLabel(summary) == 0 {
			summary = "Q: " + summary // the label Prompts reads, and takes off
		}
		out = append(out, content.Block{Kind: content.Paragraph, Text: content.Plain(summary)})
	} else {
		out = append(out, content.Block{Kind: content.Paragraph, Text: content.Text{{Text: summary, Strong: true}}})
		r.note(line, "read the %s %q as its summary in bold over the text it hides, shown (an EPUB or a PDF page has nothing to open); under an FAQ heading a question so written is an FAQ entry", what, clip(summary, 60))
	}
	for _, t := range hidden {
		out = append(out, content.Block{Kind: content.Paragraph, Text: t})
	}
	return out
}
