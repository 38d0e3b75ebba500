package pdfobj

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// xrefEntry is where object n is: at an offset in the file (stm 0), or
// at index idx of object stream stm.
type xrefEntry struct {
	off, stm, idx int
}

// Parse reads a whole PDF file.
func Parse(data []byte) (*File, error) {
	start, err := startxref(data)
	if err != nil {
		return nil, err
	}
	entries := map[int]xrefEntry{}
	var trailer Dict
	seen := map[int]bool{}
	for off, n := start, 0; off >= 0; n++ {
		if n >= maxSections || seen[off] {
			return nil, errors.New("pdf: cross-reference sections loop")
		}
		seen[off] = true
		tr, err := readXref(data, off, entries)
		if err != nil {
			return nil, err
		}
		if trailer == nil {
			trailer = tr
		}
		off = -1
		if prev, ok := tr["Prev"].(int); ok {
			off = prev
		}
	}
	f := &File{Objects: map[int]Object{}, Trailer: trailer}
	stms := map[int][]Object{}
	for num, e := range entries {
		if e.stm == 0 && e.off > 0 {
			gotNum, o, err := objectAt(data, e.off)
			if err != nil {
				return nil, fmt.Errorf("pdf: object %d: %w", num, err)
			}
			if gotNum != num {
				return nil, fmt.Errorf("pdf: the cross-reference table puts object %d where object %d is", num, gotNum)
			}
			f.Objects[num] = o
		}
	}
	for num, e := range entries {
		if e.stm == 0 {
			continue
		}
		objs, ok := stms[e.stm]
		if !ok {
			if objs, err = objectStream(f, e.stm); err != nil {
				return nil, fmt.Errorf("pdf: object stream %d: %w", e.stm, err)
			}
			stms[e.stm] = objs
		}
		if e.idx < 0 || e.idx >= len(objs) {
			return nil, fmt.Errorf("pdf: object %d: index %d beyond object stream %d", num, e.idx, e.stm)
		}
		f.Objects[num] = objs[e.idx]
	}
	for num, o := range f.Objects {
		if s, ok := o.(*Stream); ok {
			if t, _ := s.Dict["Type"].(Name); t == "ObjStm" || t == "XRef" {
				delete(f.Objects, num)
			}
		}
	}
	return f, nil
}

func startxref(data []byte) (int, error) {
	tail := data[max(0, len(data)-2048):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return 0, errors.New("pdf: no startxref")
	}
	l := &lexer{b: tail, p: i + len("startxref")}
	o, err := l.object(0)
	n, ok := o.(int)
	if err != nil || !ok || n < 0 || n >= len(data) {
		return 0, errors.New("pdf: bad startxref")
	}
	return n, nil
}

// readXref reads the section at off into entries (older sections do not
// override newer ones) and returns its trailer.
func readXref(data []byte, off int, entries map[int]xrefEntry) (Dict, error) {
	l := &lexer{b: data, p: off}
	l.skip()
	if bytes.HasPrefix(data[l.p:], []byte("xref")) {
		l.p += 4
		for {
			l.skip()
			if bytes.HasPrefix(data[l.p:], []byte("trailer")) {
				l.p += len("trailer")
				o, err := l.object(0)
				d, ok := o.(Dict)
				if err != nil || !ok {
					return nil, errors.New("pdf: bad trailer")
				}
				return d, nil
			}
			a, err1 := l.object(0)
			b, err2 := l.object(0)
			first, ok1 := a.(int)
			count, ok2 := b.(int)
			if err1 != nil || err2 != nil || !ok1 || !ok2 || first < 0 || count < 0 || count > len(data)/18 || first+count > maxObjects {
				return nil, errors.New("pdf: bad cross-reference table")
			}
			for k := range count {
				l.skip()
				if l.p+18 > len(data) {
					return nil, errEOF
				}
				e := data[l.p : l.p+18]
				l.p += 18
				o, err := strconv.Atoi(string(e[:10]))
				if err != nil || e[10] != ' ' || e[16] != ' ' {
					return nil, errors.New("pdf: bad cross-reference entry")
				}
				if _, done := entries[first+k]; done {
					continue
				}
				switch e[17] {
				case 'n':
					if o <= 0 || o >= len(data) {
						return nil, fmt.Errorf("pdf: object %d at bad offset %d", first+k, o)
					}
					entries[first+k] = xrefEntry{off: o}
				case 'f':
					entries[first+k] = xrefEntry{off: -1} // free: hides older sections' entry
				default:
					return nil, errors.New("pdf: bad cross-reference entry")
				}
			}
		}
	}
	_, o, err := objectAt(data, off)
	if err != nil {
		return nil, fmt.Errorf("pdf: cross-reference stream: %w", err)
	}
	s, ok := o.(*Stream)
	if !ok {
		return nil, errors.New("pdf: startxref points at neither a table nor a stream")
	}
	if t, _ := s.Dict["Type"].(Name); t != "XRef" {
		return nil, errors.New("pdf: startxref points at a stream that is not /XRef")
	}
	rows, err := s.Decode()
	if err != nil {
		return nil, err
	}
	w, _ := s.Dict["W"].(Array)
	var ws [3]int
	if len(w) != 3 {
		return nil, errors.New("pdf: bad /W")
	}
	for i := range ws {
		v, ok := w[i].(int)
		if !ok || v < 0 || v > 8 {
			return nil, errors.New("pdf: bad /W")
		}
		ws[i] = v
	}
	size, _ := s.Dict["Size"].(int)
	if size < 0 || size > maxObjects {
		return nil, errors.New("pdf: bad /Size")
	}
	index := Array{0, size}
	if ix, ok := s.Dict["Index"].(Array); ok {
		index = ix
	}
	rowLen := ws[0] + ws[1] + ws[2]
	if rowLen == 0 {
		return nil, errors.New("pdf: bad /W")
	}
	field := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v<<8 | int(c)
		}
		return v
	}
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		first, ok1 := index[i].(int)
		count, ok2 := index[i+1].(int)
		if !ok1 || !ok2 || first < 0 || count < 0 || first+count > maxObjects || count > len(rows)/rowLen+1 {
			return nil, errors.New("pdf: bad /Index")
		}
		for k := range count {
			if pos+rowLen > len(rows) {
				return nil, errors.New("pdf: cross-reference stream too short")
			}
			r := rows[pos : pos+rowLen]
			pos += rowLen
			typ := 1
			if ws[0] > 0 {
				typ = field(r[:ws[0]])
			}
			f2, f3 := field(r[ws[0]:ws[0]+ws[1]]), field(r[ws[0]+ws[1]:])
			num := first + k
			if _, done := entries[num]; done {
				continue
			}
			switch typ {
			case 1:
				if f2 <= 0 || f2 >= len(data) {
					return nil, fmt.Errorf("pdf: object %d at bad offset %d", num, f2)
				}
				entries[num] = xrefEntry{off: f2}
			case 2:
				if f2 <= 0 || f2 == num {
					return nil, fmt.Errorf("pdf: object %d in bad object stream %d", num, f2)
				}
				entries[num] = xrefEntry{stm: f2, idx: f3}
			case 0:
				entries[num] = xrefEntry{off: -1}
			}
		}
	}
	return s.Dict, nil
}

