package epub

import (
	"bytes"
	"fmt"
	"html"
	"image"
	_ "image/gif" // GIF images are checked like PNG and JPEG
	_ "image/jpeg"
	_ "image/png"
	"net/url"
	"path"
	"strings"

	"golang.org/x/text/language"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// Preflight: the known, checkable reasons e-reader services reject a book
// or show it wrongly, checked on every EPUB guidepress writes (verifyFiles
// ends with it), so that no file of ours is one of them:
//
//   - language: Send to Kindle needs dc:language (E999 otherwise), and
//     every content document its lang/xml:lang for hyphenation and voices;
//   - toc-order: Kindle and Kobo show a table of contents whose entries
//     jump backwards in the reading order as broken navigation;
//   - double-hyphen: "--" inside an XML comment is ill-formed XML, and a
//     CSS custom property (--name, var(--name)) makes Send to Kindle fail
//     the whole book;
//   - image-limits: Send to Kindle refuses images over 5 MB, Apple Books
//     downsamples or rejects images over 5.6 million pixels, and an image
//     whose bytes are not the format the manifest declares is dropped;
//   - manifest: every file a document links to (images, styles, fonts,
//     other documents) must be in the container and in the manifest;
//   - uri-encoding: every href and src must be a percent-encoded URI
//     (ASCII, no spaces), and every file name in the container portable
//     (A-Z a-z 0-9 . _ - /), which Kobo's and Kindle's converters need.
//
// Each finding is a *PreflightError naming its rule and file.

// Preflight rules, as named in errors.
const (
	RuleLanguage     = "language"
	RuleTOCOrder     = "toc-order"
	RuleDoubleHyphen = "double-hyphen"
	RuleImageLimits  = "image-limits"
	RuleManifest     = "manifest"
	RuleURIEncoding  = "uri-encoding"
)

// E-reader image limits.
const (
	MaxImageBytes  = 5 << 20   // Send to Kindle
	MaxImagePixels = 5_600_000 // Apple Books
)

// PreflightError is one preflight finding.
type PreflightError struct {
	Rule string // one of the Rule… constants
	File string // the file in the container
	Msg  string
}

func (e *PreflightError) Error() string {
	return fmt.Sprintf("preflight %s: %s: %s", e.Rule, e.File, e.Msg)
}

func fail(rule, file, format string, args ...any) error {
	return &PreflightError{Rule: rule, File: file, Msg: fmt.Sprintf(format, args...)}
}

// preflight checks files, a container verifyFiles has found structurally
// sound, against the rules above: check without verifyFiles' own checks.
func preflight(files map[string][]byte) error {
	return checkAll(&check{}, files)
}

// preflightStart is the preflight of what check.start reads: the
// container's names, and the package document opf (its languages,
// manifest and spine, which start reads once for its checks and these).
func (c *check) preflightStart(names []string, opf []byte, langs []string, items []opfItem, spine opfSpine) error {
	base := path.Dir(c.opf)

	// File names in the container (names is sorted).
	for _, name := range names {
		if !portableName(name) {
			return fail(RuleURIEncoding, name, "the file name has characters outside A-Z a-z 0-9 . _ - /; rename it")
		}
	}

	// language
	if len(langs) == 0 || strings.TrimSpace(langs[0]) == "" {
		return fail(RuleLanguage, c.opf, "no dc:language")
	}
	if _, err := language.Parse(strings.TrimSpace(langs[0])); err != nil {
		return fail(RuleLanguage, c.opf, "dc:language %q is not a BCP 47 tag", langs[0])
	}

	c.listed = map[string]opfItem{}
	byID := map[string]string{}
	for _, it := range items {
		if err := checkURI(it.Href); err != nil {
			return fail(RuleURIEncoding, c.opf, "manifest href %q: %v", it.Href, err)
		}
		name := resolve(base, it.Href)
		c.listed[name] = it
		byID[it.ID] = name
		if c.tocNav == "" && strings.Contains(" "+it.Properties+" ", " nav ") {
			c.tocNav = name // toc-order, at finish
		}
	}
	c.spineAt = map[string]int{}
	for i, ref := range spine.Items {
		if _, seen := c.spineAt[byID[ref.IDRef]]; !seen {
			c.spineAt[byID[ref.IDRef]] = i
		}
	}
	return checkComments(c.opf, opf)
}

// preflightFile is the preflight of file name, b: its language, comments,
// custom properties and references, by its media type in the manifest.
// ids, when not nil, is to be filled with the file's ids (idIndex.start):
// a content document's are read in the same pass as its references
// (checkDocument), any other file's here.
func (c *check) preflightFile(name string, b []byte, ids map[string]int) error {
	it, ok := c.listed[name]
	if !ok || it.MediaType != "application/xhtml+xml" {
		indexIDs(ids, b)
	}
	if !ok {
		return nil
	}
	if strings.HasSuffix(it.MediaType, "xml") {
		if err := checkComments(name, b); err != nil {
			return err
		}
	}
	switch {
	case it.MediaType == "application/xhtml+xml":
		return checkDocument(name, b, c.names, c.listed, ids)
	case it.MediaType == "text/css":
		return checkCSS(name, string(b), c.names, c.listed)
	case strings.HasPrefix(it.MediaType, "image/"):
		return checkImage(name, it.MediaType, b)
	}
	return nil
}

// portableName: the characters every e-reader's converter keeps.
func portableName(name string) bool {
	for _, c := range []byte(name) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '/') {
			return false
		}
	}
	return name != "" && !strings.Contains(name, "..")
}

