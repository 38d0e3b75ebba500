package cmd

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// TestEveryShapeGrowsLinearly builds, as `guidepress build` does (import,
// EPUB with its page list, PDF, self-checks, writing), a guide of every
// shape internal/growth makes at about 16 KB (at least 40 sections) and at two and four times as
// many sections, and fails when the bytes allocated grow faster than the
// sections (growth.LinearSteps: the fixed cost taken out): a stage that
// copies a whole document per section or page (the EPUB's page list did,
// 40,000 subsections took 14 s) shows here, without timing anything, so
// the test does not depend on the machine's load. It is the cheap guard
// of the slope that scripts/bigguides.sh measures on 4 MiB guides; work
// that searches without allocating is left to the stages' own
// TestLinearCost.
func TestEveryShapeGrowsLinearly(t *testing.T) {
	if growth.Race {
		t.Skip("a cost test: the race detector distorts it; make test runs it without -race")
	}
	if testing.Short() {
		t.Skip("builds guides of 16–64 KB of every shape")
	}
	dir := t.TempDir()
	for _, s := range growth.Shapes {
		t.Run(s.String(), func(t *testing.T) {
			_, n := growth.Fill(s, 16<<10)
			n = max(n, 40) // steps of a few long paragraphs are lost in the fixed cost
			path := func(m int) string { return filepath.Join(dir, s.String()+"-"+strconv.Itoa(m)+s.Ext()) }
			for _, m := range []int{n, 2 * n, 4 * n} {
				if err := os.WriteFile(path(m), growth.Guide(s, m), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			build := func(m int) {
				if code, _, stderr := run(t, "", "build", path(m), "-o", filepath.Join(dir, "out"), "--quiet"); code != 0 {
					t.Fatalf("build %s: exit %d: %s", path(m), code, stderr)
				}
			}
			// Linear builds measured n^0.3–0.95 and step ratios of 1.7–3.5;
			// quadratic work gives 4.
			growth.LinearSteps(t, "build of "+s.String(), n, 3.8, 1.15, build)
		})
	}
}
