package markdown

import (
	"strconv"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// messages is g's diagnostics, one "line: severity: message" a line.
func messages(g *content.Guide) string {
	var b strings.Builder
	for _, d := range g.Diagnostics {
		b.WriteString(strings.Join([]string{strconv.Itoa(d.Line), string(d.Severity), d.Message}, ": ") + "\n")
	}
	return b.String()
}

// TestTickNotes: a quiz whose answers are ticked among its options gets
// one note, the answer key's, which says the boxes are gone; the boxes of
// a list that is not a quiz's options still get theirs. Before, a ticked
// quiz got both (two infos for one change).
func TestTickNotes(t *testing.T) {
	const top = "# Silas Marner — Quiz\n\nby George Eliot\n\n## Quiz\n\n"
	const quiz = "1. Who steals the gold?\n   - [ ] Godfrey Cass\n   - [x] Dunstan Cass\n2. Where does Eppie come from?\n   - [x] The snow\n   - [ ] The Red House\n"
	for _, c := range []struct {
		name, body string
		want       []string // each note's start, in order
	}{
		{"a ticked quiz: the answer key's note only", quiz,
			[]string{"9: info: read the options ticked ([x])"}},
		{"a checklist after a ticked quiz: its boxes' note too", quiz + "\n## Checklist\n\n- [ ] Read chapter 1\n- [x] Read chapter 2\n",
			[]string{"9: info: read the options ticked ([x])", "16: info: dropped the task-list check boxes"}},
		{"unticked options only: the boxes' note", "1. Who steals the gold?\n   - [ ] Godfrey Cass\n   - [ ] Dunstan Cass\n",
			[]string{"8: info: dropped the task-list check boxes"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := parseValid(t, top+c.body)
			got := strings.Split(strings.TrimSuffix(messages(g), "\n"), "\n")
			ok := len(got) == len(c.want)
			for i := 0; ok && i < len(got); i++ {
				ok = strings.HasPrefix(got[i], c.want[i])
			}
			if !ok {
				t.Errorf("notes:\n%s\nwant lines starting\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
