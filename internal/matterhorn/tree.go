package matterhorn

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/guidepress/guidepress/internal/pdfobj"
)

// elem is a structure element as the checker reads it.
type elem struct {
	num    int    // object number, 0 for a direct dictionary
	raw    string // /S as written
	typ    string // /S through the role map
	dict   pdfobj.Dict
	parent *elem
	kids   []*elem
	mcids  int // marked-content kids
	objrs  []int
}

func (e *elem) where() string {
	if e.num > 0 {
		return fmt.Sprintf("structure element %s (object %d)", e.raw, e.num)
	}
	return "structure element " + e.raw
}

// standard are the structure types of ISO 32000-1 §14.8.4.
var standard = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
		P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
		Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		standard[s] = true
	}
}

func (c *checker) readRoleMap(rm pdfobj.Dict) {
	c.roleMap = map[string]string{}
	for k, v := range rm {
		if n, ok := c.f.Resolve(v).(pdfobj.Name); ok {
			c.roleMap[string(k)] = string(n)
		}
	}
	for k := range c.roleMap {
		if standard[k] {
			c.fail("role-remapped", "/RoleMap", "the standard type %s is remapped to %s", k, c.roleMap[k])
		}
	}
	for k := range c.roleMap {
		seen := map[string]bool{k: true}
		for t := k; ; {
			next, ok := c.roleMap[t]
			if !ok {
				break
			}
			if seen[next] {
				c.fail("role-circular", "/RoleMap", "the mapping of %s is circular", k)
				break
			}
			seen[next], t = true, next
			if standard[t] {
				break
			}
		}
	}
}

// mapRole is t through the role map, or "" when it ends on no standard
// type (or loops).
func (c *checker) mapRole(t string) string {
	for range len(c.roleMap) + 1 {
		if standard[t] {
			return t
		}
		next, ok := c.roleMap[t]
		if !ok {
			return ""
		}
		t = next
	}
	if standard[t] {
		return t
	}
	return ""
}

// readTree reads the structure tree into c.tree, recording which element
// claims each MCID and each annotation.
func (c *checker) readTree() {
	str := c.f.Dict(c.root["StructTreeRoot"])
	if str == nil {
		c.fail("struct-tree", "catalogue", "no /StructTreeRoot: the document is not tagged")
		return
	}
	c.readRoleMap(c.f.Dict(str["RoleMap"]))
	c.claims = map[int]map[int]*elem{}
	c.objrs = map[int]*elem{}
	c.elemByNum = map[int]*elem{}
	c.tree = &elem{raw: "StructTreeRoot", typ: "StructTreeRoot", dict: str}
	seen := map[int]bool{}
	var kids func(parent *elem, k pdfobj.Object, pg int, depth int)
	kids = func(parent *elem, k pdfobj.Object, pg int, depth int) {
		if depth > 256 {
			c.fail("struct-tree", parent.where(), "the structure tree is nested too deeply")
			return
		}
		if a, ok := k.(pdfobj.Array); ok {
			for _, x := range a {
				kids(parent, x, pg, depth)
			}
			return
		}
		if r, ok := k.(pdfobj.Ref); ok {
			if a, ok := c.f.Resolve(r).(pdfobj.Array); ok {
				kids(parent, a, pg, depth)
				return
			}
		}
		switch v := c.f.Resolve(k).(type) {
		case nil:
			return
		case int:
			c.claim(parent, pg, v)
			return
		case pdfobj.Dict:
			num := 0
			if r, ok := k.(pdfobj.Ref); ok {
				num = r.Num
			}
			switch t, _ := v["Type"].(pdfobj.Name); t {
			case "MCR":
				p := pg
				if r, ok := v["Pg"].(pdfobj.Ref); ok {
					p = r.Num
				}
				if mcid, ok := c.f.Resolve(v["MCID"]).(int); ok {
					c.claim(parent, p, mcid)
				}
				return
			case "OBJR":
				if r, ok := v["Obj"].(pdfobj.Ref); ok {
					parent.objrs = append(parent.objrs, r.Num)
					c.objrs[r.Num] = parent
				}
				return
			}
			if num > 0 {
				if seen[num] {
					c.fail("struct-tree", parent.where(), "structure element object %d appears twice in the tree", num)
					return
				}
				seen[num] = true
			}
			s, _ := v["S"].(pdfobj.Name)
			e := &elem{num: num, raw: string(s), dict: v, parent: parent}
			e.typ = c.mapRole(e.raw)
			if e.typ == "" {
				c.fail("role-nonstandard", e.where(), "the type %s is neither standard nor role-mapped to a standard type", e.raw)
				e.typ = e.raw
			}
			if num > 0 {
				c.elemByNum[num] = e
			}
			parent.kids = append(parent.kids, e)
			p := pg
			if r, ok := v["Pg"].(pdfobj.Ref); ok {
				p = r.Num
			}
			kids(e, v["K"], p, depth+1)
		default:
			c.fail("struct-tree", parent.where(), "a kid of type %T", v)
		}
	}
	kids(c.tree, str["K"], 0, 0)
}

