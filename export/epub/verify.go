package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
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

// verifyBuilt is Build's self-check, Verify without the inflating: the
// container's directory is read back from data and each entry's size and
// CRC-32 compared with the file it was written from (files, which must
// hold every entry, mimetype too); the content checks then run on files.
// Decompressing what compress/flate just compressed would only test the
// standard library, at a third of the check's cost.
func verifyBuilt(data []byte, files map[string][]byte) error {
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
		b, ok := files[f.Name]
		if !ok {
			return fmt.Errorf("%s: not a file of the book", f.Name)
		}
		if f.UncompressedSize64 != uint64(len(b)) || f.CRC32 != crc32.ChecksumIEEE(b) {
			return fmt.Errorf("%s: the entry does not hold the file", f.Name)
		}
	}
	if len(seen) != len(files) {
		return fmt.Errorf("%d entries for %d files", len(seen), len(files))
	}
	return verifyFiles(files)
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

// verifyFiles checks the content of a container, by name.
func verifyFiles(files map[string][]byte) error {
	if string(files["mimetype"]) != mimetype {
		return fmt.Errorf("mimetype says %q", files["mimetype"])
	}
	for name, b := range files {
		switch path.Ext(name) {
		case ".xml", ".xhtml", ".opf", ".ncx":
			if err := wellFormed(b); err != nil {
				return fmt.Errorf("%s is not well-formed XML: %w", name, err)
			}
		}
	}

	var container struct {
		Rootfiles []struct {
			FullPath string `xml:"full-path,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := xml.Unmarshal(files[containerXML], &container); err != nil || len(container.Rootfiles) != 1 {
		return fmt.Errorf("%s does not name one package document", containerXML)
	}
	opf := container.Rootfiles[0].FullPath
	// Read once for these checks and preflight's (Langs).
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
	if _, ok := files[opf]; !ok {
		return fmt.Errorf("package document %s is missing", opf)
	}
	if err := xml.Unmarshal(files[opf], &pkg); err != nil {
		return fmt.Errorf("%s: %w", opf, err)
	}
	base := path.Dir(opf) + "/"
	ids := map[string]opfItem{}
	listed := map[string]bool{}
	nav := ""
	for _, it := range pkg.Items {
		if _, dup := ids[it.ID]; dup {
			return fmt.Errorf("manifest id %s used twice", it.ID)
		}
		ids[it.ID] = it
		name := base + it.Href
		if _, ok := files[name]; !ok {
			return fmt.Errorf("manifest item %s is not in the container", it.Href)
		}
		listed[name] = true
		if strings.Contains(" "+it.Properties+" ", " nav ") {
			nav = name
		}
	}
	for name := range files {
		if name != "mimetype" && !strings.HasPrefix(name, "META-INF/") && name != opf && !listed[name] {
			return fmt.Errorf("%s is in the container but not in the manifest", name)
		}
	}
	uid := ""
	for _, id := range pkg.IDs {
		if id.ID == pkg.UID {
			uid = strings.TrimSpace(id.Data)
		}
	}
	if uid == "" {
		return errors.New("the unique identifier is missing or empty")
	}
	if len(pkg.Spine.Items) == 0 {
		return errors.New("the spine is empty")
	}
	for _, ref := range pkg.Spine.Items {
		if _, ok := ids[ref.IDRef]; !ok {
			return fmt.Errorf("spine item %s is not in the manifest", ref.IDRef)
		}
	}
	if nav == "" {
		return errors.New("no navigation document")
	}
	navLinks, err := readNav(files, nav)
	if err != nil {
		return err
	}
	if err := linksResolve(files, navLinks); err != nil {
		return err
	}
	if ncx, ok := ids[pkg.Spine.Toc]; ok {
		metas, err := headMetas(files[base+ncx.Href])
		if err != nil {
			return fmt.Errorf("NCX: %w", err)
		}
		for _, m := range metas {
			if m.Name == "dtb:uid" && m.Content != uid {
				return fmt.Errorf("NCX dtb:uid %q is not the package identifier %q", m.Content, uid)
			}
		}
	}
	// preflight.go: e-reader rejection causes
	return preflightPackage(files, opf, pkg.Langs, pkg.Items, pkg.Spine, navLinks)
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
type navRead struct {
	name  string
	links []navLink
	ids   *idIndex
}

// navLink is one link of a navigation document.
type navLink struct {
	href    string
	toc     bool // in the nav whose epub:type has toc
	noLabel bool // its text is empty or white space
}

// readNav reads the links of the navigation document nav. The document
// is well-formed (verifyFiles checked it), so its tokens are read raw,
// without matching end tags or translating namespaces again.
func readNav(files map[string][]byte, nav string) (*navRead, error) {
	r := &navRead{name: nav, ids: &idIndex{files: files, ids: map[string]map[string]int{}}}
	if links, ok := quickNavLinks(files[nav]); ok {
		r.links = links
		return r, nil
	}
	links, err := xmlNavLinks(files[nav])
	if err != nil {
		return nil, err
	}
	r.links = links
	return r, nil
}

// xmlNavLinks reads the links of a navigation document with encoding/xml
// (raw tokens: the document is well-formed).
func xmlNavLinks(b []byte) ([]navLink, error) {
	var links []navLink
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, tocDepth := 0, -1
	inA, label, href := false, "", ""
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return links, nil
		}
		if err != nil {
			return nil, err
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
				links = append(links, navLink{href: href, toc: tocDepth >= 0, noLabel: strings.TrimSpace(label) == ""})
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
// Each file's ids are collected once, on its first link, so the check costs
// one pass over the navigation document and one over each file it links to
// (it used to search a whole file for every link: quadratic in sections).
func linksResolve(files map[string][]byte, nav *navRead) error {
	for _, l := range nav.links {
		if l.noLabel {
			return fmt.Errorf("navigation entry %q has no label", l.href)
		}
		u, err := parseRef(l.href)
		if err != nil {
			return fmt.Errorf("navigation link %q: %w", l.href, err)
		}
		target := path.Join(path.Dir(nav.name), u.path)
		if _, ok := files[target]; !ok {
			return fmt.Errorf("navigation link %q: no such file", l.href)
		}
		if u.fragment == "" {
			continue
		}
		if _, ok := nav.ids.offset(target, u.fragment); !ok {
			return fmt.Errorf("navigation link %q: no such id", l.href)
		}
	}
	return nil
}
