package epub

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
)

// quickNavLinks reads the links of a navigation document as readNav's
// encoding/xml tokens give them (xmlNavLinks), in one pass over the
// bytes without a string or slice for every name, attribute and run of
// text: a 4 MiB guide's navigation document is 26 MB, ~200,000 links,
// and encoding/xml's tokens were ~8% of its EPUB's CPU. It reads the
// documents the builder writes, which wellFormed has accepted; on what
// it does not vouch for (a CDATA section, a document type other than
// <!DOCTYPE html>, a reference in a link's href or a nav's type or one
// out of range in a link's text, a carriage return in an href) it gives
// up, ok false, and readNav asks encoding/xml (FuzzQuickNavLinks
// compares them).
//
// Each link's href is where it is in b (navLink), which must be shorter
// than 4 GB (readNav).
func quickNavLinks(b []byte) (links []navLink, ok bool) {
	// Room for a link per end tag of one: grown by append, a 4 MiB
	// guide's ~400,000 links (contents and page list, 13 MB) were copied
	// a dozen times (0.17 s of its EPUB's CPU, pprof, one core).
	links = make([]navLink, 0, bytes.Count(b, []byte("</a>")))
	depth, tocDepth := 0, -1
	inA, hasText := false, false
	var href navLink            // the open link's href, where it is in b
	end := func(local []byte) { // an element's end, as readNav takes it
		if string(local) == "a" && inA {
			inA = false
			links = append(links, navLink{start: href.start, end: href.end, toc: tocDepth >= 0, noLabel: !hasText})
		}
		if depth == tocDepth {
			tocDepth = -1
		}
		depth--
	}
	i := 0
	for i < len(b) {
		if b[i] != '<' {
			j := bytes.IndexByte(b[i:], '<')
			if j < 0 {
				j = len(b) - i
			}
			if inA && !hasText {
				if hasText, ok = textIn(b[i : i+j]); !ok {
					return nil, false
				}
			}
			i += j
			continue
		}
		i++
		if i >= len(b) {
			return nil, false
		}
		switch b[i] {
		case '/':
			name, j, ok := xmlName(b, i+1)
			if !ok {
				return nil, false
			}
			j = space(b, j)
			if j >= len(b) || b[j] != '>' {
				return nil, false
			}
			i = j + 1
			end(localName(name))
		case '?':
			j := bytes.Index(b[i:], []byte("?>"))
			if j < 0 {
				return nil, false
			}
			i += j + 2
		case '!':
			switch {
			case bytes.HasPrefix(b[i:], []byte("!DOCTYPE html>")):
				i += len("!DOCTYPE html>")
			case bytes.HasPrefix(b[i:], []byte("!--")):
				j := bytes.Index(b[i+3:], []byte("--"))
				if j < 0 || i+3+j+2 >= len(b) || b[i+3+j+2] != '>' {
					return nil, false
				}
				i += 3 + j + 3
			default:
				return nil, false
			}
		default:
			name, j, ok := xmlName(b, i)
			if !ok {
				return nil, false
			}
			depth++
			local := localName(name)
			isNav, isA := string(local) == "nav", string(local) == "a"
			if isA {
				inA, hasText, href = true, false, navLink{}
			}
			closed := false
		attrs:
			for {
				j = space(b, j)
				switch {
				case j >= len(b):
					return nil, false
				case b[j] == '/':
					if j+1 >= len(b) || b[j+1] != '>' {
						return nil, false
					}
					j += 2
					closed = true
					break attrs
				case b[j] == '>':
					j++
					break attrs
				}
				attr, k, ok := xmlName(b, j)
				if !ok {
					return nil, false
				}
				k = space(b, k)
				if k >= len(b) || b[k] != '=' {
					return nil, false
				}
				k = space(b, k+1)
				if k >= len(b) || (b[k] != '"' && b[k] != '\'') {
					return nil, false
				}
				n := bytes.IndexByte(b[k+1:], b[k])
				if n < 0 {
					return nil, false
				}
				val := b[k+1 : k+1+n]
				j = k + 1 + n + 1
				a := string(localName(attr))
				if !(isNav && a == "type" || isA && a == "href") {
					continue
				}
				if bytes.IndexByte(val, '&') >= 0 || bytes.IndexByte(val, '\r') >= 0 {
					return nil, false
				}
				if isNav && strings.Contains(" "+string(val)+" ", " toc ") {
					tocDepth = depth
				}
				if isA {
					href = navLink{start: uint32(k + 1), end: uint32(k + 1 + n)}
				}
			}
			i = j
			if closed { // <a/>: its start and its end, as encoding/xml gives them
				end(local)
			}
		}
	}
	return links, true
}

// textIn says whether a run of character data holds more than white
// space once its references are read, as strings.TrimSpace of
// encoding/xml's text would; ok is false for a reference it does not
// read (wellFormed has accepted the document, so there are none but the
// predefined entities and character references).
func textIn(t []byte) (has, ok bool) {
	for len(t) > 0 {
		amp := bytes.IndexByte(t, '&')
		if amp < 0 {
			return len(bytes.TrimSpace(t)) > 0, true
		}
		if len(bytes.TrimSpace(t[:amp])) > 0 {
			return true, true
		}
		semi := bytes.IndexByte(t[amp:], ';')
		if semi < 0 {
			return false, false
		}
		ref := t[amp+1 : amp+semi]
		t = t[amp+semi+1:]
		if len(ref) < 2 || ref[0] != '#' {
			return true, true // amp, lt, gt, quot, apos: never white space
		}
		var r uint64
		var err error
		if ref[1] == 'x' {
			r, err = strconv.ParseUint(string(ref[2:]), 16, 32)
		} else {
			r, err = strconv.ParseUint(string(ref[1:]), 10, 32)
		}
		if err != nil || r > unicode.MaxRune {
			return false, false
		}
		if !unicode.IsSpace(rune(r)) {
			return true, true
		}
	}
	return false, true
}

// localName is an element's or attribute's name without its prefix, as
// encoding/xml's Name.Local: "type" of "epub:type"; a name with a colon
// at either end is whole.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}
