package importer

import (
	"testing"

	"github.com/guidepress/guidepress/internal/growth"
)

// TestLinearCost imports guides of n and 4n sections of every shape, and
// a paragraph of n and 8n hard-wrapped lines, and fails when the cost
// grows faster than linearly. Joining a paragraph's lines one by one
// (text += " " + line) was quadratic in the lines: 19,000 wrapped lines
// took 9 s and 13 GB of allocation.
func TestLinearCost(t *testing.T) {
	if growth.Race {
		t.Skip("a cost test: the race detector distorts it; make test runs it without -race")
	}
	if testing.Short() {
		t.Skip("times imports of thousands of sections")
	}
	for _, c := range []struct {
		shape growth.Shape
		n     int
	}{{growth.Subsections, 2000}, {growth.Sections, 2000}, {growth.Quoted, 1000}, {growth.Wrapped, 2000}} {
		t.Run(c.shape.String(), func(t *testing.T) {
			texts := map[int][]byte{}
			growth.Linear(t, "import of "+c.shape.String(), c.n, 8, 1.35, func(n int) {
				if texts[n] == nil {
					texts[n] = growth.Guide(c.shape, n)
				}
				if _, err := Load("growth.txt", texts[n], Options{}); err != nil {
					t.Fatal(err)
				}
			})
		})
	}
}
