// Command guidepress turns book study guides into EPUB 3 and PDF.
package main

import (
	"os"

	"github.com/guidepress/guidepress/cmd"
)

func main() {
	os.Exit(cmd.Main(cmd.System(), os.Args[1:]))
}
