// Command genman writes guidepress's man pages from its command tree
// (`make man`), so they never drift from the flags. It lives outside the
// guidepress binary because cobra/doc pulls in a Markdown renderer whose
// start-up cost every build would otherwise pay.
package main

import (
	"fmt"
	"os"

	"github.com/guidepress/guidepress/cmd"
	"github.com/guidepress/guidepress/export"
	"github.com/spf13/cobra/doc"
)

func main() {
	dir := "man"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := generate(dir); err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
	fmt.Printf("man pages written to %s\n", dir)
}

func generate(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root := cmd.NewRootCmd(cmd.System())
	root.DisableAutoGenTag = true
	header := &doc.GenManHeader{Title: "GUIDEPRESS", Section: "1", Source: "guidepress " + cmd.Version, Manual: "guidepress manual"}
	// Man pages are build outputs: date them reproducibly when asked.
	if t, ok, err := export.SourceDateEpoch(); ok && err == nil {
		header.Date = &t
	}
	return doc.GenManTree(root, header, dir)
}
