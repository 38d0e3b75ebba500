package pdf

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/draw"
	"github.com/guidepress/guidepress/export/pdf/layout"
)

// wellFormedTag reports whether s matches ^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$,
// by hand: the expression, compiled in a package init, cost every
// guidepress process ~0.25 ms and 13 KB (1.1% of --version's perf samples).
func wellFormedTag(s string) bool {
	for i, part := range strings.Split(s, "-") {
		if i == 0 && (len(part) < 2 || len(part) > 3) || len(part) < 1 || len(part) > 8 {
			return false
		}
		for _, c := range []byte(part) {
			alpha := 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
			if !alpha && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// metadata fills the Info dictionary and the catalogue's /Lang. The
// guide's own author goes to Author only when the user or the input gave
// one (layout.Author): the
// novelist did not write the guide (DESIGN.md), so the book and its author
// go to Subject and Keywords instead.
//
// A document that claims PDF/UA-1 (ua: the handout, the worksheet and its
// answers; not the booklet, whose pages are all print artifacts) also
// gets the same fields as an XMP packet (xmpPacket) with the PDF/UA
// identifier, and the publisher, which the Info dictionary has no entry
// for.
func metadata(p *fpdf.Fpdf, g *content.Guide, opts export.Options, ua bool) {
	m := docMeta{
		title:     layout.Clean(g.Title),
		subject:   "A study guide to " + g.Book.Title,
		author:    layout.Clean(layout.Author(g, opts)),
		publisher: layout.Clean(layout.Publisher(g, opts)),
		lang:      g.Language,
		time:      opts.Time(),
	}
	if g.Book.Author != "" {
		m.subject += " by " + g.Book.Author
	}
	m.subject = layout.Clean(m.subject)
	kw := []string{"study guide", g.Book.Title}
	if g.Book.Author != "" {
		kw = append(kw, g.Book.Author)
	}
	kw = append(kw, "quotes", "FAQ")
	m.keywords = layout.Clean(strings.Join(kw, "; "))
	// fpdf writes /Lang unescaped, so only a well-formed tag goes in.
	if !wellFormedTag(m.lang) {
		m.lang = content.DefaultLanguage
	}

	p.SetTitle(draw.UTF16BE(m.title), false)
	p.SetSubject(draw.UTF16BE(m.subject), false)
	p.SetKeywords(draw.UTF16BE(m.keywords), false)
	p.SetCreator(draw.UTF16BE(creatorTool), false)
	p.SetProducer(draw.UTF16BE(Producer), false)
	if m.author != "" {
		p.SetAuthor(draw.UTF16BE(m.author), false)
	}
	p.SetLang(m.lang)
	if ua {
		p.SetXmpMetadata(xmpPacket(m))
	}
}

// creatorTool is the Info dictionary's /Creator and XMP's xmp:CreatorTool.
const creatorTool = "guidepress"

// docMeta is the document's metadata, once for the Info dictionary and the
// XMP packet, so that the two agree.
type docMeta struct {
	title, subject, keywords, author, publisher, lang string
	time                                              time.Time
}

// xmpPacket is the document's XMP metadata (ISO 16684-1) with the PDF/UA
// identification schema (ISO 14289-1 §5: pdfuaid:part 1). The values are
// those of the Info dictionary (dc:title = /Title, dc:description =
// /Subject, pdf:Keywords, dc:creator = /Author, xmp:CreatorTool =
// /Creator, pdf:Producer, the dates), escaped as XML text. It is stored
// uncompressed, as XMP asks, so that tools that scan files for packets
// find it; no padding (the file is never edited in place).
func xmpPacket(m docMeta) []byte {
	var b bytes.Buffer
	text := func(s string) { xml.EscapeText(&b, []byte(s)) }
	el := func(name, v string) {
		if v == "" {
			return
		}
		b.WriteString("<" + name + ">")
		text(v)
		b.WriteString("</" + name + ">\n")
	}
	// An rdf:Alt (language alternatives), rdf:Seq (ordered) or rdf:Bag.
	list := func(name, kind, v string, lang bool) {
		if v == "" {
			return
		}
		b.WriteString("<" + name + "><rdf:" + kind + "><rdf:li")
		if lang {
			b.WriteString(` xml:lang="x-default"`)
		}
		b.WriteString(">")
		text(v)
		b.WriteString("</rdf:li></rdf:" + kind + "></" + name + ">\n")
	}
	date := m.time.UTC().Format("2006-01-02T15:04:05Z")
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n" +
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" ` +
		`xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">` + "\n")
	el("pdfuaid:part", "1")
	el("dc:format", "application/pdf")
	list("dc:title", "Alt", m.title, true)
	list("dc:description", "Alt", m.subject, true)
	list("dc:creator", "Seq", m.author, false)
	list("dc:publisher", "Bag", m.publisher, false)
	list("dc:language", "Bag", m.lang, false)
	el("pdf:Keywords", m.keywords)
	el("pdf:Producer", Producer)
	el("xmp:CreatorTool", creatorTool)
	el("xmp:CreateDate", date)
	el("xmp:ModifyDate", date)
	b.WriteString("</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.Bytes()
}
