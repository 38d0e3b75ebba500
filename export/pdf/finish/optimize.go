// Package finish is the last pass over the file fpdf wrote: the pages'
// content compacted and compressed (each as soon as it is drawn:
// PageStreams), the fonts and the structure tree added, the page tree
// balanced, and every object but the catalogue put in object streams with
// a cross-reference stream (PDF 1.5).
package finish

import (
	"bytes"
	"errors"
	"fmt"
	"hash"
	"slices"
	"strconv"
	"sync"

	"github.com/guidepress/guidepress/export/pdf/fontembed"
	"github.com/guidepress/guidepress/export/pdf/tags"
	"github.com/guidepress/guidepress/internal/adler"
	"github.com/guidepress/guidepress/internal/deflaters"
	"github.com/klauspost/compress/flate"
)

// Optimize is a last pass over the file fpdf wrote (with compression off),
// in the way qpdf would rewrite it, but knowing exactly what fpdf writes:
//
//   - The text of each page is set in one text object per run of lines
//     (relative Td moves, a font or colour only where it changes) instead
//     of fpdf's own text object, font selection and q/Q per line.
//   - Every stream fpdf left uncompressed (page contents, ToUnicode maps)
//     is Flate-compressed with a pooled writer (klauspost/compress,
//     faster than compress/zlib; deflaters, shared with the EPUB) at a
//     better level than fpdf's BestSpeed; fpdf allocates a new writer
//     (about 1 MB) per stream.
//   - The fonts are added (fpdf is given none: see package fontembed).
//   - Every other object but the catalogue goes into one compressed
//     object stream, with a cross-reference stream (PDF 1.5) in place of
//     the table.
//
// What a viewer draws and extracts is unchanged: the same glyphs at the
// same positions in the same colours, in the same order. Anything the pass
// does not recognise is copied as it is.
//
// The pages' content streams taken from fpdf as they were drawn (st, nil
// for none) are written in place of the empty ones fpdf left.
//
// fpdf's file is given in parts (fpdf.OutputChunks: one, or for a long
// document parts that each start with an object), which Optimize lets go
// of as it has copied them: they are not used after.
func Optimize(parts [][]byte, fs []fontembed.Font, toUnicode []byte, tg *tags.Tagger, st *PageStreams) ([]byte, error) {
	out, _, err := optimize(newFpdfFile(parts), fs, toUnicode, tg, st, false)
	return out, err
}

// OptimizePacked is Optimize of fpdf's file given as the parts pk kept
// deflated (the sink of fpdf.SetOutputChunks) and then the parts rest
// (fpdf.OutputChunks), which hold its trailer. pk is not used after.
func OptimizePacked(pk *Packed, rest [][]byte, fs []fontembed.Font, toUnicode []byte, tg *tags.Tagger, st *PageStreams) ([]byte, error) {
	out, _, err := optimizePacked(pk, rest, fs, toUnicode, tg, st, false)
	return out, err
}

// OptimizeSpill is OptimizePacked that gives a PDF written in chunks to
// a spool (a long one: see file) as a Spilled rather than joined: out is
// then nil. The caller closes it.
func OptimizeSpill(pk *Packed, rest [][]byte, fs []fontembed.Font, toUnicode []byte, tg *tags.Tagger, st *PageStreams) (out []byte, _ *Spilled, err error) {
	return optimizePacked(pk, rest, fs, toUnicode, tg, st, true)
}

func optimizePacked(pk *Packed, rest [][]byte, fs []fontembed.Font, toUnicode []byte, tg *tags.Tagger, st *PageStreams, spill bool) ([]byte, *Spilled, error) {
	return optimize(packedFpdfFile(pk, rest), fs, toUnicode, tg, st, spill)
}

func optimize(in *fpdfFile, fs []fontembed.Font, toUnicode []byte, tg *tags.Tagger, st *PageStreams, spill bool) (_ []byte, _ *Spilled, err error) {
	b, err := optimizeFile(in, fs, toUnicode, tg, st)
	if err != nil {
		return nil, nil, err
	}
	if spill {
		if s := b.spilled(); s != nil {
			return nil, s, nil
		}
	}
	out, err := b.bytes()
	return out, nil, err
}

