package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/internal/lazyre"
	"go.yaml.in/yaml/v3"
)

// FrontMatter is the metadata block a Markdown guide may start with, as YAML
// between "---" lines or TOML between "+++" lines. Its keys are the JSON
// model's, so one name means one thing in every format:
//
//	title            the guide's own title ("Emma — A Study Guide")
//	author           the guide's author (a teacher, a library), never the book's
//	publisher        the guide's publisher
//	book.title       the book the guide is about ("book: TITLE" too)
//	book.author      the book's author
//	book.year        the book's year of first publication
//	language         BCP 47 tag (en, fr-CA…)
//	reading_minutes  reading time of the guide
//	cover            cover image, a path relative to the Markdown file
//	smart            false keeps quotes and dashes exactly as typed
type FrontMatter struct {
	Title          string   `yaml:"title,omitempty" toml:"title"`
	Author         string   `yaml:"author,omitempty" toml:"author"`
	Publisher      string   `yaml:"publisher,omitempty" toml:"publisher"`
	Book           BookMeta `yaml:"book" toml:"book"`
	Language       string   `yaml:"language,omitempty" toml:"language"`
	ReadingMinutes int      `yaml:"reading_minutes,omitempty" toml:"reading_minutes"`
	Cover          string   `yaml:"cover,omitempty" toml:"cover"`
	Smart          *bool    `yaml:"smart,omitempty" toml:"smart"`
}

// BookMeta is the front matter's book: its keys, or just its title
// ("book: Middlemarch", as people write it).
type BookMeta struct {
	Title  string `yaml:"title,omitempty" toml:"title"`
	Author string `yaml:"author,omitempty" toml:"author"`
	Year   int    `yaml:"year,omitempty" toml:"year"`
	// unknown are keys under book that are not BookMeta's (TOML; the YAML
	// reader finds them in its node tree), warned about, never dropped
	// silently.
	unknown []string
}

// bookKeys is BookMeta without its methods, for the decoders.
type bookKeys struct {
	Title  string `yaml:"title,omitempty"`
	Author string `yaml:"author,omitempty"`
	Year   int    `yaml:"year,omitempty"`
}

var errBookShape = errors.New(`"book" must be the book's title ("book: Middlemarch") or its keys on the lines under it ("  title: …", "  author: …", "  year: 1871")`)

// UnmarshalYAML takes a scalar as the book's title, a mapping as its keys.
func (b *BookMeta) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		b.Title = strings.TrimSpace(n.Value)
		return nil
	case yaml.MappingNode:
		var k bookKeys
		if err := n.Decode(&k); err != nil {
			return err
		}
		b.Title, b.Author, b.Year = k.Title, k.Author, k.Year
		return nil
	}
	return &content.LineError{Line: n.Line + 1, Err: errBookShape}
}

// UnmarshalTOML takes a string as the book's title, a table as its keys.
func (b *BookMeta) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		b.Title = strings.TrimSpace(v)
		return nil
	case map[string]any:
		for k, x := range v {
			var ok bool
			switch k {
			case "title":
				b.Title, ok = x.(string)
			case "author":
				b.Author, ok = x.(string)
			case "year":
				var y int64
				y, ok = x.(int64)
				b.Year = int(y)
				if !ok {
					return fmt.Errorf("book.year must be a whole number (year = 1871), not %v", x)
				}
				continue
			default:
				b.unknown = append(b.unknown, "book."+k)
				continue
			}
			if !ok {
				return fmt.Errorf("book.%s must be text in quotes (%s = \"…\"), not %v", k, k, x)
			}
		}
		return nil
	}
	return errBookShape
}

// Keys lists the front-matter keys, as dotted paths, in documentation order.
var Keys = []string{"title", "author", "publisher", "book", "book.title", "book.author", "book.year",
	"language", "reading_minutes", "cover", "smart"}

func knownKey(k string) bool {
	for _, x := range Keys {
		if x == k {
			return true
		}
	}
	return false
}

