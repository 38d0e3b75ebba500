//go:build pprof

package main

// Built with -tags pprof, guidepress writes a CPU profile of the whole
// process to $GUIDEPRESS_CPUPROFILE (and a heap profile at exit to
// $GUIDEPRESS_MEMPROFILE), so that a batch can be profiled as make bench
// runs it: go build -tags pprof -o gp ./cmd/guidepress &&
// GUIDEPRESS_CPUPROFILE=cpu.prof ./gp build dir -o out -q -j 2. The tag
// keeps runtime/pprof and its inits out of the ordinary binary.
// GUIDEPRESS_RSSMAP=file (without a CPU profile, whose buffers would be
// counted) writes where the resident memory is at exit (rssmap.go).
// GUIDEPRESS_TRACE=file writes an execution trace of the whole process
// (go tool trace file): where a batch's workers wait, and for what.
// GUIDEPRESS_MEMPROFILE=file alone records every allocation
// (runtime.MemProfileRate = 1) and writes them at exit: what a build
// allocates, byte for byte, for `go tool pprof -sample_index=alloc_space`.

import (
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

func init() {
	if p := os.Getenv("GUIDEPRESS_TRACE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			panic(err)
		}
		if err := trace.Start(f); err != nil {
			panic(err)
		}
		atExit = func() {
			trace.Stop()
			f.Close()
		}
		return
	}
	if p := os.Getenv("GUIDEPRESS_RSSMAP"); p != "" {
		atExit = func() {
			if f, err := os.Create(p); err == nil {
				writeRSSMap(f)
				f.Close()
			}
		}
	}
	p := os.Getenv("GUIDEPRESS_CPUPROFILE")
	if p == "" {
		if m := os.Getenv("GUIDEPRESS_MEMPROFILE"); m != "" {
			runtime.MemProfileRate = 1
			atExit = func() { writeAllocs(m) }
		}
		return
	}
	f, err := os.Create(p)
	if err != nil {
		panic(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	atExit = func() {
		pprof.StopCPUProfile()
		f.Close()
		if p := os.Getenv("GUIDEPRESS_MEMPROFILE"); p != "" {
			writeAllocs(p)
		}
	}
}

// writeAllocs collects first: the profile holds what was allocated up to
// the last collection, and a one-guide build runs none after its
// reservation.
func writeAllocs(p string) {
	runtime.GC()
	if m, err := os.Create(p); err == nil {
		pprof.Lookup("allocs").WriteTo(m, 0)
		m.Close()
	}
}
