//go:build pprof

package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// writeRSSMap writes where the process's resident memory is, as it exits
// (a one-guide build's peak: its heap is not collected): each mapping of
// 64 KB or more resident, with its huge pages; the executable's own pages
// by ELF section (from /proc/self/pagemap's present bits); and the Go
// runtime's account. GUIDEPRESS_RSSMAP=file, with -tags pprof, which
// links runtime/pprof and so turns the runtime's allocation sampling on
// (one sample per 512 KiB): a few hundred KiB more than the ordinary
// binary's, in the anonymous mappings.
func writeRSSMap(w io.Writer) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(w, "go: heap in use %d KiB (objects %d KiB), stacks %d KiB, GC metadata %d KiB, other %d KiB, allocated in all %d KiB, collections %d\n",
		m.HeapInuse>>10, m.HeapAlloc>>10, m.StackInuse>>10, m.GCSys>>10, m.OtherSys>>10, m.TotalAlloc>>10, m.NumGC)

	exe, _ := os.Readlink("/proc/self/exe")
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		fmt.Fprintln(w, err)
		return
	}
	var total, file, huge int
	var head string
	var rss, hp int
	flush := func() {
		if head == "" {
			return
		}
		f := strings.Fields(head)
		name := ""
		if len(f) > 5 {
			name = f[5]
		}
		if name == exe {
			file += rss
		}
		if rss >= 64 {
			fmt.Fprintf(w, "%8d KiB  %s %s %s", rss, f[0], f[1], name)
			if hp > 0 {
				fmt.Fprintf(w, " (%d KiB in huge pages)", hp)
			}
			fmt.Fprintln(w)
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(smaps))
	for sc.Scan() {
		line := sc.Text()
		k, v, _ := strings.Cut(line, ":")
		if !strings.Contains(k, " ") && (strings.HasSuffix(v, " kB") || strings.HasSuffix(v, "kB")) {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(v, "kB")))
			switch k {
			case "Rss":
				rss = n
				total += n
			case "AnonHugePages":
				hp = n
				huge += n
			}
			continue
		}
		if strings.Contains(k, "-") && strings.Count(line, " ") >= 4 {
			flush()
			head, rss, hp = line, 0, 0
		}
	}
	flush()
	fmt.Fprintf(w, "resident %d KiB: the executable's pages %d, anonymous %d (huge pages %d)\n", total, file, total-file, huge)
	sections(w, exe)
}

// sections is the executable's resident pages by ELF section.
func sections(w io.Writer, exe string) {
	ef, err := elf.Open(exe)
	if err != nil {
		return
	}
	defer ef.Close()
	pm, err := os.Open("/proc/self/pagemap")
	if err != nil {
		return
	}
	defer pm.Close()
	page := uint64(os.Getpagesize())
	for _, s := range ef.Sections {
		if s.Flags&elf.SHF_ALLOC == 0 || s.Size < 64<<10 {
			continue
		}
		lo, hi := s.Addr/page, (s.Addr+s.Size+page-1)/page
		buf := make([]byte, 8*(hi-lo))
		if _, err := pm.ReadAt(buf, int64(8*lo)); err != nil {
			continue
		}
		n := 0
		for i := 0; i < len(buf); i += 8 {
			if binary.LittleEndian.Uint64(buf[i:])&(1<<63) != 0 {
				n++
			}
		}
		fmt.Fprintf(w, "%-14s %7d KiB, %7d KiB resident\n", s.Name, s.Size>>10, uint64(n)*page>>10)
	}
}
