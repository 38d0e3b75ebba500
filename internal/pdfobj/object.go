// Package pdfobj reads a finished PDF file into its objects and writes
// objects back out as a PDF: the small, strict reader the accessibility
// checker (internal/matterhorn) and its tests need. It reads classic
// cross-reference tables and cross-reference streams (with /Prev chains),
// object streams and Flate-compressed streams (with PNG predictors); it
// does not decrypt, and it does not repair a damaged file: a file it
// cannot read is an error, never a panic. Writing (Write) always produces
// an uncompressed classic file, so that a test can break one property of
// a good file and read it back.
package pdfobj

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// The object model. An Object is nil (null), bool, int, float64, Name,
// String, Array, Dict, Ref or *Stream.
type (
	Object = any
	// Name is a name without its slash, with #xx escapes decoded.
	Name string
	// String is a string's bytes, escapes decoded (literal or hex).
	String string
	Array  []Object
	Dict   map[Name]Object
	Ref    struct{ Num, Gen int }
	// Stream is a stream's dictionary and its data as stored (encoded).
	Stream struct {
		Dict Dict
		Raw  []byte
	}
)

// keyword is a bare word in a content stream (an operator) or a file.
type keyword string

// File is a PDF's objects by number (the newest generation of each) and
// its trailer. Object streams and cross-reference streams are read and
// then left out of Objects.
type File struct {
	Objects map[int]Object
	Trailer Dict
}

// Limits that keep a hostile file from costing more than a real one.
const (
	maxDepth    = 64        // nesting of arrays and dictionaries
	maxDecoded  = 256 << 20 // bytes of one decoded stream
	maxSections = 64        // cross-reference sections in a /Prev chain
	maxObjects  = 1 << 22   // objects in a file
)

// Resolve follows references (at most a few hops: a reference to a
// reference is legal but rare).
func (f *File) Resolve(o Object) Object {
	for range 8 {
		r, ok := o.(Ref)
		if !ok {
			return o
		}
		o = f.Objects[r.Num]
	}
	return nil
}

// Dict is o resolved, as a dictionary (a stream's dictionary for a
// stream), or nil.
func (f *File) Dict(o Object) Dict {
	switch v := f.Resolve(o).(type) {
	case Dict:
		return v
	case *Stream:
		return v.Dict
	}
	return nil
}

// Get is d[key] resolved.
func (f *File) Get(d Dict, key Name) Object {
	if d == nil {
		return nil
	}
	return f.Resolve(d[key])
}

// Root is the catalogue.
func (f *File) Root() Dict { return f.Dict(f.Trailer["Root"]) }