// checkURI accepts a URI reference in its percent-encoded form: printable
// ASCII only, no spaces or characters RFC 3986 excludes, well-formed %XX.
func checkURI(ref string) error {
	for i := 0; i < len(ref); i++ {
		c := ref[i]
		switch {
		case c <= ' ' || c >= 0x7f:
			return fmt.Errorf("has a space, control or non-ASCII character; percent-encode it")
		case strings.IndexByte(`"<>\^`+"`"+`{|}`, c) >= 0:
			return fmt.Errorf("has %q, which a URI must percent-encode", c)
		case c == '%':
			if i+2 >= len(ref) || !isHex(ref[i+1]) || !isHex(ref[i+2]) {
				return fmt.Errorf("has a %% that does not start a %%XX escape")
			}
		}
	}
	_, err := parseRef(ref)
	return err
}

// uriRef is what the checks read of a URI reference: url.Parse's Path and
// Fragment, and whether it names a scheme or a host.
type uriRef struct {
	path, fragment string
	outside        bool
}

// parseRef is url.Parse(s) as a uriRef. A plain relative reference (plainRef:
// every link the builder writes) is cut at its '#' without url.Parse,
// which makes a URL and its strings for each: a 4 MiB guide's book has
// ~600,000 links, each parsed two or three times by the self-check.
func parseRef(s string) (uriRef, error) {
	if plainRef(s) {
		p, f, _ := strings.Cut(s, "#")
		return uriRef{path: p, fragment: f}, nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return uriRef{}, err
	}
	return uriRef{path: u.Path, fragment: u.Fragment, outside: u.Scheme != "" || u.Host != ""}, nil
}

// plainRef says whether s is a relative path of letters, digits and
// "._-/", not starting with '/', with at most a fragment of letters,
// digits and "._-": one that url.Parse reads as that path and fragment,
// with no scheme, host, query or escapes. (Of bytes too: checkDocument
// asks it of an attribute's value before making it a string.)
func plainRef[T string | []byte](s T) bool {
	if len(s) > 0 && s[0] == '/' {
		return false
	}
	frag := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-':
		case c == '/' && !frag:
		case c == '#' && !frag:
			frag = true
		default:
			return false
		}
	}
	return true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// resolve joins a relative reference's path to the directory of the file
// it appears in; "" for references that leave the container (a scheme or
// an absolute path) or are fragment-only.
func resolve(dir, s string) string {
	u, err := parseRef(s)
	if err != nil || u.outside || u.path == "" || strings.HasPrefix(u.path, "/") {
		return ""
	}
	return path.Join(dir, u.path)
}

