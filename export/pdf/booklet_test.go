package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/draw"
	"github.com/guidepress/guidepress/internal/checkers"
)

// TestBooklet reads every half of every sheet back: the sheets are
// landscape, there are enough of them for the half-size pages padded to a
// multiple of four, and the page number printed in each half's footer is
// the one saddle stitching puts there (no number where the page has none:
// the cover, the title page, blank versos and the padding).
func TestBooklet(t *testing.T) {
	guides := map[string]*content.Guide{"sample": sampleGuide()}
	if g := seedOrSkip(t, false); g != nil {
		guides["seed"] = g
	}
	for name, g := range guides {
		for _, style := range []string{"standard", "compact"} {
			for _, paper := range []export.Paper{export.A4, export.Letter} {
				t.Run(fmt.Sprintf("%s/%s/%s", name, style, paper), func(t *testing.T) {
					opts := teacher
					opts.Style, opts.Paper = style, paper
					out, lay, _, err := buildBooklet(g, opts)
					if err != nil {
						t.Fatal(err)
					}
					halfW, halfH := 148.0, 210.0
					if paper == export.Letter {
						halfW, halfH = 139.7, 215.9
					}
					if lay.PageWidth != halfW || lay.PageHeight != halfH {
						t.Fatalf("typeset at %.1f×%.1f mm, want %.1f×%.1f", lay.PageWidth, lay.PageHeight, halfW, halfH)
					}
					path := write(t, name+"-booklet", out)
					checkers.MustPass(t, "check-pdf.sh", "--no-outline", "--no-links", path)
					info := pdfinfo(t, path)
					sheets, _ := strconv.Atoi(info["Pages"])
					sheets /= 2
					if sheets*4 < len(lay.Pages) || (sheets-1)*4 >= len(lay.Pages) {
						t.Fatalf("%d sheets for %d pages", sheets, len(lay.Pages))
					}
					var w, h float64
					fmt.Sscanf(info["Page size"], "%f x %f", &w, &h)
					if w <= h {
						t.Errorf("sheets are %.0f×%.0f pt: not landscape", w, h)
					}
					pt := func(mm float64) string { return strconv.Itoa(int(mm * 72 / 25.4)) }
					numbered := 0
					for i, side := range draw.SaddleOrder(sheets * 4) {
						for half, idx := range side {
							got := strings.TrimSpace(runTool(t, "pdftotext", "-enc", "UTF-8", "-r", "72",
								"-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1),
								"-x", pt(float64(half)*halfW), "-y", pt(lay.TextBottom+1), "-W", pt(halfW), "-H", pt(halfH-lay.TextBottom-1),
								path, "-"))
							want := ""
							if idx < len(lay.Pages) && lay.Pages[idx].Footer {
								want = strconv.Itoa(idx + 1)
								numbered++
							}
							if got != want {
								t.Errorf("sheet %d %s, half %d: footer reads %q, want %q", i/2+1, []string{"front", "back"}[i%2], half+1, got, want)
							}
						}
					}
					if numbered < len(lay.Pages)/2 {
						t.Errorf("only %d of %d pages numbered", numbered, len(lay.Pages))
					}
				})
			}
		}
	}
}