// Pages lists the page dictionaries in order with their object numbers
// (0 for a direct one), resolving inherited /Resources.
func (f *File) Pages() ([]Page, error) {
	var out []Page
	seen := map[int]bool{}
	var walk func(o Object, res Object, depth int) error
	walk = func(o Object, res Object, depth int) error {
		if depth > maxDepth {
			return errors.New("pdf: page tree too deep")
		}
		num := 0
		if r, ok := o.(Ref); ok {
			num = r.Num
			if seen[num] {
				return fmt.Errorf("pdf: page tree loops at object %d", num)
			}
			seen[num] = true
		}
		d := f.Dict(o)
		if d == nil {
			return fmt.Errorf("pdf: page tree node %d is not a dictionary", num)
		}
		if r, ok := d["Resources"]; ok {
			res = r
		}
		if t, _ := d["Type"].(Name); t == "Page" {
			out = append(out, Page{Num: num, Dict: d, Resources: f.Dict(res)})
			return nil
		}
		kids, _ := f.Resolve(d["Kids"]).(Array)
		for _, k := range kids {
			if err := walk(k, res, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	root := f.Root()
	if root == nil {
		return nil, errors.New("pdf: no catalogue")
	}
	if err := walk(root["Pages"], nil, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// Page is a page's dictionary, object number and resources.
type Page struct {
	Num       int
	Dict      Dict
	Resources Dict
}

// Contents is the page's content, its streams decoded and joined.
func (f *File) Contents(p Page) ([]byte, error) {
	var out []byte
	c := f.Resolve(p.Dict["Contents"])
	list, ok := c.(Array)
	if !ok {
		list = Array{c}
	}
	for _, o := range list {
		s, ok := f.Resolve(o).(*Stream)
		if !ok {
			if o == nil {
				continue
			}
			return nil, fmt.Errorf("pdf: page object %d: contents are not a stream", p.Num)
		}
		b, err := s.Decode()
		if err != nil {
			return nil, fmt.Errorf("pdf: page object %d: %w", p.Num, err)
		}
		out = append(append(out, b...), '\n')
	}
	return out, nil
}

// Decode is the stream's data with its filters undone: none, or Flate
// (with a PNG or TIFF predictor of 1 byte per sample).
func (s *Stream) Decode() ([]byte, error) {
	var filters []Object
	switch v := s.Dict["Filter"].(type) {
	case nil:
	case Name:
		filters = []Object{v}
	case Array:
		filters = v
	default:
		return nil, errors.New("pdf: bad /Filter")
	}
	var parms []Object
	switch v := s.Dict["DecodeParms"].(type) {
	case Dict:
		parms = []Object{v}
	case Array:
		parms = v
	}
	data := s.Raw
	for i, fl := range filters {
		if n, _ := fl.(Name); n != "FlateDecode" && n != "Fl" {
			return nil, fmt.Errorf("pdf: unsupported filter %v", fl)
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("pdf: flate: %w", err)
		}
		out, err := io.ReadAll(io.LimitReader(zr, maxDecoded+1))
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("pdf: flate: %w", err)
		}
		if len(out) > maxDecoded {
			return nil, errors.New("pdf: stream too large when decoded")
		}
		var p Dict
		if i < len(parms) {
			p, _ = parms[i].(Dict)
		}
		if data, err = unpredict(out, p); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// unpredict undoes a PNG predictor (ISO 32000-1 §7.4.4.4), as writers
// use on cross-reference streams.
func unpredict(b []byte, p Dict) ([]byte, error) {
	pred, _ := p["Predictor"].(int)
	if pred < 10 {
		if pred > 1 {
			return nil, fmt.Errorf("pdf: unsupported predictor %d", pred)
		}
		return b, nil
	}
	cols := 1
	if c, ok := p["Columns"].(int); ok {
		cols = c
	}
	if c, ok := p["Colors"].(int); ok && c > 1 {
		cols *= c
	}
	if bpc, ok := p["BitsPerComponent"].(int); ok && bpc != 8 {
		return nil, errors.New("pdf: unsupported predictor bits")
	}
	if cols < 1 || cols > 1<<16 {
		return nil, errors.New("pdf: bad predictor columns")
	}
	row := cols + 1
	out := make([]byte, 0, len(b)/row*cols)
	prev := make([]byte, cols)
	for i := 0; i+row <= len(b); i += row {
		t, cur := b[i], b[i+1:i+row]
		line := make([]byte, cols)
		for j := range cols {
			var left, upLeft byte
			if j > 0 {
				left, upLeft = line[j-1], prev[j-1]
			}
			up := prev[j]
			switch t {
			case 0:
				line[j] = cur[j]
			case 1:
				line[j] = cur[j] + left
			case 2:
				line[j] = cur[j] + up
			case 3:
				line[j] = cur[j] + byte((int(left)+int(up))/2)
			case 4:
				line[j] = cur[j] + paeth(left, up, upLeft)
			default:
				return nil, errors.New("pdf: bad PNG predictor row")
			}
		}
		out = append(out, line...)
		prev = line
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Write serialises the file as an uncompressed classic PDF: every object
// at its number, streams with their stored data (and filters), a
// cross-reference table and the trailer's /Root, /Info and /ID. The same
// objects give the same bytes.
func Write(f *File) []byte {
	nums := make([]int, 0, len(f.Objects))
	for n := range f.Objects {
		if n > 0 {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	size := 1
	if len(nums) > 0 {
		size = nums[len(nums)-1] + 1
	}
	out := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, size)
	for _, n := range nums {
		offs[n] = len(out)
		out = strconv.AppendInt(out, int64(n), 10)
		out = append(out, " 0 obj\n"...)
		out = appendObject(out, f.Objects[n])
		out = append(out, "\nendobj\n"...)
	}
	xref := len(out)
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if offs[n] == 0 {
			out = append(out, "0000000000 65535 f \n"...)
		} else {
			out = fmt.Appendf(out, "%010d 00000 n \n", offs[n])
		}
	}
	tr := Dict{"Size": size}
	for _, k := range []Name{"Root", "Info", "ID"} {
		if v, ok := f.Trailer[k]; ok {
			tr[k] = v
		}
	}
	out = append(out, "trailer\n"...)
	out = appendObject(out, tr)
	return fmt.Appendf(out, "\nstartxref\n%d\n%%%%EOF\n", xref)
}

func appendObject(out []byte, o Object) []byte {
	switch v := o.(type) {
	case nil:
		return append(out, "null"...)
	case bool:
		return strconv.AppendBool(out, v)
	case int:
		return strconv.AppendInt(out, int64(v), 10)
	case float64:
		return strconv.AppendFloat(out, v, 'f', -1, 64)
	case Name:
		return appendName(out, v)
	case String:
		const hex = "0123456789abcdef"
		out = append(out, '<')
		for i := 0; i < len(v); i++ {
			out = append(out, hex[v[i]>>4], hex[v[i]&15])
		}
		return append(out, '>')
	case Array:
		out = append(out, '[')
		for i, e := range v {
			if i > 0 {
				out = append(out, ' ')
			}
			out = appendObject(out, e)
		}
		return append(out, ']')
	case Dict:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, string(k))
		}
		sort.Strings(keys)
		out = append(out, "<<"...)
		for _, k := range keys {
			out = appendName(out, Name(k))
			out = append(out, ' ')
			out = appendObject(out, v[Name(k)])
			out = append(out, ' ')
		}
		return append(out, ">>"...)
	case Ref:
		return fmt.Appendf(out, "%d %d R", v.Num, v.Gen)
	case *Stream:
		d := Dict{}
		for k, e := range v.Dict {
			d[k] = e
		}
		d["Length"] = len(v.Raw)
		out = appendObject(out, d)
		out = append(out, "\nstream\n"...)
		out = append(out, v.Raw...)
		return append(out, "\nendstream"...)
	case keyword:
		return append(out, v...)
	}
	return append(out, "null"...)
}

func appendName(out []byte, n Name) []byte {
	out = append(out, '/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c <= ' ' || c >= 0x7f || c == '#' || isDelim(c) {
			out = fmt.Appendf(out, "#%02x", c)
		} else {
			out = append(out, c)
		}
	}
	return out
}

// Add stores o as a new object and returns its reference (a stream must
// be an indirect object).
func (f *File) Add(o Object) Ref {
	n := 1
	for k := range f.Objects {
		n = max(n, k+1)
	}
	f.Objects[n] = o
	return Ref{Num: n}
}