// checkDocument checks a content document: the root's language, every
// href/src (encoding, and a local target in the manifest), style elements
// and attributes. The document is well-formed (verifyFiles checked it), so
// it is read lexically: a second full XML parse of every document would
// cost more than the rest of the preflight together. Its ids are put in
// ids (if not nil) in the same pass (idIndex.start), which reads the
// document once where two passes, one for the references and one for the
// ids, read it twice.
func checkDocument(name string, data []byte, names map[string]bool, listed map[string]opfItem, ids map[string]int) error {
	root := data
	if i := bytes.Index(data, []byte("<html")); i >= 0 {
		root = data[i:]
		if j := bytes.IndexByte(root, '>'); j >= 0 {
			root = root[:j]
		}
	}
	if m := rootLang.FindSubmatch(root); m == nil || len(bytes.TrimSpace(m[1])) == 0 {
		return fail(RuleLanguage, name, "the <html> root has no lang or xml:lang")
	}
	// A plain reference (plainRef: every one the builder writes) is
	// checked by its path alone, which checkRef would find good or not
	// whatever its fragment, and a path found good is not checked again
	// when the next reference has it too: the navigation document of a 4
	// MiB guide has ~400,000 links, a few hundred to each document, and
	// each was made a string, unescaped, scanned twice, parsed twice and
	// joined to its directory (0.16 s).
	var goodPath []byte // the last plain reference's path found good
	err := quotedAttrGroups(data, refAndIDAttrs, func(group, start int, attr string, value []byte) error {
		if group == 1 {
			addID(ids, start, value)
			return nil
		}
		if attr != "style" && plainRef(value) {
			p, _, _ := bytes.Cut(value, []byte("#"))
			if len(p) == 0 || goodPath != nil && bytes.Equal(p, goodPath) {
				return nil // only a fragment (resolve: ""), or a good path
			}
			if err := checkRef(name, string(value), names, listed); err != nil {
				return err
			}
			goodPath = p
			return nil
		}
		v := html.UnescapeString(string(value))
		if attr == "style" {
			return checkCSS(name, v, names, listed)
		}
		return checkRef(name, v, names, listed)
	})
	if err != nil {
		return err
	}
	if !bytes.Contains(data, []byte("<style")) {
		return nil // the common case, without the expression
	}
	for _, m := range styles.FindAllSubmatch(data, -1) {
		if err := checkCSS(name, html.UnescapeString(string(m[1])), names, listed); err != nil {
			return err
		}
	}
	return nil
}

// The expressions are compiled on first use (lazyre): compiled in a
// package init they cost every guidepress process ~0.35 ms and 26 KB
// (1.7% of --version's perf samples, with cssURL's), though only an EPUB
// build checks a book.
var (
	rootLang = lazyre.New(`\s(?:xml:)?lang="([^"]*)"`)
	styles   = lazyre.New(`(?s)<style[^>]*>(.*?)</style>`)
	// refAttrs are the attributes checkDocument checks.
	refAttrs = []string{"href", "src", "style"}
	// refAndIDAttrs are what checkDocument reads: refAttrs, and the ids
	// (idName) it indexes.
	refAndIDAttrs = [][]string{refAttrs, idName}
)

// quotedAttrs calls f, in document order, for each attribute of data
// written name="value" after a white-space character, whose name is one
// of names: what the expression \s(name|…)="([^"]*)" finds (\s being tab,
// newline, form feed, carriage return or space), found with bytes.Index
// instead, which is several times faster on a whole document. start is
// where the match begins (the white space). It stops at f's first error.
func quotedAttrs(data []byte, names []string, f func(start int, name string, value []byte) error) error {
	return quotedAttrGroups(data, [][]string{names}, func(_, start int, name string, value []byte) error {
		return f(start, name, value)
	})
}

// quotedAttrGroups is quotedAttrs for each group of names (at most
// maxGroups), in one pass over data: f is called with the group's index
// for what quotedAttrs(data, groups[g], …) finds, in document order
// (where one place is found for several groups, in the groups' order).
// Each group keeps its own place, as its own pass would: a group's match
// is passed over to its closing quote, where another group's search goes
// on from the "=".
func quotedAttrGroups(data []byte, groups [][]string, f func(group, start int, name string, value []byte) error) error {
	eqQuote := []byte(`="`)
	var from [maxGroups]int // where each group's own pass would search on from
	for i := 0; ; {
		j := bytes.Index(data[i:], eqQuote)
		if j < 0 {
			return nil
		}
		eq := i + j
		end := -1 // the closing quote's place, once looked for
		for g, names := range groups {
			if eq < from[g] {
				continue // in a value this group's pass passed over
			}
			name := ""
			for _, n := range names {
				// The white space before the name is at or after from[g]:
				// that is 0 or just past a closing quote, which no name
				// holds. It is looked at before the name: most attributes
				// (class, dir, epub:type, role, aria-*) have none where a
				// name of the group's would start, and the names are
				// compared no more.
				if at := eq - len(n); at > from[g] && isSpace(data[at-1]) && string(data[at:eq]) == n {
					name = n
					break
				}
			}
			if name == "" {
				from[g] = eq + 1
				continue
			}
			val := eq + len(eqQuote)
			if end < 0 {
				k := bytes.IndexByte(data[val:], '"')
				if k < 0 {
					return nil // no closing quote, so no later `="` either
				}
				end = val + k
			}
			if err := f(g, eq-len(name)-1, name, data[val:end]); err != nil {
				return err
			}
			from[g] = end + 1
		}
		i = eq + 1
	}
}

