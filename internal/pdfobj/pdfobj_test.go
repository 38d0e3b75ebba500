package pdfobj_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/internal/checkers"
	"github.com/guidepress/guidepress/internal/pdfobj"
	"github.com/guidepress/guidepress/internal/testpdf"
)

// samplePDF is a guidepress PDF (object streams, a cross-reference
// stream, Flate) of the model-v2 fixture.
func samplePDF(t testing.TB) []byte {
	t.Helper()
	b, err := testpdf.Hamlet("")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// summary is what a reader must agree on: the pages, each page's
// operators, and the structure elements' types.
func summary(t *testing.T, b []byte) string {
	t.Helper()
	f, err := pdfobj.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := f.Pages()
	if err != nil {
		t.Fatal(err)
	}
	var s strings.Builder
	for _, p := range ps {
		data, err := f.Contents(p)
		if err != nil {
			t.Fatal(err)
		}
		ops, err := pdfobj.Ops(data)
		if err != nil {
			t.Fatal(err)
		}
		s.WriteString("page:")
		for _, op := range ops {
			s.WriteString(" " + op.Name)
		}
		s.WriteString("\n")
	}
	n := 0
	for _, o := range f.Objects {
		if d, ok := o.(pdfobj.Dict); ok && d["Type"] == pdfobj.Name("StructElem") {
			n++
		}
	}
	s.WriteString("elements: " + strings.Repeat("e", n))
	return s.String()
}

// TestRoundTrip: a guidepress file read and written out is a valid PDF
// (qpdf --check) that reads back the same, and writing is stable.
func TestRoundTrip(t *testing.T) {
	b := samplePDF(t)
	f, err := pdfobj.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	w := pdfobj.Write(f)
	if a, z := summary(t, b), summary(t, w); a != z {
		t.Fatalf("written file reads back differently:\n%s\n---\n%s", a, z)
	}
	f2, err := pdfobj.Parse(w)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w, pdfobj.Write(f2)) {
		t.Error("parse(write(f)) writes other bytes")
	}
	if !strings.Contains(summary(t, b), " BDC") {
		t.Error("no marked content read: the summary proves nothing")
	}
	path := filepath.Join(t.TempDir(), "w.pdf")
	if err := os.WriteFile(path, w, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(checkers.Tool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil || bytes.Contains(bytes.ToLower(out), []byte("warning")) {
		t.Errorf("qpdf --check of the written file: %v\n%s", err, out)
	}
}

// TestReadsOtherWriters: the reader agrees with itself on the same
// document as qpdf writes it: a classic table with every object at the
// top level, and object streams with a PNG-predicted cross-reference
// stream.
func TestReadsOtherWriters(t *testing.T) {
	qpdf := checkers.Tool(t, "qpdf")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, samplePDF(t), 0o644); err != nil {
		t.Fatal(err)
	}
	want := summary(t, samplePDF(t))
	for name, args := range map[string][]string{
		"classic":        {"--qdf", "--object-streams=disable"},
		"object streams": {"--object-streams=generate", "--compress-streams=y"},
		"linearized":     {"--linearize"},
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".pdf")
			if b, err := exec.Command(qpdf, append(args, in, out)...).CombinedOutput(); err != nil {
				t.Fatalf("qpdf: %v\n%s", err, b)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(t, b); got != want {
				t.Errorf("reads differently from the original")
			}
		})
	}
}

// TestBadFiles: a damaged file is an error, never a panic or a hang.
func TestBadFiles(t *testing.T) {
	good := samplePDF(t)
	xref := bytes.LastIndex(good, []byte("startxref"))
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"no startxref", good[:xref]},
		{"startxref beyond the end", append(append([]byte{}, good[:xref]...), "startxref\n99999999\n%%EOF\n"...)},
		{"truncated in the middle", good[:len(good)/2]},
		{"table pointing at nothing", []byte("%PDF-1.4\nxref\n0 2\n0000000000 65535 f \n0000000500 00000 n \ntrailer\n<</Size 2>>\nstartxref\n9\n%%EOF\n")},
		{"Prev loop", []byte("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1 /Prev 9>>\nstartxref\n9\n%%EOF\n")},
		{"deep nesting", []byte("%PDF-1.4\n1 0 obj\n" + strings.Repeat("[", 10000) + "\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2>>\nstartxref\n" + "10025" + "\n%%EOF\n")},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := pdfobj.Parse(c.data); err == nil {
				t.Error("accepted")
			}
		})
	}
}

// TestLexer: the object syntax's corners.
func TestLexer(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // the first operator's operands as Write prints them
	}{
		{`(a\)b\\c\101\n) Tj`, "<6129625c63410a> "},
		{`<48 65 6C6C 6F> Tj`, "<48656c6c6f> "},
		{`<4> Tj`, "<40> "},
		{`/A#20B 1 0 R -2.5 .5 true null [1 2] <</K 3>> X`, ""},
	} {
		ops, err := pdfobj.Ops([]byte(c.in))
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if len(ops) != 1 {
			t.Fatalf("%q: %d operators", c.in, len(ops))
		}
		if c.want != "" {
			f := &pdfobj.File{Objects: map[int]pdfobj.Object{1: ops[0].Args[0]}}
			w := string(pdfobj.Write(f))
			if !strings.Contains(w, "1 0 obj\n"+strings.TrimSpace(c.want)+"\n") {
				t.Errorf("%q: wrote %q", c.in, w)
			}
		}
	}
	ops, _ := pdfobj.Ops([]byte(`/A#20B 1 0 R -2.5 .5 true null [1 2] <</K 3>> X`))
	args := ops[0].Args
	if args[0] != pdfobj.Name("A B") || args[1] != (pdfobj.Ref{Num: 1}) || args[2] != -2.5 || args[3] != 0.5 || args[4] != true || args[5] != nil {
		t.Errorf("operands %#v", args)
	}
	// "0 1 RG" is two numbers and an operator, not a reference.
	ops, _ = pdfobj.Ops([]byte("0 1 RG"))
	if len(ops) != 1 || ops[0].Name != "RG" || len(ops[0].Args) != 2 {
		t.Errorf("0 1 RG read as %#v", ops)
	}
}

// FuzzParse: any bytes either fail to parse or give a file whose pages,
// contents and operators can be read, and which writes out to a file
// that parses again.
func FuzzParse(f *testing.F) {
	// Small seeds only: the fuzzer minimises every new input it finds, and
	// at ~10 ms a run a 45 KB guide PDF took its whole time doing that.
	// testdata/fuzz/FuzzParse holds the same small file as qpdf writes it
	// with object streams and a predicted cross-reference stream, and a
	// few pages of a guide's content.
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n3 0 obj\n<</Type /Page /Parent 2 0 R /Contents 4 0 R>>\nendobj\n4 0 obj\n<</Length 8>>\nstream\n0 0 m S\nendstream\nendobj\nxref\n0 5\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000111 00000 n \n0000000167 00000 n \ntrailer\n<</Size 5 /Root 1 0 R>>\nstartxref\n223\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := pdfobj.Parse(data)
		if err != nil {
			return
		}
		if ps, err := file.Pages(); err == nil {
			for _, p := range ps {
				if c, err := file.Contents(p); err == nil {
					pdfobj.Ops(c)
				}
			}
		}
		w := pdfobj.Write(file)
		if _, err := pdfobj.Parse(w); err != nil && file.Trailer != nil {
			t.Fatalf("a parsed file writes out unreadable: %v", err)
		}
	})
}
