package epub

import "time"

// Files returns the files of an EPUB container by name (mimetype too), for
// writers that derive another book from an EPUB (export/kepub).
func Files(data []byte) (map[string][]byte, error) { return unzip(data) }

// Container zips files into an OCF container the way Build does: mimetype
// first and stored, the rest in a fixed order, every entry stamped with t,
// so that equal files give equal bytes.
func Container(files map[string][]byte, t time.Time) ([]byte, error) {
	out := make(map[string][]byte, len(files))
	for name, data := range files {
		out[name] = data
	}
	out["mimetype"] = []byte(mimetype)
	return zipDeterministic(out, t)
}
