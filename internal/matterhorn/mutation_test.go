package matterhorn_test

import (
	"bytes"
	"slices"
	"sort"
	"testing"

	"github.com/guidepress/guidepress/internal/matterhorn"
	"github.com/guidepress/guidepress/internal/pdfobj"
	"github.com/guidepress/guidepress/internal/testpdf"
)

// The good file every mutation starts from: the repository's model-v2
// fixture, which has every structure the checker knows (a table with
// header cells, lists, links in the text and the contents, headings of
// two levels, a block quote, the cover).
func goodPDF(t testing.TB) []byte {
	t.Helper()
	b, err := testpdf.Hamlet("Hilltop Library")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func checks(t *testing.T, b []byte) map[string]bool {
	t.Helper()
	fs, err := matterhorn.Check(b)
	if err != nil {
		t.Fatalf("reading the file back: %v", err)
	}
	got := map[string]bool{}
	for _, f := range fs {
		got[f.Check] = true
	}
	return got
}

func TestGoodFilePasses(t *testing.T) {
	fs, err := matterhorn.Check(goodPDF(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		t.Error(f)
	}
}

// elems lists the structure elements of type s, in object order.
func elems(f *pdfobj.File, s string) []pdfobj.Dict {
	var nums []int
	for n, o := range f.Objects {
		if d, ok := o.(pdfobj.Dict); ok && d["Type"] == pdfobj.Name("StructElem") && d["S"] == pdfobj.Name(s) {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	var out []pdfobj.Dict
	for _, n := range nums {
		out = append(out, f.Objects[n].(pdfobj.Dict))
	}
	return out
}

func first(t *testing.T, f *pdfobj.File, s string) pdfobj.Dict {
	t.Helper()
	es := elems(f, s)
	if len(es) == 0 {
		t.Fatalf("the good file has no %s element", s)
	}
	return es[0]
}

func pages(t *testing.T, f *pdfobj.File) []pdfobj.Page {
	t.Helper()
	ps, err := f.Pages()
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// annotated is the first page with annotations.
func annotated(t *testing.T, f *pdfobj.File) pdfobj.Page {
	t.Helper()
	for _, p := range pages(t, f) {
		if a, _ := f.Resolve(p.Dict["Annots"]).(pdfobj.Array); len(a) > 0 {
			return p
		}
	}
	t.Fatal("the good file has no annotations")
	return pdfobj.Page{}
}

func firstLink(t *testing.T, f *pdfobj.File) pdfobj.Dict {
	t.Helper()
	a := f.Resolve(annotated(t, f).Dict["Annots"]).(pdfobj.Array)
	return f.Dict(a[0])
}

// editContent rewrites the content of the first page whose content holds
// old (once), replacing it by repl.
func editContent(t *testing.T, f *pdfobj.File, old, repl string) {
	t.Helper()
	for _, p := range pages(t, f) {
		data, err := f.Contents(p)
		if err != nil {
			t.Fatal(err)
		}
		if i := bytes.Index(data, []byte(old)); i >= 0 {
			data = slices.Concat(data[:i], []byte(repl), data[i+len(old):])
			p.Dict["Contents"] = f.Add(&pdfobj.Stream{Dict: pdfobj.Dict{}, Raw: data})
			return
		}
	}
	t.Fatalf("no page content holds %q", old)
}

// wrapContent puts before and after around page 2's content.
func wrapContent(t *testing.T, f *pdfobj.File, before, after string) {
	t.Helper()
	p := pages(t, f)[1]
	data, err := f.Contents(p)
	if err != nil {
		t.Fatal(err)
	}
	p.Dict["Contents"] = f.Add(&pdfobj.Stream{Dict: pdfobj.Dict{}, Raw: slices.Concat([]byte(before), data, []byte(after))})
}

func firstFont(t *testing.T, f *pdfobj.File) pdfobj.Dict {
	t.Helper()
	fs := f.Dict(pages(t, f)[0].Resources["Font"])
	var names []string
	for k := range fs {
		names = append(names, string(k))
	}
	sort.Strings(names)
	if len(names) == 0 {
		t.Fatal("no fonts on page 1")
	}
	return f.Dict(fs[pdfobj.Name(names[0])])
}

func setXMP(f *pdfobj.File, packet string) {
	f.Root()["Metadata"] = f.Add(&pdfobj.Stream{Dict: pdfobj.Dict{"Type": pdfobj.Name("Metadata"), "Subtype": pdfobj.Name("XML")}, Raw: []byte(packet)})
}

const xmpHead = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
	`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">`
const xmpTail = `</rdf:Description></rdf:RDF></x:xmpmeta>`

// The mutations: each breaks exactly one property of the good file.
var mutations = []struct {
	name   string
	mutate func(t *testing.T, f *pdfobj.File)
	want   []string // the checks that must fail (and no others)
}{
	{"path drawn outside marked content", func(t *testing.T, f *pdfobj.File) {
		wrapContent(t, f, "0 0 m 10 10 l S\n", "")
	}, []string{"content-untagged"}},
	{"artifact inside tagged content", func(t *testing.T, f *pdfobj.File) {
		editContent(t, f, "<</MCID 0>> BDC", "<</MCID 0>> BDC /Artifact BMC 0 0 m 1 1 l S EMC")
	}, []string{"content-artifact-in-tag"}},
	{"tagged content inside an artifact", func(t *testing.T, f *pdfobj.File) {
		editContent(t, f, "/Artifact BMC", "/Artifact BMC /P <</MCID 0>> BDC EMC")
	}, []string{"content-tag-in-artifact", "mcid-duplicate"}},
	{"EMC without BMC", func(t *testing.T, f *pdfobj.File) {
		wrapContent(t, f, "", "\nEMC\n")
	}, []string{"content-unbalanced"}},
	{"MCID used twice on a page", func(t *testing.T, f *pdfobj.File) {
		editContent(t, f, "<</MCID 1>>", "<</MCID 0>>")
	}, []string{"mcid-duplicate"}},
	{"MCID no element claims", func(t *testing.T, f *pdfobj.File) {
		editContent(t, f, "<</MCID 1>>", "<</MCID 77>>")
	}, []string{"mcid-unclaimed"}},
	{"parent tree entry missing", func(t *testing.T, f *pdfobj.File) {
		p := pages(t, f)[1]
		p.Dict["StructParents"] = 9999
	}, []string{"mcid-unclaimed"}},
	{"Suspects true", func(t *testing.T, f *pdfobj.File) {
		f.Dict(f.Root()["MarkInfo"])["Suspects"] = true
	}, []string{"suspects"}},
	{"no MarkInfo", func(t *testing.T, f *pdfobj.File) {
		delete(f.Root(), "MarkInfo")
	}, []string{"marked"}},
	{"no structure tree", func(t *testing.T, f *pdfobj.File) {
		delete(f.Root(), "StructTreeRoot")
	}, []string{"struct-tree", "link-struct"}},
	{"non-standard structure type", func(t *testing.T, f *pdfobj.File) {
		first(t, f, "BlockQuote")["S"] = pdfobj.Name("Pullquote")
	}, []string{"role-nonstandard"}},
	{"circular role map", func(t *testing.T, f *pdfobj.File) {
		f.Dict(f.Root()["StructTreeRoot"])["RoleMap"] = pdfobj.Dict{"Aa": pdfobj.Name("Bb"), "Bb": pdfobj.Name("Aa")}
	}, []string{"role-circular"}},
	{"standard type remapped", func(t *testing.T, f *pdfobj.File) {
		f.Dict(f.Root()["StructTreeRoot"])["RoleMap"] = pdfobj.Dict{"BlockQuote": pdfobj.Name("P")}
	}, []string{"role-remapped"}},
	{"no XMP metadata", func(t *testing.T, f *pdfobj.File) {
		delete(f.Root(), "Metadata")
	}, []string{"xmp-missing"}},
	{"XMP without the PDF/UA identifier", func(t *testing.T, f *pdfobj.File) {
		setXMP(f, xmpHead+`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Hamlet</rdf:li></rdf:Alt></dc:title>`+xmpTail)
	}, []string{"xmp-pdfuaid"}},
	{"XMP without dc:title", func(t *testing.T, f *pdfobj.File) {
		setXMP(f, xmpHead+`<pdfuaid:part>1</pdfuaid:part>`+xmpTail)
	}, []string{"xmp-title"}},
	{"no DisplayDocTitle", func(t *testing.T, f *pdfobj.File) {
		delete(f.Root(), "ViewerPreferences")
	}, []string{"display-doc-title"}},
	{"DisplayDocTitle false", func(t *testing.T, f *pdfobj.File) {
		f.Dict(f.Root()["ViewerPreferences"])["DisplayDocTitle"] = false
	}, []string{"display-doc-title-false"}},
	{"table row that is not a TR", func(t *testing.T, f *pdfobj.File) {
		first(t, f, "TR")["S"] = pdfobj.Name("Div")
	}, []string{"table-structure"}},
	{"list item body that is not an LBody", func(t *testing.T, f *pdfobj.File) {
		first(t, f, "LBody")["S"] = pdfobj.Name("P")
	}, []string{"list-structure"}},
	{"contents entry that is not a TOCI", func(t *testing.T, f *pdfobj.File) {
		first(t, f, "TOCI")["S"] = pdfobj.Name("P")
	}, []string{"toc-structure"}},
	{"font without ToUnicode", func(t *testing.T, f *pdfobj.File) {
		delete(firstFont(t, f), "ToUnicode")
	}, []string{"font-tounicode"}},
	{"font not embedded", func(t *testing.T, f *pdfobj.File) {
		ft := firstFont(t, f)
		desc := f.Dict(f.Resolve(ft["DescendantFonts"]).(pdfobj.Array)[0])
		delete(f.Dict(desc["FontDescriptor"]), "FontFile2")
	}, []string{"font-embedded"}},
	{"no Lang", func(t *testing.T, f *pdfobj.File) {
		delete(f.Root(), "Lang")
	}, []string{"lang"}},
	{"figure without alternative text", func(t *testing.T, f *pdfobj.File) {
		first(t, f, "BlockQuote")["S"] = pdfobj.Name("Figure")
	}, []string{"figure-alt"}},
	{"first heading not H1", func(t *testing.T, f *pdfobj.File) {
		first(t, f, "H1")["S"] = pdfobj.Name("H2")
	}, []string{"heading-first"}},
	{"heading level skipped", func(t *testing.T, f *pdfobj.File) {
		first(t, f, "H2")["S"] = pdfobj.Name("H4")
	}, []string{"heading-skip"}},
	{"H mixed with H1-H6", func(t *testing.T, f *pdfobj.File) {
		first(t, f, "H2")["S"] = pdfobj.Name("H")
	}, []string{"heading-mixed"}},
	{"TH without Scope", func(t *testing.T, f *pdfobj.File) {
		delete(first(t, f, "TH"), "A")
	}, []string{"th-scope"}},
	{"annotation not in an Annot element", func(t *testing.T, f *pdfobj.File) {
		firstLink(t, f)["Subtype"] = pdfobj.Name("Square")
	}, []string{"annot-struct"}},
	{"annotated page without Tabs", func(t *testing.T, f *pdfobj.File) {
		delete(annotated(t, f).Dict, "Tabs")
	}, []string{"tabs-missing"}},
	{"annotated page with Tabs /R", func(t *testing.T, f *pdfobj.File) {
		annotated(t, f).Dict["Tabs"] = pdfobj.Name("R")
	}, []string{"tabs-not-s"}},
	{"link without StructParent", func(t *testing.T, f *pdfobj.File) {
		delete(firstLink(t, f), "StructParent")
	}, []string{"link-struct"}},
	{"link without Contents", func(t *testing.T, f *pdfobj.File) {
		delete(firstLink(t, f), "Contents")
	}, []string{"link-contents"}},
}

// TestMutations breaks one property of a good file at a time, writes the
// file out and reads it back, and expects exactly that property's checks
// to fail. A check the good file already fails (before a fix lands) only
// has to be reported still.
func TestMutations(t *testing.T) {
	b := goodPDF(t)
	base := checks(t, b)
	covered := map[string]bool{}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			f, err := pdfobj.Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			m.mutate(t, f)
			got := checks(t, pdfobj.Write(f))
			for _, w := range m.want {
				covered[w] = true
				if !got[w] {
					t.Errorf("check %s (Matterhorn %s) did not fail", w, matterhorn.Checks[w])
				}
			}
			for g := range got {
				if !slices.Contains(m.want, g) && !base[g] {
					t.Errorf("check %s failed too", g)
				}
			}
		})
	}
	for c := range matterhorn.Checks {
		if !covered[c] {
			t.Errorf("no mutation makes check %s (%s) fail", c, matterhorn.Checks[c])
		}
	}
}

// TestWrittenFileUnchanged: writing the good file out (uncompressed,
// classic cross-reference) changes nothing the checker sees, so that a
// mutation's failures are the mutation's.
func TestWrittenFileUnchanged(t *testing.T) {
	b := goodPDF(t)
	f, err := pdfobj.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	w := pdfobj.Write(f)
	a, z := checks(t, b), checks(t, w)
	if !maps(a, z) {
		t.Fatalf("checks differ: %v vs %v", a, z)
	}
	if !bytes.Equal(w, pdfobj.Write(mustParse(t, w))) {
		t.Error("writing is not stable: parse(write(f)) writes other bytes")
	}
}

func mustParse(t *testing.T, b []byte) *pdfobj.File {
	t.Helper()
	f, err := pdfobj.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func maps(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// BenchmarkCheck is the checker's cost on one guide PDF (read and check).
func BenchmarkCheck(b *testing.B) {
	data := goodPDF(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := matterhorn.Check(data); err != nil {
			b.Fatal(err)
		}
	}
}
