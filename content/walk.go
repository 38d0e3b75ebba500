package content

// Path names a field of the model by its JSON path ("sections[2].blocks[0].
// items[1].text"). It is formatted only when called: a guide has thousands
// of text fields and most rewrites change none of them. A Path given to a
// Rewrite callback names that call's field only while the call runs: call
// it then, and keep the string.
type Path func() string

// Rewrite returns g with every piece of text a reader sees — titles,
// names, paragraphs, spans, list items, terms, cells, verse lines,
// attributions, questions and answers — passed through f. Links, styles,
// numbers, roles and diagnostics are kept as they are.
// f must not return "" for a non-empty string if the result is to stay
// valid.
//
// The result is copied on write: only the slices on the way down to a
// text f changed are new; every other section, block and text is g's, and
// neither may be changed while the other is in use. When f changes
// nothing, that is the whole model (a 4 MiB guide's is ~72 MB, and a
// rewrite that copied it spent most of its time doing so). The result's
// top-level fields and diagnostics are its own.
//
// One walk for every rewrite (sanitising for XML, typography, tests) keeps a
// new field of the model from being missed by one of them.
func (g *Guide) Rewrite(f func(path Path, s string) string) *Guide {
	r := &rewriter{f: f}
	r.path = func() string { return r.String() }
	out := *g
	out.Title, _ = r.str(g.Title, "title")
	out.Author, _ = r.str(g.Author, "author")
	out.Publisher, _ = r.str(g.Publisher, "publisher")
	out.Book.Title, _ = r.str(g.Book.Title, "book.title")
	out.Book.Author, _ = r.str(g.Book.Author, "book.author")
	out.Synopsis, _ = r.texts(g.Synopsis, "synopsis")
	out.Quotes, _ = rewriteAll(r, g.Quotes, "quotes", (*rewriter).quote)
	out.Sections, _ = rewriteAll(r, g.Sections, "sections", (*rewriter).section)
	out.FAQ, _ = rewriteAll(r, g.FAQ, "faq", (*rewriter).faq)
	out.Diagnostics = append([]Diagnostic(nil), g.Diagnostics...)
	return &out
}

// rewriter walks the model keeping the path of where it is as a stack of
// steps, which Path formats on demand: building every path eagerly cost
// ~20 allocations a block.
type rewriter struct {
	f    func(Path, string) string
	at   []step
	path Path // formats at; made once per walk
}

// step is a field name, then [i] when i is 0 or more (as path's).
type step struct {
	name string
	i    int
}

func (r *rewriter) push(name string, i int) { r.at = append(r.at, step{name, i}) }
func (r *rewriter) pop()                    { r.at = r.at[:len(r.at)-1] }

func (r *rewriter) String() string {
	var b []byte
	for k, s := range r.at {
		b = appendStep(b, k > 0, s.name, s.i)
	}
	return string(b)
}

// str is s, the field name, passed through f, and whether f changed it.
func (r *rewriter) str(s, name string) (string, bool) {
	if s == "" {
		return "", false
	}
	r.push(name, -1)
	ns := r.f(r.path, s)
	r.pop()
	return ns, ns != s
}

// text is t, the field name (element i of it when i is 0 or more),
// passed through f span by span; t itself when f changed nothing.
func (r *rewriter) text(t Text, name string, i int) (Text, bool) {
	if t == nil {
		return nil, false
	}
	r.push(name, i)
	var out Text
	for j, s := range t {
		if len(t) > 1 {
			r.push("", j)
			r.push("text", -1)
		}
		ns := r.f(r.path, s.Text)
		if len(t) > 1 {
			r.pop()
			r.pop()
		}
		if ns != s.Text {
			if out == nil {
				out = append(Text(nil), t...)
			}
			out[j].Text = ns
		}
	}
	r.pop()
	if out == nil {
		return t, false
	}
	return out, true
}

