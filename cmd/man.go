package cmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd generates man pages from the command tree, so they can never
// drift from the flags (`make man`). Hidden: it is for packagers.
func newManCmd(ios *IOStreams) *cobra.Command {
	var dir string
	c := &cobra.Command{
		Use:    "man",
		Short:  "Write man pages for every command into a directory",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			header := &doc.GenManHeader{Title: "GUIDEPRESS", Section: "1", Source: "guidepress " + Version, Manual: "guidepress manual"}
			root := c.Root()
			// Fixed date: man pages are build outputs and must be reproducible.
			if t, ok, err := sourceDate(); ok && err == nil {
				header.Date = &t
			}
			root.DisableAutoGenTag = true
			if err := doc.GenManTree(root, header, dir); err != nil {
				return err
			}
			fmt.Fprintf(ios.Out, "man pages written to %s\n", dir)
			return nil
		},
	}
	c.Flags().StringVar(&dir, "dir", "man", "directory to write the pages into")
	return c
}