func (c *checker) claim(e *elem, page, mcid int) {
	e.mcids++
	m := c.claims[page]
	if m == nil {
		m = map[int]*elem{}
		c.claims[page] = m
	}
	if other, ok := m[mcid]; ok && other != e {
		c.fail("mcid-duplicate", e.where(), "MCID %d of page object %d is also claimed by %s", mcid, page, other.where())
		return
	}
	m[mcid] = e
}

// parentTree is the value of key k in the parent tree (a number tree).
func (c *checker) parentTree(k int) pdfobj.Object {
	str := c.f.Dict(c.root["StructTreeRoot"])
	var find func(n pdfobj.Dict, depth int) pdfobj.Object
	find = func(n pdfobj.Dict, depth int) pdfobj.Object {
		if n == nil || depth > 32 {
			return nil
		}
		if nums, ok := c.f.Resolve(n["Nums"]).(pdfobj.Array); ok {
			for i := 0; i+1 < len(nums); i += 2 {
				if key, ok := nums[i].(int); ok && key == k {
					return nums[i+1]
				}
			}
		}
		kids, _ := c.f.Resolve(n["Kids"]).(pdfobj.Array)
		for _, kid := range kids {
			kd := c.f.Dict(kid)
			if lim, ok := c.f.Resolve(kd["Limits"]).(pdfobj.Array); ok && len(lim) == 2 {
				lo, _ := lim[0].(int)
				hi, _ := lim[1].(int)
				if k < lo || k > hi {
					continue
				}
			}
			if v := find(kd, depth+1); v != nil {
				return v
			}
		}
		return nil
	}
	return find(c.f.Dict(str["ParentTree"]), 0)
}

