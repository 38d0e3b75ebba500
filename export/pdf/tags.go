package pdf

import (
	"fmt"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
)

// Tagged PDF: a screen reader (and a reflowing viewer, and "save as
// text") reads a PDF through its structure tree, not by guessing from
// glyph positions. Every text item is drawn inside a marked-content
// sequence with an MCID that a structure element (H1, P, BlockQuote,
// TOCI, …) claims; everything else — running headers, page numbers,
// rules, tints, leaders, the drawn quotation marks — is an /Artifact, so
// it is skipped rather than read out between two sentences. render
// records what it drew in a tagger; optimize writes the tree
// (StructTreeRoot, ParentTree, the elements) and marks the catalogue.
//
// Each contents entry is a TOCI holding a Link, which owns both the
// entry's text and its link annotations (fpdf writes those inline in the
// page; optimize makes them objects so that the Link can refer to them
// and they to it, as PDF/UA asks).

// structElem is one element of the tree, in reading order.
type structElem struct {
	role   string
	parent int // index of the grouping element (a TOC), or -1 for the Document
	kids   []mcRef
	annots []int // global indexes of the link annotations it owns
	group  bool  // a grouping element: its children are elements, not content
}

type mcRef struct{ page, mcid int }

type tagger struct {
	elems   []structElem
	byBlock map[int]int // layout block → element
	pages   [][]int     // per page, the element that owns each MCID
	open    bool        // a marked-content sequence is open
	art     bool        // … and it is an artifact
	cur     int         // … otherwise the element it belongs to
	toc     int         // the open TOC group, or -1
	// annots lists, page by page, the element owning each link
	// annotation in the order render adds them; annotPage is the page of
	// each annotation, by global index.
	annots    [][]int
	annotPage []int
	buf       []byte
}

func newTagger() *tagger { return &tagger{byBlock: map[int]int{}, toc: -1} }

// role is the structure type of an item, or "" for an artifact.
func role(it *Item) string {
	if it.fill || it.dotted || it.mark {
		return ""
	}
	switch it.Kind {
	case Heading, Question:
		return "H" + strconv.Itoa(min(it.Level, 5)+1)
	case Line:
		return "P"
	case QuoteLine:
		return "BlockQuote"
	case TOCLine, TOCNumber:
		return "TOCI"
	case Display:
		if it.title {
			return "H1"
		}
		return "P"
	}
	return "" // Header, Footer, Rule, Callout box
}

// page starts page n (0-based).
func (t *tagger) page() {
	t.pages = append(t.pages, nil)
	t.annots = append(t.annots, nil)
}

// link records a link annotation render added for it.
func (t *tagger) link(it *Item) {
	e, ok := t.byBlock[it.Block]
	pg := len(t.pages) - 1
	if !ok || it.Block < 0 {
		e = -1 // not expected: optimize refuses to write such a tree
	} else {
		t.elems[e].annots = append(t.elems[e].annots, len(t.annotPage))
	}
	t.annots[pg] = append(t.annots[pg], e)
	t.annotPage = append(t.annotPage, pg)
}

// item opens the marked-content sequence for it, closing the previous one
// when it belongs elsewhere. Lines of one paragraph share one sequence.
func (t *tagger) item(p *fpdf.Fpdf, it *Item) {
	r := role(it)
	if r == "" {
		if t.open && t.art {
			return
		}
		t.close(p)
		p.RawWriteStr("/Artifact BMC")
		t.open, t.art = true, true
		return
	}
	e := t.element(it, r)
	if t.open && !t.art && t.cur == e {
		return
	}
	t.close(p)
	pg := len(t.pages) - 1
	mcid := len(t.pages[pg])
	t.pages[pg] = append(t.pages[pg], e)
	t.elems[e].kids = append(t.elems[e].kids, mcRef{pg, mcid})
	t.buf = append(t.buf[:0], '/')
	t.buf = append(t.buf, t.elems[e].role...)
	t.buf = append(t.buf, " <</MCID "...)
	t.buf = strconv.AppendInt(t.buf, int64(mcid), 10)
	t.buf = append(t.buf, ">> BDC"...)
	p.RawWriteStr(string(t.buf))
	t.open, t.art, t.cur = true, false, e
}

