package typography

import (
	"reflect"
	"testing"

	"github.com/guidepress/guidepress/content"
)

func TestSmart(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"Hello," she said.`, `“Hello,” she said.`},
		{`It's Kathy's tape.`, `It’s Kathy’s tape.`},
		{`the students' art`, `the students’ art`},
		{`back in the '80s and '90s`, `back in the ’80s and ’90s`},
		{`'Tis the season`, `’Tis the season`},
		{`rock 'n' roll`, `rock ’n’ roll`},
		// An elided n before a consonant (Italian, its dialects).
		{`Padron 'Ntoni e 'Ntoni's boat`, `Padron ’Ntoni e ’Ntoni’s boat`},
		{`la 'ndrangheta, 'nzomma`, `la ’ndrangheta, ’nzomma`},
		{`'Twas brillig; 'tis so`, `’Twas brillig; ’tis so`},
		{`'Nino,' she said`, `‘Nino,’ she said`},
		{`'Nyx' and 'Nero'`, `‘Nyx’ and ‘Nero’`},
		{`'Run,' he said`, `‘Run,’ he said`},
		{`"'Tis true," said Ruth.`, `“’Tis true,” said Ruth.`},
		{`He said "the 'possible' one" twice.`, `He said “the ‘possible’ one” twice.`},
		{`wait--no---stop`, `wait—no—stop`},
		{`Stand in the desert. . . . Near them`, `Stand in the desert…. Near them`},
		{`and then . . . silence`, `and then … silence`},
		// Chinese and Japanese put no space before a quotation: marks
		// between letters pair up, the first opening.
		{`却总用"精神胜利法"安慰自己。`, `却总用“精神胜利法”安慰自己。`},
		{`他说："我们先前比你阔得多啦！"`, `他说：“我们先前比你阔得多啦！”`},
		{`阿Q为什么想要"革命"?`, `阿Q为什么想要“革命”?`},
		{`下人は"きっと、そうか"と言った。`, `下人は“きっと、そうか”と言った。`},
		{`and then... nothing`, `and then… nothing`},
		{`(“already” curly)`, `(“already” curly)`},
		{`("quoted")`, `(“quoted”)`},
		{`fate—"donations," she said`, `fate—“donations,” she said`},
		{`5 - 3`, `5 - 3`},
		// German typed on a keyboard without “: the straight mark that
		// closes „ closes it with “ (it was ”), ‚…' with ‘; the typed
		// marks stay; a quotation inside opens and closes as before; a
		// mark after a “ that closed a „ does not open.
		{`Er sagt „Ja" und „Nein".`, `Er sagt „Ja“ und „Nein“.`},
		{`„Er sagte "Nein" und ging."`, `„Er sagte “Nein” und ging.“`},
		{`Er meint es ‚nur so' und ‚hab's'.`, `Er meint es ‚nur so‘ und ‚hab’s‘.`},
		{`„Das ist mein Deich“ und „Koog“`, `„Das ist mein Deich“ und „Koog“`},
		{`„Deich“'s`, `„Deich“’s`},
		{`"Nein," sagt er.`, `“Nein,” sagt er.`},
		{`Kathy H. - The Reflective Narrator`, `Kathy H. – The Reflective Narrator`},
		{`"deferrals" - a rumour - spread`, `“deferrals” – a rumour – spread`},
		{`well- and ill-formed, -5`, `well- and ill-formed, -5`},
		{`no punctuation here`, `no punctuation here`},
		{`"`, `”`},
		{`''`, `‘’`},
	}
	for _, tt := range tests {
		if got := Smart(tt.in); got != tt.want {
			t.Errorf("Smart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSmartIn: the straight mark that closes „ or ‚ closes it with the
// language's mark: “ and ‘ in German, Czech or unknown, ” and ’ in Polish,
// Dutch and the others CLDR gives „…” (it was ” in all of them).
func TestSmartIn(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"de", `„Ja" und ‚nein'`, `„Ja“ und ‚nein‘`},
		{"de-AT", `„Ja"`, `„Ja“`},
		{"cs", `„Ano"`, `„Ano“`},
		{"", `„Ja"`, `„Ja“`},
		{"pl", `„Tak" i ‚nie'`, `„Tak” i ‚nie’`},
		{"nl", `„Ja", zei hij.`, `„Ja”, zei hij.`},
		{"pl", `"Tak"`, `“Tak”`},
		{"en", `"Yes," 'no'`, `“Yes,” ‘no’`},
	}
	for _, tt := range tests {
		if got := SmartIn(tt.in, tt.lang); got != tt.want {
			t.Errorf("SmartIn(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestRepair(t *testing.T) {
	r := NewRepairs()
	lines := []string{
		"a lost paradise〞a time of innocence",
		"plain line",
		"boundaries〞the fence〞the shore",
		"It doesnâ€™t matter â€” Ã©lan and caf\u00c3\u00a9",
		"Ã‰mile said â€œyesâ€ twice, â€œnoâ€\u009d once",
		"ï»¿Leading BOM",
		"〝CJK quotes〞 stay",
		"Çà and Ñá are fine",
	}
	want := []string{
		"a lost paradise—a time of innocence",
		"plain line",
		"boundaries—the fence—the shore",
		"It doesn’t matter — élan and café",
		"Émile said “yes” twice, “no”\u009d once",
		"Leading BOM",
		"〝CJK quotes〞 stay",
		"Çà and Ñá are fine",
	}
	for i, l := range lines {
		if got := r.Line(i+1, l); got != want[i] {
			t.Errorf("line %d = %q, want %q", i+1, got, want[i])
		}
	}
	got := r.Diagnostics()
	wantD := []content.Diagnostic{
		{Line: 1, Severity: content.Warning, Message: "replaced 3 × U+301E (CJK closing quotation mark), left where an em dash belongs by a broken conversion, with — (first on line 1)"},
		{Line: 4, Severity: content.Warning, Message: `replaced 1 × "â€™", UTF-8 once read as Windows-1252, with "’" (first on line 4)`},
		{Line: 4, Severity: content.Warning, Message: `replaced 1 × "â€”", UTF-8 once read as Windows-1252, with "—" (first on line 4)`},
		{Line: 4, Severity: content.Warning, Message: `replaced 2 × "Ã©", UTF-8 once read as Windows-1252, with "é" (first on line 4)`},
		{Line: 5, Severity: content.Warning, Message: `replaced 1 × "Ã‰", UTF-8 once read as Windows-1252, with "É" (first on line 5)`},
		{Line: 5, Severity: content.Warning, Message: `replaced 2 × "â€œ", UTF-8 once read as Windows-1252, with "“" (first on line 5)`},
		{Line: 5, Severity: content.Warning, Message: `replaced 2 × "â€", a right quotation mark once read as Windows-1252, with "”" (first on line 5)`},
		{Line: 6, Severity: content.Warning, Message: "removed 1 byte-order mark(s) read as text (ï»¿) (first on line 6)"},
	}
	if !reflect.DeepEqual(got, wantD) {
		for _, d := range got {
			t.Logf("%+v", d)
		}
		t.Errorf("diagnostics differ")
	}
}

// TestRepairNeverMakesControls: mojibake that would decode to a control
// character or a noncharacter is left alone rather than made invisible.
func TestRepairNeverMakesControls(t *testing.T) {
	r := NewRepairs()
	for _, s := range []string{"a\u00c2\u2026b", "x\u00ef\u00bf\u00bey", "Â\u00ad"} {
		if got := r.Line(1, s); got != s {
			t.Errorf("Line(%q) = %q, want it unchanged", s, got)
		}
	}
	if got := r.Line(2, "an\u00c2\u00a0nbsp and â€‚ en space"); got != "an\u00a0nbsp and \u2002 en space" {
		t.Errorf("spaces: %q", got)
	}
}
