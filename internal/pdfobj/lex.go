package pdfobj

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// lexer reads PDF objects (ISO 32000-1 §7.2–7.3) from b at p.
type lexer struct {
	b []byte
	p int
}

var errEOF = errors.New("pdf: unexpected end of data")

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skip passes white space and comments.
func (l *lexer) skip() {
	for l.p < len(l.b) {
		c := l.b[l.p]
		if isSpace(c) {
			l.p++
			continue
		}
		if c == '%' {
			for l.p < len(l.b) && l.b[l.p] != '\n' && l.b[l.p] != '\r' {
				l.p++
			}
			continue
		}
		return
	}
}

// word reads a run of regular characters.
func (l *lexer) word() []byte {
	s := l.p
	for l.p < len(l.b) && !isSpace(l.b[l.p]) && !isDelim(l.b[l.p]) {
		l.p++
	}
	return l.b[s:l.p]
}

// object reads one object; a bare word other than true, false and null
// comes back as a keyword ("obj", "R" is folded into Ref, "stream" is
// left to the caller, operators in content streams).
func (l *lexer) object(depth int) (Object, error) {
	if depth > maxDepth {
		return nil, errors.New("pdf: objects nested too deeply")
	}
	l.skip()
	if l.p >= len(l.b) {
		return nil, errEOF
	}
	switch c := l.b[l.p]; {
	case c == '/':
		l.p++
		return decodeName(l.word())
	case c == '(':
		return l.literal()
	case c == '<':
		if l.p+1 < len(l.b) && l.b[l.p+1] == '<' {
			l.p += 2
			return l.dict(depth)
		}
		return l.hex()
	case c == '[':
		l.p++
		var a Array
		for {
			l.skip()
			if l.p >= len(l.b) {
				return nil, errEOF
			}
			if l.b[l.p] == ']' {
				l.p++
				if a == nil {
					a = Array{}
				}
				return a, nil
			}
			o, err := l.object(depth + 1)
			if err != nil {
				return nil, err
			}
			if k, ok := o.(keyword); ok {
				return nil, fmt.Errorf("pdf: %q inside an array", string(k))
			}
			a = append(a, o)
		}
	case c == ')' || c == '>' || c == ']' || c == '{' || c == '}':
		l.p++
		return nil, fmt.Errorf("pdf: unexpected %q at %d", c, l.p-1)
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return l.number()
	}
	w := l.word()
	if len(w) == 0 {
		l.p++
		return nil, fmt.Errorf("pdf: unexpected byte %#x", l.b[l.p-1])
	}
	switch string(w) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return keyword(w), nil
}

// number reads an integer or a real; an integer followed by another and
// R is a reference.
func (l *lexer) number() (Object, error) {
	w := l.word()
	if bytes.ContainsAny(w, ".") {
		f, err := strconv.ParseFloat(string(w), 64)
		if err != nil {
			// Writers print such things as "--1" or "1.2.3" rarely; a
			// checker refuses them.
			return nil, fmt.Errorf("pdf: bad number %q", w)
		}
		return f, nil
	}
	n, err := strconv.Atoi(string(w))
	if err != nil {
		return nil, fmt.Errorf("pdf: bad number %q", w)
	}
	// "n g R"?
	save := l.p
	l.skip()
	if l.p < len(l.b) && l.b[l.p] >= '0' && l.b[l.p] <= '9' {
		g := l.word()
		l.skip()
		if gen, err := strconv.Atoi(string(g)); err == nil && l.p < len(l.b) && l.b[l.p] == 'R' &&
			(l.p+1 == len(l.b) || isSpace(l.b[l.p+1]) || isDelim(l.b[l.p+1])) && n >= 0 && gen >= 0 {
			l.p++
			return Ref{n, gen}, nil
		}
	}
	l.p = save
	return n, nil
}

func (l *lexer) dict(depth int) (Object, error) {
	d := Dict{}
	for {
		l.skip()
		if l.p+1 < len(l.b) && l.b[l.p] == '>' && l.b[l.p+1] == '>' {
			l.p += 2
			return d, nil
		}
		k, err := l.object(depth + 1)
		if err != nil {
			return nil, err
		}
		name, ok := k.(Name)
		if !ok {
			return nil, fmt.Errorf("pdf: dictionary key %v is not a name", k)
		}
		v, err := l.object(depth + 1)
		if err != nil {
			return nil, err
		}
		if _, ok := v.(keyword); ok {
			return nil, fmt.Errorf("pdf: dictionary value of /%s is %q", name, v)
		}
		d[name] = v
	}
}

func decodeName(w []byte) (Name, error) {
	if !bytes.ContainsRune(w, '#') {
		return Name(w), nil
	}
	var out []byte
	for i := 0; i < len(w); i++ {
		if w[i] == '#' && i+2 < len(w) {
			v, err := strconv.ParseUint(string(w[i+1:i+3]), 16, 8)
			if err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, w[i])
	}
	return Name(out), nil
}

func (l *lexer) literal() (Object, error) {
	l.p++ // (
	var out []byte
	depth := 1
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return String(out), nil
			}
		case '\\':
			if l.p >= len(l.b) {
				return nil, errEOF
			}
			e := l.b[l.p]
			l.p++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.p < len(l.b) && l.b[l.p] == '\n' {
					l.p++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.p < len(l.b) && l.b[l.p] >= '0' && l.b[l.p] <= '7'; k++ {
						v = v*8 + int(l.b[l.p]-'0')
						l.p++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, errEOF
}

func (l *lexer) hex() (Object, error) {
	l.p++ // <
	var out []byte
	hi, have := byte(0), false
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		var v byte
		switch {
		case c == '>':
			if have {
				out = append(out, hi<<4)
			}
			return String(out), nil
		case isSpace(c):
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return nil, fmt.Errorf("pdf: bad hex string byte %q", c)
		}
		if have {
			out = append(out, hi<<4|v)
			have = false
		} else {
			hi, have = v, true
		}
	}
	return nil, errEOF
}

// Op is one operator of a content stream with its operands.
type Op struct {
	Name string
	Args []Object
}

// Ops reads a content stream into its operators. An inline image
// (BI … ID data EI) is one op "BI" whose data is skipped.
func Ops(data []byte) ([]Op, error) {
	l := &lexer{b: data}
	var ops []Op
	var args []Object
	for {
		l.skip()
		if l.p >= len(l.b) {
			if len(args) > 0 {
				return ops, errors.New("pdf: content stream ends with operands but no operator")
			}
			return ops, nil
		}
		o, err := l.object(0)
		if err != nil {
			return ops, err
		}
		k, ok := o.(keyword)
		if !ok {
			if len(args) > 1<<16 {
				return ops, errors.New("pdf: too many operands")
			}
			args = append(args, o)
			continue
		}
		if k == "BI" {
			i := bytes.Index(l.b[l.p:], []byte("ID"))
			if i < 0 {
				return ops, errEOF
			}
			l.p += i + 2
			j := bytes.Index(l.b[l.p:], []byte("EI"))
			for j >= 0 && l.p+j+2 < len(l.b) && !isSpace(l.b[l.p+j+2]) {
				k := bytes.Index(l.b[l.p+j+2:], []byte("EI"))
				if k < 0 {
					j = -1
					break
				}
				j += 2 + k
			}
			if j < 0 {
				return ops, errEOF
			}
			l.p += j + 2
		}
		ops = append(ops, Op{Name: string(k), Args: args})
		args = nil
	}
}
