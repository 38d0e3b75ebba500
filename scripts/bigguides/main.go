// Command bigguides writes one guide of each shape internal/growth makes,
// each with as many sections as fit in the importer's default limit (4
// MiB), for measuring the largest guides a build accepts
// (scripts/bigguides.sh; issue 9: any 4 MiB guide in 10 s and 512 MiB).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/guidepress/guidepress/internal/growth"
)

func main() {
	out := flag.String("o", ".", "folder to write the guides in")
	size := flag.Int("size", 4<<20, "the most bytes a guide may have")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, s := range growth.Shapes {
		text, n := growth.Fill(s, *size)
		name := filepath.Join(*out, s.String()+s.Ext())
		if err := os.WriteFile(name, text, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s\t%d sections\t%d bytes\n", name, n, len(text))
	}
}
