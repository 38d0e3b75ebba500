package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"sort"
	"strings"
)

// Verify checks the structure of an EPUB container: mimetype first, stored
// and exact (EPUB 3.3 §4.2.2 / OCF); container.xml pointing at a package
// document; every XML, XHTML, OPF and NCX file well-formed; every manifest
// item present, every file in the container listed, the spine and the
// navigation document resolvable. It is a fast structural self-check run on
// every build, not a substitute for EPUBCheck, which the tests run.
func Verify(data []byte) error {
	zr, err := containerDir(data)
	if err != nil {
		return err
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		if _, dup := files[f.Name]; dup {
			return fmt.Errorf("duplicate entry %s", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc) // also checks the CRC
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		files[f.Name] = b
	}
	return verifyFiles(files)
}

// entrySum is what a container's entry must say of the file it was
// written from: its size and CRC-32.
type entrySum struct {
	size uint64
	crc  uint32
}

// verifyEntries is the container half of Build's self-check, without the
// inflating: the container's directory is read back from data and each
// entry's size and CRC-32 compared with those of the file it was written
// from (sums, which must name every entry, mimetype too). The content
// checks ran on each file as it was made (check). Decompressing what
// compress/flate just compressed would only test the standard library,
// at a third of the check's cost.
func verifyEntries(data []byte, sums map[string]entrySum) error {
	zr, err := containerDir(data)
	if err != nil {
		return err
	}
	seen := make(map[string]bool, len(zr.File))
	for _, f := range zr.File {
		if seen[f.Name] {
			return fmt.Errorf("duplicate entry %s", f.Name)
		}
		seen[f.Name] = true
		s, ok := sums[f.Name]
		if !ok {
			return fmt.Errorf("%s: not a file of the book", f.Name)
		}
		if f.UncompressedSize64 != s.size || f.CRC32 != s.crc {
			return fmt.Errorf("%s: the entry does not hold the file", f.Name)
		}
	}
	if len(seen) != len(sums) {
		return fmt.Errorf("%d entries for %d files", len(seen), len(sums))
	}
	return nil
}

// containerDir reads the zip directory and checks the mimetype entry's
// place and form.
func containerDir(data []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a zip file: %w", err)
	}
	if len(zr.File) == 0 || zr.File[0].Name != "mimetype" {
		return nil, errors.New("mimetype is not the first entry")
	}
	mt := zr.File[0]
	if mt.Method != zip.Store || len(mt.Extra) != 0 {
		return nil, errors.New("mimetype must be stored uncompressed with no extra field")
	}
	return zr, nil
}

// verifyFiles checks the content of a container, by name: check, given
// the files in the order of their names.
func verifyFiles(files map[string][]byte) error {
	return checkAll(&check{full: true}, files)
}

// checkAll runs c on files: the mimetype, container document and package
// document first (start), then every other file in the order of their
// names, then the checks across files (finish).
func checkAll(c *check, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	get := func(name string) ([]byte, bool) { b, ok := files[name]; return b, ok }
	if err := c.start(names, get); err != nil {
		return err
	}
	for _, name := range names {
		if err := c.add(name, files[name]); err != nil {
			return err
		}
	}
	return c.finish()
}

// check is the self-check of a container (verifyFiles) and the preflight
// (preflight.go), fed the container's files one at a time: start reads
// the names of every file and the mimetype, container and package
// documents; add checks one file, keeping of it only what the checks
// across files need (the ids of a content document, the links of the
// navigation document); finish runs those checks. So Build checks each
// file as it is made and zipped, and lets it go: a 4 MiB guide's 118 MB
// of files were held until the whole book was made, zipped and checked,
// beside the navigation links and ids the check read from them (the
// EPUB's peak, and in EPUB+PDF the build's).
//
// The checks are those verifyFiles ran on the files held together; which
// one speaks first when a book breaks several may differ.
type check struct {
	full bool // verifyFiles' own checks, not only the preflight's

	names   map[string]bool
	opf     string
	uid     string
	ncx     string             // the NCX the spine names, if any
	nav     string             // the manifest's (last) navigation document
	tocNav  string             // the preflight's (first) one
	listed  map[string]opfItem // preflight: manifest items by file
	spineAt map[string]int
	ids     *idIndex
	links   map[string]*navRead // nav and tocNav once added
}

