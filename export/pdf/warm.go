package pdf

import (
	"github.com/guidepress/guidepress/export/pdf/fontembed"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/fonts"
	theme "github.com/guidepress/guidepress/templates/pdf"
	"github.com/guidepress/guidepress/typeset"
)

// Warm does ahead of a process's first Build the work that Build would
// otherwise do then, once per process: parsing the default theme, and
// reading the metrics and font descriptors of the faces a guide's text is
// set in. It is safe to call at any time, from any goroutine, and never
// needed; a one-guide build calls it while the guide is read and
// imported, when the second core is idle.
func Warm() {
	theme.Default()
	for _, fc := range []layout.Face{
		layout.NewFace(fonts.Literata, fonts.Regular),
		layout.NewFace(fonts.Atkinson, fonts.Bold),
		layout.NewFace(fonts.Literata, fonts.Italic),
		layout.NewFace(fonts.Literata, fonts.Bold),
		layout.NewFace(fonts.Atkinson, fonts.Regular),
	} {
		typeset.Warm(fc.Typeset())
		if _, err := fontembed.Desc(fc); err != nil {
			return
		}
	}
}
