package vocab

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestQAClassify(t *testing.T) {
	if os.Getenv("QA_NAMES") == "" {
		t.Skip()
	}
	for _, n := range strings.Split(os.Getenv("QA_NAMES"), "|") {
		h := Classify(n)
		fmt.Printf("%-40s kind=%d role=%s lang=%s sub=%v\n", n, h.Kind, h.Role, h.Lang, GuideSubtitle(n))
	}
}
