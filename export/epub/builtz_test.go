package epub

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"
)

// TestBuiltDeflates: builtz.bin holds the container document and the
// stylesheet (without EmbedFonts' rules) as they are today, each with
// what newDeflater gives for it, the bytes zipDeterministic writes
// (-update rewrites it); a process's first book finds them kept.
func TestBuiltDeflates(t *testing.T) {
	b := []byte(builtZMagic)
	for _, f := range []struct {
		name string
		raw  []byte
	}{
		{containerXML, []byte(containerDocument)},
		{opfDir + "css/" + cssFile, (&book{}).stylesheet()},
	} {
		var z bytes.Buffer
		w, _ := newDeflater(&z)
		w.Write(f.raw)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		b = binary.BigEndian.AppendUint16(b, uint16(len(f.name)))
		b = append(b, f.name...)
		b = binary.BigEndian.AppendUint32(b, uint32(len(f.raw)))
		b = append(b, f.raw...)
		b = binary.BigEndian.AppendUint32(b, uint32(z.Len()))
		b = append(b, z.Bytes()...)
		if *update {
			continue
		}
		keptDeflated.Lock()
		keptDeflated.m = nil // as in a new process
		keptDeflated.Unlock()
		if got := keptDeflate(f.name, f.raw); !bytes.Equal(got, z.Bytes()) {
			t.Errorf("%s: a new process's first book deflates it again, or not as newDeflater does", f.name)
		}
		if got := keptDeflate(f.name, append(bytes.Clone(f.raw), ' ')); got != nil {
			t.Errorf("%s: the built bytes are given for other content", f.name)
		}
	}
	if *update {
		if err := os.WriteFile("builtz.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(b) != builtZ {
		t.Errorf("builtz.bin is out of date: go test ./export/epub -run TestBuiltDeflates -update")
	}
}