// start checks the container's names and its mimetype, container and
// package documents (got from get), and reads what add needs to know of
// the manifest.
func (c *check) start(names []string, get func(string) ([]byte, bool)) error {
	c.names = make(map[string]bool, len(names))
	for _, n := range names {
		c.names[n] = true
	}
	c.ids = &idIndex{ids: map[string]map[string]int{}}
	c.links = map[string]*navRead{}
	var container struct {
		Rootfiles []struct {
			FullPath string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	// Read once for these checks and the preflight's.
	var pkg struct {
		UID string `xml:"unique-identifier,attr"`
		IDs []struct {
			ID   string `xml:"id,attr"`
			Data string `xml:",chardata"`
		} `xml:"metadata>identifier"`
		Langs []string  `xml:"metadata>language"`
		Items []opfItem `xml:"manifest>item"`
		Spine opfSpine  `xml:"spine"`
	}
	containerDoc, _ := get(containerXML)
	if c.full {
		if mt, _ := get("mimetype"); string(mt) != mimetype {
			return fmt.Errorf("mimetype says %q", mt)
		}
		if err := xmlFile(containerXML, containerDoc); err != nil {
			return err
		}
		if err := xml.Unmarshal(containerDoc, &container); err != nil || len(container.Rootfiles) != 1 {
			return fmt.Errorf("%s does not name one package document", containerXML)
		}
	} else if err := xml.Unmarshal(containerDoc, &container); err != nil || len(container.Rootfiles) == 0 {
		return fail(RuleManifest, containerXML, "names no package document")
	}
	opf := container.Rootfiles[0].FullPath
	c.opf = opf
	opfDoc, ok := get(opf)
	if c.full {
		if !ok {
			return fmt.Errorf("package document %s is missing", opf)
		}
		if err := xmlFile(opf, opfDoc); err != nil {
			return err
		}
		if err := xml.Unmarshal(opfDoc, &pkg); err != nil {
			return fmt.Errorf("%s: %w", opf, err)
		}
		if err := c.manifest(opf, pkg.UID, pkg.IDs, pkg.Items, pkg.Spine); err != nil {
			return err
		}
	} else if err := xml.Unmarshal(opfDoc, &pkg); err != nil {
		return fail(RuleManifest, opf, "%v", err)
	}
	return c.preflightStart(names, opfDoc, pkg.Langs, pkg.Items, pkg.Spine)
}

// xmlFile checks that file name is well-formed, if its name says it is
// XML.
func xmlFile(name string, b []byte) error {
	switch path.Ext(name) {
	case ".xml", ".xhtml", ".opf", ".ncx":
		if err := wellFormed(b); err != nil {
			return fmt.Errorf("%s is not well-formed XML: %w", name, err)
		}
	}
	return nil
}

// manifest checks the package document's manifest and spine against the
// container's names.
func (c *check) manifest(opf, uidRef string, idents []struct {
	ID   string `xml:"id,attr"`
	Data string `xml:",chardata"`
}, items []opfItem, spine opfSpine) error {
	base := path.Dir(opf) + "/"
	ids := map[string]opfItem{}
	listed := map[string]bool{}
	for _, it := range items {
		if _, dup := ids[it.ID]; dup {
			return fmt.Errorf("manifest id %s used twice", it.ID)
		}
		ids[it.ID] = it
		name := base + it.Href
		if !c.names[name] {
			return fmt.Errorf("manifest item %s is not in the container", it.Href)
		}
		listed[name] = true
		if strings.Contains(" "+it.Properties+" ", " nav ") {
			c.nav = name
		}
	}
	for name := range c.names {
		if name != "mimetype" && !strings.HasPrefix(name, "META-INF/") && name != opf && !listed[name] {
			return fmt.Errorf("%s is in the container but not in the manifest", name)
		}
	}
	for _, id := range idents {
		if id.ID == uidRef {
			c.uid = strings.TrimSpace(id.Data)
		}
	}
	if c.uid == "" {
		return errors.New("the unique identifier is missing or empty")
	}
	if len(spine.Items) == 0 {
		return errors.New("the spine is empty")
	}
	for _, ref := range spine.Items {
		if _, ok := ids[ref.IDRef]; !ok {
			return fmt.Errorf("spine item %s is not in the manifest", ref.IDRef)
		}
	}
	if c.nav == "" {
		return errors.New("no navigation document")
	}
	if ncx, ok := ids[spine.Toc]; ok {
		c.ncx = base + ncx.Href
	}
	return nil
}

// add checks file name, whose content is b. The mimetype, container and
// package documents, which start checked, are passed over.
func (c *check) add(name string, b []byte) error {
	if name == "mimetype" || name == containerXML || name == c.opf {
		return nil
	}
	if c.full {
		if err := xmlFile(name, b); err != nil {
			return err
		}
		if name == c.ncx {
			metas, err := headMetas(b)
			if err != nil {
				return fmt.Errorf("NCX: %w", err)
			}
			for _, m := range metas {
				if m.Name == "dtb:uid" && m.Content != c.uid {
					return fmt.Errorf("NCX dtb:uid %q is not the package identifier %q", m.Content, c.uid)
				}
			}
		}
	}
	var ids map[string]int // filled with the document's ids by preflightFile
	if contentDocument(name) {
		ids = c.ids.start(name)
	}
	if name == c.nav && c.full || name == c.tocNav {
		r, err := readNav(name, b, c.ids)
		if err != nil {
			if !c.full {
				return fail(RuleTOCOrder, name, "%v", err)
			}
			return err
		}
		c.links[name] = r
	}
	return c.preflightFile(name, b, ids)
}

// finish runs the checks across files, once every file has been added.
func (c *check) finish() error {
	if c.full {
		nav := c.links[c.nav]
		if nav == nil { // never: manifest found it in the container
			return fmt.Errorf("navigation document %s was not checked", c.nav)
		}
		if err := c.linksResolve(nav); err != nil {
			return err
		}
	}
	if c.tocNav == "" {
		return nil
	}
	nav := c.links[c.tocNav]
	if nav == nil { // not in the container: no entries to be out of order
		return nil
	}
	return tocOrder(nav, c.spineAt)
}

// contentDocument says whether file name is one whose ids a link's
// fragment may name, as far as the checks go: XHTML and SVG.
func contentDocument(name string) bool {
	switch path.Ext(name) {
	case ".xhtml", ".html", ".svg":
		return true
	}
	return false
}

// headMetas are the meta elements of an NCX's head (the root's first
// head child), read up to the head's end: what xml.Unmarshal gives for
// "head>meta" when there is one head, as the builder writes it, without
// reading (and reflecting on) the whole navigation map after it, which
// was a fifth of the check's time.
func headMetas(b []byte) ([]ncxMeta, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var metas []ncxMeta
	depth, inHead := 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return metas, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 2 && t.Name.Local == "head":
				inHead = true
			case depth == 3 && inHead && t.Name.Local == "meta":
				var m ncxMeta
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "name":
						m.Name = a.Value
					case "content":
						m.Content = a.Value
					}
				}
				metas = append(metas, m)
			}
		case xml.EndElement:
			if depth == 2 && inHead {
				return metas, nil
			}
			depth--
		}
	}
}

