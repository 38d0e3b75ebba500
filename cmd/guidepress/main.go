// Command guidepress turns book study guides into EPUB 3 and PDF.
package main

import (
	"os"

	"github.com/guidepress/guidepress/cmd"
	// The executable's data, and its code through the package inits,
	// mapped a page per fault, not 64 KB: ~3 MB less resident in a seed
	// build (internal/faultaround).
	"github.com/guidepress/guidepress/internal/faultaround"
)

// atExit, when set (profile.go, built with -tags pprof), runs before the
// process exits.
var atExit func()

func main() {
	faultaround.InitsDone()
	code := cmd.Main(cmd.System(), os.Args[1:])
	if atExit != nil {
		atExit()
	}
	os.Exit(code)
}
