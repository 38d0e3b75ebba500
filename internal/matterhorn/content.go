package matterhorn

import (
	"fmt"

	"github.com/guidepress/guidepress/internal/pdfobj"
)

// drawing are the operators that put marks on the page: text showing,
// path painting (n ends a path without painting: a clip), shadings,
// XObjects and inline images.
var drawing = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true,
	"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true,
	"sh": true, "Do": true, "BI": true,
}

type mark int

const (
	markOther    mark = iota // marked content that is neither (a Span with /ActualText)
	markArtifact             // /Artifact
	markTagged               // has an MCID
)

// content checks page n's content stream: every drawing operator inside
// tagged content or an artifact, never one inside the other, each MCID
// once and claimed through the parent tree by the element whose kid it is.
func (c *checker) content(n int, p pdfobj.Page) {
	where := fmt.Sprintf("page %d (object %d)", n, p.Num)
	data, err := c.f.Contents(p)
	if err != nil {
		c.fail("content-untagged", where, "unreadable content: %v", err)
		return
	}
	ops, err := pdfobj.Ops(data)
	if err != nil {
		c.fail("content-untagged", where, "unreadable content: %v", err)
		return
	}
	var parents pdfobj.Array
	if sp, ok := c.f.Get(p.Dict, "StructParents").(int); ok && c.tree != nil {
		parents, _ = c.f.Resolve(c.parentTree(sp)).(pdfobj.Array)
	}
	var stack []mark
	inside := func(m mark) bool {
		for _, s := range stack {
			if s == m {
				return true
			}
		}
		return false
	}
	seen := map[int]bool{}
	untagged, first := 0, ""
	for i, op := range ops {
		switch op.Name {
		case "BMC", "BDC":
			tag, _ := arg(op, 0).(pdfobj.Name)
			m := markOther
			var props pdfobj.Dict
			if op.Name == "BDC" {
				switch v := arg(op, 1).(type) {
				case pdfobj.Dict:
					props = v
				case pdfobj.Name:
					props = c.f.Dict(c.f.Get(c.f.Dict(p.Resources["Properties"]), v))
				}
			}
			mcid, hasMCID := props["MCID"].(int)
			switch {
			case tag == "Artifact":
				m = markArtifact
				if inside(markTagged) {
					c.fail("content-artifact-in-tag", where, "an artifact inside tagged content (operator %d)", i)
				}
			case hasMCID:
				m = markTagged
				if inside(markArtifact) {
					c.fail("content-tag-in-artifact", where, "MCID %d inside an artifact", mcid)
				}
				c.mcid(where, p.Num, mcid, parents, seen)
			}
			stack = append(stack, m)
		case "EMC":
			if len(stack) == 0 {
				c.fail("content-unbalanced", where, "EMC without BMC/BDC (operator %d)", i)
				continue
			}
			stack = stack[:len(stack)-1]
		default:
			if drawing[op.Name] && !inside(markTagged) && !inside(markArtifact) {
				if untagged == 0 {
					first = fmt.Sprintf("%s (operator %d)", op.Name, i)
				}
				untagged++
			}
		}
	}
	if len(stack) > 0 {
		c.fail("content-unbalanced", where, "%d marked-content sequences left open", len(stack))
	}
	if untagged > 0 {
		c.fail("content-untagged", where, "%d drawing operators neither tagged nor artifacts, the first %s", untagged, first)
	}
}

func arg(op pdfobj.Op, i int) pdfobj.Object {
	if i < len(op.Args) {
		return op.Args[i]
	}
	return nil
}

// mcid checks one MCID of a page: once on the page, claimed by an
// element, and the parent tree's entry for it is that element.
func (c *checker) mcid(where string, page, mcid int, parents pdfobj.Array, seen map[int]bool) {
	if seen[mcid] {
		c.fail("mcid-duplicate", where, "MCID %d marks two sequences", mcid)
		return
	}
	seen[mcid] = true
	if c.tree == nil {
		return
	}
	owner := c.claims[page][mcid]
	if owner == nil {
		c.fail("mcid-unclaimed", where, "MCID %d belongs to no structure element", mcid)
		return
	}
	var got pdfobj.Object
	if mcid >= 0 && mcid < len(parents) {
		got = parents[mcid]
	}
	if r, ok := got.(pdfobj.Ref); !ok || owner.num == 0 || r.Num != owner.num {
		c.fail("mcid-unclaimed", where, "the parent tree does not give MCID %d's element (%s)", mcid, owner.where())
	}
}