// navRead is a navigation document's links, read once for linksResolve
// and for tocOrder, and the ids of the documents they link to: a 4 MiB
// guide's navigation document is 26 MB, and reading it with
// encoding/xml twice, and indexing the ids of every document twice, was
// 2.6 of the self-check's 5.7 s.
//
// Each link's href is kept as where it is in buf, the document itself
// (or, read by encoding/xml, a buffer of the hrefs it gives), not as a
// string of its own: a 4 MiB guide's ~400,000 links were 32 MB of
// strings and their slice, held with the navigation document while the
// links were checked, the book's heap at its peak (EPUB+PDF, with the
// PDF's plan); they are ~5 MB now, besides the document.
type navRead struct {
	name  string
	buf   []byte
	links []navLink
	ids   *idIndex
}

// navLink is one link of a navigation document: its href is
// buf[start:end] of its navRead.
type navLink struct {
	start, end uint32
	toc        bool // in the nav whose epub:type has toc
	noLabel    bool // its text is empty or white space
}

// href is link l's href.
func (r *navRead) href(l navLink) string { return string(r.hrefBytes(l)) }

// hrefBytes is link l's href, in place.
func (r *navRead) hrefBytes(l navLink) []byte { return r.buf[l.start:l.end] }

// readNav reads the links of the navigation document nav, b; ids is the
// index of the ids they may name. The document is well-formed (the check
// found it so), so its tokens are read raw, without matching end tags or
// translating namespaces again.
func readNav(nav string, b []byte, ids *idIndex) (*navRead, error) {
	if len(b) > math.MaxUint32 { // never: a navigation document of 4 GB
		return nil, fmt.Errorf("%s: %d bytes, too large to check", nav, len(b))
	}
	r := &navRead{name: nav, buf: b, ids: ids}
	if links, ok := quickNavLinks(b); ok {
		r.links = links
		return r, nil
	}
	links, hrefs, err := xmlNavLinks(b)
	if err != nil {
		return nil, err
	}
	r.links, r.buf = links, hrefs
	return r, nil
}

