// Package tags builds the structure tree of a tagged PDF: the layout names
// the elements its text belongs to (Node), drawing marks each piece of
// content as an element's or as an artifact (Tagger.Mark), and the
// finishing pass writes the tree's objects (Tagger.StructObjects).
package tags

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

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

// structElem is one element of the tree, in reading order. A 4 MiB guide
// of one-line sections has about a million elements and two million
// children, held until the finishing pass writes them: an element is 20
// bytes (its role and attributes by index, its children a list in the
// tree's one array of them) where with its strings and a slice of
// children it was 64, and each child 12 in that array where in a slice
// of its own, grown as it was appended to, it was 16 to 32.
type structElem struct {
	role  uint16 // in Tagger.roles
	empty bool   // it may have no content at all (an empty table cell)
	// parent is the index of the parent element, or -1 for the Document.
	parent int32
	attrs  int32 // extra entries of its dictionary ("/A <<…>>"): Tagger.attrs[attrs-1], or none (0)
	// first and last are its children's first and last in Tagger.kids,
	// -1 for none: content, child elements and link annotations, in order.
	first, last int32
}

// kid is one child of an element: marked content (page a ≥ 0, MCID b),
// a child element (a = kidElem, b the element) or a link annotation (a =
// kidAnnot, b its global index). next is the element's next child in
// Tagger.kids, or -1.
type kid struct{ a, b, next int32 }

const (
	kidElem  = -1
	kidAnnot = -2
)

// Node is a structure element the layout asks for (a list and its
// items, a table cell, a link): items point to the node their text
// belongs to, and the tagger makes one element per node when it first
// meets it, its ancestors first. Items without a node are tagged by their
// kind and block (role).
type Node struct {
	Role   string
	Parent *Node
	Attrs  string
	// contents is a link's description (its annotations' /Contents).
	Contents string
	Empty    bool // may hold no content (an empty cell)
}

func NewNode(role string, parent *Node) *Node { return &Node{Role: role, Parent: parent} }

type Tagger struct {
	elems  chunked[structElem]
	kids   chunked[kid]
	roles  []string          // the elements' roles, each once
	roleOf map[string]uint16 // … and their indexes
	attrs  []string          // the elements' extra entries, in order
	// byBlock is, by layout block (numbered from 0 as laid out), its
	// element + 1, or 0. A slice, not a map: 195,699 one-line sections'
	// ~600,000 blocks spent 0.3 s in map lookups and held ~20 MB.
	byBlock []int32
	byNode  map[*Node]int
	// owners is, page after page, the element that owns each MCID;
	// pageStart[i] is page i's first in it. One slice for all pages:
	// a slice of its own a page was 32 bytes a page more (24 for its
	// header, 8 or more for its array) for the one or two MCIDs a page
	// of a long guide of one-line sections has (195,699 pages).
	owners    []int32
	pageStart []int32
	open      bool // a marked-content sequence is open
	art       bool // … and it is an artifact
	cur       int  // … otherwise the element it belongs to
	toc       int  // the open TOC group, or -1
	// figure, when set, owns everything drawn on the page (the cover).
	Figure *Node
	// annots lists, page by page, the element owning each link
	// annotation in the order render adds them; annotPage is the page of
	// each annotation, by global index, and annotText its /Contents.
	Annots    [][]int
	AnnotPage []int
	AnnotText []string
	// entryOf is, by annotation, its contents entry's element, or -1: an
	// entry's rows' printed texts (their annotations' AnnotText until
	// Complete) together describe each of its link annotations (the row
	// with the page number alone would say "4").
	entryOf []int32
	buf     []byte
	// labels is the catalogue's /PageLabels entry (layout.PageLabels), or "".
	Labels string
	// Langs gives the language of a layout block printed in another
	// language than the document's (layout.Layout.Langs): its element
	// gets /Lang.
	Langs map[int]string
}

func New() *Tagger {
	return &Tagger{byNode: map[*Node]int{}, roleOf: map[string]uint16{}, toc: -1}
}

// blockElem is block's element, if it has one.
func (t *Tagger) blockElem(block int) (int, bool) {
	if block < 0 || block >= len(t.byBlock) || t.byBlock[block] == 0 {
		return 0, false
	}
	return int(t.byBlock[block]) - 1, true
}

// setBlockElem records e as block's element.
func (t *Tagger) setBlockElem(block, e int) {
	if block >= len(t.byBlock) {
		t.byBlock = append(t.byBlock, make([]int32, block+1-len(t.byBlock))...)
	}
	t.byBlock[block] = int32(e + 1)
}

// Page starts page n (0-based).
func (t *Tagger) Page() {
	t.pageStart = append(t.pageStart, int32(len(t.owners)))
	t.Annots = append(t.Annots, nil)
}