// optimizeFile is Optimize's work; the file it returns is the caller's
// to join (bytes) or spill.
func optimizeFile(in *fpdfFile, fs []fontembed.Font, toUnicode []byte, tg *tags.Tagger, st *PageStreams) (_ *file, err error) {
	defer in.close() // read by the end
	st.Done()
	defer st.Close() // the streams are copied by the end
	if st != nil && st.err != nil {
		return nil, st.err
	}
	doc, err := parseFpdf(in)
	if err != nil {
		return nil, fmt.Errorf("pdf: re-reading fpdf's output: %w", err)
	}
	contents, pageIndex, pageNums, err := indexPages(in, doc)
	if err != nil {
		return nil, err
	}
	zw := st.writer()
	defer zpool.Put(zw)
	// The file is fpdf's dictionaries (less, once in object streams) and
	// the streams compressed already: sized so, it is one allocation,
	// where grown from half of fpdf's output it was a dozen (seed: 390 KB
	// for a 98 KB file).
	capacity := in.size/2 + 1024
	if st != nil {
		capacity = in.size + len(st.toUnicode) + 1024 + st.size()
		for _, z := range st.fontZ {
			capacity += len(z[0]) + len(z[1])
		}
	}
	out := newFile(capacity)
	defer func() {
		if err != nil {
			out.close()
		}
	}()
	header, err := in.at(0, doc.headerEnd)
	if err != nil {
		return nil, fmt.Errorf("pdf: re-reading fpdf's output: %w", err)
	}
	out.b = appendHeader(out.b, header)

	// Object numbers: fpdf's 1 … size-1, then the fonts' (a shared
	// ToUnicode map and CIDSystemInfo, fontembed.ObjectCount per face), the
	// object stream and the cross-reference stream.
	// Nothing after the objects are copied refers to fpdf's file (doc,
	// in): it is garbage while the fonts and the structure tree are
	// written (a 4 MiB guide of one-line sections: ~128 MB of it).
	docSize, trailer := doc.size, doc.trailerEntries()
	toUnicodeNum, sysInfoNum := docSize, docSize+1
	fontNum := func(i int) int { return docSize + 2 + fontembed.ObjectCount*i }
	structBase := docSize
	if len(fs) > 0 {
		structBase = fontNum(len(fs))
	}
	annotBase := structBase + tg.ObjectCount()
	structRoot := structBase
	if err := tg.Complete(len(pageNums)); err != nil {
		return nil, err
	}
	treeBase := annotBase + len(tg.AnnotPage)
	tree := balancedPageTree(pageNums, treeBase)
	stmNum := treeBase + len(tree.nodes) // the first object stream
	nextAnnot := 0
	infoNum := doc.infoNum()
	// A page the streams did not compress is compressed as they would
	// have (PageStreams.Fast).
	pageZ := pageWriter(len(pageNums))

	// Objects that are not streams (pages, the resources, fonts'
	// dictionaries and widths, outline items, link annotations, the Info
	// dictionary) go into compressed object streams of up to
	// maxStmObjects objects each (one but for very long documents),
	// except the catalogue, which stays readable. offsets[j] is object
	// j's place in the file, or its index in object stream stmOf[j]
	// (inStm[j]); stmOffs are the streams' places in the file.
	offsets := make([]int, stmNum)
	inStm := make([]bool, stmNum)
	stmOf := make([]int32, stmNum)
	var stmHead, stmBody, scratch, pageBuf []byte
	var ab annotBufs // kept from page to page, as pageBuf
	var stmOffs []int
	marked := false // the catalogue points to the structure tree
	nStm := 0
	// A long document's object streams are compressed at the fastest
	// level (FastStmAbove).
	var fastZ *flate.Writer
	if stmNum > FastStmAbove {
		fastZ, _ = flate.NewWriter(nil, flate.BestSpeed) // a valid level
		fastZ.SetFastCodes(true)
	}
	flushStm := func() {
		stmHead[len(stmHead)-1] = '\n'
		first := len(stmHead)
		dict := fmt.Sprintf("/Type /ObjStm /N %d /First %d ", nStm, first)
		var z []byte
		if fastZ != nil {
			fastZ.Reset(&zw.buf)
			z = zw.compressWith(fastZ, zlibFastHeader, stmHead, stmBody)
		} else {
			z = zw.compress(stmHead, stmBody)
		}
		out.room(streamRoom(dict, z))
		stmOffs = append(stmOffs, out.len())
		out.b = appendStream(out.b, stmNum+len(stmOffs)-1, dict, z)
		stmHead, stmBody, nStm = stmHead[:0], stmBody[:0], 0
	}
	toStm := func(num int, inner []byte) {
		if nStm == maxStmObjects {
			flushStm()
		}
		stmHead = strconv.AppendInt(stmHead, int64(num), 10)
		stmHead = append(stmHead, ' ')
		stmHead = strconv.AppendInt(stmHead, int64(len(stmBody)), 10)
		stmHead = append(stmHead, ' ')
		// Grown once for the object and its newline: the parent tree is
		// one object of 16 MB for 195,699 pages, which appended and then
		// followed by its newline was copied twice.
		stmBody = append(append(slices.Grow(stmBody, len(inner)+1), inner...), '\n')
		offsets[num], inStm[num], stmOf[num] = nStm, true, int32(len(stmOffs))
		nStm++
	}
	for _, o := range doc.objs {
		body, err := in.at(o.off, o.end)
		if err != nil {
			return nil, fmt.Errorf("pdf: re-reading fpdf's output: %w", err)
		}
		in.drop(o.off)
		if !hasObjHeader(body, o.num) { // checked here for the packed parts (indexPages)
			return nil, fmt.Errorf("pdf: re-reading fpdf's output: object %d is not where the table says", o.num)
		}
		data, ok := plainStream(body)
		if !ok {
			hdr, rest, _ := cutObjHeader(body)
			inner, isObj := bytes.CutSuffix(rest, []byte("\nendobj\n"))
			if isObj && o.num == 2 && len(fs) > 0 {
				// The resources: fpdf knows no font; name the package's.
				fonts := []byte("/Font <<\n")
				for i, f := range fs {
					fonts = fmt.Appendf(fonts, "/%s %d 0 R\n", f.Face.ResName(), fontNum(i))
				}
				patched, ok := bytes.CutPrefix(inner, []byte("<<\n/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]\n/Font <<\n"))
				if !ok {
					return nil, errors.New("pdf: fpdf's resources are not as expected")
				}
				inner = slices.Concat([]byte("<<\n/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]\n"), fonts, patched)
			}
			if isObj && o.num == pagesRoot && tree.nodes != nil {
				if inner, err = tree.root(inner); err != nil {
					return nil, err
				}
			}
			if i := int(pageIndex[o.num]) - 1; i >= 0 {
				// The page's entry in the parent tree; annotations in
				// structure order.
				// Rewritten in buffers kept from page to page (toStm
				// copies what it is given), not made anew three times
				// a page (195,699 pages: 235 MB).
				pageBuf = strconv.AppendInt(append(append(pageBuf[:0], pageDict...), "/StructParents "...), int64(i), 10)
				pageBuf = append(pageBuf, "\n/Tabs /S\n"...)
				if tree.nodes != nil {
					if pageBuf, err = tree.appendReparented(pageBuf, inner[len(pageDict):], i); err != nil {
						return nil, err
					}
				} else {
					pageBuf = append(pageBuf, inner[len(pageDict):]...)
				}
				var annots [][]byte
				if inner, annots, err = ab.indirect(pageBuf, annotBase+nextAnnot, len(pageNums)+nextAnnot, tg.AnnotText[nextAnnot:]); err != nil {
					return nil, err
				}
				if len(annots) != len(tg.Annots[i]) {
					return nil, fmt.Errorf("pdf: page %d has %d link annotations, the structure tree %d", i+1, len(annots), len(tg.Annots[i]))
				}
				for _, a := range annots {
					toStm(annotBase+nextAnnot, a)
					nextAnnot++
				}
			}
			if isObj && o.num == infoNum {
				inner = utcDates(inner)
			}
			if isObj && !bytes.Contains(inner, []byte("stream\n")) && !bytes.Contains(inner[:min(len(inner), 40)], []byte("/Type /Catalog")) {
				toStm(o.num, inner)
				continue
			}
			out.room(len(body) + len(tg.Labels) + 256)
			offsets[o.num] = out.len()
			if cat, ok := bytes.CutPrefix(rest, []byte(catalogDict)); ok {
				out.b = append(out.b, hdr...)
				out.b = append(out.b, catalogDict...)
				out.b = fmt.Appendf(out.b, "/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\n", structRoot)
				out.b = append(out.b, tg.Labels...)
				out.b = append(out.b, cat...)
				marked = true
				continue
			}
			out.b = append(out.b, body...)
			continue
		}
		var fw *flate.Writer // a page's, or nil: level 6
		if i := int(contents[o.num]) - 1; i >= 0 {
			z, ok, err := st.stream(i)
			if err != nil {
				return nil, err
			}
			if ok && len(data) == 0 {
				out.room(streamRoom("", z))
				offsets[o.num] = out.len()
				out.b = appendStream(out.b, o.num, "", z)
				continue
			}
			scratch = compactText(scratch[:0], data)
			data = scratch
			fw = pageZ
		}
		z := zw.compressPage(fw, data)
		out.room(streamRoom("", z))
		offsets[o.num] = out.len()
		out.b = appendStream(out.b, o.num, "", z)
	}

	if len(fs) > 0 {
		z := st.toUnicodeZ()
		if z == nil {
			z = zw.compress(toUnicode)
		}
		out.room(streamRoom("", z))
		offsets[toUnicodeNum] = out.len()
		out.b = appendStream(out.b, toUnicodeNum, "", z)
		toStm(sysInfoNum, []byte("<</Registry (Adobe) /Ordering (UCS) /Supplement 0>>"))
		for i := range fs {
			n := fontNum(i)
			o, err := fontembed.Objects(&fs[i], n, toUnicodeNum, sysInfoNum)
			if err != nil {
				return nil, err
			}
			for k, d := range o.Dicts {
				toStm(n+k, d)
			}
			cidMap, file, ok := st.fontStreams(i)
			if !ok {
				cidMap = bytes.Clone(zw.compress(fs[i].CIDToGIDMap()))
				file = zw.compress(fs[i].File())
			}
			out.room(streamRoom("", cidMap))
			offsets[n+3] = out.len()
			out.b = appendStream(out.b, n+3, "", cidMap)
			length1 := "/Length1 " + strconv.Itoa(len(fs[i].File())) + " "
			out.room(streamRoom(length1, file))
			offsets[n+4] = out.len()
			out.b = appendStream(out.b, n+4, length1, file)
		}
	}

	if !marked {
		return nil, errors.New("pdf: fpdf's catalogue is not as expected; cannot attach the structure tree")
	}
	if err := tg.StructObjects(structBase, annotBase, pageNums, func(i int, o []byte) { toStm(structBase+i, o) }); err != nil {
		return nil, err
	}
	for i, n := range tree.nodes {
		toStm(treeBase+i, n)
	}

	if nStm > 0 {
		flushStm()
	}
	// The cross-reference stream: type, field 2 (offset, or object stream
	// number), field 3 (generation, or index in the object stream).
	xrefNum := stmNum + max(len(stmOffs), 1)
	size := xrefNum + 1
	xref := out.len()
	rows := make([]byte, 0, size*7)
	row := func(typ byte, f2, f3 int) {
		rows = append(rows, typ, byte(f2>>24), byte(f2>>16), byte(f2>>8), byte(f2), byte(f3>>8), byte(f3))
	}
	row(0, 0, 0xFFFF)
	for j := 1; j < stmNum; j++ {
		if inStm[j] {
			row(2, stmNum+int(stmOf[j]), offsets[j])
		} else {
			row(1, offsets[j], 0)
		}
	}
	for _, off := range stmOffs {
		row(1, off, 0)
	}
	if len(stmOffs) == 0 {
		row(0, 0, 0) // no object stream: a free entry
	}
	row(1, xref, 0)
	dict := fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] %s", size, trailer)
	z := zw.compress(rows)
	out.room(streamRoom(dict, z) + 32)
	out.b = appendStream(out.b, xrefNum, dict, z)
	out.b = append(out.b, "startxref\n"...)
	out.b = strconv.AppendInt(out.b, int64(xref), 10)
	out.b = append(out.b, "\n%%EOF\n"...)
	return out, nil
}