// maxGroups is the most groups quotedAttrGroups takes.
const maxGroups = 2

// isSpace is the expressions' \s.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// checkRef checks one reference made from file name.
func checkRef(name, ref string, names map[string]bool, listed map[string]opfItem) error {
	if err := checkURI(ref); err != nil {
		return fail(RuleURIEncoding, name, "link %q: %v", ref, err)
	}
	target := resolve(path.Dir(name), ref)
	if target == "" {
		return nil
	}
	if !names[target] {
		return fail(RuleManifest, name, "links to %s, which is not in the book", target)
	}
	if _, ok := listed[target]; !ok {
		return fail(RuleManifest, name, "links to %s, which is not in the manifest", target)
	}
	return nil
}

var (
	cssComment  = lazyre.New(`(?s)/\*.*?\*/`)
	cssString   = lazyre.New(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`)
	cssCustom   = lazyre.New(`(?:^|[\s;{(,:])--[A-Za-z0-9_-]*`)
	cssURL      = lazyre.New(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)`)
	commentOpen = []byte("<!--")
)

// warmPreflight compiles the expressions preflight uses (see Warm).
func warmPreflight() {
	for _, r := range []*lazyre.Regexp{rootLang, styles, cssComment, cssString, cssCustom, cssURL} {
		r.Regexp()
	}
}

// checkCSS refuses custom properties and var() and checks url()s.
func checkCSS(name, css string, names map[string]bool, listed map[string]opfItem) error {
	if !strings.Contains(css, "--") && !strings.Contains(css, "url(") {
		return nil // the common case, without the regular expressions
	}
	for _, m := range cssURL.FindAllStringSubmatch(cssComment.ReplaceAllString(css, " "), -1) {
		ref := m[1] + m[2] + m[3]
		if err := checkRef(name, ref, names, listed); err != nil {
			return err
		}
	}
	bare := cssString.ReplaceAllString(cssComment.ReplaceAllString(css, " "), `""`)
	if m := cssCustom.FindString(bare); m != "" {
		return fail(RuleDoubleHyphen, name, "CSS custom property %q: Send to Kindle rejects books that use them; write the value out", strings.TrimLeft(m, " \t\r\n;{(,:"))
	}
	return nil
}

// checkComments refuses "--" inside an XML comment (XML 1.0 §2.5) and a
// comment ending in "-".
func checkComments(name string, data []byte) error {
	for rest := data; ; {
		i := bytes.Index(rest, commentOpen)
		if i < 0 {
			return nil
		}
		rest = rest[i+len(commentOpen):]
		j := bytes.Index(rest, []byte("-->"))
		if j < 0 {
			return fail(RuleDoubleHyphen, name, "an XML comment is not closed")
		}
		body := rest[:j]
		if bytes.Contains(body, []byte("--")) || bytes.HasSuffix(body, []byte("-")) {
			return fail(RuleDoubleHyphen, name, `"--" inside an XML comment`)
		}
		rest = rest[j+3:]
	}
}

// checkImage checks an image against e-reader limits and its declared type.
func checkImage(name, mediaType string, data []byte) error {
	if len(data) > MaxImageBytes {
		return fail(RuleImageLimits, name, "%d bytes; Send to Kindle refuses images over %d MB", len(data), MaxImageBytes>>20)
	}
	if mediaType == "image/svg+xml" {
		return nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fail(RuleImageLimits, name, "not a readable image: %v", err)
	}
	if "image/"+format != mediaType && !(format == "jpeg" && mediaType == "image/jpeg") {
		return fail(RuleImageLimits, name, "the manifest says %s but the file is %s", mediaType, format)
	}
	if px := cfg.Width * cfg.Height; px > MaxImagePixels {
		return fail(RuleImageLimits, name, "%d×%d is %.1f million pixels; Apple Books takes at most %.1f million", cfg.Width, cfg.Height, float64(px)/1e6, float64(MaxImagePixels)/1e6)
	}
	return nil
}

// idIndex is where each id is in the documents added to it (check.add
// adds every content document, as it is checked), by document.
type idIndex struct {
	ids  map[string]map[string]int
	last map[string]int // the index of the document added last
}

// idName is the attribute idIndex reads.
var idName = []string{"id"}

// add indexes the ids of document doc, b (once: a document added again
// keeps its first index).
func (x *idIndex) add(doc string, b []byte) {
	indexIDs(x.start(doc), b)
}

// start is the index of document doc's ids, empty, to be filled with
// indexIDs or addID; nil if doc was added before, whose first index is
// kept. It is made with room for as many ids as the document before had:
// a book's documents are much alike, and grown from nothing a map is
// copied at every doubling (a 4 MiB guide's 500 documents have ~1,200
// ids each).
func (x *idIndex) start(doc string) map[string]int {
	if _, ok := x.ids[doc]; ok {
		return nil
	}
	m := make(map[string]int, len(x.last))
	x.ids[doc], x.last = m, m
	return m
}

// indexIDs puts the ids of b in m (if not nil).
func indexIDs(m map[string]int, b []byte) {
	if m == nil {
		return
	}
	quotedAttrs(b, idName, func(start int, _ string, value []byte) error {
		addID(m, start, value)
		return nil
	})
}

// addID puts id value, found at start, in m (if not nil), unless an
// earlier one has it.
func addID(m map[string]int, start int, value []byte) {
	if m == nil {
		return
	}
	if _, dup := m[string(value)]; !dup {
		m[string(value)] = start
	}
}

// offset is where id is in document doc, if doc was added and has it.
func (x *idIndex) offset(doc, id string) (int, bool) {
	off, ok := x.ids[doc][id]
	return off, ok
}

// tocOrder checks that the toc nav's entries follow the reading order:
// each entry's document is in the spine at or after the previous entry's,
// and within one document its target comes after the previous one.
func tocOrder(nav *navRead, spineAt map[string]int) error {
	dir := path.Dir(nav.name)
	prevSpine, prevOff, prev := -1, -1, navLink{}
	// The last entry's path and document, and what is known of the
	// document: most entries are in the document of the one before.
	var (
		lastPath, lastDoc string
		last, inSpine     bool
		at                int
		ids               map[string]int // lastDoc's, nil if none were indexed
	)
	setDoc := func(p, doc string, ok bool) {
		lastPath, lastDoc, last = p, doc, ok
		at, inSpine = spineAt[doc]
		ids = nav.ids.ids[doc]
	}
	for _, l := range nav.links {
		if !l.toc {
			continue
		}
		// A plain reference (every one the builder writes) is read in
		// place, as parseRef would read it, without making it a string.
		var frag []byte
		if raw := nav.hrefBytes(l); plainRef(raw) {
			p, f, _ := bytes.Cut(raw, []byte("#"))
			if !last || string(p) != lastPath {
				doc := ""
				if len(p) > 0 { // resolve's verdict on a plain reference
					doc = path.Join(dir, string(p))
				}
				setDoc(string(p), doc, true)
			}
			frag = f
		} else {
			href := nav.href(l)
			u, err := parseRef(href)
			if err != nil || !last || u.path != lastPath || u.outside {
				setDoc(u.path, resolve(dir, href), err == nil)
			}
			if err == nil {
				frag = []byte(u.fragment)
			}
		}
		if !inSpine {
			return fail(RuleTOCOrder, nav.name, "the contents entry %q is not in the reading order (spine)", nav.href(l))
		}
		off := 0
		if len(frag) > 0 {
			var ok bool
			if off, ok = ids[string(frag)]; !ok {
				return fail(RuleTOCOrder, nav.name, "the contents entry %q names no id in %s", nav.href(l), lastDoc)
			}
		}
		if at < prevSpine || (at == prevSpine && off < prevOff) {
			return fail(RuleTOCOrder, nav.name, "the contents entry %q comes before %q in the reading order but after it in the table of contents", nav.href(l), nav.href(prev))
		}
		prevSpine, prevOff, prev = at, off, l
	}
	return nil
}