// Link records a link annotation render added for a contents entry: a
// row of layout block block, which prints text.
func (t *Tagger) Link(block int, text string) {
	e, ok := t.blockElem(block)
	if !ok {
		e = -1 // not expected: optimize refuses to write such a tree
	}
	t.addAnnot(e, text)
	if e >= 0 {
		t.entryOf[len(t.entryOf)-1] = int32(e)
	}
}

// LinkNode records a link annotation render added for the Link element
// of n.
func (t *Tagger) LinkNode(n *Node) {
	t.addAnnot(t.nodeElem(n), n.Contents)
}

func (t *Tagger) addAnnot(e int, contents string) {
	pg := len(t.pageStart) - 1
	if e >= 0 {
		t.addKid(e, kid{a: kidAnnot, b: int32(len(t.AnnotPage))})
	}
	t.Annots[pg] = append(t.Annots[pg], e)
	t.AnnotPage = append(t.AnnotPage, pg)
	t.AnnotText = append(t.AnnotText, contents)
	t.entryOf = append(t.entryOf, -1)
}

// describeEntries gives every link annotation of a contents entry the
// entry's whole printed text ("Key Quotes 4"): its rows' texts, in the
// order they were drawn. (They were also kept in a map by entry while the
// pages were drawn: 195,699 contents entries, ~18 MB.)
func (t *Tagger) describeEntries() {
	var rows []int32 // the contents rows' annotations, by entry, each entry's in order
	for k, e := range t.entryOf {
		if e >= 0 {
			rows = append(rows, int32(k))
		}
	}
	slices.SortStableFunc(rows, func(a, b int32) int { return cmp.Compare(t.entryOf[a], t.entryOf[b]) })
	var texts []string
	for i := 0; i < len(rows); {
		j := i
		texts = texts[:0]
		for ; j < len(rows) && t.entryOf[rows[j]] == t.entryOf[rows[i]]; j++ {
			texts = append(texts, t.AnnotText[rows[j]])
		}
		desc := strings.Join(strings.Fields(strings.Join(texts, " ")), " ")
		for _, k := range rows[i:j] {
			t.AnnotText[k] = desc
		}
		i = j
	}
}

// Mark opens the marked-content sequence for an item of layout block
// block (-1 for none) whose structure type by its kind is role ("" for an
// artifact), closing the previous one when it belongs elsewhere; node,
// when not nil, is the element the item's text belongs to, seg the one a
// run of it belongs to (a link, a definition's term), and art marks text
// drawn again as a pagination artifact. Lines of one paragraph share one
// sequence.
func (t *Tagger) Mark(p *fpdf.Fpdf, role string, block int, node *Node, art bool, seg *Node) {
	if t.Figure != nil {
		seg = t.Figure
	}
	r := role
	if node != nil {
		r = node.Role
	}
	if seg != nil {
		r = seg.Role
	}
	if r == "" || art {
		if t.open && t.art {
			return
		}
		t.Close(p)
		p.RawWriteStr("/Artifact BMC")
		t.open, t.art = true, true
		return
	}
	var e int
	switch {
	case seg != nil:
		e = t.nodeElem(seg)
	case node != nil:
		e = t.nodeElem(node)
	default:
		e = t.element(block, r)
	}
	if t.open && !t.art && t.cur == e {
		return
	}
	t.Close(p)
	pg := len(t.pageStart) - 1
	mcid := len(t.owners) - int(t.pageStart[pg])
	t.owners = append(t.owners, int32(e))
	t.addKid(e, kid{a: int32(pg), b: int32(mcid)})
	t.buf = append(t.buf[:0], '/')
	t.buf = append(t.buf, t.roles[t.elems.at(e).role]...)
	t.buf = append(t.buf, " <</MCID "...)
	t.buf = strconv.AppendInt(t.buf, int64(mcid), 10)
	t.buf = append(t.buf, ">> BDC"...)
	p.RawWriteStr(string(t.buf))
	t.open, t.art, t.cur = true, false, e
}

// element is the element of layout block block, created on first sight.
// Consecutive contents entries are gathered under one TOC element.
func (t *Tagger) element(block int, r string) int {
	if block >= 0 {
		if e, ok := t.blockElem(block); ok {
			return e
		}
	}
	parent := -1
	if r == "TOCI" {
		// TOCI > Reference > Link: a TOCI holds only Lbl, Reference, P,
		// NonStruct or TOC (ISO 32000-1 Table 333, Matterhorn 09-006),
		// and a link annotation must sit in a Link (28-011).
		if t.toc < 0 {
			t.toc = t.newElem("TOC", -1, "", false)
		}
		toci := t.newElem("TOCI", t.toc, "", false)
		parent, r = t.newElem("Reference", toci, "", false), "Link"
	} else {
		t.toc = -1
	}
	attrs := ""
	if block >= 0 {
		if l := t.Langs[block]; l != "" {
			attrs = "/Lang (" + l + ")"
		}
	}
	e := t.newElem(r, parent, attrs, false)
	if block >= 0 {
		t.setBlockElem(block, e)
	}
	return e
}

