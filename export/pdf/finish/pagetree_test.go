package finish

import (
	"fmt"
	"strings"
	"testing"
)

// TestBalancedPageTree: past maxKids pages every page hangs at the same
// depth under nodes of at most maxKids kids whose counts add up.
func TestBalancedPageTree(t *testing.T) {
	for _, n := range []int{1, maxKids, maxKids + 1, maxKids * maxKids, maxKids*maxKids + 1, 10007} {
		pages := make([]int, n)
		for i := range pages {
			pages[i] = 3 + 2*i // fpdf's page objects
		}
		const base = 100000
		tr := balancedPageTree(pages, base)
		if n <= maxKids {
			if tr.nodes != nil {
				t.Errorf("%d pages: %d nodes, want fpdf's flat tree", n, len(tr.nodes))
			}
			continue
		}
		type node struct{ parent, count, kids int }
		nodes := map[int]*node{}
		for i, d := range tr.nodes {
			var nd node
			var kids string
			if _, err := fmt.Sscanf(strings.ReplaceAll(string(d), "\n", " "), "<</Type /Pages /Parent %d 0 R /Kids [", &nd.parent); err != nil {
				t.Fatalf("node %d: %q: %v", i, d, err)
			}
			kids, rest, _ := strings.Cut(string(d)[strings.Index(string(d), "[")+1:], "]")
			nd.kids = strings.Count(kids, " 0 R")
			fmt.Sscanf(strings.TrimSpace(rest), "/Count %d", &nd.count)
			nodes[base+i] = &nd
			if nd.kids == 0 || nd.kids > maxKids {
				t.Errorf("%d pages: node %d has %d kids", n, i, nd.kids)
			}
		}
		if len(tr.rootKids) > maxKids {
			t.Errorf("%d pages: the root has %d kids", n, len(tr.rootKids))
		}
		total := 0
		for _, k := range tr.rootKids {
			total += nodes[k].count
			if nodes[k].parent != pagesRoot {
				t.Errorf("%d pages: root kid %d has parent %d", n, k, nodes[k].parent)
			}
		}
		if total != n {
			t.Errorf("%d pages: the root's kids count %d", n, total)
		}
		depth := -1
		for i, p := range tr.parent {
			d := 0
			for p != pagesRoot {
				nd := nodes[p]
				if nd == nil {
					t.Fatalf("%d pages: page %d's ancestor %d is not a node", n, i, p)
				}
				p, d = nd.parent, d+1
			}
			if depth < 0 {
				depth = d
			} else if d != depth {
				t.Fatalf("%d pages: page %d at depth %d, page 0 at %d", n, i, d, depth)
			}
		}
	}
}
