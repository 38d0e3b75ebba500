package finish

import "sort"

// fpdfFile is the file fpdf wrote, in the parts it gave them
// (fpdf.OutputChunks): each object lies in one part, so that an object's
// bytes are a slice of its part, and Optimize lets go of the parts it has
// copied (a 4 MiB guide of one-line sections: ~100 MB of dictionaries
// that were held whole until the end, beside the file being written).
type fpdfFile struct {
	parts [][]byte
	base  []int // each part's offset in the file
	size  int
}

func newFpdfFile(parts [][]byte) *fpdfFile {
	f := &fpdfFile{parts: parts, base: make([]int, len(parts))}
	for i, p := range parts {
		f.base[i] = f.size
		f.size += len(p)
	}
	return f
}

// part is the index of the part that holds byte off.
func (f *fpdfFile) part(off int) int {
	return sort.Search(len(f.parts), func(i int) bool { return f.base[i]+len(f.parts[i]) > off })
}

// within reports whether bytes off to end lie in one part.
func (f *fpdfFile) within(off, end int) bool {
	if off < 0 || end < off || end > f.size {
		return false
	}
	if off == end {
		return true
	}
	i := f.part(off)
	return i < len(f.parts) && end <= f.base[i]+len(f.parts[i])
}

// at is bytes off to end, which lie in one part (within).
func (f *fpdfFile) at(off, end int) []byte {
	if off == end {
		return nil
	}
	i := f.part(off)
	return f.parts[i][off-f.base[i] : end-f.base[i]]
}

// drop lets go of the parts before the one that holds byte off (never
// the last, which holds the trailer).
func (f *fpdfFile) drop(off int) {
	for i := f.part(off) - 1; i >= 0 && f.parts[i] != nil; i-- {
		f.parts[i] = nil
	}
}
