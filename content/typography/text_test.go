package typography

import (
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/content"
)

func TestSmartText(t *testing.T) {
	em := func(s string) content.Span { return content.Span{Text: s, Em: true} }
	pl := func(s string) content.Span { return content.Span{Text: s} }
	tests := []struct {
		in, want content.Text
	}{
		{content.Text{pl(`He read "`), em("Emma"), pl(`" twice.`)}, content.Text{pl("He read “"), em("Emma"), pl("” twice.")}},
		{content.Text{em("Hamlet"), pl("'s doubt -- and 'tis...")}, content.Text{em("Hamlet"), pl("’s doubt — and ’tis…")}},
		{content.Text{pl("'"), em("Quoted"), pl("'")}, content.Text{pl("‘"), em("Quoted"), pl("’")}},
		{content.Text{{Text: `"link"`, Href: "https://e.org/a--b"}}, content.Text{{Text: "“link”", Href: "https://e.org/a--b"}}},
	}
	for _, tt := range tests {
		if got := SmartText(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SmartText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
