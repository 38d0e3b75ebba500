package pdf

import (
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// Warm does ahead of a process's first Build the work that Build would
// otherwise do then, once per process: parsing the default theme and the
// faces a guide's text is set in, and working out those faces' font
// descriptors and the widths of their printable ASCII characters. It is
// safe to call at any time, from any goroutine, and never needed; a
// one-guide build calls it while the guide is read and imported, when the
// second core is idle.
func Warm() {
	theme.Default()
	for _, fc := range []face{
		mkface(fonts.Literata, fonts.Regular),
		mkface(fonts.Atkinson, fonts.Bold),
		mkface(fonts.Literata, fonts.Italic),
		mkface(fonts.Literata, fonts.Bold),
		mkface(fonts.Atkinson, fonts.Regular),
	} {
		for r := rune(' '); r < 0x7F; r++ {
			if dfc, ok := drawable(fc.fam, fc.style, r); ok {
				if _, err := sharedAdvance(dfc, r); err != nil {
					return // Build will meet and report it
				}
			}
		}
		if _, err := fontDesc(fc); err != nil {
			return
		}
	}
}