// structure checks the element types' rules over the whole tree.
func (c *checker) structure() {
	var headings []*elem
	var walk func(e *elem)
	walk = func(e *elem) {
		switch e.typ {
		case "Figure", "Formula":
			if !c.hasText(e.dict, "Alt") && !c.hasText(e.dict, "ActualText") {
				c.fail("figure-alt", e.where(), "no /Alt or /ActualText")
			}
		case "H", "H1", "H2", "H3", "H4", "H5", "H6":
			headings = append(headings, e)
		case "L":
			if !kidsIn(e, "LI", "L", "Caption") || !hasKid(e, "LI") {
				c.fail("list-structure", e.where(), "an L holds %s (LI and an optional Caption expected)", kidTypes(e))
			}
		case "LI":
			if e.parent.typ != "L" || !kidsIn(e, "Lbl", "LBody") || len(e.kids) == 0 || e.mcids > 0 {
				c.fail("list-structure", e.where(), "an LI in %s holds %s (Lbl and LBody expected, in an L)", e.parent.typ, kidTypes(e))
			}
		case "LBody":
			if e.parent.typ != "LI" {
				c.fail("list-structure", e.where(), "an LBody in %s (in an LI expected)", e.parent.typ)
			}
		case "Table":
			if !kidsIn(e, "TR", "THead", "TBody", "TFoot", "Caption") {
				c.fail("table-structure", e.where(), "a Table holds %s", kidTypes(e))
			}
		case "THead", "TBody", "TFoot":
			if e.parent.typ != "Table" || !kidsIn(e, "TR") {
				c.fail("table-structure", e.where(), "a %s in %s holds %s", e.typ, e.parent.typ, kidTypes(e))
			}
		case "TR":
			switch e.parent.typ {
			case "Table", "THead", "TBody", "TFoot":
			default:
				c.fail("table-structure", e.where(), "a TR in %s", e.parent.typ)
			}
			if !kidsIn(e, "TH", "TD") || e.mcids > 0 {
				c.fail("table-structure", e.where(), "a TR holds %s (TH and TD expected)", kidTypes(e))
			}
		case "TH", "TD":
			if e.parent.typ != "TR" {
				c.fail("table-structure", e.where(), "a %s in %s (in a TR expected)", e.typ, e.parent.typ)
			}
			if e.typ == "TH" && !c.hasScope(e.dict) {
				c.fail("th-scope", e.where(), "a TH without a /Scope attribute")
			}
		case "TOC":
			if !kidsIn(e, "TOC", "TOCI", "Caption") {
				c.fail("toc-structure", e.where(), "a TOC holds %s", kidTypes(e))
			}
		case "TOCI":
			if e.parent.typ != "TOC" || !kidsIn(e, "Lbl", "Reference", "P", "NonStruct", "TOC") {
				c.fail("toc-structure", e.where(), "a TOCI in %s holds %s (Lbl, Reference, P, NonStruct or TOC expected)", e.parent.typ, kidTypes(e))
			}
		}
		for _, k := range e.kids {
			walk(k)
		}
	}
	walk(c.tree)
	numbered, plain := false, false
	last := 0
	for i, h := range headings {
		if h.typ == "H" {
			plain = true
			continue
		}
		numbered = true
		lvl, _ := strconv.Atoi(h.typ[1:])
		if last == 0 && lvl != 1 {
			c.fail("heading-first", h.where(), "the first numbered heading is %s, not H1", h.typ)
		} else if last > 0 && lvl > last+1 {
			c.fail("heading-skip", h.where(), "%s follows %s (heading %d of %d): a level is skipped", h.typ, headings[i-1].typ, i+1, len(headings))
		}
		last = lvl
	}
	if numbered && plain {
		c.fail("heading-mixed", "structure tree", "both H and H1–H6 are used")
	}
}

func kidsIn(e *elem, types ...string) bool {
	for _, k := range e.kids {
		ok := false
		for _, t := range types {
			if k.typ == t {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func hasKid(e *elem, t string) bool {
	for _, k := range e.kids {
		if k.typ == t {
			return true
		}
	}
	return false
}

func kidTypes(e *elem) string {
	var s []string
	for _, k := range e.kids {
		s = append(s, k.typ)
	}
	if e.mcids > 0 {
		s = append(s, fmt.Sprintf("%d marked-content sequences", e.mcids))
	}
	if len(s) == 0 {
		return "nothing"
	}
	return strings.Join(s, ", ")
}

func (c *checker) hasText(d pdfobj.Dict, key pdfobj.Name) bool {
	s, ok := c.f.Get(d, key).(pdfobj.String)
	return ok && len(s) > 0 && string(s) != "\xfe\xff"
}

// hasScope says whether an element's attributes (/A: a dictionary, or an
// array of dictionaries and revision numbers) give a /Scope.
func (c *checker) hasScope(d pdfobj.Dict) bool {
	a := c.f.Resolve(d["A"])
	list, ok := a.(pdfobj.Array)
	if !ok {
		list = pdfobj.Array{a}
	}
	for _, x := range list {
		ad := c.f.Dict(x)
		if _, ok := c.f.Get(ad, "Scope").(pdfobj.Name); ok {
			return true
		}
	}
	return false
}