// splitFrontMatter finds a front-matter block at the start of text. It
// returns the block's body (without the fences), its format ("yaml",
// "toml" or ""), the number of lines the block takes (fences included), and
// the rest of the text.
func splitFrontMatter(text string) (body, format string, lines int, rest string, err error) {
	var fence string
	switch {
	case strings.HasPrefix(text, "---\n") || text == "---":
		fence, format = "---", "yaml"
	case strings.HasPrefix(text, "+++\n") || text == "+++":
		fence, format = "+++", "toml"
	default:
		return "", "", 0, text, nil
	}
	i := len(fence) + 1
	n := 1
	for i <= len(text) {
		j := strings.IndexByte(text[i:], '\n')
		line := text[i:]
		if j >= 0 {
			line = text[i : i+j]
		}
		n++
		if strings.TrimRight(line, " \t") == fence || (format == "yaml" && strings.TrimRight(line, " \t") == "...") {
			body = text[len(fence)+1 : i]
			if j < 0 {
				return body, format, n, "", nil
			}
			return body, format, n, text[i+j+1:], nil
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return "", format, 0, text, &content.LineError{Line: 1, Err: fmt.Errorf("the %s front matter opened by %q on this line is never closed; end it with a line %q", strings.ToUpper(format), fence, fence)}
}

var yamlLineRE = lazyre.New(`^yaml: (?:line (\d+): )?`)

// toolKeys are the front-matter keys Obsidian, Notion, Jekyll, Hugo and
// other note-taking and site tools write: not a guide's, and not a typo
// for one, so they are named together in one note, not warned of one by
// one.
var toolKeys = map[string]bool{
	"aliases": true, "alias": true, "tags": true, "tag": true, "cssclass": true, "cssclasses": true,
	"created": true, "updated": true, "modified": true, "lastmod": true, "date": true, "draft": true,
	"layout": true, "slug": true, "permalink": true, "categories": true, "category": true,
	"publish": true, "status": true, "notion": true, "obsidian": true, "weight": true, "toc": true,
	"template": true, "id": true, "uid": true, "share": true, "type": true,
}

// parseFrontMatter decodes body; unknown keys become warnings (at their
// line), never silently dropped. Line numbers are of the whole file: the
// block's first line is line 2.
func parseFrontMatter(body, format string, warn, note func(line int, format string, args ...any)) (FrontMatter, error) {
	var tools []string // keys of note-taking and site tools, said once
	toolLine := 0
	unknownKey := func(line int, key string) {
		if first, _, _ := strings.Cut(key, "."); toolKeys[first] {
			if !slices.Contains(tools, first) {
				tools = append(tools, first)
			}
			if toolLine == 0 {
				toolLine = line
			}
			return
		}
		warn(line, "unknown front-matter key %q was ignored; the keys are %s", key, strings.Join(Keys, ", "))
	}
	defer func() {
		if len(tools) > 0 {
			note(toolLine, "ignored the front-matter keys that note-taking and site tools write (%s): they are not part of a guide", strings.Join(tools, ", "))
		}
	}()
	var fm FrontMatter
	if format == "yaml" {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(body), &root); err != nil {
			return fm, yamlError(err, body)
		}
		if len(root.Content) == 0 {
			return fm, nil
		}
		doc := root.Content[0]
		if doc.Kind != yaml.MappingNode {
			return fm, &content.LineError{Line: doc.Line + 1, Err: errors.New("the front matter must be a list of keys such as \"title: …\"")}
		}
		var unknown func(n *yaml.Node, prefix string)
		unknown = func(n *yaml.Node, prefix string) {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				key := prefix + k.Value
				if !knownKey(key) {
					unknownKey(k.Line+1, key)
					continue
				}
				if key == "book" && v.Kind == yaml.MappingNode {
					unknown(v, "book.")
				}
			}
		}
		unknown(doc, "")
		if err := doc.Decode(&fm); err != nil {
			var le *content.LineError
			if errors.As(err, &le) {
				return fm, le
			}
			return fm, yamlError(err, body)
		}
		return fm, nil
	}
	md, err := toml.Decode(body, &fm)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fm, &content.LineError{Line: pe.Position.Line + 1, Err: fmt.Errorf("the TOML front matter does not parse: %s", pe.Message)}
		}
		return fm, &content.LineError{Line: 1, Err: fmt.Errorf("the TOML front matter does not parse: %v", err)}
	}
	for _, k := range md.Undecoded() {
		key := k.String()
		unknownKey(lineOfKey(body, k[len(k)-1])+1, key)
	}
	sort.Strings(fm.Book.unknown) // a map's order
	for _, key := range fm.Book.unknown {
		unknownKey(lineOfKey(body, strings.TrimPrefix(key, "book."))+1, key)
	}
	fm.Book.unknown = nil
	return fm, nil
}

// typeErrorLineRE: the line a yaml.TypeError names.
var typeErrorLineRE = lazyre.New(`^line (\d+): `)

// typeMismatchRE: a yaml.TypeError's "cannot unmarshal !!str `soon` into int".
var typeMismatchRE = lazyre.New("^cannot unmarshal !!\\w+ `(.*)` into (.+)$")

// yamlError is err as a LineError of the whole file, its words a
// person's: a type error names the line's key and what its value must be
// ("year: soon" … must be a whole number), never a Go type.
func yamlError(err error, body string) error {
	msg := err.Error()
	line := 1
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		if m := typeErrorLineRE.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = n + 1
			msg = msg[len(m[0]):]
			if mm := typeMismatchRE.FindStringSubmatch(msg); mm != nil {
				want := "text"
				switch {
				case mm[2] == "int":
					want = "a whole number"
				case strings.HasSuffix(mm[2], "bool"):
					want = "true or false"
				case strings.HasPrefix(mm[2], "struct") || strings.HasPrefix(mm[2], "map"):
					want = "keys on the lines under it"
				}
				at := strings.TrimSpace(strings.SplitN(body, "\n", n+1)[min(n-1, strings.Count(body, "\n"))])
				msg = fmt.Sprintf("%q: the value %q must be %s", at, mm[1], want)
			}
		}
	} else if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			line = n + 1
		}
		msg = msg[len(m[0]):]
	}
	return &content.LineError{Line: line, Err: fmt.Errorf("the YAML front matter does not parse: %s", msg)}
}

// lineOfKey is the 0-based line of body on which key is set, or 0.
func lineOfKey(body, key string) int {
	for i, l := range strings.Split(body, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, key) || strings.HasPrefix(l, `"`+key+`"`) || l == "["+key+"]" {
			return i + 1 // a key, or a TOML table's header
		}
	}
	return 0
}

// EncodeFrontMatter writes fm as YAML between "---" lines.
func EncodeFrontMatter(fm FrontMatter) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	b.WriteString("---\n")
	return b.Bytes(), nil
}
