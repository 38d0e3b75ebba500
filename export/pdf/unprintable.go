package pdf

import (
	"errors"
	"fmt"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
)

// Unprintable lays g out as Build would with opts, without drawing it, and
// returns the warnings for characters no embedded face can print (the
// same ones Build reports), so that `inspect` and `build -v` agree about a
// guide.
func Unprintable(g *content.Guide, opts export.Options) (diags []content.Diagnostic, err error) {
	defer func() {
		if r := recover(); r != nil {
			diags, err = nil, fmt.Errorf("pdf: internal error laying out %q (please report it): %v", g.Title, r)
		}
	}()
	if g == nil {
		return nil, errors.New("pdf: no guide")
	}
	th, geo, _, err := prepare(g, opts)
	if err != nil {
		return nil, err
	}
	_, _, rep, err := layout.Guide(g, opts, th, geo, layout.GuideDoc, probe)
	if err != nil {
		return nil, err
	}
	return rep.Diagnostics(), nil
}