// annotBufs are indirect's buffers, kept from page to page: a page of
// the contents has a dozen or more links, and making them anew for each
// (the page and its objects, their ends, the slices of them) was 0.23 s
// of growing slices for 195,699 one-line sections.
type annotBufs struct {
	dst, objs []byte
	ends      []int
	out       [][]byte
}

// indirect moves the annotations fpdf writes inline in a page
// ("/Annots [<</Type /Annot …>><</Type /Annot …>>]") into objects numbered
// from num, each with its parent-tree key (from key) as /StructParent and
// its description (contents, in order) as /Contents, and refers to them
// from the page. The page without annotations is page itself; with, the
// page and the objects are in b's buffers (page must not be one of them),
// valid until the next call.
func (b *annotBufs) indirect(page []byte, num, key int, contents []string) ([]byte, [][]byte, error) {
	const open, item = "\n/Annots [", "<</Type /Annot "
	i := bytes.Index(page, []byte(open))
	if i < 0 {
		return page, nil, nil
	}
	start := i + len(open)
	end := bytes.Index(page[start:], []byte("]\n"))
	if end < 0 {
		return nil, nil, errors.New("pdf: fpdf's annotations are not as expected")
	}
	list := page[start : start+end] // the dictionaries, without the array's "]"
	// The page first, a reference appended as each object is made, then
	// the objects after it (made in objs meanwhile).
	dst := append(b.dst[:0], page[:start]...)
	objs, ends := b.objs[:0], b.ends[:0] // each object's end in objs
	for n := 0; len(list) > 0; n++ {
		if !bytes.HasPrefix(list, []byte(item)) {
			return nil, nil, errors.New("pdf: fpdf's annotations are not as expected")
		}
		next := bytes.Index(list[len(item):], []byte(item))
		a := list
		if next >= 0 {
			a = list[:len(item)+next]
		}
		list = list[len(a):]
		objs = strconv.AppendInt(append(objs, "<</StructParent "...), int64(key+n), 10)
		objs = append(objs, ' ')
		if n < len(contents) && contents[n] != "" {
			objs = append(tags.AppendText(append(objs, "/Contents "...), contents[n]), ' ')
		}
		objs = append(objs, a[2:]...)
		ends = append(ends, len(objs))
		if n > 0 {
			dst = append(dst, ' ')
		}
		dst = append(strconv.AppendInt(dst, int64(num+n), 10), " 0 R"...)
	}
	dst = append(dst, page[start+end:]...)
	out := b.out[:0]
	from := 0
	for _, e := range ends {
		out = append(out, objs[from:e:e])
		from = e
	}
	b.dst, b.objs, b.ends, b.out = dst, objs, ends, out
	return dst, out, nil
}

