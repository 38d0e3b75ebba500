package importer

import (
	"regexp"
	"testing"

	"github.com/guidepress/guidepress/internal/lazyre"
)

// The readers' expressions are compiled on first use (internal/lazyre), not
// at start-up, so a bad pattern would fail only the build that first needs
// it: compile every one here, as regexp.MustCompile at start-up used to.
func TestEveryExpressionCompiles(t *testing.T) {
	all := lazyre.All()
	if len(all) < 100 {
		t.Fatalf("only %d expressions registered: are the readers' expressions still lazyre.New?", len(all))
	}
	for _, r := range all {
		if _, err := regexp.Compile(r.String()); err != nil {
			t.Errorf("%.60s: %v", r.String(), err)
		}
	}
}
