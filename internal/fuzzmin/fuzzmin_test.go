package fuzzmin

import (
	"flag"
	"io"
	"testing"
	"time"
)

// TestSetDefault: the default is set only when fuzzing and only when the
// command line left -fuzzminimizetime alone.
func TestSetDefault(t *testing.T) {
	cases := []struct {
		args []string
		want string
		set  bool
	}{
		{[]string{"-test.fuzz=^FuzzX$"}, "5s", true},
		{[]string{"-test.fuzz=^FuzzX$", "-test.fuzzminimizetime=60s"}, "60s", false},
		{[]string{"-test.fuzz=^FuzzX$", "-test.fuzzminimizetime=100x"}, "100x", false},
		{[]string{"-test.run=^TestX$"}, "60s", false},
		{nil, "60s", false},
	}
	for _, c := range cases {
		fs := flag.NewFlagSet("x", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.String("test.fuzz", "", "")
		fs.String("test.run", "", "")
		fs.String("test.fuzzminimizetime", "60s", "")
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		set := setDefault(fs, 5*time.Second)
		if got := fs.Lookup("test.fuzzminimizetime").Value.String(); got != c.want || set != c.set {
			t.Errorf("%q: -test.fuzzminimizetime %s (set %v), want %s (set %v)", c.args, got, set, c.want, c.set)
		}
	}
	// The testing package's own flag is there to set.
	if flag.Lookup("test.fuzzminimizetime") == nil {
		t.Error("no -test.fuzzminimizetime flag in this test binary")
	}
}