// element is the element an item belongs to, created on first sight.
// Consecutive contents entries are gathered under one TOC element.
func (t *tagger) element(it *Item, r string) int {
	if it.Block >= 0 {
		if e, ok := t.byBlock[it.Block]; ok {
			return e
		}
	}
	parent := -1
	if r == "TOCI" {
		if t.toc < 0 {
			t.elems = append(t.elems, structElem{role: "TOC", parent: -1, group: true})
			t.toc = len(t.elems) - 1
		}
		t.elems = append(t.elems, structElem{role: "TOCI", parent: t.toc, group: true})
		parent, r = len(t.elems)-1, "Link"
	} else {
		t.toc = -1
	}
	t.elems = append(t.elems, structElem{role: r, parent: parent})
	e := len(t.elems) - 1
	if it.Block >= 0 {
		t.byBlock[it.Block] = e
	}
	return e
}

// close ends the open sequence; render calls it at the end of each page.
func (t *tagger) close(p *fpdf.Fpdf) {
	if t.open {
		p.RawWriteStr("EMC")
		t.open = false
	}
}

// objectCount is the number of objects structObjects writes.
func (t *tagger) objectCount() int { return 3 + len(t.elems) }

// structObjects are the tree's objects, numbered from base: the root,
// the parent tree, the Document element, then one per element. pageNum
// gives page i's object number, annotBase the number of the first link
// annotation (they are numbered in order). The second result is the
// root's number. Parent-tree keys: page i is i, annotation k is pages+k.
func (t *tagger) structObjects(base, annotBase int, pageNum []int) ([][]byte, int, error) {
	if len(t.pages) != len(pageNum) {
		return nil, 0, fmt.Errorf("pdf: tagged %d pages but the file has %d", len(t.pages), len(pageNum))
	}
	root, ptree, doc := base, base+1, base+2
	num := func(e int) int { return base + 3 + e }
	objs := make([][]byte, 0, 3+len(t.elems))
	objs = append(objs, fmt.Appendf(nil, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", doc, ptree, len(t.pages)+len(t.annotPage)))

	b := []byte("<</Nums [")
	for i, mc := range t.pages {
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, " ["...)
		for j, e := range mc {
			if j > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(num(e)), 10)
			b = append(b, " 0 R"...)
		}
		b = append(b, "] "...)
	}
	k := len(t.pages)
	for _, mc := range t.annots {
		for _, e := range mc {
			if e < 0 {
				return nil, 0, fmt.Errorf("pdf: a link annotation belongs to no structure element")
			}
			b = fmt.Appendf(b, "%d %d 0 R ", k, num(e))
			k++
		}
	}
	objs = append(objs, append(b, "]>>"...))

	b = fmt.Appendf(nil, "<</Type /StructElem /S /Document /P %d 0 R /K [", root)
	children := make([][]int, len(t.elems))
	first := true
	for e, el := range t.elems {
		if el.parent >= 0 {
			children[el.parent] = append(children[el.parent], e)
			continue
		}
		if !first {
			b = append(b, ' ')
		}
		first = false
		b = fmt.Appendf(b, "%d 0 R", num(e))
	}
	objs = append(objs, append(b, "]>>"...))

	for e, el := range t.elems {
		parent := doc
		if el.parent >= 0 {
			parent = num(el.parent)
		}
		b = fmt.Appendf(nil, "<</Type /StructElem /S /%s /P %d 0 R", el.role, parent)
		if el.group {
			b = append(b, " /K ["...)
			for j, c := range children[e] {
				if j > 0 {
					b = append(b, ' ')
				}
				b = fmt.Appendf(b, "%d 0 R", num(c))
			}
			objs = append(objs, append(b, "]>>"...))
			continue
		}
		if len(el.kids) == 0 {
			return nil, 0, fmt.Errorf("pdf: structure element %d (%s) has no content", e, el.role)
		}
		pg := el.kids[0].page
		b = fmt.Appendf(b, " /Pg %d 0 R /K [", pageNum[pg])
		for j, k := range el.kids {
			if j > 0 {
				b = append(b, ' ')
			}
			if k.page == pg {
				b = strconv.AppendInt(b, int64(k.mcid), 10)
			} else {
				b = fmt.Appendf(b, "<</Type /MCR /Pg %d 0 R /MCID %d>>", pageNum[k.page], k.mcid)
			}
		}
		for _, a := range el.annots {
			b = fmt.Appendf(b, " <</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>", annotBase+a, pageNum[t.annotPage[a]])
		}
		objs = append(objs, append(b, "]>>"...))
	}
	return objs, root, nil
}
