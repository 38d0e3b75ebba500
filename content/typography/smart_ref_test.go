package typography

import (
	"strings"
	"testing"
	"unicode"
)

// curlRunes is the rune-slice version of curl that it replaced, kept as
// the reference the byte version must match.
func curlRunes(s string, closers [2]rune) string {
	rs := []rune(s)
	open := false // a double quotation is open (for Chinese and Japanese)
	low := lowQuotes{closers: closers, closed: -1}
	for i, r := range rs {
		if r != '"' && r != '\'' {
			if strings.ContainsRune(lowMarks, r) {
				next := ' '
				if i+1 < len(rs) {
					next = rs[i+1]
				}
				low.see(r, next, i+1)
			}
			continue
		}
		var prev, next rune = ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		opens := opensAfter(prev) && !unicode.IsSpace(next) && !(prev == '“' && low.closed == i)
		if m := low.lowMark(byte(r), prev, next, opens); m != 0 {
			rs[i] = m
			if r == '"' {
				open = false
			}
			continue
		}
		if r == '"' && unspaced(prev) && !unicode.IsSpace(next) {
			opens = !open
		}
		if r == '"' {
			open = opens
			if opens {
				rs[i] = '“'
			} else {
				rs[i] = '”'
			}
			continue
		}
		if opens && !elisionRunes(rs[i+1:]) {
			rs[i] = '‘'
		} else {
			rs[i] = '’'
		}
	}
	return string(rs)
}

var curlCases = []string{
	``, `"`, `'`, `""`, `''`, `"'`, `'"`, `a"b`, `"Hello," she said.`, `'Tis the season`,
	`rock 'n' roll`, `the '80s and '90`, `'em and 'em 'til`, `'em' he said`, `“already” 'x'`,
	"(\"quoted\")", "—\"dash\"", "\xff\"bad\xfe'", "é'é\"é", "\u00a0\"nbsp\"", `5'10"`,
	`it's Kathy's "Norfolk"`, "'\xe2\x80\x99'", `'1999'`, `'12a`, `'Ntoni's 'nzomma 'Nino' 'N'`, `"` + "\t" + `"`,
	`总用"精神胜利法"安慰`, `他说："你好"。`, `“已”"x"`, `阿Q"革命"`, `"a"字"b"`,
	`„Ja" und „Nein"`, `„Er sagte "Nein" und ging"`, `„Ja“"x"`, `‚nur so' und ‚hab's'`, `„offen`, `"„a" "b"`, `„a"„b"`, `‚x'y'`,
}

func TestCurlMatchesRunes(t *testing.T) {
	for _, c := range curlCases {
		if got, want := curl(c, lowClosers("")), curlRunes(c, lowClosers("")); got != want {
			t.Errorf("curl(%q) = %q, want %q", c, got, want)
		}
	}
}

func FuzzCurl(f *testing.F) {
	for _, c := range curlCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := curl(s, lowClosers("")), curlRunes(s, lowClosers(""))
		if got != want {
			t.Fatalf("curl(%q) = %q, want %q", s, got, want)
		}
		if !strings.ContainsAny(s, "\"'") && got != string([]rune(s)) {
			t.Fatalf("curl(%q) changed text without marks: %q", s, got)
		}
	})
}

// elisionRunes is elision as it was, on runes.
func elisionRunes(rest []rune) bool {
	if len(rest) >= 2 && unicode.IsDigit(rest[0]) && unicode.IsDigit(rest[1]) && (len(rest) == 2 || !unicode.IsDigit(rest[2])) {
		return true
	}
	if len(rest) >= 2 && (rest[0] == 'n' || rest[0] == 'N') && consonant(rest[1]) {
		return true // 'Ntoni
	}
	end := 0
	for end < len(rest) && unicode.IsLetter(rest[end]) {
		end++
	}
	if end == 0 {
		return false
	}
	w := strings.ToLower(string(rest[:end]))
	if w == "n" && end < len(rest) && rest[end] == '\'' {
		return true // rock 'n' roll
	}
	for _, e := range elisions {
		if w == e {
			for _, r := range rest[end:] {
				if r == '\'' {
					return w == "tis" || w == "twas"
				}
			}
			return true
		}
	}
	return false
}

// curl looks for lowMarks only in segments holding the byte E2 (the lead
// byte of U+2000–U+2FFF): a mark added to lowMarks outside that block
// would be missed.
func TestLowMarksLeadByte(t *testing.T) {
	for _, r := range lowMarks {
		if s := string(r); s[0] != 0xE2 {
			t.Errorf("lowMarks holds %q (% x), which curl's IndexByte(0xE2) check does not find", r, s)
		}
	}
}