// nodeElem is the element of n, created (after its ancestors) on first
// sight.
func (t *Tagger) nodeElem(n *Node) int {
	if e, ok := t.byNode[n]; ok {
		return e
	}
	parent := -1
	if n.Parent != nil {
		parent = t.nodeElem(n.Parent)
	}
	t.toc = -1
	e := t.newElem(n.Role, parent, n.Attrs, n.Empty)
	t.byNode[n] = e
	return e
}

// Touch makes sure the element of n exists, for an item that draws
// nothing (an empty table cell).
func (t *Tagger) Touch(n *Node) { t.nodeElem(n) }

// newElem adds an element as the last child of its parent (-1: the
// Document).
func (t *Tagger) newElem(role string, parent int, attrs string, empty bool) int {
	e := t.elems.n
	if parent >= 0 {
		t.addKid(parent, kid{a: kidElem, b: int32(e)})
	}
	r, ok := t.roleOf[role]
	if !ok {
		r = uint16(len(t.roles))
		t.roles = append(t.roles, role)
		t.roleOf[role] = r
	}
	el := structElem{role: r, empty: empty, parent: int32(parent), first: -1, last: -1}
	if attrs != "" {
		t.attrs = append(t.attrs, attrs)
		el.attrs = int32(len(t.attrs))
	}
	t.elems.add(el)
	return e
}

// addKid appends k to element e's children.
func (t *Tagger) addKid(e int, k kid) {
	el := t.elems.at(e)
	k.next = -1
	i := int32(t.kids.n)
	t.kids.add(k)
	if el.last < 0 {
		el.first = i
	} else {
		t.kids.at(int(el.last)).next = i
	}
	el.last = i
}

// chunked holds a tree's elements or children in chunks of elemChunk
// (the first grown as a slice is): one slice of them all, doubled as it
// grew, was copied whole at each doubling and left up to half its
// capacity unused (195,699 one-line sections make ~1.4 million elements).
type chunked[T any] struct {
	chunks [][]T
	n      int
}

const elemChunk = 1 << 12

func (c *chunked[T]) at(i int) *T { return &c.chunks[i/elemChunk][i%elemChunk] }

func (c *chunked[T]) add(v T) {
	if c.n%elemChunk == 0 && c.n > 0 {
		c.chunks = append(c.chunks, make([]T, 0, elemChunk))
	}
	if len(c.chunks) == 0 {
		c.chunks = [][]T{nil}
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, v)
	c.n++
}

// Close ends the open sequence; render calls it at the end of each page.
func (t *Tagger) Close(p *fpdf.Fpdf) {
	if t.open {
		p.RawWriteStr("EMC")
		t.open = false
	}
}

// ObjectCount is the number of objects structObjects writes.
func (t *Tagger) ObjectCount() int { return 3 + t.elems.n }