func (r *rewriter) texts(ts []Text, name string) ([]Text, bool) {
	var out []Text
	for i, t := range ts {
		if nt, changed := r.text(t, name, i); changed {
			out = changeAt(out, ts, i, nt)
		}
	}
	if out == nil {
		return ts, false
	}
	return out, true
}

// changeAt sets element i of out, a copy of in made now if out is nil.
func changeAt[T any](out, in []T, i int, v T) []T {
	if out == nil {
		out = append([]T(nil), in...)
	}
	out[i] = v
	return out
}

// rewriteAll rewrites each element of xs, element i of the field name, by
// one; xs itself when nothing changed (and false).
func rewriteAll[T any](r *rewriter, xs []T, name string, one func(*rewriter, T) (T, bool)) ([]T, bool) {
	var out []T
	for i, x := range xs {
		r.push(name, i)
		if nx, changed := one(r, x); changed {
			out = changeAt(out, xs, i, nx)
		}
		r.pop()
	}
	if out == nil {
		return xs, false
	}
	return out, true
}

func (r *rewriter) quote(q Quote) (Quote, bool) {
	var c [4]bool
	q.Text, c[0] = r.text(q.Text, "text", -1)
	q.Lines, c[1] = r.texts(q.Lines, "lines")
	q.Attribution, c[2] = r.text(q.Attribution, "attribution", -1)
	q.Explanation, c[3] = r.texts(q.Explanation, "explanation")
	return q, c != [4]bool{}
}

func (r *rewriter) faq(e FAQEntry) (FAQEntry, bool) {
	var c [2]bool
	e.Question, c[0] = r.str(e.Question, "question")
	e.Answer, c[1] = r.texts(e.Answer, "answer")
	return e, c != [2]bool{}
}

// section rewrites s's title, then its subsections, then its blocks (the
// order in which diagnostics name them).
func (r *rewriter) section(s Section) (Section, bool) {
	var c [3]bool
	s.Title, c[0] = r.str(s.Title, "title")
	s.Subsections, c[1] = rewriteAll(r, s.Subsections, "subsections", (*rewriter).section)
	s.Blocks, c[2] = rewriteAll(r, s.Blocks, "blocks", (*rewriter).block)
	return s, c != [3]bool{}
}

func (r *rewriter) block(b Block) (Block, bool) {
	var c [10]bool
	b.Text, c[0] = r.text(b.Text, "text", -1)
	b.Lines, c[1] = r.texts(b.Lines, "lines")
	b.Speaker, c[2] = r.str(b.Speaker, "speaker")
	b.Attribution, c[3] = r.text(b.Attribution, "attribution", -1)
	b.Explanation, c[4] = r.texts(b.Explanation, "explanation")
	b.Items, c[5] = rewriteAll(r, b.Items, "items", (*rewriter).item)
	b.Terms, c[6] = rewriteAll(r, b.Terms, "terms", (*rewriter).term)
	b.Caption, c[7] = r.text(b.Caption, "caption", -1)
	b.Header, c[8] = r.texts(b.Header, "header")
	b.Rows, c[9] = rewriteAll(r, b.Rows, "rows", func(r *rewriter, row []Text) ([]Text, bool) { return r.texts(row, "") })
	return b, c != [10]bool{}
}

func (r *rewriter) term(d Definition) (Definition, bool) {
	var c1, c2 bool
	d.Term, c1 = r.text(d.Term, "term", -1)
	d.Definition, c2 = r.text(d.Definition, "definition", -1)
	return d, c1 || c2
}

func (r *rewriter) item(it ListItem) (ListItem, bool) {
	var changed bool
	it.Text, changed = r.text(it.Text, "text", -1)
	if it.Sublist != nil {
		r.push("sublist", -1)
		sub, c := rewriteAll(r, it.Sublist.Items, "items", (*rewriter).item)
		r.pop()
		if c {
			cp := *it.Sublist
			cp.Items = sub
			it.Sublist, changed = &cp, true
		}
	}
	return it, changed
}
