package flate

import "io"

// ResetLevel is Reset, the writer compressing at level from then on, as a
// writer NewWriter made at level would: the same bytes. It changes the
// level only between 5 and 6, whose encoders (fastEncL5, fastEncL6) have
// the same tables, so that one writer, about 1 MB, serves both; it
// reports false, and changes nothing, for another change of level or a
// writer made with a dictionary. (Added for guidepress; see
// README.guidepress.md.)
func (w *Writer) ResetLevel(dst io.Writer, level int) bool {
	if len(w.dict) > 0 {
		return false
	}
	if level != w.d.level {
		switch f := w.d.fast.(type) {
		case *fastEncL5:
			if level != 6 {
				return false
			}
			w.d.fast = (*fastEncL6)(f)
		case *fastEncL6:
			if level != 5 {
				return false
			}
			w.d.fast = (*fastEncL5)(f)
		default:
			return false
		}
		w.d.level = level
	}
	w.d.reset(dst)
	return true
}