// FastStmAbove is the number of objects above which a document's object
// streams are compressed at the fastest level (flate.BestSpeed) rather
// than at deflaters.Level: a document of more than one object stream
// (maxStmObjects), over a thousand pages. 4 MiB of one-line sections put
// 248.7 MB of dictionaries in 178 object streams: at level 6 28.1 MB,
// ~1.4 G instructions for each 38.7 MB (callgrind), the finishing
// pass's largest cost but the pages' streams; at level 1 33.7 MB (the PDF 100.5 -> 106.1
// MB, +5.6%), 0.55 G instructions for each 38.7 MB (-5.4 G in all). An
// ordinary guide's PDF is one stream, and the same bytes. A test lowers
// it.
var FastStmAbove = maxStmObjects

// FastPagesAbove is the number of pages above which a document's pages'
// content streams are compressed at level 3 (pageLevel) rather than at
// deflaters.Level (6): a long document, as FastStmAbove has it (over a
// thousand pages). The 64,517 page streams of 1.3 MB of one-line
// sections (42.5 MB, median ~660 bytes), with the fast codes, by level
// (callgrind, compressing alone; instructions and bytes):
//
//	6 (before)  5,216 M  16.68 MB
//	5           4,987 M  16.73 MB
//	4           4,616 M  16.74 MB
//	3 (chosen)  4,156 M  16.94 MB (+1.5%)
//	1           3,743 M  18.63 MB (+11.7%)
//
// Level 3 saves a fifth of the pages' deflating, 3.6% of that build's
// instructions, for 1.5% more of their bytes. An ordinary guide has
// fewer pages, and the same bytes. A test lowers it.
var FastPagesAbove = 1000

// pageLevel is the level of a long document's page streams
// (FastPagesAbove), and zlibPageHeader zlib's header for it (FLEVEL 1,
// as compress/zlib writes it for levels 2 to 5): CMF 0x78, FLG 0x5e.
const pageLevel = 3

var zlibPageHeader = []byte{0x78, 0x5e}

// pageWriter is the compressor of a document's page streams when it has
// more than FastPagesAbove pages, else nil (zwriter.compress's level).
func pageWriter(pages int) *flate.Writer {
	if pages <= FastPagesAbove {
		return nil
	}
	fw, _ := flate.NewWriter(nil, pageLevel) // a valid level
	fw.SetFastCodes(true)
	return fw
}

// compressPage is z.compress for a page's content stream, with fw when it
// is not nil (pageWriter).
func (z *zwriter) compressPage(fw *flate.Writer, data []byte) []byte {
	if fw == nil {
		return z.compress(data)
	}
	fw.Reset(&z.buf)
	return z.compressWith(fw, zlibPageHeader, data)
}

// maxStmObjects is the most objects one object stream holds. The
// cross-reference stream gives an object's index in its stream in two
// bytes, so a stream must hold fewer than 65,536: a 5,000-page guide put
// over 100,000 in one and poppler found its page tree's root at the
// wrong index ("Top-level pages object is wrong type (null)"). qpdf
// writes 100 a stream; 10,000 keeps every ordinary guide in one.
const maxStmObjects = 10000

// How fpdf opens a page's dictionary and the catalogue.
const (
	pageDict    = "<</Type /Page\n"
	catalogDict = "<<\n/Type /Catalog\n"
)

// appendHeader copies fpdf's header, raising the version to 1.5, the
// first with object and cross-reference streams.
func appendHeader(out, hdr []byte) []byte {
	if v, ok := bytes.CutPrefix(hdr, []byte("%PDF-1.")); ok && len(v) > 0 && v[0] < '5' {
		out = append(out, "%PDF-1.5"...)
		return append(out, v[1:]...)
	}
	return append(out, hdr...)
}

// streamRoom is at least the room appendStream takes to write z with extra.
func streamRoom(extra string, z []byte) int { return len(extra) + len(z) + 96 }

