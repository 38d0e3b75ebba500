package epub

import (
	"html"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
)

// Print page numbers (EPUB 3.3 §7.4.2 page-list; DPUB-ARIA doc-pagebreak).
//
// The pages are the PDF's, as the PDF writer lays the guide out with the
// same options (export.Options.PageStarts): a marker stands where each
// page starts, before the first word the page prints, and the page-list
// navigation lists them under the labels the PDF gives its pages. The
// PDF reports each page's first words; they are found again, in order, in
// the words of the content documents. A page whose text the book has no
// counterpart for (the printed contents, which the navigation document
// stands for, and a blank verso) is marked where the next page starts,
// the contents' pages at the top of the navigation document.

// pageRef is one entry of the page list.
type pageRef struct {
	Label, Href string
}

// writeBreakMarker writes the empty element that marks where page n
// starts, labelled label, to w: written in place, where fmt.Sprintf made a
// string of each that the document then copied (a 4 MiB guide has 195,699
// pages: 0.11 s of its EPUB's CPU, pprof, one core).
func writeBreakMarker(w *strings.Builder, n int, label string) {
	w.WriteString(`<span id="page-`)
	var num [20]byte
	w.Write(strconv.AppendInt(num[:0], int64(n), 10))
	w.WriteString(`" epub:type="pagebreak" role="doc-pagebreak" aria-label="`)
	w.WriteString(html.EscapeString(label)) // label itself when it has nothing to escape
	w.WriteString(`"></span>`)
}

// startPages runs opts.PageStarts on another goroutine (the layout is the costly
// part and needs nothing the documents do) and returns a function that
// waits for its result.
func startPages(g *content.Guide, opts export.Options) func() ([]export.PageStart, error) {
	if opts.PageStarts == nil {
		return func() ([]export.PageStart, error) { return nil, nil }
	}
	return inBackground("laying out the print pages", func() ([]export.PageStart, error) { return opts.PageStarts(g, opts) })
}

// word is one word of a content document: where it starts in the body
// markup, and the number of its key (its letters and digits, lower-cased)
// among its index's (wordIndex.ids). 12 bytes, where the key as a string
// and the places as ints made 32: a seed build holds ~9,000 words.
type word struct {
	doc, off, key int32
}

// inlineTags do not separate words: a word may run on through them.
var inlineTags = map[string]bool{"a": true, "em": true, "strong": true, "cite": true, "span": true,
	"wbr": true, "i": true, "b": true, "abbr": true, "code": true, "sub": true, "sup": true, "small": true, "q": true}

// hopTags are the elements a marker moves out of when the page starts
// with their first word: their parents take phrasing content too, and a
// marker inside a heading would become part of its name.
var hopTags = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "p": true,
	"blockquote": true, "section": true, "div": true, "header": true, "footer": true, "aside": true, "figure": true}

// splitsAfter are the characters a word may break after in the PDF
// (linebreak.go), so a page may start just after one.
func splitsAfter(r rune) bool {
	return strings.ContainsRune("-‐‑–—/", r)
}

// splitsAfterRune is splitsAfter without a string search for ASCII, which
// tokens asks about every character of every document.
func splitsAfterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '-' || r == '/'
	}
	return splitsAfter(r)
}

// isSpaceRune is unicode.IsSpace, without the table for ASCII.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// wordKey is what two renderings of a word share: its letters and digits,
// lower-cased ("" for punctuation alone).
func wordKey(s string) string {
	// Most words are ASCII, most of those already their own key: no
	// allocation for them, and no decoding for the rest of ASCII.
	keep := true // every byte so far is a-z or 0-9
	for i := 0; i < len(s) && keep; i++ {
		c := s[i]
		keep = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	if keep {
		return s
	}
	return string(appendWordKey(make([]byte, 0, len(s)), s))
}

// appendWordKey appends s's key (wordKey) to buf: the index is searched
// with keys made in a buffer, and a key is made a string only when it is
// new to the index (a 4 MiB guide of one-line sections has ~600,000
// words, most of them capitalised or with a full stop, and its pages'
// ~600,000 first words).
func appendWordKey(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return appendWordKeyRunes(buf, s[i:])
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			buf = append(buf, c)
		case 'A' <= c && c <= 'Z':
			buf = append(buf, c+'a'-'A')
		}
	}
	return buf
}

