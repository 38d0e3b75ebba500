package typography

import (
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/content"
)

// TestSmartTextCode: SmartText leaves code as typed and sets the text
// beside it as beside any character.
func TestSmartTextCode(t *testing.T) {
	code := func(s string) content.Span { return content.Span{Text: s, Code: true} }
	plain := func(s string) content.Span { return content.Span{Text: s} }
	for _, c := range []struct{ in, want content.Text }{
		{content.Text{code(`"as is" -- don't...`)}, content.Text{code(`"as is" -- don't...`)}},
		{content.Text{plain(`Run "`), code("x"), plain(`" -- it's`)}, content.Text{plain("Run “"), code("x"), plain("” — it’s")}},
		{content.Text{code("Silas"), plain("'s hoard")}, content.Text{code("Silas"), plain("’s hoard")}},
	} {
		if got := SmartText(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SmartText(%#v) = %#v, want %#v", c.in, got, c.want)
		}
	}
}
