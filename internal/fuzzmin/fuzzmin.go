// Package fuzzmin gives a package's fuzz targets a shorter default for
// -fuzzminimizetime than Go's 60 s.
//
// Go's minimiser tries every cut of a new input (minimizeBytes: about n²/2
// runs for n bytes), and the coordinator counts none of those runs until
// the minimising ends. A reader's fuzz target runs for about a millisecond
// on a 1 KB guide under coverage instrumentation, so minimising one new
// input of a ~1 KB seed takes the whole 60 s; with two workers both
// minimising, `go test -fuzz` reports 0 execs/s and a 20 s run made ~100
// execs. scripts/fuzz.sh passes -fuzzminimizetime=5s; Default gives a bare
// `go test -fuzz` the same.
package fuzzmin

import (
	"flag"
	"time"
)

// Default sets -test.fuzzminimizetime to d when the command line fuzzes
// (-test.fuzz) and does not set it itself. Call it from TestMain, before
// m.Run; it parses the command line.
func Default(d time.Duration) {
	if !flag.Parsed() {
		flag.Parse()
	}
	setDefault(flag.CommandLine, d)
}

// setDefault is Default on fs, parsed; it reports whether it set the flag.
func setDefault(fs *flag.FlagSet, d time.Duration) bool {
	fuzz := fs.Lookup("test.fuzz")
	if fuzz == nil || fuzz.Value.String() == "" || fs.Lookup("test.fuzzminimizetime") == nil {
		return false
	}
	given := false
	fs.Visit(func(f *flag.Flag) {
		given = given || f.Name == "test.fuzzminimizetime"
	})
	if given {
		return false
	}
	return fs.Set("test.fuzzminimizetime", d.String()) == nil
}