// annotations checks page n's annotations: the page's tab order is the
// structure's, a link has a description and sits in a Link element
// (through its /StructParent and an OBJR), any other annotation in an
// Annot element.
func (c *checker) annotations(n int, p pdfobj.Page) {
	annots, _ := c.f.Get(p.Dict, "Annots").(pdfobj.Array)
	if len(annots) == 0 {
		return
	}
	where := fmt.Sprintf("page %d (object %d)", n, p.Num)
	switch t := c.f.Get(p.Dict, "Tabs").(type) {
	case nil:
		c.fail("tabs-missing", where, "a page with annotations has no /Tabs")
	case pdfobj.Name:
		if t != "S" {
			c.fail("tabs-not-s", where, "/Tabs is /%s, not /S", t)
		}
	}
	for _, a := range annots {
		num := 0
		if r, ok := a.(pdfobj.Ref); ok {
			num = r.Num
		}
		d := c.f.Dict(a)
		aw := fmt.Sprintf("annotation object %d on %s", num, where)
		st, _ := d["Subtype"].(pdfobj.Name)
		switch st {
		case "Popup", "Widget", "PrinterMark":
			continue
		}
		var owner *elem
		if sp, ok := c.f.Get(d, "StructParent").(int); ok && c.tree != nil {
			if r, ok := c.parentTree(sp).(pdfobj.Ref); ok {
				owner = c.elemByNum[r.Num]
			}
		}
		if st == "Link" {
			if s, _ := c.f.Get(d, "Contents").(pdfobj.String); len(s) == 0 || string(s) == "\xfe\xff" {
				c.fail("link-contents", aw, "a link without /Contents")
			}
			switch {
			case owner == nil:
				c.fail("link-struct", aw, "a link in no structure element (no /StructParent, or the parent tree does not say)")
			case owner.typ != "Link":
				c.fail("link-struct", aw, "a link in %s, not in a Link", owner.where())
			case num == 0 || c.objrs[num] != owner:
				c.fail("link-struct", aw, "%s has no OBJR for the link", owner.where())
			}
			continue
		}
		if owner == nil || owner.typ != "Annot" {
			c.fail("annot-struct", aw, "a %s annotation that is not in an Annot element", st)
		}
	}
}

// fonts checks every font the pages use: embedded, and mapped to Unicode.
func (c *checker) fonts(pages []pdfobj.Page) {
	done := map[pdfobj.Object]bool{}
	for n, p := range pages {
		fs := c.f.Dict(p.Resources["Font"])
		for name, ref := range fs {
			key := ref
			if _, ok := ref.(pdfobj.Ref); !ok {
				key = fmt.Sprintf("%d/%s", n, name)
			}
			if done[key] {
				continue
			}
			done[key] = true
			c.font(fmt.Sprintf("font /%s on page %d", name, n+1), c.f.Dict(ref))
		}
	}
}

func (c *checker) font(where string, d pdfobj.Dict) {
	st, _ := d["Subtype"].(pdfobj.Name)
	desc := d
	if st == "Type0" {
		df, _ := c.f.Get(d, "DescendantFonts").(pdfobj.Array)
		if len(df) == 0 {
			c.fail("font-embedded", where, "a Type0 font without a descendant font")
			return
		}
		desc = c.f.Dict(df[0])
	}
	if st != "Type3" {
		fd := c.f.Dict(desc["FontDescriptor"])
		embedded := false
		for _, k := range []pdfobj.Name{"FontFile", "FontFile2", "FontFile3"} {
			if _, ok := c.f.Get(fd, k).(*pdfobj.Stream); ok {
				embedded = true
			}
		}
		if !embedded {
			c.fail("font-embedded", where, "the font program is not embedded")
		}
	}
	if _, ok := c.f.Get(d, "ToUnicode").(*pdfobj.Stream); ok {
		return
	}
	switch e := c.f.Get(d, "Encoding").(type) {
	case pdfobj.Name:
		if st != "Type0" && (e == "WinAnsiEncoding" || e == "MacRomanEncoding" || e == "MacExpertEncoding") {
			return
		}
		if st == "Type0" && e != "Identity-H" && e != "Identity-V" {
			return // a predefined CMap of a registered character collection
		}
	case pdfobj.Dict:
		if st != "Type0" {
			return // base encoding with differences by glyph name
		}
	}
	c.fail("font-tounicode", where, "no /ToUnicode and no standard encoding: its text cannot be mapped to Unicode")
}