// appendWordKeyRunes is appendWordKey for the rest of a word from its
// first letter beyond ASCII.
func appendWordKeyRunes(buf []byte, s string) []byte {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// eachWord calls f with each word of s, split as tokens splits text: at
// spaces and after a hyphen, dash or slash.
func eachWord(s string, f func(string)) {
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				f(s[start:i])
			}
			start = -1
		case start < 0:
			start = i
		}
		if start >= 0 && splitsAfter(r) {
			f(s[start : i+utf8.RuneLen(r)])
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// tokens appends the words of a body's markup: text between tags, where
// an element other than an inline one ends a word. Entities stay in the
// raw word and are decoded for its key.
// keyID is given each key in a buffer (appendWordKey), valid until it
// returns.
func tokens(out []word, d int, body string, keyID func([]byte) int32) []word {
	start := -1
	var key []byte
	end := func(i int) {
		if start >= 0 {
			if key = appendWordKey(key[:0], html.UnescapeString(withoutTags(body[start:i]))); len(key) > 0 {
				out = append(out, word{doc: int32(d), off: int32(start), key: keyID(key)})
			}
		}
		start = -1
	}
	for i := 0; i < len(body); {
		c := body[i]
		if c == '<' {
			j := strings.IndexByte(body[i:], '>')
			if j < 0 {
				break
			}
			if !inlineTags[tagName(body[i:i+j+1])] {
				end(i)
			}
			i += j + 1
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(body[i:])
		}
		switch {
		case isSpaceRune(r):
			end(i)
		case start < 0:
			start = i
		}
		i += n
		if start >= 0 && splitsAfterRune(r) {
			end(i)
		}
	}
	end(len(body))
	return out
}

// withoutTags is raw without the inline tags a word may hold or end
// with: "<em>Go</em>" is the word "Go", whose key must be "go", not
// "emgoem".
func withoutTags(raw string) string {
	if strings.IndexByte(raw, '<') < 0 {
		return raw
	}
	var b strings.Builder
	for {
		lt := strings.IndexByte(raw, '<')
		if lt < 0 {
			break
		}
		b.WriteString(raw[:lt])
		gt := strings.IndexByte(raw[lt:], '>')
		if gt < 0 {
			raw = ""
			break
		}
		raw = raw[lt+gt+1:]
	}
	b.WriteString(raw)
	return b.String()
}

// tagName is the lower-case name of the tag t ("<p class=x>", "</p>").
func tagName(t string) string {
	t = strings.TrimPrefix(strings.TrimPrefix(t, "<"), "/")
	n := strings.IndexFunc(t, func(r rune) bool { return r == ' ' || r == '>' || r == '/' || r == '\n' })
	if n < 0 {
		return strings.ToLower(t)
	}
	return strings.ToLower(t[:n])
}

// hop moves a marker's place back over the start tags of hopTags that
// open right before it.
func hop(body string, off int) int {
	for {
		i := off
		for i > 0 && (body[i-1] == ' ' || body[i-1] == '\n') {
			i--
		}
		if i == 0 || body[i-1] != '>' {
			return off
		}
		lt := strings.LastIndexByte(body[:i], '<')
		if lt < 0 {
			return off
		}
		t := body[lt:i]
		if strings.HasPrefix(t, "</") || strings.HasSuffix(t, "/>") || !hopTags[tagName(t)] {
			return off
		}
		off = lt
	}
}

// Searches for a page's first words look this many words ahead of the
// last page found; a single word or two, only this near.
const (
	searchWindow = 20000
	shortWindow  = 1500
)

// locate finds a page's first words after ws[from]: as many of them as
// match, at least three, perhaps after a word or two the PDF prints and
// the book does not ("Appendix: " before the FAQ's heading); else its
// first word or two, near from. It returns -1 when nothing matches.
// keys are the words' key numbers (wordIndex.id).
func locate(x *wordIndex, from int, keys []int32) int {
	for k := len(keys); k >= 3; k-- {
		for skip := 0; skip <= maxSkip && skip+k <= len(keys); skip++ {
			if at := find(x, from, keys[skip:skip+k], searchWindow); at >= 0 {
				return at
			}
		}
	}
	for k := min(2, len(keys)); k > 0; k-- {
		if at := find(x, from, keys[:k], shortWindow); at >= 0 {
			return at
		}
	}
	return -1
}

// maxSkip is how many of a page's first words may be missing from the
// book.
const maxSkip = 3

// find returns the first i >= from, within window words of it, where
// x's words continue with keys, or -1.
func find(x *wordIndex, from int, keys []int32, window int) int {
	ws := x.ws
	ps := x.places(keys[0])
	j, _ := slices.BinarySearch(ps, int32(from))
	for ; j < len(ps) && int(ps[j]) <= from+window && int(ps[j])+len(keys) <= len(ws); j++ {
		i, ok := int(ps[j]), true
		for n, k := range keys[1:] {
			if ws[i+1+n].key != k {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// wordIndex is the words of a book's planned documents and where each
// occurs, which paginate searches for the pages' first words. It needs no
// print pages, so Build makes it while the PDF's layout is still under
// way.
type wordIndex struct {
	ws  []word
	ids map[string]int32 // each distinct key's number (word.key)
	// at holds the words' places in ws by key and in order: key k's are
	// at[from[k]:from[k+1]]. One array, where a slice per key grown word
	// by word was most of the index's memory.
	from, at []int32
}

// wordsPerTextByte is about how many words a document's text (its
// markup less the tags) holds a byte (seed: 8,443 in 56.7 KB; the growth
// shapes 1/5.1 to 1/7.2), so that the words are gathered into one array
// sized ahead: grown from nothing, it allocated about three and a half
// times its size (1 MB for the seed). Counted in the markup, a guide of
// one-line sections (a byte of text in thirteen of markup) reserved
// thirteen times what it used: 202 MB for a 4 MiB guide's 118 MB of
// bodies.
const wordsPerTextByte = 1.0 / 6

func (b *book) words() *wordIndex {
	size := 0
	for d := range b.docs {
		size += textBytes(b.docs[d].Body)
	}
	ws := make([]word, 0, int(float64(size)*wordsPerTextByte)+16)
	ids := map[string]int32{}
	var count []int32 // of each key's words
	keyID := func(k []byte) int32 {
		id, ok := ids[string(k)]
		if !ok {
			id = int32(len(count))
			ids[string(k)] = id
			count = append(count, 0)
		}
		count[id]++
		return id
	}
	for d := range b.docs {
		ws = tokens(ws, d, b.docs[d].Body, keyID)
	}
	from := make([]int32, len(count)+1)
	for k, c := range count {
		from[k+1] = from[k] + c
	}
	next := count // each key's next free place in at
	copy(next, from)
	at := make([]int32, len(ws))
	for i, w := range ws {
		at[next[w.key]] = int32(i)
		next[w.key]++
	}
	return &wordIndex{ws: ws, ids: ids, from: from, at: at}
}

// textBytes is the number of bytes of body outside its tags.
func textBytes(body string) int {
	n := 0
	for {
		lt := strings.IndexByte(body, '<')
		if lt < 0 {
			return n + len(body)
		}
		n += lt
		gt := strings.IndexByte(body[lt:], '>')
		if gt < 0 {
			return n
		}
		body = body[lt+gt+1:]
	}
}

// id is key's number, or -1 when no word of the book has that key.
func (x *wordIndex) id(key []byte) int32 {
	if id, ok := x.ids[string(key)]; ok {
		return id
	}
	return -1
}

// places are the places in x.ws of the words whose key is number id, in
// order.
func (x *wordIndex) places(id int32) []int32 {
	if id < 0 {
		return nil
	}
	return x.at[x.from[id]:x.from[id+1]]
}

// paginate puts a marker in the documents where each page starts and
// returns the page list. navBreaks are the markers of the contents'
// pages, which stand at the top of the navigation document.
func (b *book) paginate(starts []export.PageStart, words *wordIndex) (pages []pageRef, navBreaks string) {
	if len(starts) == 0 {
		return nil, ""
	}
	ws := words.ws
	type place struct {
		doc, off int
		nav      bool
	}
	places := make([]place, len(starts))
	var pending []int // pages placed where the next page found is
	cur := 0
	// A page's first words' keys, each made in key and numbered: the
	// same two buffers for every page.
	var keys []int32
	var key []byte
	addKey := func(w string) {
		if key = appendWordKey(key[:0], w); len(key) > 0 {
			keys = append(keys, words.id(key))
		}
	}
	for n, ps := range starts {
		switch ps.Kind {
		case "cover":
			places[n] = place{doc: 0, off: 0}
			continue
		case "contents":
			// The navigation document stands for the printed contents,
			// read after the title page: its pages, and a blank verso
			// before them, are marked at its top.
			for _, q := range pending {
				places[q] = place{nav: true}
			}
			pending = pending[:0]
			places[n] = place{nav: true}
			continue
		}
		keys = keys[:0]
		for _, w := range ps.Words {
			eachWord(w, addKey)
		}
		at := -1
		if ps.Kind != "blank" {
			at = locate(words, cur, keys)
		}
		if at < 0 {
			pending = append(pending, n)
			continue
		}
		p := place{doc: int(ws[at].doc), off: int(ws[at].off)}
		for _, q := range pending {
			places[q] = p
		}
		pending = pending[:0]
		places[n] = p
		cur = at + 1
	}
	// Pages after the last one found: at the end of the last document.
	for _, q := range pending {
		places[q] = place{doc: len(b.docs) - 1, off: len(b.docs[len(b.docs)-1].Body)}
	}

	// Each document is copied once with its markers in (inserting them
	// one by one copied a document per page: quadratic, 9 of the 14 s
	// of a 40,000-subsection guide); markers at one place keep their
	// page order.
	byDoc := map[int][]int{}
	var nav strings.Builder
	for n, p := range places {
		if p.nav {
			writeBreakMarker(&nav, n+1, starts[n].Label)
			continue
		}
		byDoc[p.doc] = append(byDoc[p.doc], n)
	}
	navBreaks = nav.String()
	for d, ns := range byDoc {
		body := b.docs[d].Body
		sort.SliceStable(ns, func(i, j int) bool { return places[ns[i]].off < places[ns[j]].off })
		var out strings.Builder
		out.Grow(len(body) + len(ns)*100)
		done := 0 // body[:done] is in out
		for _, n := range ns {
			// hop looks only before the offset, at text no earlier
			// marker moves: a page's first word is after the last
			// page's.
			at := max(hop(body, places[n].off), done)
			out.WriteString(body[done:at])
			writeBreakMarker(&out, n+1, starts[n].Label)
			done = at
		}
		out.WriteString(body[done:])
		b.docs[d].Body = out.String()
	}
	// One page list entry a page, made at its size: grown by append, the
	// list of a 4 MiB guide's 195,699 pages (6 MB) was copied and faulted
	// in again at each step (0.27 s of its EPUB's CPU, pprof, one core).
	// The entries' hrefs are written one after another into one string,
	// each a piece of it: made each on its own, they were two strings a
	// page (its number, then its href).
	var num [20]byte
	size := 0
	for n, p := range places {
		if p.nav {
			size += len(navFile)
		} else {
			size += len(xhtmlDir) + len(b.docs[p.doc].File)
		}
		size += len("#page-") + len(strconv.AppendInt(num[:0], int64(n+1), 10))
	}
	var hrefs strings.Builder
	hrefs.Grow(size)
	ends := make([]int, len(places))
	for n, p := range places {
		if p.nav {
			hrefs.WriteString(navFile)
		} else {
			hrefs.WriteString(xhtmlDir)
			hrefs.WriteString(b.docs[p.doc].File)
		}
		hrefs.WriteString("#page-")
		hrefs.Write(strconv.AppendInt(num[:0], int64(n+1), 10))
		ends[n] = hrefs.Len()
	}
	all, start := hrefs.String(), 0
	pages = make([]pageRef, len(places))
	for n := range places {
		pages[n] = pageRef{Label: starts[n].Label, Href: all[start:ends[n]]}
		start = ends[n]
	}
	return pages, navBreaks
}