// appendStream writes object num as a Flate stream with extra entries
// (ending in a space, or "") in its dictionary.
func appendStream(out []byte, num int, extra string, z []byte) []byte {
	out = strconv.AppendInt(out, int64(num), 10)
	out = append(out, " 0 obj\n<<"...)
	out = append(out, extra...)
	out = append(out, "/Filter /FlateDecode /Length "...)
	out = strconv.AppendInt(out, int64(len(z)), 10)
	out = append(out, ">>\nstream\n"...)
	out = append(out, z...)
	return append(out, "\nendstream\nendobj\n"...)
}

// trailerEntries are the trailer's entries but /Size: /Root, /Info, /ID.
func (d *fpdfDoc) trailerEntries() string {
	var b []byte
	for _, l := range bytes.Split(d.trailer, []byte("\n")) {
		if len(l) > 0 && l[0] == '/' && !bytes.HasPrefix(l, []byte("/Size ")) {
			b = append(append(b, l...), ' ')
		}
	}
	return string(b)
}

// infoNum is the Info dictionary's object number (the trailer's /Info),
// or 0.
func (d *fpdfDoc) infoNum() int {
	_, rest, ok := bytes.Cut(d.trailer, []byte("/Info "))
	if !ok {
		return 0
	}
	n, _, _ := bytes.Cut(rest, []byte(" "))
	v, _ := strconv.Atoi(string(n))
	return v
}

// utcDates marks the Info dictionary's dates as UTC ("D:20240517093000"
// becomes "D:20240517093000Z"): fpdf writes them in UTC (Options.Time)
// but without a zone, which leaves their relation to UT unknown (ISO
// 32000-1 §7.9.4), while the XMP packet's dates say Z; the two must
// agree.
func utcDates(info []byte) []byte {
	for _, key := range []string{"/CreationDate (D:", "/ModDate (D:"} {
		i := bytes.Index(info, []byte(key))
		if i < 0 {
			continue
		}
		end := i + len(key) + 14
		if end < len(info) && info[end] == ')' {
			info = slices.Concat(info[:end], []byte("Z"), info[end:])
		}
	}
	return info
}

type fpdfObj struct {
	num      int
	off, end int
}

type fpdfDoc struct {
	headerEnd int
	size      int // objects 0 … size-1
	objs      []fpdfObj
	trailer   []byte // from "trailer" to just before "startxref"
}

// indexPages finds fpdf's pages: by object number (fpdf's are 1 to
// len(doc.objs) or so), a page's place in the document + 1 (0: none), for
// a page object (pageIndex) and for its content stream (contents), and
// the page objects in page order (pageNums). Slices, not maps: 195,699
// pages spent 0.4 s growing and reading two maps, and the maps allocated
// three times the bytes (TestIndexPagesAllocations).
func indexPages(in *fpdfFile, doc *fpdfDoc) (contents, pageIndex []int32, pageNums []int, err error) {
	maxNum := 0
	for _, o := range doc.objs {
		maxNum = max(maxNum, o.num)
	}
	contents = make([]int32, maxNum+1)
	pageIndex = make([]int32, maxNum+1)
	page := func(num, ref int, hasRef bool) {
		if hasRef && ref >= 0 && ref <= maxNum {
			contents[ref] = int32(len(pageNums) + 1) // a stream beyond every object is never met
		}
		pageIndex[num] = int32(len(pageNums) + 1)
		pageNums = append(pageNums, num)
	}
	mi := 0                      // the next of in.marks
	for _, o := range doc.objs { // in file order, which is page order
		if in.marked && in.packedPart(in.part(o.off)) {
			// A page where Packed.Add saw a page's dictionary right
			// after this object's number; its header is checked as
			// the object is copied.
			at := o.off + numLen(o.num)
			for mi < len(in.marks) && in.marks[mi].at < at {
				mi++
			}
			if mi < len(in.marks) && in.marks[mi].at == at {
				m := in.marks[mi]
				page(o.num, m.contents, m.contents >= 0 && m.end < o.end)
			}
			continue
		}
		body, err := in.at(o.off, o.end)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("pdf: re-reading fpdf's output: %w", err)
		}
		if !hasObjHeader(body, o.num) {
			return nil, nil, nil, fmt.Errorf("pdf: re-reading fpdf's output: object %d is not where the table says", o.num)
		}
		if _, rest, ok := cutObjHeader(body); ok && bytes.HasPrefix(rest, []byte(pageDict)) {
			n, ok := contentsRef(rest)
			page(o.num, n, ok)
		}
	}
	return contents, pageIndex, pageNums, nil
}

// hasObjHeader reports whether body starts with object num's header.
func hasObjHeader(body []byte, num int) bool {
	var hb [24]byte
	return bytes.HasPrefix(body, append(strconv.AppendInt(hb[:0], int64(num), 10), " 0 obj\n"...))
}

