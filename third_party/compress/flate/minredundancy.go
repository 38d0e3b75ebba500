package flate

// Minimum-redundancy code lengths computed in place (Moffat and
// Katajainen, 1995), for the writers that ask for them (Writer.SetFastCodes;
// added for guidepress, see README.guidepress.md).
//
// generate's package-merge (bitCounts) finds an optimal code within the
// length limit in time proportional to the symbols times the limit: for the
// short streams a PDF's pages are (a few hundred bytes each, and 195,699
// of them for 4 MiB of one-line sections) it was a third of deflating's
// time. Huffman's code, computed in linear time once the symbols are
// sorted, is optimal too whenever its longest code is within the limit,
// which a short stream's always is (a code longer than 15 bits needs at
// least 1,597 symbols counted); otherwise package-merge runs as before.
// Where several codes are optimal the two may choose different ones: the
// data's size is the same, the bytes need not be.

// generateFast is generate with the code lengths from minRedundancy, or
// from bitCounts when Huffman's code is longer than maxBits.
//
// The symbols are sorted by count (and by value within a count, the
// order sortByFreq gives) by counting, where the counts are small (a
// short stream's always are), and their codes assigned in the symbols'
// order rather than each length's symbols sorted: the same canonical
// code, in a quarter of the time (package-merge dwarfed both before).
func (h *huffmanEncoder) generateFast(freq []uint16, maxBits int32, sc *fastScratch) {
	list := h.freqcache[:len(freq)+1]
	codes := h.codes[:len(freq)]
	count := 0
	maxFreq := uint16(0)
	for i, f := range freq {
		if f != 0 {
			list[count] = literalNode{uint16(i), f}
			count++
			maxFreq = max(maxFreq, f)
		} else {
			codes[i] = 0
		}
	}
	list[count] = literalNode{}
	list = list[:count]
	if count <= 2 {
		for i, node := range list {
			h.codes[node.literal].set(uint16(i), 1)
		}
		return
	}
	if int(maxFreq) < len(sc.counts) {
		sortByCount(list, sc.counts[:maxFreq+1], sc.sorted[:count])
	} else {
		sortByFreq(list)
	}
	bitCount, ok := h.minRedundancy(list, maxBits, sc)
	if !ok {
		h.assignEncodingAndSize(h.bitCounts(list, maxBits), list)
		return
	}
	// Each symbol's length (the most frequent the shortest), then the
	// canonical codes (RFC 1951 §3.2.2) in the symbols' order.
	i := len(list)
	var next [maxBitsLimit + 1]uint16
	code := uint16(0)
	for n, bits := range bitCount {
		code <<= 1
		next[n] = code
		code += uint16(bits)
		for ; bits > 0; bits-- {
			i--
			codes[list[i].literal] = hcode(n)
		}
	}
	for s, f := range freq {
		if f != 0 {
			n := uint8(codes[s])
			codes[s] = newhcode(reverseBits(next[n], n), n)
			next[n]++
		}
	}
}

// sortByCount sorts list, in increasing order of value, by increasing
// count (all below len(counts)), stably: sortByFreq's order. counts and
// tmp (as long as list) are scratch.
func sortByCount(list []literalNode, counts []int32, tmp []literalNode) {
	clear(counts)
	for _, l := range list {
		counts[l.freq]++
	}
	at := int32(0)
	for f, c := range counts {
		counts[f] = at
		at += c
	}
	for _, l := range list {
		tmp[counts[l.freq]] = l
		counts[l.freq]++
	}
	copy(list, tmp)
}

// minRedundancy is the number of symbols of each code length in a
// Huffman code for list (at least 3 symbols, sorted by increasing
// frequency), or false when its longest code is longer than maxBits.
func (h *huffmanEncoder) minRedundancy(list []literalNode, maxBits int32, sc *fastScratch) ([]int32, bool) {
	n := len(list)
	a := sc.weights[:n]
	for i, l := range list {
		a[i] = int32(l.freq)
	}
	// Phase 1: the internal nodes' weights, each replaced by its
	// parent's index once used.
	a[0] += a[1]
	root, leaf := 0, 2
	for next := 1; next < n-1; next++ {
		if leaf >= n || a[root] < a[leaf] {
			a[next] = a[root]
			a[root] = int32(next)
			root++
		} else {
			a[next] = a[leaf]
			leaf++
		}
		if leaf >= n || (root < next && a[root] < a[leaf]) {
			a[next] += a[root]
			a[root] = int32(next)
			root++
		} else {
			a[next] += a[leaf]
			leaf++
		}
	}
	// Phase 2: the internal nodes' depths.
	a[n-2] = 0
	for next := n - 3; next >= 0; next-- {
		a[next] = a[a[next]] + 1
	}
	// Phase 3: the leaves' depths, counted by depth.
	bitCount := h.bitCount[:]
	clear(bitCount)
	avail, used, depth := 1, 0, int32(0)
	root = n - 2
	maxDepth := int32(0)
	for avail > 0 {
		for root >= 0 && a[root] == depth {
			used++
			root--
		}
		if leaves := avail - used; leaves > 0 {
			if depth > maxBits {
				return nil, false
			}
			bitCount[depth] += int32(leaves)
			maxDepth = depth
		}
		avail = 2 * used
		depth++
		used = 0
	}
	return bitCount[:maxDepth+1], true
}

// gen is h.generate, or h.generateFast for a writer set so.
func (w *huffmanBitWriter) gen(h *huffmanEncoder, freq []uint16, maxBits int32) {
	if w.fastCodes {
		if w.scratch == nil {
			w.scratch = new(fastScratch)
		}
		h.generateFast(freq, maxBits, w.scratch)
		return
	}
	h.generate(freq, maxBits)
}

// SetFastCodes has the writer build its Huffman codes in linear time
// (minRedundancy) where that gives an optimal code within deflate's
// limits, from the next block on: the same size, not always the same
// bytes as without. Reset keeps the setting. (Added for guidepress.)
func (w *Writer) SetFastCodes(on bool) { w.d.w.fastCodes = on }

// fastScratch is generateFast's and minRedundancy's scratch, one a
// writer, made when it first builds fast codes.
type fastScratch struct {
	weights [literalCount]int32
	counts  [512]int32
	sorted  [literalCount]literalNode
}
