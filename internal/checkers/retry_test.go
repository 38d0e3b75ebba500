package checkers

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A fake checker in a fake ../shared/tools: it counts its runs in a file
// and fails transiently (exit 2, reason=ace-failed) until run number
// passOn, then exits with final.
func fakeChecker(t *testing.T, passOn, final int, reason string) (count func() int) {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "tools"), 0o755); err != nil {
		t.Fatal(err)
	}
	n := filepath.Join(dir, "runs")
	script := `n=$(( $(cat ` + n + ` 2>/dev/null || echo 0) + 1 )); echo $n >` + n + `
if [ $n -lt ` + strconv.Itoa(passOn) + ` ]; then echo "check-a11y: ERROR file=x.epub ` + reason + `"; exit 2; fi
echo "check-a11y: done file=x.epub"; exit ` + strconv.Itoa(final) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "tools", "fake.sh"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GUIDEPRESS_SHARED", dir)
	t.Setenv("GUIDEPRESS_CHECKERS", "")
	return func() int {
		b, _ := os.ReadFile(n)
		c, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		return c
	}
}

func TestRunRetriesTransientFailures(t *testing.T) {
	tests := []struct {
		name          string
		passOn, final int
		wantPass      bool
		wantRuns      int
	}{
		{"passes on the third attempt", 3, 0, true, 3},
		{"passes at once", 1, 0, true, 1},
		{"a finding is never retried", 1, 1, false, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			runs := fakeChecker(t, tc.passOn, tc.final, "reason=ace-failed ace_rc=1")
			r := Run(t, "fake.sh")
			if r.Passed != tc.wantPass || runs() != tc.wantRuns {
				t.Errorf("passed %v after %d runs, want %v after %d (output %q)", r.Passed, runs(), tc.wantPass, tc.wantRuns, r.Output)
			}
		})
	}
}

// A checker that cannot run for another reason (not installed) is not
// retried: trying again cannot help.
func TestRunDoesNotRetryMissingTools(t *testing.T) {
	runs := fakeChecker(t, 3, 0, "reason=ace-not-installed")
	ok := t.Run("inner", func(t *testing.T) {
		t.Setenv("CI", "")
		t.Setenv("GUIDEPRESS_REQUIRE_CHECKERS", "")
		Run(t, "fake.sh") // skips: the tool "could not run"
	})
	if !ok || runs() != 1 {
		t.Errorf("inner ok %v after %d runs, want a skip after 1", ok, runs())
	}
}

// Ace is given time to start Chromium on a loaded machine, unless the
// caller chose a timeout.
func TestRunGivesAceTimeToStartChromium(t *testing.T) {
	for _, tc := range []struct{ set, want string }{{"", "60000"}, {"9000", "9000"}} {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "tools"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "tools", "env.sh"), []byte("echo \"timeout=$ACE_TIMEOUT_INITIAL\"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("GUIDEPRESS_SHARED", dir)
		t.Setenv("GUIDEPRESS_CHECKERS", "")
		t.Setenv("ACE_TIMEOUT_INITIAL", tc.set)
		if got := strings.TrimSpace(Run(t, "env.sh").Output); got != "timeout="+tc.want {
			t.Errorf("ACE_TIMEOUT_INITIAL=%q: the checker saw %q, want timeout=%s", tc.set, got, tc.want)
		}
	}
}