// numLen is the number of digits of n >= 0.
func numLen(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// parseFpdf reads the object offsets from the file's one classic
// cross-reference table (fpdf writes no other kind), which with the
// trailer is in the file's last part; each object runs to the start of
// the next, the last to the table, and lies in one part.
func parseFpdf(f *fpdfFile) (*fpdfDoc, error) {
	last := len(f.parts) - 1
	tail, tailBase := f.parts[last], f.base[last]
	if len(tail) != f.lens[last] {
		return nil, errors.New("the last part is not held as written")
	}
	i := bytes.LastIndex(tail, []byte("\nstartxref\n"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	rest := tail[i+len("\nstartxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, errors.New("bad startxref")
	}
	xref, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || xref <= tailBase || xref >= f.size || !bytes.HasPrefix(tail[xref-tailBase:], []byte("xref\n0 ")) {
		return nil, errors.New("bad xref offset")
	}
	p := xref - tailBase + len("xref\n0 ")
	nl = bytes.IndexByte(tail[p:], '\n')
	if nl < 0 {
		return nil, errors.New("bad xref")
	}
	size, err := strconv.Atoi(string(tail[p : p+nl]))
	if err != nil || size < 1 {
		return nil, errors.New("bad xref size")
	}
	p += nl + 1
	const entry = 20 // "nnnnnnnnnn ggggg n \n"
	if p+size*entry > len(tail) {
		return nil, errors.New("short xref")
	}
	// Sized once: grown by append, 1.2 million objects' entries (4 MiB
	// of one-line sections) were copied a dozen times (0.4 s).
	doc := &fpdfDoc{size: size, headerEnd: xref, objs: make([]fpdfObj, 0, size-1)}
	for j := 0; j < size; j++ {
		e := tail[p+j*entry : p+(j+1)*entry]
		if j == 0 {
			continue
		}
		if e[17] != 'n' {
			return nil, fmt.Errorf("object %d is not in use", j)
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("bad offset of object %d", j)
		}
		doc.objs = append(doc.objs, fpdfObj{num: j, off: off})
		doc.headerEnd = min(doc.headerEnd, off)
	}
	p += size * entry
	if !bytes.HasPrefix(tail[p:], []byte("trailer\n")) {
		return nil, errors.New("no trailer")
	}
	doc.trailer = tail[p : i+1]
	slices.SortFunc(doc.objs, func(a, b fpdfObj) int { return a.off - b.off })
	for k := range doc.objs {
		end := xref
		if k+1 < len(doc.objs) {
			end = doc.objs[k+1].off
		}
		doc.objs[k].end = end
		// Optimize checks that it starts with its header as it reads
		// it (a packed part is inflated once for both).
		if !f.within(doc.objs[k].off, end) {
			return nil, fmt.Errorf("object %d is not where the table says", doc.objs[k].num)
		}
	}
	if !f.within(0, doc.headerEnd) {
		return nil, errors.New("the header is not in the first part")
	}
	return doc, nil
}

// cutObjHeader splits "N 0 obj\n" off an object.
func cutObjHeader(body []byte) (hdr, rest []byte, ok bool) {
	i := bytes.Index(body, []byte(" 0 obj\n"))
	if i < 0 || i > 12 {
		return nil, nil, false
	}
	return body[:i+7], body[i+7:], true
}

// contentsRef is the object number in a page's "/Contents N 0 R".
func contentsRef(page []byte) (int, bool) {
	const key = "\n/Contents "
	i := bytes.Index(page, []byte(key))
	if i < 0 {
		return 0, false
	}
	s := page[i+len(key):]
	j := bytes.IndexByte(s, ' ')
	if j < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(string(s[:j]))
	return n, err == nil
}

// plainStream is the data of an object that is exactly an uncompressed
// stream with a /Length and nothing else in its dictionary, as fpdf writes
// page contents (compression off) and ToUnicode maps.
func plainStream(body []byte) ([]byte, bool) {
	_, rest, ok := cutObjHeader(body)
	if !ok || !bytes.HasPrefix(rest, []byte("<</Length ")) {
		return nil, false
	}
	rest = rest[len("<</Length "):]
	i := bytes.Index(rest, []byte(">>\nstream\n"))
	if i < 0 || i > 12 {
		return nil, false
	}
	n, err := strconv.Atoi(string(rest[:i]))
	rest = rest[i+len(">>\nstream\n"):]
	if err != nil || n < 0 || n > len(rest) || !bytes.Equal(rest[n:], []byte("\nendstream\nendobj\n")) {
		return nil, false
	}
	return rest[:n], true
}

// zwriter compresses streams with zlib's framing (RFC 1950) around a
// deflate writer from the free list the EPUB's container uses too
// (deflaters, level 6), taken for one stream at a time, so that the EPUB,
// built alongside, reuses it rather than allocating its own
// (compress/zlib, as fpdf uses it, took 2.9 ms at level 4 for less).
//
// The writer builds its Huffman codes in linear time (flate's
// SetFastCodes): a page's stream is a few hundred bytes, and building
// its codes by package-merge was half of deflating it (the 202,225
// streams of 4 MiB of one-line sections: 3.7 s, 1.7 s with fast codes).
// The codes are as short (those streams 0.09% smaller, the seed's
// 0.05%); where two codes are equally short the bytes may differ from
// klauspost/compress/zlib's at level 6, which the PDF wrote before.
type zwriter struct {
	buf   bytes.Buffer
	adler hash.Hash32
	sum   [4]byte
}

var zpool = sync.Pool{New: func() any { return &zwriter{adler: adler.New()} }}

// zlibHeader is zlib's header for deflate with a 32 KB window at the
// default level (6), as compress/zlib and klauspost/compress/zlib write
// it: CMF 0x78, FLG 0x9c.
var zlibHeader = []byte{0x78, 0x9c}

// zlibFastHeader is zlib's header for the fastest level (FLEVEL 0), as
// compress/zlib writes it at flate.BestSpeed: CMF 0x78, FLG 0x01.
var zlibFastHeader = []byte{0x78, 0x01}

// compress returns the parts, one after the other, zlib-compressed as one
// stream; the result is valid until the next call.
func (z *zwriter) compress(parts ...[]byte) []byte {
	fw := deflaters.Get(&z.buf)
	fw.SetFastCodes(true) // until deflaters.Put
	out := z.compressWith(fw, zlibHeader, parts...)
	deflaters.Put(fw)
	return out
}

// compressWith is compress with fw, which writes to z.buf, under the
// zlib header hdr (its level's).
func (z *zwriter) compressWith(fw *flate.Writer, hdr []byte, parts ...[]byte) []byte {
	z.buf.Reset()
	z.buf.Write(hdr)
	z.adler.Reset()
	for _, p := range parts {
		fw.Write(p) // writes to a bytes.Buffer cannot fail
		z.adler.Write(p)
	}
	fw.Close()
	z.buf.Write(z.adler.Sum(z.sum[:0]))
	return z.buf.Bytes()
}

// compactText rewrites the text fpdf wrote into a page's content stream.
// fpdf writes every Text call as its own text object, and every SetFont
// as an empty one:
//
//	BT /F<id> 11.00 Tf ET
//	q 0.102 g BT 91.58 737.72 Td (…) Tj ET Q
//
// A run of such lines becomes one text object inside q … Q, which moves
// by the difference to the previous line and sets a font or colour only
// when it changes:
//
//	q BT
//	/F<id> 11.00 Tf
//	0.102 g
//	91.58 737.72 Td
//	(…)Tj
//	0 -15.4 Td
//	(…)Tj
//	ET Q
//
// Every other line is copied as it is. Should the stream hold anything
// the rewrite does not expect, the page is left as fpdf wrote it.
func compactText(dst, src []byte) []byte {
	start := len(dst)
	var (
		curFont   []byte // the font fpdf last selected (it persists outside text objects)
		inBlock   bool
		blkFont   []byte
		blkColour []byte // nil: the page's current fill colour
		lx, ly    int    // previous line's start, in 1/100 pt
	)
	closeBlock := func() {
		if inBlock {
			dst = append(dst, "ET Q\n"...)
			inBlock = false
		}
	}
	for i := 0; i < len(src); {
		line := src[i:]
		if bytes.HasPrefix(line, []byte("BT /F")) {
			nl := bytes.IndexByte(line, '\n')
			if nl < 0 || !bytes.HasSuffix(line[:nl], []byte(" Tf ET")) {
				return append(dst[:start], src...)
			}
			curFont = line[3 : nl-3]
			i += nl + 1
			continue
		}
		t, n, ok := parseTextLine(line)
		if n < 0 {
			return append(dst[:start], src...)
		}
		if !ok {
			closeBlock()
			nl := bytes.IndexByte(line, '\n')
			if nl < 0 {
				nl = len(line) - 1
			}
			dst = append(dst, line[:nl+1]...)
			i += nl + 1
			continue
		}
		if curFont == nil {
			return append(dst[:start], src...)
		}
		if inBlock && t.colour == nil && blkColour != nil {
			closeBlock() // back to the page's fill colour: only Q restores it
		}
		if !inBlock {
			dst = append(dst, "q BT\n"...)
			inBlock, blkFont, blkColour, lx, ly = true, nil, nil, 0, 0
		}
		if !bytes.Equal(blkFont, curFont) {
			dst = append(append(dst, curFont...), '\n')
			blkFont = curFont
		}
		if t.colour != nil && !bytes.Equal(blkColour, t.colour) {
			dst = append(append(dst, t.colour...), '\n')
			blkColour = t.colour
		}
		dst = appendHundredths(dst, t.x-lx)
		dst = append(dst, ' ')
		dst = appendHundredths(dst, t.y-ly)
		dst = append(dst, " Td\n"...)
		dst = append(dst, t.str...)
		dst = append(append(dst, t.op...), '\n')
		lx, ly = t.x, t.y
		i += n
	}
	closeBlock()
	return dst
}

type textLine struct {
	colour []byte // "0.102 g", nil when fpdf drew in the fill colour
	x, y   int    // 1/100 pt
	str    []byte // the operand: a string in parentheses or an array
	op     string // Tj or TJ
}

// parseTextLine reads one line as fpdf's Text writes it. ok is false (n
// zero) for a line that is not text; n is negative for one that starts
// like text but does not parse.
func parseTextLine(s []byte) (t textLine, n int, ok bool) {
	p := 0
	q := false
	if bytes.HasPrefix(s, []byte("q ")) {
		i := bytes.Index(s, []byte(" BT "))
		nl := bytes.IndexByte(s, '\n')
		if i < 0 || (nl >= 0 && nl < i) {
			return t, 0, false // q followed by something else
		}
		t.colour = s[2:i]
		p = i + 1
		q = true
	}
	if !bytes.HasPrefix(s[p:], []byte("BT ")) {
		if q {
			return t, -1, false
		}
		return t, 0, false
	}
	p += 3
	var good bool
	if t.x, p, good = parseHundredths(s, p); !good || p >= len(s) || s[p] != ' ' {
		return t, -1, false
	}
	if t.y, p, good = parseHundredths(s, p+1); !good || !bytes.HasPrefix(s[p:], []byte(" Td ")) {
		return t, -1, false
	}
	p += len(" Td ")
	b := p
	// One string, or an array of strings and numbers.
	array := p < len(s) && s[p] == '['
	if array {
		p++
	}
	for p < len(s) {
		if s[p] == '(' {
			for p++; p < len(s) && s[p] != ')'; p++ {
				if s[p] == '\\' {
					p++
				}
			}
			p++
			if !array {
				break
			}
			continue
		}
		if !array || s[p] == ']' {
			break
		}
		if c := s[p]; c != '-' && (c < '0' || c > '9') {
			return t, -1, false
		}
		p++
	}
	if p >= len(s) {
		return t, -1, false
	}
	tail := ") Tj ET\n"
	if array {
		if s[p] != ']' {
			return t, -1, false
		}
		p++
		// Marks raised onto their letters (appendRise): more arrays,
		// each after "TJ <rise> Ts".
		for bytes.HasPrefix(s[p:], []byte(" TJ ")) && p+4 < len(s) && s[p+4] != 'E' {
			p += 4
			for p < len(s) && (s[p] == '-' || s[p] == '.' || ('0' <= s[p] && s[p] <= '9')) {
				p++
			}
			if !bytes.HasPrefix(s[p:], []byte(" Ts [")) {
				return t, -1, false
			}
			for p += len(" Ts ["); p < len(s) && s[p] != ']'; p++ {
				if s[p] == '(' {
					for p++; p < len(s) && s[p] != ')'; p++ {
						if s[p] == '\\' {
							p++
						}
					}
					continue
				}
				if c := s[p]; c != '-' && (c < '0' || c > '9') {
					return t, -1, false
				}
			}
			if p >= len(s) {
				return t, -1, false
			}
			p++
		}
		t.str, t.op = s[b:p], "TJ"
		tail = " TJ ET\n"
	} else {
		if s[p-1] != ')' {
			return t, -1, false
		}
		t.str, t.op = s[b:p], "Tj"
		tail = " Tj ET\n"
	}
	if q {
		tail = tail[:len(tail)-1] + " Q\n"
	}
	if !bytes.HasPrefix(s[p:], []byte(tail)) {
		return t, -1, false
	}
	return t, p + len(tail), true
}

// parseHundredths reads a number fpdf printed with %.2f.
func parseHundredths(s []byte, p int) (v, next int, ok bool) {
	neg := false
	if p < len(s) && s[p] == '-' {
		neg = true
		p++
	}
	b := p
	for p < len(s) && s[p] >= '0' && s[p] <= '9' {
		v = v*10 + int(s[p]-'0')
		p++
	}
	if p == b || p+2 >= len(s) || s[p] != '.' || s[p+1] < '0' || s[p+1] > '9' || s[p+2] < '0' || s[p+2] > '9' {
		return 0, p, false
	}
	v = v*100 + int(s[p+1]-'0')*10 + int(s[p+2]-'0')
	if neg {
		v = -v
	}
	return v, p + 3, true
}

// appendHundredths writes v/100 in the fewest characters ("0", "-15.4").
func appendHundredths(dst []byte, v int) []byte {
	if v < 0 {
		dst = append(dst, '-')
		v = -v
	}
	dst = strconv.AppendInt(dst, int64(v/100), 10)
	if f := v % 100; f != 0 {
		dst = append(dst, '.', byte('0'+f/10))
		if f%10 != 0 {
			dst = append(dst, byte('0'+f%10))
		}
	}
	return dst
}

// pagesRoot is the object number of the page tree's root: fpdf's 1.
const pagesRoot = 1

// maxKids is the most children a node of the page tree has. fpdf writes
// every page as a kid of the root; a long document gets a balanced tree
// instead (ISO 32000 §7.7.3.2 recommends one), which viewers walk in
// log time to find a page.
const maxKids = 64

// pageTree is the balanced page tree of a document of more than maxKids
// pages: the intermediate /Pages nodes, numbered from a base, and each
// page's parent. A document of at most maxKids pages keeps fpdf's flat
// tree (nodes nil).
type pageTree struct {
	nodes    [][]byte // the intermediate nodes' dictionaries
	rootKids []int    // the root's children
	parent   []int    // page i's parent
}

// balancedPageTree groups the pages (object numbers, in order) into
// leaves of at most maxKids, the leaves into nodes of at most maxKids, and
// so on until at most maxKids remain for the root; groups on one level
// differ in size by at most one, so every page is at the same depth.
func balancedPageTree(pages []int, base int) pageTree {
	var t pageTree
	if len(pages) <= maxKids {
		return t
	}
	type node struct {
		parent int
		kids   []int
		count  int
	}
	var nodes []node
	t.parent = make([]int, len(pages))
	level, counts := pages, make([]int, len(pages))
	for i := range counts {
		counts[i] = 1
	}
	first := true // the level holds pages
	setParent := func(i, kid, p int) {
		if first {
			t.parent[i] = p
		} else {
			nodes[kid-base].parent = p
		}
	}
	for len(level) > maxKids {
		groups := (len(level) + maxKids - 1) / maxKids
		var next, nextCounts []int
		for g, start := 0, 0; g < groups; g++ {
			end := start + len(level)/groups
			if g < len(level)%groups {
				end++
			}
			num := base + len(nodes)
			n := node{kids: level[start:end]}
			for i := start; i < end; i++ {
				n.count += counts[i]
			}
			nodes = append(nodes, n)
			for i := start; i < end; i++ {
				setParent(i, level[i], num)
			}
			next, nextCounts = append(next, num), append(nextCounts, n.count)
			start = end
		}
		level, counts, first = next, nextCounts, false
	}
	for i, kid := range level {
		setParent(i, kid, pagesRoot)
	}
	t.rootKids = level
	t.nodes = make([][]byte, len(nodes))
	for i, n := range nodes {
		b := fmt.Appendf(nil, "<</Type /Pages\n/Parent %d 0 R\n", n.parent)
		t.nodes[i] = fmt.Appendf(appendKids(b, n.kids), "\n/Count %d\n>>", n.count)
	}
	return t
}

// appendKids appends "/Kids [a 0 R b 0 R ]" as fpdf writes it.
func appendKids(b []byte, kids []int) []byte {
	b = append(b, "/Kids ["...)
	for _, k := range kids {
		b = strconv.AppendInt(b, int64(k), 10)
		b = append(b, " 0 R "...)
	}
	return append(b, ']')
}

// root rewrites the /Kids of fpdf's root dictionary (its /Count and
// /MediaBox, which the pages inherit, stay).
func (t pageTree) root(inner []byte) ([]byte, error) {
	i := bytes.Index(inner, []byte("/Kids ["))
	if i < 0 {
		return nil, errors.New("pdf: fpdf's page tree has no /Kids")
	}
	j := bytes.IndexByte(inner[i:], ']')
	if j < 0 {
		return nil, errors.New("pdf: fpdf's page tree is not as expected")
	}
	return slices.Concat(inner[:i], appendKids(nil, t.rootKids), inner[i+j+1:]), nil
}

// appendReparented appends rest, a page's dictionary after its first
// entries, to dst with its /Parent pointed at page i's node of the tree.
func (t pageTree) appendReparented(dst, rest []byte, i int) ([]byte, error) {
	const fpdfParent = "/Parent 1 0 R\n"
	k := bytes.Index(rest, []byte(fpdfParent))
	if k < 0 {
		return nil, fmt.Errorf("pdf: page %d has no /Parent as fpdf writes it", i+1)
	}
	dst = strconv.AppendInt(append(append(dst, rest[:k]...), "/Parent "...), int64(t.parent[i]), 10)
	dst = append(dst, " 0 R\n"...)
	return append(dst, rest[k+len(fpdfParent):]...), nil
}
