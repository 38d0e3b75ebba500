package lazyre

import (
	"sync"
	"testing"
	"time"
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

// TestWarmCompilesHotOnly: Warm compiles the expressions made with Hot, on
// another goroutine, and leaves the others to their first use.
func TestWarmCompilesHotOnly(t *testing.T) {
	a, b := Hot(`warm[0-9]+`), Hot(`(?i)hot+`)
	cold := New(`cold+`)
	if a.Compiled() || b.Compiled() {
		t.Fatal("a hot expression was compiled before Warm or a use")
	}
	Warm()
	Warm() // once a process
	deadline := time.Now().Add(5 * time.Second)
	for !(a.Compiled() && b.Compiled()) {
		if time.Now().After(deadline) {
			t.Fatal("Warm did not compile the hot expressions")
		}
		time.Sleep(time.Millisecond)
	}
	if cold.Compiled() {
		t.Error("Warm compiled an expression made with New")
	}
	if !b.MatchString("HOTT") || cold.MatchString("hot") {
		t.Error("a warmed expression matches differently")
	}
	if !cold.MatchString("coldd") || !cold.Compiled() {
		t.Error("an expression is not compiled by its first use")
	}
}
