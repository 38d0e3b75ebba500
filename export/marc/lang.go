package marc

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/guidepress/guidepress/internal/langname"
)

// bibliographic holds the MARC Code List for Languages codes that differ
// from ISO 639-2/T (which x/text gives): MARC uses the bibliographic forms.
var bibliographic = map[string]string{
	"bod": "tib", "ces": "cze", "cym": "wel", "deu": "ger", "ell": "gre", "eus": "baq",
	"fas": "per", "fra": "fre", "hye": "arm", "isl": "ice", "kat": "geo", "mkd": "mac",
	"mri": "mao", "msa": "may", "mya": "bur", "nld": "dut", "ron": "rum", "slk": "slo",
	"sqi": "alb", "zho": "chi",
}

// LanguageCode is the MARC language code (008/35-37, 041 $a) of a BCP 47
// tag: "en-GB" → "eng", "fr" → "fre".
func LanguageCode(tag string) (string, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return "", fmt.Errorf("language %q is not a BCP 47 tag", tag)
	}
	base, _ := t.Base()
	code := base.ISO3()
	if b, ok := bibliographic[code]; ok {
		code = b
	}
	if len(code) != 3 {
		return "", fmt.Errorf("language %q has no three-letter code", tag)
	}
	return code, nil
}

// LanguageName is the language's English name, for 546 ("English").
func LanguageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	base, _ := t.Base()
	if n := langname.Language(base); n != "" {
		return n
	}
	return tag
}