// objectAt reads "n g obj … endobj" at off.
func objectAt(data []byte, off int) (int, Object, error) {
	if off < 0 || off >= len(data) {
		return 0, nil, errors.New("bad offset")
	}
	l := &lexer{b: data, p: off}
	a, err1 := l.object(0)
	b, err2 := l.object(0)
	c, err3 := l.object(0)
	num, ok1 := a.(int)
	_, ok2 := b.(int)
	if err1 != nil || err2 != nil || err3 != nil || !ok1 || !ok2 || c != keyword("obj") {
		return 0, nil, errors.New("no object header")
	}
	o, err := l.object(0)
	if err != nil {
		return 0, nil, err
	}
	if _, ok := o.(keyword); ok {
		return 0, nil, fmt.Errorf("object is %q", o)
	}
	d, isDict := o.(Dict)
	l.skip()
	if !isDict || !bytes.HasPrefix(data[l.p:], []byte("stream")) {
		return num, o, nil
	}
	l.p += len("stream")
	if l.p < len(data) && data[l.p] == '\r' {
		l.p++
	}
	if l.p < len(data) && data[l.p] == '\n' {
		l.p++
	}
	begin := l.p
	n, ok := d["Length"].(int)
	end := begin + n
	if !ok || n < 0 || end > len(data) || !endsStream(data[end:]) {
		// An indirect or wrong /Length: find the keyword instead.
		i := bytes.Index(data[begin:], []byte("endstream"))
		if i < 0 {
			return 0, nil, errors.New("stream without endstream")
		}
		end = begin + i
		for end > begin && (data[end-1] == '\n' || data[end-1] == '\r') {
			end--
		}
	}
	return num, &Stream{Dict: d, Raw: data[begin:end]}, nil
}

func endsStream(b []byte) bool {
	l := &lexer{b: b}
	l.skip()
	return bytes.HasPrefix(b[l.p:], []byte("endstream"))
}

// objectStream reads the objects of object stream num.
func objectStream(f *File, num int) ([]Object, error) {
	s, ok := f.Objects[num].(*Stream)
	if !ok {
		return nil, errors.New("not a stream")
	}
	n, ok1 := s.Dict["N"].(int)
	first, ok2 := s.Dict["First"].(int)
	if !ok1 || !ok2 || n < 0 || first < 0 {
		return nil, errors.New("bad /N or /First")
	}
	data, err := s.Decode()
	if err != nil {
		return nil, err
	}
	if first > len(data) || n > len(data)/2+1 {
		return nil, errors.New("bad /N or /First")
	}
	head := &lexer{b: data[:first]}
	out := make([]Object, n)
	for i := range n {
		_, err1 := head.object(0)
		o, err2 := head.object(0)
		off, ok := o.(int)
		if err1 != nil || err2 != nil || !ok || off < 0 || first+off > len(data) {
			return nil, errors.New("bad header")
		}
		l := &lexer{b: data, p: first + off}
		v, err := l.object(0)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", i, err)
		}
		if _, ok := v.(keyword); ok {
			return nil, fmt.Errorf("object %d is %q", i, v)
		}
		out[i] = v
	}
	return out, nil
}
