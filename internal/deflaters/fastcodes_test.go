package deflaters

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	kflate "github.com/klauspost/compress/flate"
)

// fastCodeInputs are streams of the shapes the PDF compresses (a page's
// few hundred bytes of text operators, an object stream's dictionaries)
// and the awkward ones: empty, one byte, two symbols, random bytes (stored
// blocks), and skewed byte counts whose Huffman code is longer than
// deflate's 15 bits (Fibonacci counts), where the writer must fall back
// to package-merge.
func fastCodeInputs() map[string][]byte {
	page := "q BT\n/F1 11.00 Tf\n0.102 g\n91.58 737.72 Td\n(Section 1234)Tj\n0 -15.4 Td\n(Text 1234 of the guide.)Tj\nET Q\n"
	var dicts strings.Builder
	for i := range 400 {
		fmt.Fprintf(&dicts, "<</Type /Annot /Subtype /Link /Rect [72 %d.5 200 %d] /Border [0 0 0] /Dest [%d 0 R /XYZ 0 792 null]>>\n", 700-i%50, 712-i%50, 3*i+4)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 3000)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	// Counts each one more than the two before it's (1, 1, 3, 5, 9, 15,
	// …: 20 bytes, 24,475 in all, one block), shuffled: every merge of
	// Huffman's takes the tree built so far, a code 20 bits deep.
	var fib []byte
	a, b := 1, 1
	for s := range 20 {
		fib = append(fib, bytes.Repeat([]byte{byte('A' + s)}, a)...)
		a, b = b, a+b+1
	}
	rng.Shuffle(len(fib), func(i, j int) { fib[i], fib[j] = fib[j], fib[i] })
	inputs := map[string][]byte{
		"empty":      nil,
		"one":        []byte("x"),
		"two":        []byte("abababababbbbbbaaabab"),
		"page":       []byte(page),
		"pages":      []byte(strings.Repeat(page, 40)),
		"dicts":      []byte(dicts.String()),
		"random":     random,
		"fibonacci":  fib,
		"fibShort":   fib[:9000],
		"textAndFib": append([]byte(strings.Repeat(page, 3)), fib[:12000]...),
	}
	for n := 20; n <= 2000; n = n*3/2 + 1 {
		inputs[fmt.Sprintf("page%d", n)] = []byte(strings.Repeat(page, 30))[:n]
	}
	return inputs
}

// A writer with SetFastCodes writes streams that read back as their data,
// at levels 6 (the PDF's) and HuffmanOnly (literals alone: the skewed
// input's code must be limited there), and as short as package-merge's
// codes make them: Huffman's code is optimal too, so only the code
// tables' own encoding can differ, by a few bytes (and, where the sizes
// are that close, the writer's choice of a fixed or stored block).
func TestFastCodesReadBackAsShort(t *testing.T) {
	for _, level := range []int{Level, kflate.HuffmanOnly} {
		var sumFast, sumPM int
		for name, in := range fastCodeInputs() {
			pm := compressWith(t, level, false, in)
			fast := compressWith(t, level, true, in)
			back, err := io.ReadAll(flate.NewReader(bytes.NewReader(fast)))
			if err != nil || !bytes.Equal(back, in) {
				t.Errorf("level %d, %s: read back %d bytes (%v), want the %d written", level, name, len(back), err, len(in))
			}
			if d := len(fast) - len(pm); d > 8 || d < -8 {
				t.Errorf("level %d, %s: %d bytes with fast codes, %d with package-merge's", level, name, len(fast), len(pm))
			}
			sumFast += len(fast)
			sumPM += len(pm)
		}
		if sumFast > sumPM+sumPM/1000 {
			t.Errorf("level %d: %d bytes in all with fast codes, %d with package-merge's", level, sumFast, sumPM)
		}
	}
}

// compressWith deflates in at level with a new writer, fast codes on or off.
func compressWith(t *testing.T, level int, fast bool, in []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	fw, err := kflate.NewWriter(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	fw.SetFastCodes(fast)
	fw.Write(in)
	fw.Close()
	return b.Bytes()
}

// A writer put back with fast codes on gives package-merge's codes to the
// next holder (the EPUB's container, whose bytes stay klauspost's): Put
// turns them off.
func TestPutTurnsFastCodesOff(t *testing.T) {
	release()
	in := fastCodeInputs()["dicts"]
	var b bytes.Buffer
	w := Get(&b)
	w.SetFastCodes(true)
	w.Write(in)
	w.Close()
	Put(w)
	b.Reset()
	w = Get(&b)
	w.Write(in)
	w.Close()
	Put(w)
	if want := compressWith(t, Level, false, in); !bytes.Equal(b.Bytes(), want) {
		t.Errorf("the writer put back wrote %d bytes, a new one %d: not the same bytes", b.Len(), len(want))
	}
}

// The fast codes' bytes are pinned: generateFast's sorting by counting and
// its codes assigned in the symbols' order give the canonical code that
// sortByFreq and assignEncodingAndSize gave (checked on the 202,225 page
// streams of 4 MiB of one-line sections too), so a change of either shows
// here as a change of the PDF's bytes, which is then meant or a mistake.
func TestFastCodesBytesPinned(t *testing.T) {
	inputs := fastCodeInputs()
	names := make([]string, 0, len(inputs))
	for name := range inputs {
		names = append(names, name)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, level := range []int{Level, kflate.HuffmanOnly} {
		for _, name := range names {
			h.Write(compressWith(t, level, true, inputs[name]))
		}
	}
	const want = "0131a0bae769dae78776635e84f444e6f1e6556e898b5b78b52a27cf3951225e"
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		t.Errorf("fast codes' streams hash to %s, want %s", got, want)
	}
}
