package lazyre

import (
	"sync"
	"testing"
)

func TestCompiledOnFirstUse(t *testing.T) {
	r := New(`^(a+)(b*)$`)
	if got := r.FindStringSubmatch("aab"); len(got) != 3 || got[1] != "aa" || got[2] != "b" {
		t.Fatalf("FindStringSubmatch = %q", got)
	}
	if r.Regexp() != r.Regexp() {
		t.Fatal("compiled twice")
	}
	if r.String() != `^(a+)(b*)$` || r.MatchString("ba") {
		t.Fatal("not the expression given")
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	r := New(`x+`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r.FindString("axxb") != "xx" {
				t.Error("wrong match")
			}
		}()
	}
	wg.Wait()
}

func TestBadPatternPanicsOnUse(t *testing.T) {
	r := New(`(`)
	found := false
	for _, x := range All() {
		found = found || x == r
	}
	if !found {
		t.Fatal("All does not list a new expression")
	}
	defer func() {
		if recover() == nil {
			t.Fatal("a bad pattern compiled")
		}
	}()
	r.MatchString("x")
}