// xmlNavLinks reads the links of a navigation document with encoding/xml
// (raw tokens: the document is well-formed), their hrefs into hrefs.
func xmlNavLinks(b []byte) (links []navLink, hrefs []byte, err error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, tocDepth := 0, -1
	inA, label, href := false, "", ""
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return links, hrefs, nil
		}
		if err != nil {
			return nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "nav":
				for _, a := range t.Attr {
					if a.Name.Local == "type" && strings.Contains(" "+a.Value+" ", " toc ") {
						tocDepth = depth
					}
				}
			case "a":
				inA, label, href = true, "", ""
				for _, a := range t.Attr {
					if a.Name.Local == "href" {
						href = a.Value
					}
				}
			}
		case xml.CharData:
			if inA {
				label += string(t)
			}
		case xml.EndElement:
			if t.Name.Local == "a" && inA {
				inA = false
				start := len(hrefs)
				hrefs = append(hrefs, href...)
				if len(hrefs) > math.MaxUint32 {
					return nil, nil, errors.New("the links' hrefs are too long to check")
				}
				links = append(links, navLink{start: uint32(start), end: uint32(len(hrefs)), toc: tocDepth >= 0, noLabel: strings.TrimSpace(label) == ""})
			}
			if depth == tocDepth {
				tocDepth = -1
			}
			depth--
		}
	}
}

// linksResolve checks that every link of the navigation document names a
// file in the container and, with a fragment, an id in that file, and that
// every entry has a non-empty label.
//
// Each content document's ids (contentDocument) are collected once, as it
// is added to the check, so the check costs one pass over the navigation
// document and one over each document (it used to search a whole file for
// every link: quadratic in sections).
func (c *check) linksResolve(nav *navRead) error {
	dir := path.Dir(nav.name)
	// The last link's path, and what is known of its file: most links
	// are to the file before's.
	var (
		lastPath, target string
		last, found      bool
		ids              map[string]int // target's, nil if none were indexed
	)
	setPath := func(p string) {
		lastPath, target, last = p, path.Join(dir, p), true
		found, ids = c.names[target], nav.ids.ids[target]
	}
	for _, l := range nav.links {
		if l.noLabel {
			return fmt.Errorf("navigation entry %q has no label", nav.href(l))
		}
		// A plain reference (every one the builder writes) is read in
		// place, as parseRef would read it, without making it a string:
		// a 4 MiB guide's navigation document has ~400,000 links.
		var frag []byte
		if raw := nav.hrefBytes(l); plainRef(raw) {
			p, f, _ := bytes.Cut(raw, []byte("#"))
			if !last || string(p) != lastPath {
				setPath(string(p))
			}
			frag = f
		} else {
			u, err := parseRef(nav.href(l))
			if err != nil {
				return fmt.Errorf("navigation link %q: %w", nav.href(l), err)
			}
			if !last || u.path != lastPath {
				setPath(u.path)
			}
			frag = []byte(u.fragment)
		}
		if !found {
			return fmt.Errorf("navigation link %q: no such file", nav.href(l))
		}
		if len(frag) == 0 {
			continue
		}
		if _, ok := ids[string(frag)]; !ok {
			return fmt.Errorf("navigation link %q: no such id", nav.href(l))
		}
	}
	return nil
}
