package typeset

import (
	"bytes"
	"encoding/binary"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/language"
)

var update = flag.Bool("update", false, "rewrite latin.bin")

// buildLatin shapes, with HarfBuzz, every pair of latinRunes in f, and
// every ligature found with every character on either side, and writes
// what the fast path needs (see latin.go).
func buildLatin(f Face) []byte {
	rs := latinRunes()
	shape := func(w []rune) []Glyph { return shapeWord(w, f, 0, language.Latin) }
	nominal := func(r rune) (uint16, int32) {
		g := f.Glyph(r)
		return g, f.Advance(g)
	}
	plain := func(g Glyph, gid uint16, adv int32, kerned bool) bool {
		return g.ID == gid && g.XOffset == 0 && g.YOffset == 0 && (kerned || g.Advance == adv)
	}
	var odd []rune
	var have []rune
	for _, r := range rs {
		gid, adv := nominal(r)
		if gid == 0 {
			continue
		}
		if gs := shape([]rune{r}); len(gs) != 1 || !plain(gs[0], gid, adv, false) {
			odd = append(odd, r)
			continue
		}
		have = append(have, r)
	}
	kern := map[uint32]int16{}
	bad := map[uint32]bool{}
	type lig struct {
		runes []rune
		gid   uint16
		adv   int16
	}
	var ligs []lig
	key := func(l, r uint16) uint32 { return uint32(l)<<16 | uint32(r) }
	for _, a := range have {
		ga, aa := nominal(a)
		for _, b := range have {
			gb, ab := nominal(b)
			gs := shape([]rune{a, b})
			switch {
			case len(gs) == 2 && plain(gs[0], ga, aa, true) && plain(gs[1], gb, ab, false):
				if d := gs[0].Advance - aa; d != 0 {
					kern[key(ga, gb)] = int16(d)
				}
			case len(gs) == 1 && gs[0].XOffset == 0 && gs[0].YOffset == 0:
				ligs = append(ligs, lig{[]rune{a, b}, gs[0].ID, int16(gs[0].Advance)})
			default:
				bad[key(ga, gb)] = true
			}
		}
	}
	for _, l := range slices.Clone(ligs) {
		for _, c := range have {
			if gs := shape(append(slices.Clone(l.runes), c)); len(gs) == 1 && gs[0].XOffset == 0 {
				ligs = append(ligs, lig{append(slices.Clone(l.runes), c), gs[0].ID, int16(gs[0].Advance)})
			}
		}
	}
	// Kerning next to each ligature.
	for _, l := range ligs {
		for _, x := range have {
			gx, ax := nominal(x)
			gs := shape(append([]rune{x}, l.runes...))
			if len(gs) == 2 && plain(gs[0], gx, ax, true) && plain(gs[1], l.gid, int32(l.adv), false) {
				if d := gs[0].Advance - ax; d != 0 {
					kern[key(gx, l.gid)] = int16(d)
				}
			} else {
				bad[key(gx, l.gid)] = true
			}
			gs = shape(append(slices.Clone(l.runes), x))
			if len(gs) == 2 && plain(gs[0], l.gid, int32(l.adv), true) && plain(gs[1], gx, ax, false) {
				if d := gs[0].Advance - int32(l.adv); d != 0 {
					kern[key(l.gid, gx)] = int16(d)
				}
			} else {
				bad[key(l.gid, gx)] = true
			}
		}
	}
	be := binary.BigEndian
	var b []byte
	b = be.AppendUint16(b, uint16(len(odd)))
	for _, r := range odd {
		b = be.AppendUint32(b, uint32(r))
	}
	b = be.AppendUint16(b, uint16(len(ligs)))
	for _, l := range ligs {
		b = append(b, byte(len(l.runes)))
		for _, r := range l.runes {
			b = be.AppendUint32(b, uint32(r))
		}
		b = be.AppendUint16(b, l.gid)
		b = be.AppendUint16(b, uint16(l.adv))
	}
	// Map order is random; the table's is sorted, so -update is stable.
	kerns := slices.Sorted(maps.Keys(kern))
	b = be.AppendUint32(b, uint32(len(kerns)))
	for _, k := range kerns {
		b = be.AppendUint32(b, k)
		b = be.AppendUint16(b, uint16(kern[k]))
	}
	bads := slices.Sorted(maps.Keys(bad))
	b = be.AppendUint32(b, uint32(len(bads)))
	for _, k := range bads {
		b = be.AppendUint32(b, k)
	}
	return b
}

// TestLatinTable: latin.bin is what HarfBuzz gives for the faces today
// (-update rewrites it).
func TestLatinTable(t *testing.T) {
	if testing.Short() && !*update {
		t.Skip("shapes some 300,000 pairs")
	}
	b := []byte("GPL1")
	for _, f := range latinFaces {
		b = append(b, buildLatin(f)...)
	}
	if *update {
		if err := os.WriteFile("latin.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(b, latinBin) {
		t.Errorf("latin.bin is out of date: go test ./typeset -run TestLatinTable -update")
	}
}

// TestFastMatchesShaper: for every word of the seed guide and the
// repository's sample guides, in every face the table covers, the fast
// path gives what HarfBuzz gives, or leaves the word to it.
func TestFastMatchesShaper(t *testing.T) {
	var text []byte
	for _, pat := range []string{"../../shared/seed/*.txt", "../testdata/*.md", "../testdata/*/*.md", "../examples/*.md"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err == nil {
				text = append(text, b...)
			}
		}
	}
	text = append(text, " office affluent baffled shuffle fjord Æsop “To” AVAWAY LTA P. f) ‘fi’ ff. fi, –fl—"...)
	seen := map[string]bool{}
	var words [][]rune
	for _, w := range strings.Fields(string(text)) {
		if !seen[w] {
			seen[w] = true
			words = append(words, []rune(w))
		}
	}
	if len(words) < 1000 {
		t.Logf("only %d words to compare", len(words))
	}
	fast := 0
	for _, f := range latinFaces {
		for _, w := range words {
			gs, ok := fastWord(nil, w, f, 0)
			if !ok {
				continue
			}
			fast++
			want := shapeWord(w, f, 0, scriptOf(w))
			if !slices.Equal(gs, want) {
				t.Errorf("%s %q: fast %v, HarfBuzz %v", f, string(w), gs, want)
			}
		}
	}
	t.Logf("%d words × %d faces, %d set by the fast path", len(words), len(latinFaces), fast)
}

func TestLatinIndex(t *testing.T) {
	rs := latinRunes()
	if len(rs) != latinCount {
		t.Fatalf("%d characters, latinCount %d", len(rs), latinCount)
	}
	for i, r := range rs {
		if latinIndex(r) != i {
			t.Errorf("latinIndex(%U) = %d, want %d", r, latinIndex(r), i)
		}
	}
}