// StructObjects gives the tree's objects to emit, numbered from base:
// the root, the parent tree, the Document element, then one per element
// (after Complete; emit's i counts from 0; obj is valid only during the call, so that a
// long document's tree is never held as objects beside the tree: 195,699
// one-line sections made ~1.4 million, over 150 MB). pageNum gives page
// i's object number, annotBase the number of the first link annotation
// (they are numbered in order). The root is object base. Parent-tree
// keys: page i is i, annotation k is pages+k.
func (t *Tagger) StructObjects(base, annotBase int, pageNum []int, emit func(i int, obj []byte)) error {
	if len(t.pageStart) != len(pageNum) {
		return fmt.Errorf("pdf: tagged %d pages but the file has %d", len(t.pageStart), len(pageNum))
	}
	root, ptree, doc := base, base+1, base+2
	num := func(e int) int { return base + 3 + e }
	b := fmt.Appendf(nil, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", doc, ptree, len(t.pageStart)+len(t.AnnotPage))
	emit(0, b)

	// The parent tree is one object: a key and an array a page, a
	// reference a marked content and a key and a reference an
	// annotation. Sized for them, not grown to 16 MB by doubling for
	// 195,699 pages and 391,398 annotations (0.2 s).
	b = append(make([]byte, 0, 10*len(t.pageStart)+12*len(t.owners)+20*len(t.AnnotPage)+64), "<</Nums ["...)
	for i := range t.pageStart {
		mc := t.pageOwners(i)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, " ["...)
		for j, e := range mc {
			if j > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(num(int(e))), 10)
			b = append(b, " 0 R"...)
		}
		b = append(b, "] "...)
	}
	k := len(t.pageStart)
	for _, mc := range t.Annots {
		for _, e := range mc {
			if e < 0 {
				return fmt.Errorf("pdf: a link annotation belongs to no structure element")
			}
			b = strconv.AppendInt(b, int64(k), 10)
			b = append(ref(append(b, ' '), num(e)), ' ')
			k++
		}
	}
	emit(1, append(b, "]>>"...))

	b = fmt.Appendf(b[:0], "<</Type /StructElem /S /Document /P %d 0 R /K [", root)
	first := true
	for ci, ch := range t.elems.chunks {
		for j := range ch {
			if ch[j].parent >= 0 {
				continue
			}
			if !first {
				b = append(b, ' ')
			}
			first = false
			b = ref(b, num(ci*elemChunk+j))
		}
	}
	emit(2, append(b, "]>>"...))

	for ci, ch := range t.elems.chunks {
		for j := range ch {
			e, el := ci*elemChunk+j, &ch[j]
			parent := doc
			if el.parent >= 0 {
				parent = num(int(el.parent))
			}
			b = append(append(b[:0], "<</Type /StructElem /S /"...), t.roles[el.role]...)
			b = ref(append(b, " /P "...), parent)
			if el.attrs > 0 {
				b = append(append(b, ' '), t.attrs[el.attrs-1]...)
			}
			if el.first < 0 {
				if !el.empty {
					return fmt.Errorf("pdf: structure element %d (%s) has no content", e, t.roles[el.role])
				}
				emit(3+e, append(b, ">>"...))
				continue
			}
			pg := -1
			for k := el.first; k >= 0; {
				kd := t.kids.at(int(k))
				if kd.a >= 0 {
					pg = int(kd.a)
					break
				}
				k = kd.next
			}
			if pg >= 0 {
				b = ref(append(b, " /Pg "...), pageNum[pg])
			}
			b = append(b, " /K ["...)
			for k := el.first; k >= 0; {
				kd := t.kids.at(int(k))
				if k != el.first {
					b = append(b, ' ')
				}
				switch {
				case kd.a == kidElem:
					b = ref(b, num(int(kd.b)))
				case kd.a == kidAnnot:
					b = ref(append(b, "<</Type /OBJR /Obj "...), annotBase+int(kd.b))
					b = append(ref(append(b, " /Pg "...), pageNum[t.AnnotPage[kd.b]]), ">>"...)
				case int(kd.a) == pg:
					b = strconv.AppendInt(b, int64(kd.b), 10)
				default:
					b = ref(append(b, "<</Type /MCR /Pg "...), pageNum[kd.a])
					b = append(strconv.AppendInt(append(b, " /MCID "...), int64(kd.b), 10), ">>"...)
				}
				k = kd.next
			}
			emit(3+e, append(b, "]>>"...))
		}
	}
	return nil
}

// pageOwners is the element that owns each MCID of page i.
func (t *Tagger) pageOwners(i int) []int32 {
	end := len(t.owners)
	if i+1 < len(t.pageStart) {
		end = int(t.pageStart[i+1])
	}
	return t.owners[t.pageStart[i]:end]
}

// ref appends a reference to object n ("n 0 R"). The tree's objects are
// written with appends rather than fmt, whose arguments are allocated:
// four allocations an element.
func ref(b []byte, n int) []byte {
	return append(strconv.AppendInt(b, int64(n), 10), " 0 R"...)
}

// Complete is called once every page is drawn, before the annotations
// and StructObjects are written: it checks that the tree tagged pages
// pages and gives each contents entry's link its description (AnnotText).
func (t *Tagger) Complete(pages int) error {
	if len(t.pageStart) != pages {
		return fmt.Errorf("pdf: tagged %d pages but the file has %d", len(t.pageStart), pages)
	}
	t.describeEntries()
	return nil
}

// AppendText appends s as a PDF text string: a literal string when every
// byte is printable ASCII (PDFDocEncoding is ASCII there; '\\', '(' and
// ')' escaped), else HexText. A link annotation's /Contents is its
// entry's or its text's words: in UTF-16 hex, each ASCII letter took four
// digits, and 4 MiB of one-line sections' 391,398 link annotations were
// 82 MB of the object streams' 265 MB to compress.
func AppendText(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return HexText(dst, s)
		}
	}
	dst = append(dst, '(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '(', ')':
			dst = append(dst, '\\', c)
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, ')')
}

// HexText appends s as a PDF text string in hexadecimal: UTF-16BE with a
// byte order mark.
func HexText(dst []byte, s string) []byte {
	const digits = "0123456789ABCDEF"
	dst = append(dst, "<FEFF"...)
	var units [2]uint16
	for _, r := range s { // invalid UTF-8 is U+FFFD, as utf16.Encode([]rune(s)) had it
		for _, v := range utf16.AppendRune(units[:0], r) {
			dst = append(dst, digits[v>>12], digits[v>>8&15], digits[v>>4&15], digits[v&15])
		}
	}
	return append(dst, '>')
}
