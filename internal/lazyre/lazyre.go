// Package lazyre holds regular expressions that are compiled the first
// time they are used, not when their package is initialised.
//
// The readers know ~130 expressions, many of them long case-insensitive
// alternations in six languages; compiling one costs up to 200 KB of heap
// (regexp's program and its one-pass copy). Every guidepress process paid
// for all of them at start-up or at the first heading, while a build uses
// a third of them (measured on the seed: 4.3 MB compiled, 2.9 MB of it for
// expressions the build never matched). An expression here is compiled by
// the first match that needs it, once, safely from any goroutine; the
// behaviour is regexp's own. All lists every expression made, so that a
// test can compile each one and a bad pattern still fails a test run (as
// regexp.MustCompile at start-up did), not a user's build.
package lazyre

import (
	"regexp"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/guidepress/guidepress/internal/stackgrow"
)

// Regexp is a regular expression compiled on first use.
type Regexp struct {
	expr     string
	once     sync.Once
	re       *regexp.Regexp
	compiled atomic.Bool
}

var (
	mu  sync.Mutex
	all []*Regexp
	hot []*Regexp
)

// New returns expr, to be compiled (with regexp.MustCompile) when first
// used.
func New(expr string) *Regexp {
	r := &Regexp{expr: expr}
	mu.Lock()
	all = append(all, r)
	mu.Unlock()
	return r
}

// Hot is New for an expression that every plain-text guide's import
// uses (content/importer's TestHotExpressions keeps the set true): Warm
// compiles the hot ones ahead.
func Hot(expr string) *Regexp {
	r := New(expr)
	mu.Lock()
	hot = append(hot, r)
	mu.Unlock()
	return r
}

var warm sync.Once

// Warm compiles the hot expressions (Hot) on a goroutine of its own, once
// a process: the plain-text reader starts it as it begins a guide, so that
// the second core compiles what the reader would otherwise compile in
// turn, about a fifth of a seed import's time. Expressions made last are
// compiled first, to meet the reader, which needs them roughly in the
// order they were made, from the other end; either compiles an expression
// the other has not yet begun.
func Warm() {
	warm.Do(func() {
		mu.Lock()
		rs := slices.Clone(hot)
		mu.Unlock()
		go func() {
			stackgrow.To16K()
			for _, r := range slices.Backward(rs) {
				r.get()
			}
		}()
	})
}

// Compiled reports whether r has been compiled (by a use or by Warm).
func (r *Regexp) Compiled() bool { return r.compiled.Load() }

// AllHot returns every expression made with Hot so far.
func AllHot() []*Regexp {
	mu.Lock()
	defer mu.Unlock()
	return slices.Clone(hot)
}

// All returns every expression made with New so far.
func All() []*Regexp {
	mu.Lock()
	defer mu.Unlock()
	return append([]*Regexp(nil), all...)
}

func (r *Regexp) get() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr); r.compiled.Store(true) })
	return r.re
}

// Regexp is the compiled expression (compiled now if it was not yet).
func (r *Regexp) Regexp() *regexp.Regexp { return r.get() }

// String is the source text of the expression.
func (r *Regexp) String() string { return r.expr }

func (r *Regexp) MatchString(s string) bool              { return r.get().MatchString(s) }
func (r *Regexp) Match(b []byte) bool                    { return r.get().Match(b) }
func (r *Regexp) FindString(s string) string             { return r.get().FindString(s) }
func (r *Regexp) FindStringIndex(s string) []int         { return r.get().FindStringIndex(s) }
func (r *Regexp) FindStringSubmatch(s string) []string   { return r.get().FindStringSubmatch(s) }
func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.get().FindStringSubmatchIndex(s) }
func (r *Regexp) Find(b []byte) []byte                   { return r.get().Find(b) }
func (r *Regexp) FindIndex(b []byte) []int               { return r.get().FindIndex(b) }
func (r *Regexp) FindSubmatch(b []byte) [][]byte         { return r.get().FindSubmatch(b) }
func (r *Regexp) FindAllString(s string, n int) []string { return r.get().FindAllString(s, n) }
func (r *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	return r.get().FindAllSubmatch(b, n)
}
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.get().FindAllStringIndex(s, n)
}
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.get().FindAllStringSubmatch(s, n)
}
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.get().FindAllStringSubmatchIndex(s, n)
}
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.get().ReplaceAllString(src, repl)
}
func (r *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return r.get().ReplaceAllLiteralString(src, repl)
}
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.get().ReplaceAllStringFunc(src, repl)
}
func (r *Regexp) ReplaceAll(src, repl []byte) []byte { return r.get().ReplaceAll(src, repl) }
func (r *Regexp) Split(s string, n int) []string     { return r.get().Split(s, n) }
func (r *Regexp) SubexpIndex(name string) int        { return r.get().SubexpIndex(name) }
func (r *Regexp) NumSubexp() int                     { return r.get().NumSubexp() }
